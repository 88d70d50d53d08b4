// decimal_text.h (internal): shared lexing of decimal numbers as written in
// Chinese finance data, and 128-bit decimal helpers for Money and Ratio.
//
// Not part of the public API.
#ifndef PERFBUDGET_SRC_MONEY_DECIMAL_TEXT_H_
#define PERFBUDGET_SRC_MONEY_DECIMAL_TEXT_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget::internal {

__extension__ typedef unsigned __int128 uint128_t;

// Debian's Abseil has its own absl::string_view (not std::string_view): these
// convert between the two for StrCat and Status messages.
inline absl::string_view ToAbsl(std::string_view s) { return {s.data(), s.size()}; }
inline std::string_view ToStd(absl::string_view s) { return {s.data(), s.size()}; }

// Maps text to a one-byte-per-character form: full-width digits, comma,
// period, plus and minus (０-９ ， ． ＋ －, and U+2212 −) become ASCII; any
// whitespace (ASCII, U+3000, U+00A0) becomes ' '; ￥ and ¥ become 'Y'; 元 'u';
// 万 'w'; 亿 'y'. Any other non-ASCII character is an InvalidArgument naming
// it. ASCII letters other than these pass through unchanged (and are then
// rejected by the grammar). The caller's original text is used in messages.
absl::StatusOr<std::string> NormalizeNumericText(std::string_view text, std::string_view what);

// An unsigned decimal "123,456.78" split into its digits: `int_digits`
// without grouping commas and without leading zeros (may be empty = 0);
// `frac_digits` without trailing zeros (may be empty).
struct DecimalDigits {
  std::string int_digits;
  std::string frac_digits;
};

// Lexes an unsigned decimal number at the start of `s` (normalized form):
// digits with optional grouping commas (groups of three after the first
// group of 1..3), optionally '.' and one or more digits. Sets *consumed to
// the number of bytes used. Errors (InvalidArgument, message without the
// quoted text, which the caller prepends): no digits, misplaced grouping,
// no digit after the point.
absl::StatusOr<DecimalDigits> LexUnsignedDecimal(std::string_view s, size_t* consumed);

// Decimal text of an unsigned 128-bit value.
std::string Uint128ToString(uint128_t v);

// Rounds an exact decimal given as integer digits and fraction digits to
// `decimals` places, half-up on the magnitude (away from zero). Returns the
// digits of the rounded magnitude scaled by 10^decimals (no point), with at
// least decimals + 1 digits (leading zeros kept to that width).
std::string RoundDigits(std::string_view int_digits, std::string_view frac_digits, int decimals);

// Formats "<sign><int>[.<frac>]" from scaled digits (at least decimals + 1 of
// them): optional grouping commas in the integer part; the sign is dropped
// when every digit is zero.
std::string FormatScaled(bool negative, std::string_view scaled_digits, int decimals,
                         bool grouping);

// Inserts grouping commas into a run of integer digits.
std::string GroupThousands(std::string_view digits);

}  // namespace perfbudget::internal

#endif  // PERFBUDGET_SRC_MONEY_DECIMAL_TEXT_H_
