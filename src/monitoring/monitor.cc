// monitor.cc: dual monitoring (双监控) as of one or many dates.
//
// One pass: for each project in scope, its disbursements (already in date
// order) and adjustments are bucketed by the sorted as-of dates and summed
// into prefix totals, so K dates cost one walk over the disbursements plus
// K cheap per-project rule evaluations. Rule comparisons are exact integer
// cross-multiplications (128-bit, falling back to Ratio on overflow); Ratios
// and message text are only made for rows that need them.
#include "perfbudget/monitoring/monitor.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <new>
#include <numeric>

#include "absl/strings/str_cat.h"
#include "base/out_of_memory.h"
#include "monitoring/monitor_internal.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {

using monitoring_internal::InScope;
using monitoring_internal::ParamOf;

std::string_view CodeOf(WarningLevel level) {
  switch (level) {
    case WarningLevel::kNone:
      return "none";
    case WarningLevel::kYellow:
      return "yellow";
    case WarningLevel::kRed:
      return "red";
  }
  return "none";
}

std::string_view ZhLabelOf(WarningLevel level) {
  switch (level) {
    case WarningLevel::kNone:
      return "正常";
    case WarningLevel::kYellow:
      return "黄色预警";
    case WarningLevel::kRed:
      return "红色预警";
  }
  return "正常";
}

WarningLevel LevelOfSeverity(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return WarningLevel::kNone;
    case Severity::kWarning:
      return WarningLevel::kYellow;
    case Severity::kError:
    case Severity::kBlocker:
      return WarningLevel::kRed;
  }
  return WarningLevel::kNone;
}

std::string_view CodeOf(MonitorRowKind kind) {
  switch (kind) {
    case MonitorRowKind::kProject:
      return "project";
    case MonitorRowKind::kUnit:
      return "unit";
    case MonitorRowKind::kFundSource:
      return "fund";
    case MonitorRowKind::kJurisdiction:
      return "jurisdiction";
  }
  return "project";
}

Ratio MonitorRow::ExecutionRate() const {
  if (current.fen() <= 0) return Ratio();
  return Ratio(int128_t{executed.fen()}, int128_t{current.fen()});
}

Ratio MonitorRow::GapPp(const Ratio& time_progress) const {
  return (time_progress - ExecutionRate()) * Ratio(100);
}

const MonitorRow& MonitorReport::RowOf(const MonitorReason& r) const {
  switch (r.row_kind) {
    case MonitorRowKind::kProject:
      return projects[r.row];
    case MonitorRowKind::kUnit:
      return units[r.row];
    case MonitorRowKind::kFundSource:
      return funds[r.row];
    case MonitorRowKind::kJurisdiction:
      return total;
  }
  return total;
}

int MonitorReport::CountLevel(MonitorRowKind kind, WarningLevel level) const {
  auto count = [level](const std::vector<MonitorRow>& rows) {
    return static_cast<int>(std::count_if(
        rows.begin(), rows.end(), [level](const MonitorRow& r) { return r.level == level; }));
  };
  switch (kind) {
    case MonitorRowKind::kProject:
      return count(projects);
    case MonitorRowKind::kUnit:
      return count(units);
    case MonitorRowKind::kFundSource:
      return count(funds);
    case MonitorRowKind::kJurisdiction:
      return total.level == level ? 1 : 0;
  }
  return 0;
}

bool MonitorReport::HasErrors() const {
  return std::any_of(reasons.begin(), reasons.end(),
                     [](const MonitorReason& r) { return r.severity >= Severity::kError; });
}

namespace {

constexpr std::string_view kGapYellow = "monitoring.gap_yellow";
constexpr std::string_view kGapRed = "monitoring.gap_red";
constexpr std::string_view kNoDisb = "monitoring.no_disbursement_after_quarter";
constexpr std::string_view kQ3 = "monitoring.q3_summons";
constexpr std::string_view kOverWarn = "monitoring.overspend_warning";
constexpr std::string_view kOverErr = "monitoring.overspend_error";
constexpr std::string_view kZero = "monitoring.zero_budget";
constexpr std::string_view kIndicator = "monitoring.indicator_behind";

// Sign of an/ad − bn/bd for positive denominators when a product overflows.
[[gnu::noinline]] int CompareFracSlow(int128_t an, int128_t ad, int128_t bn, int128_t bd) {
  int128_t l, r;
  if (!__builtin_mul_overflow(an, bd, &l) && !__builtin_mul_overflow(bn, ad, &r)) {
    return (l > r) - (l < r);
  }
  const auto c = Ratio(an, ad) <=> Ratio(bn, bd);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);  // NOLINT(modernize-use-nullptr): an ordering's 0
}

