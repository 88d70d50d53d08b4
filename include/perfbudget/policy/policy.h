// policy.h: Policy, the rules as data.
//
// Every threshold, deduction, weight, band and warning level used by an
// analysis comes from a Policy, never from a literal in rule code. A policy
// is a set of RuleSettings keyed by stable rule code ("completeness.missing_level1",
// "monitoring.gap_red"), plus a few typed sections shared by several analyses.
//
// Rule codes, their defaults, parameters and explanation templates are
// declared by each analysis in a RuleSpec catalog (see rule_catalog.h). A
// policy profile (a JSON file, docs/policy.md) overrides those defaults and
// may extend another profile; loading rejects unknown rule codes, unknown
// parameters, negative deductions and overlapping bands, with the same
// precise diagnostics as a bad dataset.
#ifndef PERFBUDGET_POLICY_POLICY_H_
#define PERFBUDGET_POLICY_POLICY_H_

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "perfbudget/calendar/fiscal_calendar.h"
#include "perfbudget/io/diagnostic.h"
#include "perfbudget/model/enums.h"
#include "perfbudget/money/ratio.h"
#include "perfbudget/policy/review_library.h"

namespace perfbudget {

// How serious a finding or warning is (numbering is part of the C ABI).
enum class Severity : std::uint8_t {
  kInfo = 0,     // 提示
  kWarning = 1,  // 警告 / 黄色预警
  kError = 2,    // 错误 / 红色预警
  kBlocker = 3,  // 阻断: the goal or project may not proceed
};
std::string_view CodeOf(Severity s);     // "info" "warning" "error" "blocker"
std::string_view ZhLabelOf(Severity s);  // "提示" "警告" "错误" "阻断"
std::optional<Severity> ParseSeverity(std::string_view s);

// One rule's settings in a policy.
struct RuleSetting {
  bool enabled = true;
  Severity severity = Severity::kWarning;
  Ratio deduction;  // points deducted per finding (review); ≥ 0
  // Named parameters ("min_percent" → 80). Exact values.
  std::map<std::string, Ratio, std::less<>> params;
};

// A grade band: scores ≥ min (and below the next band's min) get `grade`.
struct GradeBand {
  Grade grade = Grade::kExcellent;
  Ratio min;  // inclusive lower bound, 0..100
};

// How an amount is split across a project's fund sources.
enum class SplitMethod : std::uint8_t { kProportional = 0, kPriority = 1 };

// The policy's "self_evaluation" section: 单位自评 scoring (DOMAIN.md §6,
// docs/evaluation.md). Defaults are the DOMAIN values.
struct SelfEvaluationPolicy {
  // Level-1 shares of the 100 points (产出 50, 效益 30, 满意度 10, 预算执行率 10).
  Ratio output_points = Ratio(50);
  Ratio benefit_points = Ratio(30);
  Ratio satisfaction_points = Ratio(10);
  Ratio execution_points = Ratio(10);
  // Cost indicators (成本, 101号 level 1 or 产出 > 成本) share the output
  // block (true, the default); false gives them a block of their own with
  // `cost_points` (taken as written: the other shares are not reduced).
  bool cost_in_output = true;
  Ratio cost_points = Ratio(0);
  // Qualitative attainment (定性): 达成 / 部分达成 / 未达成, percent of the points.
  Ratio achieved_percent = Ratio(100);
  Ratio partly_achieved_percent = Ratio(80);
  Ratio not_achieved_percent = Ratio(0);
  // Without weights, a missing block's points go to the present blocks in
  // proportion to their shares (true), or are lost (false).
  bool redistribute_missing_blocks = true;
  // An indicator earning less than this percent of its points needs a
  // deviation explanation (偏差原因).
  Ratio far_below_percent = Ratio(80);
  // 自评抽查: flag a reported self-score above the computed one by more than this.
  Ratio self_score_tolerance = Ratio(5);
  // Grades of the self-evaluation score, best first (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差).
  std::vector<GradeBand> grade_bands = {{Grade::kExcellent, Ratio(90)},
                                        {Grade::kGood, Ratio(80)},
                                        {Grade::kFair, Ratio(60)},
                                        {Grade::kPoor, Ratio(0)}};
};

// What a grade means for next year's budget (结果应用).
enum class ResultAction : std::uint8_t {
  kPriority = 0,  // 优先保障
  kKeep = 1,      // 保持 (as needed)
  kCut = 2,       // 压减 by a percentage
  kCancel = 3,    // 取消 / 暂停
  kMerge = 4,     // 优化整合 (an evaluation recommends merging or optimising)
};
std::string_view CodeOf(ResultAction a);  // "priority" "keep" "cut" "cancel" "merge"
std::string_view ZhLabelOf(ResultAction a);  // "优先保障" "保持" "压减" "取消" "优化整合"
std::optional<ResultAction> ParseResultAction(std::string_view s);

struct GradeConsequence {
  ResultAction action = ResultAction::kKeep;
  Ratio cut_percent;  // of the base budget, 0..100
};

// The policy's "result_application" section (DOMAIN.md §7, local 达州).
struct ResultApplicationPolicy {
  // Indexed by Grade: 优 priority, 良 keep, 中 cut 10%, 差 cancel (100%).
  std::array<GradeConsequence, 4> by_grade = {GradeConsequence{ResultAction::kPriority, Ratio(0)},
                                              GradeConsequence{ResultAction::kKeep, Ratio(0)},
                                              GradeConsequence{ResultAction::kCut, Ratio(10)},
                                              GradeConsequence{ResultAction::kCancel, Ratio(100)}};
  // A suggestion starting with one of these (optionally after "建议") marks the
  // project for merging / optimising (优化整合), cut by merge_cut_percent.
  std::vector<std::string> merge_markers = {"优化整合", "合并",  "整合",
                                            "撤并",     "merge", "consolidate"};
  Ratio merge_cut_percent = Ratio(100);
  // The evaluation kinds whose grades are applied (self-evaluations are the
  // unit's own claim: off by default).
  std::vector<EvaluationKind> kinds = {EvaluationKind::kFiscal, EvaluationKind::kThirdParty};
};

class Policy {
 public:
  Policy() = default;

