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

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
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
#include "perfbudget/model/project_table.h"

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

// A run of row indexes [begin, end) of one table: a project's disbursements.
// Iterates as the row numbers themselves, like the index lists it replaced.
class RowRange {
 public:
  class iterator {
   public:
    using value_type = std::uint32_t;
    using difference_type = std::ptrdiff_t;
    using reference = std::uint32_t;
    using pointer = void;
    using iterator_category = std::forward_iterator_tag;
    constexpr iterator() = default;
    constexpr explicit iterator(std::uint32_t i) : i_(i) {}
    constexpr std::uint32_t operator*() const { return i_; }
    constexpr iterator& operator++() {
      ++i_;
      return *this;
    }
    constexpr iterator operator++(int) { return iterator(i_++); }
    constexpr bool operator==(const iterator&) const = default;

   private:
    std::uint32_t i_ = 0;
  };

  constexpr RowRange() = default;
  constexpr RowRange(std::uint32_t begin, std::uint32_t end) : begin_(begin), end_(end) {}
  constexpr iterator begin() const { return iterator(begin_); }
  constexpr iterator end() const { return iterator(end_); }
  constexpr std::uint32_t first() const { return begin_; }  // the first row
  constexpr std::uint32_t last() const { return end_; }     // one past the last row
  constexpr std::size_t size() const { return end_ - begin_; }
  constexpr bool empty() const { return begin_ == end_; }
  constexpr std::uint32_t operator[](std::size_t k) const {
    return begin_ + static_cast<std::uint32_t>(k);
  }

 private:
  std::uint32_t begin_ = 0, end_ = 0;
};

// The disbursements of a built Dataset, stored column-wise: one array each of
// date, amount, fund source and project index, sorted by project, then date
// (stable: same-day rows keep their input order), so a project's
// disbursements are one row range (Dataset::DisbursementsOf). Voucher ids
// live in one NUL-terminated text; the project id is the project's own.
// Input order (what the writers emit) is kept as a permutation (none when
// the input was already in this order).
//
// Lives inside the Dataset's shared data: valid (with the row views it hands
// out) as long as the Dataset it came from, or a copy of it, lives.
class DisbursementView;
class DisbursementTable {
 public:
  // Not copyable: its row views point at it. Hold it by reference
  // (`const auto& t = ds.disbursements();`).
  DisbursementTable() = default;
  DisbursementTable(const DisbursementTable&) = delete;
  DisbursementTable& operator=(const DisbursementTable&) = delete;
  using value_type = DisbursementView;
  using iterator = RowViewIterator<DisbursementTable, DisbursementView>;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  DisbursementView operator[](std::uint32_t row) const;
  iterator begin() const { return iterator(this, 0); }
  iterator end() const { return iterator(this, static_cast<std::uint32_t>(size_)); }

  // The hot columns, by row.
  std::span<const Date> dates() const { return {date_, size_}; }
  std::span<const Money> amounts() const { return {amount_, size_}; }
  std::span<const FundSource> sources() const { return {source_, size_}; }
  std::span<const std::uint32_t> project_indexes() const { return {project_, size_}; }

  // Voucher number of a row ("" when none); NUL-terminated.
  const char* id_c_str(std::uint32_t row) const {
    return id_begin_ == nullptr ? "" : id_text_ + id_begin_[row];
  }
  std::string_view id(std::uint32_t row) const {
    return id_begin_ == nullptr ? std::string_view()
                                : std::string_view(id_text_ + id_begin_[row],
                                                   id_begin_[row + 1] - id_begin_[row] - 1);
  }
  // The row of the k-th disbursement in input order, and a row's input
  // position (0-based).
  std::uint32_t RowOfInput(std::uint32_t k) const {
    return input_row_ == nullptr ? k : input_row_[k];
  }
  std::uint32_t InputPositionOf(std::uint32_t row) const {
    return input_pos_ == nullptr ? row : input_pos_[row];
  }

 private:
  friend class DisbursementView;
  friend struct DisbursementColumns;
  const char* project_text_ = "";        // the dataset's arena
  const TextRef* project_id_ = nullptr;  // the projects' ids, by project
  const Date* date_ = nullptr;
  const Money* amount_ = nullptr;
  const FundSource* source_ = nullptr;
  const std::uint32_t* project_ = nullptr;
  std::size_t size_ = 0;
  const char* id_text_ = nullptr;
  const std::uint32_t* id_begin_ = nullptr;   // size + 1 offsets; null: no ids
  const std::uint32_t* input_row_ = nullptr;  // null: identity
  const std::uint32_t* input_pos_ = nullptr;  // null: identity
};

// One disbursement row: a cheap view (a table and a row number).
class DisbursementView {
 public:
  DisbursementView(const DisbursementTable* table, std::uint32_t row) : t_(table), row_(row) {}
  std::uint32_t row() const { return row_; }
  std::string_view id() const { return t_->id(row_); }  // voucher; may be empty
  const char* id_c_str() const { return t_->id_c_str(row_); }
  Date date() const { return t_->date_[row_]; }
  FundSource source() const { return t_->source_[row_]; }
  Money amount() const { return t_->amount_[row_]; }  // negative = refund
  std::uint32_t project_index() const { return t_->project_[row_]; }
  std::string_view project_id() const {
    return TextAt(t_->project_text_, t_->project_id_[project_index()]);
  }
  std::uint32_t input_position() const { return t_->InputPositionOf(row_); }
  // The record as a DatasetBuilder takes it.
  Disbursement ToRecord() const;

 private:
  const DisbursementTable* t_;
  std::uint32_t row_;
};

inline DisbursementView DisbursementTable::operator[](std::uint32_t row) const {
  return DisbursementView(this, row);
}

class Dataset {
 public:
  // An empty dataset (no records, fiscal year 0). Use DatasetBuilder.
  Dataset();

  const DatasetInfo& info() const;
  const FiscalYear& fiscal_year() const;

  // Column-wise over the dataset's string arena (see project_table.h).
  const UnitTable& units() const;
  const ProjectTable& projects() const;
  std::span<const Goal> goals() const;
  // Column-wise, sorted by project then date (see DisbursementTable).
  const DisbursementTable& disbursements() const;
  std::span<const ExAnteAssessment> ex_ante_assessments() const;
  std::span<const Evaluation> evaluations() const;
  std::span<const RectificationItem> rectifications() const;

  // Lookup by id; kNoIndex when absent.
  std::uint32_t FindUnit(std::string_view id) const;
  std::uint32_t FindProject(std::string_view id) const;
  std::uint32_t FindGoal(std::string_view id) const;

  // Rows of a project's disbursements (in date order, stable): one range.
  RowRange DisbursementsOf(std::uint32_t project_index) const;
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
  // Counts `n` problems a loader found but did not keep (a part of a load
  // read on its own thread keeps max_errors and counts the rest).
  void AddDroppedDiagnostics(std::size_t n);
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
