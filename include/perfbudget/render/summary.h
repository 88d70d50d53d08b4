// summary.h: the dataset summary (report/summary.h, `perfbudget summary`) as
// JSON, CSV and text.
//
//   json: `dataset` (its header, with its own `as_of` when it states one),
//         `as_of`, `as_of_is_default`, `as_of_source`, `amount_unit` ("元"),
//         `execution_rate_definition`, `counts`, `overall`, `units[]` (with
//         their counts), `fund_sources[]`; amounts are yuan text with two
//         decimals, a rate is {"percent": "59.84", "exact": "63854/106705"}
//         or null (docs/format.md, "Analysis results as JSON").
//   csv:  one header row (labels follow the language and name the unit), a
//         row per unit, per fund source and a total row.
//   text: header, overall block, counts, a table by unit with a total row, a
//         table by fund source.
// Rates are exact until printed, then rounded half-up to 2 decimals.
#ifndef PERFBUDGET_RENDER_SUMMARY_H_
#define PERFBUDGET_RENDER_SUMMARY_H_

#include <string>

#include "absl/status/statusor.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/render/common.h"
#include "perfbudget/report/summary.h"

namespace perfbudget::render {

// `dataset` is the one `summary` was made from (its header is printed).
// Options used: lang (fund-source labels, text and CSV labels), unit (CSV and
// text), data_label (text). The as-of source is the summary's own.
std::string SummaryJson(const Dataset& dataset, const DatasetSummary& summary,
                        const RenderOptions& options);
std::string SummaryCsv(const DatasetSummary& summary, const RenderOptions& options);
std::string SummaryText(const Dataset& dataset, const DatasetSummary& summary,
                        const RenderOptions& options);

// The form options.format names. InvalidArgument for options out of range
// (CheckOptions).
absl::StatusOr<std::string> RenderSummary(const Dataset& dataset, const DatasetSummary& summary,
                                          const RenderOptions& options);

// The name of a fund source in `lang`: 一般公共预算 / "General public budget".
std::string FundSourceLabel(FundSource source, Language lang);

}  // namespace perfbudget::render

#endif  // PERFBUDGET_RENDER_SUMMARY_H_
