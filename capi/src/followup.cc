// followup.cc: the C ABI of the evaluation follow-up (pfb_followup.h):
// coverage plan, rectification, disclosure.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "capi_internal.hpp"
#include "perfbudget/evaluation/coverage.h"
#include "perfbudget/evaluation/disclosure.h"
#include "perfbudget/evaluation/rectification.h"
#include "perfbudget/pfb_followup.h"
#include "perfbudget/pfb_render.h"
#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/render/coverage.h"
#include "perfbudget/render/disclosure.h"
#include "perfbudget/render/rectification.h"
#include "render_internal.hpp"

struct pfb_coverage {
  perfbudget::CoverageReport report;
  std::vector<std::string> project_ids;  // per row
  std::vector<std::string> unit_ids;     // per row
  std::vector<std::string> finding_projects;
};

struct pfb_rectification {
  perfbudget::RectificationReport report;
};

struct pfb_disclosure {
  perfbudget::DisclosureReport report;
};

namespace capi = perfbudget::capi;

namespace perfbudget::capi {
namespace {

const Policy& PolicyOr(const pfb_policy* p, Policy* fallback) {
  if (p != nullptr) return p->policy;
  *fallback = DefaultPolicy();
  return *fallback;
}

template <typename T>
void Set(T* out, T value) {
  if (out != nullptr) *out = value;
}

// Copies `full` into the caller's versioned record, up to its struct_size.
template <typename Row>
absl::Status FillRecord(Row* out, Row full, std::string_view name) {
  if (out == nullptr) return MakeStatus(PFB_INVALID_ARGUMENT, Cat(name, " is NULL"));
  if (out->struct_size < sizeof(std::uint32_t)) {
    return MakeStatus(PFB_INVALID_ARGUMENT, Cat(name, "->struct_size is ", out->struct_size,
                                                ": set it to sizeof(*", name, ")"));
  }
  const std::uint32_t size = out->struct_size;
  full.struct_size = size;
  std::memcpy(static_cast<void*>(out), &full, std::min<std::size_t>(size, sizeof(Row)));
  return absl::OkStatus();
}

absl::Status CheckLangArg(std::int32_t lang) {
  if (lang != PFB_FOLLOWUP_LANG_ZH && lang != PFB_FOLLOWUP_LANG_EN) {
    return MakeStatus(PFB_INVALID_ARGUMENT, Cat("lang ", lang, ": expected 0 (zh) or 1 (en)"));
  }
  return absl::OkStatus();
}

template <typename Options>
absl::Status CheckOptions(const Options* o, std::uint32_t version, std::string_view name) {
  if (o == nullptr) return absl::OkStatus();
  if (o->version != version) {
    return MakeStatus(PFB_INVALID_ARGUMENT,
                      Cat(name, "->version ", o->version, ": this library knows ", version,
                          " (use the _INIT macro)"));
  }
  return CheckFlags(o->flags, PFB_FOLLOWUP_NO_MESSAGES, Cat(name, "->flags"));
}

}  // namespace
}  // namespace perfbudget::capi

// ---- coverage -----------------------------------------------------------------

