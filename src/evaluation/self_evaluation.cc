// self_evaluation.cc: self-evaluation scoring and the self-score check; see
// self_evaluation.h for the rules.
#include "perfbudget/evaluation/self_evaluation.h"

#include <algorithm>
#include <new>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "monitoring/monitor_internal.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

using monitoring_internal::WanYuan;

constexpr std::string_view kExecution = "selfeval.execution_rate";
constexpr std::string_view kZeroBudget = "selfeval.zero_budget";
constexpr std::string_view kHigher = "selfeval.higher_is_better";
constexpr std::string_view kLower = "selfeval.lower_is_better";
constexpr std::string_view kEqual = "selfeval.equal";
constexpr std::string_view kRange = "selfeval.range";
constexpr std::string_view kQualitative = "selfeval.qualitative";
constexpr std::string_view kNoActual = "selfeval.no_actual";
constexpr std::string_view kUnreadable = "selfeval.target_unreadable";
constexpr std::string_view kFarBelow = "selfeval.far_below_without_reason";
constexpr std::string_view kBlockMissing = "selfeval.block_missing";
constexpr std::string_view kWeightsPartial = "selfeval.weights_partial";
constexpr std::string_view kNot100 = "selfeval.points_not_100";
constexpr std::string_view kInflated = "selfeval.self_score_inflated";

const Ratio kZero;
const Ratio kOne(1);
const Ratio kHundred(100);

// Per-project budget and execution to the evaluation date.
struct Execution {
  Money current;
  Money executed;
};

absl::StatusOr<std::vector<Execution>> ExecutionOfProjects(const Dataset& ds, Date to) {
  std::vector<Execution> out(ds.projects().size());
  for (std::uint32_t p = 0; p < out.size(); ++p) {
    const ProjectView proj = ds.projects()[p];
    Execution& e = out[p];
    bool ok = true;
    for (const FundLine& l : proj.funds()) ok = ok && e.current.TryAdd(l.approved);
    for (const AdjustmentView a : proj.adjustments()) {
      if (a.date() <= to) ok = ok && e.current.TryAdd(a.amount());
    }
    const DisbursementTable& disbursements = ds.disbursements();
    for (std::uint32_t di : ds.DisbursementsOf(p)) {
      if (disbursements.dates()[di] > to) break;  // in date order within a project
      ok = ok && e.executed.TryAdd(disbursements.amounts()[di]);
    }
    if (!ok) return absl::OutOfRangeError(Cat("amount overflow in project ", proj.id()));
  }
  return out;
}

ScoreBlock BlockOf(const Indicator& ind, bool cost_in_output) {
  switch (ind.level1) {
    case IndicatorLevel1::kBenefit:
      return ScoreBlock::kBenefit;
    case IndicatorLevel1::kSatisfaction:
      return ScoreBlock::kSatisfaction;
    case IndicatorLevel1::kCost:
      return cost_in_output ? ScoreBlock::kOutput : ScoreBlock::kCost;
    case IndicatorLevel1::kOutput:
      break;
  }
  if (!cost_in_output && ind.level2 == IndicatorLevel2::kOutputCost) return ScoreBlock::kCost;
  return ScoreBlock::kOutput;
}

