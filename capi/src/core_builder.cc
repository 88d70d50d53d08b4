// core_builder.cc: C ABI dataset builder: a vendor feeds rows from its own
// database, then builds a validated dataset.
#include <string>

#include "absl/strings/str_cat.h"
#include "capi_internal.hpp"
#include "model/target_text.h"
#include "perfbudget/calendar/fiscal_calendar.h"

namespace capi = perfbudget::capi;
using perfbudget::DatasetBuilder;
using perfbudget::Date;
using perfbudget::FundSource;

namespace {

absl::Status CheckUsable(const pfb_builder* b) {
  PFB_RETURN_IF_ERROR(capi::RequireHandle(b, "builder"));
  if (b->used_up) {
    return capi::MakeStatus(PFB_FAILED_PRECONDITION, "builder was already built; create a new one");
  }
  return absl::OkStatus();
}

// Runs an add_* body. A row the body rejects is also recorded as a
// diagnostic of the builder, so that pfb_builder_build fails too.
template <typename Body>
int32_t AddRow(pfb_builder* b, pfb_error** err, std::string_view table, Body body) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(CheckUsable(b));
    absl::Status status = body(b->builder);
    if (!status.ok()) {
      perfbudget::Diagnostic d;
      d.kind = perfbudget::DiagnosticKind::kValue;
      d.where = b->origin;
      if (d.where.path.empty()) d.where.path = std::string(table);
      d.message = capi::Cat(table, " row rejected: ", status.message());
      b->builder.AddDiagnostic(std::move(d));
      ++b->row_errors;
    }
    return status;
  });
}

}  // namespace

extern "C" {

PFB_API int32_t pfb_builder_create(const char* jurisdiction_code, const char* jurisdiction_name,
                                   int32_t fiscal_year, int32_t start_month, uint32_t flags,
                                   const char* title, pfb_builder** out, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    perfbudget::DatasetInfo info;
    PFB_ASSIGN_OR_RETURN(std::string_view code,
                         capi::InOptionalString(jurisdiction_code, "jurisdiction_code"));
    PFB_ASSIGN_OR_RETURN(std::string_view name,
                         capi::InOptionalString(jurisdiction_name, "jurisdiction_name"));
    PFB_ASSIGN_OR_RETURN(std::string_view t, capi::InOptionalString(title, "title"));
    PFB_RETURN_IF_ERROR(capi::CheckFlags(flags, PFB_NAMED_BY_END, "flags"));
    bool named_by_end = (flags & PFB_NAMED_BY_END) != 0;
    auto fy = perfbudget::FiscalYear::Create(fiscal_year, start_month, named_by_end);
    if (!fy.ok()) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              capi::Cat("fiscal year ", fiscal_year, " starting in month ",
                                        start_month, ": ", fy.status().message()));
    }
    info.jurisdiction_code = std::string(code);
    info.jurisdiction_name = std::string(name);
    info.fiscal_year = fiscal_year;
    info.fiscal_year_start_month = start_month;
    info.fiscal_year_named_by_end = named_by_end;
    info.title = std::string(t);
    *out = new pfb_builder{DatasetBuilder(std::move(info)), {}, 0, false, {}};
    return absl::OkStatus();
  });
}

PFB_API void pfb_builder_destroy(pfb_builder* builder) { delete builder; }

