// rule_catalog.h: the catalog of rules each analysis declares.
//
// A RuleSpec gives a rule's stable code, what it belongs to, its defaults and
// its explanation templates in Chinese and English. Templates name concrete
// values through {placeholders} that the analysis fills in
// ("满意度指标值 {target}% 低于 {min_percent}%").
// The catalog is constant data: no registration at run time, no globals.
#ifndef PERFBUDGET_POLICY_RULE_CATALOG_H_
#define PERFBUDGET_POLICY_RULE_CATALOG_H_

#include <span>
#include <string_view>

#include "perfbudget/policy/policy.h"

namespace perfbudget {

struct RuleParamSpec {
  std::string_view name;           // "min_percent"
  std::string_view default_value;  // exact decimal text, "80"
  std::string_view description;    // English, one line
};

struct RuleSpec {
  std::string_view code;  // "relevance.satisfaction_too_low"
  std::string_view area;  // "review", "exante", "monitoring", "reclaim"
  std::string_view
      dimension;  // review: "completeness" "relevance" "appropriateness" "feasibility"; else ""
  Severity default_severity = Severity::kWarning;
  std::string_view default_deduction;  // exact decimal text, "5"; "0" where not scored
  std::span<const RuleParamSpec> params;
  std::string_view title_zh;
  std::string_view title_en;
  std::string_view message_zh;  // template
  std::string_view message_en;  // template
  // Whether DefaultPolicy() enables the rule (a profile may switch it on or
  // off: "completeness.missing_cost" is off by default, on in `central`).
  bool default_enabled = true;
};

// One side of a ParamOrderSpec: a rule's parameter, or (empty `code`) the
// constant `value` (exact decimal text).
struct ParamBound {
  std::string_view code;
  std::string_view param;
  std::string_view value;
};

// An order two values of a profile must keep for the analyses to make sense
// (rules as data: each analysis declares the orders its rules rely on, and
// loading a profile checks them, so an inconsistent profile is refused where
// it is loaded with a located message): low ≤ high, or low < high when
// `strict`. With `when_enabled`, only while every rule named is enabled.
struct ParamOrderSpec {
  ParamBound low;
  ParamBound high;
  bool strict = false;
  bool when_enabled = true;
  std::string_view problem;  // English, "yellow and red gap bands overlap"
};

// Each analysis's catalog (defined beside the analysis).
std::span<const RuleSpec> ReviewRuleCatalog();
std::span<const RuleSpec> MonitoringRuleCatalog();
// coverage.*, rectification.*, disclosure.* (src/evaluation/rule_catalog_followup.cc).
std::span<const RuleSpec> FollowupRuleCatalog();
std::span<const RuleSpec> EvaluationRuleCatalog();  // selfeval.*, results.*

// The orders each analysis's rules rely on (defined beside the catalogs).
std::span<const ParamOrderSpec> ReviewParamOrders();
std::span<const ParamOrderSpec> MonitoringParamOrders();
std::span<const std::span<const ParamOrderSpec>> AllParamOrders();

// All catalogs, and lookup by code (nullptr when unknown).
std::span<const std::span<const RuleSpec>> AllRuleCatalogs();
const RuleSpec* FindRuleSpec(std::string_view code);

// A policy with every catalog rule at its defaults (name "defaults"): enabled
// as RuleSpec::default_enabled says, default severity, deduction and params.
Policy DefaultPolicy();

// Fills "{name}" placeholders from `values` (name → text). Unknown
// placeholders are left as they are.
std::string FillTemplate(std::string_view tmpl,
                         std::span<const std::pair<std::string_view, std::string>> values);

}  // namespace perfbudget

#endif  // PERFBUDGET_POLICY_RULE_CATALOG_H_
