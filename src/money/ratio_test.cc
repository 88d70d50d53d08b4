// ratio_test.cc: exact rationals, sticky overflow, comparison, presentation.
#include "perfbudget/money/ratio.h"

#include <compare>
#include <cstdint>
#include <random>
#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;

__extension__ typedef unsigned __int128 U128;
const int128_t kMax128 = static_cast<int128_t>(~U128{0} >> 1);
const int128_t kMin128 = -kMax128 - 1;

Ratio P(std::string_view text) {
  absl::StatusOr<Ratio> r = Ratio::ParseDecimal(text);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status();
  return r.ok() ? *r : Ratio::Overflowed();
}

TEST(Ratio, NormalizesToLowestTermsWithPositiveDenominator) {
  EXPECT_EQ(Ratio(6, 8).ToExactString(), "3/4");
  EXPECT_EQ(Ratio(6, -8).ToExactString(), "-3/4");
  EXPECT_EQ(Ratio(-6, -8).ToExactString(), "3/4");
  EXPECT_EQ(Ratio(0, -5).ToExactString(), "0");
  EXPECT_EQ(Ratio(0, -5).denominator(), 1);
  EXPECT_EQ(Ratio(10, 5).ToExactString(), "2");
  EXPECT_TRUE(Ratio(10, 5).is_integer());
  EXPECT_EQ(Ratio(-7, 2).ToExactString(), "-7/2");
  EXPECT_EQ(Ratio(kMin128, 2).ToExactString(), Ratio(kMin128 / 2, 1).ToExactString());
  EXPECT_TRUE(Ratio(kMin128, -1).overflowed());  // 2^127 does not fit
  EXPECT_FALSE(Ratio(kMin128, 1).overflowed());
  EXPECT_TRUE(Ratio(1, kMin128).overflowed());  // denominator 2^127 does not fit
  EXPECT_EQ(Ratio(2, kMin128).ToExactString(),
            "-1/85070591730234615865843651857942052864");  // 2^126
}

TEST(Ratio, IntegerConstructorTakesInt64) {
  // Ratio(int64) is the implicit one; 128-bit values go through (n, d).
  EXPECT_EQ(Ratio(kMax128, 1).numerator(), kMax128);
  EXPECT_EQ(Ratio(std::int64_t{-7}).numerator(), -7);
}

TEST(Ratio, Arithmetic) {
  EXPECT_EQ(Ratio(1, 3) + Ratio(1, 6), Ratio(1, 2));
  EXPECT_EQ(Ratio(1, 3) - Ratio(1, 2), Ratio(-1, 6));
  EXPECT_EQ(Ratio(2, 3) * Ratio(9, 4), Ratio(3, 2));
  EXPECT_EQ(Ratio(2, 3) / Ratio(4, 9), Ratio(3, 2));
  EXPECT_EQ(Ratio(2, 3) / Ratio(-4, 9), Ratio(-3, 2));
  EXPECT_EQ(-Ratio(2, 3), Ratio(-2, 3));
  EXPECT_EQ(Ratio(-2, 3).Abs(), Ratio(2, 3));
  EXPECT_EQ(Ratio(5) + Ratio(7), Ratio(12));
  Ratio r(1, 2);
  r += Ratio(1, 4);
  r *= Ratio(4);
  r -= Ratio(1);
  r /= Ratio(4);
  EXPECT_EQ(r, Ratio(1, 2));
  // Execution rate of the seed: 63854 / 106705.
  const Ratio rate = Ratio(63854, 106705);
  EXPECT_EQ(rate.ToPercentString(2), "59.84");
  EXPECT_EQ((Ratio(8, 12) - rate).ToPercentString(2), "6.83");
}

TEST(Ratio, OverflowIsSticky) {
  const Ratio big(kMax128, 1);
  EXPECT_TRUE((big + Ratio(1)).overflowed());
  EXPECT_TRUE((Ratio(kMin128, 1) - Ratio(1)).overflowed());
  EXPECT_TRUE((big * Ratio(2)).overflowed());
  EXPECT_TRUE((Ratio(1) / Ratio(0)).overflowed());
  EXPECT_TRUE((-Ratio(kMin128, 1)).overflowed());
  EXPECT_TRUE(Ratio(1, 0).overflowed());
  const Ratio o = Ratio::Overflowed();
  EXPECT_TRUE(o.overflowed());
  EXPECT_FALSE(o.is_zero());
  EXPECT_TRUE((o + Ratio(1)).overflowed());
  EXPECT_TRUE((Ratio(1) - o).overflowed());
  EXPECT_TRUE((o * Ratio(0)).overflowed());
  EXPECT_TRUE((Ratio(0) * o).overflowed());
  EXPECT_TRUE((o / Ratio(1)).overflowed());
  EXPECT_TRUE((-o).overflowed());
  EXPECT_TRUE(o.Abs().overflowed());
  EXPECT_EQ(o.ToDecimalString(2), "overflow");
  EXPECT_EQ(o.ToExactString(), "overflow");
  EXPECT_EQ(o.RoundedScaled(2), 0);
  // Cross-reduction keeps products that fit in range.
  EXPECT_EQ(Ratio(kMax128, 3) * Ratio(3, kMax128), Ratio(1));
  // Denominators that are large but coprime overflow.
  const Ratio tiny(1, kMax128);
  EXPECT_TRUE((tiny + Ratio(1, kMax128 - 1)).overflowed());
}

