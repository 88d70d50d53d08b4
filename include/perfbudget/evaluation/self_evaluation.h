// self_evaluation.h: self-evaluation scoring (单位自评, 财预〔2020〕10号,
// DOMAIN.md §6) and the self-score check (自评抽查).
//
// ScoreSelfEvaluations() scores every goal of a dataset — project goals and
// unit-level (部门整体) goals — from its indicators' year-end actuals and the
// year's budget execution, with every number from the policy's
// `self_evaluation` section (policy.h, docs/evaluation.md):
//   - execution-rate points = execution_points × min(executed ÷ current, 1)
//     (selfeval.execution_rate; a zero current budget: selfeval.zero_budget);
//   - each indicator's points: its weight when the goal weights all of its
//     indicators, else its level-1 block's share split equally among the
//     block's indicators (a missing block's share redistributed to the
//     present blocks in proportion, selfeval.block_missing); cost indicators
//     share the output block by default;
//   - earned = points × attainment, attainment in [0, 1] by comparator:
//     ≥ > min(actual ÷ target, 1) (selfeval.higher_is_better); ≤ < full when
//     actual ≤ target, else target ÷ actual (selfeval.lower_is_better);
//     = max(0, 1 − |actual − target| ÷ |target|) (selfeval.equal); a range
//     full inside, else as ≥ low or ≤ high (selfeval.range); qualitative
//     by grade, 100 / 80 / 0 % (selfeval.qualitative);
//   - no actual: 0 points, listed (selfeval.no_actual); a numeric comparator
//     without a numeric target: 0 points (selfeval.target_unreadable);
//   - an indicator under far_below_percent of its points whose counted
//     actual carries no explanation (偏差原因, IndicatorActual::text) is
//     flagged (selfeval.far_below_without_reason);
//   - score = Σ earned + execution points, exact; grade from the exact score
//     by the section's bands (89.995 prints 90.00 and is 良).
// The self-score check matches each `self` evaluation with a score whose
// evaluated_year is the dataset's fiscal year to its project's first goal
// (or, without a project, its unit's first unit-level goal) and flags a
// reported score above the computed one by more than self_score_tolerance
// (selfeval.self_score_inflated).
#ifndef PERFBUDGET_EVALUATION_SELF_EVALUATION_H_
#define PERFBUDGET_EVALUATION_SELF_EVALUATION_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/model/enums.h"
#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"
#include "perfbudget/policy/policy.h"

