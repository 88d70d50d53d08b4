// reclaim.cc: in-year reclaim proposals (收回), see reclaim.h for the rules.
#include "perfbudget/monitoring/reclaim.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <new>

#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "monitoring/monitor_internal.h"
#include "perfbudget/money/allocate.h"
#include "perfbudget/monitoring/monitor.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

using monitoring_internal::InScope;
using monitoring_internal::WanYuan;

constexpr std::string_view kUnimplemented = "reclaim.unimplemented";
constexpr std::string_view kSurplus = "reclaim.surplus_finished";
constexpr std::string_view kCarryOver = "reclaim.carry_over_two_years";
constexpr std::string_view kLagPlan = "reclaim.lagging_with_plan";
constexpr std::string_view kLagNoPlan = "reclaim.lagging_without_plan";
constexpr std::string_view kCodes[] = {kUnimplemented, kSurplus, kCarryOver, kLagPlan, kLagNoPlan};

using SourceMoney = std::array<Money, kFundSourceCount>;

// A project's per-source figures as of the date.
struct ProjectFigures {
  std::array<bool, kFundSourceCount> present{};
  SourceMoney current{};
  SourceMoney executed{};
  Money current_total;
  Money executed_total;
};

// Per-source current budget (fund lines + adjustments dated ≤ as_of).
absl::Status AddBudget(const ProjectView proj, Date as_of, ProjectFigures& f) {
  const auto overflow = [&] {
    return absl::OutOfRangeError(Cat("amount overflow in project ", proj.id()));
  };
  for (const FundLine& l : proj.funds()) {
    const auto s = static_cast<std::size_t>(l.source);
    f.present[s] = true;
    if (!f.current[s].TryAdd(l.approved) || !f.current_total.TryAdd(l.approved)) return overflow();
  }
  for (const AdjustmentView a : proj.adjustments()) {
    if (a.date() > as_of) continue;
    const auto s = static_cast<std::size_t>(a.source());
    f.present[s] = true;
    if (!f.current[s].TryAdd(a.amount()) || !f.current_total.TryAdd(a.amount())) return overflow();
  }
  return absl::OkStatus();
}

// Per-source executed amounts (disbursements dated ≤ as_of).
absl::Status AddExecuted(const Dataset& ds, std::uint32_t p, Date as_of, ProjectFigures& f) {
  const DisbursementTable& disb = ds.disbursements();
  const std::span<const Date> dates = disb.dates();
  const std::span<const Money> amounts = disb.amounts();
  const std::span<const FundSource> sources = disb.sources();
  for (std::uint32_t di : ds.DisbursementsOf(p)) {
    if (dates[di] > as_of) break;
    const auto s = static_cast<std::size_t>(sources[di]);
    f.present[s] = true;
    if (!f.executed[s].TryAdd(amounts[di]) || !f.executed_total.TryAdd(amounts[di])) {
      return absl::OutOfRangeError(Cat("amount overflow in project ", ds.projects()[p].id()));
    }
  }
  return absl::OkStatus();
}

// A project's figures, made when first needed: the budget side costs a look
// at its fund lines; the executed side a walk over its disbursements.
class LazyFigures {
 public:
  LazyFigures(const Dataset& ds, std::uint32_t p, Date as_of) : ds_(ds), p_(p), as_of_(as_of) {}
  absl::StatusOr<const ProjectFigures*> Budget() {
    if (!budget_) {
      if (auto s = AddBudget(ds_.projects()[p_], as_of_, f_); !s.ok()) return s;
      budget_ = true;
    }
    return &f_;
  }
  absl::StatusOr<const ProjectFigures*> Full() {
    if (auto b = Budget(); !b.ok()) return b.status();
    if (!executed_) {
      if (auto s = AddExecuted(ds_, p_, as_of_, f_); !s.ok()) return s;
      executed_ = true;
    }
    return &f_;
  }

 private:
  const Dataset& ds_;
  std::uint32_t p_;
  Date as_of_;
  ProjectFigures f_;
  bool budget_ = false, executed_ = false;
};

// Whether Split() needs the executed side (and the sources only disbursed
// from): always for the priority method; for the proportional one only when
// no source has a positive budget (then the first present source takes it
// all). Otherwise a source with no budget has weight 0 and gets no fen.
bool SplitNeedsExecuted(const Policy& policy, const ProjectFigures& f) {
  if (policy.split_method() == SplitMethod::kPriority) return true;
  for (std::size_t i = 0; i < kFundSourceCount; ++i) {
    if (f.present[i] && f.current[i].fen() > 0) return false;
  }
  return true;
}

