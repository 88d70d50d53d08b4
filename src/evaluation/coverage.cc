// coverage.cc: the fiscal-evaluation coverage plan; see coverage.h for the rule.
#include "perfbudget/evaluation/coverage.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <new>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

constexpr std::string_view kPlan = "coverage.plan";
constexpr std::string_view kDue = "coverage.due";
constexpr std::string_view kOverdue = "coverage.overdue";
constexpr std::string_view kRecommended = "coverage.recommended";
constexpr std::string_view kBreach = "coverage.breach";

constexpr std::int64_t kFenPerWan = 1'000'000;

// An integer parameter of coverage.plan within [lo, hi].
absl::StatusOr<int> IntParam(const Policy& policy, std::string_view name, int lo, int hi) {
  const Ratio r = policy.Param(kPlan, name);
  if (!r.is_integer() || r < Ratio(lo) || r > Ratio(hi)) {
    return absl::InvalidArgumentError(
        absl::StrCat("policy ", policy.name(), ": rule ", AV(kPlan), " parameter ", AV(name), " = ",
                     r.ToExactString(), ": expected an integer from ", lo, " to ", hi));
  }
  return static_cast<int>(r.numerator());
}

absl::StatusOr<Money> WanParam(const Policy& policy, std::string_view name) {
  const Ratio fen = policy.Param(kPlan, name) * Ratio(kFenPerWan);
  if (fen.overflowed() || !fen.is_integer() || fen.is_negative() ||
      fen.numerator() > std::numeric_limits<std::int64_t>::max()) {
    return absl::InvalidArgumentError(
        absl::StrCat("policy ", policy.name(), ": rule ", AV(kPlan), " parameter ", AV(name), " = ",
                     policy.Param(kPlan, name).ToExactString(),
                     ": expected an amount in 万元 ≥ 0, exact to the fen"));
  }
  return Money::FromFen(static_cast<std::int64_t>(fen.numerator()));
}

bool Counts(EvaluationKind kind, bool count_third_party) {
  return kind == EvaluationKind::kFiscal ||
         (count_third_party && kind == EvaluationKind::kThirdParty);
}

// The calendar year an evaluation was carried out; 0 = unknown.
int YearOf(const Evaluation& e) {
  if (e.date.has_value()) return e.date->year();
  return e.evaluated_year > 0 ? e.evaluated_year + 1 : 0;
}

bool PoorGrade(const std::optional<Grade>& g) {
  return g.has_value() && (*g == Grade::kFair || *g == Grade::kPoor);
}

std::string Wan(Money m) { return m.ToString({.unit = MoneyUnit::kWanYuan, .unit_suffix = true}); }

// An evaluation's identity across datasets: the same record passed twice
// (the same dataset given as history and as the current one) counts once.
struct EvaluationKey {
  std::string_view id;
  std::string_view project_id;
  std::string_view unit_id;
  int year = 0;
  EvaluationKind kind = EvaluationKind::kFiscal;
  friend bool operator==(const EvaluationKey&, const EvaluationKey&) = default;
};
struct EvaluationKeyHash {
  std::size_t operator()(const EvaluationKey& k) const {
    return absl::HashOf(AV(k.id), AV(k.project_id), AV(k.unit_id), k.year,
                        static_cast<int>(k.kind));
  }
};

// The simulation state of one key project.
struct State {
  int last = 0;  // last counted (or planned) evaluation year; 0 = never
  bool poor = false;
};

struct Resolved {
  int window = 5;
  std::uint32_t max_projects = 0;
  bool max_projects_auto = false;
  Money max_amount;
  int horizon = 5;
  bool count_third_party = true;
};

