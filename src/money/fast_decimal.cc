// fast_decimal.cc: fast paths for plain ASCII decimals.
#include "money/fast_decimal.h"

#include <cstdint>

namespace perfbudget::internal {
namespace {

struct Plain {
  bool negative = false;
  std::uint64_t int_part = 0;
  int int_digits = 0;
  std::uint64_t frac_part = 0;
  int frac_digits = 0;
};

// Lexes "-?(0|[1-9][0-9]*)(\.[0-9]+)?" with at most `max_int` integer digits
// and `max_frac` fraction digits (so the parts fit in 64 bits).
bool LexPlain(std::string_view s, int max_int, int max_frac, Plain* out) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  if (i < n && s[i] == '-') {
    out->negative = true;
    ++i;
  }
  if (i >= n || s[i] < '0' || s[i] > '9') return false;
  if (s[i] == '0' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') return false;
  while (i < n && s[i] >= '0' && s[i] <= '9') {
    if (++out->int_digits > max_int) return false;
    out->int_part = out->int_part * 10 + static_cast<std::uint64_t>(s[i] - '0');
    ++i;
  }
  if (i == n) return true;
  if (s[i] != '.') return false;
  ++i;
  if (i >= n) return false;
  while (i < n && s[i] >= '0' && s[i] <= '9') {
    if (++out->frac_digits > max_frac) return false;
    out->frac_part = out->frac_part * 10 + static_cast<std::uint64_t>(s[i] - '0');
    ++i;
  }
  return i == n;
}

constexpr std::uint64_t kPow10[19] = {1ull,
                                      10ull,
                                      100ull,
                                      1000ull,
                                      10000ull,
                                      100000ull,
                                      1000000ull,
                                      10000000ull,
                                      100000000ull,
                                      1000000000ull,
                                      10000000000ull,
                                      100000000000ull,
                                      1000000000000ull,
                                      10000000000000ull,
                                      100000000000000ull,
                                      1000000000000000ull,
                                      10000000000000000ull,
                                      100000000000000000ull,
                                      1000000000000000000ull};

}  // namespace

std::optional<Money> FastParsePlainYuan(std::string_view text) {
  Plain p;
  // 15 integer digits: below 10^17 fen, far from the int64 limit.
  if (!LexPlain(text, 15, 2, &p)) return std::nullopt;
  const std::int64_t fen =
      static_cast<std::int64_t>(p.int_part * 100 + p.frac_part * kPow10[2 - p.frac_digits]);
  return Money::FromFen(p.negative ? -fen : fen);
}

std::optional<Ratio> FastParsePlainDecimal(std::string_view text) {
  Plain p;
  if (!LexPlain(text, 18, 18, &p)) return std::nullopt;
  if (p.int_digits + p.frac_digits > 18) return std::nullopt;
  const std::int64_t mantissa =
      static_cast<std::int64_t>(p.int_part * kPow10[p.frac_digits] + p.frac_part);
  const std::int64_t signed_mantissa = p.negative ? -mantissa : mantissa;
  if (p.frac_digits == 0) return Ratio(signed_mantissa);
  return Ratio(int128_t{signed_mantissa},
               int128_t{static_cast<std::int64_t>(kPow10[p.frac_digits])});
}

}  // namespace perfbudget::internal
