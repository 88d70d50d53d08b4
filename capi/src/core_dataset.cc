// core_dataset.cc: C ABI datasets: load (file, CSV folder, JSON in memory),
// queries (counts, records by index, totals) and export (JSON, CSV).
#include <string>

#include "absl/strings/str_cat.h"
#include "capi_internal.hpp"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/json.h"
#include "perfbudget/io/load.h"

namespace capi = perfbudget::capi;
using perfbudget::Dataset;
using perfbudget::Date;
using perfbudget::Diagnostics;
using perfbudget::DisbursementTable;
using perfbudget::FundSource;
using perfbudget::Money;
using perfbudget::Project;
using perfbudget::ProjectView;
using perfbudget::UnitView;

namespace {

absl::StatusOr<perfbudget::TextEncoding> InEncoding(int32_t encoding) {
  switch (encoding) {
    case PFB_ENCODING_UTF8:
      return perfbudget::TextEncoding::kUtf8;
    case PFB_ENCODING_GB18030:
      return perfbudget::TextEncoding::kGb18030;
    default:
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              capi::Cat("encoding ", encoding,
                                        " is not a text encoding (expected 0 utf-8, 1 gb18030)"));
  }
}

// Hands a loaded dataset to the caller as a new handle.
absl::Status HandOut(absl::StatusOr<Dataset> loaded, pfb_dataset** out) {
  if (!loaded.ok()) return loaded.status();
  *out = new pfb_dataset{std::move(*loaded)};
  return absl::OkStatus();
}

// Totals over the projects selected by `take_project`, with lines,
// adjustments and disbursements filtered by `take_source`.
struct Totals {
  Money approved;
  Money current;
  Money executed;
};

absl::Status Add(Money* sum, Money amount, std::string_view what) {
  if (!sum->TryAdd(amount)) {
    return capi::MakeStatus(PFB_OUT_OF_RANGE,
                            capi::Cat("the ", what, " total overflows 64-bit fen"));
  }
  return absl::OkStatus();
}

template <typename TakeProject, typename TakeSource>
absl::StatusOr<Totals> Sum(const Dataset& ds, std::optional<Date> as_of, TakeProject take_project,
                           TakeSource take_source) {
  Totals t;
  const auto& projects = ds.projects();
  const DisbursementTable& disbursements = ds.disbursements();
  const std::span<const Date> disb_dates = disbursements.dates();
  const std::span<const Money> disb_amounts = disbursements.amounts();
  const std::span<const FundSource> disb_sources = disbursements.sources();
  for (std::uint32_t p = 0; p < projects.size(); ++p) {
    if (!take_project(p)) continue;
    const ProjectView project = projects[p];
    for (const auto& line : project.funds()) {
      if (!take_source(line.source)) continue;
      PFB_RETURN_IF_ERROR(Add(&t.approved, line.approved, "approved"));
      PFB_RETURN_IF_ERROR(Add(&t.current, line.approved, "current budget"));
    }
    for (const auto adj : project.adjustments()) {
      if (!take_source(adj.source()) || (as_of && adj.date() > *as_of)) continue;
      PFB_RETURN_IF_ERROR(Add(&t.current, adj.amount(), "current budget"));
    }
    for (std::uint32_t d : ds.DisbursementsOf(p)) {
      if (!take_source(disb_sources[d]) || (as_of && disb_dates[d] > *as_of)) continue;
      PFB_RETURN_IF_ERROR(Add(&t.executed, disb_amounts[d], "executed"));
    }
  }
  return t;
}

void Store(const Totals& t, int64_t* approved, int64_t* current, int64_t* executed) {
  if (approved != nullptr) *approved = t.approved.fen();
  if (current != nullptr) *current = t.current.fen();
  if (executed != nullptr) *executed = t.executed.fen();
}

absl::StatusOr<UnitView> UnitAt(const Dataset& ds, uint32_t index) {
  PFB_RETURN_IF_ERROR(capi::CheckIndex(index, ds.units().size(), "unit"));
  return ds.units()[index];
}

absl::StatusOr<ProjectView> ProjectAt(const Dataset& ds, uint32_t index) {
  PFB_RETURN_IF_ERROR(capi::CheckIndex(index, ds.projects().size(), "project"));
  return ds.projects()[index];
}

// Borrowed string field of the row at `index` (unit/project id/name): `at`
// is UnitAt or ProjectAt, `field` the view's getter. The text lives in the
// dataset's arena, NUL-terminated.
template <typename View>
int32_t RecordString(const pfb_dataset* dataset, uint32_t index, const char** out, pfb_error** err,
                     absl::StatusOr<View> (*at)(const Dataset&, uint32_t),
                     std::string_view (View::*field)() const) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(const Dataset* ds, capi::DatasetOf(dataset));
    PFB_ASSIGN_OR_RETURN(const View row, at(*ds, index));
    *out = (row.*field)().data();
    return absl::OkStatus();
  });
}

