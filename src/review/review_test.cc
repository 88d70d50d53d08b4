// review_test.cc: every goal-review rule fires on a defect and stays quiet on a
// sound goal; scoring, grades and consequences.
#include "perfbudget/review/review.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "perfbudget/policy/rule_catalog.h"
#include "review/review_rules.h"
#include "review/review_test_util.h"

namespace perfbudget {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

using review_test::Ind;
using review_test::R;

using L1 = IndicatorLevel1;
using L2 = IndicatorLevel2;
using C = Comparator;

// A sound project goal: the review finds nothing.
struct Fixture {
  Project project;
  Unit unit;
  Goal goal;
  FiscalYear fy = *FiscalYear::Create(2022);

  Fixture() {
    unit = {"U01", "宿马园区城乡建设局"};
    project.id = "P001";
    project.unit_id = "U01";
    project.name = "园区主干道维修改造项目";
    project.category = "市政管护";
    project.kind = ProjectKind::kContinuing;
    project.requested = *Money::Parse("500万元");
    project.funds.push_back({FundSource::kGeneralBudget, *Money::Parse("500万元"), 0});
    goal.id = "G-P001";
    goal.owner = GoalOwner::kProject;
    goal.project_id = "P001";
    goal.unit_id = "U01";
    goal.text = "完成园区主干道维修改造12公里，保障道路通行安全";
    goal.indicators = {
        Ind(L1::kOutput, L2::kQuantity, "主干道维修长度", C::kGe, "≥12公里", R("12"), "公里",
            R("30")),
        Ind(L1::kOutput, L2::kQuality, "维修工程验收合格率", C::kGe, "≥98%", R("98"), "%", R("20")),
        Ind(L1::kOutput, L2::kTimeliness, "维修工程完工时间", C::kLe, "≤11月", R("11"), "月",
            R("10")),
        Ind(L1::kOutput, L2::kOutputCost, "每公里维修成本", C::kLe, "≤40万元/公里", R("40"),
            "万元/公里", R("10")),
        Ind(L1::kBenefit, L2::kSocialBenefit, "道路通行能力提升", C::kGe, "≥20%", R("20"), "%",
            R("10")),
        Ind(L1::kSatisfaction, L2::kBeneficiarySatisfaction, "沿线群众满意度", C::kGe, "≥90%",
            R("90"), "%", R("10")),
    };
    goal.indicators[0].baseline = R("10");
  }

  Indicator& I(std::size_t i) { return goal.indicators[i]; }

  GoalReview Review(const Policy& policy = DefaultPolicy()) {
    GoalContext ctx;
    ctx.project = &project;
    ctx.unit = &unit;
    ctx.fiscal_year = fy;
    absl::StatusOr<GoalReview> r = ReviewGoal(goal, ctx, policy);
    EXPECT_TRUE(r.ok()) << r.status();
    return *r;
  }
};

std::vector<std::string> Codes(const GoalReview& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.emplace_back(f.code);
  return out;
}

// A copy (the review is often a temporary).
std::optional<Finding> FindCode(const GoalReview& r, std::string_view code) {
  for (const Finding& f : r.findings) {
    if (f.code == code) return f;
  }
  return std::nullopt;
}

TEST(ReviewCatalog, RuleIdsMatchCatalogOrder) {
  std::span<const RuleSpec> catalog = ReviewRuleCatalog();
  ASSERT_EQ(catalog.size(), review_internal::kRuleCount);
  EXPECT_EQ(catalog[review_internal::kMissingLevel1].code, "completeness.missing_level1");
  EXPECT_EQ(catalog[review_internal::kTargetUnreadable].code, "feasibility.target_unreadable");
  EXPECT_EQ(catalog[review_internal::kOtherComment].code, "other.comment");
  for (const RuleSpec& s : catalog) {
    EXPECT_TRUE(ParseReviewDimension(s.dimension).has_value()) << s.code;
    EXPECT_TRUE(s.code.starts_with(s.dimension)) << s.code;
    EXPECT_FALSE(s.message_zh.empty());
    EXPECT_FALSE(s.message_en.empty());
    EXPECT_EQ(FindRuleSpec(s.code), &s);
  }
}

TEST(Review, SoundGoalHasNoFindings) {
  Fixture f;
  GoalReview r = f.Review();
  EXPECT_THAT(Codes(r), ::testing::IsEmpty());
  EXPECT_EQ(r.score, Ratio(100));
  EXPECT_EQ(r.grade, Grade::kExcellent);
  EXPECT_EQ(r.consequence, ReviewConsequence::kProceed);
  EXPECT_TRUE(r.passed());
}

// ---- completeness ---------------------------------------------------------

TEST(Completeness, MissingLevel1) {
  Fixture f;
  EXPECT_THAT(Codes(f.Review()), Not(Contains("completeness.missing_level1")));
  f.goal.indicators.clear();
  GoalReview r = f.Review();
  EXPECT_THAT(Codes(r), Contains("completeness.missing_level1"));
  EXPECT_THAT(Codes(r), Not(Contains("completeness.missing_output")));
  EXPECT_TRUE(r.has_blocker);
  EXPECT_EQ(r.grade, Grade::kPoor);
  EXPECT_EQ(r.consequence, ReviewConsequence::kBlocked);
}

TEST(Completeness, MissingOutputBenefitSatisfaction) {
  Fixture f;
  GoalReview ok = f.Review();
  EXPECT_THAT(Codes(ok), Not(Contains("completeness.missing_output")));
  EXPECT_THAT(Codes(ok), Not(Contains("completeness.missing_benefit")));
  EXPECT_THAT(Codes(ok), Not(Contains("completeness.missing_satisfaction")));
  // Only the satisfaction indicator left.
  f.goal.indicators.erase(f.goal.indicators.begin(), f.goal.indicators.begin() + 5);
  GoalReview r = f.Review();
  EXPECT_THAT(Codes(r), Contains("completeness.missing_output"));
  EXPECT_THAT(Codes(r), Contains("completeness.missing_benefit"));
  EXPECT_THAT(Codes(r), Not(Contains("completeness.missing_satisfaction")));
  std::optional<Finding> out = FindCode(r, "completeness.missing_output");
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->dimension, ReviewDimension::kCompleteness);
  EXPECT_EQ(out->severity, Severity::kError);
  EXPECT_EQ(out->deduction, Ratio(10));
  EXPECT_THAT(out->message_zh, HasSubstr("G-P001"));
  EXPECT_THAT(out->message_zh, HasSubstr("产出指标"));
  Fixture g;
  g.goal.indicators.pop_back();
  EXPECT_THAT(Codes(g.Review()), Contains("completeness.missing_satisfaction"));
}

