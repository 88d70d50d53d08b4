// bool.cc: the boolean codec.
#include "codec/bool.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "codec/text.h"

namespace perfbudget::codec {

Decoded<bool> DecodeBool(std::string_view text) {
  const std::string_view v = TrimText(text);
  if (v == "false" || v == "0") return false;  // what the writer writes
  if (v == "true" || v == "1") return true;
  if (v.empty()) return CodecFailure{ValueKind::kBool, CodecError::kEmpty, "the value is empty"};
  const std::string lower = absl::AsciiStrToLower(AV(v));
  if (lower == "true" || lower == "y" || lower == "yes" || v == "是") return true;
  if (lower == "false" || lower == "n" || lower == "no" || v == "否") return false;
  return CodecFailure{ValueKind::kBool, CodecError::kSyntax,
                      absl::StrCat("\"", AV(v), "\" is not a boolean")};
}

}  // namespace perfbudget::codec
