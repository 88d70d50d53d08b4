// review.h: goal review (绩效目标审核) on completeness · relevance ·
// appropriateness · feasibility (完整性 · 相关性 · 适当性 · 可行性, 财预〔2015〕88号),
// ex-ante gating (事前绩效评估, "先绩评、后入库、再预算") and the batch result.
//
// Every rule is a RuleSpec of ReviewRuleCatalog() with a stable code; its
// severity, deduction and parameters come from the Policy (docs/policy.md).
// Per goal: findings, a 0–100 score (100 − Σ deductions, floored at 0,
// exact), the grade from Policy::GradeOf and its consequence (88号):
// 优 proceeds; 良 proceeds after fixes agreed with the unit; 中 revise and
// resubmit; 差 blocked. A finding of severity `blocker` forces 差 whatever the
// score. Project goals and unit-level (部门整体) goals are both reviewed.
//
// Ex-ante: each assessment's five dimension scores are summed (a missing
// score counts 0) and concluded by the bands of rule
// feasibility.ex_ante_not_supported (≥ 80 supported, 60–80 supported after
// revision, < 60 not supported). Gating: a project may enter the project
// library unless an assessment of it is not supported, it is new (or
// continuing, by policy) and applies for ≥ the threshold with no assessment,
// or one of its goals is blocked. Ex-ante findings are also put on the
// project's goals (so a blocked project's goals show why).
#ifndef PERFBUDGET_REVIEW_REVIEW_H_
#define PERFBUDGET_REVIEW_REVIEW_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "perfbudget/calendar/fiscal_calendar.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"
#include "perfbudget/policy/policy.h"

namespace perfbudget {

// The review dimension of a finding. Numbering is part of the C ABI.
enum class ReviewDimension : std::uint8_t {
  kCompleteness = 0,     // 完整性
  kRelevance = 1,        // 相关性
  kAppropriateness = 2,  // 适当性
  kFeasibility = 3,      // 可行性
  kOther = 4,            // 其他
};
std::string_view CodeOf(ReviewDimension d);     // "completeness" ...
std::string_view ZhLabelOf(ReviewDimension d);  // "完整性" ...
std::optional<ReviewDimension> ParseReviewDimension(std::string_view s);

// What a grade means for the goal (88号). Numbering is part of the C ABI.
enum class ReviewConsequence : std::uint8_t {
  kProceed = 0,            // 优: 进入预算编制
  kProceedAfterFixes = 1,  // 良: 与单位协商修改后进入预算编制
  kReviseAndResubmit = 2,  // 中: 单位修改后重新报送
  kBlocked = 3,            // 差: 不得进入预算编制
};
std::string_view CodeOf(ReviewConsequence c);  // "proceed" "proceed_after_fixes" ...
std::string_view ZhLabelOf(ReviewConsequence c);
ReviewConsequence ConsequenceOf(Grade grade);

// Where a finding points.
struct FindingLocation {
  std::string goal_id;
  std::string project_id;  // "" for a unit-level goal
  std::string unit_id;
  // Position in the goal's indicators; kNoIndex when about the goal itself.
  std::uint32_t indicator_index = kNoIndex;
  std::string indicator_id;
  std::string field;  // "text", "indicators", "target", "unit_of_measure", "weight", ...
};

// A finding's explanation, formatted when read: the rule's message template
// (static storage) and the values it names, shared by the zh and en texts.
// A batch review thus formats no text nobody reads. Reads like a string:
// str(), conversion to std::string, empty(), == and <<.
class FindingMessage {
 public:
  FindingMessage() = default;
  // `values`: entries packed by PackMessageValue (nullptr = no values).
  FindingMessage(std::string_view message_template, std::shared_ptr<const std::string> values)
      : template_(message_template), values_(std::move(values)) {}

  // The template with every {name} replaced by its value (a name without a
  // value stays as written), as FillTemplate.
  std::string str() const;
  operator std::string() const { return str(); }  // NOLINT: reads as a string
  bool empty() const { return template_.empty() || str().empty(); }

