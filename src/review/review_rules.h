// review_rules.h (internal): the goal-review rules by position in
// ReviewRuleCatalog(), so the engine resolves a policy's settings once.
#ifndef PERFBUDGET_SRC_REVIEW_REVIEW_RULES_H_
#define PERFBUDGET_SRC_REVIEW_REVIEW_RULES_H_

#include <cstddef>

namespace perfbudget::review_internal {

// Same order as kReviewRules in rule_catalog_review.cc (a test checks).
enum RuleId : std::size_t {
  kMissingLevel1,
  kMissingOutput,
  kMissingBenefit,
  kMissingSatisfaction,
  kMissingCost,
  kGoalTextMissing,
  kIndicatorNameMissing,
  kTargetMissingComparatorOrUnit,
  kTargetMissing,
  kMissingCoreIndicator,
  kLevel2UnderWrongLevel1,
  kNotQuantified,
  kLowTextRelevance,
  kDuplicateIndicator,
  kShouldSplit,
  kNoQuantifiedIndicator,
  kGoalUnrelated,
  kIndicatorKindMismatch,
  kUnitDiffersFromCore,
  kGoalTextContradictsTarget,
  kWeightsDoNotSum,
  kPercentOver100,
  kSatisfactionTooLow,
  kSatisfactionExactly100,
  kTargetBelowBaseline,
  kCostExceedsBudget,
  kUnitCostOffBenchmark,
  kTargetLooserThanBaseline,
  kTargetOffCoreBenchmark,
  kBudgetCannotBuyOutput,
  kTimelinessAfterYearEnd,
  kTargetUnreadable,
  kMissingExAnte,
  kExAnteNotSupported,
  kExAnteNeedsRevision,
  kExAnteScoreOutOfRange,
  kOtherComment,
  kRuleCount,
};

}  // namespace perfbudget::review_internal

#endif  // PERFBUDGET_SRC_REVIEW_REVIEW_RULES_H_