namespace perfbudget {

// The blocks the 100 points are shared over (besides the execution rate).
// kCost is used only when the policy gives cost indicators a block of their
// own (SelfEvaluationPolicy::cost_in_output == false).
enum class ScoreBlock : std::uint8_t { kOutput = 0, kBenefit = 1, kSatisfaction = 2, kCost = 3 };
inline constexpr int kScoreBlockCount = 4;
std::string_view CodeOf(ScoreBlock b);     // "output" "benefit" "satisfaction" "cost"
std::string_view ZhLabelOf(ScoreBlock b);  // "产出" "效益" "满意度" "成本"

struct SelfEvaluationOptions {
  // The evaluation date: the latest actual dated on or before it counts, and
  // execution runs to it (or to the fiscal year's end, whichever is first).
  // None: the latest actual whatever its date, execution over the whole year.
  std::optional<Date> as_of;
  bool project_goals = true;
  bool unit_goals = true;
  // Fill the message_zh / message_en fields (false: codes and values only).
  bool messages = true;
  // Other datasets holding self-evaluation records of this fiscal year (a
  // year's self-evaluations are carried out, and recorded, in the next
  // year's dataset: docs/format.md "Several fiscal years"). Their `self`
  // records with evaluated_year = the scored year are matched by project id
  // (or, without a project, unit id). The scored dataset's own records count too.
  std::vector<Dataset> reports;
};

// One indicator's points.
struct IndicatorScore {
  std::uint32_t goal_row = 0;   // index into SelfEvaluationReport::goals
  std::uint32_t indicator = 0;  // index into the goal's indicators
  ScoreBlock block = ScoreBlock::kOutput;
  std::string_view code;            // the scoring rule (static storage)
  Ratio points;                     // available
  Ratio earned;                     // points × attainment
  Ratio attainment;                 // 0..1
  std::uint32_t actual = kNoIndex;  // the counted actual (index into Indicator::actuals)
  bool scored = false;              // false: no actual or unreadable target (0 points)
  bool far_below = false;           // scored and attainment < far_below_percent
  bool explained = false;           // the counted actual carries a 偏差原因 text
  std::string message_zh;
  std::string message_en;
  Ratio lost() const { return points - earned; }
};

// A finding of the scoring or of the self-score check.
struct SelfEvaluationFlag {
  std::string_view code;  // "selfeval.no_actual" ... (static storage)
  Severity severity = Severity::kWarning;
  std::uint32_t goal_row = 0;
  std::uint32_t indicator = kNoIndex;  // index into the goal's indicators, or kNoIndex
  std::string message_zh;
  std::string message_en;
};

// One goal's score.
struct GoalScore {
  std::uint32_t goal_index = 0;  // into Dataset::goals()
  GoalOwner owner = GoalOwner::kProject;
  std::uint32_t project_index = kNoIndex;  // kNoIndex for a unit-level goal
  std::uint32_t unit_index = kNoIndex;
  bool weights_given = false;
  // Points available per block (after redistribution; given weights summed).
  std::array<Ratio, kScoreBlockCount> block_points{};
  Money current;           // current budget (project, or Σ of the unit's projects)
  Money executed;          // executed to the evaluation date
  Ratio execution_rate;    // executed ÷ current, 0 for a zero budget (not capped)
  Ratio execution_points;  // available
  Ratio execution_earned;
  Ratio max_score;  // Σ indicator points + execution points (+ lost missing blocks)
  Ratio score;      // exact
  Grade grade = Grade::kPoor;
  std::uint32_t first_indicator = 0;  // into SelfEvaluationReport::indicators
  std::uint32_t indicator_count = 0;
  // The self-score check (自评抽查). The matched record is
  // evaluations()[self_evaluation] of source self_evaluation_source: 0 = the
  // scored dataset, k ≥ 1 = SelfEvaluationOptions::reports[k − 1]
  // (SelfEvaluationReport::SelfEvaluationOf gives it).
  std::uint32_t self_evaluation = kNoIndex;  // kNoIndex: none matched
  std::uint32_t self_evaluation_source = 0;
  std::optional<Ratio> reported;  // its score
  Ratio difference;               // reported − score (0 without a match)
  bool inflated = false;          // difference > self_score_tolerance
  std::string execution_message_zh;
  std::string execution_message_en;
};

// Counts per unit, or for the jurisdiction.
struct SelfEvaluationTotal {
  std::uint32_t unit_index = kNoIndex;  // kNoIndex for the jurisdiction
  std::uint32_t project_goals = 0;
  std::uint32_t unit_goals = 0;
  std::array<std::uint32_t, 4> by_grade{};  // indexed by Grade
  std::uint32_t self_evaluations = 0;       // matched project self-evaluation records
  std::uint32_t unit_self_evaluations = 0;  // matched unit-level (部门整体) records
  Money self_evaluation_amount;             // Σ amount of the matched project records
  Money unit_self_evaluation_amount;        // Σ amount of the matched unit-level records
  std::uint32_t inflated = 0;
  std::uint32_t flags = 0;
  Ratio points_lost;  // Σ over the goals
};

struct SelfEvaluationReport {
  Dataset dataset;
  std::optional<Date> as_of;     // as given
  Date execution_to;             // min(as_of, fiscal year end)
  std::vector<GoalScore> goals;  // dataset goal order (cancelled projects' goals left out)
  std::vector<IndicatorScore> indicators;  // goal by goal
  std::vector<SelfEvaluationFlag> flags;   // goal by goal, then the self-score check
  std::vector<SelfEvaluationTotal> units;  // every unit, dataset order
  SelfEvaluationTotal total;

  std::vector<Dataset> reports;  // SelfEvaluationOptions::reports
  // The matched self-evaluation record of a goal, or nullptr.
  const Evaluation* SelfEvaluationOf(const GoalScore& g) const {
    if (g.self_evaluation == kNoIndex) return nullptr;
    const Dataset& src =
        g.self_evaluation_source == 0 ? dataset : reports[g.self_evaluation_source - 1];
    return &src.evaluations()[g.self_evaluation];
  }
  std::span<const IndicatorScore> IndicatorsOf(const GoalScore& g) const {
    return std::span<const IndicatorScore>(indicators)
        .subspan(g.first_indicator, g.indicator_count);
  }
};

// Errors: InvalidArgument for an inconsistent self_evaluation section (bands
// not best-first, a negative share); OutOfRange on amount overflow.
absl::StatusOr<SelfEvaluationReport> ScoreSelfEvaluations(const Dataset& dataset,
                                                          const Policy& policy,
                                                          const SelfEvaluationOptions& options);

// The grade of an exact score by the self-evaluation bands.
Grade SelfEvaluationGradeOf(const SelfEvaluationPolicy& policy, const Ratio& score);

}  // namespace perfbudget

#endif  // PERFBUDGET_EVALUATION_SELF_EVALUATION_H_
