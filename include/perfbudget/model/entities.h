// entities.h: the records of a budget-performance dataset (DOMAIN.md §1–§7).
//
// Plain structs. References between records are by id string (as in the
// source data) and, once a Dataset is built, also by index into the
// Dataset's vectors (the `*_index` fields, filled by DatasetBuilder::Build;
// callers building records leave them alone).
#ifndef PERFBUDGET_MODEL_ENTITIES_H_
#define PERFBUDGET_MODEL_ENTITIES_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "perfbudget/calendar/date.h"
#include "perfbudget/model/enums.h"
#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget {

inline constexpr std::uint32_t kNoIndex = 0xFFFFFFFFu;

// 预算部门 / 预算单位.
struct Unit {
  std::string id;    // agency_code / dept_code
  std::string name;  // "宿州东部新城行政管理委员会"
};

// A project's approved amount from one fund source (年初预算 批复数).
struct FundLine {
  FundSource source = FundSource::kGeneralBudget;
  Money approved;  // ≥ 0
  // The fiscal year the money was first approved; 0 = this fiscal year. A
  // carry-over line (结转) names the year it comes from (for the two-year rule).
  int origin_year = 0;
};

// 预算调整: a dated change of a project's current budget (may be negative).
struct Adjustment {
  Date date;
  FundSource source = FundSource::kGeneralBudget;
  Money amount;
  std::string reason;
};

// One entry of a project's payment plan (用款计划): money the unit expects to
// pay by `date`.
struct PlannedPayment {
  Date date;
  Money amount;
};

// Publication flags (公开).
struct Disclosure {
  bool with_budget = false;    // goal published with the department budget
  bool with_approval = false;  // goal published with the budget approval (批复)
};

// 项目 / 项目支出.
struct Project {
  std::string id;        // pro_code
  std::string unit_id;   // agency_code
  std::string name;      // pro_name
  std::string category;  // 项目类别, free text ("市政管护")
  ProjectKind kind = ProjectKind::kContinuing;
  bool is_key = false;  // 重点项目
  ProjectStatus status = ProjectStatus::kInProgress;
  int start_year = 0;  // first year funded; 0 = unknown
  // 申报数: the amount applied for at budget preparation. Zero when not
  // recorded; a project cancelled before approval has requested > 0 and no
  // (or zero) fund lines.
  Money requested;
  std::vector<FundLine> funds;
  std::vector<Adjustment> adjustments;
  std::vector<PlannedPayment> payment_plan;
  Disclosure disclosure;

  std::uint32_t unit_index = kNoIndex;
};

// An actual (完成值) reported for an indicator on a date.
struct IndicatorActual {
  Date date;
  std::optional<Ratio> value;             // quantitative actual
  std::optional<QualitativeGrade> grade;  // qualitative actual
  std::string text;                       // as written
};

// 三级指标 with its level 1 and level 2.
struct Indicator {
  std::string id;  // unique within its goal; "" = none given
  IndicatorLevel1 level1 = IndicatorLevel1::kOutput;
  IndicatorLevel2 level2 = IndicatorLevel2::kQuantity;
  std::string name;  // kpi_lv3 / kpi_content, "新建道路长度"
  Comparator comparator = Comparator::kGe;
  // The target as written ("≥50个", "严格执行相关制度规定"). Always kept.
  std::string target_text;
  // The numeric target (kGe..kLt), or the range's low end (kRange). Empty when
  // qualitative, or when target_text could not be read as a number (the goal
  // review reports that; loading does not reject it).
  std::optional<Ratio> target;
  std::optional<Ratio> target_high;  // the range's high end (kRange)
  std::string unit_of_measure;       // 计量单位 "个" "%" "万元" "天"
  std::optional<Ratio> weight;       // 权重 / 分值
  std::optional<Ratio> baseline;     // last year's actual
  ValueSource value_source = ValueSource::kUnspecified;
  std::string evaluation_standard;       // kpi_evalstd, free text
  std::vector<IndicatorActual> actuals;  // by date, ascending
};

// 绩效目标 of a project or of a unit.
struct Goal {
  std::string id;
  GoalOwner owner = GoalOwner::kProject;
  std::string project_id;  // when owner == kProject
  std::string unit_id;     // the unit (for a project goal: the project's unit)
  std::string text;        // 总体目标 the goal statement
  std::vector<Indicator> indicators;

  std::uint32_t project_index = kNoIndex;
  std::uint32_t unit_index = kNoIndex;
};

// 事前绩效评估: five dimension scores (20 points each by default).
enum class ExAnteDimension : std::uint8_t {
  kNecessity = 0,          // 立项必要性
  kEconomy = 1,            // 投入经济性
  kGoalSoundness = 2,      // 绩效目标合理性
  kFeasibility = 3,        // 实施方案可行性
  kFundingCompliance = 4,  // 筹资合规性
};
inline constexpr int kExAnteDimensionCount = 5;

struct ExAnteAssessment {
  std::string project_id;
  std::optional<Date> date;
  Money requested;  // amount applied for
  std::array<std::optional<Ratio>, kExAnteDimensionCount> scores;
  std::string note;

  std::uint32_t project_index = kNoIndex;
};

// 单位自评 / 财政评价 / 第三方评价 of a project or a unit.
struct Evaluation {
  std::string id;
  EvaluationKind kind = EvaluationKind::kSelf;
  std::string project_id;  // empty for a unit-level (部门整体) evaluation
  std::string unit_id;
  int evaluated_year = 0;  // the fiscal year whose spending was evaluated
  std::optional<Date> date;
  Money amount;                // funds covered
  std::optional<Ratio> score;  // 0..100
  std::optional<Grade> grade;
  std::string evaluator;  // the third party, if any
  std::vector<std::string> problems;
  std::vector<std::string> suggestions;
  // The result was published with the final accounts (随部门决算公开), as the
  // seed's 2022 fiscal evaluations were with the 2021 final accounts.
  bool published_with_final_accounts = false;

  std::uint32_t project_index = kNoIndex;
  std::uint32_t unit_index = kNoIndex;
};

// 整改: a follow-up item of an evaluation finding.
struct RectificationItem {
  std::string id;
  std::string evaluation_id;  // may be empty
  std::string unit_id;
  std::string project_id;  // may be empty
  std::string description;
  std::string owner;  // responsible person or office
  std::optional<Date> due;
  RectificationStatus status = RectificationStatus::kOpen;
  std::optional<Date> closed;

  std::uint32_t evaluation_index = kNoIndex;
  std::uint32_t unit_index = kNoIndex;
  std::uint32_t project_index = kNoIndex;
};

// 支出 / 执行数: money paid out.
struct Disbursement {
  std::string id;  // voucher number; may be empty
  std::string project_id;
  Date date;
  FundSource source = FundSource::kGeneralBudget;
  Money amount;  // negative = refund / correction

  std::uint32_t project_index = kNoIndex;
};

}  // namespace perfbudget

#endif  // PERFBUDGET_MODEL_ENTITIES_H_