TEST(Completeness, MissingSatisfactionNotRequiredOfUnitGoals) {
  Fixture f;
  f.goal.owner = GoalOwner::kUnit;
  f.goal.project_id.clear();
  f.goal.indicators.pop_back();
  GoalContext ctx;
  ctx.unit = &f.unit;
  GoalReview r = *ReviewGoal(f.goal, ctx, DefaultPolicy());
  EXPECT_THAT(Codes(r), Not(Contains("completeness.missing_satisfaction")));
  EXPECT_EQ(r.owner, GoalOwner::kUnit);
}

TEST(Completeness, MissingCostOnlyWhenEnabled) {
  Fixture f;
  f.goal.indicators.erase(f.goal.indicators.begin() + 3);  // the cost indicator
  EXPECT_THAT(Codes(f.Review()), Not(Contains("completeness.missing_cost")));
  Policy central = DefaultPolicy();
  central.MutableRule("completeness.missing_cost").enabled = true;
  EXPECT_THAT(Codes(f.Review(central)), Contains("completeness.missing_cost"));
  Fixture g;  // has an output-cost indicator: older forms are accepted
  EXPECT_THAT(Codes(g.Review(central)), Not(Contains("completeness.missing_cost")));
}

TEST(Completeness, GoalTextMissing) {
  Fixture f;
  EXPECT_THAT(Codes(f.Review()), Not(Contains("completeness.goal_text_missing")));
  f.goal.text = "  维修 ";
  GoalReview r = f.Review();
  std::optional<Finding> x = FindCode(r, "completeness.goal_text_missing");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("仅2个字，少于5个字"));
  EXPECT_EQ(x->location.field, "text");
}

TEST(Completeness, IndicatorNameMissing) {
  Fixture f;
  EXPECT_THAT(Codes(f.Review()), Not(Contains("completeness.indicator_name_missing")));
  f.I(1).name = "　";
  GoalReview r = f.Review();
  std::optional<Finding> x = FindCode(r, "completeness.indicator_name_missing");
  ASSERT_TRUE(x.has_value());
  EXPECT_EQ(x->location.indicator_index, 1u);
  EXPECT_THAT(x->message_zh, HasSubstr("第2个指标"));
}

TEST(Completeness, TargetMissingComparatorOrUnit) {
  Fixture f;
  EXPECT_THAT(Codes(f.Review()), Not(Contains("completeness.target_missing_comparator_or_unit")));
  f.I(0).unit_of_measure = "";
  f.I(0).target_text = "12";
  GoalReview r = f.Review();
  std::optional<Finding> x = FindCode(r, "completeness.target_missing_comparator_or_unit");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("缺少计量单位"));
  EXPECT_EQ(x->location.field, "unit_of_measure");
  // A dimensionless coefficient (系数 0.55) needs no unit.
  Fixture d;
  d.I(4).name = "道路通行能力系数";
  d.I(4).target_text = "≥0.55";
  d.I(4).target = R("0.55");
  d.I(4).unit_of_measure = "";
  EXPECT_THAT(Codes(d.Review()), Not(Contains("completeness.target_missing_comparator_or_unit")));
}

