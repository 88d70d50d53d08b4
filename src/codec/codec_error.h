// codec_error.h: what a value codec returns: the value, or the kind of
// refusal with a sentence saying what was wrong.
//
// The codecs (amount.h, ratio.h, integer.h, date.h, enum.h, bool.h, id.h) read one kind
// of value from its text, the same way for every entry point: the JSON and
// CSV dataset readers, the C builder and target text (policy profiles: once
// their simdjson parser, wip/policy-io, is on main). They
// know nothing of places: each reader turns a CodecFailure into its located
// Diagnostic (file, line/column or JSON path, field, value, expected), with
// the DiagnosticKind of DiagnosticKindOf, so the same bad value gives the
// same kind of diagnostic in every form. The grammar of each kind is written
// down in docs/format.md ("Common value rules").
#ifndef PERFBUDGET_SRC_CODEC_CODEC_ERROR_H_
#define PERFBUDGET_SRC_CODEC_CODEC_ERROR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "perfbudget/io/diagnostic.h"

namespace perfbudget::codec {

// Why a value's text was refused.
enum class CodecError : std::uint8_t {
  kEmpty,        // nothing but white space where a value was required
  kSyntax,       // not of the kind's grammar ("abc", "1.5/2", "1e3", "maybe")
  kNegative,     // negative where the field does not allow it
  kSubFen,       // an amount with more precision than a fen ("1.234")
  kOverflow,     // too large for the type (beyond int64 fen, 38 digits)
  kOutOfRange,   // well-formed but no such value (2022-02-30, month 13)
  kUnknownCode,  // an enum text that is no code, label or alias
};

// "empty", "syntax", "negative", "sub_fen", "overflow", "out_of_range",
// "unknown_code".
std::string_view CodeOf(CodecError error);

// The kinds of value the codecs read.
enum class ValueKind : std::uint8_t { kAmount, kRatio, kInteger, kDate, kEnum, kBool, kId };

struct CodecFailure {
  ValueKind kind = ValueKind::kId;
  CodecError error = CodecError::kSyntax;
  std::string message;  // one sentence quoting the value, e.g. "\"1.5/2\" is not ..."
};

// The diagnostic kind a reader reports for a failure: kMissing for kEmpty;
// kDate for any date; kEnumValue for an unknown code; kSubFen and kOverflow
// as such; kType for other syntax ("not a number", "not a boolean"); kValue
// for the rest.
DiagnosticKind DiagnosticKindOf(const CodecFailure& failure);

// OutOfRange for kOverflow, else InvalidArgument; the failure's message.
absl::Status ToStatus(const CodecFailure& failure);

// A decoded value or the failure. Cheap to return: the message is built only
// on failure.
template <typename T>
class [[nodiscard]] Decoded {
 public:
  Decoded(T value) : value_(std::move(value)) {}  // NOLINT: a value converts to its result
  Decoded(CodecFailure failure)                   // NOLINT: so does a failure
      : failure_(std::move(failure)) {}

  bool ok() const { return value_.has_value(); }
  // The value; only when ok().
  const T& value() const& { return *value_; }
  T&& value() && { return *std::move(value_); }
  const T& operator*() const& { return *value_; }
  const T* operator->() const { return &*value_; }
  // The failure; only when !ok().
  const CodecFailure& failure() const { return failure_; }
  CodecError error() const { return failure_.error; }
  const std::string& message() const { return failure_.message; }
  absl::Status status() const { return ok() ? absl::OkStatus() : ToStatus(failure_); }

 private:
  std::optional<T> value_;
  CodecFailure failure_;
};

}  // namespace perfbudget::codec

#endif  // PERFBUDGET_SRC_CODEC_CODEC_ERROR_H_