  friend bool operator==(const FindingMessage& a, std::string_view b) { return a.str() == b; }
  friend std::ostream& operator<<(std::ostream& os, const FindingMessage& m) {
    return os << m.str();
  }

 private:
  std::string_view template_;
  std::shared_ptr<const std::string> values_;
};

// Appends one name/value entry to a FindingMessage's packed values.
void PackMessageValue(std::string_view name, std::string_view value, std::string* packed);

// One fired rule.
struct Finding {
  std::string_view code;  // catalog code (static storage)
  ReviewDimension dimension = ReviewDimension::kOther;
  Severity severity = Severity::kWarning;
  Ratio deduction;  // points, from the policy
  FindingLocation location;
  FindingMessage message_zh;  // names the concrete values; "" without messages
  FindingMessage message_en;
  std::string Message(std::string_view lang) const {
    return lang == "en" ? message_en.str() : message_zh.str();
  }
};

// The review of one goal.
struct GoalReview {
  std::uint32_t goal_index = kNoIndex;  // into Dataset::goals(); kNoIndex for ReviewGoal
  std::string goal_id;
  GoalOwner owner = GoalOwner::kProject;
  std::string project_id;
  std::string unit_id;
  std::uint32_t indicator_count = 0;
  std::vector<Finding> findings;
  // 0..100: 100 − Σ deductions (floored at 0), capped to the top of the grade
  // a severity cap imposed (Policy::review_grading; an error caps at 中, a
  // blocker at 差 by default), so score, grade and consequence agree.
  Ratio score = Ratio(100);
  Ratio uncapped_score = Ratio(100);  // 100 − Σ deductions, before any cap
  std::optional<Severity> capped_by;  // the severity whose cap applied, if any
  Grade grade = Grade::kExcellent;
  ReviewConsequence consequence = ReviewConsequence::kProceed;
  bool has_blocker = false;  // a blocker finding forced 差
  // Passed without required changes: graded 优 (proceeds as submitted).
  bool passed() const { return grade == Grade::kExcellent; }
  bool blocked() const { return consequence == ReviewConsequence::kBlocked; }
};

// 事前绩效评估 conclusion. Numbering is part of the C ABI.
enum class ExAnteConclusion : std::uint8_t {
  kSupported = 0,               // 予以支持
  kSupportedAfterRevision = 1,  // 修改完善后予以支持
  kNotSupported = 2,            // 不予支持
};
std::string_view CodeOf(
    ExAnteConclusion c);  // "supported" "supported_after_revision" "not_supported"
std::string_view ZhLabelOf(ExAnteConclusion c);
// The conclusion of a total score by the policy's bands.
ExAnteConclusion ConcludeExAnte(const Ratio& total, const Policy& policy);

// One ex-ante assessment, concluded.
struct ExAnteReview {
  std::uint32_t assessment_index = 0;  // into Dataset::ex_ante_assessments()
  std::uint32_t project_index = kNoIndex;
  std::string project_id;
  Ratio total;             // Σ of the five scores; a missing score counts 0
  int missing_scores = 0;  // dimensions without a score
  ExAnteConclusion conclusion = ExAnteConclusion::kSupported;
  Money amount;  // the assessment's requested; else the project's requested; else approved
  // Bit d set: dimension d's score is negative or above `dimension_max`
  // (feasibility.ex_ante_score_out_of_range: the assessment is invalid and
  // the project is blocked until it is corrected).
  std::uint8_t out_of_range = 0;
  std::array<std::optional<Ratio>, kExAnteDimensionCount> scores;
};

// Whether a project may enter the project library and be budgeted.
struct ProjectGate {
  std::uint32_t project_index = 0;
  std::string project_id;
  bool may_enter = true;
  bool blocked_by_ex_ante = false;        // not supported, or required and missing
  bool blocked_by_review = false;         // one of its goals graded 差
  Money amount;                           // Project.requested, or approved if requested is zero
  std::vector<std::string_view> reasons;  // rule codes (static storage)
};

// Counts over a set of goals.
struct GoalCounts {
  std::uint32_t reviewed = 0;
  std::array<std::uint32_t, 4> per_grade = {0, 0, 0, 0};  // by Grade value
  std::uint32_t passed = 0;                               // 优: passed without required changes
  std::uint32_t passed_after_fixes = 0;  // 良: proceeds after fixes agreed with the unit
  std::uint32_t to_revise = 0;           // 中
  std::uint32_t blocked = 0;             // 差
  std::uint32_t comments = 0;            // findings
  std::array<std::uint32_t, 5> per_dimension = {0, 0, 0, 0, 0};  // findings by ReviewDimension
};

struct ReviewSummary {
  GoalCounts all;
  GoalCounts project_goals;
  GoalCounts unit_goals;
  // Projects with a goal graded 差, and their amounts.
  std::uint32_t projects_blocked_by_review = 0;
  Money amount_blocked_by_review;
  // Ex-ante.
  std::uint32_t ex_ante_assessed = 0;
  std::uint32_t ex_ante_supported = 0;
  std::uint32_t ex_ante_after_revision = 0;
  std::uint32_t ex_ante_not_supported = 0;
  Money ex_ante_cut;                  // amounts of the not-supported assessments
  std::uint32_t ex_ante_missing = 0;  // required and not done
  Money ex_ante_missing_amount;
  // Gate.
  std::uint32_t projects = 0;
  std::uint32_t projects_entering = 0;
  std::uint32_t projects_blocked = 0;
  Money amount_blocked;
};

struct ReviewOptions {
  std::string project_id;  // review only this project's goals and gate ("" = all)
  bool unit_goals = true;  // review unit-level goals (ignored with project_id)
  bool messages = true;    // keep message values (texts format when read); off: codes and locations
};

struct ReviewResult {
  Dataset dataset;  // shared, cheap: for names in output
  int decimals = 2;
  std::vector<GoalReview> goals;      // in dataset order
  std::vector<ExAnteReview> ex_ante;  // in dataset order
  std::vector<ProjectGate> gates;     // one per project in scope, dataset order
  ReviewSummary summary;
  bool AnyBlocked() const { return summary.projects_blocked > 0 || summary.all.blocked > 0; }
};

// Reviews a dataset. Errors: NotFound for an unknown options.project_id;
// OutOfRange when amounts overflow.
absl::StatusOr<ReviewResult> ReviewDataset(const Dataset& dataset, const Policy& policy,
                                           const ReviewOptions& options = {});

// Context for reviewing one goal on its own (interactive use).
struct GoalContext {
  const Project* project = nullptr;       // name, category, budget, kind (optional)
  const Unit* unit = nullptr;             // name (optional; for unit-level goals)
  std::optional<FiscalYear> fiscal_year;  // for timeliness checks (optional)
  // Ex-ante: when `check_ex_ante` and a project is given, the gate rules run
  // with this assessment (nullptr = none made).
  bool check_ex_ante = false;
  const ExAnteAssessment* ex_ante = nullptr;
};

// Reviews one goal. Errors: OutOfRange when the project's amounts overflow.
absl::StatusOr<GoalReview> ReviewGoal(const Goal& goal, const GoalContext& context,
                                      const Policy& policy, const ReviewOptions& options = {});

// A finding of any review rule made by hand (a reviewer's comment: code
// "other.comment" with values {"text", ...}), scored like the others. Returns
// nullopt when the rule is unknown or disabled by the policy.
std::optional<Finding> MakeFinding(
    const Policy& policy, std::string_view code, FindingLocation location,
    std::span<const std::pair<std::string_view, std::string>> values);

// Re-scores a goal review after findings were added or removed: score,
// grade, consequence and has_blocker.
void ScoreGoalReview(const Policy& policy, GoalReview* review);

}  // namespace perfbudget

#endif  // PERFBUDGET_REVIEW_REVIEW_H_