PFB_API int32_t pfb_builder_set_as_of(pfb_builder* builder, int32_t as_of, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(CheckUsable(builder));
    PFB_ASSIGN_OR_RETURN(std::optional<perfbudget::Date> date,
                         capi::InOptionalDate(as_of, "as_of"));
    perfbudget::DatasetInfo info = builder->builder.info();
    if (date.has_value()) {
      // The year was checked by pfb_builder_create.
      PFB_ASSIGN_OR_RETURN(
          perfbudget::FiscalYear fy,
          perfbudget::FiscalYear::Create(info.fiscal_year, info.fiscal_year_start_month,
                                         info.fiscal_year_named_by_end));
      if (absl::Status in_year = fy.CheckContains(*date); !in_year.ok()) {
        return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                                capi::Cat("as_of ", as_of, ": ", capi::Std(in_year.message())));
      }
    }
    info.as_of = date;
    builder->builder.SetInfo(std::move(info));
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_builder_set_origin(pfb_builder* builder, const char* source, int32_t row,
                                       pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(CheckUsable(builder));
    PFB_ASSIGN_OR_RETURN(std::string_view s, capi::InOptionalString(source, "source"));
    if (row < 0) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              capi::Cat("row ", row, " is negative (expected 0 or a 1-based row)"));
    }
    builder->origin = perfbudget::Origin{};
    builder->origin.file = std::string(s);
    builder->origin.line = row;
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_builder_add_unit(pfb_builder* builder, const char* id, const char* name,
                                     pfb_error** err) {
  return AddRow(builder, err, "units", [&](DatasetBuilder& db) -> absl::Status {
    perfbudget::Unit unit;
    PFB_ASSIGN_OR_RETURN(std::string_view i, capi::InString(id, "id"));
    PFB_ASSIGN_OR_RETURN(std::string_view n, capi::InString(name, "name"));
    unit.id = std::string(i);
    unit.name = std::string(n);
    db.AddUnit(std::move(unit), builder->origin);
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_builder_add_project(pfb_builder* builder, const char* id, const char* unit_id,
                                        const char* name, const char* category, int32_t kind,
                                        int32_t status, int32_t start_year, int64_t requested_fen,
                                        uint32_t flags, pfb_error** err) {
  return AddRow(builder, err, "projects", [&](DatasetBuilder& db) -> absl::Status {
    perfbudget::Project p;
    PFB_ASSIGN_OR_RETURN(std::string_view i, capi::InString(id, "id"));
    PFB_ASSIGN_OR_RETURN(std::string_view u, capi::InString(unit_id, "unit_id"));
    PFB_ASSIGN_OR_RETURN(std::string_view n, capi::InString(name, "name"));
    PFB_ASSIGN_OR_RETURN(std::string_view c, capi::InOptionalString(category, "category"));
    PFB_ASSIGN_OR_RETURN(p.kind,
                         capi::InEnum<perfbudget::ProjectKind>(kind, "kind", "project kind"));
    PFB_ASSIGN_OR_RETURN(
        p.status, capi::InEnum<perfbudget::ProjectStatus>(status, "status", "project status"));
    PFB_RETURN_IF_ERROR(capi::CheckFlags(
        flags,
        PFB_PROJECT_KEY | PFB_PROJECT_DISCLOSED_WITH_BUDGET | PFB_PROJECT_DISCLOSED_WITH_APPROVAL,
        "flags"));
    p.id = std::string(i);
    p.unit_id = std::string(u);
    p.name = std::string(n);
    p.category = std::string(c);
    p.start_year = start_year;
    p.requested = perfbudget::Money::FromFen(requested_fen);
    p.is_key = (flags & PFB_PROJECT_KEY) != 0;
    p.disclosure.with_budget = (flags & PFB_PROJECT_DISCLOSED_WITH_BUDGET) != 0;
    p.disclosure.with_approval = (flags & PFB_PROJECT_DISCLOSED_WITH_APPROVAL) != 0;
    db.AddProject(std::move(p), builder->origin);
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_builder_add_fund_line(pfb_builder* builder, const char* project_id,
                                          int32_t source, int64_t approved_fen, int32_t origin_year,
                                          pfb_error** err) {
  return AddRow(builder, err, "funds", [&](DatasetBuilder& db) -> absl::Status {
    perfbudget::FundLine line;
    PFB_ASSIGN_OR_RETURN(std::string_view p, capi::InString(project_id, "project_id"));
    PFB_ASSIGN_OR_RETURN(line.source, capi::InEnum<FundSource>(source, "source", "fund source"));
    line.approved = perfbudget::Money::FromFen(approved_fen);
    line.origin_year = origin_year;
    db.AddFundLine(std::string(p), line, builder->origin);
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_builder_add_adjustment(pfb_builder* builder, const char* project_id,
                                           int32_t date, int32_t source, int64_t amount_fen,
                                           const char* reason, pfb_error** err) {
  return AddRow(builder, err, "adjustments", [&](DatasetBuilder& db) -> absl::Status {
    perfbudget::Adjustment adj;
    PFB_ASSIGN_OR_RETURN(std::string_view p, capi::InString(project_id, "project_id"));
    PFB_ASSIGN_OR_RETURN(adj.date, capi::InDate(date, "date"));
    PFB_ASSIGN_OR_RETURN(adj.source, capi::InEnum<FundSource>(source, "source", "fund source"));
    PFB_ASSIGN_OR_RETURN(std::string_view r, capi::InOptionalString(reason, "reason"));
    adj.amount = perfbudget::Money::FromFen(amount_fen);
    adj.reason = std::string(r);
    db.AddAdjustment(std::string(p), std::move(adj), builder->origin);
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_builder_add_planned_payment(pfb_builder* builder, const char* project_id,
                                                int32_t date, int64_t amount_fen, pfb_error** err) {
  return AddRow(builder, err, "payment_plan", [&](DatasetBuilder& db) -> absl::Status {
    perfbudget::PlannedPayment pay;
    PFB_ASSIGN_OR_RETURN(std::string_view p, capi::InString(project_id, "project_id"));
    PFB_ASSIGN_OR_RETURN(pay.date, capi::InDate(date, "date"));
    pay.amount = perfbudget::Money::FromFen(amount_fen);
    db.AddPlannedPayment(std::string(p), pay, builder->origin);
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_builder_add_goal(pfb_builder* builder, const char* id, int32_t owner,
                                     const char* project_id, const char* unit_id, const char* text,
                                     pfb_error** err) {
  return AddRow(builder, err, "goals", [&](DatasetBuilder& db) -> absl::Status {
    perfbudget::Goal goal;
    PFB_ASSIGN_OR_RETURN(std::string_view i, capi::InString(id, "id"));
    PFB_ASSIGN_OR_RETURN(goal.owner,
                         capi::InEnum<perfbudget::GoalOwner>(owner, "owner", "goal owner"));
    PFB_ASSIGN_OR_RETURN(std::string_view p, capi::InOptionalString(project_id, "project_id"));
    PFB_ASSIGN_OR_RETURN(std::string_view u, capi::InOptionalString(unit_id, "unit_id"));
    PFB_ASSIGN_OR_RETURN(std::string_view t, capi::InOptionalString(text, "text"));
    if (goal.owner == perfbudget::GoalOwner::kProject && p.empty()) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT, "project_id is required for a project goal");
    }
    if (goal.owner == perfbudget::GoalOwner::kUnit && u.empty()) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT, "unit_id is required for a unit goal");
    }
    goal.id = std::string(i);
    goal.project_id = std::string(p);
    goal.unit_id = std::string(u);
    goal.text = std::string(t);
    db.AddGoal(std::move(goal), builder->origin);
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_builder_add_indicator(pfb_builder* builder, const char* goal_id,
                                          const char* indicator_id, int32_t level1, int32_t level2,
                                          const char* name, int32_t comparator, const char* target,
                                          const char* target_high, const char* unit_of_measure,
                                          const char* weight, const char* baseline,
                                          int32_t value_source, const char* evaluation_standard,
                                          pfb_error** err) {
  return AddRow(builder, err, "indicators", [&](DatasetBuilder& db) -> absl::Status {
    perfbudget::Indicator ind;
    PFB_ASSIGN_OR_RETURN(std::string_view g, capi::InString(goal_id, "goal_id"));
    PFB_ASSIGN_OR_RETURN(std::string_view i, capi::InOptionalString(indicator_id, "indicator_id"));
    PFB_ASSIGN_OR_RETURN(ind.level1, capi::InEnum<perfbudget::IndicatorLevel1>(
                                         level1, "level1", "level-1 indicator kind"));
    PFB_ASSIGN_OR_RETURN(ind.level2, capi::InEnum<perfbudget::IndicatorLevel2>(
                                         level2, "level2", "level-2 indicator kind"));
    PFB_ASSIGN_OR_RETURN(std::string_view n, capi::InString(name, "name"));
    PFB_ASSIGN_OR_RETURN(perfbudget::Comparator cmp, capi::InEnum<perfbudget::Comparator>(
                                                         comparator, "comparator", "comparator"));
    PFB_ASSIGN_OR_RETURN(std::string_view tgt, capi::InOptionalString(target, "target"));
    PFB_ASSIGN_OR_RETURN(std::string_view high, capi::InOptionalString(target_high, "target_high"));
    PFB_ASSIGN_OR_RETURN(std::string_view uom,
                         capi::InOptionalString(unit_of_measure, "unit_of_measure"));
    PFB_ASSIGN_OR_RETURN(ind.weight, capi::InOptionalDecimal(weight, "weight"));
    PFB_ASSIGN_OR_RETURN(ind.baseline, capi::InOptionalDecimal(baseline, "baseline"));
    PFB_ASSIGN_OR_RETURN(ind.value_source, capi::InEnum<perfbudget::ValueSource>(
                                               value_source, "value_source", "value source"));
    PFB_ASSIGN_OR_RETURN(std::string_view std_text,
                         capi::InOptionalString(evaluation_standard, "evaluation_standard"));
    ind.id = std::string(i);
    ind.name = std::string(n);
    ind.evaluation_standard = std::string(std_text);
    absl::Status resolved = perfbudget::ResolveIndicatorTarget(tgt, high, cmp, uom, &ind);
    if (!resolved.ok()) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT, resolved.message());
    }
    db.AddIndicator(std::string(g), std::move(ind), builder->origin);
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_builder_add_actual(pfb_builder* builder, const char* goal_id,
                                       const char* indicator_id, int32_t date, const char* value,
                                       int32_t grade, const char* text, pfb_error** err) {
  return AddRow(builder, err, "actuals", [&](DatasetBuilder& db) -> absl::Status {
    perfbudget::IndicatorActual actual;
    PFB_ASSIGN_OR_RETURN(std::string_view g, capi::InString(goal_id, "goal_id"));
    PFB_ASSIGN_OR_RETURN(std::string_view i, capi::InOptionalString(indicator_id, "indicator_id"));
    PFB_ASSIGN_OR_RETURN(actual.date, capi::InDate(date, "date"));
    PFB_ASSIGN_OR_RETURN(actual.value, capi::InOptionalDecimal(value, "value"));
    if (grade != PFB_GRADE_NONE) {
      PFB_ASSIGN_OR_RETURN(actual.grade, capi::InEnum<perfbudget::QualitativeGrade>(
                                             grade, "grade", "qualitative grade"));
    }
    PFB_ASSIGN_OR_RETURN(std::string_view t, capi::InOptionalString(text, "text"));
    if (!actual.value && !actual.grade) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT, "an actual needs a value or a grade");
    }
    actual.text = std::string(t);
    db.AddActual(std::string(g), std::string(i), std::move(actual), builder->origin);
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_builder_add_disbursement(pfb_builder* builder, const char* id,
                                             const char* project_id, int32_t date, int32_t source,
                                             int64_t amount_fen, pfb_error** err) {
  return AddRow(builder, err, "disbursements", [&](DatasetBuilder& db) -> absl::Status {
    perfbudget::Disbursement d;
    PFB_ASSIGN_OR_RETURN(std::string_view i, capi::InOptionalString(id, "id"));
    PFB_ASSIGN_OR_RETURN(std::string_view p, capi::InString(project_id, "project_id"));
    PFB_ASSIGN_OR_RETURN(d.date, capi::InDate(date, "date"));
    PFB_ASSIGN_OR_RETURN(d.source, capi::InEnum<FundSource>(source, "source", "fund source"));
    d.id = std::string(i);
    d.project_id = std::string(p);
    d.amount = perfbudget::Money::FromFen(amount_fen);
    db.AddDisbursement(std::move(d), builder->origin);
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_builder_build(pfb_builder* builder, pfb_dataset** out, pfb_error** err) {
  return capi::Guard(err, [&](perfbudget::Diagnostics& diagnostics) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_RETURN_IF_ERROR(CheckUsable(builder));
    builder->used_up = true;
    auto built = builder->builder.Build({}, &diagnostics);
    if (!built.ok()) return built.status();
    *out = new pfb_dataset{std::move(*built)};
    return absl::OkStatus();
  });
}

}  // extern "C"
