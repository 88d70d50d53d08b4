// disclosure.h: what was published (公开, DOMAIN.md §7, seed figures F17
// "随部门预算公开重点项目绩效目标14个", F27 "随预算批复同步向社会公开8个重点项目绩效目标"
// and "财政绩效评价结果已随2021年部门决算公开").
//
// CheckDisclosure() counts, for one fiscal year's dataset, the project goals
// published with the department budget (随部门预算) and with the budget
// approval (随预算批复) — Project::disclosure — and the fiscal and
// third-party evaluation results published with the final accounts (随决算,
// Evaluation::published_with_final_accounts), per unit and in total, and
// lists what the policy says must be published and was not:
//   disclosure.goal_not_with_budget        a key project's goal (key_only = 1;
//                                          0 = every budgeted project's) not
//                                          published with the budget;
//   disclosure.goal_not_with_approval      the same, with the approval;
//   disclosure.result_not_with_final_accounts
//                                          a fiscal or third-party evaluation
//                                          (unit-level ones too with
//                                          unit_level = 1) whose result was not
//                                          published with the final accounts.
// Disable a rule when the jurisdiction does not require that publication
// (the counts stay). Cancelled projects are out of scope. An evaluation's
// result belongs to the dataset it is recorded in (the year it was carried
// out; docs/format.md "Several fiscal years").
#ifndef PERFBUDGET_EVALUATION_DISCLOSURE_H_
#define PERFBUDGET_EVALUATION_DISCLOSURE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/policy/policy.h"

namespace perfbudget {

struct DisclosureOptions {
  bool messages = true;
};

struct DisclosureCounts {
  std::uint32_t projects = 0;  // budgeted (not cancelled)
  std::uint32_t key_projects = 0;
  std::uint32_t key_with_budget = 0;    // key goals published with the budget (F17)
  std::uint32_t key_with_approval = 0;  // key goals published with the approval (F27)
  std::uint32_t with_budget = 0;        // all budgeted projects' goals, key or not
  std::uint32_t with_approval = 0;
  std::uint32_t results = 0;            // fiscal and third-party evaluations
  std::uint32_t results_published = 0;  // published with the final accounts
};

struct DisclosureUnitRow {
  std::uint32_t unit_index = kNoIndex;
  DisclosureCounts counts;
};

struct DisclosureFinding {
  std::string_view code;  // "disclosure.goal_not_with_budget" (static storage)
  Severity severity = Severity::kWarning;
  std::uint32_t project_index = kNoIndex;     // goal findings
  std::uint32_t evaluation_index = kNoIndex;  // result findings
  std::string message_zh;
  std::string message_en;
};

struct DisclosureReport {
  Dataset dataset;
  int year = 0;
  std::vector<std::uint32_t> key_projects;  // budgeted key projects, dataset order
  std::vector<std::uint32_t> results;       // fiscal / third-party evaluations, dataset order
  std::vector<DisclosureUnitRow> units;     // every unit, dataset order
  DisclosureCounts total;
  std::vector<DisclosureFinding> findings;  // goal findings by project, then results
};

// Errors: InvalidArgument for a key_only / unit_level parameter other than 0 or 1.
absl::StatusOr<DisclosureReport> CheckDisclosure(const Dataset& dataset, const Policy& policy,
                                                 const DisclosureOptions& options = {});

std::string ExplainDisclosureFinding(const DisclosureReport& report,
                                     const DisclosureFinding& finding,
                                     std::string_view lang = "zh");

}  // namespace perfbudget

#endif  // PERFBUDGET_EVALUATION_DISCLOSURE_H_
