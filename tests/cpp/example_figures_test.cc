// example_figures_test.cc: pins the seed report's figures (FIGURES.md) in the
// bundled example dataset examples/suma-park-2022/dataset.json, computed with
// the core model only (no analysis engines), so a change of the generator
// (scripts/make_suma_example.py) or of the loader that moves a figure fails.
#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/io/diagnostic.h"
#include "perfbudget/io/json.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget {
namespace {

constexpr std::int64_t kFenPerWan = 1'000'000;  // 1 万元

std::string ExamplePath() {
  const char* env = std::getenv("PERFBUDGET_SOURCE_DIR");
  std::string root = (env != nullptr && *env != '\0') ? env : PERFBUDGET_SOURCE_DIR;
  return root + "/examples/suma-park-2022/dataset.json";
}

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

class ExampleFiguresTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics diagnostics;
    absl::StatusOr<Dataset> loaded = LoadDatasetJsonFile(ExamplePath(), {}, &diagnostics);
    if (!loaded.ok()) {
      load_error_ = new std::string(std::string(loaded.status().message()));
      for (const Diagnostic& d : diagnostics.items()) *load_error_ += "\n" + d.ToString();
      return;
    }
    dataset_ = new Dataset(*std::move(loaded));
  }
  static void TearDownTestSuite() {
    delete dataset_;
    dataset_ = nullptr;
    delete load_error_;
    load_error_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(dataset_, nullptr) << "example did not load: "
                                 << (load_error_ ? *load_error_ : std::string("?"));
  }
  const Dataset& ds() const { return *dataset_; }

  // Projects in the monitoring scope: budgeted (not cancelled).
  bool InScope(const ProjectView p) const { return p.status() != ProjectStatus::kCancelled; }

  static Dataset* dataset_;
  static std::string* load_error_;
};

Dataset* ExampleFiguresTest::dataset_ = nullptr;
std::string* ExampleFiguresTest::load_error_ = nullptr;

Money Sum(Money a, Money b) { return *a.Plus(b); }

TEST_F(ExampleFiguresTest, HeaderAndUnits) {  // F1
  EXPECT_EQ(ds().info().fiscal_year, 2022);
  EXPECT_EQ(ds().info().fiscal_year_start_month, 1);
  // The report's figures are 截至8月31日: the dataset's default as-of date
  // (`perfbudget summary` without --as-of; cli.summary_suma_park_default_as_of).
  EXPECT_EQ(ds().info().as_of, D(2022, 8, 31));
  ASSERT_EQ(ds().units().size(), 6u);
  std::set<std::string> names;
  for (const UnitView u : ds().units()) names.emplace(u.name());
  EXPECT_TRUE(names.count("宿州东部新城行政管理委员会"));
  EXPECT_TRUE(names.count("宿马园区管委会"));
  EXPECT_TRUE(names.count("宿州市城市管理局宿马园区分局"));
}

TEST_F(ExampleFiguresTest, GoalsEightyProjectAndSixUnit) {  // F12, F13, F14, F18
  int project_goals = 0, unit_goals = 0, goals_of_budgeted = 0;
  for (const Goal& g : ds().goals()) {
    if (g.owner == GoalOwner::kUnit) {
      ++unit_goals;
      continue;
    }
    ++project_goals;
    ASSERT_NE(g.project_index, kNoIndex);
    if (InScope(ds().projects()[g.project_index])) ++goals_of_budgeted;
  }
  EXPECT_EQ(project_goals, 80);
  EXPECT_EQ(unit_goals, 6);
  EXPECT_EQ(goals_of_budgeted, 78);
  for (std::uint32_t u = 0; u < ds().units().size(); ++u) {
    EXPECT_EQ(ds().GoalsOfUnit(u).size(), 1u) << ds().units()[u].name();
  }
  // Every one of the 78 well-formed goals carries output, benefit and
  // satisfaction indicators.
  for (const Goal& g : ds().goals()) {
    if (g.owner != GoalOwner::kProject || !InScope(ds().projects()[g.project_index])) continue;
    bool output = false, benefit = false, satisfaction = false;
    for (const Indicator& i : g.indicators) {
      output |= i.level1 == IndicatorLevel1::kOutput;
      benefit |= i.level1 == IndicatorLevel1::kBenefit;
      satisfaction |= i.level1 == IndicatorLevel1::kSatisfaction;
    }
    EXPECT_TRUE(output && benefit && satisfaction) << g.id;
  }
}

