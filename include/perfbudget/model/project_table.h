// project_table.h: the units and projects of a built Dataset, stored
// column-wise over one string arena, and the cheap row views that read them.
//
// A Dataset keeps each field of its units and projects as its own array, and
// every text (ids, names, categories, adjustment reasons) in one arena: a
// single NUL-terminated text, so every std::string_view a view returns ends
// at a NUL and its data() may be lent to C as a `const char*`. A project's
// fund lines, adjustments and payment plan are rows of child tables, one
// offset range per project.
//
// The plain structs of entities.h (Unit, Project, ...) stay what a
// DatasetBuilder takes; `ToRecord()` gives one back from a view.
//
// Tables and views live inside the Dataset's shared data: valid as long as the
// Dataset they came from, or a copy of it, lives.
#ifndef PERFBUDGET_MODEL_PROJECT_TABLE_H_
#define PERFBUDGET_MODEL_PROJECT_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string_view>

#include "perfbudget/model/entities.h"

namespace perfbudget {

// A text in the dataset's arena: `size` bytes at `offset`, then a NUL. The
// empty text is {0, 0} (the arena starts with a NUL).
struct TextRef {
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
};

inline std::string_view TextAt(const char* arena, TextRef t) {
  return std::string_view(arena + t.offset, t.size);
}

// Iterates rows [begin, end) of a table as views: `View(table, row)`.
template <typename Table, typename View>
class RowViewIterator {
 public:
  using value_type = View;
  using difference_type = std::ptrdiff_t;
  using reference = View;
  using pointer = void;
  using iterator_category = std::forward_iterator_tag;
  RowViewIterator() = default;
  RowViewIterator(const Table* t, std::uint32_t row) : t_(t), row_(row) {}
  View operator*() const { return View(t_, row_); }
  RowViewIterator& operator++() {
    ++row_;
    return *this;
  }
  RowViewIterator operator++(int) { return RowViewIterator(t_, row_++); }
  bool operator==(const RowViewIterator& o) const { return row_ == o.row_; }

 private:
  const Table* t_ = nullptr;
  std::uint32_t row_ = 0;
};

// ---- units --------------------------------------------------------------------

class UnitView;

// 预算单位 units, column-wise.
class UnitTable {
 public:
  // Not copyable: its row views point at it. Hold it by reference
  // (`const auto& t = ds.units();`).
  UnitTable() = default;
  UnitTable(const UnitTable&) = delete;
  UnitTable& operator=(const UnitTable&) = delete;
  using value_type = UnitView;
  using iterator = RowViewIterator<UnitTable, UnitView>;
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  UnitView operator[](std::uint32_t row) const;
  iterator begin() const { return iterator(this, 0); }
  iterator end() const { return iterator(this, static_cast<std::uint32_t>(size_)); }

 private:
  friend class UnitView;
  friend struct UnitColumns;
  const char* text_ = "";
  const TextRef* id_ = nullptr;
  const TextRef* name_ = nullptr;
  std::size_t size_ = 0;
};

class UnitView {
 public:
  UnitView(const UnitTable* table, std::uint32_t row) : t_(table), row_(row) {}
  std::uint32_t row() const { return row_; }
  std::string_view id() const { return TextAt(t_->text_, t_->id_[row_]); }
  std::string_view name() const { return TextAt(t_->text_, t_->name_[row_]); }
  // The record as a DatasetBuilder takes it.
  Unit ToRecord() const;

 private:
  const UnitTable* t_;
  std::uint32_t row_;
};

inline UnitView UnitTable::operator[](std::uint32_t row) const { return UnitView(this, row); }

// ---- a project's adjustments ---------------------------------------------------

class AdjustmentView;

// The 预算调整 adjustments of every project, column-wise, each project's rows
// together, in date order (stable: same-day rows keep their input order).
class AdjustmentTable {
 public:
  AdjustmentTable() = default;
  AdjustmentTable(const AdjustmentTable&) = delete;
  AdjustmentTable& operator=(const AdjustmentTable&) = delete;
  std::size_t size() const { return size_; }
  AdjustmentView operator[](std::uint32_t row) const;

 private:
  friend class AdjustmentView;
  friend struct ProjectColumns;
  const char* text_ = "";
  const Date* date_ = nullptr;
  const FundSource* source_ = nullptr;
  const Money* amount_ = nullptr;
  const TextRef* reason_ = nullptr;
  std::size_t size_ = 0;
};

class AdjustmentView {
 public:
  AdjustmentView(const AdjustmentTable* table, std::uint32_t row) : t_(table), row_(row) {}
  Date date() const { return t_->date_[row_]; }
  FundSource source() const { return t_->source_[row_]; }
  Money amount() const { return t_->amount_[row_]; }  // may be negative
  std::string_view reason() const { return TextAt(t_->text_, t_->reason_[row_]); }
  Adjustment ToRecord() const;

