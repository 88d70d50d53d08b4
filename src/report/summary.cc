// summary.cc: counts and money totals of a dataset as of a date.
#include "perfbudget/report/summary.h"

#include <array>
#include <new>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"

namespace perfbudget {
namespace {

// Adds `amount` to `*total`; false on overflow.
bool Add(Money* total, Money amount) { return total->TryAdd(amount); }

absl::Status Overflow(std::string_view what) {
  return absl::OutOfRangeError(absl::StrCat("summary: the total of ", AV(what), " overflows"));
}

// Fills current_budget and execution_rate from approved / adjustments / executed.
absl::Status Finish(BudgetTotals* t, std::string_view what) {
  t->current_budget = t->approved;
  if (!t->current_budget.TryAdd(t->adjustments)) return Overflow(what);
  if (t->current_budget.is_zero()) {
    t->execution_rate.reset();
  } else {
    t->execution_rate = Ratio(t->executed.fen(), t->current_budget.fen());
  }
  return absl::OkStatus();
}

}  // namespace

std::string_view CodeOf(AsOfSource source) {
  switch (source) {
    case AsOfSource::kGiven:
      return "given";
    case AsOfSource::kDataset:
      return "dataset";
    case AsOfSource::kLatestDisbursement:
      return "latest_disbursement";
    case AsOfSource::kYearEnd:
      return "year_end";
  }
  return "given";
}

std::optional<Date> GivenOrDatasetAsOf(const Dataset& dataset, std::optional<Date> given,
                                       AsOfSource* source) {
  AsOfSource from = AsOfSource::kGiven;
  if (!given.has_value()) {
    given = dataset.info().as_of;
    from = AsOfSource::kDataset;
  }
  if (source != nullptr && given.has_value()) *source = from;
  return given;
}

absl::StatusOr<DatasetSummary> Summarize(const Dataset& dataset, std::optional<Date> as_of) try {
  DatasetSummary s;
  const FiscalYear& fy = dataset.fiscal_year();
  const DisbursementTable& disbursements = dataset.disbursements();
  const std::span<const Date> disb_dates = disbursements.dates();
  if (as_of.has_value()) {
    if (absl::Status st = fy.CheckContains(*as_of); !st.ok()) {
      return absl::OutOfRangeError(absl::StrCat(
          "as-of date ", as_of->ToString(), " is outside fiscal year ", dataset.info().fiscal_year,
          " (", fy.first_day().ToString(), " .. ", fy.last_day().ToString(), ")"));
    }
  }
  if (std::optional<Date> date = GivenOrDatasetAsOf(dataset, as_of, &s.as_of_source)) {
    s.as_of = *date;  // the dataset's own was checked by Build to lie in the year
  } else if (disbursements.empty()) {
    s.as_of = fy.last_day();
    s.as_of_source = AsOfSource::kYearEnd;
  } else {
    s.as_of_source = AsOfSource::kLatestDisbursement;
    Date latest = disb_dates.front();
    for (const Date d : disb_dates) {
      if (latest < d) latest = d;
    }
    s.as_of = latest;
  }
  s.as_of_is_default = s.as_of_source != AsOfSource::kGiven;

  const auto& units = dataset.units();
  const auto& projects = dataset.projects();
  const auto goals = dataset.goals();

  s.units.resize(units.size());
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    s.units[u].unit_index = u;
    s.units[u].id = std::string(units[u].id());
    s.units[u].name = std::string(units[u].name());
    s.units[u].counts.units = 1;
  }
  std::array<FundSourceSummary, kFundSourceCount> by_source{};
  std::array<bool, kFundSourceCount> source_seen{};
  for (int i = 0; i < kFundSourceCount; ++i) by_source[i].source = static_cast<FundSource>(i);

  s.counts.units = static_cast<std::int64_t>(units.size());
  s.counts.projects = static_cast<std::int64_t>(projects.size());
  s.counts.disbursements = static_cast<std::int64_t>(disbursements.size());