TEST_F(ExampleFiguresTest, ApprovedTotalIs106705Wan) {  // F20
  Money approved, all_projects, current;
  int in_scope = 0;
  for (std::uint32_t i = 0; i < ds().projects().size(); ++i) {
    const ProjectView p = ds().projects()[i];
    all_projects = Sum(all_projects, ds().ApprovedOf(i));
    if (!InScope(p)) {
      EXPECT_TRUE(ds().ApprovedOf(i).is_zero()) << p.id();
      continue;
    }
    ++in_scope;
    approved = Sum(approved, ds().ApprovedOf(i));
    current = Sum(current, ds().ApprovedOf(i));
    for (const AdjustmentView a : p.adjustments()) current = Sum(current, a.amount());
  }
  EXPECT_EQ(in_scope, 78);
  EXPECT_EQ(approved.fen(), 106705 * kFenPerWan);
  EXPECT_EQ(all_projects.fen(), 106705 * kFenPerWan);
  // The 2022-06-30 re-allocation is net zero: the current budget stays.
  EXPECT_EQ(current.fen(), 106705 * kFenPerWan);
}

TEST_F(ExampleFiguresTest, FundSourcesInScope) {  // F19
  std::set<FundSource> sources;
  for (const ProjectView p : ds().projects())
    for (const FundLine& f : p.funds()) sources.insert(f.source);
  EXPECT_EQ(sources, (std::set<FundSource>{FundSource::kGeneralBudget, FundSource::kTransfer,
                                           FundSource::kLandTransfer}));
}

TEST_F(ExampleFiguresTest, ExecutedJanuaryToAugustAndRate) {  // F21, F22
  const Date as_of = D(2022, 8, 31);
  Money executed, executed_year;
  bool later_months = false;
  for (const DisbursementView d : ds().disbursements()) {
    executed_year = Sum(executed_year, d.amount());
    if (d.date() <= as_of) {
      executed = Sum(executed, d.amount());
    } else {
      later_months = true;
    }
  }
  EXPECT_EQ(executed.fen(), 63854 * kFenPerWan);
  EXPECT_TRUE(later_months);  // the as-of date matters
  EXPECT_GT(executed_year, executed);
  Ratio rate(executed.fen(), 106705 * kFenPerWan);
  EXPECT_EQ(rate.ToPercentString(2), "59.84");
  // Time progress by months at 2022-08-31: 8/12.
  EXPECT_EQ(Ratio(8, 12).ToPercentString(2), "66.67");
}