extern "C" PFB_API int32_t pfb_coverage_run(const pfb_dataset* current,
                                            const pfb_dataset* const* history,
                                            uint32_t history_count, const pfb_policy* policy,
                                            const pfb_coverage_options* options, pfb_coverage** out,
                                            pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(const perfbudget::Dataset* ds, capi::DatasetOf(current));
    PFB_RETURN_IF_ERROR(capi::CheckOptions(options, PFB_COVERAGE_OPTIONS_VERSION, "options"));
    if (history == nullptr && history_count != 0) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT, "history is NULL with history_count > 0");
    }
    std::vector<perfbudget::Evaluation> evaluations;
    for (std::uint32_t i = 0; i < history_count; ++i) {
      if (history[i] == nullptr) {
        return capi::MakeStatus(PFB_INVALID_ARGUMENT, capi::Cat("history[", i, "] is NULL"));
      }
      const std::span<const perfbudget::Evaluation> e = history[i]->dataset.evaluations();
      evaluations.insert(evaluations.end(), e.begin(), e.end());
    }
    perfbudget::CoverageOptions o;
    if (options != nullptr) {
      if (options->year != 0) o.year = options->year;
      if (options->max_projects > 0xFFFFFFFFll || options->max_projects < -1) {
        return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                                capi::Cat("options->max_projects ", options->max_projects,
                                          ": expected -1 (the policy's) or 0..4294967295"));
      }
      if (options->max_projects >= 0) {
        o.max_projects = static_cast<std::uint32_t>(options->max_projects);
      }
      if (options->max_amount_fen < -1) {
        return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                                capi::Cat("options->max_amount_fen ", options->max_amount_fen,
                                          ": expected -1 (the policy's) or ≥ 0"));
      }
      if (options->max_amount_fen >= 0) {
        o.max_amount = perfbudget::Money::FromFen(options->max_amount_fen);
      }
      if (options->horizon_years != 0) o.horizon_years = options->horizon_years;
      o.messages = (options->flags & PFB_FOLLOWUP_NO_MESSAGES) == 0;
    }
    perfbudget::Policy fallback;
    PFB_ASSIGN_OR_RETURN(
        perfbudget::CoverageReport report,
        perfbudget::PlanCoverage(*ds, evaluations, capi::PolicyOr(policy, &fallback), o));
    auto c = std::make_unique<pfb_coverage>();
    c->report = std::move(report);
    for (const perfbudget::CoverageProject& row : c->report.projects) {
      const perfbudget::ProjectView p = ds->projects()[row.project_index];
      c->project_ids.emplace_back(p.id());
      c->unit_ids.emplace_back(p.unit_id());
    }
    for (const perfbudget::CoverageFinding& f : c->report.findings) {
      c->finding_projects.push_back(f.row == perfbudget::kNoIndex ? "" : c->project_ids[f.row]);
    }
    *out = c.release();
    return absl::OkStatus();
  });
}

extern "C" PFB_API void pfb_coverage_destroy(pfb_coverage* coverage) { delete coverage; }

extern "C" PFB_API int32_t pfb_coverage_year(const pfb_coverage* c) {
  return c == nullptr ? 0 : c->report.year;
}
extern "C" PFB_API int32_t pfb_coverage_window_years(const pfb_coverage* c) {
  return c == nullptr ? 0 : c->report.window_years;
}
extern "C" PFB_API int32_t pfb_coverage_horizon_years(const pfb_coverage* c) {
  return c == nullptr ? 0 : c->report.horizon_years;
}
extern "C" PFB_API uint32_t pfb_coverage_max_projects(const pfb_coverage* c) {
  return c == nullptr ? 0 : c->report.max_projects;
}
extern "C" PFB_API int64_t pfb_coverage_max_amount_fen(const pfb_coverage* c) {
  return c == nullptr ? 0 : c->report.max_amount.fen();
}

extern "C" PFB_API uint32_t pfb_coverage_project_count(const pfb_coverage* c) {
  return c == nullptr ? 0 : static_cast<uint32_t>(c->report.projects.size());
}

extern "C" PFB_API int32_t pfb_coverage_project(const pfb_coverage* c, uint32_t index,
                                                pfb_coverage_project_row* row, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(c, "coverage"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, c->report.projects.size(), "project"));
    const perfbudget::CoverageProject& p = c->report.projects[index];
    pfb_coverage_project_row full{};
    full.project_id = c->project_ids[index].c_str();
    full.unit_id = c->unit_ids[index].c_str();
    full.current_fen = p.current.fen();
    full.first_year = p.first_year;
    full.last_year = p.last_year;
    full.last_grade = p.last_grade.has_value() ? static_cast<int32_t>(*p.last_grade) : -1;
    full.evaluations = p.evaluations;
    full.deadline = p.deadline;
    full.overdue = p.overdue ? 1 : 0;
    full.status = static_cast<int32_t>(p.status);
    full.planned_year = p.planned_year;
    full.breach_year = p.breach_year;
    return capi::FillRecord(row, full, "row");
  });
}