// Splits `amount` over the project's fund sources: proportional to each
// source's current budget, or in the policy's priority order capped by each
// source's unspent budget (the remainder going to the last source).
absl::StatusOr<std::vector<FundSplit>> Split(const Policy& policy, const ProjectFigures& f,
                                             Money amount) {
  std::vector<FundSource> sources;
  if (policy.split_method() == SplitMethod::kPriority) {
    std::array<bool, kFundSourceCount> used{};
    for (FundSource s : policy.split_priority()) {
      const auto i = static_cast<std::size_t>(s);
      if (f.present[i] && !used[i]) {
        sources.push_back(s);
        used[i] = true;
      }
    }
    for (std::size_t i = 0; i < kFundSourceCount; ++i) {
      if (f.present[i] && !used[i]) sources.push_back(static_cast<FundSource>(i));
    }
  } else {
    for (std::size_t i = 0; i < kFundSourceCount; ++i) {
      if (f.present[i]) sources.push_back(static_cast<FundSource>(i));
    }
  }
  if (sources.empty()) sources.push_back(FundSource::kGeneralBudget);
  std::vector<Money> parts;
  if (policy.split_method() == SplitMethod::kPriority) {
    std::vector<Money> caps;
    for (FundSource s : sources) {
      const auto i = static_cast<std::size_t>(s);
      auto unspent = f.current[i].Minus(f.executed[i]);
      if (!unspent.ok()) return unspent.status();
      caps.push_back(unspent->is_negative() ? Money() : *unspent);
    }
    auto r = AllocateByPriority(amount, caps, /*allow_remainder=*/true);
    if (!r.ok()) return r.status();
    parts = std::move(*r);
  } else {
    std::vector<std::int64_t> weights;
    std::int64_t sum = 0;
    for (FundSource s : sources) {
      const std::int64_t w =
          std::max<std::int64_t>(0, f.current[static_cast<std::size_t>(s)].fen());
      weights.push_back(w);
      sum = (sum > INT64_MAX - w) ? INT64_MAX : sum + w;
    }
    if (sum == 0) {
      // No positive budget on any source: everything on the first one.
      std::fill(weights.begin(), weights.end(), 0);
      weights[0] = 1;
    }
    auto r = AllocateByWeights(amount, weights);
    if (!r.ok()) return r.status();
    parts = std::move(*r);
  }
  std::vector<FundSplit> out;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (parts[i].is_zero()) continue;
    out.push_back({sources[i], parts[i]});
  }
  return out;
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

std::string Render(const Dataset& ds, Date as_of, const ReclaimProposal& p, bool en) {
  const RuleSpec* spec = FindRuleSpec(p.code);
  if (spec == nullptr) return "";
  const ProjectView proj = ds.projects()[p.project_index];
  std::vector<std::pair<std::string_view, std::string>> v = {
      {"id", std::string(proj.id())},
      {"name", std::string(proj.name())},
      {"amount", WanYuan(p.amount)},
      {"current", WanYuan(p.current)},
      {"executed", WanYuan(p.executed)},
      {"planned_after", WanYuan(p.planned_after)},
      {"origin_year", absl::StrCat(p.origin_year)},
      {"threshold", p.threshold.ToShortString()},
      {"as_of", as_of.ToString()},
      {"split", SplitText(p.split, en)},
  };
  return FillTemplate(en ? spec->message_en : spec->message_zh, v);
}

bool IsLagRule(std::string_view code) {
  return code == "monitoring.gap_red" || code == "monitoring.no_disbursement_after_quarter" ||
         code == "monitoring.q3_summons";
}

}  // namespace

absl::StatusOr<ReclaimReport> Reclaim(const Dataset& dataset, const Policy& policy,
                                      const ReclaimOptions& options) try {
  MonitorOptions mo;
  mo.as_of = options.as_of;
  mo.goals = false;
  auto mon = Monitor(dataset, policy, mo);
  if (!mon.ok()) return mon.status();
  return Reclaim(*mon, policy, options);
} catch (const std::bad_alloc&) {
  return OutOfMemory("proposing reclaims");
}