// Sign of an/ad − bn/bd for positive denominators, exactly.
inline int CompareFrac(int128_t an, int128_t ad, int128_t bn, int128_t bd) {
  // Fast path: operands below 2^62 in magnitude cannot overflow a product.
  constexpr int128_t kSafe = int128_t{1} << 62;
  if (an < kSafe && an > -kSafe && bn < kSafe && bn > -kSafe && ad < kSafe && bd < kSafe) {
    const int128_t l = an * bd;
    const int128_t r = bn * ad;
    return (l > r) - (l < r);
  }
  return CompareFracSlow(an, ad, bn, bd);
}

// One rule's switch, severity and threshold, read once per call.
struct RuleOn {
  bool on = false;
  Severity severity = Severity::kWarning;
  Ratio value;  // the rule's main parameter
  std::string_view code;
};

RuleOn ReadRule(const Policy& policy, std::string_view code, std::string_view param) {
  RuleOn r;
  r.code = code;
  const RuleSetting& s = policy.Rule(code);
  r.on = s.enabled;
  r.severity = s.severity;
  if (!param.empty()) r.value = ParamOf(policy, code, param);
  return r;
}

struct Rules {
  RuleOn yellow, red, no_disb, q3, over_warn, over_err, zero, indicator;
  int q3_month = 9;
};

Rules ReadRules(const Policy& policy) {
  Rules r;
  r.yellow = ReadRule(policy, kGapYellow, "min_gap_pp");
  r.red = ReadRule(policy, kGapRed, "min_gap_pp");
  r.no_disb = ReadRule(policy, kNoDisb, "min_time_progress_percent");
  r.q3 = ReadRule(policy, kQ3, "min_rate_percent");
  r.over_warn = ReadRule(policy, kOverWarn, "min_usage_percent");
  r.over_err = ReadRule(policy, kOverErr, "max_usage_percent");
  r.zero = ReadRule(policy, kZero, "");
  r.indicator = ReadRule(policy, kIndicator, "");
  const Ratio m = ParamOf(policy, kQ3, "fiscal_month");
  r.q3_month = static_cast<int>(std::clamp<int128_t>(m.RoundedScaled(0), 1, 12));
  return r;
}

// A disbursement of the project being evaluated: its dataset index and the
// project's cumulative amount up to and including it.
struct Paid {
  std::int64_t cum = 0;
  std::uint32_t index = 0;
};

// Sums of a unit or the jurisdiction in one date bucket (prefix sums over
// the buckets give the rows; a bucket that overflows int64 is an error).
struct Agg {
  std::int64_t adjustments = 0, executed = 0;
  std::uint32_t disbursements = 0;
};
// Date-independent sums of a unit or the jurisdiction.
struct AggBase {
  int128_t approved = 0;
  std::uint32_t projects = 0;
};

// Per-date constants.
struct DateCtx {
  Date as_of;
  Ratio progress;
  int128_t pn = 0, pd = 1;  // progress as a fraction
  bool after_q3 = false;
};

// Appends a reason and keeps the row's counters.
void AddReason(MonitorReport& rep, MonitorRow& row, MonitorRowKind kind, std::uint32_t pos,
               const RuleOn& rule, std::uint32_t disb = kNoIndex, std::uint32_t check = kNoIndex) {
  MonitorReason r;
  r.code = rule.code;
  r.severity = rule.severity;
  r.row_kind = kind;
  r.row = pos;
  r.threshold = rule.value;
  r.disbursement_index = disb;
  r.indicator_check = check;
  rep.reasons.push_back(r);
  ++row.reason_count;
  row.level = std::max(row.level, LevelOfSeverity(rule.severity));
}