TEST(Ratio, ComparisonIsExact) {
  EXPECT_LT(Ratio(1, 3), Ratio(1, 2));
  EXPECT_GT(Ratio(-1, 3), Ratio(-1, 2));
  EXPECT_LT(Ratio(-1, 3), Ratio(0));
  EXPECT_EQ(Ratio(2, 4), Ratio(1, 2));
  EXPECT_NE(Ratio(1, 3), Ratio(1, 2));
  EXPECT_TRUE(Ratio(2, 4) <= Ratio(1, 2));
  EXPECT_EQ(Min(Ratio(1, 3), Ratio(1, 2)), Ratio(1, 3));
  EXPECT_EQ(Max(Ratio(1, 3), Ratio(1, 2)), Ratio(1, 2));
  // Cross products beyond 128 bits.
  const Ratio a(kMax128 - 1, kMax128);      // just below 1
  const Ratio b(kMax128 - 2, kMax128 - 1);  // further below 1
  EXPECT_GT(a, b);
  EXPECT_LT(b, a);
  EXPECT_LT(a, Ratio(1));
  EXPECT_LT(-a, -b);
  EXPECT_GT(-b, -a);
  EXPECT_EQ(a <=> a, std::partial_ordering::equivalent);
  EXPECT_LT(Ratio(kMin128, kMax128), Ratio(-1));
  EXPECT_LT(Ratio(kMax128, kMax128 - 1), Ratio(kMax128 - 1, kMax128 - 2) - Ratio(0));
}

TEST(Ratio, RandomComparisonsAgreeWithSubtraction) {
  std::mt19937_64 rng(59840);  // fixed seed: deterministic
  auto draw = [&]() -> int128_t {
    const int128_t v =
        static_cast<int128_t>((static_cast<U128>(rng()) << 64) | rng()) >> (rng() % 127);
    return v == 0 ? 1 : v;
  };
  int checked = 0;
  for (int i = 0; i < 2000; ++i) {
    const Ratio a(draw(), draw() < 0 ? -draw() : draw());
    const Ratio b(draw(), draw());
    if (a.overflowed() || b.overflowed()) continue;
    const Ratio diff = a - b;
    if (diff.overflowed()) continue;  // then only the 256-bit path decides
    ++checked;
    EXPECT_EQ(a < b, diff.is_negative());
    EXPECT_EQ(a == b, diff.is_zero());
    EXPECT_EQ(a > b, !diff.is_negative() && !diff.is_zero());
    EXPECT_EQ(b<a, a> b);
  }
  EXPECT_GT(checked, 100);
}

TEST(Ratio, OverflowedComparesUnordered) {
  const Ratio o = Ratio::Overflowed();
  EXPECT_EQ(o <=> Ratio(1), std::partial_ordering::unordered);
  EXPECT_EQ(Ratio(1) <=> o, std::partial_ordering::unordered);
  EXPECT_FALSE(o == o);
  EXPECT_FALSE(o < Ratio(1));
  EXPECT_FALSE(o > Ratio(1));
}

TEST(Ratio, ParseDecimal) {
  EXPECT_EQ(P("12"), Ratio(12));
  EXPECT_EQ(P("-0.5"), Ratio(-1, 2));
  EXPECT_EQ(P("95.25"), Ratio(381, 4));
  EXPECT_EQ(P("1,234.5"), Ratio(2469, 2));
  EXPECT_EQ(P("１２．５"), Ratio(25, 2));
  EXPECT_EQ(P("－３"), Ratio(-3));
  EXPECT_EQ(P("+3"), Ratio(3));
  EXPECT_EQ(P(" 0.000 "), Ratio(0));
  EXPECT_EQ(P("0.125"), Ratio(1, 8));
  EXPECT_EQ(P("007.50"), Ratio(15, 2));
  int128_t e38 = 1;
  for (int i = 0; i < 38; ++i) e38 *= 10;
  EXPECT_EQ(P("0.00000000000000000000000000000000000001"), Ratio(1, e38));
  EXPECT_EQ(P("99999999999999999999999999999999999999"), Ratio(e38 - 1, 1));
  EXPECT_EQ(P("66.6666666666666666666666666666666667").ToDecimalString(2), "66.67");
}

