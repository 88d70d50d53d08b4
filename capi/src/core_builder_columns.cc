// core_builder_columns.cc: the C ABI's bulk builder calls, one call per table
// with its columns as arrays (pfb_builder_add_disbursement_columns), for
// DataFrames and database cursors with millions of rows.
//
// Rows are placed by compact locators (no place strings per row), turned
// into "<source>: <table>[i]" only when a diagnostic needs them.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "capi_internal.hpp"
#include "io/text_encoding.h"
#include "perfbudget/pfb_core.h"

namespace capi = perfbudget::capi;

namespace {

constexpr int kRowBits = 40;  // a call's rows: below 2^40

absl::Status CheckUsable(const pfb_builder* b) {
  PFB_RETURN_IF_ERROR(capi::RequireHandle(b, "builder"));
  if (b->used_up) {
    return capi::MakeStatus(PFB_FAILED_PRECONDITION, "builder was already built; create a new one");
  }
  return absl::OkStatus();
}

// The shape of a text column: offsets ascending, within `size`.
absl::Status CheckTextColumn(const pfb_text_column& c, std::uint64_t count, std::string_view name,
                             bool required) {
  if (c.offsets == nullptr) {
    if (!required) return absl::OkStatus();
    return capi::MakeStatus(PFB_INVALID_ARGUMENT, capi::Cat(name, ".offsets is NULL (required)"));
  }
  if (c.data == nullptr && c.size != 0) {
    return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                            capi::Cat(name, ".data is NULL but its size is ", c.size));
  }
  if (c.codes != nullptr) {
    for (std::uint64_t i = 0; i < count; ++i) {
      if (c.codes[i] >= c.dictionary_count) {
        return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                                capi::Cat(name, ".codes[", i, "] = ", c.codes[i],
                                          " is not below dictionary_count ", c.dictionary_count));
      }
    }
    count = c.dictionary_count;  // the offsets describe the dictionary's entries
  }
  for (std::uint64_t i = 0; i < count; ++i) {
    if (c.offsets[i] > c.offsets[i + 1]) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              capi::Cat(name, ".offsets[", i + 1, "] = ", c.offsets[i + 1],
                                        " is below offsets[", i, "] = ", c.offsets[i],
                                        " (expected ascending offsets)"));
    }
  }
  if (c.offsets[count] > c.size) {
    return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                            capi::Cat(name, ".offsets[", count, "] = ", c.offsets[count],
                                      " is past the end of data (size ", c.size, ")"));
  }
  return absl::OkStatus();
}

std::string_view TextAt(const pfb_text_column& c, std::uint64_t i) {
  if (c.offsets == nullptr || c.data == nullptr) return {};
  if (c.codes != nullptr) i = c.codes[i];
  return std::string_view(c.data + c.offsets[i], c.offsets[i + 1] - c.offsets[i]);
}

// Installs, once, the resolver that turns a bulk row's locator into its place.
void EnsureResolver(pfb_builder* b) {
  if (!b->column_calls.empty()) return;
  const auto* calls = &b->column_calls;  // the pfb_builder outlives its DatasetBuilder's use
  b->builder.SetOriginResolver([calls](std::uint64_t locator) {
    perfbudget::Origin o;
    const std::uint64_t call = (locator >> kRowBits) - 1;
    const std::uint64_t row = locator & ((std::uint64_t{1} << kRowBits) - 1);
    if (call >= calls->size()) return o;
    o.file = (*calls)[call].first;
    o.path = capi::Cat((*calls)[call].second, "[", row, "]");
    return o;
  });
}

// A rejected row: recorded in the builder (so that build fails), placed.
void RejectRow(pfb_builder* b, std::string_view table, std::uint64_t row, std::string_view field,
               std::string_view message) {
  perfbudget::Diagnostic d;
  d.kind = perfbudget::DiagnosticKind::kValue;
  d.where.file = b->origin.file;
  d.where.path = capi::Cat(table, "[", row, "]");
  d.field = std::string(field);
  d.message = capi::Cat(table, " row rejected: ", message);
  b->builder.AddDiagnostic(std::move(d));
  ++b->row_errors;
}

}  // namespace

extern "C" PFB_API int32_t pfb_builder_add_disbursement_columns(
    pfb_builder* builder, const pfb_disbursement_columns* columns, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(CheckUsable(builder));
    if (columns == nullptr) return capi::MakeStatus(PFB_INVALID_ARGUMENT, "columns is NULL");
    const pfb_disbursement_columns& c = *columns;
    if (c.version == 0 || c.version > PFB_DISBURSEMENT_COLUMNS_VERSION) {
      return capi::MakeStatus(
          PFB_INVALID_ARGUMENT,
          capi::Cat("columns->version is ", c.version, "; this library knows versions 1 to ",
                    PFB_DISBURSEMENT_COLUMNS_VERSION, " (use PFB_DISBURSEMENT_COLUMNS_INIT)"));
    }
    if (c.count >= (std::uint64_t{1} << kRowBits)) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              capi::Cat("columns->count ", c.count, " is too large (below 2^40)"));
    }
    if (c.count == 0) return absl::OkStatus();
    PFB_RETURN_IF_ERROR(CheckTextColumn(c.id, c.count, "id", /*required=*/false));
    PFB_RETURN_IF_ERROR(CheckTextColumn(c.project_id, c.count, "project_id", /*required=*/true));
    if (c.date == nullptr || c.source == nullptr || c.amount_fen == nullptr) {
      return capi::MakeStatus(
          PFB_INVALID_ARGUMENT,
          capi::Cat(c.date == nullptr ? "date" : c.source == nullptr ? "source" : "amount_fen",
                    " is NULL (required)"));
    }
    EnsureResolver(builder);
    builder->column_calls.emplace_back(builder->origin.file, "disbursements");
    const std::uint64_t call = builder->column_calls.size();
    const std::uint32_t errors_before = builder->row_errors;
    constexpr std::string_view kTable = "disbursements";
    for (std::uint64_t i = 0; i < c.count; ++i) {
      const std::string_view id = TextAt(c.id, i);
      const std::string_view project = TextAt(c.project_id, i);
      if (!perfbudget::IsValidUtf8(id) || !perfbudget::IsValidUtf8(project)) {
        RejectRow(builder, kTable, i, perfbudget::IsValidUtf8(id) ? "project_id" : "id",
                  "not valid UTF-8");
        continue;
      }
      absl::StatusOr<perfbudget::Date> date = capi::InDate(c.date[i], "date");
      if (!date.ok()) {
        RejectRow(builder, kTable, i, "date", capi::Std(date.status().message()));
        continue;
      }
      absl::StatusOr<perfbudget::FundSource> source =
          capi::InEnum<perfbudget::FundSource>(c.source[i], "source", "fund source");
      if (!source.ok()) {
        RejectRow(builder, kTable, i, "source", capi::Std(source.status().message()));
        continue;
      }
      perfbudget::Disbursement d;
      d.id = std::string(id);
      d.project_id = std::string(project);
      d.date = *date;
      d.source = *source;
      d.amount = perfbudget::Money::FromFen(c.amount_fen[i]);
      builder->builder.AddDisbursement(std::move(d),
                                       perfbudget::Origin::Locator((call << kRowBits) | i));
    }
    const std::uint32_t rejected = builder->row_errors - errors_before;
    if (rejected > 0) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              capi::Cat(rejected, " of ", c.count,
                                        " disbursement rows rejected (each recorded in the "
                                        "builder; pfb_builder_build reports them all)"));
    }
    return absl::OkStatus();
  });
}