TEST_F(ExampleFiguresTest, UnimplementedProjects) {  // F23, F24
  Money approved, adjusted_away, unspent;
  std::set<std::string> units;
  bool land_transfer = false;
  int count = 0;
  for (std::uint32_t i = 0; i < ds().projects().size(); ++i) {
    const ProjectView p = ds().projects()[i];
    if (p.status() != ProjectStatus::kNotImplemented) continue;
    ++count;
    units.emplace(ds().units()[p.unit_index()].name());
    EXPECT_TRUE(ds().DisbursementsOf(i).empty()) << p.id();
    approved = Sum(approved, ds().ApprovedOf(i));
    Money current = ds().ApprovedOf(i);
    for (const FundLine& f : p.funds()) land_transfer |= f.source == FundSource::kLandTransfer;
    for (const AdjustmentView a : p.adjustments()) {
      EXPECT_TRUE(a.amount().is_negative()) << p.id();
      adjusted_away = Sum(adjusted_away, a.amount());
      current = Sum(current, a.amount());
    }
    unspent = Sum(unspent, current);
  }
  EXPECT_EQ(count, 3);
  EXPECT_EQ(units, (std::set<std::string>{"宿州东部新城行政管理委员会", "宿马园区管委会"}));
  EXPECT_TRUE(land_transfer);
  EXPECT_EQ(approved.fen(), 3000 * kFenPerWan);  // F24: 3000 万元 adjusted
  EXPECT_EQ(adjusted_away.fen(), -603'200'000);  // re-allocated 603.2 万元
  EXPECT_EQ(unspent.fen(), 2'396'800'000);       // F23: nearly 2400 万元 reclaimed
}

TEST_F(ExampleFiguresTest, CancelledAtGoalReview) {  // F15
  int count = 0;
  Money requested;
  for (std::uint32_t i = 0; i < ds().projects().size(); ++i) {
    const ProjectView p = ds().projects()[i];
    if (p.status() != ProjectStatus::kCancelled || ds().GoalsOfProject(i).empty()) continue;
    ++count;
    EXPECT_TRUE(p.funds().empty()) << p.id();
    requested = Sum(requested, p.requested());
  }
  EXPECT_EQ(count, 2);
  EXPECT_EQ(requested.fen(), 107'000 * 100);  // 10.7 万元: "约10余万元"
}

TEST_F(ExampleFiguresTest, KeyProjectsAndDisclosure) {  // F17, F27
  int key = 0, with_budget = 0, with_approval = 0;
  for (const ProjectView p : ds().projects()) {
    key += p.is_key();
    with_budget += p.disclosure().with_budget;
    with_approval += p.disclosure().with_approval;
    if (p.disclosure().with_budget || p.disclosure().with_approval)
      EXPECT_TRUE(p.is_key()) << p.id();
  }
  EXPECT_GE(key, 32);
  EXPECT_EQ(with_budget, 14);
  EXPECT_EQ(with_approval, 8);
}

TEST_F(ExampleFiguresTest, ExAnteAssessments) {  // F9, F10, F11
  ASSERT_EQ(ds().ex_ante_assessments().size(), 32u);
  int supported = 0, rejected = 0;
  Money rejected_requested;
  std::set<std::uint32_t> assessed;
  for (const ExAnteAssessment& a : ds().ex_ante_assessments()) {
    EXPECT_GE(a.requested.fen(), 100 * kFenPerWan) << a.project_id;
    Ratio total;
    for (const auto& s : a.scores) {
      ASSERT_TRUE(s.has_value()) << a.project_id;
      EXPECT_LE(*s, Ratio(20));
      total += *s;
    }
    const ProjectView p = ds().projects()[a.project_index];
    assessed.insert(a.project_index);
    EXPECT_EQ(p.kind(), ProjectKind::kNew) << p.id();
    if (total >= Ratio(80)) {
      ++supported;
      EXPECT_NE(p.status(), ProjectStatus::kCancelled) << p.id();
    } else {
      EXPECT_LT(total, Ratio(60)) << p.id();
      ++rejected;
      EXPECT_EQ(p.status(), ProjectStatus::kCancelled) << p.id();
      EXPECT_TRUE(p.funds().empty()) << p.id();
      EXPECT_TRUE(ds().GoalsOfProject(a.project_index).empty()) << p.id();
      rejected_requested = Sum(rejected_requested, a.requested);
    }
  }
  EXPECT_EQ(supported, 29);
  EXPECT_EQ(rejected, 3);
  EXPECT_EQ(rejected_requested.fen(), 1006 * kFenPerWan);  // "约1000万元"
  // Every budgeted new project of ≥ 100 万元 was assessed (先绩评、后入库、再预算).
  for (std::uint32_t i = 0; i < ds().projects().size(); ++i) {
    const ProjectView p = ds().projects()[i];
    if (p.kind() == ProjectKind::kNew && p.status() != ProjectStatus::kCancelled &&
        ds().ApprovedOf(i).fen() >= 100 * kFenPerWan) {
      EXPECT_TRUE(assessed.count(i)) << p.id();
    }
  }
}

TEST_F(ExampleFiguresTest, Evaluations) {  // F2-F7, F25
  int self_projects = 0, self_units = 0, third_party = 0, fiscal_units = 0;
  std::size_t problems = 0, suggestions = 0;
  Money self_amount, third_party_amount;
  std::set<std::string> fiscal_unit_names;
  for (const Evaluation& e : ds().evaluations()) {
    EXPECT_EQ(e.evaluated_year, 2021) << e.id;
    switch (e.kind) {
      case EvaluationKind::kSelf:
        if (e.project_id.empty()) {
          ++self_units;
        } else {
          ++self_projects;
          EXPECT_TRUE(ds().projects()[e.project_index].is_key()) << e.id;
          self_amount = Sum(self_amount, e.amount);
        }
        break;
      case EvaluationKind::kThirdParty:
        ++third_party;
        ASSERT_FALSE(e.project_id.empty()) << e.id;
        EXPECT_TRUE(ds().projects()[e.project_index].is_key()) << e.id;
        third_party_amount = Sum(third_party_amount, e.amount);
        problems += e.problems.size();
        suggestions += e.suggestions.size();
        break;
      case EvaluationKind::kFiscal:
        EXPECT_TRUE(e.project_id.empty()) << e.id;
        ++fiscal_units;
        fiscal_unit_names.emplace(ds().units()[e.unit_index].name());
        break;
    }
  }
  EXPECT_EQ(self_projects, 32);
  EXPECT_EQ(self_amount.fen(), 100421 * kFenPerWan);
  EXPECT_EQ(self_units, 6);
  EXPECT_EQ(third_party, 8);
  EXPECT_EQ(third_party_amount.fen(), 6200 * kFenPerWan);
  EXPECT_EQ(problems, 22u);
  EXPECT_EQ(suggestions, 16u);
  EXPECT_EQ(fiscal_units, 2);
  EXPECT_EQ(fiscal_unit_names,
            (std::set<std::string>{"宿州东部新城行政管理委员会", "宿州市城市管理局宿马园区分局"}));
}

TEST_F(ExampleFiguresTest, RectificationsOnePerProblem) {  // F25
  ASSERT_EQ(ds().rectifications().size(), 22u);
  int overdue = 0;
  const Date as_of = D(2022, 12, 31);
  for (const RectificationItem& r : ds().rectifications()) {
    ASSERT_NE(r.evaluation_index, kNoIndex) << r.id;
    EXPECT_EQ(ds().evaluations()[r.evaluation_index].kind, EvaluationKind::kThirdParty);
    EXPECT_FALSE(r.owner.empty()) << r.id;
    ASSERT_TRUE(r.due.has_value()) << r.id;
    EXPECT_EQ(r.closed.has_value(), r.status == RectificationStatus::kDone) << r.id;
    if (r.status != RectificationStatus::kDone && *r.due < as_of) ++overdue;
  }
  EXPECT_EQ(overdue, 6);
}

}  // namespace
}  // namespace perfbudget
