// result_application.cc: grades → next year's budget proposals; see
// result_application.h for the rules.
#include "perfbudget/evaluation/result_application.h"

#include <algorithm>
#include <cstdint>
#include <new>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "monitoring/monitor_internal.h"
#include "perfbudget/evaluation/self_evaluation.h"
#include "perfbudget/money/allocate.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

using monitoring_internal::WanYuan;

using SourceMoney = std::array<Money, kFundSourceCount>;

struct Budget {
  std::array<bool, kFundSourceCount> present{};
  SourceMoney current{};
  Money total;
};

absl::StatusOr<Budget> BudgetOf(const ProjectView p) {
  Budget b;
  bool ok = true;
  for (const FundLine& l : p.funds()) {
    const auto s = static_cast<std::size_t>(l.source);
    b.present[s] = true;
    ok = ok && b.current[s].TryAdd(l.approved) && b.total.TryAdd(l.approved);
  }
  for (const AdjustmentView a : p.adjustments()) {
    const auto s = static_cast<std::size_t>(a.source());
    b.present[s] = true;
    ok = ok && b.current[s].TryAdd(a.amount()) && b.total.TryAdd(a.amount());
  }
  if (!ok) return absl::OutOfRangeError(Cat("amount overflow in project ", p.id()));
  return b;
}

// The cut across fund sources, as reclaim splits (money/allocate.h):
// proportional to each source's current budget, or in the policy's priority
// order capped by each source's budget (the remainder to the last source).
absl::StatusOr<std::vector<FundSplit>> Split(const Policy& policy, const Budget& b, Money amount) {
  if (amount.is_zero()) return std::vector<FundSplit>{};
  const bool priority = policy.split_method() == SplitMethod::kPriority;
  std::vector<FundSource> sources;
  std::array<bool, kFundSourceCount> used{};
  if (priority) {
    for (FundSource s : policy.split_priority()) {
      const auto i = static_cast<std::size_t>(s);
      if (b.present[i] && !used[i]) {
        sources.push_back(s);
        used[i] = true;
      }
    }
  }
  for (std::size_t i = 0; i < kFundSourceCount; ++i) {
    if (b.present[i] && !used[i]) sources.push_back(static_cast<FundSource>(i));
  }
  if (sources.empty()) sources.push_back(FundSource::kGeneralBudget);
  std::vector<Money> parts;
  if (priority) {
    std::vector<Money> caps;
    for (FundSource s : sources) {
      const Money c = b.current[static_cast<std::size_t>(s)];
      caps.push_back(c.is_negative() ? Money() : c);
    }
    auto r = AllocateByPriority(amount, caps, /*allow_remainder=*/true);
    if (!r.ok()) return r.status();
    parts = std::move(*r);
  } else {
    std::vector<std::int64_t> weights;
    bool any = false;
    for (FundSource s : sources) {
      const std::int64_t w =
          std::max<std::int64_t>(0, b.current[static_cast<std::size_t>(s)].fen());
      weights.push_back(w);
      any = any || w > 0;
    }
    if (!any) {
      std::fill(weights.begin(), weights.end(), 0);
      weights[0] = 1;
    }
    auto r = AllocateByWeights(amount, weights);
    if (!r.ok()) return r.status();
    parts = std::move(*r);
  }
  std::vector<FundSplit> out;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (!parts[i].is_zero()) out.push_back({sources[i], parts[i]});
  }
  return out;
}

