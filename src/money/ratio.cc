// ratio.cc: exact 128-bit rationals with sticky overflow.
#include "perfbudget/money/ratio.h"

#include <compare>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "codec/text.h"
#include "money/decimal_text.h"
#include "money/number_text.h"

namespace perfbudget {
namespace {

using internal::uint128_t;

constexpr int128_t kInt128Max = static_cast<int128_t>(~uint128_t{0} >> 1);
constexpr int128_t kInt128Min = -kInt128Max - 1;

uint128_t Mag(int128_t v) {
  return v < 0 ? uint128_t{0} - static_cast<uint128_t>(v) : static_cast<uint128_t>(v);
}

uint128_t Gcd(uint128_t a, uint128_t b) {
  while (b != 0) {
    if ((a >> 64) == 0 && (b >> 64) == 0) {
      // Both fit 64 bits (the usual case): 64-bit division is several times
      // faster than the 128-bit library call.
      auto x = static_cast<std::uint64_t>(a), y = static_cast<std::uint64_t>(b);
      while (y != 0) {
        const std::uint64_t t = x % y;
        x = y;
        y = t;
      }
      return x;
    }
    const uint128_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// The full 256-bit product of two unsigned 128-bit values, as (hi, lo).
struct U256 {
  uint128_t hi;
  uint128_t lo;
};

U256 Mul256(uint128_t a, uint128_t b) {
  constexpr uint128_t kMask = (uint128_t{1} << 64) - 1;
  const uint128_t a0 = a & kMask, a1 = a >> 64;
  const uint128_t b0 = b & kMask, b1 = b >> 64;
  const uint128_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const uint128_t mid = (p00 >> 64) + (p01 & kMask) + (p10 & kMask);
  return U256{p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64), (p00 & kMask) | (mid << 64)};
}

std::strong_ordering Compare256(U256 x, U256 y) {
  if (x.hi != y.hi) return x.hi < y.hi ? std::strong_ordering::less : std::strong_ordering::greater;
  if (x.lo != y.lo) return x.lo < y.lo ? std::strong_ordering::less : std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

// The decimal expansion of |num|/den (den > 0): integer digits and exactly
// `frac_count` fraction digits, truncated.
void Expand(int128_t num, int128_t den, int frac_count, std::string* int_digits,
            std::string* frac_digits) {
  const uint128_t n = Mag(num);
  const auto d = static_cast<uint128_t>(den);
  *int_digits = internal::Uint128ToString(n / d);
  uint128_t r = n % d;
  frac_digits->clear();
  for (int i = 0; i < frac_count; ++i) {
    // r×10 = digit×d + r', computed without overflow by ten modular additions.
    uint128_t acc = 0;
    int digit = 0;
    for (int k = 0; k < 10; ++k) {
      if (r >= d - acc) {
        acc = r - (d - acc);
        ++digit;
      } else {
        acc += r;
      }
    }
    frac_digits->push_back(static_cast<char>('0' + digit));
    r = acc;
  }
}

}  // namespace

Ratio::Ratio(int128_t numerator, int128_t denominator) {
  if (denominator == 0) {
    num_ = 0;
    den_ = 0;
    return;
  }
  uint128_t n = Mag(numerator);
  uint128_t d = Mag(denominator);
  const bool negative = (numerator < 0) != (denominator < 0) && n != 0;
  const uint128_t g = Gcd(n, d);  // d > 0, so g > 0
  n /= g;
  d /= g;
  if (n == 0) d = 1;
  const uint128_t max_pos = static_cast<uint128_t>(kInt128Max);
  if (d > max_pos || (negative ? n > max_pos + 1 : n > max_pos)) {
    num_ = 0;
    den_ = 0;
    return;
  }
  num_ = negative ? static_cast<int128_t>(uint128_t{0} - n) : static_cast<int128_t>(n);
  den_ = static_cast<int128_t>(d);
}

Ratio Ratio::Overflowed() { return Ratio(0, 0); }

absl::StatusOr<Ratio> Ratio::ParseDecimal(std::string_view text) {
  internal::NumberTextError why = internal::NumberTextError::kNone;
  return internal::ParseDecimalText(text, &why);
}

namespace internal {

absl::StatusOr<Ratio> ParseDecimalText(std::string_view text, NumberTextError* why) {
  constexpr std::string_view kWhat = "a decimal number";
  *why = NumberTextError::kSyntax;
  auto bad = [&](absl::string_view reason) {
    return absl::InvalidArgumentError(absl::StrCat("\"", internal::ToAbsl(text), "\" is not ",
                                                   internal::ToAbsl(kWhat), ": ", reason));
  };
  absl::StatusOr<std::string> normalized = internal::NormalizeNumericText(text, kWhat);
  if (!normalized.ok()) return normalized.status();
  std::string_view s = codec::TrimText(*normalized);
  if (s.empty()) {
    *why = NumberTextError::kEmpty;
    return bad("the text is empty");
  }
  bool negative = false;
  if (s.front() == '+' || s.front() == '-') {
    negative = s.front() == '-';
    s.remove_prefix(1);
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) return bad("more than one sign");
  }
  if (s.empty()) return bad("no digits");
  if (s.front() < '0' || s.front() > '9') {
    if (s.front() == '.') return bad("expected a digit before the decimal point");
    return bad("expected a digit");
  }
  size_t consumed = 0;
  absl::StatusOr<internal::DecimalDigits> digits = internal::LexUnsignedDecimal(s, &consumed);
  if (!digits.ok()) return bad(digits.status().message());
  s.remove_prefix(consumed);
  if (!s.empty()) {
    if (s.front() == '%') return bad("a trailing '%' (strip the unit first)");
    if (s.front() == 'e' || s.front() == 'E') {
      return bad("exponent form is not accepted; write a plain decimal");
    }
    return bad("unexpected text after the number");
  }
  std::string all = digits->int_digits + digits->frac_digits;
  size_t lead = 0;
  while (lead < all.size() && all[lead] == '0') ++lead;
  all.erase(0, lead);
  if (all.size() > 38 || digits->frac_digits.size() > 38) {
    *why = NumberTextError::kOverflow;
    return bad("too many digits (at most 38 significant digits)");
  }
  int128_t mantissa = 0;
  for (char c : all) mantissa = mantissa * 10 + (c - '0');
  int128_t scale = 1;
  for (size_t i = 0; i < digits->frac_digits.size(); ++i) scale *= 10;
  *why = NumberTextError::kNone;
  return Ratio(negative ? -mantissa : mantissa, scale);
}

}  // namespace internal

Ratio Ratio::operator+(const Ratio& o) const {
  if (overflowed() || o.overflowed()) return Overflowed();
  int128_t n;
  if (den_ == o.den_) {
    if (__builtin_add_overflow(num_, o.num_, &n)) return Overflowed();
    return Ratio(n, den_);
  }
  const auto g =
      static_cast<int128_t>(Gcd(static_cast<uint128_t>(den_), static_cast<uint128_t>(o.den_)));
  const int128_t b_g = den_ / g;
  const int128_t d_g = o.den_ / g;
  int128_t x, y, d;
  if (__builtin_mul_overflow(num_, d_g, &x) || __builtin_mul_overflow(o.num_, b_g, &y) ||
      __builtin_add_overflow(x, y, &n) || __builtin_mul_overflow(den_, d_g, &d)) {
    return Overflowed();
  }
  return Ratio(n, d);
}

Ratio Ratio::operator-(const Ratio& o) const {
  if (overflowed() || o.overflowed()) return Overflowed();
  return *this + (-o);
}

Ratio Ratio::operator*(const Ratio& o) const {
  if (overflowed() || o.overflowed()) return Overflowed();
  const auto g1 = static_cast<int128_t>(Gcd(Mag(num_), static_cast<uint128_t>(o.den_)));
  const auto g2 = static_cast<int128_t>(Gcd(Mag(o.num_), static_cast<uint128_t>(den_)));
  int128_t n, d;
  if (__builtin_mul_overflow(num_ / g1, o.num_ / g2, &n) ||
      __builtin_mul_overflow(den_ / g2, o.den_ / g1, &d)) {
    return Overflowed();
  }
  return Ratio(n, d);
}

Ratio Ratio::operator/(const Ratio& o) const {
  if (overflowed() || o.overflowed() || o.num_ == 0) return Overflowed();
  return *this * Ratio(o.den_, o.num_);
}

Ratio Ratio::operator-() const {
  if (overflowed() || num_ == kInt128Min) return Overflowed();
  Ratio r;
  r.num_ = -num_;
  r.den_ = den_;
  return r;
}

std::partial_ordering operator<=>(const Ratio& a, const Ratio& b) {
  if (a.overflowed() || b.overflowed()) return std::partial_ordering::unordered;
  if (a.den_ == b.den_) return a.num_ <=> b.num_;
  const int sa = a.num_ < 0 ? -1 : (a.num_ > 0 ? 1 : 0);
  const int sb = b.num_ < 0 ? -1 : (b.num_ > 0 ? 1 : 0);
  if (sa != sb) return sa <=> sb;
  if (sa == 0) return std::partial_ordering::equivalent;
  int128_t x, y;
  if (!__builtin_mul_overflow(a.num_, b.den_, &x) && !__builtin_mul_overflow(b.num_, a.den_, &y)) {
    return x <=> y;
  }
  // Same sign: compare the magnitudes' cross products in 256 bits.
  const std::strong_ordering mag = Compare256(Mul256(Mag(a.num_), static_cast<uint128_t>(b.den_)),
                                              Mul256(Mag(b.num_), static_cast<uint128_t>(a.den_)));
  if (sa > 0) return mag;
  // Both negative: the larger magnitude is the smaller number.
  return 0 <=> mag;  // NOLINT(modernize-use-nullptr): an ordering's 0, not a pointer
}

bool operator==(const Ratio& a, const Ratio& b) {
  return !a.overflowed() && !b.overflowed() && a.num_ == b.num_ && a.den_ == b.den_;
}

int128_t Ratio::RoundedScaled(int decimals) const {
  if (overflowed()) return 0;
  if (decimals < 0) decimals = 0;
  std::string int_digits, frac_digits;
  Expand(num_, den_, decimals + 1, &int_digits, &frac_digits);
  const std::string scaled = internal::RoundDigits(int_digits, frac_digits, decimals);
  int128_t v = 0;
  for (char c : scaled) {
    if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, c - '0', &v)) return 0;
  }
  return num_ < 0 ? -v : v;
}

