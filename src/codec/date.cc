// date.cc: the date codec.
#include "codec/date.h"

#include <string>

#include "codec/text.h"

namespace perfbudget::codec {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "dddd-dd-dd".
bool HasIsoShape(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return false;
  }
  return true;
}

}  // namespace

Decoded<Date> DecodeDate(std::string_view text) {
  const std::string_view s = TrimText(text);
  absl::StatusOr<Date> d = Date::Parse(s);
  if (d.ok()) return *d;
  CodecFailure f;
  f.kind = ValueKind::kDate;
  f.error = s.empty()        ? CodecError::kEmpty
            : HasIsoShape(s) ? CodecError::kOutOfRange
                             : CodecError::kSyntax;
  f.message = std::string(d.status().message());
  return f;
}

}  // namespace perfbudget::codec
