// example_followup_test.cc: the seed figures of the evaluation follow-up
// (FIGURES.md F5–F8, F17, F25, F27) as the analyses compute them on the
// bundled example's three years (examples/suma-park-2021..2023).
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "perfbudget/evaluation/coverage.h"
#include "perfbudget/evaluation/disclosure.h"
#include "perfbudget/evaluation/rectification.h"
#include "perfbudget/io/diagnostic.h"
#include "perfbudget/io/json.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

constexpr std::int64_t kFenPerWan = 1'000'000;  // 1 万元

const Dataset& Year(int year) {
  // Loaded once per process; the datasets are immutable.
  static const std::vector<Dataset> loaded = [] {
    std::vector<Dataset> out;
    const char* env = std::getenv("PERFBUDGET_SOURCE_DIR");
    std::string root = (env != nullptr && *env != '\0') ? env : PERFBUDGET_SOURCE_DIR;
    for (int y = 2021; y <= 2023; ++y) {
      std::string path = root + "/examples/suma-park-" + std::to_string(y) + "/dataset.json";
      Diagnostics diagnostics;
      absl::StatusOr<Dataset> ds = LoadDatasetJsonFile(path, {}, &diagnostics);
      if (!ds.ok()) {
        ADD_FAILURE() << path << ": " << ds.status();
        out.emplace_back();
      } else {
        out.push_back(*std::move(ds));
      }
    }
    return out;
  }();
  return loaded[static_cast<std::size_t>(year - 2021)];
}

std::string IdOf(const CoverageReport& r, std::uint32_t row) {
  return std::string(r.dataset.projects()[r.projects[row].project_index].id());
}

// F5, F6, F7: 8 key projects given a fiscal (third-party) evaluation in
// 2022, 5 the year before; 6200 万元; 2 units given a unit-level one.
TEST(ExampleFollowupTest, EvaluationHistoryF5F6F7) {
  const std::vector<Dataset> earlier = {Year(2021)};
  absl::StatusOr<CoverageReport> r =
      PlanCoverage(Year(2022), CollectEvaluations(earlier), DefaultPolicy());
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->history.size(), 2u);
  EXPECT_EQ(r->history[0].year, 2021);
  EXPECT_EQ(r->history[0].projects, 5u);
  EXPECT_TRUE(r->history[0].unit_ids.empty());
  EXPECT_EQ(r->history[1].year, 2022);
  EXPECT_EQ(r->history[1].projects, 8u);
  EXPECT_EQ(r->history[1].project_amount.fen(), 6200 * kFenPerWan);
  EXPECT_EQ(r->history[1].unit_ids, (std::vector<std::string>{"U01", "U03"}));
  // In 2022 the 8 were evaluated; all 35 key projects are in the plan.
  EXPECT_EQ(r->total.key_projects, 35u);
  EXPECT_EQ(r->years[0].evaluated.size(), 8u);
}

// F8: the 5-year rule on the FY2023 budget, with 2021 and 2022 as history.
TEST(ExampleFollowupTest, CoveragePlanF8) {
  const std::vector<Dataset> earlier = {Year(2021), Year(2022)};
  absl::StatusOr<CoverageReport> r =
      PlanCoverage(Year(2023), CollectEvaluations(earlier), DefaultPolicy());
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->year, 2023);
  EXPECT_EQ(r->window_years, 5);
  EXPECT_EQ(r->total.key_projects, 34u);
  EXPECT_TRUE(r->max_projects_auto);
  EXPECT_EQ(r->max_projects, 7u);  // ⌈34 ÷ 5⌉
  // Started 2019, never evaluated: 2019–2023 needs one now.
  std::set<std::string> due;
  for (std::uint32_t row : r->years[0].due) due.insert(IdOf(*r, row));
  EXPECT_EQ(due, (std::set<std::string>{"P0201", "P0604"}));
  EXPECT_EQ(r->years[0].recommended.size(), 5u);
  EXPECT_EQ(r->total.overdue, 0u);
  EXPECT_EQ(r->total.covered, 10u);  // the 5 of 2021 and the 8 of 2022 less the 3 merged
  // At the even pace every key project is planned within the window, no breach.
  EXPECT_EQ(r->total.breaches, 0u);
  for (const CoverageProject& p : r->projects) {
    EXPECT_TRUE(p.last_year != 0 || p.planned_year != 0) << IdOf(*r, 0);
  }
  // With half the capacity the rule cannot be kept.
  CoverageOptions half;
  half.max_projects = 4;
  absl::StatusOr<CoverageReport> tight =
      PlanCoverage(Year(2023), CollectEvaluations(earlier), DefaultPolicy(), half);
  ASSERT_TRUE(tight.ok());
  EXPECT_GT(tight->total.breaches, 0u);
}

// F25: 16 suggestions, 22 problems, under rectification.
TEST(ExampleFollowupTest, RectificationF25) {
  RectificationOptions o;
  o.as_of = *Date::FromYmd(2022, 12, 31);
  absl::StatusOr<RectificationReport> r = TrackRectification(Year(2022), DefaultPolicy(), o);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->total.problems, 22u);
  EXPECT_EQ(r->total.suggestions, 16u);
  EXPECT_EQ(r->total.items, 22u);
  EXPECT_EQ(r->total.evaluations, 8u);
  EXPECT_EQ(r->total.done, 6u);
  EXPECT_EQ(r->total.overdue, 6u);
  EXPECT_EQ(r->total.no_owner, 0u);
  EXPECT_EQ(r->total.no_due_date, 0u);
}

// F17 (14 key goals with the FY2022 budgets), F27 (8 with the FY2023
// approval), and the 2022 fiscal evaluation results published with the 2021
// final accounts.
TEST(ExampleFollowupTest, DisclosureF17F27) {
  absl::StatusOr<DisclosureReport> y22 = CheckDisclosure(Year(2022), DefaultPolicy());
  ASSERT_TRUE(y22.ok()) << y22.status();
  EXPECT_EQ(y22->total.key_projects, 35u);
  EXPECT_EQ(y22->total.key_with_budget, 14u);
  EXPECT_EQ(y22->total.results, 10u);
  EXPECT_EQ(y22->total.results_published, 10u);
  absl::StatusOr<DisclosureReport> y23 = CheckDisclosure(Year(2023), DefaultPolicy());
  ASSERT_TRUE(y23.ok()) << y23.status();
  EXPECT_EQ(y23->total.key_with_approval, 8u);
  EXPECT_EQ(y23->total.key_projects, 34u);
}

}  // namespace
}  // namespace perfbudget
