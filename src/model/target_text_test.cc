// target_text_test.cc: indicator target shorthand ("≥50个", "[90, 100]").
#include "model/target_text.h"

#include "gtest/gtest.h"

namespace perfbudget {
namespace {

Ratio R(std::string_view s) { return *Ratio::ParseDecimal(s); }

TEST(TargetTextTest, ComparatorNumberUnit) {
  absl::StatusOr<ParsedTarget> t = ParseTargetText("≥50个");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->comparator, Comparator::kGe);
  EXPECT_EQ(t->value, Ratio(50));
  EXPECT_FALSE(t->high.has_value());
  EXPECT_EQ(t->unit_of_measure, "个");
}

TEST(TargetTextTest, Forms) {
  struct Case {
    std::string_view text;
    std::optional<Comparator> comparator;
    std::string_view value;
    std::string_view unit;
  };
  const Case cases[] = {
      {"≤90万元", Comparator::kLe, "90", "万元"},
      {">= 95.5 %", Comparator::kGe, "95.5", "%"},
      {"不低于95%", Comparator::kGe, "95", "%"},
      {"＜3天", Comparator::kLt, "3", "天"},
      {"=100%", Comparator::kEq, "100", "%"},
      {"1,234.5公里", std::nullopt, "1234.5", "公里"},
      {"１２个", std::nullopt, "12", "个"},
      {"12", std::nullopt, "12", ""},
      {"-5", std::nullopt, "-5", ""},
  };
  for (const Case& c : cases) {
    absl::StatusOr<ParsedTarget> t = ParseTargetText(c.text);
    ASSERT_TRUE(t.ok()) << c.text << ": " << t.status();
    EXPECT_EQ(t->comparator, c.comparator) << c.text;
    EXPECT_EQ(t->value, R(c.value)) << c.text;
    EXPECT_EQ(t->unit_of_measure, c.unit) << c.text;
  }
}

TEST(TargetTextTest, Ranges) {
  for (std::string_view text : {"[90, 100]", "［90，100］", "90-100", "90~100", "90至100"}) {
    absl::StatusOr<ParsedTarget> t = ParseTargetText(text);
    ASSERT_TRUE(t.ok()) << text << ": " << t.status();
    EXPECT_EQ(t->comparator, Comparator::kRange) << text;
    EXPECT_EQ(t->value, Ratio(90));
    EXPECT_EQ(t->high, Ratio(100));
  }
  absl::StatusOr<ParsedTarget> t = ParseTargetText("[90, 100]%");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->unit_of_measure, "%");
}

TEST(TargetTextTest, NotNumeric) {
  for (std::string_view text :
       {"", "严格执行相关制度规定", "2022年12月31日前", "≥", "[90, ]", "约41.7", "≥50个(2)"}) {
    EXPECT_FALSE(ParseTargetText(text).ok()) << text;
  }
}

TEST(TargetTextTest, ResolveShorthand) {
  Indicator ind;
  ASSERT_TRUE(ResolveIndicatorTarget("≥50个", "", std::nullopt, "", &ind).ok());
  EXPECT_EQ(ind.comparator, Comparator::kGe);
  EXPECT_EQ(ind.target, Ratio(50));
  EXPECT_EQ(ind.unit_of_measure, "个");
  EXPECT_EQ(ind.target_text, "≥50个");
}

TEST(TargetTextTest, ExplicitFieldsWin) {
  Indicator ind;
  ASSERT_TRUE(ResolveIndicatorTarget("≥50个", "", Comparator::kGt, "套", &ind).ok());
  EXPECT_EQ(ind.comparator, Comparator::kGt);
  EXPECT_EQ(ind.target, Ratio(50));
  EXPECT_EQ(ind.unit_of_measure, "套");
}

TEST(TargetTextTest, ResolveRangeAndHigh) {
  Indicator a;
  ASSERT_TRUE(ResolveIndicatorTarget("[90, 100]", "", Comparator::kRange, "%", &a).ok());
  EXPECT_EQ(a.target, Ratio(90));
  EXPECT_EQ(a.target_high, Ratio(100));
  Indicator b;
  ASSERT_TRUE(ResolveIndicatorTarget("90", "100", std::nullopt, "", &b).ok());
  EXPECT_EQ(b.comparator, Comparator::kRange);
  EXPECT_EQ(b.target, Ratio(90));
  EXPECT_EQ(b.target_high, Ratio(100));
  Indicator c;
  EXPECT_FALSE(ResolveIndicatorTarget("90", "很多", std::nullopt, "", &c).ok());
}

TEST(TargetTextTest, QualitativeAndUnreadableKeepText) {
  Indicator q;
  ASSERT_TRUE(ResolveIndicatorTarget("≥50个", "", Comparator::kQualitative, "", &q).ok());
  EXPECT_FALSE(q.target.has_value());
  EXPECT_EQ(q.target_text, "≥50个");
  EXPECT_EQ(q.unit_of_measure, "");
  Indicator t;
  ASSERT_TRUE(ResolveIndicatorTarget("2022年12月31日前", "", Comparator::kLe, "", &t).ok());
  EXPECT_EQ(t.comparator, Comparator::kLe);
  EXPECT_FALSE(t.target.has_value());
  EXPECT_EQ(t.target_text, "2022年12月31日前");
}

}  // namespace
}  // namespace perfbudget