// The counted actual: the latest dated on or before `as_of` (ties: the later
// entry); with no date limit the latest.
std::uint32_t CountedActual(const Indicator& ind, const std::optional<Date>& as_of) {
  std::uint32_t best = kNoIndex;
  for (std::uint32_t k = 0; k < ind.actuals.size(); ++k) {
    const Date d = ind.actuals[k].date;
    if (as_of.has_value() && d > *as_of) continue;
    if (best == kNoIndex || !(d < ind.actuals[best].date)) best = k;
  }
  return best;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Whether an actual's text explains a deviation: not empty, and not just the
// value as written ("2.4", "2.4公里", "95%").
bool IsExplanation(std::string_view text, std::string_view uom) {
  text = TrimAscii(text);
  if (text.empty()) return false;
  if (Ratio::ParseDecimal(text).ok()) return false;
  for (std::string_view suffix : {uom, std::string_view("%"), std::string_view("％")}) {
    if (!suffix.empty() && text.size() > suffix.size() &&
        text.substr(text.size() - suffix.size()) == suffix &&
        Ratio::ParseDecimal(TrimAscii(text.substr(0, text.size() - suffix.size()))).ok()) {
      return false;
    }
  }
  return true;
}

Ratio Clamp01(const Ratio& r) {
  if (r.overflowed() || r < kZero) return kZero;
  if (r > kOne) return kOne;
  return r;
}

Ratio HigherIsBetter(const Ratio& actual, const Ratio& target) {
  if (actual >= target) return kOne;
  if (!(target > kZero)) return kZero;
  return Clamp01(actual / target);
}

Ratio LowerIsBetter(const Ratio& actual, const Ratio& target) {
  if (actual <= target) return kOne;
  if (!(target > kZero)) return kZero;
  return Clamp01(target / actual);
}

Ratio EqualTo(const Ratio& actual, const Ratio& target) {
  if (actual == target) return kOne;
  if (target.is_zero()) return kZero;
  return Clamp01(kOne - (actual - target).Abs() / target.Abs());
}

std::string Points(const Ratio& r) { return r.ToDecimalString(2); }

struct Owner {
  std::string id;
  std::string name;
};

Owner OwnerOf(const Dataset& ds, const GoalScore& g) {
  if (g.project_index != kNoIndex) {
    const ProjectView p = ds.projects()[g.project_index];
    return {std::string(p.id()), std::string(p.name())};
  }
  if (g.unit_index != kNoIndex) {
    const UnitView u = ds.units()[g.unit_index];
    return {std::string(u.id()), std::string(u.name())};
  }
  return {};
}

using Values = std::vector<std::pair<std::string_view, std::string>>;

void Render(std::string_view code, const Values& v, std::string* zh, std::string* en) {
  const RuleSpec* spec = FindRuleSpec(code);
  if (spec == nullptr) return;
  *zh = FillTemplate(spec->message_zh, v);
  *en = FillTemplate(spec->message_en, v);
}

Values GoalValues(const Dataset& ds, const GoalScore& g) {
  const Owner o = OwnerOf(ds, g);
  return {{"goal", ds.goals()[g.goal_index].id}, {"owner", o.id}, {"owner_name", o.name}};
}

absl::Status CheckSection(const SelfEvaluationPolicy& p) {
  for (const Ratio* r :
       {&p.output_points, &p.benefit_points, &p.satisfaction_points, &p.execution_points,
        &p.cost_points, &p.achieved_percent, &p.partly_achieved_percent, &p.not_achieved_percent,
        &p.far_below_percent, &p.self_score_tolerance}) {
    if (r->overflowed() || r->is_negative()) {
      return absl::InvalidArgumentError("self_evaluation: a share or percentage is negative");
    }
  }
  if (p.grade_bands.empty()) return absl::InvalidArgumentError("self_evaluation: no grade bands");
  for (std::size_t i = 1; i < p.grade_bands.size(); ++i) {
    if (!(p.grade_bands[i].min < p.grade_bands[i - 1].min)) {
      return absl::InvalidArgumentError("self_evaluation: grade bands must be best first");
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::string_view CodeOf(ScoreBlock b) {
  switch (b) {
    case ScoreBlock::kOutput:
      return "output";
    case ScoreBlock::kBenefit:
      return "benefit";
    case ScoreBlock::kSatisfaction:
      return "satisfaction";
    case ScoreBlock::kCost:
      return "cost";
  }
  return "unknown";
}

std::string_view ZhLabelOf(ScoreBlock b) {
  switch (b) {
    case ScoreBlock::kOutput:
      return "产出";
    case ScoreBlock::kBenefit:
      return "效益";
    case ScoreBlock::kSatisfaction:
      return "满意度";
    case ScoreBlock::kCost:
      return "成本";
  }
  return "未知";
}

Grade SelfEvaluationGradeOf(const SelfEvaluationPolicy& policy, const Ratio& score) {
  for (const GradeBand& band : policy.grade_bands) {
    if (score >= band.min) return band.grade;
  }
  return Grade::kPoor;
}

absl::StatusOr<SelfEvaluationReport> ScoreSelfEvaluations(
    const Dataset& dataset, const Policy& policy, const SelfEvaluationOptions& options) try {
  const SelfEvaluationPolicy& sp = policy.self_evaluation();
  if (auto s = CheckSection(sp); !s.ok()) return s;
  const bool msgs = options.messages;
  const Date year_end = dataset.fiscal_year().last_day();
  const Date exec_to =
      options.as_of.has_value() && *options.as_of < year_end ? *options.as_of : year_end;

  SelfEvaluationReport rep;
  rep.dataset = dataset;
  rep.as_of = options.as_of;
  rep.execution_to = exec_to;

  auto exec = ExecutionOfProjects(dataset, exec_to);
  if (!exec.ok()) return exec.status();
  const auto& projects = dataset.projects();
  const auto goals = dataset.goals();

  // Unit execution: Σ over the unit's projects in scope.
  std::vector<Execution> unit_exec(dataset.units().size());
  for (std::uint32_t p = 0; p < projects.size(); ++p) {
    if (projects[p].status() == ProjectStatus::kCancelled) continue;
    Execution& u = unit_exec[projects[p].unit_index()];
    if (!u.current.TryAdd((*exec)[p].current) || !u.executed.TryAdd((*exec)[p].executed)) {
      return absl::OutOfRangeError("amount overflow in a unit's total");
    }
  }

  // Rule settings read once.
  struct Setting {
    bool on;
    Severity severity;
  };
  const auto setting = [&](std::string_view c) {
    const RuleSetting& s = policy.Rule(c);
    return Setting{s.enabled, s.severity};
  };
  const Setting no_actual_rule = setting(kNoActual), unreadable_rule = setting(kUnreadable),
                far_rule = setting(kFarBelow), block_rule = setting(kBlockMissing),
                partial_rule = setting(kWeightsPartial), not100_rule = setting(kNot100),
                inflated_rule = setting(kInflated);

  const std::array<Ratio, kScoreBlockCount> shares = {sp.output_points, sp.benefit_points,
                                                      sp.satisfaction_points,
                                                      sp.cost_in_output ? Ratio() : sp.cost_points};
  Ratio share_total;
  for (const Ratio& s : shares) share_total += s;
  const Ratio far_line = sp.far_below_percent / kHundred;
  const std::array<Ratio, 3> qual = {sp.achieved_percent / kHundred,
                                     sp.partly_achieved_percent / kHundred,
                                     sp.not_achieved_percent / kHundred};

  rep.goals.reserve(goals.size());
  std::size_t indicator_total = 0;
  for (const Goal& g : goals) indicator_total += g.indicators.size();
  rep.indicators.reserve(indicator_total);

  const auto flag = [&](const Setting& s, std::string_view code, std::uint32_t row,
                        std::uint32_t indicator, const Values& v) {
    if (!s.on) return;
    SelfEvaluationFlag f;
    f.code = code;
    f.severity = s.severity;
    f.goal_row = row;
    f.indicator = indicator;
    if (msgs) Render(code, v, &f.message_zh, &f.message_en);
    rep.flags.push_back(std::move(f));
  };

  std::array<std::uint32_t, kScoreBlockCount> count{};
  for (std::uint32_t gi = 0; gi < goals.size(); ++gi) {
    const Goal& goal = goals[gi];
    GoalScore gs;
    gs.goal_index = gi;
    gs.owner = goal.owner;
    gs.unit_index = goal.unit_index;
    const Execution* ex = nullptr;
    if (goal.owner == GoalOwner::kProject) {
      if (!options.project_goals || goal.project_index == kNoIndex) continue;
      if (projects[goal.project_index].status() == ProjectStatus::kCancelled) continue;
      gs.project_index = goal.project_index;
      ex = &(*exec)[goal.project_index];
    } else {
      if (!options.unit_goals || goal.unit_index == kNoIndex) continue;
      ex = &unit_exec[goal.unit_index];
    }
    const auto row = static_cast<std::uint32_t>(rep.goals.size());

    // Weights: all given, or none (partial: scored as none, flagged).
    std::size_t weighted = 0;
    for (const Indicator& ind : goal.indicators) weighted += ind.weight.has_value() ? 1 : 0;
    gs.weights_given = weighted > 0 && weighted == goal.indicators.size();
    const bool partial = weighted > 0 && !gs.weights_given;

    count.fill(0);
    for (const Indicator& ind : goal.indicators) {
      ++count[static_cast<std::size_t>(BlockOf(ind, sp.cost_in_output))];
    }
    // Points per block and per indicator of the block (without weights).
    std::array<Ratio, kScoreBlockCount> per_indicator{};
    Ratio lost_blocks;
    std::array<bool, kScoreBlockCount> missing{};
    if (!gs.weights_given) {
      Ratio present;
      for (int b = 0; b < kScoreBlockCount; ++b) {
        if (count[b] > 0) present += shares[b];
        missing[b] = count[b] == 0 && shares[b] > kZero;
      }
      const bool any_missing =
          std::any_of(missing.begin(), missing.end(), [](bool m) { return m; });
      const bool redistribute = any_missing && sp.redistribute_missing_blocks && present > kZero;
      for (int b = 0; b < kScoreBlockCount; ++b) {
        if (count[b] == 0) {
          if (missing[b] && !redistribute) lost_blocks += shares[b];
          continue;
        }
        gs.block_points[b] = redistribute ? shares[b] * share_total / present : shares[b];
        per_indicator[b] = gs.block_points[b] / Ratio(static_cast<std::int64_t>(count[b]));
      }
      if (any_missing) {
        for (int b = 0; b < kScoreBlockCount; ++b) {
          if (!missing[b]) continue;
          const auto blk = static_cast<ScoreBlock>(b);
          Values v = msgs ? GoalValues(dataset, gs) : Values{};
          if (msgs) {
            v.push_back({"points", Points(shares[b])});
            v.push_back({"block", std::string(ZhLabelOf(blk))});
          }
          SelfEvaluationFlag f;
          if (block_rule.on) {
            f.code = kBlockMissing;
            f.severity = block_rule.severity;
            f.goal_row = row;
            f.indicator = kNoIndex;
            if (msgs) {
              const RuleSpec* spec = FindRuleSpec(kBlockMissing);
              Values zh = v, en = v;
              zh.push_back({"redistributed", redistribute ? "按比例分配给其他一级指标" : "不得分"});
              en.back() = {"block", std::string(CodeOf(blk))};
              en.push_back({"redistributed",
                            redistribute ? "go to the other blocks in proportion" : "are lost"});
              f.message_zh = FillTemplate(spec->message_zh, zh);
              f.message_en = FillTemplate(spec->message_en, en);
            }
            rep.flags.push_back(std::move(f));
          }
        }
      }
    }
    if (partial)
      flag(partial_rule, kWeightsPartial, row, kNoIndex, msgs ? GoalValues(dataset, gs) : Values{});

    // Indicators.
    gs.first_indicator = static_cast<std::uint32_t>(rep.indicators.size());
    Ratio indicator_points, earned_total;
    for (std::uint32_t k = 0; k < goal.indicators.size(); ++k) {
      const Indicator& ind = goal.indicators[k];
      IndicatorScore is;
      is.goal_row = row;
      is.indicator = k;
      is.block = BlockOf(ind, sp.cost_in_output);
      is.points =
          gs.weights_given ? *ind.weight : per_indicator[static_cast<std::size_t>(is.block)];
      if (gs.weights_given) gs.block_points[static_cast<std::size_t>(is.block)] += is.points;
      is.actual = CountedActual(ind, options.as_of);
      const IndicatorActual* act = is.actual == kNoIndex ? nullptr : &ind.actuals[is.actual];
      const bool numeric = ind.comparator != Comparator::kQualitative;
      const bool target_ok =
          !numeric || (ind.target.has_value() &&
                       (ind.comparator != Comparator::kRange ||
                        (ind.target_high.has_value() && !(*ind.target_high < *ind.target))));
      std::string_view code;
      switch (ind.comparator) {
        case Comparator::kGe:
        case Comparator::kGt:
          code = kHigher;
          break;
        case Comparator::kLe:
        case Comparator::kLt:
          code = kLower;
          break;
        case Comparator::kEq:
          code = kEqual;
          break;
        case Comparator::kRange:
          code = kRange;
          break;
        case Comparator::kQualitative:
          code = kQualitative;
          break;
      }
      const bool has_actual =
          act != nullptr && (numeric ? act->value.has_value() : act->grade.has_value());
      if (!target_ok) {
        is.code = kUnreadable;
      } else if (!has_actual) {
        is.code = kNoActual;
      } else {
        is.code = code;
        is.scored = true;
        if (!numeric) {
          is.attainment = Clamp01(qual[static_cast<std::size_t>(*act->grade)]);
        } else {
          const Ratio& a = *act->value;
          const Ratio& t = *ind.target;
          switch (ind.comparator) {
            case Comparator::kGe:
            case Comparator::kGt:
              is.attainment = HigherIsBetter(a, t);
              break;
            case Comparator::kLe:
            case Comparator::kLt:
              is.attainment = LowerIsBetter(a, t);
              break;
            case Comparator::kEq:
              is.attainment = EqualTo(a, t);
              break;
            case Comparator::kRange:
              is.attainment = a < t ? HigherIsBetter(a, t) : LowerIsBetter(a, *ind.target_high);
              break;
            case Comparator::kQualitative:
              break;
          }
        }
        is.earned = is.points * is.attainment;
        is.far_below = is.attainment < far_line;
        is.explained = IsExplanation(act->text, ind.unit_of_measure);
      }
      indicator_points += is.points;
      earned_total += is.earned;

      Values v;
      if (msgs) {
        v = GoalValues(dataset, gs);
        v.push_back({"indicator", ind.name});
        v.push_back({"comparator", std::string(ZhLabelOf(ind.comparator))});
        v.push_back(
            {"target", ind.target.has_value() ? ind.target->ToShortString() : ind.target_text});
        v.push_back(
            {"target_high", ind.target_high.has_value() ? ind.target_high->ToShortString() : ""});
        v.push_back({"uom", ind.unit_of_measure});
        v.push_back({"actual",
                     act != nullptr && act->value.has_value() ? act->value->ToShortString() : ""});
        v.push_back({"date", act != nullptr ? act->date.ToString()
                                            : (options.as_of.has_value() ? options.as_of->ToString()
                                                                         : year_end.ToString())});
        v.push_back({"attainment", is.attainment.ToPercentString(2)});
        v.push_back({"earned", Points(is.earned)});
        v.push_back({"points", Points(is.points)});
        v.push_back({"lost", Points(is.lost())});
        v.push_back({"far_below", sp.far_below_percent.ToShortString()});
        if (!numeric && has_actual) {
          v.push_back({"percent", (is.attainment * kHundred).ToShortString()});
        }
      }
      if (msgs) {
        Values zh = v, en = v;
        if (!numeric && has_actual) {
          zh.push_back({"grade", std::string(ZhLabelOf(*act->grade))});
          en.push_back({"grade", std::string(CodeOf(*act->grade))});
        }
        const RuleSpec* spec = FindRuleSpec(is.code);
        if (spec != nullptr) {
          is.message_zh = FillTemplate(spec->message_zh, zh);
          is.message_en = FillTemplate(spec->message_en, en);
        }
      }
      if (is.code == kNoActual) flag(no_actual_rule, kNoActual, row, k, v);
      if (is.code == kUnreadable) flag(unreadable_rule, kUnreadable, row, k, v);
      if (is.far_below && !is.explained) flag(far_rule, kFarBelow, row, k, v);
      rep.indicators.push_back(std::move(is));
    }
    gs.indicator_count = static_cast<std::uint32_t>(rep.indicators.size()) - gs.first_indicator;

    // Execution rate.
    gs.current = ex->current;
    gs.executed = ex->executed;
    gs.execution_points = sp.execution_points;
    if (ex->current.fen() > 0) {
      gs.execution_rate = Ratio(ex->executed.fen(), ex->current.fen());
      gs.execution_earned = sp.execution_points * Clamp01(gs.execution_rate);
    }
    if (msgs) {
      Values v = GoalValues(dataset, gs);
      v.push_back({"rate", gs.execution_rate.ToPercentString(2)});
      v.push_back({"executed", WanYuan(gs.executed)});
      v.push_back({"current", WanYuan(gs.current)});
      v.push_back({"earned", Points(gs.execution_earned)});
      v.push_back({"points", Points(gs.execution_points)});
      v.push_back({"lost", Points(gs.execution_points - gs.execution_earned)});
      Render(ex->current.fen() > 0 ? kExecution : kZeroBudget, v, &gs.execution_message_zh,
             &gs.execution_message_en);
    }

    gs.max_score = indicator_points + gs.execution_points + lost_blocks;
    gs.score = earned_total + gs.execution_earned;
    if (gs.score.overflowed()) {
      return absl::OutOfRangeError(absl::StrCat("score overflow in goal ", goal.id));
    }
    gs.grade = SelfEvaluationGradeOf(sp, gs.score);
    if (gs.max_score != kHundred) {
      Values v = msgs ? GoalValues(dataset, gs) : Values{};
      if (msgs) v.push_back({"total", gs.max_score.ToShortString()});
      flag(not100_rule, kNot100, row, kNoIndex, v);
    }
    rep.goals.push_back(std::move(gs));
  }

  // The self-score check: each self evaluation of this fiscal year with a
  // score, matched to its project's (or unit's) first scored goal.
  std::vector<std::uint32_t> project_row(projects.size(), kNoIndex);
  std::vector<std::uint32_t> unit_row(dataset.units().size(), kNoIndex);
  for (std::uint32_t r = 0; r < rep.goals.size(); ++r) {
    const GoalScore& g = rep.goals[r];
    if (g.project_index != kNoIndex) {
      if (project_row[g.project_index] == kNoIndex) project_row[g.project_index] = r;
    } else if (g.unit_index != kNoIndex && unit_row[g.unit_index] == kNoIndex) {
      unit_row[g.unit_index] = r;
    }
  }
  const int fy = dataset.info().fiscal_year;
  rep.reports = options.reports;
  for (std::uint32_t source = 0; source <= rep.reports.size(); ++source) {
    const Dataset& src = source == 0 ? dataset : rep.reports[source - 1];
    const auto evals = src.evaluations();
    for (std::uint32_t e = 0; e < evals.size(); ++e) {
      const Evaluation& ev = evals[e];
      if (ev.kind != EvaluationKind::kSelf || ev.evaluated_year != fy) continue;
      std::uint32_t r = kNoIndex;
      if (!ev.project_id.empty()) {
        const std::uint32_t p = source == 0 ? ev.project_index : dataset.FindProject(ev.project_id);
        if (p != kNoIndex) r = project_row[p];
      } else {
        const std::uint32_t u = source == 0 ? ev.unit_index : dataset.FindUnit(ev.unit_id);
        if (u != kNoIndex) r = unit_row[u];
      }
      if (r == kNoIndex) continue;
      GoalScore& g = rep.goals[r];
      // A later record of the same goal replaces an earlier one (by date, then
      // source and input order).
      if (g.self_evaluation != kNoIndex) {
        const Evaluation& prev = *rep.SelfEvaluationOf(g);
        if (prev.date.has_value() && (!ev.date.has_value() || *ev.date < *prev.date)) continue;
      }
      g.self_evaluation = e;
      g.self_evaluation_source = source;
      g.reported = ev.score;
      g.difference = ev.score.has_value() ? *ev.score - g.score : Ratio();
      g.inflated = ev.score.has_value() && g.difference > sp.self_score_tolerance;
    }
  }
  for (std::uint32_t r = 0; r < rep.goals.size(); ++r) {
    const GoalScore& g = rep.goals[r];
    if (!g.inflated) continue;
    Values v = msgs ? GoalValues(dataset, g) : Values{};
    if (msgs) {
      v.push_back({"evaluation", rep.SelfEvaluationOf(g)->id});
      v.push_back({"reported", Points(*g.reported)});
      v.push_back({"computed", Points(g.score)});
      v.push_back({"difference", Points(g.difference)});
      v.push_back({"threshold", sp.self_score_tolerance.ToShortString()});
    }
    flag(inflated_rule, kInflated, r, kNoIndex, v);
  }

  // Totals.
  rep.units.resize(dataset.units().size());
  for (std::uint32_t u = 0; u < rep.units.size(); ++u) rep.units[u].unit_index = u;
  for (const GoalScore& g : rep.goals) {
    for (SelfEvaluationTotal* t :
         {g.unit_index != kNoIndex ? &rep.units[g.unit_index] : nullptr, &rep.total}) {
      if (t == nullptr) continue;
      ++(g.project_index != kNoIndex ? t->project_goals : t->unit_goals);
      ++t->by_grade[static_cast<std::size_t>(g.grade)];
      t->points_lost += g.max_score - g.score;
      if (const Evaluation* ev = rep.SelfEvaluationOf(g); ev != nullptr) {
        const bool unit_level = g.project_index == kNoIndex;
        ++(unit_level ? t->unit_self_evaluations : t->self_evaluations);
        if (!(unit_level ? t->unit_self_evaluation_amount : t->self_evaluation_amount)
                 .TryAdd(ev->amount)) {
          return absl::OutOfRangeError("self-evaluation amount overflow");
        }
      }
      if (g.inflated) ++t->inflated;
    }
  }
  for (const SelfEvaluationFlag& f : rep.flags) {
    const std::uint32_t u = rep.goals[f.goal_row].unit_index;
    if (u != kNoIndex) ++rep.units[u].flags;
    ++rep.total.flags;
  }
  // Flags in goal order (the self-score check's were appended last).
  std::stable_sort(rep.flags.begin(), rep.flags.end(),
                   [](const SelfEvaluationFlag& a, const SelfEvaluationFlag& b) {
                     return a.goal_row < b.goal_row;
                   });
  return rep;
} catch (const std::bad_alloc&) {
  return OutOfMemory("scoring self-evaluations");
}

}  // namespace perfbudget