// Rules every row kind shares: zero budget, the gap bands, the Q3 summons.
void EvaluateCommon(const Rules& rules, const DateCtx& d, MonitorReport& rep, MonitorRow& row,
                    MonitorRowKind kind, std::uint32_t pos) {
  const std::int64_t c = row.current.fen();
  const std::int64_t e = row.executed.fen();
  if (c <= 0) {
    if (rules.zero.on) AddReason(rep, row, kind, pos, rules.zero);
    return;
  }
  // gap (pp) = 100 (pn c − e pd) / (pd c)
  const int128_t gn = int128_t{100} * (d.pn * c - int128_t{e} * d.pd);
  const int128_t gd = d.pd * c;
  if (rules.red.on &&
      CompareFrac(gn, gd, rules.red.value.numerator(), rules.red.value.denominator()) > 0) {
    AddReason(rep, row, kind, pos, rules.red);
  } else if (rules.yellow.on && CompareFrac(gn, gd, rules.yellow.value.numerator(),
                                            rules.yellow.value.denominator()) > 0) {
    AddReason(rep, row, kind, pos, rules.yellow);
  }
  // rate % = 100 e / c < threshold
  if (rules.q3.on && d.after_q3 &&
      CompareFrac(int128_t{100} * e, c, rules.q3.value.numerator(), rules.q3.value.denominator()) <
          0) {
    AddReason(rep, row, kind, pos, rules.q3);
  }
}

// The disbursement (index into the dataset) at which `crossed(cum)` last
// turned true, walking the project's disbursements up to as_of (`paid`: their
// dataset indexes and cumulative amounts, in date order).
template <typename Pred>
std::uint32_t CrossingDisbursement(std::span<const Paid> paid, Pred crossed) {
  bool was = crossed(std::int64_t{0});
  std::uint32_t at = kNoIndex;
  for (const Paid& x : paid) {
    const bool now = crossed(x.cum);
    if (now && !was) at = x.index;
    was = now;
  }
  return at;
}

void EvaluateOverspend(const Rules& rules, std::span<const Paid> paid, MonitorReport& rep,
                       MonitorRow& row, std::uint32_t pos) {
  const std::int64_t c = row.current.fen();
  const std::int64_t e = row.executed.fen();
  if (e <= 0) return;
  if (c <= 0) {
    if (rules.over_err.on) {
      const std::uint32_t at = CrossingDisbursement(paid, [](std::int64_t cum) { return cum > 0; });
      AddReason(rep, row, MonitorRowKind::kProject, pos, rules.over_err, at);
    }
    return;
  }
  const auto usage_cmp = [c](std::int64_t cum, const Ratio& t) {
    return CompareFrac(int128_t{100} * cum, c, t.numerator(), t.denominator());
  };
  if (rules.over_err.on && usage_cmp(e, rules.over_err.value) > 0) {
    const Ratio& t = rules.over_err.value;
    const std::uint32_t at =
        CrossingDisbursement(paid, [&](std::int64_t cum) { return usage_cmp(cum, t) > 0; });
    AddReason(rep, row, MonitorRowKind::kProject, pos, rules.over_err, at);
  } else if (rules.over_warn.on && usage_cmp(e, rules.over_warn.value) >= 0) {
    const Ratio& t = rules.over_warn.value;
    const std::uint32_t at =
        CrossingDisbursement(paid, [&](std::int64_t cum) { return usage_cmp(cum, t) >= 0; });
    AddReason(rep, row, MonitorRowKind::kProject, pos, rules.over_warn, at);
  }
}

// Goal side for one goal; reasons go to `row`.
void EvaluateGoal(const Rules& rules, const Dataset& ds, std::uint32_t gi, const DateCtx& d,
                  MonitorReport& rep, MonitorRow& row, MonitorRowKind kind, std::uint32_t pos) {
  const Goal& g = ds.goals()[gi];
  GoalCheck gc;
  gc.goal_index = gi;
  for (std::uint32_t ii = 0; ii < g.indicators.size(); ++ii) {
    const Indicator& ind = g.indicators[ii];
    const IndicatorActual* latest = nullptr;
    for (const IndicatorActual& a : ind.actuals) {
      if (a.date <= d.as_of && (latest == nullptr || a.date >= latest->date)) latest = &a;
    }
    if (latest == nullptr) continue;
    IndicatorCheck ic;
    ic.goal_index = gi;
    ic.indicator_index = ii;
    ic.actual_date = latest->date;
    if (ind.comparator == Comparator::kQualitative || !latest->value.has_value()) {
      if (!latest->grade.has_value()) continue;
      ic.qualitative = true;
      ic.behind = *latest->grade == QualitativeGrade::kNotAchieved;
    } else {
      if (!ind.target.has_value()) continue;
      ic.actual = *latest->value;
      switch (ind.comparator) {
        case Comparator::kLe:
        case Comparator::kLt:
          ic.expected = *ind.target;
          ic.behind = ic.actual > ic.expected;
          break;
        default:  // ≥ > = range: the (low) target scaled by time progress
          ic.expected = *ind.target * d.progress;
          ic.behind = ic.actual < ic.expected;
          break;
      }
    }
    ++gc.indicators_checked;
    const auto check = static_cast<std::uint32_t>(rep.indicators.size());
    rep.indicators.push_back(ic);
    if (ic.behind) {
      ++gc.indicators_behind;
      if (rules.indicator.on) AddReason(rep, row, kind, pos, rules.indicator, kNoIndex, check);
    }
  }
  if (gc.indicators_checked > 0) rep.goals.push_back(gc);
}

