// money.h: Money, an exact count of fen (分, 0.01 yuan) in 64 bits.
//
// Every arithmetic operation is overflow-checked: overflow is an error
// (absl::OutOfRangeError), never a wrap and never a saturation. There is no
// binary floating point anywhere in this type. Amounts up to ±9.2e16 yuan fit.
//
// Parsing accepts what Chinese finance data actually contains:
//   "1234.56"  "1,234.56"  "￥1,234.56" / "¥"  "-12.5"  "+3"  "106705万元"
//   "1.2亿元"  "12.3456万元"  "2400元"  full-width digits, comma, period and
//   signs ("１，２３４．５６", "－１")  surrounding whitespace (also U+3000), and
//   the units 元 / 万元 / 亿元 (also 万 / 亿 alone), optionally after a space.
// Rejected: empty text, junk, two signs, misplaced grouping ("1,23"),
// "1." / ".5", exponents, and more precision than a fen ("1.234",
// "1.2345678万元"): never a silent rounding. Overflow is OutOfRange.
#ifndef PERFBUDGET_MONEY_MONEY_H_
#define PERFBUDGET_MONEY_MONEY_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace perfbudget {

// The unit an amount is written in.
enum class MoneyUnit : std::uint8_t {
  kYuan,     // 元
  kWanYuan,  // 万元 = 10^4 yuan
  kYiYuan,   // 亿元 = 10^8 yuan
};

// How an amount is printed.
struct MoneyFormat {
  MoneyUnit unit = MoneyUnit::kYuan;
  bool grouping = false;     // "1,234.56"
  bool unit_suffix = false;  // append "元" / "万元" / "亿元"
  // Decimal places. -1 (the default) is exact: for 元 always two places
  // ("1234.50"); for 万元/亿元 every significant digit and no trailing zeros
  // (at most 6 / 10 places): 106705万元 → "106705", 2396.8万元 → "2396.8".
  // 0..N rounds half-up (away from zero at .5) to that many places, padding
  // with zeros; a result that rounds to zero prints without a minus sign.
  int decimals = -1;
};

class Money {
 public:
  static constexpr std::int64_t kFenPerYuan = 100;

  constexpr Money() = default;
  static constexpr Money FromFen(std::int64_t fen) { return Money(fen); }
  // Whole yuan; OutOfRange on overflow.
  static absl::StatusOr<Money> FromYuan(std::int64_t yuan);

  // Parses an amount as written in data (see the banner). `default_unit` is
  // used when the text names no unit. Errors: InvalidArgument (what was wrong,
  // in words), OutOfRange (overflow).
  static absl::StatusOr<Money> Parse(std::string_view text,
                                     MoneyUnit default_unit = MoneyUnit::kYuan);

  constexpr std::int64_t fen() const { return fen_; }
  constexpr bool is_zero() const { return fen_ == 0; }
  constexpr bool is_negative() const { return fen_ < 0; }

  // Checked arithmetic.
  absl::StatusOr<Money> Plus(Money other) const;
  absl::StatusOr<Money> Minus(Money other) const;
  absl::StatusOr<Money> Negated() const;
  absl::StatusOr<Money> Times(std::int64_t factor) const;
  // this × numerator ÷ denominator, rounded half-up (away from zero at .5).
  // The product is formed in 128 bits, so only the result can overflow.
  absl::StatusOr<Money> MulDiv(std::int64_t numerator, std::int64_t denominator) const;

  // In-place checked addition for hot loops: returns false (and leaves *this
  // unchanged) on overflow.
  bool TryAdd(Money other) {
    std::int64_t r;
    if (__builtin_add_overflow(fen_, other.fen_, &r)) return false;
    fen_ = r;
    return true;
  }

  // Exact text. Default "1234.56" (always two decimals, no grouping).
  std::string ToString(const MoneyFormat& format = {}) const;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend constexpr auto operator<=>(Money, Money) = default;
  friend constexpr bool operator==(Money, Money) = default;

 private:
  constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

// Parses a unit name: "元"/"yuan", "万元"/"wan", "亿元"/"yi".
absl::StatusOr<MoneyUnit> ParseMoneyUnit(std::string_view text);
std::string_view MoneyUnitName(MoneyUnit unit);  // "元", "万元", "亿元"

}  // namespace perfbudget

#endif  // PERFBUDGET_MONEY_MONEY_H_
