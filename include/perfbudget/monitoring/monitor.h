// monitor.h: dual monitoring (双监控) as of a date — budget execution and goal
// attainment, early warnings (预警) and over-spend control (DOMAIN.md §5).
//
// Monitor() computes, as of one date, for every project, every unit, every
// fund source and the whole jurisdiction: the current budget (approved +
// adjustments dated on or before the as-of date), the executed amount to that
// date, the execution rate, the time progress (序时进度), the gap in
// percentage points and a warning level with its reasons. Every threshold
// comes from the Policy (rules "monitoring.*", see MonitoringRuleCatalog()).
// MonitorSeries() does the same for many dates in one pass over the
// disbursements (e.g. the 12 month-ends of a year).
//
// Scope: projects with status `cancelled` (已取消) are out of monitoring scope
// and count nowhere (not in unit, fund or jurisdiction totals either).
//
// Reasons are stored compactly (a rule code, its severity, the policy value
// it compared with and references into the report); ExplainReason() renders
// the zh / en message naming the values, on demand.
#ifndef PERFBUDGET_MONITORING_MONITOR_H_
#define PERFBUDGET_MONITORING_MONITOR_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/calendar/fiscal_calendar.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"
#include "perfbudget/policy/policy.h"

namespace perfbudget {

// 预警等级. Numbering is part of the C ABI.
enum class WarningLevel : std::uint8_t {
  kNone = 0,    // 正常
  kYellow = 1,  // 黄色预警 (a fired rule of severity warning)
  kRed = 2,     // 红色预警 (a fired rule of severity error or blocker)
};
std::string_view CodeOf(WarningLevel level);     // "none" "yellow" "red"
std::string_view ZhLabelOf(WarningLevel level);  // "正常" "黄色预警" "红色预警"
// The level a fired rule of this severity gives its row (info → none).
WarningLevel LevelOfSeverity(Severity s);

// What a monitoring row is about. Numbering is part of the C ABI.
enum class MonitorRowKind : std::uint8_t {
  kProject = 0,
  kUnit = 1,
  kFundSource = 2,
  kJurisdiction = 3,
};
std::string_view CodeOf(MonitorRowKind kind);  // "project" "unit" "fund" "jurisdiction"

struct MonitorOptions {
  Date as_of;
  // Evaluate the goal side (indicator actuals against target × progress).
  bool goals = true;
  // Make the project rows (with their reasons and goal checks). Off: only
  // the unit, fund-source and jurisdiction rows (identical either way) —
  // what the execution curve needs; `projects` stays empty.
  bool project_rows = true;
};

// One fired rule. Render it with ExplainReason().
struct MonitorReason {
  std::string_view code;  // catalog code, "monitoring.gap_red" (static storage)
  Severity severity = Severity::kWarning;
  MonitorRowKind row_kind = MonitorRowKind::kProject;
  std::uint32_t row = 0;  // position in the report's vector of that kind (0 for jurisdiction)
  // monitoring.overspend_*: the disbursement that took usage across the line
  // (its row in Dataset::disbursements()).
  std::uint32_t disbursement_index = kNoIndex;
  // monitoring.indicator_behind: position in MonitorReport::indicators.
  std::uint32_t indicator_check = kNoIndex;
  Ratio threshold;  // the policy value the rule compared with (as written in the policy)
};

// Execution figures of a project, a unit, a fund source or the jurisdiction.
struct MonitorRow {
  MonitorRowKind kind = MonitorRowKind::kProject;
  // Project or unit index into the Dataset; the FundSource value; 0 for the
  // jurisdiction.
  std::uint32_t index = 0;
  std::uint32_t project_count = 0;       // projects in scope behind the row
  Money approved;                        // 年初预算
  Money adjustments;                     // Σ adjustments dated ≤ as_of
  Money current;                         // 全年预算数 = approved + adjustments
  Money executed;                        // 执行数 to as_of
  std::uint32_t disbursement_count = 0;  // disbursements dated ≤ as_of
  WarningLevel level = WarningLevel::kNone;
  std::uint32_t first_reason = 0;  // into MonitorReport::reasons
  std::uint32_t reason_count = 0;

