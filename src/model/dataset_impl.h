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

struct Dataset::Impl {
  DatasetInfo info;
  FiscalYear fiscal_year;
  std::vector<Unit> units;
  std::vector<Project> projects;
  std::vector<Goal> goals;
  std::vector<Disbursement> disbursements;
  std::vector<ExAnteAssessment> ex_ante;
  std::vector<Evaluation> evaluations;
  std::vector<RectificationItem> rectifications;

  StringMap<std::uint32_t> unit_by_id;
  StringMap<std::uint32_t> project_by_id;
  StringMap<std::uint32_t> goal_by_id;

  std::vector<Money> approved;          // per project
  GroupIndex disbursements_by_project;  // date order
  GroupIndex goals_by_project;
  GroupIndex goals_by_unit;  // unit-level goals only
  GroupIndex projects_by_unit;
};

}  // namespace perfbudget

#endif  // PERFBUDGET_SRC_MODEL_DATASET_IMPL_H_