TEST(Completeness, TargetMissingIsAnErrorWithAPlainMessage) {
  Fixture f;
  EXPECT_THAT(Codes(f.Review()), Not(Contains("completeness.target_missing")));
  f.I(0).target_text = "";
  f.I(0).target.reset();
  GoalReview r = f.Review();
  std::optional<Finding> x = FindCode(r, "completeness.target_missing");
  ASSERT_TRUE(x.has_value());
  EXPECT_EQ(x->message_zh.str(), "指标“主干道维修长度”未填写指标值，无法考核");
  EXPECT_EQ(x->message_en.str(),
            "Indicator \"主干道维修长度\" has no target value; it cannot be assessed");
  EXPECT_EQ(x->severity, Severity::kError);
  EXPECT_THAT(Codes(r), Not(Contains("completeness.target_missing_comparator_or_unit")));
  // An error caps the grade at 中 (revise and resubmit) whatever the points.
  EXPECT_EQ(r.grade, Grade::kFair);
  EXPECT_EQ(r.consequence, ReviewConsequence::kReviseAndResubmit);
  EXPECT_EQ(r.score, Ratio(79));
  EXPECT_EQ(r.uncapped_score, Ratio(95));
  EXPECT_EQ(r.capped_by, Severity::kError);
  EXPECT_FALSE(r.passed());
}

// ---- relevance --------------------------------------------------------------

TEST(Relevance, Level2UnderWrongLevel1) {
  Fixture f;
  EXPECT_THAT(Codes(f.Review()), Not(Contains("relevance.level2_under_wrong_level1")));
  f.I(4).level1 = L1::kOutput;  // 社会效益指标 under 产出
  GoalReview r = f.Review();
  std::optional<Finding> x = FindCode(r, "relevance.level2_under_wrong_level1");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("“社会效益指标”不属于一级指标“产出指标”，应归入“效益指标”"));
  Fixture g;  // economic cost under 产出 is the older form: accepted
  g.I(3).level2 = L2::kEconomicCost;
  EXPECT_THAT(Codes(g.Review()), Not(Contains("relevance.level2_under_wrong_level1")));
}

TEST(Relevance, NotQuantified) {
  Fixture f;
  f.I(1).comparator = C::kQualitative;
  f.I(1).target_text = "符合相关标准";
  f.I(1).target.reset();
  f.I(1).unit_of_measure = "";
  f.I(4).comparator = C::kQualitative;
  f.I(4).target_text = "明显提升";
  f.I(4).target.reset();
  EXPECT_THAT(Codes(f.Review()), Not(Contains("relevance.not_quantified")));  // 2 of 6
  f.I(2).comparator = C::kQualitative;
  f.I(2).target_text = "按期完成";
  f.I(2).target.reset();
  f.I(5).comparator = C::kQualitative;
  f.I(5).target_text = "群众基本满意";
  f.I(5).target.reset();
  std::optional<Finding> x = FindCode(f.Review(), "relevance.not_quantified");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("6个指标中有4个为定性指标（66.67%），超过50%"));
}

TEST(Relevance, LowTextRelevanceOnIndicator) {
  Fixture f;
  EXPECT_THAT(Codes(f.Review()), Not(Contains("relevance.low_text_relevance")));
  f.I(0).name = "培训人员数量";  // nothing in common with road repair
  GoalReview r = f.Review();
  std::optional<Finding> x = FindCode(r, "relevance.low_text_relevance");
  ASSERT_TRUE(x.has_value());
  EXPECT_EQ(x->location.indicator_index, 0u);
  EXPECT_THAT(
      x->message_zh,
      HasSubstr("“培训人员数量”涉及“培训”（培训与财务），而项目“园区主干道维修改造项目”属于"));
  EXPECT_THAT(x->message_en, HasSubstr("is about 培训 (training and finance staff)"));
}

TEST(Relevance, LowTextRelevanceOnGoalTextAndTunable) {
  Fixture f;
  f.goal.text = "提高群众获得感和幸福感";  // vague, but no evidence of another field
  f.I(0).name = "维修长度";
  EXPECT_THAT(Codes(f.Review()), Not(Contains("relevance.low_text_relevance")));
  f.goal.text = "完成财务人员培训课时";  // speaks of another field
  GoalReview r = f.Review();
  std::optional<Finding> x = FindCode(r, "relevance.low_text_relevance");
  ASSERT_TRUE(x.has_value());
  EXPECT_EQ(x->location.indicator_index, kNoIndex);
  EXPECT_EQ(x->location.field, "text");
  // A stricter threshold also catches a weakly related indicator (one
  // specific bigram shared, and terms of a field the project does not touch).
  Fixture g;
  g.I(0).name = "主干道垃圾清运量";
  Policy strict = DefaultPolicy();
  strict.MutableRule("relevance.low_text_relevance").params["min_percent"] = Ratio(50);
  EXPECT_THAT(Codes(g.Review()), Not(Contains("relevance.low_text_relevance")));
  EXPECT_THAT(Codes(g.Review(strict)), Contains("relevance.low_text_relevance"));
}

TEST(Relevance, CommonWordsDoNotMakeRelated) {
  Fixture f;
  f.project.name = "园区学校建设项目";
  f.project.category = "教育";
  f.goal.text = "完成园区学校建设项目，新增学位600个";
  f.I(0).name = "新增绿地建设项目面积";  // shares 建设、项目 only: common words
  std::optional<Finding> x;
  for (const Finding& g : f.Review().findings) {
    if (g.code == "relevance.low_text_relevance" && g.location.indicator_index == 0) x = g;
  }
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("涉及“绿地”（园林绿化）"));
  EXPECT_THAT(x->message_zh, HasSubstr("共有的“建设、项目、新增”为常用词，不计"));
}

