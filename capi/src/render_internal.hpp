// render_internal.hpp: the shared part of the result-export functions of the
// C ABI (pfb_render.h): reading a pfb_render_options and handing out the
// rendered text. Each pfb_<result>_render lives beside its handle
// (review.cc, monitor.cc); pfb_dataset_summary_render in render.cc.
#ifndef PERFBUDGET_CAPI_SRC_RENDER_INTERNAL_HPP_
#define PERFBUDGET_CAPI_SRC_RENDER_INTERNAL_HPP_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "perfbudget/pfb_render.h"
#include "perfbudget/render/common.h"

namespace perfbudget::capi {

// What a pfb_render_options asks for (NULL: the defaults), checked:
// PFB_INVALID_ARGUMENT naming the field for an unknown version, format,
// lang, unit or rows value, or an unknown flag bit. *flags (may be null)
// receives the flags.
absl::StatusOr<render::RenderOptions> ReadRenderOptions(const pfb_render_options* options,
                                                        std::uint32_t* flags = nullptr);

// The common start of every pfb_*_render body: zeroes the out-parameters
// (out_len first, so it is 0 even when `out` is NULL) and requires `out`.
absl::Status ZeroRenderOut(char** out, std::size_t* out_len);

}  // namespace perfbudget::capi

#endif  // PERFBUDGET_CAPI_SRC_RENDER_INTERNAL_HPP_
