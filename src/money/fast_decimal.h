// fast_decimal.h (internal): fast paths for the plain ASCII decimals that
// make up nearly all machine-written data ("1234.56", "-12", "95.5").
//
// Each returns nullopt for anything it does not handle, and the caller then
// uses the full parser (Money::Parse, Ratio::ParseDecimal), which also gives
// the error messages. When a fast path returns a value, it is exactly the
// value the full parser returns for that text.
#ifndef PERFBUDGET_SRC_MONEY_FAST_DECIMAL_H_
#define PERFBUDGET_SRC_MONEY_FAST_DECIMAL_H_

#include <optional>
#include <string_view>

#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget::internal {

// "-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?" in yuan → fen; else nullopt.
std::optional<Money> FastParsePlainYuan(std::string_view text);

// "-?(0|[1-9][0-9]*)(\.[0-9]+)?" with at most 18 digits in all → the exact
// ratio; else nullopt.
std::optional<Ratio> FastParsePlainDecimal(std::string_view text);

}  // namespace perfbudget::internal

#endif  // PERFBUDGET_SRC_MONEY_FAST_DECIMAL_H_