TEST(Relevance, DuplicateIndicator) {
  Fixture f;
  EXPECT_THAT(Codes(f.Review()), Not(Contains("relevance.duplicate_indicator")));
  f.goal.indicators.push_back(f.I(1));
  f.goal.indicators.back().name = " 维修工程验收合格率";
  std::optional<Finding> x = FindCode(f.Review(), "relevance.duplicate_indicator");
  ASSERT_TRUE(x.has_value());
  EXPECT_EQ(x->location.indicator_index, 6u);
  EXPECT_THAT(x->message_zh, HasSubstr("（第7个）与第2个指标重复"));
}

TEST(Relevance, ShouldSplit) {
  Fixture f;
  f.I(2).name = "维修工程及时完成率";        // 及时 is one word
  f.I(4).name = "较大及以上交通事故发生数";  // 及以上: "and above"
  f.I(5).name = "沿线居民和商户满意度";      // one survey: satisfaction is not checked by default
  EXPECT_THAT(Codes(f.Review()), Not(Contains("relevance.should_split")));
  Policy all = DefaultPolicy();
  all.MutableRule("relevance.should_split").params["check_satisfaction"] = Ratio(1);
  EXPECT_THAT(Codes(f.Review(all)), Contains("relevance.should_split"));
  f.I(1).name = "路面修复和排水设施验收合格率";
  GoalReview r = f.Review();
  std::optional<Finding> x = FindCode(r, "relevance.should_split");
  ASSERT_TRUE(x.has_value());
  EXPECT_EQ(x->location.indicator_index, 1u);
  EXPECT_THAT(x->message_zh, HasSubstr("以“和”连接了“路面修复”和“排水设施验收合格率”"));
  Fixture g;
  g.I(0).name = "主干道维修长度、路灯更换数量";
  EXPECT_THAT(FindCode(g.Review(), "relevance.should_split").value_or(Finding{}).message_en,
              HasSubstr("\"主干道维修长度\" and \"路灯更换数量\""));
  Fixture h;
  h.I(0).name = "水、电";  // one character each side: a single measure
  EXPECT_THAT(Codes(h.Review()), Not(Contains("relevance.should_split")));
}

TEST(Relevance, NoQuantifiedIndicator) {
  Fixture f;
  f.goal.indicators.resize(3);
  f.I(0).target.reset();
  f.I(0).target_text = "若干";
  EXPECT_THAT(Codes(f.Review()), Not(Contains("relevance.no_quantified_indicator")));
  for (Indicator& i : f.goal.indicators) {
    i.comparator = C::kQualitative;
    i.target.reset();
    i.target_text = "明显提升";
  }
  GoalReview r = f.Review();
  EXPECT_THAT(Codes(r), Contains("relevance.no_quantified_indicator"));
  EXPECT_EQ(r.grade, Grade::kPoor);
}

TEST(Relevance, GoalUnrelated) {
  Fixture f;  // the statement is unrelated, but the indicators are not
  f.goal.text = "做好相关工作，完成上级交办任务";
  EXPECT_THAT(Codes(f.Review()), Not(Contains("relevance.goal_unrelated")));
  // A goal copied from another project: street cleaning for a training project.
  f.project.name = "财务人员业务培训";
  f.project.category = "财政管理";
  f.I(0).name = "道路清扫保洁面积";
  f.I(1).name = "绿化苗木成活率";
  f.I(4).name = "空气质量优良天数比例";
  GoalReview r = f.Review();
  std::optional<Finding> x = FindCode(r, "relevance.goal_unrelated");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("总体目标及3/3个指标与项目“财务人员业务培训”均无内容关联"));
  EXPECT_TRUE(r.blocked());
}

// ---- appropriateness ------------------------------------------------------

TEST(Appropriateness, WeightsDoNotSum) {
  Fixture f;  // 90 (+10 execution points) is accepted
  EXPECT_THAT(Codes(f.Review()), Not(Contains("appropriateness.weights_do_not_sum")));
  f.I(0).weight = R("40");  // 100: accepted
  EXPECT_THAT(Codes(f.Review()), Not(Contains("appropriateness.weights_do_not_sum")));
  f.I(0).weight = R("35");
  std::optional<Finding> x = FindCode(f.Review(), "appropriateness.weights_do_not_sum");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("合计为95（0个指标未设权重），应为100或90"));
  Fixture g;
  g.I(2).weight.reset();
  EXPECT_THAT(
      FindCode(g.Review(), "appropriateness.weights_do_not_sum").value_or(Finding{}).message_zh,
      HasSubstr("1个指标未设权重"));
  Fixture h;  // no weights at all: nothing to check
  for (Indicator& i : h.goal.indicators) i.weight.reset();
  EXPECT_THAT(Codes(h.Review()), Not(Contains("appropriateness.weights_do_not_sum")));
}

TEST(Appropriateness, PercentOver100) {
  Fixture f;
  f.I(1).target = R("100");
  EXPECT_THAT(Codes(f.Review()), Not(Contains("appropriateness.percent_over_100")));
  f.I(1).target = R("120");
  f.I(1).target_text = "≥120%";
  std::optional<Finding> x = FindCode(f.Review(), "appropriateness.percent_over_100");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("指标值120%超过100%"));
}

