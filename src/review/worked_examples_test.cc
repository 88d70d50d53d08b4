// worked_examples_test.cc: one worked example per review dimension (完整性 ·
// 相关性 · 适当性 · 可行性), each a real-looking Chinese project goal with the
// exact findings, score, grade and consequence, and the zh + en explanations
// naming the concrete values (docs/policy.md).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/review/review.h"
#include "review/review_test_util.h"

namespace perfbudget {
namespace {

using ::testing::ElementsAre;
using L1 = IndicatorLevel1;
using L2 = IndicatorLevel2;
using C = Comparator;

using review_test::Ind;
using review_test::R;

struct Example {
  Project project;
  Goal goal;
  std::optional<ExAnteAssessment> ex_ante;
  bool check_ex_ante = false;

  Example(std::string id, std::string name, std::string category, std::string_view amount,
          std::string goal_text) {
    project.id = std::move(id);
    project.unit_id = "U01";
    project.name = std::move(name);
    project.category = std::move(category);
    project.kind = ProjectKind::kContinuing;
    project.requested = *Money::Parse(amount);
    project.funds.push_back({FundSource::kGeneralBudget, *Money::Parse(amount), 0});
    goal.id = "G-" + project.id;
    goal.owner = GoalOwner::kProject;
    goal.project_id = project.id;
    goal.unit_id = "U01";
    goal.text = std::move(goal_text);
  }

