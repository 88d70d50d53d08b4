// ratio.h: Ratio, an exact rational number for rates, percentages, scores and
// indicator values.
//
// Numerator and denominator are 128-bit integers kept in lowest terms with a
// positive denominator. Arithmetic never rounds. Overflow does not wrap: it
// makes the result "overflowed", a sticky state (like a checked NaN) that
// every later operation keeps and that callers test once at the end with
// `overflowed()`. Division by zero also yields an overflowed Ratio.
//
// Presentation rounds half-up (away from zero at exactly .5) to a number of
// decimals: Ratio(5984, 100).ToDecimalString(2) == "59.84".
#ifndef PERFBUDGET_MONEY_RATIO_H_
#define PERFBUDGET_MONEY_RATIO_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace perfbudget {

__extension__ typedef __int128 int128_t;

class Ratio {
 public:
  constexpr Ratio() = default;  // 0
  // Implicit from a 64-bit integer. A 128-bit value must use Ratio(n, 1):
  // passing an int128_t here would narrow it.
  Ratio(std::int64_t value) : num_(value) {}  // NOLINT: implicit from integer is natural
  Ratio(int128_t numerator, int128_t denominator);
  static Ratio Overflowed();

  // Exact decimal text: "12", "-0.5", "+3", "95.25", "1,234.5", full-width
  // digits/comma/period/sign, surrounding whitespace. At most 38 significant
  // digits. No exponent form, no "%" or other unit (strip it first), no
  // "1." or ".5". Errors: InvalidArgument saying what was wrong.
  static absl::StatusOr<Ratio> ParseDecimal(std::string_view text);

  int128_t numerator() const { return num_; }
  int128_t denominator() const { return den_; }
  bool overflowed() const { return den_ == 0; }
  bool is_zero() const { return num_ == 0 && den_ != 0; }
  bool is_negative() const { return num_ < 0; }
  bool is_integer() const { return den_ == 1; }

  Ratio operator+(const Ratio& o) const;
  Ratio operator-(const Ratio& o) const;
  Ratio operator*(const Ratio& o) const;
  Ratio operator/(const Ratio& o) const;
  Ratio operator-() const;
  Ratio& operator+=(const Ratio& o) { return *this = *this + o; }
  Ratio& operator-=(const Ratio& o) { return *this = *this - o; }
  Ratio& operator*=(const Ratio& o) { return *this = *this * o; }
  Ratio& operator/=(const Ratio& o) { return *this = *this / o; }
  Ratio Abs() const { return num_ < 0 ? -*this : *this; }

  // Comparisons are exact. An overflowed Ratio compares unordered.
  friend std::partial_ordering operator<=>(const Ratio& a, const Ratio& b);
  friend bool operator==(const Ratio& a, const Ratio& b);

  // Rounded half-up to `decimals` places and scaled by 10^decimals:
  // Ratio(5984,100).RoundedScaled(1) == 598 (59.84 → 59.8). Returns 0 when
  // overflowed or when the scaled result does not fit 128 bits; check first.
  int128_t RoundedScaled(int decimals) const;
  // "59.84" (decimals places, half-up); "overflow" when overflowed.
  std::string ToDecimalString(int decimals) const;
  // As a percentage: ratio 0.5984 → "59.84" (no % sign).
  std::string ToPercentString(int decimals = 2) const {
    return (*this * Ratio(100)).ToDecimalString(decimals);
  }
  // Exact text: "3/8", "5", "-7/2". For JSON output and debugging.
  std::string ToExactString() const;
  // Shortest exact decimal when the denominator is 2^a·5^b and that needs at
  // most max_decimals places ("12.5", "0.375"), else
  // ToDecimalString(max_decimals) ("0.333333").
  std::string ToShortString(int max_decimals = 6) const;

 private:
  int128_t num_ = 0;
  int128_t den_ = 1;  // 0 marks "overflowed"
};

inline Ratio Min(const Ratio& a, const Ratio& b) { return (b < a) ? b : a; }
inline Ratio Max(const Ratio& a, const Ratio& b) { return (a < b) ? b : a; }

}  // namespace perfbudget

#endif  // PERFBUDGET_MONEY_RATIO_H_