bool AddMoney(Money& into, Money m) { return into.TryAdd(m); }

absl::Status Overflow(std::string_view what) {
  return absl::OutOfRangeError(absl::StrCat("amount overflow while summing ", std::string(what)));
}

}  // namespace

absl::StatusOr<std::vector<MonitorReport>> MonitorSeries(const Dataset& dataset,
                                                         const Policy& policy,
                                                         std::span<const Date> as_of_dates,
                                                         const MonitorOptions& options) try {
  const FiscalYear& fy = dataset.fiscal_year();
  for (Date d : as_of_dates) {
    if (auto s = monitoring_internal::CheckAsOf(dataset, d); !s.ok()) return s;
  }
  if (auto s = monitoring_internal::CheckBands(policy); !s.ok()) return s;
  // Payment plans outside the year are found in the project loop below.
  const Rules rules = ReadRules(policy);
  const TimeProgressMethod method = policy.time_progress_method();

  // Dates in ascending order; order[j] = position in as_of_dates.
  const std::size_t K = as_of_dates.size();
  std::vector<std::uint32_t> order(K);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return as_of_dates[a] < as_of_dates[b];
  });
  std::vector<Date> sorted(K);
  for (std::size_t j = 0; j < K; ++j) sorted[j] = as_of_dates[order[j]];

  std::vector<DateCtx> ctx(K);
  std::vector<MonitorReport> reps(K);
  const auto& units = dataset.units();
  const auto& projects = dataset.projects();
  // An overflow is reported after any payment plan outside the year.
  const auto fail = [&](std::string_view what) -> absl::Status {
    absl::Status plans = monitoring_internal::CheckPaymentPlans(dataset);
    return plans.ok() ? Overflow(what) : plans;
  };
  const Date q3_end = fy.EndOfFiscalMonth(rules.q3_month);
  for (std::size_t j = 0; j < K; ++j) {
    auto tp = fy.TimeProgress(sorted[j], method);
    if (!tp.ok()) return tp.status();
    DateCtx& c = ctx[j];
    c.as_of = sorted[j];
    c.progress = *tp;
    c.pn = tp->numerator();
    c.pd = tp->denominator();
    c.after_q3 = sorted[j] >= q3_end;
    MonitorReport& r = reps[j];
    r.dataset = dataset;
    r.as_of = sorted[j];
    r.method = method;
    r.time_progress = *tp;
    r.months_elapsed = fy.MonthsElapsed(sorted[j]);
    r.days_elapsed = sorted[j].day_number() - fy.first_day().day_number() + 1;
    r.decimals = policy.decimals();
    r.q3_end = q3_end;
    // Capacity only: pages untouched stay unallocated, and no growth copies.
    if (options.project_rows) r.projects.reserve(projects.size());
    r.reasons.reserve((options.project_rows ? 2 * projects.size() : 0) + 2 * units.size() +
                      kFundSourceCount + 1);
    r.units.resize(units.size());
    for (std::uint32_t u = 0; u < units.size(); ++u) {
      r.units[u].kind = MonitorRowKind::kUnit;
      r.units[u].index = u;
    }
    r.total.kind = MonitorRowKind::kJurisdiction;
  }

  // Per-source totals per date (approved is date-independent).
  std::array<Money, kFundSourceCount> fund_approved{};
  std::array<std::uint32_t, kFundSourceCount> fund_projects{};
  std::array<bool, kFundSourceCount> fund_present{};
  std::vector<std::array<Money, kFundSourceCount>> fund_adj(K), fund_exec(K);
  std::vector<std::array<std::uint32_t, kFundSourceCount>> fund_count(K);

  std::vector<Money> adj_b(K), exec_b(K);
  std::vector<std::uint32_t> cnt_b(K);
  // Unit (unit-major: [u * K + j]) and jurisdiction sums by date bucket.
  std::vector<Agg> unit_agg(units.size() * K), total_agg(K);
  std::vector<AggBase> unit_base(units.size());
  AggBase total_base;
  // The disbursement columns: a project's rows are one run, projects in
  // order, so the walk below reads each column front to back.
  const DisbursementTable& disb = dataset.disbursements();
  const std::span<const Date> disb_date = disb.dates();
  const std::span<const Money> disb_amount = disb.amounts();
  const std::span<const FundSource> disb_source = disb.sources();
  const auto goals = dataset.goals();
  // The project's disbursements up to the last date: dataset index and
  // cumulative amount, so the over-spend rules find their crossing
  // disbursement without walking the dataset again (scratch, reused).
  std::vector<Paid> paid;
  bool plan_outside_year = false;

  // Software prefetch: the unit aggregates and the goals (still one heap
  // block each) of a project a few iterations ahead are requested early. The
  // project columns and their child tables (fund lines, adjustments, plans)
  // and the disbursement columns need none: they are read front to back.
  const auto n_projects = static_cast<std::uint32_t>(projects.size());
  const bool project_goals = options.goals && options.project_rows;
  const auto prefetch_blocks = [&](std::uint32_t q) {
    const ProjectView pr = projects[q];
    if (pr.unit_index() < units.size()) {
      const char* a = reinterpret_cast<const char*>(&unit_agg[std::size_t{pr.unit_index()} * K]);
      for (std::size_t off = 0; off < K * sizeof(Agg); off += 64) __builtin_prefetch(a + off, 1);
      __builtin_prefetch(a + K * sizeof(Agg) - 1, 1);
      __builtin_prefetch(&unit_base[pr.unit_index()], 1);
    }
    if (project_goals) {
      for (std::uint32_t gi : dataset.GoalsOfProject(q)) {
        __builtin_prefetch(reinterpret_cast<const char*>(&goals[gi]) + offsetof(Goal, indicators));
      }
    }
  };
  const auto prefetch_indicators = [&](std::uint32_t q) {
    for (std::uint32_t gi : dataset.GoalsOfProject(q)) {
      for (const Indicator& ind : goals[gi].indicators) {
        const char* b = reinterpret_cast<const char*>(&ind);
        __builtin_prefetch(b + offsetof(Indicator, comparator));
        __builtin_prefetch(b + offsetof(Indicator, target) + sizeof(ind.target) - 1);
        __builtin_prefetch(b + offsetof(Indicator, actuals));
      }
    }
  };
  const auto prefetch_actuals = [&](std::uint32_t q) {
    for (std::uint32_t gi : dataset.GoalsOfProject(q)) {
      for (const Indicator& ind : goals[gi].indicators) {
        if (!ind.actuals.empty()) __builtin_prefetch(&ind.actuals.back());
      }
    }
  };
  constexpr std::uint32_t kAheadBlocks = 24, kAheadIndicators = 10, kAheadActuals = 4;

  for (std::uint32_t p = 0; p < n_projects; ++p) {
    if (p + kAheadBlocks < n_projects) prefetch_blocks(p + kAheadBlocks);
    if (project_goals) {
      if (p + kAheadIndicators < n_projects) prefetch_indicators(p + kAheadIndicators);
      if (p + kAheadActuals < n_projects) prefetch_actuals(p + kAheadActuals);
    }
    const ProjectView proj = projects[p];
    if (!InScope(proj)) continue;
    for (const PlannedPayment& pp : proj.payment_plan()) {
      if (!fy.Contains(pp.date)) plan_outside_year = true;
    }
    if (plan_outside_year) continue;  // reported below, after the loop
    Money approved;
    std::array<bool, kFundSourceCount> has_source{};
    for (const FundLine& f : proj.funds()) {
      const auto s = static_cast<std::size_t>(f.source);
      if (!AddMoney(approved, f.approved) || !AddMoney(fund_approved[s], f.approved)) {
        return fail("approved amounts");
      }
      has_source[s] = true;
    }
    std::fill(adj_b.begin(), adj_b.end(), Money());
    std::fill(exec_b.begin(), exec_b.end(), Money());
    std::fill(cnt_b.begin(), cnt_b.end(), 0u);
    for (const AdjustmentView a : proj.adjustments()) {
      const auto s = static_cast<std::size_t>(a.source());
      has_source[s] = true;
      const auto k = static_cast<std::size_t>(
          std::lower_bound(sorted.begin(), sorted.end(), a.date()) - sorted.begin());
      if (k == K) continue;
      if (!AddMoney(adj_b[k], a.amount()) || !AddMoney(fund_adj[k][s], a.amount())) {
        return fail("adjustments");
      }
    }
    paid.clear();
    std::size_t k = 0;
    Money cum;
    for (std::uint32_t di : dataset.DisbursementsOf(p)) {
      const Date date = disb_date[di];
      while (k < K && sorted[k] < date) ++k;
      if (k == K) break;
      const Money amount = disb_amount[di];
      const auto s = static_cast<std::size_t>(disb_source[di]);
      has_source[s] = true;
      if (!exec_b[k].TryAdd(amount) || !fund_exec[k][s].TryAdd(amount) || !cum.TryAdd(amount)) {
        return fail("disbursements");
      }
      paid.push_back({cum.fen(), di});
      ++cnt_b[k];
      ++fund_count[k][s];
    }
    for (std::size_t s = 0; s < kFundSourceCount; ++s) {
      if (has_source[s]) {
        fund_present[s] = true;
        ++fund_projects[s];
      }
    }
    // Unit and jurisdiction sums, by bucket (prefix sums after the loop).
    for (AggBase* base : {&unit_base[proj.unit_index()], &total_base}) {
      base->approved += approved.fen();
      ++base->projects;
    }
    for (Agg* agg : {&unit_agg[std::size_t{proj.unit_index()} * K], total_agg.data()}) {
      bool overflow = false;
      for (std::size_t j = 0; j < K; ++j) {
        overflow |= __builtin_add_overflow(agg[j].adjustments, adj_b[j].fen(), &agg[j].adjustments);
        overflow |= __builtin_add_overflow(agg[j].executed, exec_b[j].fen(), &agg[j].executed);
        agg[j].disbursements += cnt_b[j];
      }
      if (overflow) return fail("unit totals");
    }
    if (!options.project_rows) continue;
    // Prefix sums and rules, date by date.
    Money adj, exec;
    std::uint32_t cnt = 0;
    for (std::size_t j = 0; j < K; ++j) {
      if (!adj.TryAdd(adj_b[j]) || !exec.TryAdd(exec_b[j])) return fail("project totals");
      cnt += cnt_b[j];
      MonitorReport& rep = reps[j];
      Money cur = approved;
      if (!cur.TryAdd(adj)) return fail("current budget");
      // Every field set (no zero-fill of the whole struct first).
      MonitorRow row{.kind = MonitorRowKind::kProject,
                     .index = p,
                     .project_count = 1,
                     .approved = approved,
                     .adjustments = adj,
                     .current = cur,
                     .executed = exec,
                     .disbursement_count = cnt,
                     .level = WarningLevel::kNone,
                     .first_reason = static_cast<std::uint32_t>(rep.reasons.size()),
                     .reason_count = 0};
      const auto pos = static_cast<std::uint32_t>(rep.projects.size());
      EvaluateCommon(rules, ctx[j], rep, row, MonitorRowKind::kProject, pos);
      if (rules.no_disb.on && row.current.fen() > 0 && cnt == 0 &&
          CompareFrac(int128_t{100} * ctx[j].pn, ctx[j].pd, rules.no_disb.value.numerator(),
                      rules.no_disb.value.denominator()) >= 0) {
        AddReason(rep, row, MonitorRowKind::kProject, pos, rules.no_disb);
      }
      EvaluateOverspend(rules, std::span<const Paid>(paid.data(), cnt), rep, row, pos);
      if (options.goals) {
        for (std::uint32_t gi : dataset.GoalsOfProject(p)) {
          EvaluateGoal(rules, dataset, gi, ctx[j], rep, row, MonitorRowKind::kProject, pos);
        }
      }
      rep.projects.push_back(row);
    }
  }
  if (plan_outside_year) return monitoring_internal::CheckPaymentPlans(dataset);

  // Unit and jurisdiction rows: prefix sums over the date buckets.
  const auto set_agg = [&](const AggBase& base, const Agg* agg, MonitorRow& row, std::size_t j,
                           int128_t& adj, int128_t& exec, std::uint64_t& disb_count) -> bool {
    adj += agg[j].adjustments;
    exec += agg[j].executed;
    disb_count += agg[j].disbursements;
    const int128_t current = base.approved + adj;
    constexpr int128_t kMax = INT64_MAX, kMin = INT64_MIN;
    for (int128_t v : {base.approved, adj, exec, current}) {
      if (v > kMax || v < kMin) return false;
    }
    row.project_count = base.projects;
    row.approved = Money::FromFen(static_cast<std::int64_t>(base.approved));
    row.adjustments = Money::FromFen(static_cast<std::int64_t>(adj));
    row.current = Money::FromFen(static_cast<std::int64_t>(current));
    row.executed = Money::FromFen(static_cast<std::int64_t>(exec));
    row.disbursement_count = static_cast<std::uint32_t>(disb_count);
    return true;
  };
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    int128_t adj = 0, exec = 0;
    std::uint64_t n = 0;
    for (std::size_t j = 0; j < K; ++j) {
      if (!set_agg(unit_base[u], &unit_agg[std::size_t{u} * K], reps[j].units[u], j, adj, exec,
                   n)) {
        return fail("unit totals");
      }
    }
  }
  {
    int128_t adj = 0, exec = 0;
    std::uint64_t n = 0;
    for (std::size_t j = 0; j < K; ++j) {
      if (!set_agg(total_base, total_agg.data(), reps[j].total, j, adj, exec, n)) {
        return fail("unit totals");
      }
    }
  }

  // Units, funds, jurisdiction.
  for (std::size_t j = 0; j < K; ++j) {
    MonitorReport& rep = reps[j];
    for (std::uint32_t u = 0; u < rep.units.size(); ++u) {
      MonitorRow& row = rep.units[u];
      row.first_reason = static_cast<std::uint32_t>(rep.reasons.size());
      if (row.project_count > 0) EvaluateCommon(rules, ctx[j], rep, row, MonitorRowKind::kUnit, u);
      if (options.goals) {
        for (std::uint32_t gi : dataset.GoalsOfUnit(u)) {
          EvaluateGoal(rules, dataset, gi, ctx[j], rep, row, MonitorRowKind::kUnit, u);
        }
      }
    }
    std::array<Money, kFundSourceCount> adj_cum{}, exec_cum{};
    std::array<std::uint32_t, kFundSourceCount> cnt_cum{};
    for (std::size_t i = 0; i <= j; ++i) {
      for (std::size_t s = 0; s < kFundSourceCount; ++s) {
        if (!adj_cum[s].TryAdd(fund_adj[i][s]) || !exec_cum[s].TryAdd(fund_exec[i][s])) {
          return fail("fund totals");
        }
        cnt_cum[s] += fund_count[i][s];
      }
    }
    for (std::size_t s = 0; s < kFundSourceCount; ++s) {
      if (!fund_present[s]) continue;
      MonitorRow row;
      row.kind = MonitorRowKind::kFundSource;
      row.index = static_cast<std::uint32_t>(s);
      row.project_count = fund_projects[s];
      row.approved = fund_approved[s];
      row.adjustments = adj_cum[s];
      row.current = fund_approved[s];
      if (!row.current.TryAdd(adj_cum[s])) return fail("fund totals");
      row.executed = exec_cum[s];
      row.disbursement_count = cnt_cum[s];
      row.first_reason = static_cast<std::uint32_t>(rep.reasons.size());
      const auto pos = static_cast<std::uint32_t>(rep.funds.size());
      EvaluateCommon(rules, ctx[j], rep, row, MonitorRowKind::kFundSource, pos);
      rep.funds.push_back(row);
    }
    rep.total.first_reason = static_cast<std::uint32_t>(rep.reasons.size());
    if (rep.total.project_count > 0) {
      EvaluateCommon(rules, ctx[j], rep, rep.total, MonitorRowKind::kJurisdiction, 0);
    }
  }

  // Back to the caller's order.
  std::vector<MonitorReport> out(K);
  for (std::size_t j = 0; j < K; ++j) out[order[j]] = std::move(reps[j]);
  return out;
} catch (const std::bad_alloc&) {
  return OutOfMemory("monitoring");
}