TEST(Appropriateness, SatisfactionTooLow) {
  Fixture f;
  f.I(5).target = R("80");
  EXPECT_THAT(Codes(f.Review()), Not(Contains("appropriateness.satisfaction_too_low")));
  f.I(5).target = R("75");
  f.I(5).target_text = "≥75%";
  std::optional<Finding> x = FindCode(f.Review(), "appropriateness.satisfaction_too_low");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("满意度指标“沿线群众满意度”的指标值75%低于80%"));
  EXPECT_THAT(x->message_en, HasSubstr("the target 75% is below 80%"));
  Policy lenient = DefaultPolicy();
  lenient.MutableRule("appropriateness.satisfaction_too_low").params["min_percent"] = Ratio(70);
  EXPECT_THAT(Codes(f.Review(lenient)), Not(Contains("appropriateness.satisfaction_too_low")));
}

TEST(Appropriateness, SatisfactionExactly100) {
  Fixture f;
  EXPECT_THAT(Codes(f.Review()), Not(Contains("appropriateness.satisfaction_exactly_100")));
  f.I(5).target = R("100");
  f.I(5).comparator = C::kEq;
  EXPECT_THAT(Codes(f.Review()), Contains("appropriateness.satisfaction_exactly_100"));
}

TEST(Appropriateness, TargetBelowBaseline) {
  Fixture f;
  EXPECT_THAT(Codes(f.Review()), Not(Contains("appropriateness.target_below_baseline")));
  f.I(0).baseline = R("15");
  std::optional<Finding> x = FindCode(f.Review(), "appropriateness.target_below_baseline");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("指标值12公里低于上年实际值15公里"));
  Policy tolerant = DefaultPolicy();
  tolerant.MutableRule("appropriateness.target_below_baseline").params["tolerance_percent"] =
      Ratio(25);
  EXPECT_THAT(Codes(f.Review(tolerant)), Not(Contains("appropriateness.target_below_baseline")));
  Fixture g;  // lower is better: a lower target is fine
  g.I(3).baseline = R("45");
  EXPECT_THAT(Codes(g.Review()), Not(Contains("appropriateness.target_below_baseline")));
}

TEST(Appropriateness, CostExceedsBudget) {
  Fixture f;
  f.goal.indicators.push_back(
      Ind(L1::kCost, L2::kEconomicCost, "项目总成本", C::kLe, "≤480万元", R("480"), "万元"));
  EXPECT_THAT(Codes(f.Review()), Not(Contains("appropriateness.cost_exceeds_budget")));
  f.goal.indicators.back().target = R("520");
  std::optional<Finding> x = FindCode(f.Review(), "appropriateness.cost_exceeds_budget");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("成本指标合计520万元，超过项目预算500万元"));
  EXPECT_THAT(x->message_en, HasSubstr("5,000,000.00 yuan"));
}

TEST(Appropriateness, CostSumIsExactAcrossUnits) {
  // 499.99万元 + 100.50元 = 5,000,000.50 yuan: just over the 500万元 budget
  // (whole yuan and fractional yuan summed exactly); 99.50元 stays under.
  Fixture f;
  f.goal.indicators.push_back(
      Ind(L1::kCost, L2::kEconomicCost, "工程成本", C::kLe, "≤499.99万元", R("499.99"), "万元"));
  f.goal.indicators.push_back(
      Ind(L1::kCost, L2::kEconomicCost, "其他费用", C::kLe, "≤99.50元", R("99.50"), "元"));
  EXPECT_THAT(Codes(f.Review()), Not(Contains("appropriateness.cost_exceeds_budget")));
  f.goal.indicators.back().target = R("100.50");
  std::optional<Finding> x = FindCode(f.Review(), "appropriateness.cost_exceeds_budget");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("成本指标合计500.00005万元"));
  EXPECT_THAT(x->message_en, HasSubstr("5,000,000.50 yuan"));
}

TEST(Relevance, CoreMatchTakesTheLongestTermAndKeepsSatisfactionApart) {
  Fixture f;  // 市政管护: 设施完好率 (%) has the synonym 道路完好率
  f.goal.indicators.push_back(
      Ind(L1::kOutput, L2::kQuality, "道路完好率", C::kGe, "≥95个", R("95"), "个"));
  std::optional<Finding> x = FindCode(f.Review(), "relevance.unit_differs_from_core");
  ASSERT_TRUE(x.has_value());
  EXPECT_EQ(x->location.indicator_index, 6u);
  EXPECT_THAT(x->message_zh, HasSubstr("设施完好率"));
  // A name saying 满意 is never matched to a non-satisfaction entry.
  f.goal.indicators.back().name = "道路完好率满意";
  f.goal.indicators.back().level1 = L1::kSatisfaction;
  f.goal.indicators.back().level2 = L2::kBeneficiarySatisfaction;
  EXPECT_THAT(Codes(f.Review()), Not(Contains("relevance.unit_differs_from_core")));
  // 居民满意度 is the satisfaction entry's synonym: its unit is compared.
  f.goal.indicators.back().name = "居民满意度";
  EXPECT_THAT(Codes(f.Review()), Contains("relevance.unit_differs_from_core"));
}