// The index of the record with id `id` (`what`: "unit" or "project"), found
// by `find` (Dataset::FindUnit or Dataset::FindProject).
int32_t FindRecord(const pfb_dataset* dataset, const char* id, uint32_t* out_index, pfb_error** err,
                   std::string_view what, uint32_t (Dataset::*find)(std::string_view) const) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out_index, "out_index"));
    PFB_ASSIGN_OR_RETURN(const Dataset* ds, capi::DatasetOf(dataset));
    PFB_ASSIGN_OR_RETURN(std::string_view key, capi::InId(id, "id"));
    uint32_t i = (ds->*find)(key);
    if (i == perfbudget::kNoIndex) {
      return capi::MakeStatus(PFB_NOT_FOUND, capi::Cat("no ", what, " with id \"", key, "\""));
    }
    *out_index = i;
    return absl::OkStatus();
  });
}

}  // namespace

extern "C" {

// ---- load and free ----------------------------------------------------------

PFB_API int32_t pfb_dataset_load(const char* path, int32_t encoding, pfb_dataset** out,
                                 pfb_error** err) {
  return capi::Guard(err, [&](Diagnostics& diagnostics) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(std::string_view p, capi::InString(path, "path"));
    perfbudget::CsvLoadOptions options;
    PFB_ASSIGN_OR_RETURN(options.encoding, InEncoding(encoding));
    return HandOut(perfbudget::LoadDataset(std::string(p), options, &diagnostics), out);
  });
}

PFB_API int32_t pfb_dataset_load_with_options(const char* path, const pfb_load_options* options,
                                              pfb_dataset** out, pfb_error** err) {
  return capi::Guard(err, [&](Diagnostics& diagnostics) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(std::string_view p, capi::InString(path, "path"));
    perfbudget::CsvLoadOptions o;
    if (options != nullptr) {
      if (options->version != PFB_LOAD_OPTIONS_VERSION) {
        return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                                capi::Cat("options->version ", options->version,
                                          " is not PFB_LOAD_OPTIONS_VERSION (1)"));
      }
      PFB_ASSIGN_OR_RETURN(o.encoding, InEncoding(options->encoding));
      o.threads = options->threads;
      if (options->max_errors < 1) {
        return capi::MakeStatus(PFB_INVALID_ARGUMENT, "options->max_errors 0 is below 1");
      }
      o.max_errors = options->max_errors;
      if (options->max_file_bytes < 1 || options->max_file_bytes > perfbudget::kMaxInputFileBytes) {
        return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                                capi::Cat("options->max_file_bytes ", options->max_file_bytes,
                                          " is not in 1 .. 4294967296"));
      }
      o.max_file_bytes = options->max_file_bytes;
      if (options->max_depth < 1 || options->max_depth > perfbudget::kMaxJsonDepth) {
        return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                                capi::Cat("options->max_depth ", options->max_depth,
                                          " is not in 1 .. ", perfbudget::kMaxJsonDepth));
      }
      o.max_depth = options->max_depth;
    }
    return HandOut(perfbudget::LoadDataset(std::string(p), o, &diagnostics), out);
  });
}

PFB_API int32_t pfb_dataset_from_json(const char* json, size_t len, const char* file_name,
                                      pfb_dataset** out, pfb_error** err) {
  return capi::Guard(err, [&](Diagnostics& diagnostics) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    if (json == nullptr) return capi::MakeStatus(PFB_INVALID_ARGUMENT, "json is NULL");
    PFB_ASSIGN_OR_RETURN(std::string_view name, capi::InOptionalString(file_name, "file_name"));
    // Invalid UTF-8 is a diagnostic of the loader (with its place), not an
    // argument error: pass the bytes through.
    return HandOut(perfbudget::LoadDatasetJson(std::string_view(json, len), {}, &diagnostics, name),
                   out);
  });
}

PFB_API void pfb_dataset_destroy(pfb_dataset* dataset) { delete dataset; }

// ---- header and counts -------------------------------------------------------

PFB_API int32_t pfb_dataset_fiscal_year(const pfb_dataset* dataset) {
  return dataset == nullptr ? 0 : dataset->dataset.info().fiscal_year;
}

PFB_API int32_t pfb_dataset_fiscal_year_start_month(const pfb_dataset* dataset) {
  return dataset == nullptr ? 0 : dataset->dataset.info().fiscal_year_start_month;
}

