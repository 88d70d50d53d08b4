// fast_decimal_test.cc: the fast paths agree with the full parsers on every
// text they accept, and decline everything else.
#include "money/fast_decimal.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget::internal {
namespace {

const std::vector<std::string>& Texts() {
  static const std::vector<std::string> texts = {"0",
                                                 "-0",
                                                 "1",
                                                 "-1",
                                                 "12",
                                                 "12.5",
                                                 "12.50",
                                                 "12.05",
                                                 "-12.34",
                                                 "0.01",
                                                 "0.1",
                                                 "0.10",
                                                 "999999999999999.99",
                                                 "-999999999999999.99",
                                                 "1000000000000000",
                                                 "123456789012345678",
                                                 "1234567890123456789",
                                                 "0.123456789012345678",
                                                 "1.000000000000000001",
                                                 "95.5",
                                                 "100",
                                                 "3776000.00",
                                                 "20226.00",
                                                 "007",
                                                 "00",
                                                 "0.",
                                                 ".5",
                                                 "1.",
                                                 "-",
                                                 "",
                                                 "+1",
                                                 "1,234.56",
                                                 "1e3",
                                                 "12.3.4",
                                                 " 1",
                                                 "1 ",
                                                 "１２",
                                                 "2400万元",
                                                 "1.2亿元",
                                                 "￥12.07",
                                                 "12.345",
                                                 "-0.00",
                                                 "--1",
                                                 "1-",
                                                 "0x10",
                                                 "12a"};
  return texts;
}

TEST(FastDecimalTest, YuanAgreesWithMoneyParse) {
  for (const std::string& t : Texts()) {
    std::optional<Money> fast = FastParsePlainYuan(t);
    if (!fast) continue;
    absl::StatusOr<Money> full = Money::Parse(t);
    ASSERT_TRUE(full.ok()) << t;
    EXPECT_EQ(fast->fen(), full->fen()) << t;
  }
}

TEST(FastDecimalTest, DecimalAgreesWithRatioParse) {
  for (const std::string& t : Texts()) {
    std::optional<Ratio> fast = FastParsePlainDecimal(t);
    if (!fast) continue;
    absl::StatusOr<Ratio> full = Ratio::ParseDecimal(t);
    ASSERT_TRUE(full.ok()) << t;
    EXPECT_EQ(fast->numerator(), full->numerator()) << t;
    EXPECT_EQ(fast->denominator(), full->denominator()) << t;
  }
}

TEST(FastDecimalTest, AcceptsPlainDecimals) {
  EXPECT_EQ(FastParsePlainYuan("3776000.00")->fen(), 377600000);
  EXPECT_EQ(FastParsePlainYuan("-12.5")->fen(), -1250);
  EXPECT_EQ(FastParsePlainYuan("0")->fen(), 0);
  EXPECT_EQ(*FastParsePlainDecimal("95.5"), Ratio(191, 2));
  EXPECT_EQ(*FastParsePlainDecimal("-0.25"), Ratio(-1, 4));
  EXPECT_EQ(*FastParsePlainDecimal("123456789012345678"), Ratio(123456789012345678));
}

TEST(FastDecimalTest, DeclinesEverythingElse) {
  for (const char* t : {"", "-", "+1", "007", "00", ".5", "1.", "1,234.56", "1e3", " 1", "1 ",
                        "１２", "2400万元", "￥12.07", "12a", "--1"}) {
    EXPECT_FALSE(FastParsePlainYuan(t).has_value()) << t;
    EXPECT_FALSE(FastParsePlainDecimal(t).has_value()) << t;
  }
  EXPECT_FALSE(FastParsePlainYuan("12.345").has_value());            // sub-fen: full parser says so
  EXPECT_FALSE(FastParsePlainYuan("1000000000000000").has_value());  // 16 digits: full parser
  EXPECT_FALSE(FastParsePlainDecimal("1234567890123456789").has_value());
  EXPECT_FALSE(FastParsePlainDecimal("1.000000000000000001").has_value());
}

}  // namespace
}  // namespace perfbudget::internal
