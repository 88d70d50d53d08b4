// amount.cc: the amount codec.
#include "codec/amount.h"

#include <optional>
#include <string>

#include "money/fast_decimal.h"
#include "money/number_text.h"

namespace perfbudget::codec {

Decoded<Money> DecodeAmount(std::string_view text, MoneyUnit default_unit) {
  if (default_unit == MoneyUnit::kYuan) {
    if (std::optional<Money> fast = internal::FastParsePlainYuan(text)) return *fast;
  }
  internal::NumberTextError why = internal::NumberTextError::kNone;
  absl::StatusOr<Money> m = internal::ParseMoneyText(text, default_unit, &why);
  if (m.ok()) return *m;
  CodecFailure f;
  f.kind = ValueKind::kAmount;
  switch (why) {
    case internal::NumberTextError::kEmpty:
      f.error = CodecError::kEmpty;
      break;
    case internal::NumberTextError::kSubFen:
      f.error = CodecError::kSubFen;
      break;
    case internal::NumberTextError::kOverflow:
      f.error = CodecError::kOverflow;
      break;
    case internal::NumberTextError::kNone:
    case internal::NumberTextError::kSyntax:
      f.error = CodecError::kSyntax;
      break;
  }
  f.message = std::string(m.status().message());
  return f;
}

}  // namespace perfbudget::codec