extern "C" PFB_API uint32_t pfb_coverage_year_count(const pfb_coverage* c) {
  return c == nullptr ? 0 : static_cast<uint32_t>(c->report.years.size());
}

extern "C" PFB_API int32_t pfb_coverage_year_row_get(const pfb_coverage* c, uint32_t index,
                                                     pfb_coverage_year_row* row, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(c, "coverage"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, c->report.years.size(), "year"));
    const perfbudget::CoverageYear& y = c->report.years[index];
    pfb_coverage_year_row full{};
    full.year = y.year;
    full.evaluated = static_cast<uint32_t>(y.evaluated.size());
    full.due = static_cast<uint32_t>(y.due.size());
    full.recommended = static_cast<uint32_t>(y.recommended.size());
    full.breaches = static_cast<uint32_t>(y.breaches.size());
    full.amount_fen = y.amount.fen();
    return capi::FillRecord(row, full, "row");
  });
}

extern "C" PFB_API uint32_t pfb_coverage_history_count(const pfb_coverage* c) {
  return c == nullptr ? 0 : static_cast<uint32_t>(c->report.history.size());
}

extern "C" PFB_API int32_t pfb_coverage_history(const pfb_coverage* c, uint32_t index,
                                                int32_t* year, uint32_t* projects,
                                                int64_t* amount_fen, uint32_t* unit_count,
                                                pfb_error** err) {
  capi::ZeroOptionalOut(year);
  capi::ZeroOptionalOut(projects);
  capi::ZeroOptionalOut(amount_fen);
  capi::ZeroOptionalOut(unit_count);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(c, "coverage"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, c->report.history.size(), "history year"));
    const perfbudget::CoverageHistoryYear& h = c->report.history[index];
    capi::Set(year, static_cast<int32_t>(h.year));
    capi::Set(projects, h.projects);
    capi::Set(amount_fen, h.project_amount.fen());
    capi::Set(unit_count, static_cast<uint32_t>(h.unit_ids.size()));
    return absl::OkStatus();
  });
}

extern "C" PFB_API int32_t pfb_coverage_history_unit(const pfb_coverage* c, uint32_t index,
                                                     uint32_t unit, const char** unit_id,
                                                     pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(unit_id, "unit_id"));
    PFB_RETURN_IF_ERROR(capi::RequireHandle(c, "coverage"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, c->report.history.size(), "history year"));
    const perfbudget::CoverageHistoryYear& h = c->report.history[index];
    PFB_RETURN_IF_ERROR(capi::CheckIndex(unit, h.unit_ids.size(), "unit"));
    *unit_id = h.unit_ids[unit].c_str();
    return absl::OkStatus();
  });
}

extern "C" PFB_API int32_t pfb_coverage_totals(const pfb_coverage* c, const char* unit_id,
                                               pfb_coverage_total* total, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(c, "coverage"));
    PFB_ASSIGN_OR_RETURN(std::string_view id, capi::InOptionalString(unit_id, "unit_id"));
    const perfbudget::CoverageTotal* t = &c->report.total;
    if (!id.empty()) {
      t = nullptr;
      for (const perfbudget::CoverageTotal& u : c->report.units) {
        if (c->report.dataset.units()[u.unit_index].id() == id) t = &u;
      }
      if (t == nullptr) {
        return capi::MakeStatus(PFB_NOT_FOUND, capi::Cat("no key project of unit ", id));
      }
    }
    pfb_coverage_total full{};
    full.key_projects = t->key_projects;
    full.covered = t->covered;
    full.never = t->never;
    full.overdue = t->overdue;
    full.planned = t->planned;
    full.breaches = t->breaches;
    full.key_amount_fen = t->key_amount.fen();
    return capi::FillRecord(total, full, "total");
  });
}

extern "C" PFB_API uint32_t pfb_coverage_finding_count(const pfb_coverage* c) {
  return c == nullptr ? 0 : static_cast<uint32_t>(c->report.findings.size());
}

