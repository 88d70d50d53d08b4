// rule_catalog_evaluation.cc: the self-evaluation scoring (单位自评, area
// "selfeval") and result application (结果应用, area "results") rules, with
// their DOMAIN.md §6 / §7 defaults.
//
// The numbers these rules use (block shares, qualitative percentages, the
// far-below line, the self-score tolerance, the grade consequences) live in
// the policy's typed sections `self_evaluation` and `result_application`
// (policy.h), not in rule params: they are shared by several rules.
//
// Scoring codes explain where an indicator's points went; they always apply
// (a profile may change their severity, not switch them off). Flag codes
// (no_actual, target_unreadable, far_below_without_reason,
// self_score_inflated, block_missing, weights_partial, points_not_100) may
// be switched off.
//
// Placeholders of the indicator messages: {goal} {owner} {owner_name}
// {indicator} {comparator} {target} {target_high} {uom} {actual} {date}
// {attainment} {earned} {points} {lost} {percent} {grade} {far_below}.
// Goal messages: {goal} {owner} {owner_name} {rate} {executed} {current}
// {earned} {points} {lost} {block} {total} {score} {reported} {computed}
// {difference} {threshold} {evaluation} {redistributed}.
// Result messages: {id} {name} {evaluation} {kind} {grade} {score} {base}
// {cut} {percent} {proposed} {year} {suggestion} {split}.
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