  // Projects: approved and adjustments.
  for (std::uint32_t p = 0; p < projects.size(); ++p) {
    const ProjectView project = projects[p];
    UnitSummary* unit =
        project.unit_index() < s.units.size() ? &s.units[project.unit_index()] : nullptr;
    if (project.is_key()) ++s.counts.key_projects;
    if (unit != nullptr) {
      ++unit->counts.projects;
      if (project.is_key()) ++unit->counts.key_projects;
    }
    std::array<bool, kFundSourceCount> project_has_source{};
    for (const FundLine& line : project.funds()) {
      const int src = static_cast<int>(line.source);
      if (src < 0 || src >= kFundSourceCount) continue;
      if (!Add(&s.overall.approved, line.approved)) return Overflow("approved");
      if (unit != nullptr && !Add(&unit->totals.approved, line.approved)) {
        return Overflow(absl::StrCat("approved of unit ", unit->id));
      }
      if (!Add(&by_source[src].totals.approved, line.approved)) {
        return Overflow(absl::StrCat("approved of fund source ", AV(CodeOf(line.source))));
      }
      source_seen[src] = true;
      project_has_source[src] = true;
    }
    for (const AdjustmentView adj : project.adjustments()) {
      if (s.as_of < adj.date()) continue;
      const int src = static_cast<int>(adj.source());
      if (src < 0 || src >= kFundSourceCount) continue;
      if (!Add(&s.overall.adjustments, adj.amount())) return Overflow("adjustments");
      if (unit != nullptr && !Add(&unit->totals.adjustments, adj.amount())) {
        return Overflow(absl::StrCat("adjustments of unit ", unit->id));
      }
      if (!Add(&by_source[src].totals.adjustments, adj.amount())) {
        return Overflow(absl::StrCat("adjustments of fund source ", AV(CodeOf(adj.source()))));
      }
      source_seen[src] = true;
    }
    for (int i = 0; i < kFundSourceCount; ++i) {
      if (project_has_source[i]) ++by_source[i].projects;
    }
  }

  // Disbursements up to the as-of date.
  // (Rows run project by project: one unit look-up per project.)
  const std::span<const Money> disb_amounts = disbursements.amounts();
  const std::span<const FundSource> disb_sources = disbursements.sources();
  for (std::uint32_t p = 0; p < projects.size(); ++p) {
    const RowRange rows = dataset.DisbursementsOf(p);
    if (rows.empty()) continue;
    const std::uint32_t u = projects[p].unit_index();
    UnitSummary* unit = u < s.units.size() ? &s.units[u] : nullptr;
    if (unit != nullptr) unit->counts.disbursements += static_cast<std::int64_t>(rows.size());
    for (std::uint32_t row : rows) {
      if (s.as_of < disb_dates[row]) continue;
      const Money amount = disb_amounts[row];
      ++s.counts.disbursements_to_as_of;
      const int src = static_cast<int>(disb_sources[row]);
      if (!Add(&s.overall.executed, amount)) return Overflow("executed");
      if (unit != nullptr) {
        ++unit->counts.disbursements_to_as_of;
        if (!Add(&unit->totals.executed, amount)) {
          return Overflow(absl::StrCat("executed of unit ", unit->id));
        }
      }
      if (src >= 0 && src < kFundSourceCount) {
        if (!Add(&by_source[src].totals.executed, amount)) {
          return Overflow(absl::StrCat("executed of fund source ", AV(CodeOf(disb_sources[row]))));
        }
        source_seen[src] = true;
      }
    }
  }

  // Goals and indicators.
  for (const Goal& goal : goals) {
    const auto n = static_cast<std::int64_t>(goal.indicators.size());
    s.counts.indicators += n;
    std::uint32_t u = goal.unit_index;
    if (u >= s.units.size() && goal.project_index < projects.size()) {
      u = projects[goal.project_index].unit_index();
    }
    UnitSummary* unit = u < s.units.size() ? &s.units[u] : nullptr;
    if (goal.owner == GoalOwner::kProject) {
      ++s.counts.project_goals;
      if (unit != nullptr) ++unit->counts.project_goals;
    } else {
      ++s.counts.unit_goals;
      if (unit != nullptr) ++unit->counts.unit_goals;
    }
    if (unit != nullptr) unit->counts.indicators += n;
  }

  if (absl::Status st = Finish(&s.overall, "the current budget"); !st.ok()) return st;
  for (UnitSummary& unit : s.units) {
    if (absl::Status st = Finish(&unit.totals, absl::StrCat("current budget of unit ", unit.id));
        !st.ok()) {
      return st;
    }
  }
  for (int i = 0; i < kFundSourceCount; ++i) {
    if (!source_seen[i]) continue;
    if (absl::Status st =
            Finish(&by_source[i].totals,
                   absl::StrCat("current budget of fund source ", AV(CodeOf(by_source[i].source))));
        !st.ok()) {
      return st;
    }
    s.fund_sources.push_back(by_source[i]);
  }
  return s;
} catch (const std::bad_alloc&) {
  return OutOfMemory("summarising");
}

}  // namespace perfbudget
