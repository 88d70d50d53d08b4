// load.cc: LoadDataset, a .json file or a folder of CSV tables (the file
// helpers are in file.cc).
#include "perfbudget/io/load.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"

namespace perfbudget {
namespace {

absl::Status StatError(int err, const std::string& path) {
  const std::string message =
      absl::StrCat("cannot load the dataset \"", path, "\": ", std::strerror(err));
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return absl::NotFoundError(message);
    case EACCES:
    case EPERM:
      return absl::PermissionDeniedError(message);
    default:
      return absl::InternalError(message);
  }
}

}  // namespace

absl::StatusOr<Dataset> LoadDataset(const std::string& path, const CsvLoadOptions& options,
                                    Diagnostics* diagnostics) try {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    absl::Status status = StatError(errno, path);
    if (diagnostics != nullptr) {
      Diagnostic d;
      d.kind = DiagnosticKind::kIo;
      d.where.file = path;
      d.expected = "a .json file or a folder of CSV tables";
      d.message = std::string(status.message());
      diagnostics->Add(std::move(d));
    }
    return status;
  }
  LoadOptions json_options;
  json_options.max_errors = options.max_errors;
  json_options.max_file_bytes = options.max_file_bytes;
  json_options.max_depth = options.max_depth;
  json_options.threads = options.threads;
  if (S_ISDIR(st.st_mode)) {
    const std::string json = absl::StrCat(path, path.ends_with('/') ? "" : "/", "dataset.json");
    struct stat js;
    if (::stat(json.c_str(), &js) == 0 && !S_ISDIR(js.st_mode)) {
      return LoadDatasetJsonFile(json, json_options, diagnostics);
    }
    return LoadDatasetCsv(path, options, diagnostics);
  }
  return LoadDatasetJsonFile(path, json_options, diagnostics);
} catch (const std::bad_alloc&) {
  return OutOfMemory("loading a dataset");
}

}  // namespace perfbudget
