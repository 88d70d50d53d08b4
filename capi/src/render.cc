// render.cc: result export of the C ABI (pfb_render.h): the options every
// pfb_*_render reads, and pfb_dataset_summary_render (the other results are
// rendered beside their handles, in review.cc and monitor.cc).
#include "capi_internal.hpp"
#include "perfbudget/pfb_render.h"
#include "perfbudget/render/summary.h"
#include "perfbudget/report/summary.h"
#include "render_internal.hpp"

namespace perfbudget::capi {

absl::StatusOr<render::RenderOptions> ReadRenderOptions(const pfb_render_options* options,
                                                        std::uint32_t* flags) {
  render::RenderOptions out;
  if (flags != nullptr) *flags = 0;
  if (options == nullptr) return out;
  if (options->version == 0 || options->version > PFB_RENDER_OPTIONS_VERSION) {
    return MakeStatus(
        PFB_INVALID_ARGUMENT,
        Cat("options->version is ", options->version, "; this library knows versions 1 to ",
            PFB_RENDER_OPTIONS_VERSION, " (use PFB_RENDER_OPTIONS_INIT)"));
  }
  switch (options->format) {
    case PFB_FORMAT_JSON:
      out.format = render::Format::kJson;
      break;
    case PFB_FORMAT_CSV:
      out.format = render::Format::kCsv;
      break;
    case PFB_FORMAT_TEXT:
      out.format = render::Format::kText;
      break;
    default:
      return MakeStatus(PFB_INVALID_ARGUMENT,
                        Cat("options->format is ", options->format,
                            "; expected 0 (PFB_FORMAT_JSON), 1 (PFB_FORMAT_CSV) or 2 "
                            "(PFB_FORMAT_TEXT)"));
  }
  switch (options->lang) {
    case PFB_LANG_ZH:
      out.lang = render::Language::kZh;
      break;
    case PFB_LANG_EN:
      out.lang = render::Language::kEn;
      break;
    default:
      return MakeStatus(PFB_INVALID_ARGUMENT, Cat("options->lang is ", options->lang,
                                                  "; expected 0 (PFB_LANG_ZH) or 1 (PFB_LANG_EN)"));
  }
  switch (options->unit) {
    case PFB_UNIT_YUAN:
      out.unit = MoneyUnit::kYuan;
      break;
    case PFB_UNIT_WAN_YUAN:
      out.unit = MoneyUnit::kWanYuan;
      break;
    case PFB_UNIT_YI_YUAN:
      out.unit = MoneyUnit::kYiYuan;
      break;
    default:
      return MakeStatus(PFB_INVALID_ARGUMENT,
                        Cat("options->unit is ", options->unit,
                            "; expected 0 (PFB_UNIT_YUAN), 1 (PFB_UNIT_WAN_YUAN) or 2 "
                            "(PFB_UNIT_YI_YUAN)"));
  }
  switch (options->rows) {
    case PFB_RENDER_ROWS_ALL:
      out.rows = render::RowFilter::kAll;
      break;
    case PFB_ROW_PROJECT:
      out.rows = render::RowFilter::kProjects;
      break;
    case PFB_ROW_UNIT:
      out.rows = render::RowFilter::kUnits;
      break;
    case PFB_ROW_FUND_SOURCE:
      out.rows = render::RowFilter::kFundSources;
      break;
    default:
      return MakeStatus(PFB_INVALID_ARGUMENT,
                        Cat("options->rows is ", options->rows,
                            "; expected -1 (PFB_RENDER_ROWS_ALL), 0 (PFB_ROW_PROJECT), 1 "
                            "(PFB_ROW_UNIT) or 2 (PFB_ROW_FUND_SOURCE)"));
  }
  PFB_RETURN_IF_ERROR(
      CheckFlags(options->flags, PFB_RENDER_ALL_GOALS | PFB_RENDER_NO_CURVE, "options->flags"));
  out.all_goals = (options->flags & PFB_RENDER_ALL_GOALS) != 0;
  if (flags != nullptr) *flags = options->flags;
  return out;
}

absl::Status ZeroRenderOut(char** out, std::size_t* out_len) {
  ZeroOptionalOut(out_len);
  return ZeroOut(out, "out");
}

}  // namespace perfbudget::capi

namespace capi = perfbudget::capi;

extern "C" PFB_API int32_t pfb_dataset_summary_render(const pfb_dataset* dataset, int32_t as_of,
                                                      const pfb_render_options* options, char** out,
                                                      size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroRenderOut(out, out_len));
    PFB_ASSIGN_OR_RETURN(const perfbudget::Dataset* ds, capi::DatasetOf(dataset));
    PFB_ASSIGN_OR_RETURN(std::optional<perfbudget::Date> date,
                         capi::InOptionalDate(as_of, "as_of"));
    PFB_ASSIGN_OR_RETURN(perfbudget::render::RenderOptions o, capi::ReadRenderOptions(options));
    PFB_ASSIGN_OR_RETURN(perfbudget::DatasetSummary summary, perfbudget::Summarize(*ds, date));
    PFB_ASSIGN_OR_RETURN(std::string text, perfbudget::render::RenderSummary(*ds, summary, o));
    return capi::CopyOut(text, out, out_len);
  });
}