TEST(Ratio, ParseDecimalRejects) {
  for (const char* bad :
       {"", " ", "abc", "1.5%", "1e5", "1E5", "--1", "+-1", "1,23", "1.", ".5", "1.2.3", "1 2",
        "5-", "￥5", "5元", "1/2", "0x10", "123456789012345678901234567890123456789"}) {
    EXPECT_EQ(Ratio::ParseDecimal(bad).status().code(), absl::StatusCode::kInvalidArgument)
        << "\"" << bad << "\"";
  }
  EXPECT_THAT(std::string(Ratio::ParseDecimal("1.5%").status().message()), HasSubstr("%"));
  EXPECT_THAT(std::string(Ratio::ParseDecimal("1,23").status().message()), HasSubstr("grouping"));
}

TEST(Ratio, RoundingHalfUpAwayFromZero) {
  EXPECT_EQ(Ratio(5984, 100).ToDecimalString(2), "59.84");
  EXPECT_EQ(Ratio(5984, 100).RoundedScaled(1), 598);
  EXPECT_EQ(Ratio(5985, 100).RoundedScaled(1), 599);
  EXPECT_EQ(Ratio(5984, 100).ToDecimalString(0), "60");
  EXPECT_EQ(Ratio(-1, 2).ToDecimalString(2), "-0.50");
  EXPECT_EQ(Ratio(-1, 2).ToDecimalString(0), "-1");
  EXPECT_EQ(Ratio(1, 2).ToDecimalString(0), "1");
  EXPECT_EQ(Ratio(-5, 1000).ToDecimalString(2), "-0.01");
  EXPECT_EQ(Ratio(-4, 1000).ToDecimalString(2), "0.00");  // no negative zero
  EXPECT_EQ(Ratio(-5, 1000).RoundedScaled(2), -1);
  EXPECT_EQ(Ratio(-4, 1000).RoundedScaled(2), 0);
  EXPECT_EQ(Ratio(2, 3).ToDecimalString(4), "0.6667");
  EXPECT_EQ(Ratio(2, 3).ToPercentString(), "66.67");
  EXPECT_EQ(Ratio(243, 365).ToPercentString(), "66.58");
  EXPECT_EQ(Ratio(9995, 1000).ToDecimalString(2), "10.00");  // carry across the point
  EXPECT_EQ(Ratio(-9995, 1000).ToDecimalString(2), "-10.00");
  EXPECT_EQ(Ratio(999, 1).ToDecimalString(3), "999.000");
  EXPECT_EQ(Ratio(1, 3).ToDecimalString(-2), "0");
  EXPECT_EQ(Ratio(kMax128, 1).ToDecimalString(1), "170141183460469231731687303715884105727.0");
  EXPECT_EQ(Ratio(kMin128, 1).ToDecimalString(0), "-170141183460469231731687303715884105728");
  // Huge denominators: the digit expansion does not overflow.
  EXPECT_EQ(Ratio(kMax128 - 1, kMax128).ToDecimalString(3), "1.000");
  EXPECT_EQ(Ratio(kMax128 / 2, kMax128).ToDecimalString(3), "0.500");
  EXPECT_EQ(Ratio(kMax128 / 3, kMax128).ToDecimalString(5), "0.33333");
  // A scaled result beyond 128 bits cannot be returned: 0 (documented).
  EXPECT_EQ(Ratio(kMax128, 1).RoundedScaled(2), 0);
  EXPECT_EQ(Ratio(1, 3).RoundedScaled(20), int128_t{33333333333333333} * 1000 + 333);
}

TEST(Ratio, ShortAndExactStrings) {
  EXPECT_EQ(Ratio(25, 2).ToShortString(), "12.5");
  EXPECT_EQ(Ratio(3, 8).ToShortString(), "0.375");
  EXPECT_EQ(Ratio(3, 8).ToExactString(), "3/8");
  EXPECT_EQ(Ratio(5).ToShortString(), "5");
  EXPECT_EQ(Ratio(-1, 40).ToShortString(), "-0.025");
  EXPECT_EQ(Ratio(1, 3).ToShortString(), "0.333333");
  EXPECT_EQ(Ratio(2, 3).ToShortString(2), "0.67");
  EXPECT_EQ(Ratio(1, 1024).ToShortString(4), "0.0010");  // needs 10 places: rounded
  EXPECT_EQ(Ratio(5).ToExactString(), "5");
}

TEST(Ratio, PredicatesAndAccessors) {
  EXPECT_TRUE(Ratio().is_zero());
  EXPECT_TRUE(Ratio(-1, 3).is_negative());
  EXPECT_FALSE(Ratio(1, 3).is_integer());
  EXPECT_EQ(Ratio(3, 9).numerator(), 1);
  EXPECT_EQ(Ratio(3, 9).denominator(), 3);
}

}  // namespace
}  // namespace perfbudget