absl::StatusOr<Resolved> Resolve(const Policy& policy, const CoverageOptions& options,
                                 std::size_t key_projects) {
  Resolved r;
  absl::StatusOr<int> window = IntParam(policy, "window_years", 1, 50);
  if (!window.ok()) return window.status();
  r.window = *window;
  absl::StatusOr<int> horizon = IntParam(policy, "horizon_years", 0, 100);
  if (!horizon.ok()) return horizon.status();
  r.horizon = *horizon == 0 ? r.window : *horizon;
  if (options.horizon_years.has_value()) {
    if (*options.horizon_years < 1 || *options.horizon_years > 100) {
      return absl::InvalidArgumentError(absl::StrCat(
          "coverage option horizon_years = ", *options.horizon_years, ": expected 1 to 100"));
    }
    r.horizon = *options.horizon_years;
  }
  absl::StatusOr<int> count_tp = IntParam(policy, "count_third_party", 0, 1);
  if (!count_tp.ok()) return count_tp.status();
  r.count_third_party = *count_tp == 1;
  std::uint32_t max_projects = 0;
  if (options.max_projects.has_value()) {
    max_projects = *options.max_projects;
  } else {
    absl::StatusOr<int> mp = IntParam(policy, "max_projects", 0, 100'000'000);
    if (!mp.ok()) return mp.status();
    max_projects = static_cast<std::uint32_t>(*mp);
  }
  if (max_projects == 0) {
    r.max_projects_auto = true;
    const auto w = static_cast<std::size_t>(r.window);
    max_projects = static_cast<std::uint32_t>(std::max<std::size_t>(1, (key_projects + w - 1) / w));
  }
  r.max_projects = max_projects;
  if (options.max_amount.has_value()) {
    if (options.max_amount->is_negative()) {
      return absl::InvalidArgumentError(
          absl::StrCat("coverage option max_amount = ", options.max_amount->ToString(),
                       " 元: expected ≥ 0 (0 = no limit)"));
    }
    r.max_amount = *options.max_amount;
  } else {
    absl::StatusOr<Money> ma = WanParam(policy, "max_amount_wan");
    if (!ma.ok()) return ma.status();
    r.max_amount = *ma;
  }
  return r;
}

// Yearly capacity: a number of projects and, when non-zero, an amount.
class Capacity {
 public:
  Capacity(std::uint32_t max_projects, Money max_amount)
      : max_projects_(max_projects), max_amount_(max_amount) {}
  bool full() const { return used_projects_ >= max_projects_; }
  bool Fits(Money amount) const {
    if (full()) return false;
    if (max_amount_.is_zero()) return true;
    Money after = used_amount_;
    return after.TryAdd(amount) && after <= max_amount_;
  }
  void Take(Money amount) {
    ++used_projects_;
    (void)used_amount_.TryAdd(amount);  // bounded by Σ current budgets, checked before
  }

 private:
  std::uint32_t max_projects_;
  Money max_amount_;
  std::uint32_t used_projects_ = 0;
  Money used_amount_;
};

}  // namespace

std::string_view CodeOf(CoverageStatus s) {
  switch (s) {
    case CoverageStatus::kEvaluated:
      return "evaluated";
    case CoverageStatus::kDue:
      return "due";
    case CoverageStatus::kRecommended:
      return "recommended";
    case CoverageStatus::kBreach:
      return "breach";
    case CoverageStatus::kLater:
      return "later";
  }
  return "later";
}

std::string_view ZhLabelOf(CoverageStatus s) {
  switch (s) {
    case CoverageStatus::kEvaluated:
      return "本年已评价";
    case CoverageStatus::kDue:
      return "应评";
    case CoverageStatus::kRecommended:
      return "建议评价";
    case CoverageStatus::kBreach:
      return "超出能力";
    case CoverageStatus::kLater:
      return "以后年度";
  }
  return "以后年度";
}

std::vector<Evaluation> CollectEvaluations(std::span<const Dataset> datasets) {
  std::vector<Evaluation> out;
  for (const Dataset& ds : datasets) {
    out.insert(out.end(), ds.evaluations().begin(), ds.evaluations().end());
  }
  return out;
}

