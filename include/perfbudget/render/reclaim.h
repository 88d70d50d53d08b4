// reclaim.h: in-year reclaim proposals (收回, monitoring/reclaim.h,
// `perfbudget reclaim`) as JSON, CSV and text.
//
//   json: `as_of`, `as_of_is_default`, `as_of_source`, `fiscal_year`,
//         `amount_unit` ("元"), `total` (amount, proposals, warnings,
//         projects, by_fund_source), `by_reason[]`, `units[]`, `proposals[]`
//         (project, name, unit, code, severity, has_amount, amount, current
//         budget, executed, planned after the as-of date, origin year of a
//         carry-over, split by fund source, message in the language asked
//         for) (docs/format.md, "Analysis results as JSON").
//   csv:  one row per proposal and fund source (a warning without amount:
//         one row); labels and values in the language asked for.
//   text: summary lines, a table by reason, the proposals grouped by reason,
//         a table by unit, totals by fund source, the explanations.
#ifndef PERFBUDGET_RENDER_RECLAIM_H_
#define PERFBUDGET_RENDER_RECLAIM_H_

#include <string>

#include "absl/status/statusor.h"
#include "perfbudget/monitoring/reclaim.h"
#include "perfbudget/render/common.h"

namespace perfbudget::render {

// Options used: lang (messages), as_of_source.
std::string ReclaimJson(const ReclaimReport& report, const RenderOptions& options);
// Options used: lang, unit.
std::string ReclaimCsv(const ReclaimReport& report, const RenderOptions& options);
// Options used: lang, unit, as_of_source.
std::string ReclaimText(const ReclaimReport& report, const RenderOptions& options);

// The form options.format names. InvalidArgument for options out of range.
absl::StatusOr<std::string> RenderReclaim(const ReclaimReport& report,
                                          const RenderOptions& options);

}  // namespace perfbudget::render

#endif  // PERFBUDGET_RENDER_RECLAIM_H_