TEST(Appropriateness, UnitCostOffBenchmark) {
  Fixture f;  // 500万元 ÷ 12公里 = 41.67 万元/公里 vs 40: 4.17%
  EXPECT_THAT(Codes(f.Review()), Not(Contains("appropriateness.unit_cost_off_benchmark")));
  f.I(0).target = R("6");  // 83.33 万元/公里: 108% off
  std::optional<Finding> x = FindCode(f.Review(), "appropriateness.unit_cost_off_benchmark");
  ASSERT_TRUE(x.has_value());
  EXPECT_EQ(x->location.indicator_index, 3u);
  EXPECT_THAT(x->message_zh, HasSubstr("单位成本83.33万元/公里"));
  EXPECT_THAT(x->message_zh, HasSubstr("相差108.33%"));
  // Last year's unit cost (the cost indicator's baseline) is the benchmark when given.
  Fixture g;
  g.I(3).baseline = R("20");
  EXPECT_THAT(Codes(g.Review()), Contains("appropriateness.unit_cost_off_benchmark"));
}

// ---- feasibility ----------------------------------------------------------

TEST(Feasibility, TimelinessAfterYearEnd) {
  Fixture f;
  f.I(2).comparator = C::kQualitative;
  f.I(2).target_text = "2022年12月31日前完成";
  f.I(2).target.reset();
  EXPECT_THAT(Codes(f.Review()), Not(Contains("feasibility.timeliness_after_year_end")));
  f.I(2).target_text = "2023年3月底前完成";
  std::optional<Finding> x = FindCode(f.Review(), "feasibility.timeliness_after_year_end");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("超出2022预算年度（截至2022-12-31）"));
  Fixture g;
  g.I(2).target = R("14");
  g.I(2).target_text = "≤14月";
  EXPECT_THAT(Codes(g.Review()), Contains("feasibility.timeliness_after_year_end"));
  Fixture h;
  h.I(2).target = R("400");
  h.I(2).unit_of_measure = "天";
  h.I(2).target_text = "≤400天";
  EXPECT_THAT(Codes(h.Review()), Contains("feasibility.timeliness_after_year_end"));
}

TEST(Feasibility, TargetUnreadable) {
  Fixture f;
  EXPECT_THAT(Codes(f.Review()), Not(Contains("feasibility.target_unreadable")));
  f.I(0).target.reset();
  f.I(0).target_text = "约十二公里";
  std::optional<Finding> x = FindCode(f.Review(), "feasibility.target_unreadable");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("“约十二公里”无法按计量单位“公里”读取为≥数值"));
  Fixture g;  // value written in another unit than its unit of measure
  g.I(1).target_text = "≥98个";
  EXPECT_THAT(FindCode(g.Review(), "feasibility.target_unreadable").value_or(Finding{}).message_zh,
              HasSubstr("的单位“个”与计量单位“%”不符"));
  Fixture h;  // numeric value under a qualitative comparator
  h.I(4).comparator = C::kQualitative;
  h.I(4).target.reset();
  EXPECT_THAT(
      FindCode(h.Review(), "feasibility.target_unreadable").value_or(Finding{}).location.field,
      "comparator");
  Fixture k;  // range without its high end
  k.I(1).comparator = C::kRange;
  EXPECT_THAT(Codes(k.Review()), Contains("feasibility.target_unreadable"));
}

TEST(Feasibility, MissingExAnteAndConclusions) {
  Fixture f;
  f.project.kind = ProjectKind::kNew;
  GoalContext ctx;
  ctx.project = &f.project;
  ctx.fiscal_year = f.fy;
  ctx.check_ex_ante = true;
  GoalReview r = *ReviewGoal(f.goal, ctx, DefaultPolicy());
  std::optional<Finding> x = FindCode(r, "feasibility.missing_ex_ante");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("申请500万元，达到事前绩效评估标准100万元"));
  EXPECT_EQ(r.grade, Grade::kPoor);
  // A blocker decides: the score is capped to the top of 差 (no 100 next to 差).
  EXPECT_EQ(r.uncapped_score, Ratio(100));
  EXPECT_EQ(r.score, Ratio(59));
  EXPECT_THAT(x->message_zh, HasSubstr("没有任何事前绩效评估记录"));
  EXPECT_THAT(x->message_en, HasSubstr("no ex-ante assessment of it exists at all"));

  ExAnteAssessment a;
  a.project_id = "P001";
  a.scores = {R("18"), R("17"), R("16"), R("15"), R("16")};  // 82
  ctx.ex_ante = &a;
  r = *ReviewGoal(f.goal, ctx, DefaultPolicy());
  EXPECT_THAT(Codes(r), ::testing::IsEmpty()) << ::testing::PrintToString(Codes(r));
  a.scores = {R("14"), R("14"), R("14"), R("14"), R("14")};  // 70
  r = *ReviewGoal(f.goal, ctx, DefaultPolicy());
  EXPECT_THAT(Codes(r), Contains("feasibility.ex_ante_needs_revision"));
  EXPECT_FALSE(r.has_blocker);
  a.scores = {R("10"), R("12"), R("11"), R("10"), std::nullopt};  // 43
  r = *ReviewGoal(f.goal, ctx, DefaultPolicy());
  x = FindCode(r, "feasibility.ex_ante_not_supported");
  ASSERT_TRUE(x.has_value());
  EXPECT_THAT(x->message_zh, HasSubstr("得分43分，低于60分"));
  EXPECT_TRUE(r.blocked());

  // Small or continuing projects need none.
  ctx.ex_ante = nullptr;
  f.project.kind = ProjectKind::kContinuing;
  EXPECT_THAT(Codes(*ReviewGoal(f.goal, ctx, DefaultPolicy())),
              Not(Contains("feasibility.missing_ex_ante")));
  f.project.kind = ProjectKind::kNew;
  f.project.requested = *Money::Parse("99.99万元");
  f.project.funds[0].approved = Money();
  EXPECT_THAT(Codes(*ReviewGoal(f.goal, ctx, DefaultPolicy())),
              Not(Contains("feasibility.missing_ex_ante")));
}

