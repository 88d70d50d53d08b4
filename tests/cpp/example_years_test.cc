// example_years_test.cc: pins the seed figures carried by the example's
// other two fiscal years (examples/suma-park-2021, examples/suma-park-2023;
// docs/format.md "Several fiscal years"), with the core model only.
// FY2022 is pinned by example_figures_test.cc.
#include <cstdlib>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "perfbudget/io/diagnostic.h"
#include "perfbudget/io/json.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/money/money.h"

namespace perfbudget {
namespace {

constexpr std::int64_t kFenPerWan = 1'000'000;  // 1 万元

Dataset LoadYear(int year) {
  const char* env = std::getenv("PERFBUDGET_SOURCE_DIR");
  std::string root = (env != nullptr && *env != '\0') ? env : PERFBUDGET_SOURCE_DIR;
  std::string path = root + "/examples/suma-park-" + std::to_string(year) + "/dataset.json";
  Diagnostics diagnostics;
  absl::StatusOr<Dataset> loaded = LoadDatasetJsonFile(path, {}, &diagnostics);
  std::string why = loaded.ok() ? "" : std::string(loaded.status().message());
  for (const Diagnostic& d : diagnostics.items()) why += "\n" + d.ToString();
  EXPECT_TRUE(loaded.ok()) << path << ": " << why;
  if (!loaded.ok()) std::abort();
  return *std::move(loaded);
}

Money Sum(Money a, Money b) { return *a.Plus(b); }

// FY2021: the 32 key projects the 2022 self-evaluations looked back on (F3)
// with their FY2021 funds (F4), and every indicator's year-end actual.
TEST(ExampleYearsTest, Fy2021KeyProjectsAndYearEndActuals) {
  const Dataset ds = LoadYear(2021);
  EXPECT_EQ(ds.info().fiscal_year, 2021);
  EXPECT_EQ(ds.units().size(), 6u);
  int key = 0;
  Money key_funds;
  for (std::uint32_t i = 0; i < ds.projects().size(); ++i) {
    if (!ds.projects()[i].is_key()) continue;
    ++key;
    key_funds = Sum(key_funds, ds.ApprovedOf(i));
  }
  EXPECT_EQ(key, 32);
  EXPECT_EQ(key_funds.fen(), 100421 * kFenPerWan);
  int unit_goals = 0;
  for (const Goal& g : ds.goals()) {
    unit_goals += g.owner == GoalOwner::kUnit;
    for (const Indicator& i : g.indicators) {
      ASSERT_FALSE(i.actuals.empty()) << g.id << " " << i.id;
      EXPECT_EQ(i.actuals.back().date, *Date::FromYmd(2021, 12, 31)) << g.id << " " << i.id;
    }
  }
  EXPECT_EQ(unit_goals, 6);  // F2: one unit-level goal per unit to self-evaluate
}

// F5 "5 the year before": the fiscal (third-party) evaluations carried out in
// 2021 are recorded in the FY2021 dataset.
TEST(ExampleYearsTest, Fy2021FiveFiscalEvaluations) {
  const Dataset ds = LoadYear(2021);
  std::set<std::string> projects;
  for (const Evaluation& e : ds.evaluations()) {
    ASSERT_NE(e.kind, EvaluationKind::kSelf) << e.id;
    ASSERT_TRUE(e.date.has_value()) << e.id;
    EXPECT_EQ(e.date->year(), 2021) << e.id;
    ASSERT_NE(e.project_index, kNoIndex) << e.id;
    EXPECT_TRUE(ds.projects()[e.project_index].is_key()) << e.id;
    projects.insert(e.project_id);
  }
  EXPECT_EQ(projects.size(), 5u);
}

// F26 (3 projects merged or optimised, budget cut by nearly 2400 万元) and F27
// (8 key project goals published with the FY2023 budget approval).
TEST(ExampleYearsTest, Fy2023ResultsAndDisclosure) {
  const Dataset ds = LoadYear(2023);
  EXPECT_EQ(ds.info().fiscal_year, 2023);
  int with_approval = 0, cut_projects = 0;
  Money cut;
  for (std::uint32_t i = 0; i < ds.projects().size(); ++i) {
    const ProjectView p = ds.projects()[i];
    with_approval += p.disclosure().with_approval;
    if (p.disclosure().with_approval) EXPECT_TRUE(p.is_key()) << p.id();
    absl::StatusOr<Money> less = p.requested().Minus(ds.ApprovedOf(i));
    ASSERT_TRUE(less.ok());
    if (less->fen() > 0) {
      ++cut_projects;
      cut = Sum(cut, *less);
    }
  }
  EXPECT_EQ(with_approval, 8);
  EXPECT_EQ(cut_projects, 3);
  EXPECT_EQ(cut.fen(), 2400 * kFenPerWan);
}

}  // namespace
}  // namespace perfbudget
