// coverage.h: the fiscal-evaluation coverage plan (财政评价 5年全覆盖,
// DOMAIN.md §6 "Coverage rule", seed figures F5–F8).
//
// The rule: every key project (重点项目) of every unit gets a fiscal
// evaluation at least once in any `window_years` years (5 by default). Fiscal
// and third-party evaluations count (third-party ones unless the policy says
// otherwise); self-evaluations never do. An evaluation's year is the calendar
// year it was carried out: the year of its `date`, or `evaluated_year` + 1
// when it has no date (an evaluation with neither is ignored and counted).
//
// PlanCoverage() takes the current dataset (its key projects, with their
// current budgets, are the ones to cover; its own evaluations are part of
// the history) and the evaluations of earlier years, which usually live in
// other datasets (docs/format.md "Several fiscal years": an evaluation is
// recorded in the dataset of the year it was carried out). Projects are
// matched by id across datasets.
//
// For each plan year y (the dataset's fiscal year, then the following years
// up to the horizon) a project is:
//   due          when skipping it in y would leave the window
//                [y − window + 1, y] without an evaluation, counting only
//                windows that start no earlier than the project's first year
//                (start_year; unknown = long-standing). Equivalently y ≥ its
//                deadline = max(last evaluation + window, start_year + window − 1).
//   overdue      when its deadline is already before the first plan year: a
//                window has ended without an evaluation (the rule is broken).
// Each year's capacity — a number of projects and/or a total of current
// budgets, from the policy ("coverage.plan" max_projects / max_amount_wan;
// max_projects 0 = ⌈key projects ÷ window⌉, the even pace that covers all in
// one window) or from the options — is spent first on projects already
// evaluated that year, then on due projects (earliest deadline first), then
// on recommended ones in priority order:
//   never evaluated first; then the earliest deadline (the oldest last
//   evaluation; for projects never evaluated, the oldest start); then a poor
//   last grade (中 or 差: the finding suggests a second look); then the larger
//   current budget; then the project id.
// (The grade comes before the budget: two budgets are almost never equal, so
// a grade placed after them would never decide anything.) A due project that
// does not fit is a breach in that year; it stays due (first) the next year.
// Planned projects count as evaluated in their year for the following years.
//
// Rules (policy codes, "coverage.*"): coverage.plan (info, one per plan year,
// carries the parameters), coverage.due (warning), coverage.overdue (error),
// coverage.recommended (info), coverage.breach (error). Disabling a rule
// drops its findings only; the plan is the same.
//
// Deterministic: the same inputs give the same plan, whatever the order of
// the history.
#ifndef PERFBUDGET_EVALUATION_COVERAGE_H_
#define PERFBUDGET_EVALUATION_COVERAGE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/model/entities.h"
#include "perfbudget/money/money.h"
#include "perfbudget/policy/policy.h"