constexpr RuleSpec kEvaluationRules[] = {
    // ---- scoring (always applied) -------------------------------------------------
    {"selfeval.execution_rate",
     "selfeval",
     "",
     Severity::kInfo,
     "0",
     {},
     "预算执行率得分",
     "Execution-rate points",
     "{owner_name}（{owner}）目标{goal}：预算执行率{rate}%（已支出{executed}，全年预算{current}），"
     "得{earned}分（满分{points}分，失{lost}分）",
     "{owner_name} ({owner}) goal {goal}: execution rate {rate}% (executed {executed} of a current "
     "budget of {current}) earns {earned} of {points} points ({lost} lost)"},
    {"selfeval.zero_budget",
     "selfeval",
     "",
     Severity::kInfo,
     "0",
     {},
     "全年预算为零",
     "Current budget is zero",
     "{owner_name}（{owner}）目标{goal}：全年预算为{current}，预算执行率得0分（满分{points}分）",
     "{owner_name} ({owner}) goal {goal}: the current budget is {current}; the execution rate earns "
     "0 of {points} points"},
    {"selfeval.higher_is_better",
     "selfeval",
     "",
     Severity::kInfo,
     "0",
     {},
     "正向指标得分",
     "Higher-is-better indicator",
     "{owner_name}（{owner}）指标“{indicator}”目标{comparator}{target}{uom}，完成值{actual}{uom}，完成率{attainment}%，"
     "得{earned}分（满分{points}分，失{lost}分；超额完成不加分）",
     "{owner_name} ({owner}) indicator \"{indicator}\": target {comparator}{target}{uom}, actual {actual}{uom}, attainment "
     "{attainment}%: {earned} of {points} points ({lost} lost; over-achievement earns nothing)"},
    {"selfeval.lower_is_better",
     "selfeval",
     "",
     Severity::kInfo,
     "0",
     {},
     "反向指标得分",
     "Lower-is-better indicator",
     "{owner_name}（{owner}）指标“{indicator}”目标{comparator}{target}{uom}，完成值{actual}{uom}，按目标÷完成值计{attainment}%，"
     "得{earned}分（满分{points}分，失{lost}分）",
     "{owner_name} ({owner}) indicator \"{indicator}\": target {comparator}{target}{uom}, actual {actual}{uom}, target ÷ "
     "actual = {attainment}%: {earned} of {points} points ({lost} lost)"},
    {"selfeval.equal",
     "selfeval",
     "",
     Severity::kInfo,
     "0",
     {},
     "等于型指标得分",
     "Equal-to indicator",
     "{owner_name}（{owner}）指标“{indicator}”目标={target}{uom}，完成值{actual}{uom}，按1−|偏差|÷|目标|计{attainment}%，"
     "得{earned}分（满分{points}分，失{lost}分）",
     "{owner_name} ({owner}) indicator \"{indicator}\": target = {target}{uom}, actual {actual}{uom}, 1 − |deviation| ÷ "
     "|target| = {attainment}%: {earned} of {points} points ({lost} lost)"},
    {"selfeval.range",
     "selfeval",
     "",
     Severity::kInfo,
     "0",
     {},
     "区间型指标得分",
     "Range indicator",
     "{owner_name}（{owner}）指标“{indicator}”目标区间[{target}, {target_high}]{uom}，完成值{actual}{uom}，计{attainment}%，"
     "得{earned}分（满分{points}分，失{lost}分）",
     "{owner_name} ({owner}) indicator \"{indicator}\": target range [{target}, {target_high}]{uom}, actual {actual}{uom}, "
     "{attainment}%: {earned} of {points} points ({lost} lost)"},
    {"selfeval.qualitative",
     "selfeval",
     "",
     Severity::kInfo,
     "0",
     {},
     "定性指标得分",
     "Qualitative indicator",
     "{owner_name}（{owner}）定性指标“{indicator}”完成情况为“{grade}”，按{percent}%计，得{earned}分（满分{points}分，失{lost}分）",
     "{owner_name} ({owner}) qualitative indicator \"{indicator}\": attainment \"{grade}\" counts {percent}%: {earned} of "
     "{points} points ({lost} lost)"},
    // ---- flags ----------------------------------------------------------------------
    {"selfeval.no_actual",
     "selfeval",
     "",
     Severity::kWarning,
     "0",
     {},
     "指标无完成值",
     "Indicator without an actual",
     "{owner_name}（{owner}）指标“{indicator}”截至{date}无完成值，得0分（满分{points}分）",
     "{owner_name} ({owner}) indicator \"{indicator}\" has no actual as of {date}: 0 of {points} points"},
    {"selfeval.target_unreadable",
     "selfeval",
     "",
     Severity::kWarning,
     "0",
     {},
     "指标值无法计分",
     "Target cannot be scored",
     "{owner_name}（{owner}）指标“{indicator}”的指标值“{target}”不是可比较的数值（比较符号{comparator}），无法计分，得0分（满分{points}分）",
     "{owner_name} ({owner}) indicator \"{indicator}\": its target \"{target}\" is not a number the comparator "
     "{comparator} can use: 0 of {points} points"},
    {"selfeval.far_below_without_reason",
     "selfeval",
     "",
     Severity::kWarning,
     "0",
     {},
     "未达标指标未说明偏差原因",
     "Far below target without an explanation",
     "{owner_name}（{owner}）指标“{indicator}”完成率{attainment}%，低于{far_below}%（失{lost}分），但未说明偏差原因",
     "{owner_name} ({owner}) indicator \"{indicator}\" is at {attainment}%, below {far_below}% ({lost} points lost), and "
     "gives no explanation of the deviation (偏差原因)"},
    {"selfeval.block_missing",
     "selfeval",
     "",
     Severity::kInfo,
     "0",
     {},
     "缺少一级指标",
     "Level-1 block missing",
     "{owner_name}（{owner}）目标{goal}缺少{block}指标，其{points}分{redistributed}",
     "{owner_name} ({owner}) goal {goal} has no {block} indicator; its {points} points "
     "{redistributed}"},
    {"selfeval.weights_partial",
     "selfeval",
     "",
     Severity::kWarning,
     "0",
     {},
     "部分指标未设权重",
     "Weights given for some indicators only",
     "{owner_name}（{owner}）目标{goal}只有部分指标设置了权重，按未设权重处理（各一级指标分值在其指标间平均分配）",
     "{owner_name} ({owner}) goal {goal} gives weights for some indicators only; scored as without "
     "weights (each level-1 share split equally)"},
    {"selfeval.points_not_100",
     "selfeval",
     "",
     Severity::kWarning,
     "0",
     {},
     "满分不为100分",
     "Points do not total 100",
     "{owner_name}（{owner}）目标{goal}的指标分值合计加预算执行率分值为{total}分，不是100分",
     "{owner_name} ({owner}) goal {goal}: indicator points plus execution-rate points total "
     "{total}, not 100"},
    {"selfeval.self_score_inflated",
     "selfeval",
     "",
     Severity::kError,
     "0",
     {},
     "自评分数虚高",
     "Self-score inflated",
     "{owner_name}（{owner}）自评{evaluation}报告得分{reported}分，按数据计算为{computed}分，高出{difference}分，超过{threshold}分",
     "{owner_name} ({owner}) self-evaluation {evaluation} reports {reported} points; the data give "
     "{computed}, {difference} points less, more than {threshold}"},
    // ---- result application ------------------------------------------------------------
    {"results.priority",
     "results",
     "",
     Severity::kInfo,
     "0",
     {},
     "优先保障",
     "Priority",
     "{name}（{id}）评价{evaluation}为“{grade}”，{year}年预算优先保障（基数{base}）",
     "{name} ({id}): evaluation {evaluation} graded {grade}; the {year} budget is a priority (base "
     "{base})"},
    {"results.keep",
     "results",
     "",
     Severity::kInfo,
     "0",
     {},
     "按需保持",
     "Kept",
     "{name}（{id}）评价{evaluation}为“{grade}”，{year}年预算按需保持（基数{base}）",
     "{name} ({id}): evaluation {evaluation} graded {grade}; the {year} budget is kept as needed "
     "(base {base})"},
    {"results.cut",
     "results",
     "",
     Severity::kWarning,
     "0",
     {},
     "压减预算",
     "Budget cut",
     "{name}（{id}）评价{evaluation}为“{grade}”，{year}年预算压减{percent}%即{cut}（基数{base}，建议安排{proposed}）；{split}",
     "{name} ({id}): evaluation {evaluation} graded {grade}; cut the {year} budget by {percent}%, "
     "{cut} (base {base}, proposed {proposed}); {split}"},
    {"results.cancel",
     "results",
     "",
     Severity::kError,
     "0",
     {},
     "取消或暂停",
     "Cancelled",
     "{name}（{id}）评价{evaluation}为“{grade}”，{year}年预算取消或暂停，压减{percent}%即{cut}（基数{base}）；{split}",
     "{name} ({id}): evaluation {evaluation} graded {grade}; the {year} budget is cancelled or "
     "suspended, {percent}% cut, {cut} (base {base}); {split}"},
    {"results.merge",
     "results",
     "",
     Severity::kWarning,
     "0",
     {},
     "优化整合",
     "Merged or optimised",
     "{name}（{id}）评价{evaluation}建议“{suggestion}”，{year}年预算优化整合，压减{percent}%即{cut}（基数{base}，建议安排{proposed}）；{split}",
     "{name} ({id}): evaluation {evaluation} recommends \"{suggestion}\"; merged or optimised in "
     "the {year} budget, {percent}% cut, {cut} (base {base}, proposed {proposed}); {split}"},
};

}  // namespace

std::span<const RuleSpec> EvaluationRuleCatalog() { return kEvaluationRules; }

}  // namespace perfbudget
