// rule_catalog_monitoring.cc: the monitoring (双监控 预警) and reclaim (收回)
// rules, with their DOMAIN.md §5 / §7 defaults.
//
// Placeholders the monitoring messages may use: {id} {name} {as_of}
// {current} {executed} {rate} {progress} {gap} {threshold} {usage}
// {disbursement} {date} {amount} {q3_end} {indicator} {goal} {actual}
// {expected} {target}. Reclaim messages: {id} {name} {amount} {current}
// {executed} {planned_after} {origin_year} {threshold} {as_of} {split}.
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

constexpr RuleParamSpec kGapYellowParams[] = {
    {"min_gap_pp", "10",
     "yellow when time progress − execution rate exceeds this many percentage points"},
};
constexpr RuleParamSpec kGapRedParams[] = {
    {"min_gap_pp", "20",
     "red when time progress − execution rate exceeds this many percentage points"},
};
constexpr RuleParamSpec kNoDisbursementParams[] = {
    {"min_time_progress_percent", "25",
     "red for a project with a budget and no disbursement once time progress reaches this percent"},
};
constexpr RuleParamSpec kQ3Params[] = {
    {"fiscal_month", "9", "applies from the end of this fiscal month (end of Q3)"},
    {"min_rate_percent", "60", "summons (约谈) when the execution rate is below this percent"},
};
constexpr RuleParamSpec kOverspendWarningParams[] = {
    {"min_usage_percent", "90", "warn when executed reaches this percent of the current budget"},
};
constexpr RuleParamSpec kOverspendErrorParams[] = {
    {"max_usage_percent", "100", "error when executed exceeds this percent of the current budget"},
};
constexpr RuleParamSpec kCarryOverParams[] = {
    {"min_years", "2",
     "carry-over lines approved this many fiscal years ago or earlier are reclaimed"},
};

