// csv_schema.h: the tables and columns of the CSV form of a dataset
// (docs/format.md, "CSV"), in the order the writer writes them, with the
// national integrated budget system's (预算管理一体化) column aliases.
#ifndef PERFBUDGET_IO_CSV_SCHEMA_H_
#define PERFBUDGET_IO_CSV_SCHEMA_H_

#include <array>
#include <span>
#include <string_view>

namespace perfbudget::csv_schema {

struct Column {
  std::string_view name;
  bool required = false;  // the column must be present (and its cells non-empty)
  std::array<std::string_view, 2> aliases = {};
};

struct Table {
  std::string_view file;  // "projects.csv"
  bool required = false;  // the file must exist
  std::span<const Column> columns;
};

inline constexpr Column kDatasetColumns[] = {
    {"format", true},
    {"version", true},
    {"jurisdiction_code", false, {"mof_div_code"}},
    {"jurisdiction_name", false, {"mof_div_name"}},
    {"fiscal_year", true, {"set_year"}},
    {"start_month"},
    {"named_by_end"},
    {"title"},
    {"as_of"},  // 数据截至日期; optional
};
inline constexpr Column kUnitColumns[] = {
    {"id", true, {"agency_code", "dept_code"}},
    {"name", false, {"agency_name", "dept_name"}},  // required; checked by the builder
};
inline constexpr Column kProjectColumns[] = {
    {"id", true, {"pro_code"}},
    {"unit", true, {"agency_code", "dept_code"}},
    {"name", true, {"pro_name"}},
    {"category"},
    {"kind"},
    {"key"},
    {"status"},
    {"start_year"},
    {"requested"},
    {"disclose_with_budget"},
    {"disclose_with_approval"},
};
inline constexpr Column kFundColumns[] = {
    {"project", true, {"pro_code"}},
    {"source", true},
    {"approved", true},
    {"origin_year"},
};
inline constexpr Column kAdjustmentColumns[] = {
    {"project", true, {"pro_code"}}, {"date", true}, {"source"}, {"amount", true}, {"reason"},
};
inline constexpr Column kPaymentPlanColumns[] = {
    {"project", true, {"pro_code"}},
    {"date", true},
    {"amount", true},
};
inline constexpr Column kGoalColumns[] = {
    {"id", true},
    {"owner", true},
    {"project", false, {"pro_code"}},
    {"unit", false, {"agency_code", "dept_code"}},
    {"text"},
};
inline constexpr Column kIndicatorColumns[] = {
    {"goal", true},
    {"id"},
    {"level1", true, {"kpi_lv1"}},
    {"level2", true, {"kpi_lv2"}},
    {"name", true, {"kpi_lv3", "kpi_content"}},
    {"comparator", false, {"computesign"}},
    {"target", false, {"kpi_val"}},
    {"target_high"},
    // Exact form (as in JSON): `target` and `target_high` are plain numbers and
    // this is the text as written. Written only when the text alone would not
    // read back to the same numbers.
    {"target_text"},
    {"unit_of_measure", false, {"meterunit"}},
    {"weight"},
    {"baseline"},
    {"value_source"},
    {"evaluation_standard", false, {"kpi_evalstd"}},
};
inline constexpr Column kActualColumns[] = {
    {"goal", true}, {"indicator", true}, {"date", true}, {"value"}, {"grade"}, {"text"},
};
inline constexpr Column kDisbursementColumns[] = {
    {"id"}, {"project", true, {"pro_code"}}, {"date", true}, {"source"}, {"amount", true},
};
inline constexpr Column kExAnteColumns[] = {
    {"project", true, {"pro_code"}},
    {"date"},
    {"requested"},
    {"necessity"},
    {"economy"},
    {"goal_soundness"},
    {"feasibility"},
    {"funding_compliance"},
    {"note"},
};
inline constexpr Column kEvaluationColumns[] = {
    {"id", true},
    {"kind"},
    {"project", false, {"pro_code"}},
    {"unit", false, {"agency_code", "dept_code"}},
    {"evaluated_year"},
    {"date"},
    {"amount"},
    {"score"},
    {"grade"},
    {"evaluator"},
    {"problems"},
    {"suggestions"},
    {"published_with_final_accounts"},
};
inline constexpr Column kRectificationColumns[] = {
    {"id", true},
    {"evaluation"},
    {"unit", false, {"agency_code", "dept_code"}},
    {"project", false, {"pro_code"}},
    {"description"},
    {"owner"},
    {"due"},
    {"status"},
    {"closed"},
};

enum TableId : int {
  kDataset = 0,
  kUnits,
  kProjects,
  kFunds,
  kAdjustments,
  kPaymentPlan,
  kGoals,
  kIndicators,
  kActuals,
  kDisbursements,
  kExAnte,
  kEvaluations,
  kRectifications,
  kTableCount,
};

inline constexpr std::array<Table, kTableCount> kTables = {{
    {"dataset.csv", true, kDatasetColumns},
    {"units.csv", true, kUnitColumns},
    {"projects.csv", true, kProjectColumns},
    {"funds.csv", false, kFundColumns},
    {"adjustments.csv", false, kAdjustmentColumns},
    {"payment_plan.csv", false, kPaymentPlanColumns},
    {"goals.csv", false, kGoalColumns},
    {"indicators.csv", false, kIndicatorColumns},
    {"actuals.csv", false, kActualColumns},
    {"disbursements.csv", false, kDisbursementColumns},
    {"ex_ante.csv", false, kExAnteColumns},
    {"evaluations.csv", false, kEvaluationColumns},
    {"rectifications.csv", false, kRectificationColumns},
}};

}  // namespace perfbudget::csv_schema

#endif  // PERFBUDGET_IO_CSV_SCHEMA_H_
