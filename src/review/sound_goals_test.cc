// sound_goals_test.cc: false alarms and misses of the goal review, measured
// on realistic goals (issue 14).
//
// tests/data/review/sound_goals.json holds 32 sound goals of a county's key
// projects across the seed's categories (市政管护, 园林绿化, 乡村振兴, 环境保护,
// 产业发展, 食品药品安全监管, 稳岗补贴, 高标准农田, 疾控, 农机补贴, 道路交通, 环卫保洁),
// including the cases that used to draw false alarms: an irrigation-water
// efficiency coefficient (0.55, no unit) for a farmland project whose goal
// speaks of 灌排, a count of 套补骗补 cases for a farm-machinery subsidy, a
// cold-chain monitoring rate for disease control, and qualitative timeliness
// targets with a year ("2023年底前完成竣工验收"). None may draw a finding.
//
// Misses: each known defect, planted in one of those goals, must draw its
// finding (zh and en messages naming the values).
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "perfbudget/io/json.h"
#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/review/review.h"
#include "review/review_test_util.h"

namespace perfbudget {
namespace {

using review_test::R;
using ::testing::HasSubstr;

std::string SourcePath(const std::string& rel) {
  const char* env = std::getenv("PERFBUDGET_SOURCE_DIR");
  std::string root = (env != nullptr && *env != '\0') ? env : PERFBUDGET_SOURCE_DIR;
  return root + "/" + rel;
}

const Dataset& Sound() {
  static const Dataset* ds = [] {
    absl::StatusOr<Dataset> d =
        LoadDatasetJsonFile(SourcePath("tests/data/review/sound_goals.json"));
    EXPECT_TRUE(d.ok()) << d.status();
    return new Dataset(d.ok() ? *d : Dataset());
  }();
  return *ds;
}

std::string Describe(const GoalReview& g) {
  std::string out;
  for (const Finding& f : g.findings) out += std::string(f.code) + ": " + f.message_zh.str() + "\n";
  return out;
}

TEST(SoundGoals, NoFindingUnderAnyProfile) {
  ASSERT_GE(Sound().goals().size(), 30u);
  for (const char* name : {"defaults", "suma-park", "central"}) {
    absl::StatusOr<Policy> p = BuiltinPolicy(name);
    ASSERT_TRUE(p.ok()) << name;
    absl::StatusOr<ReviewResult> r = ReviewDataset(Sound(), *p);
    ASSERT_TRUE(r.ok()) << r.status();
    for (const GoalReview& g : r->goals) {
      for (const Finding& f : g.findings) {
        // central requires a cost indicator (财预〔2021〕101号): that finding is
        // policy, not a false alarm; nothing else may fire.
        if (std::string_view(name) == "central" && f.code == "completeness.missing_cost") continue;
        ADD_FAILURE() << name << " " << g.goal_id << ": " << f.code << " " << f.message_zh.str();
      }
      if (std::string_view(name) != "central") {
        EXPECT_EQ(g.grade, Grade::kExcellent) << g.goal_id;
        EXPECT_TRUE(g.passed()) << g.goal_id;
      }
    }
  }
}

// A goal of the sound set, with its project, to plant one defect in.
struct Planted {
  Goal goal;
  Project project;
  FiscalYear fy = *FiscalYear::Create(2023);