 private:
  const AdjustmentTable* t_;
  std::uint32_t row_;
};

inline AdjustmentView AdjustmentTable::operator[](std::uint32_t row) const {
  return AdjustmentView(this, row);
}

// One project's adjustments: rows [first, last) of the AdjustmentTable.
class AdjustmentRange {
 public:
  using value_type = AdjustmentView;
  using iterator = RowViewIterator<AdjustmentTable, AdjustmentView>;
  AdjustmentRange(const AdjustmentTable* t, std::uint32_t first, std::uint32_t last)
      : t_(t), first_(first), last_(last) {}
  std::size_t size() const { return last_ - first_; }
  bool empty() const { return first_ == last_; }
  AdjustmentView operator[](std::size_t k) const {
    return AdjustmentView(t_, first_ + static_cast<std::uint32_t>(k));
  }
  iterator begin() const { return iterator(t_, first_); }
  iterator end() const { return iterator(t_, last_); }

 private:
  const AdjustmentTable* t_;
  std::uint32_t first_, last_;
};

// ---- projects ------------------------------------------------------------------

class ProjectView;

// 项目 projects, column-wise; fund lines, adjustments and the payment plan as
// child tables with one offset range per project.
class ProjectTable {
 public:
  // Not copyable: its row views point at it. Hold it by reference
  // (`const auto& t = ds.projects();`).
  ProjectTable() = default;
  ProjectTable(const ProjectTable&) = delete;
  ProjectTable& operator=(const ProjectTable&) = delete;
  using value_type = ProjectView;
  using iterator = RowViewIterator<ProjectTable, ProjectView>;
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  ProjectView operator[](std::uint32_t row) const;
  iterator begin() const { return iterator(this, 0); }
  iterator end() const { return iterator(this, static_cast<std::uint32_t>(size_)); }

  // The hot columns, by project.
  std::span<const std::uint32_t> unit_indexes() const { return {unit_, size_}; }
  std::span<const ProjectStatus> statuses() const { return {status_, size_}; }

 private:
  friend class ProjectView;
  friend struct ProjectColumns;
  const char* text_ = "";
  const TextRef* unit_id_ = nullptr;  // the units' ids, by unit
  const TextRef* id_ = nullptr;
  const TextRef* name_ = nullptr;
  const TextRef* category_ = nullptr;
  const std::uint32_t* unit_ = nullptr;
  const ProjectKind* kind_ = nullptr;
  const ProjectStatus* status_ = nullptr;
  const std::uint8_t* is_key_ = nullptr;  // 0 or 1
  const std::int32_t* start_year_ = nullptr;
  const Money* requested_ = nullptr;
  const Disclosure* disclosure_ = nullptr;
  const std::uint32_t* fund_begin_ = nullptr;  // size + 1 offsets
  const FundLine* funds_ = nullptr;
  const std::uint32_t* plan_begin_ = nullptr;  // size + 1 offsets
  const PlannedPayment* plans_ = nullptr;
  const std::uint32_t* adjustment_begin_ = nullptr;  // size + 1 offsets
  const AdjustmentTable* adjustments_ = nullptr;
  std::size_t size_ = 0;
};

class ProjectView {
 public:
  ProjectView(const ProjectTable* table, std::uint32_t row) : t_(table), row_(row) {}
  std::uint32_t row() const { return row_; }  // the project's index
  std::string_view id() const { return TextAt(t_->text_, t_->id_[row_]); }
  std::string_view unit_id() const { return TextAt(t_->text_, t_->unit_id_[unit_index()]); }
  std::string_view name() const { return TextAt(t_->text_, t_->name_[row_]); }
  std::string_view category() const { return TextAt(t_->text_, t_->category_[row_]); }
  ProjectKind kind() const { return t_->kind_[row_]; }
  bool is_key() const { return t_->is_key_[row_] != 0; }
  ProjectStatus status() const { return t_->status_[row_]; }
  int start_year() const { return t_->start_year_[row_]; }
  Money requested() const { return t_->requested_[row_]; }
  Disclosure disclosure() const { return t_->disclosure_[row_]; }
  std::uint32_t unit_index() const { return t_->unit_[row_]; }
  // Fund lines in input order; the payment plan and adjustments in date
  // order (stable: same-day rows keep their input order).
  std::span<const FundLine> funds() const {
    return {t_->funds_ + t_->fund_begin_[row_], t_->funds_ + t_->fund_begin_[row_ + 1]};
  }
  std::span<const PlannedPayment> payment_plan() const {
    return {t_->plans_ + t_->plan_begin_[row_], t_->plans_ + t_->plan_begin_[row_ + 1]};
  }
  AdjustmentRange adjustments() const {
    return AdjustmentRange(t_->adjustments_, t_->adjustment_begin_[row_],
                           t_->adjustment_begin_[row_ + 1]);
  }
  // The record as a DatasetBuilder takes it (unit_index filled).
  Project ToRecord() const;

 private:
  const ProjectTable* t_;
  std::uint32_t row_;
};

inline ProjectView ProjectTable::operator[](std::uint32_t row) const {
  return ProjectView(this, row);
}

}  // namespace perfbudget

#endif  // PERFBUDGET_MODEL_PROJECT_TABLE_H_
