// dataset.cc: Dataset accessors and DatasetBuilder (reference resolution and
// cross-record validation).
#include "perfbudget/model/dataset.h"

#include <algorithm>
#include <new>
#include <numeric>
#include <span>
#include <type_traits>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "model/dataset_impl.h"

namespace perfbudget {

// ---- Dataset ----------------------------------------------------------------

namespace {
std::shared_ptr<const Dataset::Impl> EmptyImpl() {
  auto impl = std::make_shared<Dataset::Impl>();
  impl->units.Bind(impl->text.data());
  impl->projects.Bind(impl->text.data(), impl->units.id.data());
  impl->disbursements.Bind(impl->text.data(), impl->projects.id.data());
  return impl;
}
}  // namespace

Dataset::Dataset() : impl_(EmptyImpl()) {}
Dataset::Dataset(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

const DatasetInfo& Dataset::info() const { return impl_->info; }
const FiscalYear& Dataset::fiscal_year() const { return impl_->fiscal_year; }
const UnitTable& Dataset::units() const { return impl_->units.table; }
const ProjectTable& Dataset::projects() const { return impl_->projects.table; }
std::span<const Goal> Dataset::goals() const { return impl_->goals; }
const DisbursementTable& Dataset::disbursements() const { return impl_->disbursements.table; }
std::span<const ExAnteAssessment> Dataset::ex_ante_assessments() const { return impl_->ex_ante; }
std::span<const Evaluation> Dataset::evaluations() const { return impl_->evaluations; }
std::span<const RectificationItem> Dataset::rectifications() const { return impl_->rectifications; }

namespace {
std::uint32_t Find(const StringMap<std::uint32_t>& m, std::string_view id) {
  auto it = m.find(id);
  return it == m.end() ? kNoIndex : it->second;
}
}  // namespace

std::uint32_t Dataset::FindUnit(std::string_view id) const { return Find(impl_->unit_by_id, id); }
std::uint32_t Dataset::FindProject(std::string_view id) const {
  return Find(impl_->project_by_id, id);
}
std::uint32_t Dataset::FindGoal(std::string_view id) const { return Find(impl_->goal_by_id, id); }

RowRange Dataset::DisbursementsOf(std::uint32_t p) const { return impl_->disbursements.Of(p); }

Unit UnitView::ToRecord() const { return Unit{std::string(id()), std::string(name())}; }

Adjustment AdjustmentView::ToRecord() const {
  return Adjustment{date(), source(), amount(), std::string(reason())};
}

Project ProjectView::ToRecord() const {
  Project p;
  p.id = std::string(id());
  p.unit_id = std::string(unit_id());
  p.name = std::string(name());
  p.category = std::string(category());
  p.kind = kind();
  p.is_key = is_key();
  p.status = status();
  p.start_year = start_year();
  p.requested = requested();
  const std::span<const FundLine> f = funds();
  p.funds.assign(f.begin(), f.end());
  for (AdjustmentView a : adjustments()) p.adjustments.push_back(a.ToRecord());
  const std::span<const PlannedPayment> plan = payment_plan();
  p.payment_plan.assign(plan.begin(), plan.end());
  p.disclosure = disclosure();
  p.unit_index = unit_index();
  return p;
}

Disbursement DisbursementView::ToRecord() const {
  Disbursement d;
  d.id = std::string(id());
  d.project_id = std::string(project_id());
  d.date = date();
  d.source = source();
  d.amount = amount();
  d.project_index = project_index();
  return d;
}
std::span<const std::uint32_t> Dataset::GoalsOfProject(std::uint32_t p) const {
  return impl_->goals_by_project.Of(p);
}
std::span<const std::uint32_t> Dataset::GoalsOfUnit(std::uint32_t u) const {
  return impl_->goals_by_unit.Of(u);
}
std::span<const std::uint32_t> Dataset::ProjectsOfUnit(std::uint32_t u) const {
  return impl_->projects_by_unit.Of(u);
}
Money Dataset::ApprovedOf(std::uint32_t p) const {
  return p < impl_->approved.size() ? impl_->approved[p] : Money();
}

// ---- DatasetBuilder -----------------------------------------------------------

struct DatasetBuilder::State {
  DatasetInfo info;
  std::uint64_t info_where = 0;
  std::uint64_t info_as_of_where = 0;  // 0: use info_where
  // Each record keeps its place as one number: a loader's locator (resolved
  // only when reported), or kFullOrigin | index into `origins` for an origin
  // given in full, or 0 for none. Millions of records cost 8 bytes each.
  template <typename T>
  struct Rec {
    T value;
    std::uint64_t where;
  };
  template <typename T>
  struct Child {
    std::string parent;
    T value;
    std::uint64_t where;
  };
  struct ActualRec {
    std::string goal;
    std::string indicator;
    IndicatorActual value;
    std::uint64_t where;
  };
  static constexpr std::uint64_t kFullOrigin = std::uint64_t{1} << 63;

  std::uint64_t Keep(Origin&& o) {
    const bool damaged_record = o.damaged;
    std::uint64_t where = 0;
    if (o.file.empty() && o.path.empty() && o.line == 0 && o.column == 0 &&
        o.locator < kFullOrigin) {
      where = o.locator;
    } else {
      origins.push_back(std::move(o));
      where = kFullOrigin | (origins.size() - 1);
    }
    if (damaged_record && where != 0) damaged.push_back(where);
    return where;
  }
  // Whether the loader marked the record at `where` damaged (Origin::damaged).
  // `damaged` is sorted by then (Build).
  bool Damaged(std::uint64_t where) const {
    return where != 0 && std::binary_search(damaged.begin(), damaged.end(), where);
  }
  Origin Resolve(std::uint64_t where) const {
    if (where == 0) return Origin();
    if (where & kFullOrigin) return origins[where & ~kFullOrigin];
    return resolver ? resolver(where) : Origin();
  }

  // The places of the records a loader marked damaged (Origin::damaged):
  // few, so a sorted list.
  std::vector<std::uint64_t> damaged;
  std::vector<Rec<Unit>> units;
  std::vector<Rec<Project>> projects;
  std::vector<Child<FundLine>> fund_lines;
  std::vector<Child<Adjustment>> adjustments;
  std::vector<Child<PlannedPayment>> plans;
  std::vector<Rec<Goal>> goals;
  std::vector<Child<Indicator>> indicators;
  std::vector<ActualRec> actuals;
  // Disbursements, column-wise from the start (the largest table): the
  // project id interned (one string per distinct project), voucher ids in
  // one text.
  struct DisbursementRows {
    std::vector<Date> date;
    std::vector<Money> amount;
    std::vector<FundSource> source;
    std::vector<std::uint32_t> project_ref;  // into project_ids
    std::vector<std::uint64_t> where;
    std::string id_text;                // the ids one after another
    std::vector<std::uint32_t> id_end;  // per row, once an id is given
    bool has_ids = false;
    bool id_text_full = false;  // ids past 4 GiB in all were dropped
    std::vector<std::string> project_ids;
    // Grows as disbursements arrive: a standard table (base/absl_compat.h).
    GrowingStringMap<std::uint32_t> project_ref_of;
    std::uint32_t last_ref = kNoIndex;

    void Add(Disbursement&& d, std::uint64_t w) {
      if (last_ref == kNoIndex || project_ids[last_ref] != d.project_id) {
        auto [it, inserted] = project_ref_of.try_emplace(
            d.project_id, static_cast<std::uint32_t>(project_ids.size()));
        if (inserted) project_ids.push_back(std::move(d.project_id));
        last_ref = it->second;
      }
      if (!d.id.empty()) {
        // The dataset's text holds every id + NUL, offsets 32-bit.
        if (std::uint64_t{id_text.size()} + d.id.size() + date.size() + 2 > 0xFFFFFFFFu) {
          id_text_full = true;
        } else {
          if (!has_ids) id_end.assign(date.size(), 0);
          has_ids = true;
          id_text += d.id;
        }
      }
      if (has_ids) id_end.push_back(static_cast<std::uint32_t>(id_text.size()));
      date.push_back(d.date);
      amount.push_back(d.amount);
      source.push_back(d.source);
      project_ref.push_back(last_ref);
      where.push_back(w);
    }
    std::size_t size() const { return date.size(); }
    std::string_view id(std::size_t i) const {
      if (!has_ids) return {};
      const std::uint32_t b = i == 0 ? 0 : id_end[i - 1];
      return std::string_view(id_text).substr(b, id_end[i] - b);
    }
  };
  DisbursementRows disbursements;
  std::vector<Rec<ExAnteAssessment>> ex_ante;
  std::vector<Rec<Evaluation>> evaluations;
  std::vector<Rec<RectificationItem>> rectifications;
  // Per goal: the first of its inline indicators' places in `inline_where`
  // and how many there are.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> goal_inline;
  std::vector<std::uint64_t> inline_where;
  std::vector<Origin> origins;  // the ones given in full
  OriginResolver resolver;
  Diagnostics loader_diagnostics{100000};
};

DatasetBuilder::DatasetBuilder(DatasetInfo info) : state_(std::make_unique<State>()) {
  state_->info = std::move(info);
}
DatasetBuilder::~DatasetBuilder() = default;
DatasetBuilder::DatasetBuilder(DatasetBuilder&&) noexcept = default;
DatasetBuilder& DatasetBuilder::operator=(DatasetBuilder&&) noexcept = default;

void DatasetBuilder::SetInfo(DatasetInfo info, Origin where, Origin as_of_where) {
  state_->info = std::move(info);
  state_->info_where = state_->Keep(std::move(where));
  state_->info_as_of_where = state_->Keep(std::move(as_of_where));
}
const DatasetInfo& DatasetBuilder::info() const { return state_->info; }
void DatasetBuilder::SetOriginResolver(OriginResolver resolver) {
  state_->resolver = std::move(resolver);
}

void DatasetBuilder::AddUnit(Unit v, Origin w) {
  state_->units.push_back({std::move(v), state_->Keep(std::move(w))});
}
void DatasetBuilder::AddProject(Project v, Origin w) {
  state_->projects.push_back({std::move(v), state_->Keep(std::move(w))});
}
void DatasetBuilder::AddFundLine(std::string p, FundLine v, Origin w) {
  state_->fund_lines.push_back({std::move(p), v, state_->Keep(std::move(w))});
}
void DatasetBuilder::AddAdjustment(std::string p, Adjustment v, Origin w) {
  state_->adjustments.push_back({std::move(p), std::move(v), state_->Keep(std::move(w))});
}
void DatasetBuilder::AddPlannedPayment(std::string p, PlannedPayment v, Origin w) {
  state_->plans.push_back({std::move(p), v, state_->Keep(std::move(w))});
}
void DatasetBuilder::AddGoal(Goal v, Origin w) {
  state_->goals.push_back({std::move(v), state_->Keep(std::move(w))});
  state_->goal_inline.emplace_back(0, 0);
}
void DatasetBuilder::AddGoal(Goal v, Origin w, std::span<const Origin> indicator_origins) {
  State& s = *state_;
  s.goals.push_back({std::move(v), s.Keep(std::move(w))});
  s.goal_inline.emplace_back(static_cast<std::uint32_t>(s.inline_where.size()),
                             static_cast<std::uint32_t>(indicator_origins.size()));
  for (const Origin& o : indicator_origins) s.inline_where.push_back(s.Keep(Origin(o)));
}
void DatasetBuilder::AddIndicator(std::string g, Indicator v, Origin w) {
  state_->indicators.push_back({std::move(g), std::move(v), state_->Keep(std::move(w))});
}
void DatasetBuilder::AddActual(std::string g, std::string i, IndicatorActual v, Origin w) {
  state_->actuals.push_back({std::move(g), std::move(i), std::move(v), state_->Keep(std::move(w))});
}
void DatasetBuilder::AddDisbursement(Disbursement v, Origin w) {
  state_->disbursements.Add(std::move(v), state_->Keep(std::move(w)));
}
void DatasetBuilder::AddExAnteAssessment(ExAnteAssessment v, Origin w) {
  state_->ex_ante.push_back({std::move(v), state_->Keep(std::move(w))});
}
void DatasetBuilder::AddEvaluation(Evaluation v, Origin w) {
  state_->evaluations.push_back({std::move(v), state_->Keep(std::move(w))});
}
void DatasetBuilder::AddRectification(RectificationItem v, Origin w) {
  state_->rectifications.push_back({std::move(v), state_->Keep(std::move(w))});
}
void DatasetBuilder::AddDiagnostic(Diagnostic d) { state_->loader_diagnostics.Add(std::move(d)); }
void DatasetBuilder::AddDroppedDiagnostics(std::size_t n) {
  state_->loader_diagnostics.AddDropped(n);
}
void DatasetBuilder::SetMaxLoaderDiagnostics(std::size_t n) {
  if (state_->loader_diagnostics.empty() && state_->loader_diagnostics.dropped() == 0) {
    state_->loader_diagnostics = Diagnostics(n);
  }
}
const Diagnostics& DatasetBuilder::diagnostics() const { return state_->loader_diagnostics; }

namespace {

// "$.goals[3]" + "name" → "$.goals[3].name"; "funds.csv" + "approved" →
// "funds.csv:approved".
std::string JoinPath(std::string_view base, std::string_view suffix) {
  if (base.empty()) return std::string(suffix);
  if (suffix.empty()) return std::string(base);
  const char* sep = base.ends_with(".csv") ? ":" : ".";
  return absl::StrCat(AV(base), sep, AV(suffix));
}

// Collects validation problems while building. Places are resolved only for
// the problems kept (past the limit they are only counted).
class Checker {
 public:
  Checker(Diagnostics* out, const DatasetBuilder::State* state) : out_(out), state_(state) {}

  void Report(DiagnosticKind kind, std::uint64_t where, std::string_view field_suffix,
              std::string field, std::string value, std::string expected, std::string message) {
    if (out_->full()) {
      out_->AddDropped(1);
      return;
    }
    Report(kind, state_->Resolve(where), field_suffix, std::move(field), std::move(value),
           std::move(expected), std::move(message));
  }
  void Report(DiagnosticKind kind, const Origin& where, std::string_view field_suffix,
              std::string field, std::string value, std::string expected, std::string message) {
    if (out_->full()) {
      out_->AddDropped(1);
      return;
    }
    Diagnostic d;
    d.kind = kind;
    d.where = where;
    d.where.locator = 0;
    if (!field_suffix.empty()) {
      d.where.path = JoinPath(d.where.path, field_suffix);
    }
    d.field = std::move(field);
    d.value = std::move(value);
    d.expected = std::move(expected);
    d.message = std::move(message);
    out_->Add(std::move(d));
  }
  bool any() const { return !out_->empty() || out_->dropped() > 0; }
  const DatasetBuilder::State& state() const { return *state_; }

 private:
  Diagnostics* out_;
  const DatasetBuilder::State* state_;
};

// Registers ids of one table; reports duplicates and empty ids.
template <typename Rec, typename IdOf>
StringMap<std::uint32_t> IndexIds(const std::vector<Rec>& recs, IdOf id_of, std::string_view table,
                                  Checker& check) {
  // Room for every id up front and keys made before they go in: Abseil's
  // tables do not survive a std::bad_alloc otherwise (base/absl_compat.h).
  StringMap<std::uint32_t> index(RoomFor(recs.size()));
  for (std::uint32_t i = 0; i < recs.size(); ++i) {
    const std::string& id = id_of(recs[i].value);
    if (id.empty()) {
      check.Report(DiagnosticKind::kMissing, recs[i].where, "id", "id", "", "a non-empty id",
                   absl::StrCat(AV(table), " record has no id"));
      continue;
    }
    auto [it, inserted] = index.emplace(std::string(id), i);
    if (!inserted) {
      const Origin first = check.state().Resolve(recs[it->second].where);
      std::string first_at = first.line > 0 ? absl::StrCat(" (first at line ", first.line, ")")
                             : !first.path.empty() ? absl::StrCat(" (first at ", first.path, ")")
                                                   : "";
      check.Report(DiagnosticKind::kDuplicateId, recs[i].where, "id", "id", id, "a unique id",
                   absl::StrCat("duplicate ", AV(table), " id \"", id, "\"", first_at));
    }
  }
  return index;
}

GroupIndex Group(std::size_t groups, const std::vector<std::uint32_t>& group_of_item) {
  GroupIndex g;
  g.offsets.assign(groups + 1, 0);
  for (std::uint32_t grp : group_of_item) {
    if (grp != kNoIndex) ++g.offsets[grp + 1];
  }
  std::partial_sum(g.offsets.begin(), g.offsets.end(), g.offsets.begin());
  g.items.resize(g.offsets.back());
  std::vector<std::uint32_t> fill(g.offsets.begin(), g.offsets.end() - 1);
  for (std::uint32_t i = 0; i < group_of_item.size(); ++i) {
    const std::uint32_t grp = group_of_item[i];
    if (grp != kNoIndex) g.items[fill[grp]++] = i;
  }
  return g;
}

// Who a reference problem is about: "fund line", or `project "P1"`; the text
// is made only when a problem is reported.
struct Who {
  Who(const char* k) : kind(k) {}         // NOLINT: a plain description converts
  Who(const std::string& k) : kind(k) {}  // NOLINT
  Who(std::string_view k, std::string_view i) : kind(k), id(i), with_id(true) {}
  std::string str() const {
    return with_id ? absl::StrCat(AV(kind), " \"", AV(id), "\"") : std::string(kind);
  }
  std::string_view kind;
  std::string_view id;
  bool with_id = false;
};

std::string YearBounds(const FiscalYear& fy) {
  return absl::StrCat("a date in fiscal year ", fy.year(), " (", fy.first_day().ToString(), " .. ",
                      fy.last_day().ToString(), ")");
}

// The builder's disbursement rows into the dataset's columns, in row order
// (`by_project.items[row]` = input position), freeing each builder column
// once copied.
void MoveDisbursements(DatasetBuilder::State::DisbursementRows& dr, GroupIndex by_project,
                       DisbursementColumns& out) {
  const std::vector<std::uint32_t>& pos = by_project.items;
  const std::size_t n = pos.size();
  auto release = [](auto& v) { std::remove_reference_t<decltype(v)>().swap(v); };
  auto gather = [&](auto& from, auto& to) {
    to.resize(n);
    for (std::size_t row = 0; row < n; ++row) to[row] = from[pos[row]];
    release(from);
  };
  gather(dr.date, out.date);
  gather(dr.amount, out.amount);
  gather(dr.source, out.source);
  release(dr.where);
  release(dr.project_ref);
  out.project.resize(n);
  const auto& offs = by_project.offsets;
  for (std::uint32_t p = 0; p + 1 < offs.size(); ++p) {
    std::fill(out.project.begin() + offs[p], out.project.begin() + offs[p + 1], p);
  }
  if (dr.has_ids) {
    out.id_text.reserve(dr.id_text.size() + n);
    out.id_begin.resize(n + 1);
    for (std::size_t row = 0; row < n; ++row) {
      out.id_begin[row] = static_cast<std::uint32_t>(out.id_text.size());
      out.id_text += dr.id(pos[row]);
      out.id_text.push_back('\0');
    }
    out.id_begin[n] = static_cast<std::uint32_t>(out.id_text.size());
    release(dr.id_text);
    release(dr.id_end);
  }
  bool identity = true;
  for (std::size_t row = 0; row < n && identity; ++row) identity = pos[row] == row;
  if (!identity) {
    out.input_row.resize(n);
    for (std::uint32_t row = 0; row < n; ++row) out.input_row[pos[row]] = row;
    out.input_pos = std::move(by_project.items);
  }
  out.project_begin = std::move(by_project.offsets);
  if (out.project_begin.empty()) out.project_begin.push_back(0);
}

}  // namespace

namespace {
// Moves the validated units and projects into their columns and the arena,
// and binds the tables. False when the arena would pass 4 GiB.
template <typename UnitRecs, typename ProjectRecs>
bool StoreUnitsAndProjects(UnitRecs& units, ProjectRecs& projects, Dataset::Impl& impl) {
  std::size_t text = 0, funds = 0, plans = 0, adjustments = 0;
  const auto size_of = StringArena::SizeOf;
  for (const auto& r : units) text += size_of(r.value.id) + size_of(r.value.name);
  for (const auto& r : projects) {
    const Project& p = r.value;
    text += size_of(p.id) + size_of(p.name) + size_of(p.category);
    for (const Adjustment& a : p.adjustments) text += size_of(a.reason);
    funds += p.funds.size();
    plans += p.payment_plan.size();
    adjustments += p.adjustments.size();
  }
  if (!impl.text.Reserve(text)) return false;

  UnitColumns& u = impl.units;
  u.id.reserve(units.size());
  u.name.reserve(units.size());
  for (const auto& r : units) {
    u.id.push_back(impl.text.Add(r.value.id));
    u.name.push_back(impl.text.Add(r.value.name));
  }

  ProjectColumns& c = impl.projects;
  const std::size_t n = projects.size();
  c.id.resize(n);
  c.name.resize(n);
  c.category.resize(n);
  c.unit.resize(n);
  c.kind.resize(n);
  c.status.resize(n);
  c.is_key.resize(n);
  c.start_year.resize(n);
  c.requested.resize(n);
  c.disclosure.resize(n);
  c.fund_begin.reserve(n + 1);
  c.plan_begin.reserve(n + 1);
  c.adjustment_begin.reserve(n + 1);
  c.funds.reserve(funds);
  c.plans.reserve(plans);
  c.adjustment_date.reserve(adjustments);
  c.adjustment_source.reserve(adjustments);
  c.adjustment_amount.reserve(adjustments);
  c.adjustment_reason.reserve(adjustments);
  for (std::size_t i = 0; i < n; ++i) {
    const Project& p = projects[i].value;
    c.id[i] = impl.text.Add(p.id);
    c.name[i] = impl.text.Add(p.name);
    c.category[i] = impl.text.Add(p.category);
    c.unit[i] = p.unit_index;
    c.kind[i] = p.kind;
    c.status[i] = p.status;
    c.is_key[i] = p.is_key ? 1 : 0;
    c.start_year[i] = p.start_year;
    c.requested[i] = p.requested;
    c.disclosure[i] = p.disclosure;
    c.fund_begin.push_back(static_cast<std::uint32_t>(c.funds.size()));
    c.funds.insert(c.funds.end(), p.funds.begin(), p.funds.end());
    c.plan_begin.push_back(static_cast<std::uint32_t>(c.plans.size()));
    c.plans.insert(c.plans.end(), p.payment_plan.begin(), p.payment_plan.end());
    c.adjustment_begin.push_back(static_cast<std::uint32_t>(c.adjustment_date.size()));
    for (const Adjustment& a : p.adjustments) {
      c.adjustment_date.push_back(a.date);
      c.adjustment_source.push_back(a.source);
      c.adjustment_amount.push_back(a.amount);
      c.adjustment_reason.push_back(impl.text.Add(a.reason));
    }
  }
  c.fund_begin.push_back(static_cast<std::uint32_t>(c.funds.size()));
  c.plan_begin.push_back(static_cast<std::uint32_t>(c.plans.size()));
  c.adjustment_begin.push_back(static_cast<std::uint32_t>(c.adjustment_date.size()));

  u.Bind(impl.text.data());
  c.Bind(impl.text.data(), u.id.data());
  return true;
}
}  // namespace

absl::StatusOr<Dataset> DatasetBuilder::Build(const BuildOptions& options,
                                              Diagnostics* diagnostics) try {
  std::unique_ptr<State> s = std::exchange(state_, std::make_unique<State>());
  Diagnostics local(options.max_errors);
  Diagnostics* out = diagnostics != nullptr ? diagnostics : &local;
  *out = Diagnostics(options.max_errors);
  for (const Diagnostic& d : s->loader_diagnostics.items()) out->Add(d);
  out->AddDropped(s->loader_diagnostics.dropped());
  Checker check(out, s.get());

  auto impl = std::make_shared<Dataset::Impl>();
  impl->info = s->info;

  // Header and fiscal year.
  absl::StatusOr<FiscalYear> fy = FiscalYear::Create(
      s->info.fiscal_year, s->info.fiscal_year_start_month, s->info.fiscal_year_named_by_end);
  // A loader that could not read a field of a record leaves its default
  // there, has reported it, and marked the record damaged (Origin::damaged):
  // a default date in a damaged record is not reported again.
  std::sort(s->damaged.begin(), s->damaged.end());
  // `damaged()`: whether the record is marked, asked only for a default
  // date outside the year (rare: the lookups stay off the hot path).
  auto out_of_year = [&](Date d, auto damaged) {
    return !impl->fiscal_year.Contains(d) && !(d == Date() && damaged());
  };
  if (!fy.ok()) {
    // The header's fiscal year unreadable: the loader said so.
    if (s->Damaged(s->info_where)) return out->ToStatus("dataset is invalid");
    check.Report(DiagnosticKind::kValue, s->info_where, "fiscal_year", "fiscal_year",
                 absl::StrCat(s->info.fiscal_year, "/", s->info.fiscal_year_start_month),
                 "a year 1400..9998 and a start month 1..12", std::string(fy.status().message()));
    return out->ToStatus("dataset is invalid");
  }
  impl->fiscal_year = *fy;
  const FiscalYear& year = impl->fiscal_year;
  if (s->info.as_of.has_value() &&
      out_of_year(*s->info.as_of, [&] { return s->Damaged(s->info_where); })) {
    const bool own_place = s->info_as_of_where != 0;
    check.Report(DiagnosticKind::kDateOutOfYear, own_place ? s->info_as_of_where : s->info_where,
                 own_place ? "" : "as_of", "as_of", s->info.as_of->ToString(), YearBounds(year),
                 "the dataset's as-of date lies outside the fiscal year");
  }

  // Units.
  impl->unit_by_id = IndexIds(
      s->units, [](const Unit& u) -> const std::string& { return u.id; }, "unit", check);
  for (auto& r : s->units) {
    if (r.value.name.empty()) {
      check.Report(DiagnosticKind::kMissing, r.where, "name", "name", "", "the unit's name",
                   absl::StrCat("unit \"", r.value.id, "\" has no name"));
    }
  }
  auto unit_ref = [&](const std::string& id, std::uint64_t where, std::string_view field,
                      const Who& who) -> std::uint32_t {
    const std::uint32_t u = Find(impl->unit_by_id, id);
    if (u == kNoIndex) {
      check.Report(id.empty() ? DiagnosticKind::kMissing : DiagnosticKind::kUnknownReference, where,
                   field, std::string(field), id, "the id of a unit in units",
                   id.empty() ? absl::StrCat(who.str(), " names no unit")
                              : absl::StrCat(who.str(), " refers to unknown unit \"", id, "\""));
    }
    return u;
  };

  // Projects and their row-by-row parts.
  impl->project_by_id = IndexIds(
      s->projects, [](const Project& p) -> const std::string& { return p.id; }, "project", check);
  for (auto& r : s->projects) {
    r.value.unit_index = unit_ref(r.value.unit_id, r.where, "unit", Who("project", r.value.id));
  }
  auto project_ref = [&](const std::string& id, std::uint64_t where, std::string_view field,
                         const Who& who, bool required) -> std::uint32_t {
    if (id.empty() && !required) return kNoIndex;
    const std::uint32_t p = Find(impl->project_by_id, id);
    if (p == kNoIndex) {
      check.Report(id.empty() ? DiagnosticKind::kMissing : DiagnosticKind::kUnknownReference, where,
                   field, std::string(field), id, "the id of a project in projects",
                   id.empty() ? absl::StrCat(who.str(), " names no project")
                              : absl::StrCat(who.str(), " refers to unknown project \"", id, "\""));
    }
    return p;
  };
  for (auto& c : s->fund_lines) {
    const std::uint32_t p = project_ref(c.parent, c.where, "project", "fund line", true);
    if (p != kNoIndex) s->projects[p].value.funds.push_back(c.value);
  }
  // The damaged adjustments and plan entries, as project index << 32 | their
  // index in the project's list (their own places are not kept past here).
  std::vector<std::uint64_t> damaged_adjustments;
  std::vector<std::uint64_t> damaged_plans;
  const auto child_key = [](std::uint32_t p, std::size_t k) {
    return (std::uint64_t{p} << 32) | static_cast<std::uint32_t>(k);
  };
  // Appends each child row to its project's list (`list_of(project)`),
  // keying the damaged ones into `damaged_keys`.
  const auto merge = [&](auto& rows, auto list_of, const char* what,
                         std::vector<std::uint64_t>& damaged_keys) {
    for (auto& c : rows) {
      const std::uint32_t p = project_ref(c.parent, c.where, "project", what, true);
      if (p == kNoIndex) continue;
      auto& list = list_of(s->projects[p].value);
      if (s->Damaged(c.where)) damaged_keys.push_back(child_key(p, list.size()));
      list.push_back(std::move(c.value));
    }
  };
  merge(
      s->adjustments, [](Project & p) -> auto& { return p.adjustments; }, "adjustment",
      damaged_adjustments);
  merge(
      s->plans, [](Project & p) -> auto& { return p.payment_plan; }, "payment plan entry",
      damaged_plans);
  // Sorted for the lookups (children come in input order, not project order).
  std::sort(damaged_adjustments.begin(), damaged_adjustments.end());
  std::sort(damaged_plans.begin(), damaged_plans.end());
  const auto child_damaged = [&](const std::vector<std::uint64_t>& keys, std::uint32_t p,
                                 std::size_t k) {
    return std::binary_search(keys.begin(), keys.end(), child_key(p, k));
  };
  impl->approved.resize(s->projects.size());
  Money all_approved;
  for (std::uint32_t i = 0; i < s->projects.size(); ++i) {
    Project& p = s->projects[i].value;
    const std::uint64_t w = s->projects[i].where;
    Money total;
    for (std::size_t f = 0; f < p.funds.size(); ++f) {
      const FundLine& line = p.funds[f];
      if (line.approved.is_negative()) {
        check.Report(DiagnosticKind::kNegativeAmount, w, absl::StrCat("funds[", f, "].approved"),
                     "approved", line.approved.ToString(), "an approved amount ≥ 0",
                     absl::StrCat("project \"", p.id, "\" has a negative approved amount"));
      }
      // The readers check this range themselves; rows from the C ABI or the
      // CSV tables (any integer) are checked here, so that every dataset
      // built can be written and read back.
      if (line.origin_year < 0 || line.origin_year > 9999) {
        check.Report(DiagnosticKind::kValue, w, absl::StrCat("funds[", f, "].origin_year"),
                     "origin_year", absl::StrCat(line.origin_year), "an integer from 0 to 9999",
                     absl::StrCat("project \"", p.id, "\": origin_year ", line.origin_year,
                                  " is out of range"));
      }
      if (!total.TryAdd(line.approved)) {
        check.Report(DiagnosticKind::kOverflow, w, "funds", "approved", p.id,
                     "a total below 9.2e16 yuan",
                     absl::StrCat("project \"", p.id, "\": approved total overflows"));
      }
    }
    if (p.start_year < 0 || p.start_year > 9999) {
      check.Report(
          DiagnosticKind::kValue, w, "start_year", "start_year", absl::StrCat(p.start_year),
          "an integer from 0 to 9999 (0: unknown)",
          absl::StrCat("project \"", p.id, "\": start_year ", p.start_year, " is out of range"));
    }
    if (p.requested.is_negative()) {
      check.Report(DiagnosticKind::kNegativeAmount, w, "requested", "requested",
                   p.requested.ToString(), "an amount ≥ 0",
                   absl::StrCat("project \"", p.id, "\" has a negative requested amount"));
    }
    impl->approved[i] = total;
    if (!all_approved.TryAdd(total)) {
      check.Report(DiagnosticKind::kOverflow, w, "funds", "approved", p.id,
                   "a jurisdiction total below 9.2e16 yuan", "total approved budget overflows");
    }
    Money adjusted = total;
    for (std::size_t a = 0; a < p.adjustments.size(); ++a) {
      const Adjustment& adj = p.adjustments[a];
      if (out_of_year(adj.date, [&] { return child_damaged(damaged_adjustments, i, a); })) {
        check.Report(
            DiagnosticKind::kDateOutOfYear, w, absl::StrCat("adjustments[", a, "].date"), "date",
            adj.date.ToString(), YearBounds(year),
            absl::StrCat("project \"", p.id, "\": adjustment dated outside the fiscal year"));
      }
      if (!adjusted.TryAdd(adj.amount)) {
        check.Report(DiagnosticKind::kOverflow, w, absl::StrCat("adjustments[", a, "].amount"),
                     "amount", adj.amount.ToString(), "a total below 9.2e16 yuan",
                     absl::StrCat("project \"", p.id, "\": adjusted budget overflows"));
      }
    }
    std::stable_sort(p.adjustments.begin(), p.adjustments.end(),
                     [](const Adjustment& a, const Adjustment& b) { return a.date < b.date; });
    Money planned;
    for (std::size_t k = 0; k < p.payment_plan.size(); ++k) {
      const PlannedPayment& pp = p.payment_plan[k];
      if (out_of_year(pp.date, [&] { return child_damaged(damaged_plans, i, k); })) {
        check.Report(DiagnosticKind::kDateOutOfYear, w, absl::StrCat("payment_plan[", k, "].date"),
                     "date", pp.date.ToString(), YearBounds(year),
                     absl::StrCat("project \"", p.id,
                                  "\": payment plan entry dated outside the fiscal year"));
      }
      if (!planned.TryAdd(pp.amount)) {
        check.Report(DiagnosticKind::kOverflow, w, absl::StrCat("payment_plan[", k, "].amount"),
                     "amount", pp.amount.ToString(), "a total below 9.2e16 yuan",
                     absl::StrCat("project \"", p.id, "\": payment plan total overflows"));
      }
    }
    std::stable_sort(
        p.payment_plan.begin(), p.payment_plan.end(),
        [](const PlannedPayment& a, const PlannedPayment& b) { return a.date < b.date; });
  }

  // Goals, indicators, actuals.
  impl->goal_by_id = IndexIds(
      s->goals, [](const Goal& g) -> const std::string& { return g.id; }, "goal", check);
  for (auto& r : s->goals) {
    Goal& g = r.value;
    const Who who("goal", g.id);
    if (g.owner == GoalOwner::kProject) {
      g.project_index = project_ref(g.project_id, r.where, "project", who, true);
      if (g.project_index != kNoIndex) {
        const Project& p = s->projects[g.project_index].value;
        if (g.unit_id.empty()) {
          g.unit_id = p.unit_id;
        } else if (g.unit_id != p.unit_id) {
          check.Report(DiagnosticKind::kValue, r.where, "unit", "unit", g.unit_id,
                       absl::StrCat("the project's unit \"", p.unit_id, "\" or nothing"),
                       absl::StrCat(who.str(), " names a unit other than its project's"));
        }
        g.unit_index = p.unit_index;
      }
    } else {
      if (!g.project_id.empty()) {
        check.Report(DiagnosticKind::kValue, r.where, "project", "project", g.project_id,
                     "no project for a unit-level goal",
                     absl::StrCat(who.str(), " is a unit goal but names a project"));
      }
      g.unit_index = unit_ref(g.unit_id, r.where, "unit", who);
    }
  }
  // Indicators added row by row join their goal's list after its inline
  // ones. Where each came from: inline ones at their goal's place, the others
  // at their own (resolved only when a problem is reported).
  std::vector<std::uint32_t> inline_count(s->goals.size());
  for (std::uint32_t gi = 0; gi < s->goals.size(); ++gi) {
    inline_count[gi] = static_cast<std::uint32_t>(s->goals[gi].value.indicators.size());
  }
  std::vector<std::uint32_t> indicator_goal(s->indicators.size(), kNoIndex);
  for (std::uint32_t i = 0; i < s->indicators.size(); ++i) {
    const auto& c = s->indicators[i];
    const std::uint32_t g = Find(impl->goal_by_id, c.parent);
    if (g == kNoIndex) {
      check.Report(c.parent.empty() ? DiagnosticKind::kMissing : DiagnosticKind::kUnknownReference,
                   c.where, "goal", "goal", c.parent, "the id of a goal in goals",
                   absl::StrCat("indicator \"", c.value.name, "\" refers to unknown goal \"",
                                c.parent, "\""));
      continue;
    }
    indicator_goal[i] = g;
  }
  const GroupIndex indicators_by_goal = Group(s->goals.size(), indicator_goal);
  // Only their places are needed from here on: keep those and free the
  // rows (otherwise alive beside the goals' lists they are moved into).
  std::vector<std::uint64_t> indicator_where(s->indicators.size());
  for (std::uint32_t i = 0; i < s->indicators.size(); ++i) {
    indicator_where[i] = s->indicators[i].where;
  }
  for (std::uint32_t gi = 0; gi < s->goals.size(); ++gi) {
    const std::span<const std::uint32_t> added = indicators_by_goal.Of(gi);
    if (added.empty()) continue;
    std::vector<Indicator>& inds = s->goals[gi].value.indicators;
    inds.reserve(inds.size() + added.size());
    for (std::uint32_t i : added) inds.push_back(std::move(s->indicators[i].value));
  }
  auto release = [](auto& v) { std::remove_reference_t<decltype(v)>().swap(v); };
  release(s->indicators);
  auto indicator_origin = [&](std::uint32_t gi, std::size_t k) -> Origin {
    if (k < inline_count[gi]) {
      const auto [first, count] = s->goal_inline[gi];
      if (k < count) return s->Resolve(s->inline_where[first + k]);
      Origin o = s->Resolve(s->goals[gi].where);
      o.path = JoinPath(o.path, absl::StrCat("indicators[", k, "]"));
      return o;
    }
    return s->Resolve(indicator_where[indicators_by_goal.Of(gi)[k - inline_count[gi]]]);
  };
  using IdSet = absl::flat_hash_set<std::string_view, StringViewHash, StringViewEq>;
  IdSet seen;
  for (std::uint32_t gi = 0; gi < s->goals.size(); ++gi) {
    Goal& g = s->goals[gi].value;
    const std::size_t n = g.indicators.size();
    // A duplicate id is one met before in the goal's list: compare pairwise
    // for the usual handful of indicators, through a set for long lists
    // (made with room for the whole list: base/absl_compat.h).
    const bool use_set = n > 16;
    if (use_set) seen = IdSet(RoomFor(n));
    for (std::size_t k = 0; k < n; ++k) {
      const Indicator& ind = g.indicators[k];
      if (ind.name.empty()) {
        check.Report(DiagnosticKind::kMissing, indicator_origin(gi, k), "name", "name", "",
                     "the indicator's name (三级指标)",
                     absl::StrCat("goal \"", g.id, "\": indicator has no name"));
      }
      bool duplicate = false;
      if (!ind.id.empty()) {
        if (use_set) {
          duplicate = !seen.insert(std::string_view(ind.id)).second;
        } else {
          for (std::size_t j = 0; j < k && !duplicate; ++j) {
            duplicate = g.indicators[j].id == ind.id;
          }
        }
      }
      if (duplicate) {
        check.Report(DiagnosticKind::kDuplicateId, indicator_origin(gi, k), "id", "id", ind.id,
                     "an indicator id unique within its goal",
                     absl::StrCat("goal \"", g.id, "\": duplicate indicator id \"", ind.id, "\""));
      }
      if (ind.comparator == Comparator::kRange && ind.target && ind.target_high &&
          *ind.target_high < *ind.target) {
        check.Report(DiagnosticKind::kValue, indicator_origin(gi, k), "target_high", "target_high",
                     ind.target_high->ToShortString(),
                     absl::StrCat("a high end ≥ the low end ", ind.target->ToShortString()),
                     absl::StrCat("goal \"", g.id, "\": range target is reversed"));
      }
    }
  }
  for (auto& a : s->actuals) {
    const std::uint32_t g = Find(impl->goal_by_id, a.goal);
    if (g == kNoIndex) {
      check.Report(DiagnosticKind::kUnknownReference, a.where, "goal", "goal", a.goal,
                   "the id of a goal in goals", "actual refers to an unknown goal");
      continue;
    }
    auto& inds = s->goals[g].value.indicators;
    auto it = std::find_if(inds.begin(), inds.end(),
                           [&](const Indicator& i) { return i.id == a.indicator; });
    if (it == inds.end() || a.indicator.empty()) {
      check.Report(DiagnosticKind::kUnknownReference, a.where, "indicator", "indicator",
                   a.indicator, absl::StrCat("the id of an indicator of goal \"", a.goal, "\""),
                   "actual refers to an unknown indicator");
      continue;
    }
    it->actuals.push_back(std::move(a.value));
  }
  for (auto& r : s->goals) {
    for (Indicator& ind : r.value.indicators) {
      std::stable_sort(
          ind.actuals.begin(), ind.actuals.end(),
          [](const IndicatorActual& x, const IndicatorActual& y) { return x.date < y.date; });
    }
  }

  // Disbursements: each distinct project id resolved once; a row with an
  // unknown one is reported at its own place, as before.
  auto& dr = s->disbursements;
  const auto n_disb = static_cast<std::uint32_t>(dr.size());
  std::vector<std::uint32_t> ref_project(dr.project_ids.size());
  for (std::size_t r = 0; r < dr.project_ids.size(); ++r) {
    ref_project[r] = Find(impl->project_by_id, dr.project_ids[r]);
  }
  std::vector<std::uint32_t> disb_project(n_disb, kNoIndex);
  for (std::uint32_t i = 0; i < n_disb; ++i) {
    std::uint32_t p = ref_project[dr.project_ref[i]];
    if (p == kNoIndex) {
      p = project_ref(dr.project_ids[dr.project_ref[i]], dr.where[i], "project", "disbursement",
                      true);
    }
    disb_project[i] = p;
    if (out_of_year(dr.date[i], [&] { return s->Damaged(dr.where[i]); })) {
      check.Report(DiagnosticKind::kDateOutOfYear, dr.where[i], "date", "date",
                   dr.date[i].ToString(), YearBounds(year),
                   "disbursement dated outside the fiscal year");
    }
  }
  release(ref_project);
  if (dr.id_text_full) {
    check.Report(DiagnosticKind::kOverflow, Origin(), "", "id", "",
                 "disbursement ids of at most 4 GiB in all",
                 "disbursement ids are too long in all; the rest were dropped");
  }
  // Rows by project, then date (stable): `disb_by_project.items[row]` is the
  // input position of the row-th disbursement.
  GroupIndex disb_by_project = Group(s->projects.size(), disb_project);
  release(disb_project);
  {
    auto& items = disb_by_project.items;
    const auto& offs = disb_by_project.offsets;
    Money all_executed;
    for (std::size_t p = 0; p + 1 < offs.size(); ++p) {
      auto first = items.begin() + offs[p];
      auto last = items.begin() + offs[p + 1];
      // Usually already in date order (a ledger by project and date).
      if (!std::is_sorted(first, last, [&](std::uint32_t a, std::uint32_t b) {
            return dr.date[a] < dr.date[b];
          })) {
        std::stable_sort(first, last,
                         [&](std::uint32_t a, std::uint32_t b) { return dr.date[a] < dr.date[b]; });
      }
      Money running;
      bool reported = false;
      for (auto it = first; it != last; ++it) {
        const std::uint32_t i = *it;
        const Money amount = dr.amount[i];
        if (!running.TryAdd(amount) || !all_executed.TryAdd(amount)) {
          check.Report(DiagnosticKind::kOverflow, dr.where[i], "amount", "amount",
                       amount.ToString(), "totals below 9.2e16 yuan", "executed total overflows");
          break;
        }
        // Same-day entries count together: a refund and a payment on one day
        // are fine in any order.
        const bool day_end = (it + 1 == last) || dr.date[*(it + 1)] != dr.date[i];
        if (day_end && running.is_negative() && !reported) {
          reported = true;
          check.Report(DiagnosticKind::kNegativeExecuted, dr.where[i], "amount", "amount",
                       amount.ToString(), "disbursements whose running total stays ≥ 0",
                       absl::StrCat("project \"", dr.project_ids[dr.project_ref[i]],
                                    "\": executed total falls to ", running.ToString(), " on ",
                                    dr.date[i].ToString()));
        }
      }
    }
  }

  // Ex-ante assessments.
  for (auto& r : s->ex_ante) {
    ExAnteAssessment& a = r.value;
    a.project_index = project_ref(a.project_id, r.where, "project", "ex-ante assessment", true);
    if (a.requested.is_negative()) {
      check.Report(DiagnosticKind::kNegativeAmount, r.where, "requested", "requested",
                   a.requested.ToString(), "an amount ≥ 0", "negative requested amount");
    }
    for (std::size_t k = 0; k < a.scores.size(); ++k) {
      if (a.scores[k] && a.scores[k]->is_negative()) {
        check.Report(DiagnosticKind::kValue, r.where, absl::StrCat("scores[", k, "]"), "scores",
                     a.scores[k]->ToShortString(), "a score ≥ 0", "negative ex-ante score");
      }
    }
  }

  // Evaluations.
  StringMap<std::uint32_t> eval_by_id = IndexIds(
      s->evaluations, [](const Evaluation& e) -> const std::string& { return e.id; }, "evaluation",
      check);
  for (auto& r : s->evaluations) {
    Evaluation& e = r.value;
    const std::string who = absl::StrCat("evaluation \"", e.id, "\"");
    e.project_index = project_ref(e.project_id, r.where, "project", who, false);
    if (e.project_index != kNoIndex && e.unit_id.empty()) {
      e.unit_id = s->projects[e.project_index].value.unit_id;
    }
    e.unit_index = unit_ref(e.unit_id, r.where, "unit", who);
    if (e.score && (e.score->is_negative() || *e.score > Ratio(100))) {
      check.Report(DiagnosticKind::kValue, r.where, "score", "score", e.score->ToShortString(),
                   "a score in 0..100", absl::StrCat(who, ": score out of range"));
    }
  }

  // Rectification items.
  IndexIds(
      s->rectifications, [](const RectificationItem& x) -> const std::string& { return x.id; },
      "rectification", check);
  for (auto& r : s->rectifications) {
    RectificationItem& x = r.value;
    const std::string who = absl::StrCat("rectification \"", x.id, "\"");
    if (!x.evaluation_id.empty()) {
      x.evaluation_index = Find(eval_by_id, x.evaluation_id);
      if (x.evaluation_index == kNoIndex) {
        check.Report(DiagnosticKind::kUnknownReference, r.where, "evaluation", "evaluation",
                     x.evaluation_id, "the id of an evaluation in evaluations",
                     absl::StrCat(who, " refers to unknown evaluation \"", x.evaluation_id, "\""));
      } else if (x.unit_id.empty()) {
        x.unit_id = s->evaluations[x.evaluation_index].value.unit_id;
      }
    }
    x.project_index = project_ref(x.project_id, r.where, "project", who, false);
    if (x.project_index != kNoIndex && x.unit_id.empty()) {
      x.unit_id = s->projects[x.project_index].value.unit_id;
    }
    x.unit_index = unit_ref(x.unit_id, r.where, "unit", who);
  }

  if (check.any()) return out->ToStatus("dataset is invalid");

  // No place is resolved from here on: drop the resolver (a loader may hand
  // it the input text to free) and the row-by-row parts, moved out above.
  s->resolver = nullptr;
  release(s->fund_lines);
  release(s->adjustments);
  release(s->plans);
  release(s->actuals);
  release(s->goal_inline);
  release(s->inline_where);
  release(s->origins);

  // Move records into the immutable representation (exact size), freeing
  // each builder table as soon as it is moved, and build the indexes.
  auto take = [&release](auto& recs, auto& dest) {
    dest.reserve(recs.size());
    for (auto& r : recs) dest.push_back(std::move(r.value));
    release(recs);
  };
  if (!StoreUnitsAndProjects(s->units, s->projects, *impl)) {
    return absl::OutOfRangeError(
        "the dataset's texts (ids, names, reasons) come to more than 4 GiB; split it");
  }
  release(s->units);
  release(s->projects);
  take(s->goals, impl->goals);
  take(s->ex_ante, impl->ex_ante);
  take(s->evaluations, impl->evaluations);
  take(s->rectifications, impl->rectifications);

  MoveDisbursements(dr, std::move(disb_by_project), impl->disbursements);
  dr = State::DisbursementRows();
  impl->disbursements.Bind(impl->text.data(), impl->projects.id.data());

  std::vector<std::uint32_t> goal_project(impl->goals.size(), kNoIndex);
  std::vector<std::uint32_t> goal_unit(impl->goals.size(), kNoIndex);
  for (std::uint32_t i = 0; i < impl->goals.size(); ++i) {
    const Goal& g = impl->goals[i];
    if (g.owner == GoalOwner::kProject) {
      goal_project[i] = g.project_index;
    } else {
      goal_unit[i] = g.unit_index;
    }
  }
  impl->goals_by_project = Group(impl->projects.id.size(), goal_project);
  impl->goals_by_unit = Group(impl->units.id.size(), goal_unit);
  impl->projects_by_unit = Group(impl->units.id.size(), impl->projects.unit);

  return Dataset(std::move(impl));
} catch (const std::bad_alloc&) {
  return OutOfMemory("building a dataset");
}

}  // namespace perfbudget