// base × percent ÷ 100, half-up to the fen.
absl::StatusOr<Money> PercentOf(Money base, const Ratio& percent) {
  const int128_t num = percent.numerator();
  const int128_t den = percent.denominator() * 100;
  if (num > INT64_MAX || num < INT64_MIN || den > INT64_MAX) {
    return absl::InvalidArgumentError("result_application: a percentage too precise to apply");
  }
  return base.MulDiv(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// Index of the first suggestion that starts with a merge marker (optionally
// after "建议"), or kNoIndex.
std::uint32_t MergeSuggestion(const Evaluation& ev, const ResultApplicationPolicy& rp) {
  for (std::uint32_t i = 0; i < ev.suggestions.size(); ++i) {
    std::string_view s = TrimLeft(ev.suggestions[i]);
    if (StartsWith(s, "建议")) s = TrimLeft(s.substr(std::string_view("建议").size()));
    for (const std::string& m : rp.merge_markers) {
      if (!m.empty() && StartsWith(s, m)) return i;
    }
  }
  return kNoIndex;
}

// Whether `a` was made later than `b` (evaluated year, then date; equal:
// the later in input order, i.e. `a` when it comes after).
bool Later(const Evaluation& a, const Evaluation& b) {
  if (a.evaluated_year != b.evaluated_year) return a.evaluated_year > b.evaluated_year;
  if (a.date.has_value() && b.date.has_value() && *a.date != *b.date) return *a.date > *b.date;
  if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
  return true;
}

std::string SplitText(const std::vector<FundSplit>& split, bool en) {
  if (split.empty()) return en ? "no split" : "无分配";
  std::string s = en ? "split: " : "按资金来源：";
  for (std::size_t i = 0; i < split.size(); ++i) {
    if (i > 0) s += en ? ", " : "，";
    absl::StrAppend(&s, std::string(en ? CodeOf(split[i].source) : ZhLabelOf(split[i].source)), " ",
                    WanYuan(split[i].amount));
  }
  return s;
}

std::string_view CodeFor(ResultAction a) {
  switch (a) {
    case ResultAction::kPriority:
      return "results.priority";
    case ResultAction::kKeep:
      return "results.keep";
    case ResultAction::kCut:
      return "results.cut";
    case ResultAction::kCancel:
      return "results.cancel";
    case ResultAction::kMerge:
      return "results.merge";
  }
  return "results.keep";
}

void Render(const Dataset& ds, int year, ResultProposal& p) {
  const RuleSpec* spec = FindRuleSpec(p.code);
  if (spec == nullptr) return;
  const ProjectView proj = ds.projects()[p.project_index];
  const Evaluation& ev = ds.evaluations()[p.evaluation_index];
  for (bool en : {false, true}) {
    const std::vector<std::pair<std::string_view, std::string>> v = {
        {"id", std::string(proj.id())},
        {"name", std::string(proj.name())},
        {"evaluation", ev.id},
        {"kind", std::string(en ? CodeOf(ev.kind) : ZhLabelOf(ev.kind))},
        {"grade", std::string(en ? CodeOf(p.grade) : ZhLabelOf(p.grade))},
        {"score", ev.score.has_value() ? ev.score->ToDecimalString(2) : ""},
        {"base", WanYuan(p.base)},
        {"cut", WanYuan(p.cut)},
        {"percent", p.cut_percent.ToShortString()},
        {"proposed", WanYuan(p.proposed)},
        {"year", absl::StrCat(year)},
        {"suggestion", p.suggestion == kNoIndex ? "" : ev.suggestions[p.suggestion]},
        {"split", SplitText(p.split, en)},
    };
    (en ? p.message_en : p.message_zh) = FillTemplate(en ? spec->message_en : spec->message_zh, v);
  }
}

absl::Status CheckSection(const ResultApplicationPolicy& rp) {
  const Ratio hundred(100);
  for (const GradeConsequence& c : rp.by_grade) {
    if (c.cut_percent.overflowed() || c.cut_percent.is_negative() || c.cut_percent > hundred) {
      return absl::InvalidArgumentError("result_application: a cut percent outside 0..100");
    }
  }
  if (rp.merge_cut_percent.overflowed() || rp.merge_cut_percent.is_negative() ||
      rp.merge_cut_percent > hundred) {
    return absl::InvalidArgumentError("result_application: merge_cut_percent outside 0..100");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ResultApplicationReport> ApplyResults(const Dataset& dataset, const Policy& policy,
                                                     const ResultApplicationOptions& options) try {
  const ResultApplicationPolicy& rp = policy.result_application();
  if (auto s = CheckSection(rp); !s.ok()) return s;
  ResultApplicationReport rep;
  rep.dataset = dataset;
  rep.budget_year = dataset.info().fiscal_year + 1;
  const auto& projects = dataset.projects();
  const auto evals = dataset.evaluations();

  // The deciding evaluation of each project.
  std::vector<std::uint32_t> decider(projects.size(), kNoIndex);
  for (std::uint32_t e = 0; e < evals.size(); ++e) {
    const Evaluation& ev = evals[e];
    if (std::find(rp.kinds.begin(), rp.kinds.end(), ev.kind) == rp.kinds.end()) continue;
    if (!ev.grade.has_value() && !ev.score.has_value()) {
      rep.ungraded.push_back(e);
      continue;
    }
    if (ev.project_index == kNoIndex) continue;
    std::uint32_t& d = decider[ev.project_index];
    if (d == kNoIndex || Later(ev, evals[d])) d = e;
  }

  std::vector<ResultTotal> unit_totals(dataset.units().size());
  for (std::uint32_t u = 0; u < unit_totals.size(); ++u) unit_totals[u].unit_index = u;
  for (std::uint32_t p = 0; p < projects.size(); ++p) {
    if (decider[p] == kNoIndex) continue;
    const ProjectView proj = projects[p];
    if (proj.status() == ProjectStatus::kCancelled) continue;
    const Evaluation& ev = evals[decider[p]];
    ResultProposal rpz;
    rpz.project_index = p;
    rpz.evaluation_index = decider[p];
    if (ev.grade.has_value()) {
      rpz.grade = *ev.grade;
    } else {
      rpz.grade = SelfEvaluationGradeOf(policy.self_evaluation(), *ev.score);
      rpz.grade_from_score = true;
    }
    const GradeConsequence& c = rp.by_grade[static_cast<std::size_t>(rpz.grade)];
    rpz.action = c.action;
    rpz.cut_percent = c.cut_percent;
    rpz.suggestion = MergeSuggestion(ev, rp);
    if (rpz.suggestion != kNoIndex) {
      rpz.action = ResultAction::kMerge;
      rpz.cut_percent = rp.merge_cut_percent;
    }
    rpz.code = CodeFor(rpz.action);
    rpz.severity = policy.Rule(rpz.code).severity;
    auto budget = BudgetOf(proj);
    if (!budget.ok()) return budget.status();
    rpz.base = budget->total;
    if (rpz.base.fen() > 0) {
      auto cut = PercentOf(rpz.base, rpz.cut_percent);
      if (!cut.ok()) return cut.status();
      rpz.cut = *cut;
    }
    auto proposed = rpz.base.Minus(rpz.cut);
    if (!proposed.ok()) return proposed.status();
    rpz.proposed = *proposed;
    auto split = Split(policy, *budget, rpz.cut);
    if (!split.ok()) return split.status();
    rpz.split = std::move(*split);
    if (options.messages) Render(dataset, rep.budget_year, rpz);

    const auto a = static_cast<std::size_t>(rpz.action);
    for (ResultTotal* t : {&unit_totals[proj.unit_index()], &rep.total}) {
      ++t->projects;
      ++t->by_action[a];
      bool ok = t->cut_by_action[a].TryAdd(rpz.cut) && t->base.TryAdd(rpz.base) &&
                t->cut.TryAdd(rpz.cut) && t->proposed.TryAdd(rpz.proposed);
      for (const FundSplit& f : rpz.split) {
        ok = ok && t->cut_by_source[static_cast<std::size_t>(f.source)].TryAdd(f.amount);
      }
      if (!ok) return absl::OutOfRangeError("result application total overflow");
    }
    rep.proposals.push_back(std::move(rpz));
  }
  for (const ResultTotal& t : unit_totals) {
    if (t.projects > 0) rep.units.push_back(t);
  }
  if (options.next_year.has_value()) {
    const Dataset& next = *options.next_year;
    rep.next_year = next;
    const ProjectTable& next_projects = next.projects();
    for (std::uint32_t p = 0; p < next_projects.size(); ++p) {
      const ProjectView proj = next_projects[p];
      if (proj.requested().fen() <= 0) continue;
      const Money approved = next.ApprovedOf(p);
      if (!(approved < proj.requested())) continue;
      NextYearCut c;
      c.project_index = p;
      c.requested = proj.requested();
      c.approved = approved;
      auto cut = proj.requested().Minus(approved);
      if (!cut.ok()) return cut.status();
      c.cut = *cut;
      c.cancelled = proj.status() == ProjectStatus::kCancelled;
      const std::uint32_t here = dataset.FindProject(proj.id());
      for (std::uint32_t k = 0; k < rep.proposals.size() && here != kNoIndex; ++k) {
        if (rep.proposals[k].project_index == here) c.proposal = k;
      }
      if (!rep.next_year_cut.TryAdd(c.cut)) return absl::OutOfRangeError("next-year cut overflow");
      rep.next_year_cuts.push_back(c);
    }
  }
  return rep;
} catch (const std::bad_alloc&) {
  return OutOfMemory("applying evaluation results");
}

}  // namespace perfbudget
