// money_test.cc: Money parsing, formatting and checked arithmetic.
#include "perfbudget/money/money.h"

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

std::int64_t FenOf(std::string_view text, MoneyUnit unit = MoneyUnit::kYuan) {
  absl::StatusOr<Money> m = Money::Parse(text, unit);
  EXPECT_TRUE(m.ok()) << text << ": " << m.status();
  return m.ok() ? m->fen() : -999999;
}

absl::StatusCode CodeOf(std::string_view text, MoneyUnit unit = MoneyUnit::kYuan) {
  return Money::Parse(text, unit).status().code();
}

std::string MessageOf(std::string_view text) {
  return std::string(Money::Parse(text).status().message());
}

TEST(MoneyParse, PlainAndGrouped) {
  EXPECT_EQ(FenOf("1234.56"), 123456);
  EXPECT_EQ(FenOf("1,234.56"), 123456);
  EXPECT_EQ(FenOf("1,234,567"), 123456700);
  EXPECT_EQ(FenOf("0"), 0);
  EXPECT_EQ(FenOf("0.5"), 50);
  EXPECT_EQ(FenOf("0.05"), 5);
  EXPECT_EQ(FenOf("007"), 700);
  EXPECT_EQ(FenOf("1.230"), 123);  // trailing zeros are not extra precision
  EXPECT_EQ(FenOf("2400元"), 240000);
  EXPECT_EQ(FenOf("  12  "), 1200);
  EXPECT_EQ(FenOf("\t12.5\n"), 1250);
}

TEST(MoneyParse, Signs) {
  EXPECT_EQ(FenOf("-12.5"), -1250);
  EXPECT_EQ(FenOf("+3"), 300);
  EXPECT_EQ(FenOf("-0"), 0);
  EXPECT_EQ(FenOf("-￥1,234.56"), -123456);
  EXPECT_EQ(FenOf("￥-1,234.56"), -123456);
}

TEST(MoneyParse, CurrencySigns) {
  EXPECT_EQ(FenOf("￥1,234.56"), 123456);
  EXPECT_EQ(FenOf("¥1,234.56"), 123456);
  EXPECT_EQ(FenOf("￥ 1,234.56"), 123456);
  EXPECT_EQ(FenOf("￥2400元"), 240000);
}

TEST(MoneyParse, Units) {
  EXPECT_EQ(FenOf("106705万元"), 106705LL * 10000 * 100);
  EXPECT_EQ(FenOf("106705万"), 106705LL * 10000 * 100);
  EXPECT_EQ(FenOf("106705 万元"), 106705LL * 10000 * 100);
  EXPECT_EQ(FenOf("1.2亿元"), 120000000LL * 100);
  EXPECT_EQ(FenOf("1.2亿"), 120000000LL * 100);
  EXPECT_EQ(FenOf("12.3456万元"), 123456LL * 100);
  EXPECT_EQ(FenOf("1.234567万元"), 1234567);  // 12345.67 元
  EXPECT_EQ(FenOf("0.0000000001亿元"), 1);
  EXPECT_EQ(FenOf("2396.8万元"), 23968000LL * 100);
}

TEST(MoneyParse, DefaultUnitAppliesOnlyWithoutAUnit) {
  EXPECT_EQ(FenOf("63854", MoneyUnit::kWanYuan), 63854LL * 10000 * 100);
  EXPECT_EQ(FenOf("1.5", MoneyUnit::kYiYuan), 150000000LL * 100);
  EXPECT_EQ(FenOf("2400元", MoneyUnit::kWanYuan), 240000);
  EXPECT_EQ(FenOf("3亿元", MoneyUnit::kWanYuan), 300000000LL * 100);
}

TEST(MoneyParse, FullWidth) {
  EXPECT_EQ(FenOf("１２３"), 12300);
  EXPECT_EQ(FenOf("１，２３４．５６"), 123456);
  EXPECT_EQ(FenOf("－１２．５"), -1250);
  EXPECT_EQ(FenOf("＋３"), 300);
  EXPECT_EQ(FenOf("　１０６７０５万元　"), 106705LL * 10000 * 100);  // ideographic spaces
}

