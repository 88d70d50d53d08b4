// rule_catalog_monitoring.cc: the monitoring and reclaim rules (placeholder:
// empty until monitoring lands).
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {

std::span<const RuleSpec> MonitoringRuleCatalog() { return {}; }

}  // namespace perfbudget
