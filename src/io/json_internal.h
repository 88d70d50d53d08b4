// json_internal.h: pieces the JSON reader and writer share (not installed).
//
// The indicator target shorthand ("≥50个", "[90, 100]") is resolved in one
// place so that the writer can check that what it writes reads back to the
// same indicator. Ratios are read and written by the ratio codec
// (codec/ratio.h: DecodeRatio, EncodeRatio), so every written ratio
// round-trips exactly.
#ifndef PERFBUDGET_SRC_IO_JSON_INTERNAL_H_
#define PERFBUDGET_SRC_IO_JSON_INTERNAL_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "codec/codec_error.h"
#include "perfbudget/io/json.h"
#include "perfbudget/model/entities.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget::json_internal {

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
//    plain numbers (or fractions "1/3": codec/ratio.h) read as is: the exact form the
//    writer uses when the text does not read back to the indicator's numbers.
// InvalidArgument when a number that must be one is not.
// `*failure` (when not null) says why, as the ratio codec does.
absl::Status ResolveTarget(const TargetInput& in, Indicator* out,
                           codec::CodecFailure* failure = nullptr);

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

// While a mapped file is read, the pages parsed are handed back in steps of
// about this many bytes (and 1 MiB behind the reading).
inline constexpr std::size_t kDefaultReleaseStep = std::size_t{16} << 20;

// LoadDatasetJsonFile, calling `observe` (when set) once the text is held and
// before it is parsed, and handing back a mapped file's pages in steps of
// `release_step` bytes. A test seam: json_mapped_file_test.cc checks against
// /proc/self/maps that large files are really mapped, padding included, and
// reads a few MB in small steps where the default step would need 20 MB
// (slow under the sanitizers).
absl::StatusOr<Dataset> LoadDatasetJsonFileObserved(const std::string& path,
                                                    const LoadOptions& options,
                                                    Diagnostics* diagnostics,
                                                    const JsonFileObserver& observe,
                                                    std::size_t release_step = kDefaultReleaseStep);

}  // namespace perfbudget::json_internal

#endif  // PERFBUDGET_SRC_IO_JSON_INTERNAL_H_
