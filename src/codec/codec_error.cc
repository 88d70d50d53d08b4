// codec_error.cc: names and mappings of codec failures.
#include "codec/codec_error.h"

#include "base/absl_compat.h"

namespace perfbudget::codec {

std::string_view CodeOf(CodecError error) {
  switch (error) {
    case CodecError::kEmpty:
      return "empty";
    case CodecError::kSyntax:
      return "syntax";
    case CodecError::kNegative:
      return "negative";
    case CodecError::kSubFen:
      return "sub_fen";
    case CodecError::kOverflow:
      return "overflow";
    case CodecError::kOutOfRange:
      return "out_of_range";
    case CodecError::kUnknownCode:
      return "unknown_code";
  }
  return "?";
}

DiagnosticKind DiagnosticKindOf(const CodecFailure& failure) {
  if (failure.error == CodecError::kEmpty) return DiagnosticKind::kMissing;
  if (failure.kind == ValueKind::kDate) return DiagnosticKind::kDate;
  switch (failure.error) {
    case CodecError::kUnknownCode:
      return DiagnosticKind::kEnumValue;
    case CodecError::kSubFen:
      return DiagnosticKind::kSubFen;
    case CodecError::kOverflow:
      return DiagnosticKind::kOverflow;
    case CodecError::kSyntax:
      return DiagnosticKind::kType;
    case CodecError::kEmpty:
    case CodecError::kNegative:
    case CodecError::kOutOfRange:
      break;
  }
  return DiagnosticKind::kValue;
}

absl::Status ToStatus(const CodecFailure& failure) {
  if (failure.error == CodecError::kOverflow) return absl::OutOfRangeError(AV(failure.message));
  return absl::InvalidArgumentError(AV(failure.message));
}

}  // namespace perfbudget::codec
