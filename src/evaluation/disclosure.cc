// disclosure.cc: what was published and what was not; see disclosure.h.
#include "perfbudget/evaluation/disclosure.h"

#include <new>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

constexpr std::string_view kGoalBudget = "disclosure.goal_not_with_budget";
constexpr std::string_view kGoalApproval = "disclosure.goal_not_with_approval";
constexpr std::string_view kResult = "disclosure.result_not_with_final_accounts";

absl::StatusOr<bool> Flag(const Policy& policy, std::string_view code, std::string_view name) {
  const Ratio r = policy.Param(code, name);
  if (r != Ratio(0) && r != Ratio(1)) {
    return absl::InvalidArgumentError(absl::StrCat("policy ", policy.name(), ": rule ", AV(code),
                                                   " parameter ", AV(name), " = ",
                                                   r.ToExactString(), ": expected 0 or 1"));
  }
  return r == Ratio(1);
}

bool CountedResult(const Evaluation& e) {
  return e.kind == EvaluationKind::kFiscal || e.kind == EvaluationKind::kThirdParty;
}

}  // namespace

absl::StatusOr<DisclosureReport> CheckDisclosure(const Dataset& dataset, const Policy& policy,
                                                 const DisclosureOptions& options) try {
  DisclosureReport report;
  report.dataset = dataset;
  report.year = dataset.info().fiscal_year;
  absl::StatusOr<bool> budget_key_only = Flag(policy, kGoalBudget, "key_only");
  if (!budget_key_only.ok()) return budget_key_only.status();
  absl::StatusOr<bool> approval_key_only = Flag(policy, kGoalApproval, "key_only");
  if (!approval_key_only.ok()) return approval_key_only.status();
  absl::StatusOr<bool> unit_level = Flag(policy, kResult, "unit_level");
  if (!unit_level.ok()) return unit_level.status();

  for (std::uint32_t u = 0; u < dataset.units().size(); ++u) report.units.push_back({u, {}});
  const auto add = [&](std::string_view code, std::uint32_t project, std::uint32_t evaluation) {
    if (!policy.Enabled(code)) return;
    DisclosureFinding f;
    f.code = code;
    f.severity = policy.Rule(code).severity;
    f.project_index = project;
    f.evaluation_index = evaluation;
    report.findings.push_back(std::move(f));
  };
  const auto each_count = [&](std::uint32_t unit, auto&& fn) {
    fn(report.total);
    if (unit != kNoIndex) fn(report.units[unit].counts);
  };
  const ProjectTable& projects = dataset.projects();
  for (std::uint32_t p = 0; p < projects.size(); ++p) {
    const ProjectView proj = projects[p];
    if (proj.status() == ProjectStatus::kCancelled) continue;
    const Disclosure& d = proj.disclosure();
    each_count(proj.unit_index(), [&](DisclosureCounts& c) {
      ++c.projects;
      c.with_budget += d.with_budget;
      c.with_approval += d.with_approval;
      if (proj.is_key()) {
        ++c.key_projects;
        c.key_with_budget += d.with_budget;
        c.key_with_approval += d.with_approval;
      }
    });
    if (proj.is_key()) report.key_projects.push_back(p);
    if (!d.with_budget && (proj.is_key() || !*budget_key_only)) add(kGoalBudget, p, kNoIndex);
    if (!d.with_approval && (proj.is_key() || !*approval_key_only)) {
      add(kGoalApproval, p, kNoIndex);
    }
  }
  const std::span<const Evaluation> evaluations = dataset.evaluations();
  for (std::uint32_t e = 0; e < evaluations.size(); ++e) {
    const Evaluation& ev = evaluations[e];
    if (!CountedResult(ev)) continue;
    report.results.push_back(e);
    each_count(ev.unit_index, [&](DisclosureCounts& c) {
      ++c.results;
      c.results_published += ev.published_with_final_accounts;
    });
    if (!ev.published_with_final_accounts && (!ev.project_id.empty() || *unit_level)) {
      add(kResult, kNoIndex, e);
    }
  }
  if (options.messages) {
    for (DisclosureFinding& f : report.findings) {
      f.message_zh = ExplainDisclosureFinding(report, f, "zh");
      f.message_en = ExplainDisclosureFinding(report, f, "en");
    }
  }
  return report;
} catch (const std::bad_alloc&) {
  return OutOfMemory("checking disclosure");
}

std::string ExplainDisclosureFinding(const DisclosureReport& report,
                                     const DisclosureFinding& finding, std::string_view lang) {
  const RuleSpec* spec = FindRuleSpec(finding.code);
  if (spec == nullptr) return std::string(finding.code);
  const bool en = lang == "en";
  const Dataset& ds = report.dataset;
  std::vector<std::pair<std::string_view, std::string>> v;
  v.emplace_back("year", absl::StrCat(report.year));
  if (finding.project_index != kNoIndex) {
    const ProjectView p = ds.projects()[finding.project_index];
    v.emplace_back("id", p.id());
    v.emplace_back("name", p.name());
    v.emplace_back("kind",
                   p.is_key() ? (en ? "key project" : "重点项目") : (en ? "project" : "项目"));
  } else if (finding.evaluation_index != kNoIndex) {
    const Evaluation& e = ds.evaluations()[finding.evaluation_index];
    v.emplace_back("evaluation", e.id);
    v.emplace_back("kind",
                   en ? std::string(e.kind == EvaluationKind::kFiscal ? "fiscal evaluation"
                                                                      : "third-party evaluation")
                      : std::string(ZhLabelOf(e.kind)));
    std::string subject;
    if (e.project_index != kNoIndex) {
      const ProjectView p = ds.projects()[e.project_index];
      subject = en ? Cat(p.name(), ", ", p.id()) : Cat(p.name(), "，", p.id());
    } else if (e.unit_index != kNoIndex) {
      subject = en ? Cat(ds.units()[e.unit_index].name(), ", unit level")
                   : Cat(ds.units()[e.unit_index].name(), "部门整体");
    }
    v.emplace_back("subject", subject);
  }
  return FillTemplate(en ? spec->message_en : spec->message_zh, v);
}

}  // namespace perfbudget