  // executed ÷ current; a defined 0 when current ≤ 0 (reason monitoring.zero_budget).
  Ratio ExecutionRate() const;
  // (time progress − execution rate) × 100, in percentage points.
  Ratio GapPp(const Ratio& time_progress) const;
  // A current budget of zero (or below): nothing to execute.
  bool zero_budget() const { return current.fen() <= 0; }
};

// Goal side: one indicator with a mid-year actual.
struct IndicatorCheck {
  std::uint32_t goal_index = 0;
  std::uint32_t indicator_index = 0;  // position in the goal's indicators
  Date actual_date;
  bool qualitative = false;
  Ratio actual;         // quantitative actual (0 for qualitative)
  Ratio expected;       // ≥ > = range: target (low end) × time progress; ≤ <: the target
  bool behind = false;  // likely to be missed
};

// Goal side: one goal with at least one actual.
struct GoalCheck {
  std::uint32_t goal_index = 0;
  std::uint32_t indicators_checked = 0;
  std::uint32_t indicators_behind = 0;
  bool likely_missed() const { return indicators_behind > 0; }
};

struct MonitorReport {
  Dataset dataset;  // shared, cheap: for names in output
  Date as_of;
  TimeProgressMethod method = TimeProgressMethod::kMonths;
  Ratio time_progress;  // exact
  int months_elapsed = 0;
  int days_elapsed = 0;
  int decimals = 2;                  // from the policy, for printing
  Date q3_end;                       // end of the fiscal month of monitoring.q3_summons
  std::vector<MonitorRow> projects;  // in dataset order, cancelled ones left out
  std::vector<MonitorRow> units;     // in dataset order
  std::vector<MonitorRow> funds;     // one per fund source present, in enum order
  MonitorRow total;                  // the jurisdiction
  std::vector<MonitorReason> reasons;
  std::vector<IndicatorCheck> indicators;
  std::vector<GoalCheck> goals;

  std::span<const MonitorReason> ReasonsOf(const MonitorRow& row) const {
    return std::span<const MonitorReason>(reasons).subspan(row.first_reason, row.reason_count);
  }
  const MonitorRow& RowOf(const MonitorReason& r) const;
  // Rows at each level by kind.
  int CountLevel(MonitorRowKind kind, WarningLevel level) const;
  // True when any fired rule has severity error or worse.
  bool HasErrors() const;
};

// Monitors as of options.as_of. Errors: OutOfRange (as-of outside the fiscal
// year, naming its bounds); InvalidArgument (a policy with overlapping
// warning bands; a payment-plan entry outside the fiscal year, naming the
// project, entry and date; amounts that overflow).
absl::StatusOr<MonitorReport> Monitor(const Dataset& dataset, const Policy& policy,
                                      const MonitorOptions& options);

// Monitors at every date of `as_of_dates` in one pass over the disbursements
// (options.as_of is ignored). Reports come back in the order of the dates.
absl::StatusOr<std::vector<MonitorReport>> MonitorSeries(const Dataset& dataset,
                                                         const Policy& policy,
                                                         std::span<const Date> as_of_dates,
                                                         const MonitorOptions& options = {});

// The message of a reason, in "zh" or "en", naming the values behind it.
std::string ExplainReason(const MonitorReport& report, const MonitorReason& reason,
                          std::string_view lang = "zh");
// The rule's title ("序时进度偏差红色预警").
std::string_view ReasonTitle(const MonitorReason& reason, std::string_view lang = "zh");

// Display id and name of a row ("P001", "园区道路维修"; "general_budget",
// "一般公共预算"; jurisdiction code and name).
std::string RowId(const MonitorReport& report, const MonitorRow& row);
std::string RowName(const MonitorReport& report, const MonitorRow& row);

}  // namespace perfbudget

#endif  // PERFBUDGET_MONITORING_MONITOR_H_
