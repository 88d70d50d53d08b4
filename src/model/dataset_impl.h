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

  void Bind(const Project* projects) {
    table = DisbursementTable();
    table.projects_ = projects;
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

struct Dataset::Impl {
  DatasetInfo info;
  FiscalYear fiscal_year;
  std::vector<Unit> units;
  std::vector<Project> projects;
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
