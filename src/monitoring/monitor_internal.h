// monitor_internal.h (internal): helpers shared by monitoring, reclaim and
// the execution curve. Not part of the public API.
#ifndef PERFBUDGET_SRC_MONITORING_MONITOR_INTERNAL_H_
#define PERFBUDGET_SRC_MONITORING_MONITOR_INTERNAL_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"
#include "perfbudget/policy/policy.h"

namespace perfbudget::monitoring_internal {

// A rule parameter from the policy, falling back to the catalog default.
Ratio ParamOf(const Policy& policy, std::string_view code, std::string_view param);

// OutOfRange naming the date and the fiscal year's bounds, or OK.
absl::Status CheckAsOf(const Dataset& dataset, Date as_of);

// InvalidArgument listing payment-plan entries outside the fiscal year
// (projects in scope only), or OK.
absl::Status CheckPaymentPlans(const Dataset& dataset);

// InvalidArgument when the warning bands overlap (yellow ≥ red, over-spend
// warning above the error line), or OK.
absl::Status CheckBands(const Policy& policy);

// "106705万元" (exact 万元, with unit).
std::string WanYuan(Money m);

// Cancelled projects are out of monitoring and reclaim scope.
inline bool InScope(const ProjectView p) { return p.status() != ProjectStatus::kCancelled; }

}  // namespace perfbudget::monitoring_internal

#endif  // PERFBUDGET_SRC_MONITORING_MONITOR_INTERNAL_H_
