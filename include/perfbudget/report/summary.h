// summary.h: Summarize, the counts and money totals of a dataset as of a date
// (per unit, per fund source 资金来源, and overall).
//
// Definitions (docs/cli.md, `perfbudget summary`):
//   approved        年初预算 批复数: the sum of the fund lines.
//   current budget  全年预算数 as of the date: approved + adjustments dated on or
//                   before the as-of date.
//   executed        执行数: disbursements dated on or before the as-of date.
//   execution rate  预算执行率 = executed ÷ current budget as of the date (exact
//                   Ratio; empty when the current budget is zero). Approved is
//                   shown beside it, so executed ÷ approved can be read too.
// The as-of date defaults to the dataset's own as-of date (DatasetInfo::as_of,
// 数据截至日期); when the dataset states none, to the latest disbursement date
// (the fiscal year's last day when there is none). Money is exact: every sum is overflow-checked.
#ifndef PERFBUDGET_REPORT_SUMMARY_H_
#define PERFBUDGET_REPORT_SUMMARY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/model/enums.h"
#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget {

// Money totals of a set of projects (or of fund lines / disbursements of one source).
struct BudgetTotals {
  Money approved;        // 年初预算
  Money adjustments;     // 调整, dated ≤ as_of
  Money current_budget;  // approved + adjustments
  Money executed;        // 执行数, dated ≤ as_of
  // executed ÷ current_budget; empty when current_budget is zero.
  std::optional<Ratio> execution_rate;
};

// Record counts. Disbursements: all of them, and those dated ≤ as_of.
struct SummaryCounts {
  std::int64_t units = 0;
  std::int64_t projects = 0;
  std::int64_t key_projects = 0;
  std::int64_t project_goals = 0;
  std::int64_t unit_goals = 0;
  std::int64_t indicators = 0;
  std::int64_t disbursements = 0;
  std::int64_t disbursements_to_as_of = 0;
};

struct UnitSummary {
  std::uint32_t unit_index = 0;
  std::string id;
  std::string name;
  SummaryCounts counts;  // `units` is 1
  BudgetTotals totals;
};

struct FundSourceSummary {
  FundSource source = FundSource::kGeneralBudget;
  std::int64_t projects = 0;  // projects with a fund line of this source
  BudgetTotals totals;        // approved / adjustments / executed of this source
};

// Where a summary's as-of date came from.
enum class AsOfSource : std::uint8_t {
  kGiven = 0,               // the caller's
  kDataset = 1,             // the dataset's as-of date (DatasetInfo::as_of)
  kLatestDisbursement = 2,  // none given or stated: the latest disbursement date
  kYearEnd = 3,             // none of those and no disbursement: the year's last day
};

// The stable code of an AsOfSource: "given", "dataset", "latest_disbursement",
// "year_end".
std::string_view CodeOf(AsOfSource source);

// The as-of date an analysis runs at: `given`, else the dataset's own
// (DatasetInfo::as_of); empty when neither. *source (may be null) says which.
// Monitoring, reclaim and the execution curve use this rule as it is;
// Summarize falls back further (see above).
std::optional<Date> GivenOrDatasetAsOf(const Dataset& dataset, std::optional<Date> given,
                                       AsOfSource* source = nullptr);

struct DatasetSummary {
  Date as_of;
  bool as_of_is_default = false;  // true when as_of was not given
  AsOfSource as_of_source = AsOfSource::kGiven;
  SummaryCounts counts;
  BudgetTotals overall;
  std::vector<UnitSummary> units;               // in dataset order
  std::vector<FundSourceSummary> fund_sources;  // sources that occur, in enum order
};

// Errors: OutOfRange when `as_of` lies outside the dataset's fiscal year or a
// total overflows (the message names which).
absl::StatusOr<DatasetSummary> Summarize(const Dataset& dataset, std::optional<Date> as_of);

}  // namespace perfbudget

#endif  // PERFBUDGET_REPORT_SUMMARY_H_
