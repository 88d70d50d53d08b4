// numeric_audit_test.cc: adversarial checks of the numeric core (audit):
// half-up rounding against an integer reference over whole ranges, the int64 /
// int128 edges of Money, Ratio and allocation, and parsing of hostile text.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "perfbudget/money/allocate.h"
#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
__extension__ typedef unsigned __int128 U128;
const int128_t kMax128 = static_cast<int128_t>(~U128{0} >> 1);
const int128_t kMin128 = -kMax128 - 1;

// Reference half-up (away from zero at .5) of n/d scaled by 10^places, in
// plain integer arithmetic: floor((2·|n|·10^p + d) / 2d) with n's sign.
std::int64_t RefRound(std::int64_t n, std::int64_t d, int places) {
  std::int64_t scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  const bool negative = (n < 0) != (d < 0);
  const std::int64_t an = n < 0 ? -n : n;
  const std::int64_t ad = d < 0 ? -d : d;
  const std::int64_t q = (2 * an * scale + ad) / (2 * ad);
  return negative ? -q : q;
}

TEST(NumericAudit, RatioRoundingIsHalfUpOverAWholeRange) {
  for (std::int64_t n = -1200; n <= 1200; ++n) {
    for (std::int64_t d = 1; d <= 64; ++d) {
      const Ratio r(n, d);
      for (int places = 0; places <= 3; ++places) {
        ASSERT_EQ(static_cast<std::int64_t>(r.RoundedScaled(places)), RefRound(n, d, places))
            << n << "/" << d << " at " << places;
      }
    }
  }
}

TEST(NumericAudit, RatioDecimalStringMatchesReference) {
  for (std::int64_t n = -999; n <= 999; n += 7) {
    for (std::int64_t d = 1; d <= 40; ++d) {
      const std::int64_t q = RefRound(n, d, 2);
      const std::int64_t aq = q < 0 ? -q : q;
      std::string want = (q < 0 ? "-" : "") + std::to_string(aq / 100) + "." +
                         (aq % 100 < 10 ? "0" : "") + std::to_string(aq % 100);
      ASSERT_EQ(Ratio(n, d).ToDecimalString(2), want) << n << "/" << d;
    }
  }
  // A negative value rounding to zero prints without a sign.
  EXPECT_EQ(Ratio(-4, 1000).ToDecimalString(2), "0.00");
  EXPECT_EQ(Ratio(-5, 1000).ToDecimalString(2), "-0.01");
}

TEST(NumericAudit, RatioAt128BitEdges) {
  EXPECT_EQ(Ratio(kMin128, 1).ToDecimalString(1), "-170141183460469231731687303715884105728.0");
  EXPECT_EQ(Ratio(kMax128, 1).ToDecimalString(0), "170141183460469231731687303715884105727");
  EXPECT_EQ(Ratio(kMax128, kMax128 - 1).ToDecimalString(3), "1.000");
  EXPECT_EQ(Ratio(1, kMax128).ToDecimalString(2), "0.00");
  // The scaled result does not fit: documented as 0, never a wrap.
  EXPECT_EQ(Ratio(kMax128, 1).RoundedScaled(1), 0);
  EXPECT_TRUE((Ratio(kMax128, 1) + Ratio(1)).overflowed());
  EXPECT_TRUE((Ratio(kMin128, 1) - Ratio(1)).overflowed());
  EXPECT_TRUE((Ratio(kMin128, 1) * Ratio(-1)).overflowed());
  EXPECT_TRUE((Ratio(1) / Ratio(kMin128, 1)).overflowed());  // denominator 2^127
  EXPECT_TRUE((Ratio(1, 3) / Ratio(0)).overflowed());
  EXPECT_TRUE(Ratio(kMax128, 1) > Ratio(kMax128 - 1, 1));
  EXPECT_TRUE(Ratio(kMin128, 3) < Ratio(kMin128 + 1, 3));
  EXPECT_TRUE(Ratio(kMax128, kMax128 - 1) > Ratio(kMax128 - 1, kMax128 - 2) == false);
}