PFB_API int32_t pfb_dataset_as_of(const pfb_dataset* dataset) {
  if (dataset == nullptr || !dataset->dataset.info().as_of.has_value()) return 0;
  return capi::DateToInt(*dataset->dataset.info().as_of);
}

PFB_API const char* pfb_dataset_jurisdiction_code(const pfb_dataset* dataset) {
  return dataset == nullptr ? "" : dataset->dataset.info().jurisdiction_code.c_str();
}

PFB_API const char* pfb_dataset_jurisdiction_name(const pfb_dataset* dataset) {
  return dataset == nullptr ? "" : dataset->dataset.info().jurisdiction_name.c_str();
}

PFB_API const char* pfb_dataset_title(const pfb_dataset* dataset) {
  return dataset == nullptr ? "" : dataset->dataset.info().title.c_str();
}

PFB_API uint32_t pfb_dataset_unit_count(const pfb_dataset* dataset) {
  return dataset == nullptr ? 0 : static_cast<uint32_t>(dataset->dataset.units().size());
}

PFB_API uint32_t pfb_dataset_project_count(const pfb_dataset* dataset) {
  return dataset == nullptr ? 0 : static_cast<uint32_t>(dataset->dataset.projects().size());
}

PFB_API uint32_t pfb_dataset_goal_count(const pfb_dataset* dataset) {
  return dataset == nullptr ? 0 : static_cast<uint32_t>(dataset->dataset.goals().size());
}

PFB_API uint32_t pfb_dataset_indicator_count(const pfb_dataset* dataset) {
  if (dataset == nullptr) return 0;
  std::size_t n = 0;
  for (const auto& goal : dataset->dataset.goals()) n += goal.indicators.size();
  return static_cast<uint32_t>(n);
}

PFB_API uint32_t pfb_dataset_disbursement_count(const pfb_dataset* dataset) {
  return dataset == nullptr ? 0 : static_cast<uint32_t>(dataset->dataset.disbursements().size());
}

// ---- records by index ----------------------------------------------------------

PFB_API int32_t pfb_dataset_unit_id(const pfb_dataset* dataset, uint32_t index, const char** out,
                                    pfb_error** err) {
  return RecordString(dataset, index, out, err, UnitAt, &UnitView::id);
}

PFB_API int32_t pfb_dataset_unit_name(const pfb_dataset* dataset, uint32_t index, const char** out,
                                      pfb_error** err) {
  return RecordString(dataset, index, out, err, UnitAt, &UnitView::name);
}

PFB_API int32_t pfb_dataset_project_id(const pfb_dataset* dataset, uint32_t index, const char** out,
                                       pfb_error** err) {
  return RecordString(dataset, index, out, err, ProjectAt, &ProjectView::id);
}

PFB_API int32_t pfb_dataset_project_name(const pfb_dataset* dataset, uint32_t index,
                                         const char** out, pfb_error** err) {
  return RecordString(dataset, index, out, err, ProjectAt, &ProjectView::name);
}

PFB_API int32_t pfb_dataset_project_unit(const pfb_dataset* dataset, uint32_t index,
                                         uint32_t* out_unit_index, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out_unit_index, "out_unit_index"));
    PFB_ASSIGN_OR_RETURN(const Dataset* ds, capi::DatasetOf(dataset));
    PFB_ASSIGN_OR_RETURN(const ProjectView p, ProjectAt(*ds, index));
    *out_unit_index = p.unit_index();
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_dataset_find_unit(const pfb_dataset* dataset, const char* id,
                                      uint32_t* out_index, pfb_error** err) {
  return FindRecord(dataset, id, out_index, err, "unit", &Dataset::FindUnit);
}

PFB_API int32_t pfb_dataset_find_project(const pfb_dataset* dataset, const char* id,
                                         uint32_t* out_index, pfb_error** err) {
  return FindRecord(dataset, id, out_index, err, "project", &Dataset::FindProject);
}

// ---- totals ----------------------------------------------------------------------

