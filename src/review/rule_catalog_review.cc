// rule_catalog_review.cc: the goal-review rules (placeholder: empty until the
// review engine lands).
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {

std::span<const RuleSpec> ReviewRuleCatalog() { return {}; }

}  // namespace perfbudget