extern "C" PFB_API int32_t pfb_coverage_finding(const pfb_coverage* c, uint32_t index, int32_t lang,
                                                const char** code, int32_t* severity, int32_t* year,
                                                const char** project_id, const char** message,
                                                pfb_error** err) {
  capi::ZeroOptionalOut(code);
  capi::ZeroOptionalOut(severity);
  capi::ZeroOptionalOut(year);
  capi::ZeroOptionalOut(project_id);
  capi::ZeroOptionalOut(message);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(c, "coverage"));
    PFB_RETURN_IF_ERROR(capi::CheckLangArg(lang));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, c->report.findings.size(), "finding"));
    const perfbudget::CoverageFinding& f = c->report.findings[index];
    capi::Set(code, f.code.data());  // catalog codes are NUL-terminated literals
    capi::Set(severity, static_cast<int32_t>(f.severity));
    capi::Set(year, static_cast<int32_t>(f.year));
    capi::Set(project_id, c->finding_projects[index].c_str());
    capi::Set(message, (lang == PFB_FOLLOWUP_LANG_EN ? f.message_en : f.message_zh).c_str());
    return absl::OkStatus();
  });
}

// ---- rectification ----------------------------------------------------------

extern "C" PFB_API int32_t pfb_rectification_run(const pfb_dataset* dataset,
                                                 const pfb_policy* policy,
                                                 const pfb_rectification_options* options,
                                                 pfb_rectification** out, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(const perfbudget::Dataset* ds, capi::DatasetOf(dataset));
    PFB_RETURN_IF_ERROR(capi::CheckOptions(options, PFB_RECTIFICATION_OPTIONS_VERSION, "options"));
    perfbudget::RectificationOptions o;
    if (options != nullptr) {
      PFB_ASSIGN_OR_RETURN(o.as_of, capi::InOptionalDate(options->as_of, "options->as_of"));
      o.messages = (options->flags & PFB_FOLLOWUP_NO_MESSAGES) == 0;
    }
    perfbudget::Policy fallback;
    PFB_ASSIGN_OR_RETURN(perfbudget::RectificationReport report,
                         perfbudget::TrackRectification(*ds, capi::PolicyOr(policy, &fallback), o));
    *out = new pfb_rectification{std::move(report)};
    return absl::OkStatus();
  });
}

extern "C" PFB_API void pfb_rectification_destroy(pfb_rectification* r) { delete r; }

extern "C" PFB_API int32_t pfb_rectification_as_of(const pfb_rectification* r) {
  return r == nullptr ? 0 : capi::DateToInt(r->report.as_of);
}

extern "C" PFB_API int32_t pfb_rectification_totals(const pfb_rectification* r, const char* unit_id,
                                                    pfb_rectification_counts* counts,
                                                    pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(r, "rectification"));
    PFB_ASSIGN_OR_RETURN(std::string_view id, capi::InOptionalString(unit_id, "unit_id"));
    const perfbudget::RectificationCounts* t = &r->report.total;
    if (!id.empty()) {
      t = nullptr;
      for (const perfbudget::RectificationUnitRow& u : r->report.units) {
        if (r->report.dataset.units()[u.unit_index].id() == id) t = &u.counts;
      }
      if (t == nullptr) {
        return capi::MakeStatus(PFB_NOT_FOUND, capi::Cat("nothing to rectify for unit ", id));
      }
    }
    pfb_rectification_counts full{};
    full.evaluations = t->evaluations;
    full.problems = t->problems;
    full.suggestions = t->suggestions;
    full.items = t->items;
    full.open = t->open;
    full.in_progress = t->in_progress;
    full.done = t->done;
    full.overdue = t->overdue;
    full.no_owner = t->no_owner;
    full.no_due_date = t->no_due_date;
    return capi::FillRecord(counts, full, "counts");
  });
}

extern "C" PFB_API uint32_t pfb_rectification_item_count(const pfb_rectification* r) {
  return r == nullptr ? 0 : static_cast<uint32_t>(r->report.items.size());
}

