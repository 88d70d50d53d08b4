// dispatch.h: the one body of every Render* function — check the options,
// render in the format they name, report running out of memory as
// ResourceExhausted (docs/design.md, "Out of memory").
#ifndef PERFBUDGET_SRC_RENDER_DISPATCH_H_
#define PERFBUDGET_SRC_RENDER_DISPATCH_H_

#include <new>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "base/out_of_memory.h"
#include "perfbudget/render/common.h"

namespace perfbudget::render {

// `json`, `csv` and `text` are callables returning the rendered std::string;
// `what` names the work for the out-of-memory message ("rendering …").
template <typename Json, typename Csv, typename Text>
absl::StatusOr<std::string> Dispatch(const RenderOptions& options, std::string_view what,
                                     const Json& json, const Csv& csv, const Text& text) try {
  if (absl::Status s = CheckOptions(options); !s.ok()) return s;
  switch (options.format) {
    case Format::kJson:
      return json();
    case Format::kCsv:
      return csv();
    case Format::kText:
      return text();
  }
  return absl::InvalidArgumentError("render options: unknown format");
} catch (const std::bad_alloc&) {
  return OutOfMemory(what);
}

}  // namespace perfbudget::render

#endif  // PERFBUDGET_SRC_RENDER_DISPATCH_H_