absl::StatusOr<MonitorReport> Monitor(const Dataset& dataset, const Policy& policy,
                                      const MonitorOptions& options) try {
  const Date d[1] = {options.as_of};
  auto reps = MonitorSeries(dataset, policy, d, options);
  if (!reps.ok()) return reps.status();
  return std::move((*reps)[0]);
} catch (const std::bad_alloc&) {
  return OutOfMemory("monitoring");
}

// ---- presentation -------------------------------------------------------------

std::string RowId(const MonitorReport& report, const MonitorRow& row) {
  const Dataset& ds = report.dataset;
  switch (row.kind) {
    case MonitorRowKind::kProject:
      return std::string(ds.projects()[row.index].id());
    case MonitorRowKind::kUnit:
      return std::string(ds.units()[row.index].id());
    case MonitorRowKind::kFundSource:
      return std::string(CodeOf(static_cast<FundSource>(row.index)));
    case MonitorRowKind::kJurisdiction:
      return ds.info().jurisdiction_code;
  }
  return "";
}

std::string RowName(const MonitorReport& report, const MonitorRow& row) {
  const Dataset& ds = report.dataset;
  switch (row.kind) {
    case MonitorRowKind::kProject:
      return std::string(ds.projects()[row.index].name());
    case MonitorRowKind::kUnit:
      return std::string(ds.units()[row.index].name());
    case MonitorRowKind::kFundSource:
      return std::string(ZhLabelOf(static_cast<FundSource>(row.index)));
    case MonitorRowKind::kJurisdiction:
      return ds.info().jurisdiction_name.empty() ? std::string("合计")
                                                 : ds.info().jurisdiction_name;
  }
  return "";
}

