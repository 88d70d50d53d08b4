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

// Writes `content` to `path` atomically (temporary file + rename).
absl::Status WriteFileAtomically(const std::string& path, std::string_view content);
struct ReadFileOptions {
  // Refuse pipes as well as devices: the file is opened without blocking, so
  // a FIFO nobody writes to is refused at once rather than waited on. For
  // inputs that must be files, such as the tables of a CSV folder.
  bool regular_files_only = false;
};
// Reads a whole file: a regular file or (unless options say otherwise) a
// pipe; a device such as /dev/zero is refused, and so is anything over
// 4 GiB. Errors: NotFound / PermissionDenied / FailedPrecondition /
// ResourceExhausted / Internal, naming the path.
absl::StatusOr<std::string> ReadFile(const std::string& path, const ReadFileOptions& options = {});

}  // namespace perfbudget

#endif  // PERFBUDGET_IO_LOAD_H_
