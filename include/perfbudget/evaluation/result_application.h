// result_application.h: result application (结果应用, DOMAIN.md §7): turning
// evaluation grades into next year's budget proposals.
//
// ApplyResults() takes, per project, the deciding evaluation — the latest
// (evaluated_year, then date, then input order) of the kinds the policy's
// `result_application` section names (fiscal and third-party by default)
// that has a grade, or a score graded by the self-evaluation bands — and
// proposes the next year's (fiscal year + 1) budget from the project's
// current budget in the dataset (fund lines + every adjustment, per fund
// source), as the section says per grade:
//   results.priority   优: priority (优先保障), no cut;
//   results.keep       良: kept as needed, no cut;
//   results.cut        中: cut by cut_percent (10%), half-up to the fen;
//   results.cancel     差: cancelled or suspended (100% cut);
//   results.merge      the deciding evaluation has a suggestion starting
//                      (optionally after "建议") with a merge marker
//                      ("优化整合", "合并", ...): merged or optimised (优化整合),
//                      cut by merge_cut_percent (100%), whatever the grade.
// Cuts are split across the project's fund sources as reclaim splits them
// (proportional to each source's current budget, or the policy's priority
// order), exact to the fen. Unit-level evaluations (no project) and
// cancelled projects make no proposal. Totals per unit and overall.
#ifndef PERFBUDGET_EVALUATION_RESULT_APPLICATION_H_
#define PERFBUDGET_EVALUATION_RESULT_APPLICATION_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/money/money.h"
#include "perfbudget/monitoring/reclaim.h"  // FundSplit
#include "perfbudget/policy/policy.h"

namespace perfbudget {

inline constexpr int kResultActionCount = 5;

struct ResultApplicationOptions {
  // Fill message_zh / message_en.
  bool messages = true;
  // The next year's budget as approved (optional): its projects whose
  // approved total is below their request (申报数), cancelled ones included,
  // are listed as what the budget actually did (matched by project id to
  // this year's proposals). On the example, FY2023 gives the seed's F26.
  std::optional<Dataset> next_year;
};

struct ResultProposal {
  std::string_view code;  // "results.cut" (static storage)
  Severity severity = Severity::kInfo;
  std::uint32_t project_index = 0;
  std::uint32_t evaluation_index = 0;  // the deciding evaluation
  Grade grade = Grade::kPoor;
  bool grade_from_score = false;  // the record had a score and no grade
  ResultAction action = ResultAction::kKeep;
  std::uint32_t suggestion = kNoIndex;  // the merge suggestion (index into suggestions)
  Ratio cut_percent;
  Money base;                    // the current budget
  Money cut;                     // base × cut_percent ÷ 100, half-up to the fen
  Money proposed;                // base − cut
  std::vector<FundSplit> split;  // the cut by fund source, sums to `cut`
  std::string message_zh;
  std::string message_en;
};

struct ResultTotal {
  std::uint32_t unit_index = kNoIndex;  // kNoIndex for the jurisdiction
  std::uint32_t projects = 0;
  std::array<std::uint32_t, kResultActionCount> by_action{};  // indexed by ResultAction
  std::array<Money, kResultActionCount> cut_by_action{};
  Money base;
  Money cut;
  Money proposed;
  std::array<Money, kFundSourceCount> cut_by_source{};
};

// A project of the next year's budget approved below its request.
struct NextYearCut {
  std::uint32_t project_index = 0;    // into the next year's dataset
  std::uint32_t proposal = kNoIndex;  // this year's proposal for the same project id, or kNoIndex
  Money requested;
  Money approved;  // Σ fund lines (0 when cancelled)
  Money cut;       // requested − approved
  bool cancelled = false;
};

struct ResultApplicationReport {
  Dataset dataset;
  int budget_year = 0;                    // fiscal year + 1
  std::vector<ResultProposal> proposals;  // dataset project order
  std::vector<ResultTotal> units;         // units with a proposal, dataset order
  ResultTotal total;
  // Evaluations of a counted kind with neither grade nor score (indexes).
  std::vector<std::uint32_t> ungraded;
  // With ResultApplicationOptions::next_year: its dataset, the projects it
  // approved below their request, and their total cut.
  std::optional<Dataset> next_year;
  std::vector<NextYearCut> next_year_cuts;
  Money next_year_cut;
};

// Errors: InvalidArgument for a bad result_application section (a percentage
// outside 0..100); OutOfRange on overflow; FailedPrecondition when a split
// cannot be made.
absl::StatusOr<ResultApplicationReport> ApplyResults(const Dataset& dataset, const Policy& policy,
                                                     const ResultApplicationOptions& options = {});

}  // namespace perfbudget

#endif  // PERFBUDGET_EVALUATION_RESULT_APPLICATION_H_
