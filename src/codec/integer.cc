// integer.cc: the whole-number codec.
#include "codec/integer.h"

#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "codec/text.h"

namespace perfbudget::codec {

Decoded<int> DecodeInteger(std::string_view text, int lo, int hi) {
  const std::string_view s = TrimText(text);
  if (s.empty()) return CodecFailure{ValueKind::kInteger, CodecError::kEmpty, "the value is empty"};
  std::size_t i = 0;
  const bool negative = s[0] == '-';
  if (s[0] == '-' || s[0] == '+') ++i;
  bool digits = i < s.size();
  bool too_large = false;
  std::int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') {
      digits = false;
      break;
    }
    v = v * 10 + (s[i] - '0');
    if (v > (std::int64_t{1} << 40)) {
      too_large = true;
      v = std::int64_t{1} << 40;
    }
  }
  if (!digits) {
    return CodecFailure{ValueKind::kInteger, CodecError::kSyntax,
                        absl::StrCat("\"", AV(s), "\" is not a whole number")};
  }
  if (negative) v = -v;
  if (too_large || v < lo || v > hi) {
    return CodecFailure{
        ValueKind::kInteger, CodecError::kOutOfRange,
        absl::StrCat("\"", AV(s), "\" is out of range (expected a whole number from ", lo, " to ",
                     hi, ")")};
  }
  return static_cast<int>(v);
}

}  // namespace perfbudget::codec
