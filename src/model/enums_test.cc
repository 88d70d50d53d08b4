// enums_test.cc: codes, labels and parsing of the model's enums.
#include "perfbudget/model/enums.h"

#include "gtest/gtest.h"

namespace perfbudget {
namespace {

TEST(Enums, CodesAndLabelsRoundTrip) {
  for (int i = 0; i < kFundSourceCount; ++i) {
    const auto v = static_cast<FundSource>(i);
    EXPECT_EQ(ParseFundSource(CodeOf(v)), v);
    EXPECT_EQ(ParseFundSource(ZhLabelOf(v)), v);
  }
  for (std::string_view code : AllCodes(IndicatorLevel2{})) {
    ASSERT_TRUE(ParseIndicatorLevel2(code).has_value()) << code;
    EXPECT_EQ(CodeOf(*ParseIndicatorLevel2(code)), code);
  }
}

TEST(Enums, AcceptsAliasesAndSuffixlessLabels) {
  EXPECT_EQ(ParseComparator("≥"), Comparator::kGe);
  EXPECT_EQ(ParseComparator(">="), Comparator::kGe);
  EXPECT_EQ(ParseComparator("不高于"), Comparator::kLe);
  EXPECT_EQ(ParseComparator("定性"), Comparator::kQualitative);
  EXPECT_EQ(ParseIndicatorLevel1("产出"), IndicatorLevel1::kOutput);
  EXPECT_EQ(ParseIndicatorLevel1("产出指标"), IndicatorLevel1::kOutput);
  EXPECT_EQ(ParseIndicatorLevel2("数量指标"), IndicatorLevel2::kQuantity);
  EXPECT_EQ(ParseIndicatorLevel2("服务对象满意度"), IndicatorLevel2::kBeneficiarySatisfaction);
  EXPECT_EQ(ParseFundSource("土地出让金"), FundSource::kLandTransfer);
  EXPECT_EQ(ParseFundSource(" GENERAL_BUDGET "), FundSource::kGeneralBudget);
  EXPECT_EQ(ParseGrade("优"), Grade::kExcellent);
}

TEST(Enums, RejectsUnknownValues) {
  EXPECT_FALSE(ParseFundSource("lottery").has_value());
  EXPECT_FALSE(ParseComparator("≈").has_value());
  EXPECT_FALSE(ParseIndicatorLevel1("").has_value());
  EXPECT_FALSE(ParseIndicatorLevel1("指标").has_value());
}

TEST(Enums, NaturalLevel1) {
  EXPECT_EQ(NaturalLevel1Of(IndicatorLevel2::kOutputCost), IndicatorLevel1::kOutput);
  EXPECT_EQ(NaturalLevel1Of(IndicatorLevel2::kEconomicCost), IndicatorLevel1::kCost);
  EXPECT_EQ(NaturalLevel1Of(IndicatorLevel2::kSustainability), IndicatorLevel1::kBenefit);
  EXPECT_EQ(NaturalLevel1Of(IndicatorLevel2::kBeneficiarySatisfaction),
            IndicatorLevel1::kSatisfaction);
}

}  // namespace
}  // namespace perfbudget
