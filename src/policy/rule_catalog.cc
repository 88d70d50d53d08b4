// rule_catalog.cc: the combined rule catalog, lookup, the default policy and
// template filling.
#include "perfbudget/policy/rule_catalog.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace perfbudget {

std::span<const std::span<const RuleSpec>> AllRuleCatalogs() {
  // Constant table of the analyses' catalogs (each is constant data).
  static const std::array<std::span<const RuleSpec>, 4> kAll = {
      ReviewRuleCatalog(), MonitoringRuleCatalog(), FollowupRuleCatalog(),
      EvaluationRuleCatalog()};
  return kAll;
}

std::span<const std::span<const ParamOrderSpec>> AllParamOrders() {
  static const std::array<std::span<const ParamOrderSpec>, 2> kAll = {ReviewParamOrders(),
                                                                      MonitoringParamOrders()};
  return kAll;
}

const RuleSpec* FindRuleSpec(std::string_view code) {
  for (std::span<const RuleSpec> catalog : AllRuleCatalogs()) {
    for (const RuleSpec& spec : catalog) {
      if (spec.code == code) return &spec;
    }
  }
  return nullptr;
}

namespace {

Ratio ParseOrZero(std::string_view text) {
  if (text.empty()) return Ratio();
  absl::StatusOr<Ratio> r = Ratio::ParseDecimal(text);
  return r.ok() ? *r : Ratio();
}

}  // namespace

Policy DefaultPolicy() {
  Policy policy;
  policy.set_name("defaults");
  policy.set_description("Every catalog rule at its default settings.");
  for (std::span<const RuleSpec> catalog : AllRuleCatalogs()) {
    for (const RuleSpec& spec : catalog) {
      RuleSetting& rule = policy.MutableRule(spec.code);
      rule.enabled = spec.default_enabled;
      rule.severity = spec.default_severity;
      rule.deduction = ParseOrZero(spec.default_deduction);
      rule.params.clear();
      for (const RuleParamSpec& p : spec.params) {
        rule.params.emplace(std::string(p.name), ParseOrZero(p.default_value));
      }
    }
  }
  return policy;
}

std::string FillTemplate(std::string_view tmpl,
                         std::span<const std::pair<std::string_view, std::string>> values) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  std::size_t i = 0;
  while (i < tmpl.size()) {
    std::size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) {
      out.append(tmpl.substr(i));
      break;
    }
    out.append(tmpl.substr(i, open - i));
    std::size_t close = tmpl.find('}', open + 1);
    if (close == std::string_view::npos) {
      out.append(tmpl.substr(open));
      break;
    }
    std::string_view name = tmpl.substr(open + 1, close - open - 1);
    bool found = false;
    for (const auto& [key, value] : values) {
      if (key == name) {
        out.append(value);
        found = true;
        break;
      }
    }
    if (!found) out.append(tmpl.substr(open, close - open + 1));
    i = close + 1;
  }
  return out;
}

}  // namespace perfbudget