namespace perfbudget {

struct CoverageOptions {
  // The first plan year; default: the dataset's fiscal year.
  std::optional<int> year;
  // Capacity per year; default: the policy's. A number of projects (0 = the
  // even pace ⌈key projects ÷ window⌉) and a total of current budgets (zero =
  // no limit on the amount).
  std::optional<std::uint32_t> max_projects;
  std::optional<Money> max_amount;
  // Plan years, the first included; default: the policy's horizon_years
  // (0 = the window's length). 1..100.
  std::optional<int> horizon_years;
  // Fill the findings' message_zh / message_en (else render on demand with
  // ExplainCoverageFinding).
  bool messages = true;
};

// Where a key project stands in the first plan year.
enum class CoverageStatus : std::uint8_t {
  kEvaluated = 0,    // already evaluated this year (history)
  kDue = 1,          // due and planned this year
  kRecommended = 2,  // planned this year, not yet due
  kBreach = 3,       // due, but this year's capacity is spent
  kLater = 4,        // not this year
};
std::string_view CodeOf(CoverageStatus s);  // "evaluated" "due" "recommended" "breach" "later"
std::string_view ZhLabelOf(
    CoverageStatus s);  // "本年已评价" "应评" "建议评价" "超出能力" "以后年度"

// One key project of the current dataset.
struct CoverageProject {
  std::uint32_t project_index = 0;
  std::uint32_t unit_index = kNoIndex;
  Money current;                    // approved + all adjustments of the year
  int first_year = 0;               // start_year; 0 = unknown (windows may start any year)
  int last_year = 0;                // last counted evaluation before the first plan year; 0 = never
  std::optional<Grade> last_grade;  // of that evaluation, when graded
  std::string last_evaluation_id;
  int evaluations = 0;   // counted evaluations before the first plan year
  int deadline = 0;      // the last year the next evaluation may take place
  bool overdue = false;  // deadline < first plan year
  CoverageStatus status = CoverageStatus::kLater;
  int planned_year = 0;  // first year planned (or evaluated) within the horizon; 0 = none
  int breach_year = 0;   // first year it breaches within the horizon; 0 = none
};

// One plan year.
struct CoverageYear {
  int year = 0;
  std::vector<std::uint32_t> evaluated;    // rows (CoverageReport::projects) already evaluated
  std::vector<std::uint32_t> due;          // rows planned because due, in plan order
  std::vector<std::uint32_t> recommended;  // rows planned by priority, in order
  std::vector<std::uint32_t> breaches;     // rows due but not planned
  Money amount;                            // Σ current budgets of evaluated + due + recommended
};

struct CoverageFinding {
  std::string_view code;  // "coverage.due" (static storage)
  Severity severity = Severity::kInfo;
  int year = 0;
  std::uint32_t row = kNoIndex;  // into CoverageReport::projects; kNoIndex for coverage.plan
  std::string message_zh;
  std::string message_en;
};

// Evaluations counted per year (F5–F7): what the history says happened.
struct CoverageHistoryYear {
  int year = 0;
  std::uint32_t projects = 0;         // distinct projects given a counted evaluation
  Money project_amount;               // Σ their evaluations' amounts
  std::vector<std::string> unit_ids;  // units given a unit-level (部门整体) one, sorted
};

struct CoverageTotal {
  std::uint32_t unit_index = kNoIndex;  // kNoIndex for the jurisdiction
  std::uint32_t key_projects = 0;
  std::uint32_t covered = 0;  // evaluated within the window ending in the first plan year
  std::uint32_t never = 0;    // never evaluated
  std::uint32_t overdue = 0;
  std::uint32_t planned = 0;   // due + recommended in the first plan year
  std::uint32_t breaches = 0;  // projects breaching within the horizon
  Money key_amount;            // Σ current budgets of the key projects
};

struct CoverageReport {
  Dataset dataset;
  int year = 0;  // first plan year
  int window_years = 0;
  int horizon_years = 0;
  std::uint32_t max_projects = 0;  // resolved (never 0)
  bool max_projects_auto = false;  // from ⌈key ÷ window⌉
  Money max_amount;                // zero = no limit
  bool count_third_party = true;
  std::vector<CoverageProject> projects;     // key projects, dataset order
  std::vector<CoverageYear> years;           // year, year + 1, ...
  std::vector<CoverageFinding> findings;     // by year, then code order, then row
  std::vector<CoverageHistoryYear> history;  // ascending years
  std::uint32_t ignored_evaluations = 0;     // counted kinds with no date and no evaluated_year
  std::vector<CoverageTotal> units;          // every unit with a key project, dataset order
  CoverageTotal total;
};

// Errors: InvalidArgument for an option out of range (horizon, a negative
// amount) or a policy parameter out of range (window_years < 1);
// OutOfRange when a sum overflows.
absl::StatusOr<CoverageReport> PlanCoverage(const Dataset& current,
                                            std::span<const Evaluation> history,
                                            const Policy& policy,
                                            const CoverageOptions& options = {});

// The evaluations of several datasets, in order, for PlanCoverage's history.
std::vector<Evaluation> CollectEvaluations(std::span<const Dataset> datasets);

// A finding's message in "zh" or "en", naming the values behind it.
std::string ExplainCoverageFinding(const CoverageReport& report, const CoverageFinding& finding,
                                   std::string_view lang = "zh");

}  // namespace perfbudget

#endif  // PERFBUDGET_EVALUATION_COVERAGE_H_