// dimension_max is enforced: a dimension score outside 0..max makes the
// assessment invalid (a blocker finding per dimension, and the gate blocks).
TEST(Feasibility, ExAnteScoreOutOfRange) {
  Fixture f;
  f.project.kind = ProjectKind::kNew;
  GoalContext ctx;
  ctx.project = &f.project;
  ctx.fiscal_year = f.fy;
  ctx.check_ex_ante = true;
  ExAnteAssessment a;
  a.project_id = "P001";
  a.scores = {R("20"), R("20"), R("0"), R("20"), R("20")};  // at the limits: fine
  ctx.ex_ante = &a;
  EXPECT_THAT(Codes(*ReviewGoal(f.goal, ctx, DefaultPolicy())),
              Not(Contains("feasibility.ex_ante_score_out_of_range")));
  a.scores = {R("25"), R("18"), R("-1"), R("17"), R("18")};  // 77, but two scores out of range
  GoalReview r = *ReviewGoal(f.goal, ctx, DefaultPolicy());
  EXPECT_THAT(Codes(r), ::testing::ElementsAre("feasibility.ex_ante_score_out_of_range",
                                               "feasibility.ex_ante_score_out_of_range",
                                               "feasibility.ex_ante_needs_revision"));
  EXPECT_EQ(
      r.findings[0].message_zh,
      "项目P001事前绩效评估“立项必要性”得分25分，超出0至20分的范围，评估结论无效，应核实更正");
  EXPECT_THAT(r.findings[1].message_en,
              HasSubstr("the ex-ante goal_soundness score -1 is outside 0 to 20"));
  EXPECT_TRUE(r.has_blocker);
  EXPECT_TRUE(r.blocked());
  // A profile with 25-point dimensions accepts the 25.
  Policy wide = DefaultPolicy();
  wide.MutableRule("feasibility.ex_ante_not_supported").params["dimension_max"] = Ratio(25);
  r = *ReviewGoal(f.goal, ctx, wide);
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_THAT(r.findings[0].message_zh, HasSubstr("“绩效目标合理性”得分-1分，超出0至25分"));
  // Disabled: no finding.
  Policy off = DefaultPolicy();
  off.MutableRule("feasibility.ex_ante_score_out_of_range").enabled = false;
  EXPECT_THAT(Codes(*ReviewGoal(f.goal, ctx, off)),
              Not(Contains("feasibility.ex_ante_score_out_of_range")));

  // In a batch the gate blocks with the rule's code (the loader already
  // refuses negative scores; a score above the profile's max loads).
  a.scores = {R("25"), R("18"), R("17"), R("17"), R("18")};
  DatasetInfo info;
  info.jurisdiction_code = "341300";
  info.jurisdiction_name = "宿马园区";
  info.fiscal_year = 2022;
  DatasetBuilder b(info);
  b.AddUnit(f.unit);
  b.AddProject(f.project);
  b.AddGoal(f.goal);
  b.AddExAnteAssessment(a);
  absl::StatusOr<Dataset> ds = b.Build();
  ASSERT_TRUE(ds.ok()) << ds.status();
  absl::StatusOr<ReviewResult> batch = ReviewDataset(*ds, DefaultPolicy());
  ASSERT_TRUE(batch.ok()) << batch.status();
  ASSERT_EQ(batch->gates.size(), 1u);
  EXPECT_FALSE(batch->gates[0].may_enter);
  EXPECT_TRUE(batch->gates[0].blocked_by_ex_ante);
  EXPECT_THAT(batch->gates[0].reasons, Contains("feasibility.ex_ante_score_out_of_range"));
  EXPECT_EQ(batch->ex_ante[0].out_of_range, 0b00001);
}

TEST(ExAnte, ConclusionBands) {
  Policy p = DefaultPolicy();
  EXPECT_EQ(ConcludeExAnte(Ratio(80), p), ExAnteConclusion::kSupported);
  EXPECT_EQ(ConcludeExAnte(R("79.99"), p), ExAnteConclusion::kSupportedAfterRevision);
  EXPECT_EQ(ConcludeExAnte(Ratio(60), p), ExAnteConclusion::kSupportedAfterRevision);
  EXPECT_EQ(ConcludeExAnte(R("59.5"), p), ExAnteConclusion::kNotSupported);
  p.MutableRule("feasibility.ex_ante_not_supported").params["revision_min"] = Ratio(50);
  EXPECT_EQ(ConcludeExAnte(R("59.5"), p), ExAnteConclusion::kSupportedAfterRevision);
}