PFB_API int32_t pfb_dataset_totals(const pfb_dataset* dataset, int32_t as_of, int64_t* out_approved,
                                   int64_t* out_current, int64_t* out_executed, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    capi::ZeroOptionalOut(out_approved);
    capi::ZeroOptionalOut(out_current);
    capi::ZeroOptionalOut(out_executed);
    PFB_ASSIGN_OR_RETURN(const Dataset* ds, capi::DatasetOf(dataset));
    PFB_ASSIGN_OR_RETURN(std::optional<Date> date, capi::InOptionalDate(as_of, "as_of"));
    PFB_ASSIGN_OR_RETURN(
        Totals t, Sum(
                      *ds, date, [](uint32_t) { return true; }, [](FundSource) { return true; }));
    Store(t, out_approved, out_current, out_executed);
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_dataset_unit_totals(const pfb_dataset* dataset, uint32_t unit_index,
                                        int32_t as_of, int64_t* out_approved, int64_t* out_current,
                                        int64_t* out_executed, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    capi::ZeroOptionalOut(out_approved);
    capi::ZeroOptionalOut(out_current);
    capi::ZeroOptionalOut(out_executed);
    PFB_ASSIGN_OR_RETURN(const Dataset* ds, capi::DatasetOf(dataset));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(unit_index, ds->units().size(), "unit"));
    PFB_ASSIGN_OR_RETURN(std::optional<Date> date, capi::InOptionalDate(as_of, "as_of"));
    const auto& projects = ds->projects();
    PFB_ASSIGN_OR_RETURN(
        Totals t, Sum(
                      *ds, date, [&](uint32_t p) { return projects[p].unit_index() == unit_index; },
                      [](FundSource) { return true; }));
    Store(t, out_approved, out_current, out_executed);
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_dataset_fund_source_totals(const pfb_dataset* dataset, int32_t source,
                                               int32_t as_of, int64_t* out_approved,
                                               int64_t* out_current, int64_t* out_executed,
                                               pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    capi::ZeroOptionalOut(out_approved);
    capi::ZeroOptionalOut(out_current);
    capi::ZeroOptionalOut(out_executed);
    PFB_ASSIGN_OR_RETURN(const Dataset* ds, capi::DatasetOf(dataset));
    PFB_ASSIGN_OR_RETURN(FundSource fs, capi::InEnum<FundSource>(source, "source", "fund source"));
    PFB_ASSIGN_OR_RETURN(std::optional<Date> date, capi::InOptionalDate(as_of, "as_of"));
    PFB_ASSIGN_OR_RETURN(Totals t, Sum(
                                       *ds, date, [](uint32_t) { return true; },
                                       [fs](FundSource s) { return s == fs; }));
    Store(t, out_approved, out_current, out_executed);
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_dataset_project_totals(const pfb_dataset* dataset, uint32_t project_index,
                                           int32_t as_of, int64_t* out_approved,
                                           int64_t* out_current, int64_t* out_executed,
                                           pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    capi::ZeroOptionalOut(out_approved);
    capi::ZeroOptionalOut(out_current);
    capi::ZeroOptionalOut(out_executed);
    PFB_ASSIGN_OR_RETURN(const Dataset* ds, capi::DatasetOf(dataset));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(project_index, ds->projects().size(), "project"));
    PFB_ASSIGN_OR_RETURN(std::optional<Date> date, capi::InOptionalDate(as_of, "as_of"));
    PFB_ASSIGN_OR_RETURN(Totals t, Sum(
                                       *ds, date, [&](uint32_t p) { return p == project_index; },
                                       [](FundSource) { return true; }));
    Store(t, out_approved, out_current, out_executed);
    return absl::OkStatus();
  });
}

// ---- export -----------------------------------------------------------------------

PFB_API int32_t pfb_dataset_to_json(const pfb_dataset* dataset, uint32_t flags, char** out,
                                    size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    capi::ZeroOptionalOut(out_len);  // first: zeroed even when `out` is NULL
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(const Dataset* ds, capi::DatasetOf(dataset));
    PFB_RETURN_IF_ERROR(capi::CheckFlags(flags, PFB_JSON_COMPACT, "flags"));
    perfbudget::JsonWriteOptions options;
    options.pretty = (flags & PFB_JSON_COMPACT) == 0;
    return capi::CopyOut(perfbudget::DatasetToJson(*ds, options), out, out_len);
  });
}

PFB_API int32_t pfb_dataset_write_csv(const pfb_dataset* dataset, const char* dir, int32_t encoding,
                                      uint32_t flags, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_ASSIGN_OR_RETURN(const Dataset* ds, capi::DatasetOf(dataset));
    PFB_ASSIGN_OR_RETURN(std::string_view d, capi::InString(dir, "dir"));
    PFB_RETURN_IF_ERROR(capi::CheckFlags(flags, PFB_CSV_BOM, "flags"));
    perfbudget::CsvWriteOptions options;
    PFB_ASSIGN_OR_RETURN(options.encoding, InEncoding(encoding));
    options.bom = (flags & PFB_CSV_BOM) != 0;
    return perfbudget::WriteDatasetCsv(*ds, std::string(d), options);
  });
}

}  // extern "C"