TEST(NumericAudit, RatioParseLimits) {
  EXPECT_TRUE(Ratio::ParseDecimal(std::string(38, '9')).ok());
  EXPECT_FALSE(Ratio::ParseDecimal(std::string(39, '9')).ok());
  EXPECT_TRUE(Ratio::ParseDecimal("0." + std::string(37, '0') + "1").ok());
  EXPECT_FALSE(Ratio::ParseDecimal("0." + std::string(38, '0') + "1").ok());
  EXPECT_TRUE(Ratio::ParseDecimal(std::string(1000, '0') + "1").ok());  // leading zeros
  EXPECT_EQ(Ratio::ParseDecimal("1." + std::string(1000, '0'))->ToExactString(), "1");
  EXPECT_FALSE(Ratio::ParseDecimal(std::string(100000, '9')).ok());
  for (std::string_view bad :
       std::vector<std::string_view>{"", "-", "+-1", "1e3", "0x10", "1.2.3", "1,2", "∞", "NaN",
                                     "1%", ".5", "1.", std::string_view("1\0", 2)}) {
    EXPECT_FALSE(Ratio::ParseDecimal(bad).ok()) << bad;
  }
}

TEST(NumericAudit, MoneyMulDivIsHalfUpOverAWholeRange) {
  for (std::int64_t fen = -300; fen <= 300; ++fen) {
    for (std::int64_t num = -7; num <= 7; ++num) {
      for (std::int64_t den = -9; den <= 9; ++den) {
        if (den == 0) continue;
        absl::StatusOr<Money> got = Money::FromFen(fen).MulDiv(num, den);
        ASSERT_TRUE(got.ok());
        ASSERT_EQ(got->fen(), RefRound(fen * num, den, 0)) << fen << "*" << num << "/" << den;
      }
    }
  }
}

TEST(NumericAudit, MoneyFormatRoundTripsAtTheEdges) {
  const std::int64_t values[] = {kMin,   kMin + 1, kMax,     kMax - 1,   0,
                                 1,      -1,       99,       -99,        100,
                                 999999, 1000000,  -1000001, 4999999999, 5000000000};
  for (MoneyUnit unit : {MoneyUnit::kYuan, MoneyUnit::kWanYuan, MoneyUnit::kYiYuan}) {
    for (std::int64_t v : values) {
      MoneyFormat exact;
      exact.unit = unit;
      for (bool grouping : {false, true}) {
        for (bool suffix : {false, true}) {
          exact.grouping = grouping;
          exact.unit_suffix = suffix;
          const std::string text = Money::FromFen(v).ToString(exact);
          absl::StatusOr<Money> back = Money::Parse(text, unit);
          ASSERT_TRUE(back.ok()) << text << ": " << back.status();
          EXPECT_EQ(back->fen(), v) << text;
        }
      }
    }
  }
  MoneyFormat f;
  f.unit = MoneyUnit::kWanYuan;
  f.decimals = 0;
  EXPECT_EQ(Money::FromFen(kMin).ToString(f), "-9223372036855");  // ...854.7758 → ...855
  f.decimals = 2;
  EXPECT_EQ(Money::FromFen(-499999).ToString(f), "-0.50");  // -0.499999 → -0.50
  EXPECT_EQ(Money::FromFen(-4999).ToString(f), "0.00");     // -0.004999 → 0.00, no sign
  EXPECT_EQ(Money::FromFen(5000).ToString(f), "0.01");      // 0.005 → 0.01 (half-up)
  EXPECT_EQ(Money::FromFen(-5000).ToString(f), "-0.01");
}

