// load.h: load a dataset from a path, whatever its form: a .json file or a
// folder of CSV tables.
#ifndef PERFBUDGET_IO_LOAD_H_
#define PERFBUDGET_IO_LOAD_H_

#include <string>

#include "absl/status/statusor.h"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/json.h"

namespace perfbudget {

// A folder → CSV; a file → JSON. A folder holding `dataset.json` loads that.
absl::StatusOr<Dataset> LoadDataset(const std::string& path, const CsvLoadOptions& options = {},
                                    Diagnostics* diagnostics = nullptr);

}  // namespace perfbudget

#endif  // PERFBUDGET_IO_LOAD_H_
