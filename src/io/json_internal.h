// json_internal.h: pieces the JSON reader and writer share (not installed).
//
// The indicator target shorthand ("≥50个", "[90, 100]") is resolved in one
// place so that the writer can check that what it writes reads back to the
// same indicator, and ratios are parsed and printed by one pair of functions
// so that every written ratio round-trips exactly.
#ifndef PERFBUDGET_SRC_IO_JSON_INTERNAL_H_
#define PERFBUDGET_SRC_IO_JSON_INTERNAL_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "perfbudget/io/json.h"
#include "perfbudget/model/entities.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget::json_internal {

// An exact ratio as written in data: a plain decimal ("95.5", "1,234",
// full-width digits) or an exact fraction "a/b" of two integers ("1/3").
// No exponent. Errors: InvalidArgument saying what was wrong.
absl::StatusOr<Ratio> ParseRatioText(std::string_view text);

// The text the writer uses for a ratio: the shortest exact decimal when the
// denominator is 2^a·5^b, else the exact fraction "a/b". Always reads back
// through ParseRatioText to the same value.
std::string FormatRatio(const Ratio& r);

// The target-related fields of an indicator as found in the input (text as
// written; a number's raw text too); absent fields are empty.
struct TargetInput {
  std::optional<Comparator> comparator;
  std::optional<std::string> target;
  std::optional<std::string> target_high;
  std::optional<std::string> unit_of_measure;
  std::optional<std::string> target_text;  // explicit `target_text`
};

// Fills comparator, target_text, target, target_high and unit_of_measure of
// `out` from `in` (docs/format.md, "Indicator target shorthand"):
//  - without `target_text`: ResolveIndicatorTarget (model/target_text.h, the
//    rules the CSV form shares): "≥50个" → ge, 50, 个; "[90, 100]" a range;
//    explicit fields win; unreadable text is kept as text.
//  - with `target_text`: that is the text, and `target` / `target_high` are
//    plain numbers (or fractions "1/3") read as is: the exact form the
//    writer uses when the text does not read back to the indicator's numbers.
// InvalidArgument when a number that must be one is not.
absl::Status ResolveTarget(const TargetInput& in, Indicator* out);

// How LoadDatasetJsonFile holds a file's text while it parses it: `text` is
// the file's bytes, `capacity` how many bytes are readable from text.data()
// (the parser reads up to SIMDJSON_PADDING past the end), `mapped` whether
// the text lies in a mapping of the file (else in memory it was read into).
struct JsonFileText {
  std::string_view text;
  std::size_t capacity = 0;
  bool mapped = false;
};
using JsonFileObserver = std::function<void(const JsonFileText&)>;

// LoadDatasetJsonFile, calling `observe` (when set) once the text is held and
// before it is parsed. A test seam: json_mapped_file_test.cc checks against
// /proc/self/maps that large files are really mapped, padding included.
absl::StatusOr<Dataset> LoadDatasetJsonFileObserved(const std::string& path,
                                                    const LoadOptions& options,
                                                    Diagnostics* diagnostics,
                                                    const JsonFileObserver& observe);

}  // namespace perfbudget::json_internal

#endif  // PERFBUDGET_SRC_IO_JSON_INTERNAL_H_
