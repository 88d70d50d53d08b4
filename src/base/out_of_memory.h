// out_of_memory.h: std::bad_alloc at the C++ API's boundary.
//
// Every public function that returns absl::Status / absl::StatusOr reports
// running out of memory as absl::ResourceExhaustedError instead of letting
// std::bad_alloc escape (docs/design.md, "Out of memory"): its definition is
// a function-try-block ending in
//   catch (const std::bad_alloc&) { return OutOfMemory("loading a dataset"); }
// The C ABI maps ResourceExhausted to PFB_NO_MEMORY. Functions that return a
// plain value (DatasetToJson, the writers of text) still throw std::bad_alloc.
#ifndef PERFBUDGET_SRC_BASE_OUT_OF_MEMORY_H_
#define PERFBUDGET_SRC_BASE_OUT_OF_MEMORY_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace perfbudget {

// ResourceExhausted "out of memory while <what>"; never throws (when even
// the message cannot be allocated, the status has none).
inline absl::Status OutOfMemory(std::string_view what) noexcept {
  try {
    return absl::ResourceExhaustedError(
        absl::StrCat("out of memory while ", absl::string_view(what.data(), what.size())));
  } catch (...) {
    return absl::Status(absl::StatusCode::kResourceExhausted, "");
  }
}

}  // namespace perfbudget

#endif  // PERFBUDGET_SRC_BASE_OUT_OF_MEMORY_H_
