// enums.h: the closed vocabularies of the domain model, with their stable
// codes (used in JSON, CSV and the C ABI) and Chinese labels.
//
// Each enum has:
//   std::string_view CodeOf(E)            stable English code ("general_budget")
//   std::string_view ZhLabelOf(E)         Chinese label ("一般公共预算")
//   std::optional<E> ParseX(string_view)  accepts the code, the Chinese label
//                                         and documented aliases
// The numeric values are part of the C ABI (docs/c-abi.md): never renumber,
// only append.
#ifndef PERFBUDGET_MODEL_ENUMS_H_
#define PERFBUDGET_MODEL_ENUMS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace perfbudget {

// 资金来源 fund source.
enum class FundSource : std::uint8_t {
  kGeneralBudget = 0,   // 一般公共预算
  kGovernmentFund = 1,  // 政府性基金预算
  kLandTransfer = 2,    // 土地出让收入 (a government fund, tracked on its own)
  kStateCapital = 3,    // 国有资本经营预算
  kTransfer = 4,        // 上级转移支付 transfers from higher levels
  kCarryOver = 5,       // 结转 funds carried over from earlier years
  kOther = 6,           // 其他
};
inline constexpr int kFundSourceCount = 7;

// 新增 / 延续.
enum class ProjectKind : std::uint8_t { kNew = 0, kContinuing = 1 };

// Project status as recorded by the unit or the finance bureau.
enum class ProjectStatus : std::uint8_t {
  kPlanned = 0,         // 未开始 approved, not started
  kInProgress = 1,      // 实施中
  kFinished = 2,        // 已完成
  kTerminated = 3,      // 已终止
  kNotImplemented = 4,  // 未实施 will not be implemented this year
  kCancelled = 5,       // 已取消 (at review or ex-ante)
};

// Whose goal: a project's (项目绩效目标) or a unit's overall goal (部门整体绩效目标).
enum class GoalOwner : std::uint8_t { kProject = 0, kUnit = 1 };

// 一级指标.
enum class IndicatorLevel1 : std::uint8_t {
  kCost = 0,          // 成本指标
  kOutput = 1,        // 产出指标
  kBenefit = 2,       // 效益指标
  kSatisfaction = 3,  // 满意度指标
};

// 二级指标. Any level-2 kind may be recorded under any level 1 (the goal
// review flags wrong pairs); `NaturalLevel1Of` says where each belongs.
enum class IndicatorLevel2 : std::uint8_t {
  kEconomicCost = 0,              // 经济成本指标
  kSocialCost = 1,                // 社会成本指标
  kEnvironmentalCost = 2,         // 生态环境成本指标
  kQuantity = 3,                  // 数量指标
  kQuality = 4,                   // 质量指标
  kTimeliness = 5,                // 时效指标
  kOutputCost = 6,                // 成本指标 under 产出 (older forms)
  kEconomicBenefit = 7,           // 经济效益指标
  kSocialBenefit = 8,             // 社会效益指标
  kEcologicalBenefit = 9,         // 生态效益指标
  kSustainability = 10,           // 可持续影响指标
  kBeneficiarySatisfaction = 11,  // 服务对象满意度指标
};

// 比较符号.
enum class Comparator : std::uint8_t {
  kGe = 0,           // ≥
  kLe = 1,           // ≤
  kEq = 2,           // =
  kGt = 3,           // >
  kLt = 4,           // <
  kRange = 5,        // [a, b]
  kQualitative = 6,  // 定性
};

// 指标值来源 value source.
enum class ValueSource : std::uint8_t {
  kUnspecified = 0,
  kPlan = 1,      // 计划标准
  kIndustry = 2,  // 行业标准
  kHistory = 3,   // 历史标准
  kOther = 4,     // 其他
};

// Qualitative attainment (定性): 达成 / 部分达成 / 未达成.
enum class QualitativeGrade : std::uint8_t { kAchieved = 0, kPartlyAchieved = 1, kNotAchieved = 2 };

// 优 / 良 / 中 / 差.
enum class Grade : std::uint8_t { kExcellent = 0, kGood = 1, kFair = 2, kPoor = 3 };

