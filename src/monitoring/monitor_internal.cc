// monitor_internal.cc: helpers shared by monitoring, reclaim and the curve.
#include "monitoring/monitor_internal.h"

#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget::monitoring_internal {

Ratio ParamOf(const Policy& policy, std::string_view code, std::string_view param) {
  Ratio fallback;
  if (const RuleSpec* spec = FindRuleSpec(code); spec != nullptr) {
    for (const RuleParamSpec& p : spec->params) {
      if (p.name == param) {
        if (auto r = Ratio::ParseDecimal(p.default_value); r.ok()) fallback = *r;
      }
    }
  }
  return policy.Param(code, param, fallback);
}

absl::Status CheckAsOf(const Dataset& dataset, Date as_of) {
  const FiscalYear& fy = dataset.fiscal_year();
  if (fy.Contains(as_of)) return absl::OkStatus();
  return absl::OutOfRangeError(
      absl::StrCat("as-of date ", as_of.ToString(), " is outside fiscal year ", fy.year(), " (",
                   fy.first_day().ToString(), " .. ", fy.last_day().ToString(), ")"));
}

absl::Status CheckPaymentPlans(const Dataset& dataset) {
  const FiscalYear& fy = dataset.fiscal_year();
  std::string problems;
  int count = 0;
  for (const ProjectView p : dataset.projects()) {
    if (!InScope(p)) continue;
    for (std::size_t i = 0; i < p.payment_plan().size(); ++i) {
      const PlannedPayment& pp = p.payment_plan()[i];
      if (fy.Contains(pp.date)) continue;
      if (++count <= 10) {
        absl::StrAppend(&problems, count > 1 ? "; " : "", "project ", AV(p.id()), " payment_plan[",
                        i, "] date ", pp.date.ToString());
      }
    }
  }
  if (count == 0) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(count, " payment-plan entr", count == 1 ? "y is" : "ies are",
                   " outside fiscal year ", fy.year(), " (", fy.first_day().ToString(), " .. ",
                   fy.last_day().ToString(), "): ", problems, count > 10 ? "; ..." : ""));
}

absl::Status CheckBands(const Policy& policy) {
  constexpr std::string_view kYellow = "monitoring.gap_yellow";
  constexpr std::string_view kRed = "monitoring.gap_red";
  if (policy.Enabled(kYellow) && policy.Enabled(kRed)) {
    const Ratio y = ParamOf(policy, kYellow, "min_gap_pp");
    const Ratio r = ParamOf(policy, kRed, "min_gap_pp");
    if (!(y < r)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "policy \"", policy.name(), "\" has overlapping warning bands: ", std::string(kYellow),
          ".min_gap_pp (", y.ToShortString(), ") must be below ", std::string(kRed),
          ".min_gap_pp (", r.ToShortString(), ")"));
    }
  }
  constexpr std::string_view kWarn = "monitoring.overspend_warning";
  constexpr std::string_view kErr = "monitoring.overspend_error";
  if (policy.Enabled(kWarn) && policy.Enabled(kErr)) {
    const Ratio w = ParamOf(policy, kWarn, "min_usage_percent");
    const Ratio e = ParamOf(policy, kErr, "max_usage_percent");
    if (!(w <= e)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "policy \"", policy.name(), "\" has overlapping over-spend bands: ", std::string(kWarn),
          ".min_usage_percent (", w.ToShortString(), ") must not exceed ", std::string(kErr),
          ".max_usage_percent (", e.ToShortString(), ")"));
    }
  }
  for (std::string_view code : {kYellow, kRed}) {
    if (policy.Enabled(code) && ParamOf(policy, code, "min_gap_pp").is_negative()) {
      return absl::InvalidArgumentError(absl::StrCat("policy \"", policy.name(),
                                                     "\": ", std::string(code),
                                                     ".min_gap_pp must not be negative"));
    }
  }
  return absl::OkStatus();
}

std::string WanYuan(Money m) {
  MoneyFormat f;
  f.unit = MoneyUnit::kWanYuan;
  f.unit_suffix = true;
  f.decimals = -1;
  return m.ToString(f);
}

}  // namespace perfbudget::monitoring_internal