TEST(MoneyParse, Rejects) {
  for (const char* bad :
       {"",       "   ",    "abc",        "12abc", "1,23", "12,34.5", "1234,567",   ",123",
        "1.2.3",  "1.",     ".5",         "--5",   "+-5",  "-￥-5",   "￥￥5",      "5-",
        "1 000",  "1.5%",   "1e5",        "yuan",  "万元", "￥",      "1,234.56,7", "1.23,4",
        "12元元", "12万亿", "12 万 元 x", "NaN",   "0x10", "１２３ａ"}) {
    EXPECT_EQ(CodeOf(bad), absl::StatusCode::kInvalidArgument) << "\"" << bad << "\"";
  }
}

TEST(MoneyParse, MessagesSayWhatIsWrong) {
  EXPECT_THAT(MessageOf("1,23"), HasSubstr("grouping"));
  EXPECT_THAT(MessageOf("1,23"), HasSubstr("\"1,23\""));
  EXPECT_THAT(MessageOf("--5"), HasSubstr("more than one sign"));
  EXPECT_THAT(MessageOf(""), HasSubstr("empty"));
  EXPECT_THAT(MessageOf("12abc"), HasSubstr("after the number"));
  EXPECT_THAT(MessageOf("1.234"), HasSubstr("more precision than a fen"));
  EXPECT_THAT(MessageOf("1.2345678万元"), HasSubstr("more precision than a fen"));
  EXPECT_THAT(MessageOf("12€"), HasSubstr("€"));
}

TEST(MoneyParse, SubFenPrecisionIsAnError) {
  EXPECT_EQ(CodeOf("1.234"), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CodeOf("1.2345678万元"), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CodeOf("0.00000000001亿元"), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CodeOf("0.001", MoneyUnit::kYuan), absl::StatusCode::kInvalidArgument);
}