TEST(Other, ReviewerComment) {
  Policy p = DefaultPolicy();
  std::pair<std::string_view, std::string> v[] = {{"text", "建议补充项目实施方案"}};
  std::optional<Finding> f = MakeFinding(p, "other.comment", {.goal_id = "G1"}, v);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->message_zh, "建议补充项目实施方案");
  EXPECT_EQ(f->dimension, ReviewDimension::kOther);
  EXPECT_FALSE(MakeFinding(p, "monitoring.gap_red", {}, v).has_value());
  p.MutableRule("other.comment").enabled = false;
  EXPECT_FALSE(MakeFinding(p, "other.comment", {}, v).has_value());
}

// ---- scoring ----------------------------------------------------------------

TEST(Scoring, DeductionsGradesAndFloor) {
  Policy p = DefaultPolicy();
  GoalReview r;
  auto add = [&](Ratio d, Severity s = Severity::kWarning) {
    Finding f;
    f.deduction = d;
    f.severity = s;
    r.findings.push_back(f);
  };
  add(Ratio(5));
  add(R("5.5"));
  ScoreGoalReview(p, &r);
  EXPECT_EQ(r.score, R("89.5"));
  EXPECT_EQ(r.grade, Grade::kGood);
  EXPECT_EQ(r.consequence, ReviewConsequence::kProceedAfterFixes);
  add(Ratio(10));
  ScoreGoalReview(p, &r);
  EXPECT_EQ(r.grade, Grade::kFair);
  EXPECT_EQ(r.consequence, ReviewConsequence::kReviseAndResubmit);
  add(Ratio(90));
  ScoreGoalReview(p, &r);
  EXPECT_EQ(r.score, Ratio(0));
  EXPECT_EQ(r.grade, Grade::kPoor);
  r.findings.resize(1);
  add(Ratio(0), Severity::kError);
  ScoreGoalReview(p, &r);
  EXPECT_EQ(r.uncapped_score, Ratio(95));
  EXPECT_EQ(r.score, Ratio(79));  // an error caps at 中: the top of its band
  EXPECT_EQ(r.grade, Grade::kFair);
  add(Ratio(0), Severity::kBlocker);
  ScoreGoalReview(p, &r);
  EXPECT_EQ(r.score, Ratio(59));
  EXPECT_EQ(r.grade, Grade::kPoor);  // a blocker forces 差
  EXPECT_EQ(r.capped_by, Severity::kBlocker);
  EXPECT_TRUE(r.has_blocker);
  // Warnings and info do not cap.
  r.findings.resize(1);
  add(Ratio(1), Severity::kInfo);
  ScoreGoalReview(p, &r);
  EXPECT_EQ(r.score, Ratio(94));
  EXPECT_EQ(r.grade, Grade::kExcellent);
  EXPECT_FALSE(r.capped_by.has_value());
  // The caps are policy data.
  ReviewGrading lenient;
  lenient.caps = {{Severity::kError, Grade::kGood}};
  p.set_review_grading(lenient);
  add(Ratio(0), Severity::kError);
  ScoreGoalReview(p, &r);
  EXPECT_EQ(r.grade, Grade::kGood);
  EXPECT_EQ(r.score, Ratio(89));
}

TEST(Scoring, DisabledRuleAndPolicyDeduction) {
  Fixture f;
  f.I(5).target = R("75");
  Policy p = DefaultPolicy();
  p.MutableRule("appropriateness.satisfaction_too_low").deduction = Ratio(12);
  p.MutableRule("appropriateness.satisfaction_too_low").severity = Severity::kError;
  GoalReview r = f.Review(p);
  EXPECT_EQ(r.uncapped_score, Ratio(88));
  EXPECT_EQ(r.score, Ratio(79));  // an error caps the grade at 中
  EXPECT_EQ(r.grade, Grade::kFair);
  EXPECT_EQ(FindCode(r, "appropriateness.satisfaction_too_low").value_or(Finding{}).severity,
            Severity::kError);
  p.MutableRule("appropriateness.satisfaction_too_low").enabled = false;
  EXPECT_EQ(f.Review(p).score, Ratio(100));
}

TEST(Review, MessagesOffKeepsCodes) {
  Fixture f;
  f.I(5).target = R("75");
  GoalContext ctx;
  ctx.project = &f.project;
  ReviewOptions o;
  o.messages = false;
  GoalReview r = *ReviewGoal(f.goal, ctx, DefaultPolicy(), o);
  ASSERT_EQ(r.findings.size(), 1u) << ::testing::PrintToString(Codes(r));
  EXPECT_EQ(r.findings[0].code, "appropriateness.satisfaction_too_low");
  EXPECT_TRUE(r.findings[0].message_zh.empty());
}

}  // namespace
}  // namespace perfbudget