  GoalReview Review() const {
    GoalContext ctx;
    ctx.project = &project;
    ctx.fiscal_year = *FiscalYear::Create(2022);
    ctx.check_ex_ante = check_ex_ante;
    ctx.ex_ante = ex_ante.has_value() ? &*ex_ante : nullptr;
    absl::StatusOr<GoalReview> r = ReviewGoal(goal, ctx, DefaultPolicy());
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : GoalReview{};
  }
};

std::vector<std::string> Codes(const GoalReview& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.emplace_back(f.code);
  return out;
}

// 完整性: a rural drinking-water goal with output indicators only, one of them
// without a unit of measure.
TEST(WorkedExample, Completeness) {
  Example e("P-WATER", "农村饮水安全巩固提升工程", "农业农村", "260万元",
            "完成12个行政村集中供水管网改造，提升农村饮水安全保障水平");
  e.goal.indicators = {
      Ind(L1::kOutput, L2::kQuantity, "集中供水管网改造行政村数", C::kGe, "≥12个", R("12"), "个"),
      Ind(L1::kOutput, L2::kQuantity, "新建供水管网长度", C::kGe, "≥8.5", R("8.5"), ""),
      Ind(L1::kOutput, L2::kQuality, "农村供水水质达标率", C::kGe, "≥95%", R("95"), "%"),
  };
  const GoalReview r = e.Review();
  EXPECT_THAT(Codes(r),
              ElementsAre("completeness.missing_benefit", "completeness.missing_satisfaction",
                          "completeness.target_missing_comparator_or_unit"));
  // 100 − 10 − 5 − 2 = 83 points, but an error (no benefit indicator) caps
  // the grade at 中: revise and resubmit, score at the top of 中.
  EXPECT_EQ(r.uncapped_score, Ratio(83));
  EXPECT_EQ(r.score, Ratio(79));
  EXPECT_EQ(r.grade, Grade::kFair);
  EXPECT_EQ(r.consequence, ReviewConsequence::kReviseAndResubmit);
  EXPECT_FALSE(r.has_blocker);
  EXPECT_EQ(
      r.findings[0].message_zh,
      "绩效目标G-P-WATER未设置效益指标（经济、社会、生态效益或可持续影响），请补充明确的效益指标");
  EXPECT_EQ(
      r.findings[1].message_en,
      "Goal G-P-WATER has no satisfaction indicator; add a beneficiary-satisfaction indicator");
  EXPECT_EQ(r.findings[2].message_zh, "指标“新建供水管网长度”的指标值“≥8.5”缺少计量单位，无法考核");
  EXPECT_EQ(
      r.findings[2].message_en,
      "Indicator \"新建供水管网长度\": the target \"≥8.5\" has no unit of measure; it cannot be "
      "assessed");
  EXPECT_EQ(r.findings[2].location.indicator_index, 1u);
  EXPECT_EQ(r.findings[2].location.field, "unit_of_measure");
}

// 相关性: an elevator-retrofit goal with an indicator copied from an
// agriculture project, a name joining two measures, and a benefit kind
// filed under 产出.
TEST(WorkedExample, Relevance) {
  Example e("P-LIFT", "老旧小区电梯加装补助项目", "住房保障", "400万元",
            "为老旧小区加装电梯40部，改善老年居民出行条件");
  e.goal.indicators = {
      Ind(L1::kOutput, L2::kQuantity, "加装电梯数量", C::kGe, "≥40部", R("40"), "部"),
      Ind(L1::kOutput, L2::kQuality, "电梯安装和维保合格率", C::kGe, "≥98%", R("98"), "%"),
      Ind(L1::kOutput, L2::kSocialBenefit, "老年居民出行便利程度", C::kQualitative, "明显改善",
          std::nullopt, ""),
      Ind(L1::kBenefit, L2::kSocialBenefit, "农作物病虫害防治覆盖率", C::kGe, "≥90%", R("90"), "%"),
      Ind(L1::kSatisfaction, L2::kBeneficiarySatisfaction, "加装电梯住户满意度", C::kGe, "≥90%",
          R("90"), "%"),
  };
  const GoalReview r = e.Review();
  EXPECT_THAT(Codes(r), ElementsAre("relevance.should_split", "relevance.level2_under_wrong_level1",
                                    "relevance.low_text_relevance"));
  // 100 − 1 − 3 − 2 = 94 points; the wrong level 1 is an error: 中.
  EXPECT_EQ(r.uncapped_score, Ratio(94));
  EXPECT_EQ(r.score, Ratio(79));
  EXPECT_EQ(r.grade, Grade::kFair);
  EXPECT_EQ(r.consequence, ReviewConsequence::kReviseAndResubmit);
  EXPECT_EQ(
      r.findings[0].message_zh,
      "指标“电梯安装和维保合格率”以“和”连接了“电梯安装”和“维保合格率”两项内容，应拆分为两个指标");
  EXPECT_EQ(
      r.findings[0].message_en,
      "Indicator \"电梯安装和维保合格率\" joins two measures (\"电梯安装\" and \"维保合格率\") "
      "with \"和\"; split it into two indicators");
  EXPECT_EQ(
      r.findings[1].message_zh,
      "指标“老年居民出行便利程度”的二级指标“社会效益指标”不属于一级指标“产出指标”，应归入“效益指标”");
  EXPECT_EQ(r.findings[2].message_zh,
            "“农作物病虫害防治覆盖率”涉及“农作物、病虫害”（高标准农田、园林绿化），而项目"
            "“老旧小区电梯加装补助项目”属于补贴资金，二者没有共同的具体内容（关联度0%，低于1%），"
            "与项目相关性不强");
  EXPECT_EQ(r.findings[2].message_en,
            "\"农作物病虫害防治覆盖率\" is about 农作物, 病虫害 (high-standard farmland, parks "
            "and greening), while the project \"老旧小区电梯加装补助项目\" is about subsidy "
            "payments; they share no specific term (0% related, below 1%): weak relevance to the "
            "project");
  EXPECT_EQ(r.findings[2].location.indicator_index, 3u);
}

// 适当性: a school-repair goal whose cost ceiling exceeds the budget, with a
// pass rate above 100% and a low satisfaction target.
TEST(WorkedExample, Appropriateness) {
  Example e("P-SCHOOL", "中小学校舍维修改造项目", "教育", "300万元",
            "完成8所中小学校舍维修改造，消除校舍安全隐患");
  e.goal.indicators = {
      Ind(L1::kOutput, L2::kQuantity, "校舍维修改造学校数", C::kGe, "≥8所", R("8"), "所"),
      Ind(L1::kOutput, L2::kQuality, "维修工程验收合格率", C::kGe, "≥120%", R("120"), "%"),
      Ind(L1::kCost, L2::kEconomicCost, "校舍维修改造成本", C::kLe, "≤350万元", R("350"), "万元"),
      Ind(L1::kBenefit, L2::kSocialBenefit, "校舍安全隐患消除率", C::kGe, "≥100%", R("100"), "%"),
      Ind(L1::kSatisfaction, L2::kBeneficiarySatisfaction, "师生满意度", C::kGe, "≥75%", R("75"),
          "%"),
  };
  const GoalReview r = e.Review();
  EXPECT_THAT(Codes(r), ElementsAre("appropriateness.percent_over_100",
                                    "appropriateness.satisfaction_too_low",
                                    "appropriateness.cost_exceeds_budget"));
  EXPECT_EQ(r.uncapped_score, Ratio(87));  // 100 − 5 − 3 − 5; errors cap at 中
  EXPECT_EQ(r.score, Ratio(79));
  EXPECT_EQ(r.grade, Grade::kFair);
  EXPECT_EQ(r.consequence, ReviewConsequence::kReviseAndResubmit);
  EXPECT_EQ(r.findings[0].message_zh, "指标“维修工程验收合格率”的指标值120%超过100%");
  EXPECT_EQ(r.findings[0].message_en,
            "Indicator \"维修工程验收合格率\": the target 120% exceeds 100%");
  EXPECT_EQ(r.findings[1].message_zh, "满意度指标“师生满意度”的指标值75%低于80%");
  EXPECT_EQ(r.findings[1].message_en,
            "Satisfaction indicator \"师生满意度\": the target 75% is below 80%");
  EXPECT_EQ(r.findings[2].message_zh,
            "绩效目标G-P-SCHOOL的成本指标合计350万元，超过项目预算300万元");
  EXPECT_EQ(
      r.findings[2].message_en,
      "Goal G-P-SCHOOL: cost indicators total 3,500,000.00 yuan, more than the project budget "
      "3,000,000.00 yuan");
}

// 可行性: a smart-park platform goal with an unreadable target, a go-live
// date after the fiscal year, and an ex-ante assessment scoring 55 (不予支持):
// the blocker forces 差 whatever the score.
TEST(WorkedExample, Feasibility) {
  Example e("P-SMART", "智慧园区信息平台建设项目", "信息化", "500万元",
            "年内建成园区智慧管理信息平台，实现企业服务事项网上办理");
  e.project.kind = ProjectKind::kNew;
  e.goal.indicators = {
      Ind(L1::kOutput, L2::kQuantity, "接入企业数量", C::kGe, "约二百家", std::nullopt, "家"),
      Ind(L1::kOutput, L2::kQuality, "平台功能验收合格率", C::kGe, "≥95%", R("95"), "%"),
      Ind(L1::kOutput, L2::kTimeliness, "平台上线运行时间", C::kQualitative, "2023年3月底前",
          std::nullopt, ""),
      Ind(L1::kBenefit, L2::kSocialBenefit, "企业服务事项网上办理率", C::kGe, "≥90%", R("90"), "%"),
      Ind(L1::kSatisfaction, L2::kBeneficiarySatisfaction, "入驻企业满意度", C::kGe, "≥90%",
          R("90"), "%"),
  };
  ExAnteAssessment a;
  a.project_id = "P-SMART";
  a.requested = *Money::Parse("500万元");
  a.scores = {R("15"), R("12"), R("10"), R("8"), R("10")};  // 55
  e.ex_ante = a;
  e.check_ex_ante = true;
  const GoalReview r = e.Review();
  EXPECT_THAT(Codes(r),
              ElementsAre("feasibility.target_unreadable", "feasibility.timeliness_after_year_end",
                          "feasibility.ex_ante_not_supported"));
  EXPECT_EQ(r.uncapped_score, Ratio(92));  // 100 − 5 − 3 − 0
  EXPECT_EQ(r.score, Ratio(59));           // a blocker: 差, the score at the top of 差
  EXPECT_TRUE(r.has_blocker);
  EXPECT_EQ(r.grade, Grade::kPoor);
  EXPECT_EQ(r.consequence, ReviewConsequence::kBlocked);
  EXPECT_EQ(r.findings[0].message_zh,
            "指标“接入企业数量”的指标值“约二百家”无法按计量单位“家”读取为≥数值");
  EXPECT_EQ(r.findings[0].message_en,
            "Indicator \"接入企业数量\": the target \"约二百家\" cannot be read as a number in its "
            "unit \"家\" for comparator ge");
  EXPECT_EQ(r.findings[1].message_zh,
            "时效指标“平台上线运行时间”的指标值“2023年3月底前”超出2022预算年度（截至2022-12-31），"
            "年度内无法完成");
  EXPECT_EQ(r.findings[2].message_zh,
            "项目P-SMART事前绩效评估得分55分，低于60分，评估结论为不予支持，核减500万元");
  EXPECT_EQ(r.findings[2].message_en,
            "Project P-SMART: ex-ante score 55 is below 60; not supported, 5,000,000.00 yuan cut");
}

}  // namespace
}  // namespace perfbudget
