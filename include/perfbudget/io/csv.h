// csv.h: the CSV form of a dataset, a folder of tables (docs/format.md).
//
// Tables: dataset.csv, units.csv, projects.csv, funds.csv, adjustments.csv,
// payment_plan.csv, goals.csv, indicators.csv, actuals.csv, disbursements.csv,
// ex_ante.csv, evaluations.csv, rectifications.csv. Header rows name columns;
// the national integrated budget system's column names are accepted as
// aliases (pro_code, pro_name, agency_code, kpi_lv1, kpi_val, ...).
// RFC 4180 quoting; UTF-8 with or without BOM, or GB18030/GBK by option.
#ifndef PERFBUDGET_IO_CSV_H_
#define PERFBUDGET_IO_CSV_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "perfbudget/io/diagnostic.h"
#include "perfbudget/io/json.h"
#include "perfbudget/model/dataset.h"

namespace perfbudget {

enum class TextEncoding : std::uint8_t {
  kUtf8 = 0,     // with or without BOM
  kGb18030 = 1,  // also reads GBK / GB2312 (what Excel writes on Chinese Windows)
};

struct CsvLoadOptions {
  std::size_t max_errors = 100;
  TextEncoding encoding = TextEncoding::kUtf8;
  // The largest table file, in bytes (each table; docs/format.md, "Limits").
  // LoadDataset also applies it, and max_depth, to a JSON dataset.
  std::uint64_t max_file_bytes = kDefaultMaxFileBytes;
  int max_depth = kDefaultMaxJsonDepth;
  // The most threads the load uses: 0 = one per core
  // (std::thread::hardware_concurrency(), at least 1). The tables are read
  // in parallel and a large table in chunks; the dataset and the
  // diagnostics are the same for any count (docs/format.md, "Threads").
  // LoadDataset passes it on to a JSON load.
  unsigned threads = 0;
  // About how many bytes of a table each chunk holds (a chunk ends only
  // between records); helper threads are started only when the tables
  // together hold at least this much. 0 = the default, 1 MiB. The dataset
  // and the diagnostics do not depend on it: it trades the records held in
  // memory at once against the fixed cost of each chunk (docs/format.md,
  // "Threads").
  std::size_t chunk_bytes = 0;
};

// Loads the CSV tables in folder `dir`. All-or-nothing, every problem in
// `*diagnostics` with file, line and column.
absl::StatusOr<Dataset> LoadDatasetCsv(const std::string& dir, const CsvLoadOptions& options = {},
                                       Diagnostics* diagnostics = nullptr);

struct CsvWriteOptions {
  TextEncoding encoding = TextEncoding::kUtf8;
  bool bom = false;  // write a UTF-8 BOM (helps Excel)
};

// Writes every table into `dir` (created if missing). Nothing half-written:
// the tables are written to a temporary folder beside `dir` and moved into
// place only when all succeeded. Errors: Internal / PermissionDenied with
// the path.
absl::Status WriteDatasetCsv(const Dataset& dataset, const std::string& dir,
                             const CsvWriteOptions& options = {});

}  // namespace perfbudget

#endif  // PERFBUDGET_IO_CSV_H_