// 单位自评 / 财政评价 / 第三方评价.
enum class EvaluationKind : std::uint8_t { kSelf = 0, kFiscal = 1, kThirdParty = 2 };

// Rectification (整改) status.
enum class RectificationStatus : std::uint8_t { kOpen = 0, kInProgress = 1, kDone = 2 };

std::string_view CodeOf(FundSource v);
std::string_view CodeOf(ProjectKind v);
std::string_view CodeOf(ProjectStatus v);
std::string_view CodeOf(GoalOwner v);
std::string_view CodeOf(IndicatorLevel1 v);
std::string_view CodeOf(IndicatorLevel2 v);
std::string_view CodeOf(Comparator v);  // "ge" "le" "eq" "gt" "lt" "range" "qualitative"
std::string_view CodeOf(ValueSource v);
std::string_view CodeOf(QualitativeGrade v);
std::string_view CodeOf(Grade v);  // "excellent" "good" "fair" "poor"
std::string_view CodeOf(EvaluationKind v);
std::string_view CodeOf(RectificationStatus v);

std::string_view ZhLabelOf(FundSource v);
std::string_view ZhLabelOf(ProjectKind v);
std::string_view ZhLabelOf(ProjectStatus v);
std::string_view ZhLabelOf(GoalOwner v);
std::string_view ZhLabelOf(IndicatorLevel1 v);
std::string_view ZhLabelOf(IndicatorLevel2 v);
std::string_view ZhLabelOf(Comparator v);  // "≥" ...; "区间" "定性"
std::string_view ZhLabelOf(ValueSource v);
std::string_view ZhLabelOf(QualitativeGrade v);
std::string_view ZhLabelOf(Grade v);  // "优" "良" "中" "差"
std::string_view ZhLabelOf(EvaluationKind v);
std::string_view ZhLabelOf(RectificationStatus v);

std::optional<FundSource> ParseFundSource(std::string_view s);
std::optional<ProjectKind> ParseProjectKind(std::string_view s);
std::optional<ProjectStatus> ParseProjectStatus(std::string_view s);
std::optional<GoalOwner> ParseGoalOwner(std::string_view s);
std::optional<IndicatorLevel1> ParseIndicatorLevel1(std::string_view s);
std::optional<IndicatorLevel2> ParseIndicatorLevel2(std::string_view s);
// Accepts codes and symbols: "ge" ">=" "≥" "≧" "不低于"; "le" "<=" "≤" "不高于"; ...
std::optional<Comparator> ParseComparator(std::string_view s);
std::optional<ValueSource> ParseValueSource(std::string_view s);
std::optional<QualitativeGrade> ParseQualitativeGrade(std::string_view s);
std::optional<Grade> ParseGrade(std::string_view s);
std::optional<EvaluationKind> ParseEvaluationKind(std::string_view s);
std::optional<RectificationStatus> ParseRectificationStatus(std::string_view s);

// The level 1 a level-2 kind belongs to (kOutputCost → kOutput).
IndicatorLevel1 NaturalLevel1Of(IndicatorLevel2 v);

// The codes of each enum in numeric order, for "expected one of ..." messages.
std::span<const std::string_view> AllCodes(FundSource);
std::span<const std::string_view> AllCodes(ProjectKind);
std::span<const std::string_view> AllCodes(ProjectStatus);
std::span<const std::string_view> AllCodes(GoalOwner);
std::span<const std::string_view> AllCodes(IndicatorLevel1);
std::span<const std::string_view> AllCodes(IndicatorLevel2);
std::span<const std::string_view> AllCodes(Comparator);
std::span<const std::string_view> AllCodes(ValueSource);
std::span<const std::string_view> AllCodes(QualitativeGrade);
std::span<const std::string_view> AllCodes(Grade);
std::span<const std::string_view> AllCodes(EvaluationKind);
std::span<const std::string_view> AllCodes(RectificationStatus);

}  // namespace perfbudget

#endif  // PERFBUDGET_MODEL_ENUMS_H_