std::string Ratio::ToDecimalString(int decimals) const {
  if (overflowed()) return "overflow";
  if (decimals < 0) decimals = 0;
  std::string int_digits, frac_digits;
  Expand(num_, den_, decimals + 1, &int_digits, &frac_digits);
  const std::string scaled = internal::RoundDigits(int_digits, frac_digits, decimals);
  return internal::FormatScaled(num_ < 0, scaled, decimals, /*grouping=*/false);
}

std::string Ratio::ToExactString() const {
  if (overflowed()) return "overflow";
  std::string out;
  if (num_ < 0) out.push_back('-');
  out.append(internal::Uint128ToString(Mag(num_)));
  if (den_ != 1) {
    out.push_back('/');
    out.append(internal::Uint128ToString(static_cast<uint128_t>(den_)));
  }
  return out;
}

std::string Ratio::ToShortString(int max_decimals) const {
  if (overflowed()) return "overflow";
  auto d = static_cast<uint128_t>(den_);
  int twos = 0, fives = 0;
  while (d % 2 == 0) {
    d /= 2;
    ++twos;
  }
  while (d % 5 == 0) {
    d /= 5;
    ++fives;
  }
  const int places = twos > fives ? twos : fives;
  if (d == 1 && places <= max_decimals) {
    std::string int_digits, frac_digits;
    Expand(num_, den_, places, &int_digits, &frac_digits);
    return internal::FormatScaled(num_ < 0, int_digits + frac_digits, places, false);
  }
  return ToDecimalString(max_decimals);
}

}  // namespace perfbudget