extern "C" PFB_API int32_t pfb_rectification_item(const pfb_rectification* r, uint32_t index,
                                                  const char** id, int32_t* status,
                                                  int32_t* overdue, int32_t* days_overdue,
                                                  pfb_error** err) {
  capi::ZeroOptionalOut(id);
  capi::ZeroOptionalOut(status);
  capi::ZeroOptionalOut(overdue);
  capi::ZeroOptionalOut(days_overdue);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(r, "rectification"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, r->report.items.size(), "item"));
    const perfbudget::RectificationItemRow& row = r->report.items[index];
    const perfbudget::RectificationItem& it = r->report.dataset.rectifications()[row.item_index];
    capi::Set(id, it.id.c_str());
    capi::Set(status, static_cast<int32_t>(it.status));
    capi::Set(overdue, row.overdue ? 1 : 0);
    capi::Set(days_overdue, static_cast<int32_t>(row.days_overdue));
    return absl::OkStatus();
  });
}

extern "C" PFB_API uint32_t pfb_rectification_finding_count(const pfb_rectification* r) {
  return r == nullptr ? 0 : static_cast<uint32_t>(r->report.findings.size());
}

extern "C" PFB_API int32_t pfb_rectification_finding(const pfb_rectification* r, uint32_t index,
                                                     int32_t lang, const char** code,
                                                     int32_t* severity, const char** item_id,
                                                     const char** evaluation_id,
                                                     const char** message, pfb_error** err) {
  capi::ZeroOptionalOut(code);
  capi::ZeroOptionalOut(severity);
  capi::ZeroOptionalOut(item_id);
  capi::ZeroOptionalOut(evaluation_id);
  capi::ZeroOptionalOut(message);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(r, "rectification"));
    PFB_RETURN_IF_ERROR(capi::CheckLangArg(lang));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, r->report.findings.size(), "finding"));
    const perfbudget::RectificationFinding& f = r->report.findings[index];
    const perfbudget::Dataset& ds = r->report.dataset;
    capi::Set(code, f.code.data());
    capi::Set(severity, static_cast<int32_t>(f.severity));
    capi::Set(item_id,
              f.item == perfbudget::kNoIndex ? "" : ds.rectifications()[f.item].id.c_str());
    capi::Set(evaluation_id, f.evaluation == perfbudget::kNoIndex
                                 ? ""
                                 : ds.evaluations()[f.evaluation].id.c_str());
    capi::Set(message, (lang == PFB_FOLLOWUP_LANG_EN ? f.message_en : f.message_zh).c_str());
    return absl::OkStatus();
  });
}

// ---- disclosure -------------------------------------------------------------

extern "C" PFB_API int32_t pfb_disclosure_run(const pfb_dataset* dataset, const pfb_policy* policy,
                                              const pfb_disclosure_options* options,
                                              pfb_disclosure** out, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(const perfbudget::Dataset* ds, capi::DatasetOf(dataset));
    PFB_RETURN_IF_ERROR(capi::CheckOptions(options, PFB_DISCLOSURE_OPTIONS_VERSION, "options"));
    perfbudget::DisclosureOptions o;
    if (options != nullptr) o.messages = (options->flags & PFB_FOLLOWUP_NO_MESSAGES) == 0;
    perfbudget::Policy fallback;
    PFB_ASSIGN_OR_RETURN(perfbudget::DisclosureReport report,
                         perfbudget::CheckDisclosure(*ds, capi::PolicyOr(policy, &fallback), o));
    *out = new pfb_disclosure{std::move(report)};
    return absl::OkStatus();
  });
}

extern "C" PFB_API void pfb_disclosure_destroy(pfb_disclosure* d) { delete d; }

extern "C" PFB_API int32_t pfb_disclosure_totals(const pfb_disclosure* d, const char* unit_id,
                                                 pfb_disclosure_counts* counts, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(d, "disclosure"));
    PFB_ASSIGN_OR_RETURN(std::string_view id, capi::InOptionalString(unit_id, "unit_id"));
    const perfbudget::DisclosureCounts* t = &d->report.total;
    if (!id.empty()) {
      t = nullptr;
      for (const perfbudget::DisclosureUnitRow& u : d->report.units) {
        if (d->report.dataset.units()[u.unit_index].id() == id) t = &u.counts;
      }
      if (t == nullptr) return capi::MakeStatus(PFB_NOT_FOUND, capi::Cat("no unit ", id));
    }
    pfb_disclosure_counts full{};
    full.projects = t->projects;
    full.key_projects = t->key_projects;
    full.key_with_budget = t->key_with_budget;
    full.key_with_approval = t->key_with_approval;
    full.with_budget = t->with_budget;
    full.with_approval = t->with_approval;
    full.results = t->results;
    full.results_published = t->results_published;
    return capi::FillRecord(counts, full, "counts");
  });
}