  explicit Planted(std::string_view goal_id) {
    for (const Goal& g : Sound().goals()) {
      if (g.id == goal_id) {
        goal = g;
        project = Sound().projects()[g.project_index].ToRecord();
      }
    }
    EXPECT_FALSE(goal.id.empty()) << goal_id;
  }
  Indicator& I(std::size_t i) { return goal.indicators[i]; }
  GoalReview Review() const {
    GoalContext ctx;
    ctx.project = &project;
    ctx.fiscal_year = fy;
    absl::StatusOr<GoalReview> r = ReviewGoal(goal, ctx, DefaultPolicy());
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : GoalReview{};
  }
};

std::optional<Finding> Find(const GoalReview& r, std::string_view code) {
  for (const Finding& f : r.findings) {
    if (f.code == code) return f;
  }
  return std::nullopt;
}

struct Defect {
  std::string what;
  std::string goal;
  std::string code;
  std::function<void(Planted&)> plant;
  std::string zh;  // a substring of the zh message
  std::string en;  // a substring of the en message
};

std::vector<Defect> Defects() {
  return {
      {"lower-is-better target looser than last year's actual", "G-P002",
       "appropriateness.target_looser_than_baseline",
       [](Planted& p) { p.I(3).baseline = R("2"); },  // ≤3处 while last year 2处
       "越低越好（≤），指标值3处高于上年实际值2处", "above last year's actual 2 处"},
      {"goal text says 2600 户, the indicator 1200 户", "G-P008",
       "relevance.goal_text_contradicts_target",
       [](Planted& p) {
         p.I(0).target = R("1200");
         p.I(0).target_text = "1200";
       },
       "（2600户），而指标“农村户厕改造户数”的指标值为1200户", "targets 1200 户: they disagree"},
      {"goal text in 万亩, indicator in 亩 (scale normalised, disagreeing)", "G-P022",
       "relevance.goal_text_contradicts_target",
       [](Planted& p) {
         p.I(0).target = R("10000");
         p.I(0).unit_of_measure = "亩";
         p.I(0).target_text = "10000";
       },
       "（1.2万亩）", "(1.2 万亩)"},
      {"an output quantity filed as a benefit", "G-P008", "relevance.indicator_kind_mismatch",
       [](Planted& p) {
         p.I(0).level1 = IndicatorLevel1::kBenefit;
         p.I(0).level2 = IndicatorLevel2::kSocialBenefit;
       },
       "是产出数量（计量单位“户”），却填在“效益指标·社会效益指标”下，应归入“产出指标·数量指标”",
       "counts output"},
      {"a satisfaction rate filed as quality", "G-P001", "relevance.indicator_kind_mismatch",
       [](Planted& p) {
         p.I(4).level1 = IndicatorLevel1::kOutput;
         p.I(4).level2 = IndicatorLevel2::kQuality;
       },
       "是满意度", "measures satisfaction"},
      {"money cannot buy the output (250 元/亩 for farmland)", "G-P022",
       "appropriateness.budget_cannot_buy_output",
       [](Planted& p) { p.project.funds[0].approved = *Money::Parse("300万元"); },
       "=每亩250元，低于“高标准农田”类参考单位成本1500至5000元/亩",
       "250.00 yuan per 亩, below the reference unit cost 1,500.00 to 5,000.00 yuan per 亩"},
      {"a unit cost in 元/公里 against a quantity in 米", "G-P031",
       "appropriateness.unit_cost_off_benchmark",
       [](Planted& p) {
         p.I(0).target = R("1500000");
         p.I(0).unit_of_measure = "米";
         p.I(0).target_text = "1500000";
         Indicator c = p.I(0);
         c.id = "9";
         c.level1 = IndicatorLevel1::kCost;
         c.level2 = IndicatorLevel2::kEconomicCost;
         c.name = "每公里养护成本";
         c.comparator = Comparator::kLe;
         c.target = R("2000");
         c.target_text = "2000";
         c.unit_of_measure = "元/公里";
         p.goal.indicators.push_back(c);
       },
       "单位成本6000元/公里", "unit cost 6000 元/公里"},
      {"missing the category's core indicator", "G-P016", "completeness.missing_core_indicator",
       [](Planted& p) { p.goal.indicators.erase(p.goal.indicators.begin()); },
       "未设置“食品药品安全监管”类项目的核心指标“食品安全抽检批次”",
       "lacks the core indicator \"食品安全抽检批次\""},
      {"a unit disagreeing with the core indicator's", "G-P016", "relevance.unit_differs_from_core",
       [](Planted& p) { p.I(0).unit_of_measure = "家"; },
       "的计量单位“家”与“食品药品安全监管”类核心指标“食品安全抽检批次”的计量单位“批次”不一致",
       "is in \"批次\""},
      {"a target outside the core benchmark range", "G-P025",
       "appropriateness.target_off_core_benchmark",
       [](Planted& p) {
         p.I(0).target = R("60");
         p.I(0).target_text = "60";
       },
       "指标值60%不在“疾控”类核心指标“适龄儿童免疫规划疫苗接种率”的参考区间90至100%内",
       "outside the range 90 to 100 %"},
      {"an indicator from another field", "G-P028", "relevance.low_text_relevance",
       [](Planted& p) { p.I(0).name = "校舍维修面积"; }, "“校舍维修面积”涉及“校舍",
       "is about 校舍"},
      {"a blank target", "G-P010", "completeness.target_missing",
       [](Planted& p) {
         p.I(0).target_text = "";
         p.I(0).target.reset();
       },
       "未填写指标值", "has no target value"},
      {"a numeric target under a qualitative comparator", "G-P011", "feasibility.target_unreadable",
       [](Planted& p) { p.I(2).target_text = "≥95%"; }, "为数值，但比较符号为定性",
       "is numeric but the comparator is qualitative"},
  };
}

TEST(SoundGoals, EveryPlantedDefectIsFound) {
  int missed = 0;
  for (const Defect& d : Defects()) {
    Planted clean(d.goal);
    EXPECT_FALSE(Find(clean.Review(), d.code).has_value()) << d.what << "\n"
                                                           << Describe(clean.Review());
    Planted p(d.goal);
    d.plant(p);
    const GoalReview r = p.Review();
    std::optional<Finding> f = Find(r, d.code);
    if (!f.has_value()) {
      ++missed;
      ADD_FAILURE() << "missed: " << d.what << " (" << d.code << ")\n" << Describe(r);
      continue;
    }
    EXPECT_THAT(f->message_zh.str(), HasSubstr(d.zh)) << d.what;
    EXPECT_THAT(f->message_en.str(), HasSubstr(d.en)) << d.what;
  }
  EXPECT_EQ(missed, 0);
}

// Severity decides the outcome: each severity on a sound goal.
TEST(SoundGoals, OutcomeBySeverity) {
  Planted p("G-P022");
  auto outcome = [&](Severity s, Ratio deduction) {
    GoalReview r = p.Review();
    FindingLocation loc;
    std::optional<Finding> f =
        MakeFinding(DefaultPolicy(), "other.comment", loc,
                    std::vector<std::pair<std::string_view, std::string>>{{"text", "x"}});
    f->severity = s;
    f->deduction = deduction;
    r.findings.push_back(*f);
    ScoreGoalReview(DefaultPolicy(), &r);
    return r;
  };
  GoalReview info = outcome(Severity::kInfo, Ratio(0));
  EXPECT_EQ(info.grade, Grade::kExcellent);
  EXPECT_EQ(info.score, Ratio(100));
  GoalReview warning = outcome(Severity::kWarning, Ratio(3));
  EXPECT_EQ(warning.grade, Grade::kExcellent);
  EXPECT_EQ(warning.score, Ratio(97));
  EXPECT_TRUE(warning.passed());
  GoalReview error = outcome(Severity::kError, Ratio(5));
  EXPECT_EQ(error.grade, Grade::kFair);
  EXPECT_EQ(error.consequence, ReviewConsequence::kReviseAndResubmit);
  EXPECT_EQ(error.score, Ratio(79));
  EXPECT_FALSE(error.passed());
  GoalReview blocker = outcome(Severity::kBlocker, Ratio(0));
  EXPECT_EQ(blocker.grade, Grade::kPoor);
  EXPECT_EQ(blocker.consequence, ReviewConsequence::kBlocked);
  EXPECT_EQ(blocker.score, Ratio(59));
}

// The seed park under each built-in profile (docs/policy.md, "How the seed
// comes out"): suma-park and defaults give F13–F16; central sends the 78
// goals without a cost indicator back for revision.
TEST(SeedProfiles, SumaParkDefaultsAndCentral) {
  absl::StatusOr<Dataset> ds =
      LoadDatasetJsonFile(SourcePath("examples/suma-park-2022/dataset.json"));
  ASSERT_TRUE(ds.ok()) << ds.status();
  for (const char* name : {"suma-park", "defaults"}) {
    absl::StatusOr<ReviewResult> r = ReviewDataset(*ds, *BuiltinPolicy(name));
    ASSERT_TRUE(r.ok());
    const GoalCounts& c = r->summary.project_goals;
    EXPECT_EQ(c.reviewed, 80u) << name;  // F13
    EXPECT_EQ(c.passed, 78u) << name;    // F14
    EXPECT_EQ(c.passed_after_fixes, 0u) << name;
    EXPECT_EQ(c.to_revise, 0u) << name;
    EXPECT_EQ(c.blocked, 2u) << name;  // F15
    EXPECT_EQ(r->summary.amount_blocked_by_review.fen(), 107'000 * 100) << name;
    EXPECT_GE(c.comments, 20u) << name;  // F16
  }
  absl::StatusOr<ReviewResult> central = ReviewDataset(*ds, *BuiltinPolicy("central"));
  ASSERT_TRUE(central.ok());
  const GoalCounts& c = central->summary.project_goals;
  EXPECT_EQ(c.reviewed, 80u);
  EXPECT_EQ(c.passed, 0u);
  EXPECT_EQ(c.to_revise, 78u);
  EXPECT_EQ(c.blocked, 2u);
}

}  // namespace
}  // namespace perfbudget