  const std::string& name() const { return name_; }
  const std::string& description() const { return description_; }

  // Settings of a rule. Every code of the catalog is present in a policy made
  // by LoadPolicy / BuiltinPolicy (defaults filled in); for an unknown code
  // this returns a disabled setting.
  const RuleSetting& Rule(std::string_view code) const;
  bool Enabled(std::string_view code) const { return Rule(code).enabled; }
  // A rule parameter; `fallback` when absent (never for catalog params).
  Ratio Param(std::string_view code, std::string_view param, Ratio fallback = Ratio()) const;
  const std::map<std::string, RuleSetting, std::less<>>& rules() const { return rules_; }

  // Grade bands, best first: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 ≥ 0 by default.
  const std::vector<GradeBand>& grade_bands() const { return grade_bands_; }
  Grade GradeOf(const Ratio& score) const;

  TimeProgressMethod time_progress_method() const { return time_progress_method_; }
  SplitMethod split_method() const { return split_method_; }
  // For SplitMethod::kPriority: reclaim from these sources first, in order.
  const std::vector<FundSource>& split_priority() const { return split_priority_; }
  // Decimals when printing rates and scores (2 by default).
  int decimals() const { return decimals_; }
  const SelfEvaluationPolicy& self_evaluation() const { return self_evaluation_; }
  const ResultApplicationPolicy& result_application() const { return result_application_; }
  // Goal review: grade caps by severity, and the review library (domain
  // vocabularies, scale units, core indicators per category, reference unit
  // costs). Defaults: DefaultReviewGrading(), DefaultReviewLibrary().
  const ReviewGrading& review_grading() const { return *review_grading_; }
  const ReviewLibrary& review_library() const { return *review_library_; }
  // The review library compiled for the review engine (internal type):
  // built once when the library is set, shared by copies of the policy, so
  // reviewing one goal or a dataset never rebuilds it.
  const ReviewLibraryIndex& review_library_index() const { return *review_library_index_; }

