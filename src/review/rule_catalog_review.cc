// rule_catalog_review.cc: the goal-review (绩效目标审核, 财预〔2015〕88号) and
// ex-ante (事前绩效评估) rules, grouped by the four review dimensions
// 完整性 completeness · 相关性 relevance · 适当性 appropriateness · 可行性
// feasibility, with their DOMAIN.md §2–§4 defaults.
//
// The reasons the national system records for sending a goal back map onto
// these codes (docs/policy.md has the table): 指标不完整 → completeness.missing_*;
// 细化量化不够 → relevance.not_quantified, completeness.target_missing_comparator_or_unit;
// 与项目相关性不强 → relevance.low_text_relevance; 指标与指标值不匹配 →
// feasibility.target_unreadable; 指标需拆分 → relevance.should_split;
// 一二级指标错误 → relevance.level2_under_wrong_level1; 补充明确的产出/效益/
// 满意度指标 → completeness.missing_output / _benefit / _satisfaction; 其他 →
// other.comment.
//
// Placeholders every message may use: {goal} (goal id) {project} {unit}
// {indicator} (indicator name) {index} (1-based position) plus the
// rule-specific ones named in each template.
#include "perfbudget/policy/rule_catalog.h"
#include "review/review_rules.h"

namespace perfbudget {
namespace {

constexpr RuleParamSpec kUnitGoalsOn[] = {
    {"unit_goals", "1", "1 = also check unit-level (部门整体) goals, 0 = project goals only"},
};
constexpr RuleParamSpec kUnitGoalsOff[] = {
    {"unit_goals", "0", "1 = also check unit-level (部门整体) goals, 0 = project goals only"},
};
constexpr RuleParamSpec kGoalTextParams[] = {
    {"min_chars", "5", "the goal statement needs at least this many characters (code points)"},
};
constexpr RuleParamSpec kNotQuantifiedParams[] = {
    {"max_qualitative_percent", "50",
     "fires when more than this percent of a goal's indicators are qualitative (定性)"},
};
constexpr RuleParamSpec kTextRelevanceParams[] = {
    {"min_percent", "1",
     "below this percent of an indicator's specific (not common) character bigrams found in the "
     "project name, category, goal text and the category's core indicators, the indicator is "
     "checked for positive evidence of unrelatedness (terms of a domain the project does not touch)"},
    {"check_goal_text", "1",
     "1 = also compare the goal statement with the project name and category"},
    {"check_quantity", "1", "1 = check output quantity (数量) indicators"},
    {"check_quality", "1", "1 = check output quality (质量) indicators"},
    {"check_benefit", "1", "1 = check benefit (效益) indicators"},
    {"unit_goals", "0",
     "1 = also check unit-level goals against the unit's name (a unit's functions are broad)"},
};
constexpr RuleParamSpec kShouldSplitParams[] = {
    {"min_part_chars", "2",
     "each side of 和/及/与/、/以及 needs at least this many characters to count as two measures"},
    {"check_satisfaction", "0",
     "1 = also check satisfaction indicators (\"企业及群众满意度\" is usually one survey)"},
};
constexpr RuleParamSpec kGoalUnrelatedParams[] = {
    {"min_unrelated_percent", "50",
     "fires when the goal statement shares nothing with the project and at least this percent of "
     "the indicators checked for relevance do not either"},
};
constexpr RuleParamSpec kWeightsParams[] = {
    {"total", "100", "indicator weights of a goal should sum to this"},
    {"execution_points", "10",
     "a sum of total − execution_points is also accepted (the execution-rate points scored apart)"},
};
constexpr RuleParamSpec kPercentParams[] = {
    {"max_percent", "100", "a target in % above this fires"},
};
constexpr RuleParamSpec kSatisfactionLowParams[] = {
    {"min_percent", "80", "a satisfaction target in % below this fires"},
};
constexpr RuleParamSpec kBaselineParams[] = {
    {"tolerance_percent", "0",
     "a higher-is-better target may be this percent below its baseline before the rule fires"},
};
constexpr RuleParamSpec kUnitCostParams[] = {
    {"tolerance_percent", "30",
     "fires when budget ÷ quantity differs from the unit-cost benchmark by more than this percent"},
};
constexpr RuleParamSpec kLooserParams[] = {
    {"tolerance_percent", "0",
     "a lower-is-better target may be this percent above its baseline before the rule fires"},
};
constexpr RuleParamSpec kBuyParams[] = {
    {"tolerance_percent", "0",
     "fires when budget ÷ quantity is more than this percent below the low end of the category's "
     "reference unit cost"},
};
constexpr RuleParamSpec kMissingExAnteParams[] = {
    {"threshold", "1000000",
     "new projects applying for at least this many yuan need an ex-ante assessment"},
    {"continuing", "0", "1 = continuing (延续) projects need one too"},
};
constexpr RuleParamSpec kExAnteBandParams[] = {
    {"supported_min", "80", "total ex-ante score from which the project is supported (予以支持)"},
    {"revision_min", "60",
     "total from which it is supported after revision (修改完善后支持); below: not supported"},
    {"dimension_max", "20",
     "maximum points of each of the five ex-ante dimensions; a score outside 0..max fires "
     "feasibility.ex_ante_score_out_of_range"},
};

using review_internal::kRuleCount;

constexpr RuleSpec kReviewRules[] = {
    // ---- 完整性 completeness ------------------------------------------------
    {"completeness.missing_level1",
     "review",
     "completeness",
     Severity::kBlocker,
     "40",
     {},
     "未设置绩效指标",
     "No indicators",
     "绩效目标{goal}未设置任何绩效指标，产出、效益、满意度等一级指标均缺失",
     "Goal {goal} has no indicators: every level-1 kind (output, benefit, satisfaction) is missing"},
    {"completeness.missing_output", "review", "completeness", Severity::kError, "10", kUnitGoalsOn,
     "缺少产出指标", "No output indicator",
     "绩效目标{goal}未设置产出指标（数量、质量、时效），请补充明确的产出指标",
     "Goal {goal} has no output indicator (quantity, quality, timeliness); add clear output indicators"},
    {"completeness.missing_benefit", "review", "completeness", Severity::kError, "10", kUnitGoalsOn,
     "缺少效益指标", "No benefit indicator",
     "绩效目标{goal}未设置效益指标（经济、社会、生态效益或可持续影响），请补充明确的效益指标",
     "Goal {goal} has no benefit indicator (economic, social, ecological, sustainability); add clear "
     "benefit indicators"},
    {"completeness.missing_satisfaction", "review", "completeness", Severity::kWarning, "5",
     kUnitGoalsOff, "缺少满意度指标", "No satisfaction indicator",
     "绩效目标{goal}未设置满意度指标，请补充服务对象满意度指标",
     "Goal {goal} has no satisfaction indicator; add a beneficiary-satisfaction indicator"},
    {"completeness.missing_cost", "review", "completeness", Severity::kError, "5", kUnitGoalsOff,
     "缺少成本指标", "No cost indicator",
     "绩效目标{goal}未设置成本指标（经济成本、社会成本、生态环境成本），按财预〔2021〕101号应予补充",
     "Goal {goal} has no cost indicator (economic, social, environmental cost), required as a "
     "level-1 kind by Cai Yu [2021] No. 101",
     false},
    {"completeness.goal_text_missing", "review", "completeness", Severity::kError, "10",
     kGoalTextParams, "总体目标缺失或过于简单", "Goal statement missing or too short",
     "绩效目标{goal}的总体目标“{text}”仅{chars}个字，少于{min_chars}个字，内容不完整、不明确",
     "Goal {goal}: the statement \"{text}\" has {chars} characters, fewer than {min_chars}; it is "
     "incomplete or unclear"},
    {"completeness.indicator_name_missing",
     "review",
     "completeness",
     Severity::kError,
     "3",
     {},
     "指标名称缺失",
     "Indicator name missing",
     "绩效目标{goal}第{index}个指标未填写指标名称",
     "Goal {goal}: indicator #{index} has no name"},
    {"completeness.target_missing_comparator_or_unit",
     "review",
     "completeness",
     Severity::kWarning,
     "2",
     {},
     "指标值缺少比较符号或计量单位",
     "Target without comparator or unit",
     "指标“{indicator}”的指标值“{target_text}”缺少{missing_zh}，无法考核",
     "Indicator \"{indicator}\": the target \"{target_text}\" has no {missing_en}; it cannot be "
     "assessed"},
    {"completeness.target_missing",
     "review",
     "completeness",
     Severity::kError,
     "5",
     {},
     "未填写指标值",
     "Target value missing",
     "指标“{indicator}”未填写指标值，无法考核",
     "Indicator \"{indicator}\" has no target value; it cannot be assessed"},
    {"completeness.missing_core_indicator", "review", "completeness", Severity::kWarning, "1",
     kUnitGoalsOff, "缺少核心绩效指标", "Core indicator missing",
     "绩效目标{goal}未设置“{category}”类项目的核心指标“{core}”（{core_level}，{core_unit_zh}；核心绩效指标体系，同义名称：{synonyms}）",
     "Goal {goal} lacks the core indicator \"{core}\" of category \"{category}\" ({core_level_en}, "
     "{core_unit_en}; core indicator library, also named: {synonyms})"},
    // ---- 相关性 relevance ---------------------------------------------------
    {"relevance.level2_under_wrong_level1",
     "review",
     "relevance",
     Severity::kError,
     "3",
     {},
     "一二级指标错误",
     "Level-2 kind under the wrong level 1",
     "指标“{indicator}”的二级指标“{level2}”不属于一级指标“{level1}”，应归入“{natural}”",
     "Indicator \"{indicator}\": level-2 kind {level2_en} does not belong under {level1_en}; it "
     "belongs under {natural_en}"},
    {"relevance.not_quantified", "review", "relevance", Severity::kWarning, "5",
     kNotQuantifiedParams, "指标细化量化不够", "Indicators not quantified enough",
     "绩效目标{goal}的{count}个指标中有{qualitative}个为定性指标（{share}%），超过{max_percent}%，应尽量细化、量化",
     "Goal {goal}: {qualitative} of {count} indicators are qualitative ({share}%), more than "
     "{max_percent}%; make them specific and quantified"},
    {"relevance.low_text_relevance", "review", "relevance", Severity::kWarning, "2",
     kTextRelevanceParams, "与项目相关性不强", "Weak relevance to the project",
     "“{subject}”{evidence_zh}，而项目“{context}”属于{context_domains_zh}，二者没有共同的具体内容（关联度{share}%，低于{min_percent}%{common_zh}），与项目相关性不强",
     "\"{subject}\" {evidence_en}, while the project \"{context}\" is about {context_domains_en}; "
     "they share no specific term ({share}% related, below {min_percent}%{common_en}): weak "
     "relevance to the project"},
    {"relevance.duplicate_indicator",
     "review",
     "relevance",
     Severity::kWarning,
     "2",
     {},
     "指标重复",
     "Duplicate indicator",
     "指标“{indicator}”（第{index}个）与第{first}个指标重复",
     "Indicator \"{indicator}\" (#{index}) duplicates indicator #{first}"},
    {"relevance.should_split", "review", "relevance", Severity::kWarning, "1", kShouldSplitParams,
     "指标需拆分", "Indicator should be split",
     "指标“{indicator}”以“{separator}”连接了“{left}”和“{right}”两项内容，应拆分为两个指标",
     "Indicator \"{indicator}\" joins two measures (\"{left}\" and \"{right}\") with "
     "\"{separator}\"; split it into two indicators"},
    {"relevance.no_quantified_indicator",
     "review",
     "relevance",
     Severity::kBlocker,
     "20",
     {},
     "指标均未量化",
     "No quantified indicator",
     "绩效目标{goal}的{count}个指标均未量化（没有可读取的数值指标值），不符合细化、量化要求，无法考核",
     "Goal {goal}: none of its {count} indicators is quantified (no readable numeric target); it "
     "cannot be assessed"},
    {"relevance.goal_unrelated", "review", "relevance", Severity::kBlocker, "20",
     kGoalUnrelatedParams, "绩效目标与项目不符", "Goal unrelated to the project",
     "绩效目标{goal}的总体目标及{unrelated}/{checked}个指标与项目“{context}”均无内容关联，目标与项目不符",
     "Goal {goal}: the statement and {unrelated} of {checked} indicators share nothing with the "
     "project \"{context}\": the goal does not belong to this project"},
    {"relevance.indicator_kind_mismatch",
     "review",
     "relevance",
     Severity::kWarning,
     "2",
     {},
     "一二级指标归类错误",
     "Indicator filed under the wrong kind",
     "指标“{indicator}”{reason_zh}，却填在“{level1}·{level2}”下，应归入“{expected}”",
     "Indicator \"{indicator}\" {reason_en}, yet it is filed under {level1_en}/{level2_en}; it "
     "belongs under {expected_en}"},
    {"relevance.unit_differs_from_core",
     "review",
     "relevance",
     Severity::kWarning,
     "1",
     {},
     "计量单位与核心指标不一致",
     "Unit differs from the core indicator",
     "指标“{indicator}”的计量单位“{unit_of_measure}”与“{category}”类核心指标“{core}”的计量单位“{core_unit}”不一致，无法对标",
     "Indicator \"{indicator}\" is measured in \"{unit_of_measure}\" but the core indicator "
     "\"{core}\" of category \"{category}\" is in \"{core_unit}\": it cannot be benchmarked"},
    {"relevance.goal_text_contradicts_target",
     "review",
     "relevance",
     Severity::kWarning,
     "3",
     {},
     "总体目标与指标值不一致",
     "Goal statement contradicts a target",
     "总体目标写明“{quote}”（{text_value}{text_unit}），而指标“{indicator}”的指标值为{target}{unit_of_measure}，二者不一致",
     "The goal statement says \"{quote}\" ({text_value} {text_unit}) but indicator \"{indicator}\" "
     "targets {target} {unit_of_measure}: they disagree"},
    // ---- 适当性 appropriateness ---------------------------------------------
    {"appropriateness.weights_do_not_sum", "review", "appropriateness", Severity::kWarning, "3",
     kWeightsParams, "指标权重合计不符", "Weights do not sum",
     "绩效目标{goal}的指标权重合计为{sum}（{missing}个指标未设权重），应为{total}或{alt_total}",
     "Goal {goal}: indicator weights sum to {sum} ({missing} indicators without a weight); expected "
     "{total} or {alt_total}"},
    {"appropriateness.percent_over_100", "review", "appropriateness", Severity::kError, "5",
     kPercentParams, "百分比指标值超过100%", "Percentage target above 100%",
     "指标“{indicator}”的指标值{target}%超过{max_percent}%",
     "Indicator \"{indicator}\": the target {target}% exceeds {max_percent}%"},
    {"appropriateness.satisfaction_too_low", "review", "appropriateness", Severity::kWarning, "3",
     kSatisfactionLowParams, "满意度指标值偏低", "Satisfaction target too low",
     "满意度指标“{indicator}”的指标值{target}%低于{min_percent}%",
     "Satisfaction indicator \"{indicator}\": the target {target}% is below {min_percent}%"},
    {"appropriateness.satisfaction_exactly_100",
     "review",
     "appropriateness",
     Severity::kWarning,
     "1",
     {},
     "满意度指标值为100%",
     "Satisfaction target of exactly 100%",
     "满意度指标“{indicator}”的指标值为100%，目标设置不切实际，建议按历史水平设定",
     "Satisfaction indicator \"{indicator}\": a target of exactly 100% is unrealistic; set it from "
     "past results"},
    {"appropriateness.target_below_baseline", "review", "appropriateness", Severity::kWarning, "3",
     kBaselineParams, "指标值低于上年实际", "Target below its baseline",
     "指标“{indicator}”的指标值{target}{unit_of_measure}低于上年实际值{baseline}{unit_of_measure}，目标偏低",
     "Indicator \"{indicator}\": the target {target}{unit_of_measure} is below last year's actual "
     "{baseline}{unit_of_measure}; the goal is set too low"},
    {"appropriateness.cost_exceeds_budget",
     "review",
     "appropriateness",
     Severity::kError,
     "5",
     {},
     "成本指标超过项目预算",
     "Cost indicators exceed the budget",
     "绩效目标{goal}的成本指标合计{cost}，超过项目预算{budget}",
     "Goal {goal}: cost indicators total {cost_en}, more than the project budget {budget_en}"},
    {"appropriateness.unit_cost_off_benchmark", "review", "appropriateness", Severity::kWarning,
     "3", kUnitCostParams, "单位成本偏离标准", "Unit cost far from its benchmark",
     "项目预算{budget}÷“{quantity}”{target}{quantity_unit}=单位成本{unit_cost}{cost_unit}，与“{indicator}”的标准{benchmark}{cost_unit}相差{deviation}%（超过{tolerance_percent}%），资金与目标不匹配",
     "Budget {budget_en} ÷ \"{quantity}\" {target} {quantity_unit} = unit cost {unit_cost} {cost_unit}, "
     "{deviation}% away from the benchmark {benchmark} {cost_unit} of \"{indicator}\" (tolerance "
     "{tolerance_percent}%): money and goal do not match"},
    {"appropriateness.target_looser_than_baseline", "review", "appropriateness", Severity::kWarning,
     "3", kLooserParams, "指标值宽于上年实际", "Target looser than last year",
     "指标“{indicator}”越低越好（{comparator}），指标值{target}{unit_of_measure}高于上年实际值{baseline}{unit_of_measure}，目标偏松",
     "Indicator \"{indicator}\" is lower-is-better ({comparator}) but its target {target} "
     "{unit_of_measure} is above last year's actual {baseline} {unit_of_measure}: the goal is set "
     "too loose"},
    {"appropriateness.target_off_core_benchmark",
     "review",
     "appropriateness",
     Severity::kWarning,
     "1",
     {},
     "指标值偏离核心指标参考区间",
     "Target outside the core benchmark",
     "指标“{indicator}”的指标值{target}{unit_of_measure}不在“{category}”类核心指标“{core}”的参考区间{low}至{high}{core_unit}内",
     "Indicator \"{indicator}\": the target {target} {unit_of_measure} is outside the range {low} "
     "to {high} {core_unit} of the core indicator \"{core}\" of category \"{category}\""},
    {"appropriateness.budget_cannot_buy_output", "review", "appropriateness", Severity::kWarning,
     "3", kBuyParams, "资金不足以完成产出", "Budget cannot buy the output",
     "项目预算{budget}÷“{quantity}”{target}{quantity_unit}=每{base_unit}{unit_cost}元，低于“{category}”类参考单位成本{low}至{high}元/{base_unit}（{basis}）{tolerance_zh}，资金与产出不匹配",
     "Budget {budget_en} ÷ \"{quantity}\" {target} {quantity_unit} = {unit_cost_en} yuan per "
     "{base_unit}, below the reference unit cost {low_en} to {high_en} yuan per {base_unit} of "
     "category \"{category}\" ({basis}){tolerance_en}: the money cannot buy the output"},
    // ---- 可行性 feasibility -------------------------------------------------
    {"feasibility.timeliness_after_year_end",
     "review",
     "feasibility",
     Severity::kWarning,
     "3",
     {},
     "时效指标超出预算年度",
     "Timeliness target after the fiscal year",
     "时效指标“{indicator}”的指标值“{target_text}”超出{year}预算年度（截至{year_end}），年度内无法完成",
     "Timeliness indicator \"{indicator}\": the target \"{target_text}\" falls after the end of fiscal "
     "year {year} ({year_end}); it cannot be met within the year"},
    {"feasibility.target_unreadable",
     "review",
     "feasibility",
     Severity::kError,
     "5",
     {},
     "指标与指标值不匹配",
     "Target does not match its indicator",
     "指标“{indicator}”的指标值“{target_text}”{problem_zh}",
     "Indicator \"{indicator}\": the target \"{target_text}\" {problem_en}"},
    {"feasibility.missing_ex_ante", "exante", "feasibility", Severity::kBlocker, "0",
     kMissingExAnteParams, "未开展事前绩效评估", "No ex-ante assessment",
     "新增项目{project}申请{amount}，达到事前绩效评估标准{threshold}，但没有任何事前绩效评估记录（未开展评估），不得入库",
     "New project {project} applies for {amount_en}, at or above the ex-ante threshold {threshold_en}, "
     "and no ex-ante assessment of it exists at all: it may not enter the project library"},
    {"feasibility.ex_ante_not_supported", "exante", "feasibility", Severity::kBlocker, "0",
     kExAnteBandParams, "事前绩效评估不予支持", "Ex-ante assessment: not supported",
     "项目{project}事前绩效评估得分{score}分，低于{revision_min}分，评估结论为不予支持，核减{amount}",
     "Project {project}: ex-ante score {score} is below {revision_min}; not supported, {amount_en} cut"},
    {"feasibility.ex_ante_needs_revision",
     "exante",
     "feasibility",
     Severity::kWarning,
     "2",
     {},
     "事前绩效评估修改后支持",
     "Ex-ante assessment: supported after revision",
     "项目{project}事前绩效评估得分{score}分（{revision_min}至{supported_min}分），应修改完善后予以支持",
     "Project {project}: ex-ante score {score} (between {revision_min} and {supported_min}); "
     "supported after revision"},
    {"feasibility.ex_ante_score_out_of_range",
     "exante",
     "feasibility",
     Severity::kBlocker,
     "0",
     {},
     "事前绩效评估得分超出范围",
     "Ex-ante score out of range",
     "项目{project}事前绩效评估“{dimension}”得分{score}分，超出0至{dimension_max}分的范围，评估结论无效，应核实更正",
     "Project {project}: the ex-ante {dimension_en} score {score} is outside 0 to {dimension_max} "
     "(dimension_max): the assessment is invalid until corrected"},
    // ---- 其他 other ---------------------------------------------------------
    {"other.comment",
     "review",
     "other",
     Severity::kWarning,
     "0",
     {},
     "其他意见",
     "Other comment",
     "{text}",
     "{text}"},
};

static_assert(sizeof(kReviewRules) / sizeof(kReviewRules[0]) == kRuleCount,
              "review_rules.h RuleId must list every catalog rule in order");

}  // namespace

// The ex-ante (事前评估) bands: "revision needed" starts at or below "supported".
constexpr ParamOrderSpec kReviewOrders[] = {
    {{"feasibility.ex_ante_not_supported", "revision_min", ""},
     {"feasibility.ex_ante_not_supported", "supported_min", ""},
     false,
     false,
     "ex-ante bands overlap"},
};

std::span<const RuleSpec> ReviewRuleCatalog() { return kReviewRules; }
std::span<const ParamOrderSpec> ReviewParamOrders() { return kReviewOrders; }

}  // namespace perfbudget
