// dataset.h: Dataset, one jurisdiction's fiscal year of budget-performance
// data, immutable and validated; and DatasetBuilder, the one way to make one.
//
// Loaders (JSON, CSV) and the C ABI's row-by-row builder all feed a
// DatasetBuilder; Build() resolves references, validates everything, and
// either returns a Dataset or reports every problem found. A Dataset is never
// half-built. Copies share the same immutable data, so a Dataset is cheap to
// pass by value and safe to read from many threads at once.
#ifndef PERFBUDGET_MODEL_DATASET_H_
#define PERFBUDGET_MODEL_DATASET_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "perfbudget/calendar/fiscal_calendar.h"
#include "perfbudget/io/diagnostic.h"
#include "perfbudget/model/entities.h"

namespace perfbudget {

inline constexpr std::string_view kDatasetFormatName = "perfbudget-dataset";
inline constexpr int kDatasetFormatVersion = 1;

// The dataset's header.
struct DatasetInfo {
  std::string jurisdiction_code;  // mof_div_code, "341300"
  std::string jurisdiction_name;  // "宿马园区"
  int fiscal_year = 0;            // 2022
  int fiscal_year_start_month = 1;
  bool fiscal_year_named_by_end = false;
  std::string title;  // free text
  // 数据截至日期: the date the data were drawn up as of (a report "截至8月31日").
  // Analyses that take an as-of date use it when none is given (the CLI's
  // summary, monitor and reclaim; Summarize). Inside the fiscal year; empty =
  // not stated. Records dated after it are allowed (a ledger may run on).
  std::optional<Date> as_of;
};

class Dataset {
 public:
  // An empty dataset (no records, fiscal year 0). Use DatasetBuilder.
  Dataset();

  const DatasetInfo& info() const;
  const FiscalYear& fiscal_year() const;

  std::span<const Unit> units() const;
  std::span<const Project> projects() const;
  std::span<const Goal> goals() const;
  std::span<const Disbursement> disbursements() const;  // in input order
  std::span<const ExAnteAssessment> ex_ante_assessments() const;
  std::span<const Evaluation> evaluations() const;
  std::span<const RectificationItem> rectifications() const;

  // Lookup by id; kNoIndex when absent.
  std::uint32_t FindUnit(std::string_view id) const;
  std::uint32_t FindProject(std::string_view id) const;
  std::uint32_t FindGoal(std::string_view id) const;

  // Indexes of a project's disbursements, in date order (stable).
  std::span<const std::uint32_t> DisbursementsOf(std::uint32_t project_index) const;
  // Indexes of a project's goals, and of a unit's own (unit-level) goals.
  std::span<const std::uint32_t> GoalsOfProject(std::uint32_t project_index) const;
  std::span<const std::uint32_t> GoalsOfUnit(std::uint32_t unit_index) const;
  // Indexes of a unit's projects.
  std::span<const std::uint32_t> ProjectsOfUnit(std::uint32_t unit_index) const;

  // A project's approved total over its fund lines (cannot overflow: Build
  // checked every total).
  Money ApprovedOf(std::uint32_t project_index) const;

  struct Impl;

 private:
  friend class DatasetBuilder;
  explicit Dataset(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

// Options for building (and loading).
struct BuildOptions {
  std::size_t max_errors = 100;  // stop reporting after this many
};

class DatasetBuilder {
 public:
  explicit DatasetBuilder(DatasetInfo info = {});
  ~DatasetBuilder();
  DatasetBuilder(DatasetBuilder&&) noexcept;
  DatasetBuilder& operator=(DatasetBuilder&&) noexcept;

  // `as_of_where`, when given, is where info.as_of was written (its own
  // line and column); otherwise a problem with it is placed at `where`.
  void SetInfo(DatasetInfo info, Origin where = {}, Origin as_of_where = {});
  const DatasetInfo& info() const;

  // Records. Each may carry the place it came from, used in diagnostics.
  void AddUnit(Unit unit, Origin where = {});
  void AddProject(Project project, Origin where = {});
  // Row-by-row additions to a project added earlier or later (resolved at Build).
  void AddFundLine(std::string project_id, FundLine line, Origin where = {});
  void AddAdjustment(std::string project_id, Adjustment adjustment, Origin where = {});
  void AddPlannedPayment(std::string project_id, PlannedPayment payment, Origin where = {});
  void AddGoal(Goal goal, Origin where = {});
  // A goal with its indicators inline, each from its own place:
  // `indicator_origins[k]` is where goal.indicators[k] came from (indicators
  // past its end are placed at the goal's place + "indicators[k]").
  void AddGoal(Goal goal, Origin where, std::span<const Origin> indicator_origins);
  // Adds an indicator to a goal added earlier or later.
  void AddIndicator(std::string goal_id, Indicator indicator, Origin where = {});
  // Adds an actual to an indicator (by goal id and indicator id).
  void AddActual(std::string goal_id, std::string indicator_id, IndicatorActual actual,
                 Origin where = {});
  void AddDisbursement(Disbursement disbursement, Origin where = {});
  void AddExAnteAssessment(ExAnteAssessment assessment, Origin where = {});
  void AddEvaluation(Evaluation evaluation, Origin where = {});
  void AddRectification(RectificationItem item, Origin where = {});

  // Turns an Origin's `locator` into the full place (file, line, column,
  // path) when a diagnostic needs it; without one, a locator-only origin
  // reports no place. The builder keeps it until Build returns (it may refer
  // to the loader's text, which must outlive Build).
  using OriginResolver = std::function<Origin(std::uint64_t locator)>;
  void SetOriginResolver(OriginResolver resolver);

  // A problem found while reading (by a loader); makes Build fail.
  void AddDiagnostic(Diagnostic d);
  // How many of those are kept (later ones are only counted): a loader sets
  // its own max_errors before adding any. Default 100,000.
  void SetMaxLoaderDiagnostics(std::size_t n);
  const Diagnostics& diagnostics() const;

  // Validates and builds. On any problem returns InvalidArgument and leaves
  // every problem found in `*diagnostics` (when not null). The builder is
  // left empty either way.
  absl::StatusOr<Dataset> Build(const BuildOptions& options = {},
                                Diagnostics* diagnostics = nullptr);

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace perfbudget

#endif  // PERFBUDGET_MODEL_DATASET_H_
