// dataset_impl.h: the private representation of a built Dataset.
#ifndef PERFBUDGET_SRC_MODEL_DATASET_IMPL_H_
#define PERFBUDGET_SRC_MODEL_DATASET_IMPL_H_

#include <string>
#include <vector>

#include "base/absl_compat.h"
#include "perfbudget/model/dataset.h"

namespace perfbudget {

// A compressed adjacency list: the members of group g are
// items[offsets[g] .. offsets[g+1]).
struct GroupIndex {
  std::vector<std::uint32_t> offsets;  // size groups + 1
  std::vector<std::uint32_t> items;
  std::span<const std::uint32_t> Of(std::uint32_t g) const {
    if (g + 1 >= offsets.size()) return {};
    return {items.data() + offsets[g], items.data() + offsets[g + 1]};
  }
};

// The disbursement columns (DisbursementTable describes them); `table` is
// bound to these vectors once they are final (Bind).
struct DisbursementColumns {
  std::vector<Date> date;
  std::vector<Money> amount;
  std::vector<FundSource> source;
  std::vector<std::uint32_t> project;
  std::vector<std::uint32_t> project_begin;  // per project + 1: its first row
  std::string id_text;                       // every row's id + NUL, by row
  std::vector<std::uint32_t> id_begin;       // size + 1 offsets; empty: no ids at all
  std::vector<std::uint32_t> input_row;      // input position → row; empty: identity
  std::vector<std::uint32_t> input_pos;      // row → input position; empty: identity
  DisbursementTable table;

  void Bind(const char* text, const TextRef* project_ids) {
    table.project_text_ = text;
    table.project_id_ = project_ids;
    table.date_ = date.data();
    table.amount_ = amount.data();
    table.source_ = source.data();
    table.project_ = project.data();
    table.size_ = date.size();
    table.id_text_ = id_text.data();
    table.id_begin_ = id_begin.empty() ? nullptr : id_begin.data();
    table.input_row_ = input_row.empty() ? nullptr : input_row.data();
    table.input_pos_ = input_pos.empty() ? nullptr : input_pos.data();
  }
  RowRange Of(std::uint32_t p) const {
    if (std::size_t{p} + 1 >= project_begin.size()) return {};
    return {project_begin[p], project_begin[p + 1]};
  }
};

// The dataset's string arena: every text once, each followed by a NUL; it
// starts with a NUL, so TextRef{} is "". Offsets are 32-bit: the caller
// reserves the whole text first (Reserve fails past 4 GiB), so Add cannot.
class StringArena {
 public:
  StringArena() : text_(1, '\0') {}
  // Bytes a text takes in the arena.
  static std::size_t SizeOf(std::string_view s) { return s.empty() ? 0 : s.size() + 1; }
  // Room for texts of `bytes` (their SizeOf) in all; false when the arena
  // would pass 4 GiB.
  bool Reserve(std::size_t bytes) {
    if (bytes > std::size_t{0xFFFFFFFFu} - text_.size()) return false;
    text_.reserve(text_.size() + bytes);
    return true;
  }
  TextRef Add(std::string_view s) {
    if (s.empty()) return TextRef{};
    const TextRef t{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(s.size())};
    text_.append(s);
    text_.push_back('\0');
    return t;
  }
  const char* data() const { return text_.data(); }

 private:
  std::string text_;
};

// The unit columns (UnitTable describes them).
struct UnitColumns {
  std::vector<TextRef> id, name;
  UnitTable table;
  void Bind(const char* text) {
    table.text_ = text;
    table.id_ = id.data();
    table.name_ = name.data();
    table.size_ = id.size();
  }
};

// The project columns and their child tables (ProjectTable describes them).
struct ProjectColumns {
  std::vector<TextRef> id, name, category;
  std::vector<std::uint32_t> unit;
  std::vector<ProjectKind> kind;
  std::vector<ProjectStatus> status;
  std::vector<std::uint8_t> is_key;  // 0 or 1
  std::vector<std::int32_t> start_year;
  std::vector<Money> requested;
  std::vector<Disclosure> disclosure;
  std::vector<std::uint32_t> fund_begin, plan_begin, adjustment_begin;  // size + 1 each
  std::vector<FundLine> funds;
  std::vector<PlannedPayment> plans;
  std::vector<Date> adjustment_date;
  std::vector<FundSource> adjustment_source;
  std::vector<Money> adjustment_amount;
  std::vector<TextRef> adjustment_reason;
  AdjustmentTable adjustments;
  ProjectTable table;

  void Bind(const char* text, const TextRef* unit_ids) {
    adjustments.text_ = text;
    adjustments.date_ = adjustment_date.data();
    adjustments.source_ = adjustment_source.data();
    adjustments.amount_ = adjustment_amount.data();
    adjustments.reason_ = adjustment_reason.data();
    adjustments.size_ = adjustment_date.size();
    table.text_ = text;
    table.unit_id_ = unit_ids;
    table.id_ = id.data();
    table.name_ = name.data();
    table.category_ = category.data();
    table.unit_ = unit.data();
    table.kind_ = kind.data();
    table.status_ = status.data();
    table.is_key_ = is_key.data();
    table.start_year_ = start_year.data();
    table.requested_ = requested.data();
    table.disclosure_ = disclosure.data();
    table.fund_begin_ = fund_begin.data();
    table.funds_ = funds.data();
    table.plan_begin_ = plan_begin.data();
    table.plans_ = plans.data();
    table.adjustment_begin_ = adjustment_begin.data();
    table.adjustments_ = &adjustments;
    table.size_ = id.size();
  }
};

struct Dataset::Impl {
  DatasetInfo info;
  FiscalYear fiscal_year;
  StringArena text;
  UnitColumns units;
  ProjectColumns projects;
  std::vector<Goal> goals;
  DisbursementColumns disbursements;
  std::vector<ExAnteAssessment> ex_ante;
  std::vector<Evaluation> evaluations;
  std::vector<RectificationItem> rectifications;

  StringMap<std::uint32_t> unit_by_id;
  StringMap<std::uint32_t> project_by_id;
  StringMap<std::uint32_t> goal_by_id;

  std::vector<Money> approved;  // per project
  GroupIndex goals_by_project;
  GroupIndex goals_by_unit;  // unit-level goals only
  GroupIndex projects_by_unit;
};

}  // namespace perfbudget

#endif  // PERFBUDGET_SRC_MODEL_DATASET_IMPL_H_