std::string_view ReasonTitle(const MonitorReason& reason, std::string_view lang) {
  const RuleSpec* spec = FindRuleSpec(reason.code);
  if (spec == nullptr) return reason.code;
  return lang == "en" ? spec->title_en : spec->title_zh;
}

std::string ExplainReason(const MonitorReport& report, const MonitorReason& reason,
                          std::string_view lang) {
  const RuleSpec* spec = FindRuleSpec(reason.code);
  if (spec == nullptr) return std::string(reason.code);
  const MonitorRow& row = report.RowOf(reason);
  const Dataset& ds = report.dataset;
  const int dec = report.decimals;
  const bool en = lang == "en";
  std::vector<std::pair<std::string_view, std::string>> v;
  v.reserve(20);
  v.emplace_back("id", RowId(report, row));
  v.emplace_back("name", RowName(report, row));
  v.emplace_back("as_of", report.as_of.ToString());
  v.emplace_back("current", monitoring_internal::WanYuan(row.current));
  v.emplace_back("executed", monitoring_internal::WanYuan(row.executed));
  v.emplace_back("rate", row.ExecutionRate().ToPercentString(dec));
  v.emplace_back("progress", report.time_progress.ToPercentString(dec));
  v.emplace_back("gap", row.GapPp(report.time_progress).ToDecimalString(dec));
  v.emplace_back("threshold", reason.threshold.ToShortString(dec));
  if (row.current.fen() > 0) {
    v.emplace_back(
        "usage",
        Ratio(int128_t{row.executed.fen()}, int128_t{row.current.fen()}).ToPercentString(dec));
  } else {
    v.emplace_back("usage", en ? "infinite (zero budget)" : "∞（预算为零）");
  }
  if (reason.code == kQ3) v.emplace_back("q3_end", report.q3_end.ToString());
  if (reason.disbursement_index != kNoIndex) {
    // Without a voucher number: its place in the input ("#3" = the third).
    const DisbursementView d = ds.disbursements()[reason.disbursement_index];
    v.emplace_back("disbursement", d.id().empty() ? absl::StrCat("#", d.input_position() + 1)
                                                  : std::string(d.id()));
    v.emplace_back("date", d.date().ToString());
    v.emplace_back("amount", monitoring_internal::WanYuan(d.amount()));
  }
  if (reason.indicator_check != kNoIndex) {
    const IndicatorCheck& ic = report.indicators[reason.indicator_check];
    const Goal& g = ds.goals()[ic.goal_index];
    const Indicator& ind = g.indicators[ic.indicator_index];
    v.emplace_back("indicator", ind.name);
    v.emplace_back("goal", g.id);
    v.emplace_back("date", ic.actual_date.ToString());
    v.emplace_back("target", ind.target_text.empty() && ind.target.has_value()
                                 ? ind.target->ToShortString(dec)
                                 : ind.target_text);
    if (ic.qualitative) {
      v.emplace_back("actual", en ? "not achieved" : "未达成");
      v.emplace_back("expected", en ? "achieved" : "达成");
    } else {
      v.emplace_back("actual", absl::StrCat(ic.actual.ToShortString(dec), ind.unit_of_measure));
      v.emplace_back("expected", absl::StrCat(ic.expected.ToShortString(dec), ind.unit_of_measure));
    }
  }
  return FillTemplate(en ? spec->message_en : spec->message_zh, v);
}

}  // namespace perfbudget