absl::StatusOr<CoverageReport> PlanCoverage(const Dataset& current,
                                            std::span<const Evaluation> history,
                                            const Policy& policy,
                                            const CoverageOptions& options) try {
  CoverageReport report;
  report.dataset = current;
  report.year = options.year.value_or(current.info().fiscal_year);
  if (report.year < 1 || report.year > 9000) {
    return absl::InvalidArgumentError(
        absl::StrCat("coverage plan year ", report.year, ": expected 1 to 9000"));
  }
  const int first_plan_year = report.year;

  // --- the key projects in scope (not cancelled), with their current budgets.
  const ProjectTable& projects = current.projects();
  // Made with room for every project (base/absl_compat.h: out of memory).
  absl::flat_hash_map<std::string_view, std::uint32_t, StringViewHash, StringViewEq> row_of(
      RoomFor(projects.size()));
  for (std::uint32_t p = 0; p < projects.size(); ++p) {
    const ProjectView proj = projects[p];
    if (!proj.is_key() || proj.status() == ProjectStatus::kCancelled) continue;
    CoverageProject row;
    row.project_index = p;
    row.unit_index = proj.unit_index();
    row.current = current.ApprovedOf(p);
    for (const AdjustmentView a : proj.adjustments()) {
      if (!row.current.TryAdd(a.amount())) {
        return absl::OutOfRangeError(Cat("amount overflow in project ", proj.id()));
      }
    }
    row.first_year = proj.start_year();
    row_of.emplace(proj.id(), static_cast<std::uint32_t>(report.projects.size()));
    report.projects.push_back(std::move(row));
  }

  absl::StatusOr<Resolved> resolved = Resolve(policy, options, report.projects.size());
  if (!resolved.ok()) return resolved.status();
  const Resolved& cfg = *resolved;
  report.window_years = cfg.window;
  report.horizon_years = cfg.horizon;
  report.max_projects = cfg.max_projects;
  report.max_projects_auto = cfg.max_projects_auto;
  report.max_amount = cfg.max_amount;
  report.count_third_party = cfg.count_third_party;

  // --- the history: the dataset's own evaluations and the given ones, each
  // counted once (the same record passed twice is one evaluation).
  struct Latest {
    int year = 0;
    std::optional<Date> date;
    std::string_view id;
    std::optional<Grade> grade;
  };
  std::vector<Latest> latest(report.projects.size());
  std::vector<bool> evaluated_this_year(report.projects.size(), false);
  // These sets grow as the history is read: standard tables
  // (base/absl_compat.h: out of memory).
  struct HistoryAcc {
    GrowingSet<std::string_view> projects;
    Money amount;
    GrowingSet<std::string_view> units;
  };
  std::map<int, HistoryAcc> by_year;
  GrowingSet<EvaluationKey, EvaluationKeyHash, std::equal_to<>> seen;
  const auto visit = [&](const Evaluation& e) -> absl::Status {
    if (!Counts(e.kind, cfg.count_third_party)) return absl::OkStatus();
    const int year = YearOf(e);
    if (year == 0) {
      ++report.ignored_evaluations;
      return absl::OkStatus();
    }
    if (!seen.insert(EvaluationKey{e.id, e.project_id, e.unit_id, year, e.kind}).second) {
      return absl::OkStatus();
    }
    HistoryAcc& acc = by_year[year];
    if (e.project_id.empty()) {
      if (!e.unit_id.empty()) acc.units.insert(e.unit_id);
      return absl::OkStatus();
    }
    acc.projects.insert(e.project_id);
    if (!acc.amount.TryAdd(e.amount)) {
      return absl::OutOfRangeError(absl::StrCat("amount overflow summing evaluations of ", year));
    }
    auto it = row_of.find(e.project_id);
    if (it == row_of.end()) return absl::OkStatus();
    const std::uint32_t r = it->second;
    if (year == first_plan_year) evaluated_this_year[r] = true;
    if (year >= first_plan_year) return absl::OkStatus();
    ++report.projects[r].evaluations;
    Latest& l = latest[r];
    // The latest by (year, date, id), whatever the order of the history.
    const Date none;
    const auto key = [&](int y, const std::optional<Date>& d, std::string_view id) {
      return std::make_tuple(y, d.value_or(none), id);
    };
    if (l.year == 0 || key(year, e.date, e.id) > key(l.year, l.date, l.id)) {
      l = Latest{year, e.date, e.id, e.grade};
    }
    return absl::OkStatus();
  };
  for (const Evaluation& e : current.evaluations()) {
    if (absl::Status s = visit(e); !s.ok()) return s;
  }
  for (const Evaluation& e : history) {
    if (absl::Status s = visit(e); !s.ok()) return s;
  }
  for (auto& [year, acc] : by_year) {
    CoverageHistoryYear h;
    h.year = year;
    h.projects = static_cast<std::uint32_t>(acc.projects.size());
    h.project_amount = acc.amount;
    for (std::string_view u : acc.units) h.unit_ids.emplace_back(u);
    std::sort(h.unit_ids.begin(), h.unit_ids.end());
    report.history.push_back(std::move(h));
  }

  // --- deadlines.
  std::vector<State> state(report.projects.size());
  for (std::uint32_t r = 0; r < report.projects.size(); ++r) {
    CoverageProject& row = report.projects[r];
    const Latest& l = latest[r];
    row.last_year = l.year;
    row.last_grade = l.grade;
    row.last_evaluation_id = std::string(l.id);
    state[r] = State{l.year, PoorGrade(l.grade)};
  }
  const int w = cfg.window;
  // The last year the next evaluation may take place, given the last one.
  const auto deadline_of = [&](std::uint32_t r, int last) {
    const int first = report.projects[r].first_year;
    int d = std::numeric_limits<int>::min();
    if (last > 0) d = last + w;
    if (first > 0) d = std::max(d, first + w - 1);
    // Never evaluated, start unknown: due now, not known to be late.
    if (last == 0 && first <= 0) d = first_plan_year;
    return d;
  };
  for (std::uint32_t r = 0; r < report.projects.size(); ++r) {
    CoverageProject& row = report.projects[r];
    row.deadline = deadline_of(r, row.last_year);
    row.overdue = row.deadline < first_plan_year;
  }

  // Priority: never evaluated; the earliest deadline (the oldest last
  // evaluation, or for a project never evaluated the oldest start); poor last
  // grade; larger current budget; id. `deadline` is filled for the year's
  // candidates before any sort.
  std::vector<int> deadline(report.projects.size());
  const auto higher_priority = [&](std::uint32_t a, std::uint32_t b) {
    const State& sa = state[a];
    const State& sb = state[b];
    if ((sa.last == 0) != (sb.last == 0)) return sa.last == 0;
    if (deadline[a] != deadline[b]) return deadline[a] < deadline[b];
    if (sa.poor != sb.poor) return sa.poor;
    const Money ca = report.projects[a].current;
    const Money cb = report.projects[b].current;
    if (ca != cb) return ca > cb;
    return projects[report.projects[a].project_index].id() <
           projects[report.projects[b].project_index].id();
  };

  // --- the plan, year by year.
  std::vector<std::uint32_t> due, rest;
  for (int k = 0; k < cfg.horizon; ++k) {
    const int y = first_plan_year + k;
    CoverageYear year;
    year.year = y;
    Capacity cap(cfg.max_projects, cfg.max_amount);
    const auto take = [&](std::uint32_t r, std::vector<std::uint32_t>& into) {
      cap.Take(report.projects[r].current);
      (void)year.amount.TryAdd(report.projects[r].current);  // ≤ Σ key budgets
      into.push_back(r);
      state[r] = State{y, false};
      if (report.projects[r].planned_year == 0) report.projects[r].planned_year = y;
    };
    due.clear();
    rest.clear();
    for (std::uint32_t r = 0; r < report.projects.size(); ++r) {
      if (k == 0 && evaluated_this_year[r]) {
        take(r, year.evaluated);
        continue;
      }
      deadline[r] = k == 0 ? report.projects[r].deadline : deadline_of(r, state[r].last);
      (deadline[r] <= y ? due : rest).push_back(r);
    }
    std::sort(due.begin(), due.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (deadline[a] != deadline[b]) return deadline[a] < deadline[b];
      return higher_priority(a, b);
    });
    for (std::uint32_t r : due) {
      if (cap.Fits(report.projects[r].current)) {
        take(r, year.due);
      } else {
        year.breaches.push_back(r);
        if (report.projects[r].breach_year == 0) report.projects[r].breach_year = y;
      }
    }
    if (!cap.full()) {
      std::sort(rest.begin(), rest.end(), higher_priority);
      for (std::uint32_t r : rest) {
        if (cap.full()) break;
        if (cap.Fits(report.projects[r].current)) take(r, year.recommended);
      }
    }
    if (k == 0) {
      for (std::uint32_t r : year.evaluated) report.projects[r].status = CoverageStatus::kEvaluated;
      for (std::uint32_t r : year.due) report.projects[r].status = CoverageStatus::kDue;
      for (std::uint32_t r : year.recommended) {
        report.projects[r].status = CoverageStatus::kRecommended;
      }
      for (std::uint32_t r : year.breaches) report.projects[r].status = CoverageStatus::kBreach;
    }
    report.years.push_back(std::move(year));
  }

  // --- findings: by year, then rule, then row.
  const auto add = [&](std::string_view code, int y, std::uint32_t row) {
    if (!policy.Enabled(code)) return;
    CoverageFinding f;
    f.code = code;
    f.severity = policy.Rule(code).severity;
    f.year = y;
    f.row = row;
    report.findings.push_back(std::move(f));
  };
  for (const CoverageYear& year : report.years) {
    add(kPlan, year.year, kNoIndex);
    if (year.year == first_plan_year) {
      for (std::uint32_t r = 0; r < report.projects.size(); ++r) {
        if (report.projects[r].overdue) add(kOverdue, year.year, r);
      }
      std::vector<std::uint32_t> rows = year.due;
      std::sort(rows.begin(), rows.end());
      for (std::uint32_t r : rows) add(kDue, year.year, r);
      rows = year.recommended;
      std::sort(rows.begin(), rows.end());
      for (std::uint32_t r : rows) add(kRecommended, year.year, r);
    }
    std::vector<std::uint32_t> rows;
    for (std::uint32_t r : year.breaches) {
      if (report.projects[r].breach_year == year.year) rows.push_back(r);
    }
    std::sort(rows.begin(), rows.end());
    for (std::uint32_t r : rows) add(kBreach, year.year, r);
  }
  if (options.messages) {
    for (CoverageFinding& f : report.findings) {
      f.message_zh = ExplainCoverageFinding(report, f, "zh");
      f.message_en = ExplainCoverageFinding(report, f, "en");
    }
  }

  // --- totals per unit and for the jurisdiction.
  std::vector<std::uint32_t> unit_slot(current.units().size(), kNoIndex);
  report.total.unit_index = kNoIndex;
  for (const CoverageProject& row : report.projects) {
    if (row.unit_index < unit_slot.size() && unit_slot[row.unit_index] == kNoIndex) {
      unit_slot[row.unit_index] = 0;  // marked; slots assigned in dataset order below
    }
  }
  for (std::uint32_t u = 0; u < unit_slot.size(); ++u) {
    if (unit_slot[u] == kNoIndex) continue;
    unit_slot[u] = static_cast<std::uint32_t>(report.units.size());
    CoverageTotal t;
    t.unit_index = u;
    report.units.push_back(t);
  }
  const auto count = [&](CoverageTotal& t, const CoverageProject& row) {
    ++t.key_projects;
    if (row.status == CoverageStatus::kEvaluated || row.last_year > first_plan_year - w) {
      ++t.covered;
    }
    if (row.last_year == 0 && row.status != CoverageStatus::kEvaluated) ++t.never;
    if (row.overdue) ++t.overdue;
    if (row.status == CoverageStatus::kDue || row.status == CoverageStatus::kRecommended) {
      ++t.planned;
    }
    if (row.breach_year != 0) ++t.breaches;
    (void)t.key_amount.TryAdd(row.current);  // ≤ the dataset's checked totals
  };
  for (const CoverageProject& row : report.projects) {
    count(report.total, row);
    if (row.unit_index < unit_slot.size()) count(report.units[unit_slot[row.unit_index]], row);
  }
  return report;
} catch (const std::bad_alloc&) {
  return OutOfMemory("planning evaluation coverage");
}

