// rule_catalog_followup.cc: the rules of the evaluation follow-up — the
// fiscal-evaluation coverage plan (coverage.*), rectification (rectification.*)
// and disclosure (disclosure.*) — with their DOMAIN.md §6 / §7 defaults.
//
// Placeholders. Coverage: {id} {name} {unit} {year} {window} {window_start}
// {deadline} {last} {reasons} {current} {capacity} {planned} {due}
// {recommended} {evaluated} {breaches} {amount}. Rectification: {id}
// {description} {owner} {due} {as_of} {status} {days} {evaluation} {subject}
// {problems} {items}. Disclosure: {id} {name} {year} {evaluation} {subject}
// {kind}.
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

constexpr RuleParamSpec kPlanParams[] = {
    {"window_years", "5",
     "every key project gets a fiscal evaluation at least once in any this many years"},
    {"max_projects", "0",
     "projects evaluated per year at most; 0 = the even pace, ceil(key projects / window_years)"},
    {"max_amount_wan", "0",
     "current budgets (万元) evaluated per year at most; 0 = no limit on the amount"},
    {"horizon_years", "0", "years planned, the first included; 0 = window_years"},
    {"count_third_party", "1", "1 = third-party evaluations count as fiscal evaluations"},
};
constexpr RuleParamSpec kOverdueParams[] = {
    {"grace_days", "0", "an item not done is overdue this many days after its due date"},
};
constexpr RuleParamSpec kKeyGoalParams[] = {
    {"key_only", "1",
     "1 = the goals of key projects must be published this way; 0 = of every budgeted project"},
};
constexpr RuleParamSpec kResultParams[] = {
    {"unit_level", "1", "1 = unit-level (部门整体) fiscal evaluations too"},
};

constexpr RuleSpec kFollowupRules[] = {
    // --- coverage (财政评价全覆盖)
    {"coverage.plan", "coverage", "", Severity::kInfo, "0", kPlanParams, "财政评价年度计划",
     "Fiscal evaluation plan of the year",
     "{year}年计划对{planned}个重点项目开展财政评价（应评{due}个、建议{recommended}个，本年已评{evaluated}个），"
     "涉及全年预算{amount}；每年评价能力{capacity}，{window}年全覆盖；超出能力无法安排的应评项目{breaches}个",
     "{year}: fiscal evaluations planned for {planned} key projects ({due} due, {recommended} "
     "recommended; {evaluated} already evaluated this year), current budgets {amount}; capacity "
     "{capacity} a year, full coverage every {window} years; {breaches} due projects beyond "
     "capacity"},
    {"coverage.due",
     "coverage",
     "",
     Severity::kWarning,
     "0",
     {},
     "重点项目本年应开展财政评价",
     "Key project due for a fiscal evaluation",
     "{name}（{id}，{unit}）{last}，{year}年不开展财政评价则{window_start}—{year}年{window}年内没有财政评价",
     "{name} ({id}, {unit}): {last}; without a fiscal evaluation in {year}, the {window} years "
     "{window_start}–{year} would have none"},
    {"coverage.overdue",
     "coverage",
     "",
     Severity::kError,
     "0",
     {},
     "重点项目超过5年未开展财政评价",
     "Key project past the coverage window",
     "{name}（{id}，{unit}）{last}，{window_start}—{deadline}年{window}年内没有财政评价，已违反{window}年全覆盖规则",
     "{name} ({id}, {unit}): {last}; the {window} years {window_start}–{deadline} had no fiscal "
     "evaluation: the {window}-year coverage rule is already broken"},
    {"coverage.recommended",
     "coverage",
     "",
     Severity::kInfo,
     "0",
     {},
     "建议本年开展财政评价",
     "Recommended for a fiscal evaluation this year",
     "建议{year}年对{name}（{id}，{unit}）开展财政评价：{reasons}",
     "{name} ({id}, {unit}) is recommended for a fiscal evaluation in {year}: {reasons}"},
    {"coverage.breach",
     "coverage",
     "",
     Severity::kError,
     "0",
     {},
     "评价能力不足将违反全覆盖规则",
     "Capacity too small to keep the coverage rule",
     "按每年{capacity}的评价能力，{name}（{id}，{unit}）{year}年无法安排财政评价，{window_start}—{year}年{window}年内将没有财政评价",
     "with a capacity of {capacity} a year, {name} ({id}, {unit}) cannot be evaluated in {year}: "
     "the {window} years {window_start}–{year} will have no fiscal evaluation"},
    // --- rectification (整改)
    {"rectification.overdue", "rectification", "", Severity::kError, "0", kOverdueParams,
     "整改逾期", "Rectification overdue",
     "整改事项{id}（{subject}）“{description}”整改期限{due}，截至{as_of}仍为{status}，已逾期{days}天",
     "rectification item {id} ({subject}) \"{description}\" was due {due}; as of {as_of} it is "
     "still {status}, {days} days overdue"},
    {"rectification.no_owner",
     "rectification",
     "",
     Severity::kWarning,
     "0",
     {},
     "整改事项未明确责任人",
     "Rectification item without an owner",
     "整改事项{id}（{subject}）“{description}”未明确整改责任人",
     "rectification item {id} ({subject}) \"{description}\" names no owner"},
    {"rectification.no_due_date",
     "rectification",
     "",
     Severity::kWarning,
     "0",
     {},
     "整改事项未明确整改期限",
     "Rectification item without a due date",
     "整改事项{id}（{subject}）“{description}”未明确整改期限",
     "rectification item {id} ({subject}) \"{description}\" has no due date"},
    {"rectification.problem_without_item",
     "rectification",
     "",
     Severity::kWarning,
     "0",
     {},
     "评价发现问题未全部建立整改事项",
     "Evaluation problems without rectification items",
     "评价{evaluation}（{subject}）发现问题{problems}个，仅建立整改事项{items}个",
     "evaluation {evaluation} ({subject}) found {problems} problems but has only {items} "
     "rectification items"},
    // --- disclosure (公开)
    {"disclosure.goal_not_with_budget", "disclosure", "", Severity::kWarning, "0", kKeyGoalParams,
     "重点项目绩效目标未随部门预算公开", "Key project goal not published with the budget",
     "{kind}{name}（{id}）{year}年绩效目标未随部门预算公开",
     "the {year} goal of {kind} {name} ({id}) was not published with the department budget"},
    {"disclosure.goal_not_with_approval", "disclosure", "", Severity::kWarning, "0", kKeyGoalParams,
     "重点项目绩效目标未随预算批复公开", "Key project goal not published with the budget approval",
     "{kind}{name}（{id}）{year}年绩效目标未随预算批复公开",
     "the {year} goal of {kind} {name} ({id}) was not published with the budget approval"},
    {"disclosure.result_not_with_final_accounts", "disclosure", "", Severity::kWarning, "0",
     kResultParams, "财政评价结果未随决算公开",
     "Fiscal evaluation result not published with the final accounts",
     "{kind}{evaluation}（{subject}）的评价结果未随部门决算公开",
     "the result of {kind} {evaluation} ({subject}) was not published with the final accounts"},
};

}  // namespace

std::span<const RuleSpec> FollowupRuleCatalog() { return kFollowupRules; }

}  // namespace perfbudget