std::string ExplainProposal(const ReclaimReport& report, const ReclaimProposal& proposal,
                            std::string_view lang) {
  return Render(report.dataset, report.as_of, proposal, lang == "en");
}

absl::StatusOr<ReclaimReport> Reclaim(const MonitorReport& monitoring, const Policy& policy,
                                      const ReclaimOptions& options) try {
  const MonitorReport* mon = &monitoring;
  const Dataset& dataset = monitoring.dataset;
  const Date as_of = monitoring.as_of;
  const int fy = dataset.fiscal_year().year();
  const bool co_on = policy.Enabled(kCarryOver);
  const Ratio min_years = monitoring_internal::ParamOf(policy, kCarryOver, "min_years");
  const int128_t min_years_int = min_years.RoundedScaled(0);
  // Rules read once.
  struct Code {
    bool on;
    Severity severity;
  };
  const auto code_of = [&](std::string_view c) {
    const RuleSetting& s = policy.Rule(c);
    return Code{s.enabled, s.severity};
  };
  const Code unimplemented_rule = code_of(kUnimplemented), surplus_rule = code_of(kSurplus),
             lag_plan_rule = code_of(kLagPlan), lag_no_plan_rule = code_of(kLagNoPlan);
  const Severity co_severity = policy.Rule(kCarryOver).severity;

  ReclaimReport rep;
  rep.dataset = dataset;
  rep.as_of = as_of;
  std::vector<ReclaimTotal> unit_totals(dataset.units().size());
  for (std::uint32_t u = 0; u < unit_totals.size(); ++u) unit_totals[u].unit_index = u;
  std::array<ReclaimReport::ByCode, std::size(kCodes)> by_code{};
  for (std::size_t i = 0; i < std::size(kCodes); ++i) by_code[i].code = kCodes[i];

  const auto add = [&](ReclaimProposal p, Severity severity, std::size_t code_pos) -> absl::Status {
    p.severity = severity;
    if (options.messages) {
      p.message_zh = Render(dataset, as_of, p, false);
      p.message_en = Render(dataset, as_of, p, true);
    }
    const std::uint32_t u = dataset.projects()[p.project_index].unit_index();
    for (ReclaimTotal* t : {&unit_totals[u], &rep.total}) {
      if (p.has_amount) {
        ++t->proposals;
        if (!t->amount.TryAdd(p.amount)) return absl::OutOfRangeError("reclaim total overflow");
        for (const FundSplit& fs : p.split) {
          if (!t->by_source[static_cast<std::size_t>(fs.source)].TryAdd(fs.amount)) {
            return absl::OutOfRangeError("reclaim total overflow");
          }
        }
      } else {
        ++t->warnings;
      }
    }
    ++by_code[code_pos].count;
    if (!by_code[code_pos].amount.TryAdd(p.amount)) {
      return absl::OutOfRangeError("reclaim total overflow");
    }
    rep.proposals.push_back(std::move(p));
    return absl::OkStatus();
  };

  // Project rows of the monitoring report, by project index. The project
  // columns and their fund lines and plans are read in project order: no
  // prefetch needed.
  const ProjectTable& projects = dataset.projects();
  const auto& rows = mon->projects;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const MonitorRow& row = rows[r];
    const std::uint32_t pi = row.index;
    const ProjectView proj = projects[pi];
    if (!InScope(proj)) continue;
    auto unspent = row.current.Minus(row.executed);
    if (!unspent.ok()) return unspent.status();
    const std::size_t before = rep.proposals.size();
    LazyFigures fig(dataset, pi, as_of);

    ReclaimProposal base;
    base.project_index = pi;
    base.current = row.current;
    base.executed = row.executed;

    const bool unimplemented = proj.status() == ProjectStatus::kNotImplemented;
    const bool closed =
        proj.status() == ProjectStatus::kFinished || proj.status() == ProjectStatus::kTerminated;
    if (unimplemented || closed) {
      const Code& rule = unimplemented ? unimplemented_rule : surplus_rule;
      if (rule.on && unspent->fen() > 0) {
        ReclaimProposal p = base;
        p.code = unimplemented ? kUnimplemented : kSurplus;
        p.amount = *unspent;
        auto f = fig.Budget();
        if (f.ok() && SplitNeedsExecuted(policy, **f)) f = fig.Full();
        if (!f.ok()) return f.status();
        auto split = Split(policy, **f, p.amount);
        if (!split.ok()) return split.status();
        p.split = std::move(*split);
        if (auto s = add(std::move(p), rule.severity, unimplemented ? 0 : 1); !s.ok()) return s;
      }
    } else {
      // Carry-over lines from min_years ago or earlier (oldest spent first).
      Money co_reclaimed;
      const auto co = static_cast<std::size_t>(FundSource::kCarryOver);
      if (co_on) {
        Money old_budget;
        int newest_old = 0;
        for (const FundLine& l : proj.funds()) {
          if (l.source != FundSource::kCarryOver || l.origin_year == 0) continue;
          if (int128_t{fy} - l.origin_year < min_years_int) continue;
          if (!old_budget.TryAdd(l.approved)) return absl::OutOfRangeError("carry-over overflow");
          newest_old = std::max(newest_old, l.origin_year);
        }
        if (old_budget.fen() > 0) {
          auto f = fig.Full();
          if (!f.ok()) return f.status();
          // Unspent of the old lines: spending goes to the oldest first, and
          // the source's own unspent caps it.
          auto old_left = old_budget.Minus((*f)->executed[co]);
          auto co_left = (*f)->current[co].Minus((*f)->executed[co]);
          if (!old_left.ok() || !co_left.ok()) return absl::OutOfRangeError("carry-over overflow");
          const Money amount = std::max(Money(), std::min(*old_left, *co_left));
          if (amount.fen() > 0) {
            ReclaimProposal p = base;
            p.code = kCarryOver;
            p.amount = amount;
            p.origin_year = newest_old;
            p.threshold = min_years;
            p.split = {{FundSource::kCarryOver, amount}};
            co_reclaimed = amount;
            if (auto s = add(std::move(p), co_severity, 2); !s.ok()) return s;
          }
        }
      }
      // Lagging projects: red on a lag rule.
      bool lagging = false;
      for (const MonitorReason& reason : mon->ReasonsOf(row)) {
        if (IsLagRule(reason.code) && LevelOfSeverity(reason.severity) == WarningLevel::kRed) {
          lagging = true;
        }
      }
      if (lagging) {
        if (!proj.payment_plan().empty()) {
          Money planned_after;
          for (const PlannedPayment& pp : proj.payment_plan()) {
            if (pp.date > as_of && !planned_after.TryAdd(pp.amount)) {
              return absl::OutOfRangeError("payment plan overflow");
            }
          }
          auto expected = unspent->Minus(planned_after);
          if (!expected.ok()) return expected.status();
          auto amount = expected->Minus(co_reclaimed);
          if (!amount.ok()) return amount.status();
          if (lag_plan_rule.on && amount->fen() > 0) {
            ReclaimProposal p = base;
            p.code = kLagPlan;
            p.amount = *amount;
            p.planned_after = planned_after;
            auto f = fig.Budget();
            if (!f.ok()) return f.status();
            // The carry-over already proposed is no longer in its source.
            ProjectFigures f2 = **f;
            if (co_reclaimed.fen() > 0) {
              auto c = f2.current[co].Minus(co_reclaimed);
              if (!c.ok()) return c.status();
              f2.current[co] = *c;
            }
            if (SplitNeedsExecuted(policy, f2)) {
              auto full = fig.Full();
              if (!full.ok()) return full.status();
              const Money co_current = f2.current[co];
              f2 = **full;
              f2.current[co] = co_current;
            }
            auto split = Split(policy, f2, p.amount);
            if (!split.ok()) return split.status();
            p.split = std::move(*split);
            if (auto s = add(std::move(p), lag_plan_rule.severity, 3); !s.ok()) return s;
          }
        } else if (lag_no_plan_rule.on) {
          ReclaimProposal p = base;
          p.code = kLagNoPlan;
          p.has_amount = false;
          if (auto s = add(std::move(p), lag_no_plan_rule.severity, 4); !s.ok()) return s;
        }
      }
    }
    if (rep.proposals.size() > before) {
      ++unit_totals[proj.unit_index()].projects;
      ++rep.total.projects;
    }
  }
  for (ReclaimTotal& t : unit_totals) {
    if (t.proposals + t.warnings > 0) rep.units.push_back(t);
  }
  rep.by_code.assign(by_code.begin(), by_code.end());
  return rep;
} catch (const std::bad_alloc&) {
  return OutOfMemory("proposing reclaims");
}

}  // namespace perfbudget