TEST(NumericAudit, MoneyParseHostileText) {
  EXPECT_EQ(Money::Parse(std::string(100000, '9'), MoneyUnit::kYuan).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Money::Parse(std::string(100000, '0') + "1.5", MoneyUnit::kYuan)->fen(), 150);
  EXPECT_EQ(Money::Parse("0." + std::string(100000, '0'), MoneyUnit::kYuan)->fen(), 0);
  EXPECT_EQ(Money::Parse("92233720368547758.07", MoneyUnit::kYuan)->fen(), kMax);
  EXPECT_EQ(Money::Parse("-92233720368547758.08", MoneyUnit::kYuan)->fen(), kMin);
  EXPECT_EQ(Money::Parse("92233720368547758.08", MoneyUnit::kYuan).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Money::Parse("-92,233,720,368,547,758.09", MoneyUnit::kYuan).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Money::Parse("922337203.6854775807亿元", MoneyUnit::kYuan)->fen(), kMax);
  for (std::string_view bad : std::vector<std::string_view>{std::string_view("12\0", 3),
                                                            std::string_view("\0", 1),
                                                            "12u",
                                                            "Y12",
                                                            "12y",
                                                            "12w",
                                                            "1e2",
                                                            "0x10",
                                                            "12元元",
                                                            "万元",
                                                            "亿",
                                                            "1 2",
                                                            "1..2",
                                                            "--1",
                                                            "+-1",
                                                            "-",
                                                            "￥￥1",
                                                            "\xff",
                                                            "\xe4\xb8",
                                                            "１２．３４５",
                                                            "12万元整",
                                                            "12 万 元",
                                                            "NaN",
                                                            "inf"}) {
    absl::StatusOr<Money> m = Money::Parse(bad, MoneyUnit::kYuan);
    EXPECT_FALSE(m.ok()) << bad << " = " << (m.ok() ? m->fen() : 0);
  }
  // Every prefix of a busy amount parses or fails cleanly.
  const std::string busy = "-￥1,234,567.89万元";
  for (size_t n = 0; n <= busy.size(); ++n) {
    (void)Money::Parse(std::string_view(busy).substr(0, n), MoneyUnit::kYuan);
  }
  EXPECT_EQ(Money::Parse(busy, MoneyUnit::kYuan)->fen(), -1234567890000);
  EXPECT_EQ(Money::Parse("1.2345678万元", MoneyUnit::kYuan).status().code(),
            absl::StatusCode::kInvalidArgument);  // 7 places in 万元: more than a fen
  EXPECT_EQ(Money::Parse("-￥1,234,567.89元", MoneyUnit::kYuan)->fen(), -123456789);
}

TEST(NumericAudit, AllocationAtTheEdges) {
  absl::StatusOr<std::vector<Money>> parts =
      AllocateByWeights(Money::FromFen(kMin), std::vector<std::int64_t>{kMax, kMax, 1});
  ASSERT_TRUE(parts.ok());
  __int128 sum = 0;
  for (Money m : *parts) sum += m.fen();
  EXPECT_EQ(sum, kMin);
  parts = AllocateByWeights(Money::FromFen(kMax), std::vector<std::int64_t>{1, 0, kMax});
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ((*parts)[1].fen(), 0);
  EXPECT_EQ((*parts)[0].fen() + (*parts)[2].fen(), kMax);

  parts = AllocateByPriority(Money::FromFen(kMin), std::vector<Money>{Money::FromFen(kMax)},
                             /*allow_remainder=*/true);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ((*parts)[0].fen(), kMin);
  parts = AllocateByPriority(Money::FromFen(kMin), std::vector<Money>{Money::FromFen(kMax)});
  EXPECT_EQ(parts.status().code(), absl::StatusCode::kFailedPrecondition);
  parts = AllocateByPriority(Money::FromFen(kMax),
                             std::vector<Money>{Money::FromFen(kMax), Money::FromFen(kMax)});
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ((*parts)[0].fen(), kMax);
  EXPECT_EQ((*parts)[1].fen(), 0);
}

}  // namespace
}  // namespace perfbudget
