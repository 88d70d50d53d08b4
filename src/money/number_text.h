// number_text.h (internal): the amount and decimal parsers of Money and
// Ratio with the kind of each refusal, for the value codecs (codec/).
//
// Money::Parse and Ratio::ParseDecimal are these functions without the kind.
// Not part of the public API.
#ifndef PERFBUDGET_SRC_MONEY_NUMBER_TEXT_H_
#define PERFBUDGET_SRC_MONEY_NUMBER_TEXT_H_

#include <cstdint>
#include <string_view>

#include "absl/status/statusor.h"
#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget::internal {

// Why a number's text was refused.
enum class NumberTextError : std::uint8_t {
  kNone,
  kEmpty,     // nothing but white space
  kSyntax,    // not a number of the grammar (junk, two signs, "1.", an exponent, ...)
  kSubFen,    // an amount with more precision than a fen
  kOverflow,  // beyond int64 fen, or beyond 38 significant digits
};

// Money::Parse, setting *why (never null) when it fails.
absl::StatusOr<Money> ParseMoneyText(std::string_view text, MoneyUnit default_unit,
                                     NumberTextError* why);

// Ratio::ParseDecimal, setting *why (never null) when it fails.
absl::StatusOr<Ratio> ParseDecimalText(std::string_view text, NumberTextError* why);

}  // namespace perfbudget::internal

#endif  // PERFBUDGET_SRC_MONEY_NUMBER_TEXT_H_