TEST(MoneyParse, LargeAmountsAndOverflow) {
  // 10^15 yuan fits comfortably.
  EXPECT_EQ(FenOf("1000000000000000"), 100000000000000000LL);
  EXPECT_EQ(FenOf("10000000亿元"), 100000000000000000LL);
  // The extremes of int64 fen.
  EXPECT_EQ(FenOf("92233720368547758.07"), kMax);
  EXPECT_EQ(FenOf("-92233720368547758.08"), kMin);
  EXPECT_EQ(CodeOf("92233720368547758.08"), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(CodeOf("-92233720368547758.09"), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(CodeOf("1000000000亿元"), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(CodeOf("99999999999999999999999999999999999999999"), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(CodeOf("0000000000000000000000000000000000000001"), absl::StatusCode::kOk);
}

TEST(MoneyFormat, DefaultIsTwoDecimals) {
  EXPECT_EQ(Money::FromFen(123456).ToString(), "1234.56");
  EXPECT_EQ(Money::FromFen(5).ToString(), "0.05");
  EXPECT_EQ(Money::FromFen(-5).ToString(), "-0.05");
  EXPECT_EQ(Money::FromFen(0).ToString(), "0.00");
  EXPECT_EQ(Money::FromFen(100).ToString(), "1.00");
  EXPECT_EQ(Money::FromFen(kMax).ToString(), "92233720368547758.07");
  EXPECT_EQ(Money::FromFen(kMin).ToString(), "-92233720368547758.08");
}

TEST(MoneyFormat, GroupingAndSuffix) {
  MoneyFormat f;
  f.grouping = true;
  EXPECT_EQ(Money::FromFen(123456789).ToString(f), "1,234,567.89");
  EXPECT_EQ(Money::FromFen(-123456789).ToString(f), "-1,234,567.89");
  EXPECT_EQ(Money::FromFen(12345).ToString(f), "123.45");
  f.unit_suffix = true;
  EXPECT_EQ(Money::FromFen(100000).ToString(f), "1,000.00元");
}

TEST(MoneyFormat, WanYuanExactShortest) {
  MoneyFormat f{MoneyUnit::kWanYuan};
  EXPECT_EQ(FenOf("106705万元") > 0, true);
  EXPECT_EQ(Money::Parse("106705万元")->ToString(f), "106705");
  EXPECT_EQ(Money::Parse("2396.8万元")->ToString(f), "2396.8");
  EXPECT_EQ(Money::Parse("12345.67")->ToString(f), "1.234567");
  EXPECT_EQ(Money::Parse("-0.01")->ToString(f), "-0.000001");
  EXPECT_EQ(Money::FromFen(0).ToString(f), "0");
  f.unit_suffix = true;
  f.grouping = true;
  EXPECT_EQ(Money::Parse("106705万元")->ToString(f), "106,705万元");
  MoneyFormat yi{MoneyUnit::kYiYuan};
  EXPECT_EQ(Money::Parse("1.2亿元")->ToString(yi), "1.2");
  EXPECT_EQ(Money::FromFen(1).ToString(yi), "0.0000000001");
}

TEST(MoneyFormat, DecimalsRoundHalfUpAwayFromZero) {
  MoneyFormat f{MoneyUnit::kWanYuan};
  f.decimals = 2;
  EXPECT_EQ(Money::Parse("1.235万元")->ToString(f), "1.24");
  EXPECT_EQ(Money::Parse("1.2349万元")->ToString(f), "1.23");
  EXPECT_EQ(Money::Parse("-1.235万元")->ToString(f), "-1.24");
  EXPECT_EQ(Money::Parse("-1.2349万元")->ToString(f), "-1.23");
  EXPECT_EQ(Money::Parse("9.995万元")->ToString(f), "10.00");
  EXPECT_EQ(Money::Parse("-0.004万元")->ToString(f), "0.00");  // no negative zero
  EXPECT_EQ(Money::Parse("106705万元")->ToString(f), "106705.00");
  f.decimals = 0;
  EXPECT_EQ(Money::Parse("2396.5万元")->ToString(f), "2397");
  EXPECT_EQ(Money::Parse("-2396.5万元")->ToString(f), "-2397");
  MoneyFormat y;
  y.decimals = 0;
  EXPECT_EQ(Money::FromFen(150).ToString(y), "2");
  EXPECT_EQ(Money::FromFen(149).ToString(y), "1");
  y.decimals = 4;
  EXPECT_EQ(Money::FromFen(150).ToString(y), "1.5000");
}

TEST(MoneyFormat, RoundTripsThroughParse) {
  for (std::int64_t fen : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{99},
                           std::int64_t{123456789}, std::int64_t{-987654321012}, kMax, kMin}) {
    for (MoneyUnit unit : {MoneyUnit::kYuan, MoneyUnit::kWanYuan, MoneyUnit::kYiYuan}) {
      for (bool grouping : {false, true}) {
        for (bool suffix : {false, true}) {
          MoneyFormat f{unit, grouping, suffix, -1};
          const std::string text = Money::FromFen(fen).ToString(f);
          absl::StatusOr<Money> back = Money::Parse(text, unit);
          ASSERT_TRUE(back.ok()) << text << ": " << back.status();
          EXPECT_EQ(back->fen(), fen) << text;
        }
      }
    }
  }
}

TEST(MoneyFormat, RandomRoundTrips) {
  std::mt19937_64 rng(106705);  // fixed seed: deterministic
  for (int i = 0; i < 2000; ++i) {
    const auto fen = static_cast<std::int64_t>(rng()) >> (rng() % 64);
    const auto unit = static_cast<MoneyUnit>(rng() % 3);
    const MoneyFormat f{unit, (rng() & 1) != 0, (rng() & 1) != 0, -1};
    const std::string text = Money::FromFen(fen).ToString(f);
    absl::StatusOr<Money> back = Money::Parse(text, unit);
    ASSERT_TRUE(back.ok()) << text << ": " << back.status();
    EXPECT_EQ(back->fen(), fen) << text;
  }
}

TEST(MoneyArithmetic, Checked) {
  const Money a = Money::FromFen(150);
  EXPECT_EQ(a.Plus(Money::FromFen(50))->fen(), 200);
  EXPECT_EQ(a.Minus(Money::FromFen(200))->fen(), -50);
  EXPECT_EQ(a.Negated()->fen(), -150);
  EXPECT_EQ(a.Times(-3)->fen(), -450);
  EXPECT_EQ(Money::FromYuan(12)->fen(), 1200);
  EXPECT_TRUE(a.is_negative() == false && Money().is_zero());
}

TEST(MoneyArithmetic, OverflowIsAnError) {
  const Money max = Money::FromFen(kMax);
  const Money min = Money::FromFen(kMin);
  EXPECT_EQ(max.Plus(Money::FromFen(1)).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(min.Minus(Money::FromFen(1)).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(min.Negated().status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(max.Times(2).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(min.Times(-1).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(max.MulDiv(3, 2).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Money::FromYuan(kMax / 10).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(max.Negated().ok());
  Money m = max;
  EXPECT_FALSE(m.TryAdd(Money::FromFen(1)));
  EXPECT_EQ(m.fen(), kMax);
  EXPECT_TRUE(m.TryAdd(Money::FromFen(-1)));
  EXPECT_EQ(m.fen(), kMax - 1);
}

TEST(MoneyArithmetic, MulDivRoundsHalfUpAwayFromZero) {
  EXPECT_EQ(Money::FromFen(5).MulDiv(1, 2)->fen(), 3);    // 2.5 → 3
  EXPECT_EQ(Money::FromFen(-5).MulDiv(1, 2)->fen(), -3);  // -2.5 → -3
  EXPECT_EQ(Money::FromFen(5).MulDiv(-1, 2)->fen(), -3);
  EXPECT_EQ(Money::FromFen(5).MulDiv(1, -2)->fen(), -3);
  EXPECT_EQ(Money::FromFen(-5).MulDiv(-1, -2)->fen(), -3);
  EXPECT_EQ(Money::FromFen(-5).MulDiv(-1, 2)->fen(), 3);
  EXPECT_EQ(Money::FromFen(7).MulDiv(1, 3)->fen(), 2);  // 2.33 → 2
  EXPECT_EQ(Money::FromFen(8).MulDiv(1, 3)->fen(), 3);  // 2.67 → 3
  EXPECT_EQ(Money::FromFen(-7).MulDiv(1, 3)->fen(), -2);
  EXPECT_EQ(Money::FromFen(1).MulDiv(1, 3)->fen(), 0);
  EXPECT_EQ(Money::FromFen(-1).MulDiv(1, 3)->fen(), 0);
  // The product is formed in 128 bits: only the result must fit.
  EXPECT_EQ(Money::FromFen(kMax).MulDiv(kMax, kMax)->fen(), kMax);
  EXPECT_EQ(Money::FromFen(kMin).MulDiv(kMax, kMax)->fen(), kMin);
  EXPECT_EQ(Money::FromFen(kMin).MulDiv(1, 1)->fen(), kMin);
  EXPECT_EQ(Money::FromFen(kMin).MulDiv(-1, 1).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Money::FromFen(1).MulDiv(1, 0).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(MoneyUnitText, ParseAndName) {
  EXPECT_EQ(*ParseMoneyUnit("元"), MoneyUnit::kYuan);
  EXPECT_EQ(*ParseMoneyUnit("yuan"), MoneyUnit::kYuan);
  EXPECT_EQ(*ParseMoneyUnit("万元"), MoneyUnit::kWanYuan);
  EXPECT_EQ(*ParseMoneyUnit("wan"), MoneyUnit::kWanYuan);
  EXPECT_EQ(*ParseMoneyUnit("亿元"), MoneyUnit::kYiYuan);
  EXPECT_EQ(*ParseMoneyUnit("yi"), MoneyUnit::kYiYuan);
  EXPECT_FALSE(ParseMoneyUnit("千元").ok());
  EXPECT_FALSE(ParseMoneyUnit("").ok());
  EXPECT_EQ(MoneyUnitName(MoneyUnit::kYuan), "元");
  EXPECT_EQ(MoneyUnitName(MoneyUnit::kWanYuan), "万元");
  EXPECT_EQ(MoneyUnitName(MoneyUnit::kYiYuan), "亿元");
}

TEST(MoneyCompare, Ordering) {
  EXPECT_LT(Money::FromFen(-1), Money::FromFen(0));
  EXPECT_EQ(*Money::Parse("1.2亿元"), *Money::Parse("12000万元"));
}

}  // namespace
}  // namespace perfbudget