constexpr RuleSpec kMonitoringRules[] = {
    {"monitoring.gap_yellow", "monitoring", "", Severity::kWarning, "0", kGapYellowParams,
     "序时进度偏差黄色预警", "Execution behind time progress (yellow)",
     "{name}（{id}）截至{as_of}预算执行率{rate}%，序时进度{progress}%，偏差{gap}个百分点，超过{threshold}个百分点",
     "{name} ({id}) as of {as_of}: execution rate {rate}%, time progress {progress}%, gap {gap} pp "
     "exceeds {threshold} pp"},
    {"monitoring.gap_red", "monitoring", "", Severity::kError, "0", kGapRedParams,
     "序时进度偏差红色预警", "Execution far behind time progress (red)",
     "{name}（{id}）截至{as_of}预算执行率{rate}%，序时进度{progress}%，偏差{gap}个百分点，超过{threshold}个百分点",
     "{name} ({id}) as of {as_of}: execution rate {rate}%, time progress {progress}%, gap {gap} pp "
     "exceeds {threshold} pp"},
    {"monitoring.no_disbursement_after_quarter", "monitoring", "", Severity::kError, "0",
     kNoDisbursementParams, "超过一个季度未支出", "No disbursement after a quarter",
     "{name}（{id}）全年预算{current}，截至{as_of}序时进度{progress}%（已达{threshold}%）仍无任何支出",
     "{name} ({id}) has a current budget of {current} and no disbursement as of {as_of}, with time "
     "progress at {progress}% (threshold {threshold}%)"},
    {"monitoring.q3_summons", "monitoring", "", Severity::kError, "0", kQ3Params,
     "三季度末执行率偏低约谈", "Summons: execution rate low at the end of Q3",
     "{name}（{id}）截至{as_of}（三季度末{q3_end}之后）预算执行率{rate}%，低于{threshold}%，应约谈",
     "{name} ({id}) as of {as_of} (after the Q3 end {q3_end}): execution rate {rate}% is below "
     "{threshold}%; summons (约谈)"},
    {"monitoring.overspend_warning", "monitoring", "", Severity::kWarning, "0",
     kOverspendWarningParams, "超预算预警", "Budget usage near the limit",
     "{name}（{id}）已支出{executed}，占全年预算{current}的{usage}%，达到{threshold}%；越线支出：{disbursement}（{date}，{amount}）",
     "{name} ({id}) has spent {executed}, {usage}% of its current budget {current}, reaching "
     "{threshold}%; the disbursement that crossed the line: {disbursement} ({date}, {amount})"},
    {"monitoring.overspend_error", "monitoring", "", Severity::kError, "0", kOverspendErrorParams,
     "超预算支出", "Spending above the current budget",
     "{name}（{id}）已支出{executed}，占全年预算{current}的{usage}%，超过{threshold}%；越线支出：{disbursement}（{date}，{amount}）",
     "{name} ({id}) has spent {executed}, {usage}% of its current budget {current}, above "
     "{threshold}%; the disbursement that crossed the line: {disbursement} ({date}, {amount})"},
    {"monitoring.zero_budget",
     "monitoring",
     "",
     Severity::kInfo,
     "0",
     {},
     "全年预算为零",
     "Current budget is zero",
     "{name}（{id}）截至{as_of}全年预算为{current}，执行率按0计，不评价序时进度偏差",
     "{name} ({id}) has a current budget of {current} as of {as_of}; the execution rate is taken "
     "as 0 and no time-progress gap is assessed"},
    {"monitoring.indicator_behind",
     "monitoring",
     "",
     Severity::kWarning,
     "0",
     {},
     "绩效指标进度滞后",
     "Indicator behind its target",
     "{name}（{id}）指标“{indicator}”截至{date}完成值{actual}，按序时进度{progress}%应达{expected}（目标{target}），目标可能无法实现",
     "{name} ({id}) indicator \"{indicator}\": actual {actual} as of {date} against {expected} "
     "expected at time progress {progress}% (target {target}); the goal may be missed"},
    {"reclaim.unimplemented",
     "reclaim",
     "",
     Severity::kInfo,
     "0",
     {},
     "未实施项目收回",
     "Unimplemented project: reclaim",
     "{name}（{id}）未实施，收回未支出的全年预算{amount}（全年预算{current}，已支出{executed}）；{split}",
     "{name} ({id}) is not implemented: reclaim the unspent current budget {amount} (current "
     "{current}, executed {executed}); {split}"},
    {"reclaim.surplus_finished",
     "reclaim",
     "",
     Severity::kInfo,
     "0",
     {},
     "已完成或终止项目结余收回",
     "Finished or terminated project: reclaim the surplus",
     "{name}（{id}）已完成或终止，收回结余{amount}（全年预算{current}，已支出{executed}）；{split}",
     "{name} ({id}) is finished or terminated: reclaim the surplus {amount} (current {current}, "
     "executed {executed}); {split}"},
    {"reclaim.carry_over_two_years", "reclaim", "", Severity::kInfo, "0", kCarryOverParams,
     "结转资金连续两年未用完收回", "Carry-over unspent for two years: reclaim",
     "{name}（{id}）{origin_year}年及以前的结转资金已满{threshold}年仍未用完，收回{amount}；{split}",
     "{name} ({id}) carry-over funds from {origin_year} or earlier are unspent after {threshold} "
     "years: reclaim {amount}; {split}"},
    {"reclaim.lagging_with_plan",
     "reclaim",
     "",
     Severity::kInfo,
     "0",
     {},
     "执行滞后项目预计结转收回",
     "Lagging project: reclaim the expected carry-over",
     "{name}（{id}）执行滞后，按用款计划{as_of}后尚需支付{planned_after}，预计年末结转{amount}（全年预算{current}，已支出{executed}），建议收回或调剂；{split}",
     "{name} ({id}) is lagging; its payment plan still needs {planned_after} after {as_of}, so "
     "{amount} is expected to be carried over (current {current}, executed {executed}): reclaim or "
     "re-allocate; {split}"},
    {"reclaim.lagging_without_plan",
     "reclaim",
     "",
     Severity::kWarning,
     "0",
     {},
     "执行滞后项目无用款计划",
     "Lagging project without a payment plan",
     "{name}（{id}）执行滞后（全年预算{current}，已支出{executed}），但未报送用款计划，无法测算收回金额，请督促单位报送",
     "{name} ({id}) is lagging (current {current}, executed {executed}) but has no payment plan: "
     "no amount can be proposed; ask the unit for one"},
};

}  // namespace

// What Monitor checks before it runs (monitor_internal.cc CheckBands), checked
// where a profile is loaded too.
constexpr ParamOrderSpec kMonitoringOrders[] = {
    {{"monitoring.gap_yellow", "min_gap_pp", ""},
     {"monitoring.gap_red", "min_gap_pp", ""},
     true,
     true,
     "overlapping warning bands"},
    {{"monitoring.overspend_warning", "min_usage_percent", ""},
     {"monitoring.overspend_error", "max_usage_percent", ""},
     false,
     true,
     "overlapping over-spend bands"},
    {{"", "", "0"},
     {"monitoring.gap_yellow", "min_gap_pp", ""},
     false,
     true,
     "a gap threshold may not be negative"},
    {{"", "", "0"},
     {"monitoring.gap_red", "min_gap_pp", ""},
     false,
     true,
     "a gap threshold may not be negative"},
};

std::span<const RuleSpec> MonitoringRuleCatalog() { return kMonitoringRules; }
std::span<const ParamOrderSpec> MonitoringParamOrders() { return kMonitoringOrders; }

}  // namespace perfbudget