extern "C" PFB_API uint32_t pfb_disclosure_finding_count(const pfb_disclosure* d) {
  return d == nullptr ? 0 : static_cast<uint32_t>(d->report.findings.size());
}

extern "C" PFB_API int32_t pfb_disclosure_finding(const pfb_disclosure* d, uint32_t index,
                                                  int32_t lang, const char** code,
                                                  int32_t* severity, const char** project_id,
                                                  const char** evaluation_id, const char** message,
                                                  pfb_error** err) {
  capi::ZeroOptionalOut(code);
  capi::ZeroOptionalOut(severity);
  capi::ZeroOptionalOut(project_id);
  capi::ZeroOptionalOut(evaluation_id);
  capi::ZeroOptionalOut(message);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(d, "disclosure"));
    PFB_RETURN_IF_ERROR(capi::CheckLangArg(lang));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, d->report.findings.size(), "finding"));
    const perfbudget::DisclosureFinding& f = d->report.findings[index];
    const perfbudget::Dataset& ds = d->report.dataset;
    capi::Set(code, f.code.data());
    capi::Set(severity, static_cast<int32_t>(f.severity));
    capi::Set(project_id, f.project_index == perfbudget::kNoIndex
                              ? ""
                              : ds.projects()[f.project_index].id().data());
    capi::Set(evaluation_id, f.evaluation_index == perfbudget::kNoIndex
                                 ? ""
                                 : ds.evaluations()[f.evaluation_index].id.c_str());
    capi::Set(message, (lang == PFB_FOLLOWUP_LANG_EN ? f.message_en : f.message_zh).c_str());
    return absl::OkStatus();
  });
}

// ---- export (pfb_render.h) ----------------------------------------------------

extern "C" PFB_API int32_t pfb_coverage_render(const pfb_coverage* coverage,
                                               const pfb_render_options* options, char** out,
                                               size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroRenderOut(out, out_len));
    PFB_RETURN_IF_ERROR(capi::RequireHandle(coverage, "coverage"));
    PFB_ASSIGN_OR_RETURN(perfbudget::render::RenderOptions o, capi::ReadRenderOptions(options));
    PFB_ASSIGN_OR_RETURN(std::string text, perfbudget::render::RenderCoverage(coverage->report, o));
    return capi::CopyOut(text, out, out_len);
  });
}

extern "C" PFB_API int32_t pfb_rectification_render(const pfb_rectification* r,
                                                    const pfb_render_options* options, char** out,
                                                    size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroRenderOut(out, out_len));
    PFB_RETURN_IF_ERROR(capi::RequireHandle(r, "rectification"));
    PFB_ASSIGN_OR_RETURN(perfbudget::render::RenderOptions o, capi::ReadRenderOptions(options));
    PFB_ASSIGN_OR_RETURN(std::string text, perfbudget::render::RenderRectification(r->report, o));
    return capi::CopyOut(text, out, out_len);
  });
}

extern "C" PFB_API int32_t pfb_disclosure_render(const pfb_disclosure* d,
                                                 const pfb_render_options* options, char** out,
                                                 size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroRenderOut(out, out_len));
    PFB_RETURN_IF_ERROR(capi::RequireHandle(d, "disclosure"));
    PFB_ASSIGN_OR_RETURN(perfbudget::render::RenderOptions o, capi::ReadRenderOptions(options));
    PFB_ASSIGN_OR_RETURN(std::string text, perfbudget::render::RenderDisclosure(d->report, o));
    return capi::CopyOut(text, out, out_len);
  });
}