  // Mutators for loaders and for programmatic profiles.
  void set_name(std::string v) { name_ = std::move(v); }
  void set_description(std::string v) { description_ = std::move(v); }
  RuleSetting& MutableRule(std::string_view code);
  void set_grade_bands(std::vector<GradeBand> v) { grade_bands_ = std::move(v); }
  void set_time_progress_method(TimeProgressMethod v) { time_progress_method_ = v; }
  void set_split_method(SplitMethod v) { split_method_ = v; }
  void set_split_priority(std::vector<FundSource> v) { split_priority_ = std::move(v); }
  void set_decimals(int v) { decimals_ = v; }
  void set_self_evaluation(SelfEvaluationPolicy v) { self_evaluation_ = std::move(v); }
  void set_result_application(ResultApplicationPolicy v) { result_application_ = std::move(v); }
  void set_review_grading(ReviewGrading v) {
    review_grading_ = std::make_shared<const ReviewGrading>(std::move(v));
  }
  void set_review_library(ReviewLibrary v);

 private:
  std::string name_;
  std::string description_;
  std::map<std::string, RuleSetting, std::less<>> rules_;
  std::vector<GradeBand> grade_bands_ = {{Grade::kExcellent, Ratio(90)},
                                         {Grade::kGood, Ratio(80)},
                                         {Grade::kFair, Ratio(60)},
                                         {Grade::kPoor, Ratio(0)}};
  TimeProgressMethod time_progress_method_ = TimeProgressMethod::kMonths;
  SplitMethod split_method_ = SplitMethod::kProportional;
  std::vector<FundSource> split_priority_;
  int decimals_ = 2;
  SelfEvaluationPolicy self_evaluation_;
  ResultApplicationPolicy result_application_;
  // Shared and immutable: copying a Policy does not copy the library.
  std::shared_ptr<const ReviewGrading> review_grading_ =
      std::make_shared<const ReviewGrading>(DefaultReviewGrading());
  std::shared_ptr<const ReviewLibrary> review_library_ =
      std::make_shared<const ReviewLibrary>(DefaultReviewLibrary());
  // Compiled from *review_library_, always together with it.
  std::shared_ptr<const ReviewLibraryIndex> review_library_index_ =
      CompileReviewLibraryIndex(*review_library_);
};

// The names of the built-in profiles ("central", "suma-park", ...).
std::vector<std::string> BuiltinPolicyNames();
// A built-in profile by name. Errors: NotFound listing the names.
absl::StatusOr<Policy> BuiltinPolicy(std::string_view name);
// The built-in profile's JSON text (for `perfbudget policy show`).
absl::StatusOr<std::string> BuiltinPolicyJson(std::string_view name);
// Loads a profile from JSON text. A profile may name `"extends": "<builtin>"`.
// Every problem is reported in `diagnostics` (JSON path, field, value, what
// was expected). Errors: InvalidArgument.
absl::StatusOr<Policy> LoadPolicyJson(std::string_view text, Diagnostics* diagnostics,
                                      std::string_view file_name = "");
absl::StatusOr<Policy> LoadPolicyFile(const std::string& path, Diagnostics* diagnostics);

// The limits of loading a profile (docs/format.md, "Limits"). A profile is a
// few KiB: input beyond a limit is refused with a located diagnostic.
inline constexpr std::uint64_t kDefaultMaxPolicyFileBytes = std::uint64_t{1} << 20;  // 1 MiB
inline constexpr int kDefaultMaxPolicyDepth = 64;
struct PolicyLoadOptions {
  // The largest profile, in bytes (the file, or the text handed over).
  std::uint64_t max_file_bytes = kDefaultMaxPolicyFileBytes;
  // The deepest nesting of arrays and objects (the built-in profiles use 4);
  // 1..kMaxJsonDepth (perfbudget/io/json.h; values outside are taken as the nearest).
  int max_depth = kDefaultMaxPolicyDepth;
};
// As above, with limits other than the defaults. Over a size limit:
// ResourceExhausted and an `io` diagnostic naming the file; too deep: a
// `syntax` diagnostic at the first container too deep (InvalidArgument).
absl::StatusOr<Policy> LoadPolicyJson(std::string_view text, const PolicyLoadOptions& options,
                                      Diagnostics* diagnostics, std::string_view file_name = "");
absl::StatusOr<Policy> LoadPolicyFile(const std::string& path, const PolicyLoadOptions& options,
                                      Diagnostics* diagnostics);
// A built-in name or a path to a JSON file.
absl::StatusOr<Policy> ResolvePolicy(std::string_view name_or_path, Diagnostics* diagnostics);
// The policy as JSON (every rule, defaults included).
std::string PolicyToJson(const Policy& policy);

}  // namespace perfbudget

#endif  // PERFBUDGET_POLICY_POLICY_H_