std::string ExplainCoverageFinding(const CoverageReport& report, const CoverageFinding& finding,
                                   std::string_view lang) {
  const RuleSpec* spec = FindRuleSpec(finding.code);
  if (spec == nullptr) return std::string(finding.code);
  const bool en = lang == "en";
  const int w = report.window_years;
  std::vector<std::pair<std::string_view, std::string>> v;
  std::string capacity = en ? absl::StrCat(report.max_projects, " projects")
                            : absl::StrCat(report.max_projects, "个项目");
  if (!report.max_amount.is_zero()) {
    absl::StrAppend(&capacity, en ? " and " : "、", Wan(report.max_amount));
  }
  v.emplace_back("capacity", capacity);
  v.emplace_back("window", absl::StrCat(w));
  v.emplace_back("year", absl::StrCat(finding.year));
  if (finding.row == kNoIndex) {
    for (const CoverageYear& y : report.years) {
      if (y.year != finding.year) continue;
      v.emplace_back("planned", absl::StrCat(y.due.size() + y.recommended.size()));
      v.emplace_back("due", absl::StrCat(y.due.size()));
      v.emplace_back("recommended", absl::StrCat(y.recommended.size()));
      v.emplace_back("evaluated", absl::StrCat(y.evaluated.size()));
      v.emplace_back("breaches", absl::StrCat(y.breaches.size()));
      v.emplace_back("amount", Wan(y.amount));
    }
    return FillTemplate(en ? spec->message_en : spec->message_zh, v);
  }
  const CoverageProject& row = report.projects[finding.row];
  const ProjectView p = report.dataset.projects()[row.project_index];
  v.emplace_back("id", p.id());
  v.emplace_back("name", p.name());
  v.emplace_back("unit", row.unit_index < report.dataset.units().size()
                             ? report.dataset.units()[row.unit_index].name()
                             : p.unit_id());
  v.emplace_back("current", Wan(row.current));
  std::string last;
  if (row.last_year == 0) {
    last = en ? "never given a fiscal evaluation" : "从未开展财政评价";
    if (row.first_year > 0) {
      absl::StrAppend(&last, en ? absl::StrCat(" (funded since ", row.first_year, ")")
                                : absl::StrCat("（", row.first_year, "年起实施）"));
    }
  } else {
    last = en ? absl::StrCat("last fiscal evaluation in ", row.last_year)
              : absl::StrCat("最近一次财政评价在", row.last_year, "年");
    if (row.last_grade.has_value()) {
      absl::StrAppend(&last, en ? absl::StrCat(" (graded ", AV(CodeOf(*row.last_grade)), ")")
                                : absl::StrCat("（", AV(ZhLabelOf(*row.last_grade)), "）"));
    }
  }
  v.emplace_back("last", last);
  const int window_end = finding.code == kOverdue ? row.deadline : finding.year;
  v.emplace_back("deadline", absl::StrCat(row.deadline));
  v.emplace_back("window_start", absl::StrCat(window_end - w + 1));
  std::vector<std::string> reasons;
  if (row.last_year == 0) {
    reasons.push_back(en ? "never given a fiscal evaluation" : "从未开展财政评价");
  } else {
    reasons.push_back(en ? absl::StrCat("last fiscal evaluation in ", row.last_year, " (",
                                        finding.year - row.last_year, " years before)")
                         : absl::StrCat("最近一次财政评价在", row.last_year, "年（",
                                        finding.year - row.last_year, "年前）"));
  }
  if (PoorGrade(row.last_grade)) {
    reasons.push_back(en ? absl::StrCat("last graded ", AV(CodeOf(*row.last_grade)))
                         : absl::StrCat("上次评价等级为", AV(ZhLabelOf(*row.last_grade))));
  }
  reasons.push_back(en ? absl::StrCat("current budget ", Wan(row.current))
                       : absl::StrCat("全年预算", Wan(row.current)));
  v.emplace_back("reasons", absl::StrJoin(reasons, en ? "; " : "；"));
  return FillTemplate(en ? spec->message_en : spec->message_zh, v);
}

}  // namespace perfbudget
