// json.h: the JSON form of a dataset (docs/format.md, docs/dataset.schema.json).
//
// One document per dataset: {"format": "perfbudget-dataset", "version": 1, ...}.
// Amounts are strings with an optional unit ("2400万元", "1234.56") or JSON
// numbers read exactly from their text, never through a double. Parsing uses
// simdjson.
#ifndef PERFBUDGET_IO_JSON_H_
#define PERFBUDGET_IO_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "perfbudget/io/diagnostic.h"
#include "perfbudget/io/file.h"
#include "perfbudget/model/dataset.h"

namespace perfbudget {

// The limits of a load (docs/format.md, "Limits"): input beyond one is
// refused with a located diagnostic, before it can exhaust memory or stack.
inline constexpr std::uint64_t kDefaultMaxFileBytes = kMaxInputFileBytes;  // 4 GiB
inline constexpr int kDefaultMaxJsonDepth = 64;
// The most a max_depth may be set to (a larger value is taken as this): the
// parsers' own limit, and what keeps the syntax checker's recursion shallow.
inline constexpr int kMaxJsonDepth = 1024;
// The depth simdjson's parser is sized for: well above kMaxJsonDepth, so a
// document too deep reaches perfbudget's own check (a located diagnostic)
// rather than simdjson's development-check assertion, which unoptimised
// builds (the asan preset) compile in. Release builds have no such check.
inline constexpr int kJsonParserDepth = 4 * kMaxJsonDepth;

struct LoadOptions {
  std::size_t max_errors = 100;  // diagnostics kept; later ones are counted
  // The largest document (a file, or text handed to LoadDatasetJson), in
  // bytes; at most 4 GiB (diagnostics place by 32-bit offsets).
  std::uint64_t max_file_bytes = kDefaultMaxFileBytes;
  // The deepest nesting of arrays and objects (a dataset needs 7 levels);
  // 1..kMaxJsonDepth (values outside are taken as the nearest).
  int max_depth = kDefaultMaxJsonDepth;
  // The most threads the load uses: 0 = one per core (at least 1). Results
  // are the same for any count. A JSON document is read on the calling
  // thread today (docs/format.md, "Threads"); the field is here so callers
  // need not change when that changes.
  unsigned threads = 0;
};

// Loads a dataset from JSON text. `file_name` is used in diagnostics only.
// All-or-nothing: on any problem returns InvalidArgument and every problem
// found is in `*diagnostics` (may be null).
absl::StatusOr<Dataset> LoadDatasetJson(std::string_view text, const LoadOptions& options = {},
                                        Diagnostics* diagnostics = nullptr,
                                        std::string_view file_name = "");
// Loads a dataset from a JSON file; as LoadDatasetJson otherwise. A regular
// file of 1 MiB or more is memory-mapped (its parsed pages handed back as
// reading goes, which keeps peak memory under twice the file's size): if
// another process truncates the file while it loads, the process gets
// SIGBUS, as with any mmap-based reader. A caller that cannot rule that out
// reads the file itself and calls LoadDatasetJson.
absl::StatusOr<Dataset> LoadDatasetJsonFile(const std::string& path,
                                            const LoadOptions& options = {},
                                            Diagnostics* diagnostics = nullptr);

struct JsonWriteOptions {
  bool pretty = true;  // two-space indentation, one record a line group
};

// The dataset as JSON text, deterministic (same dataset → same bytes).
// Amounts are written as yuan strings with two decimals ("1234.56").
std::string DatasetToJson(const Dataset& dataset, const JsonWriteOptions& options = {});

}  // namespace perfbudget

#endif  // PERFBUDGET_IO_JSON_H_
