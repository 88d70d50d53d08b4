// review_example_test.cc: the seed park's goal-review and ex-ante figures
// (FIGURES.md F9–F11, F13–F16) come out of ReviewDataset on the bundled
// example with the built-in policy defaults.
#include <cstdlib>
#include <string>

#include "gtest/gtest.h"
#include "perfbudget/io/json.h"
#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/review/review.h"

namespace perfbudget {
namespace {

std::string ExamplePath() {
  const char* env = std::getenv("PERFBUDGET_SOURCE_DIR");
  std::string root = (env != nullptr && *env != '\0') ? env : PERFBUDGET_SOURCE_DIR;
  return root + "/examples/suma-park-2022/dataset.json";
}

TEST(ReviewExample, SeedFigures) {
  absl::StatusOr<Dataset> ds = LoadDatasetJsonFile(ExamplePath());
  ASSERT_TRUE(ds.ok()) << ds.status();
  absl::StatusOr<ReviewResult> r = ReviewDataset(*ds, DefaultPolicy());
  ASSERT_TRUE(r.ok()) << r.status();
  const ReviewSummary& s = r->summary;
  EXPECT_EQ(s.project_goals.reviewed, 80u);  // F13
  EXPECT_EQ(s.project_goals.passed, 78u);    // F14
  EXPECT_EQ(s.project_goals.to_revise, 0u);
  EXPECT_EQ(s.project_goals.blocked, 2u);  // F15
  EXPECT_EQ(s.projects_blocked_by_review, 2u);
  // F15 "a little over 10 万元": exactly 10.7 万元 (P0217 and P0409's budgets).
  EXPECT_EQ(s.amount_blocked_by_review.fen(), 10'700'000);
  // F16 "20+": 39 comments on project goals (issue 14: G-P0409's vague goal
  // statement no longer draws a relevance warning without evidence).
  EXPECT_EQ(s.project_goals.comments, 39u);
  EXPECT_EQ(s.unit_goals.reviewed, 6u);    // F12
  EXPECT_EQ(s.ex_ante_assessed, 32u);      // F9
  EXPECT_EQ(s.ex_ante_not_supported, 3u);  // F10
  // F10 "about 1000 万元": exactly 1006 万元 cut from the three projects.
  EXPECT_EQ(s.ex_ante_cut.fen(), 1'006'000'000);
  EXPECT_EQ(s.ex_ante_missing, 0u);  // F11: every new project ≥ 100 万元 was assessed
  // The blocked goals are the two cancelled projects', for the right reasons.
  for (const GoalReview& g : r->goals) {
    if (!g.blocked()) continue;
    EXPECT_TRUE(g.goal_id == "G-P0217" || g.goal_id == "G-P0409") << g.goal_id;
  }
  EXPECT_TRUE(r->AnyBlocked());
}

}  // namespace
}  // namespace perfbudget
