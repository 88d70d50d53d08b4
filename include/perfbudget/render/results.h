// results.h: result application (结果应用: evaluation grades → next year's
// budget proposals; evaluation/result_application.h, `perfbudget results`)
// as JSON, CSV and text.
//
//   json: `fiscal_year`, `budget_year`, `amount_unit` ("元"), `total`
//         (projects, base, cut, proposed, by_action, cut_by_fund_source),
//         `units[]`, `proposals[]` (project, evaluation, grade, rule code,
//         action, cut percent, base, cut, proposed, split by fund source,
//         message in the language asked for), `ungraded_evaluations[]`, and
//         with the next year's budget `next_year` (its projects approved
//         below their request) (docs/format.md, "Analysis results as JSON").
//   csv:  one row per proposal and fund source of its cut (no cut: one row).
//   text: summary lines, the proposals, a table by unit, the cut by fund
//         source, the next year's cuts, the explanations.
#ifndef PERFBUDGET_RENDER_RESULTS_H_
#define PERFBUDGET_RENDER_RESULTS_H_

#include <string>

#include "absl/status/statusor.h"
#include "perfbudget/evaluation/result_application.h"
#include "perfbudget/render/common.h"

namespace perfbudget::render {

// Options used: lang (messages).
std::string ResultsJson(const ResultApplicationReport& report, const RenderOptions& options);
// Options used: lang, unit.
std::string ResultsCsv(const ResultApplicationReport& report, const RenderOptions& options);
// Options used: lang, unit.
std::string ResultsText(const ResultApplicationReport& report, const RenderOptions& options);

// The form options.format names. InvalidArgument for options out of range.
absl::StatusOr<std::string> RenderResults(const ResultApplicationReport& report,
                                          const RenderOptions& options);

}  // namespace perfbudget::render

#endif  // PERFBUDGET_RENDER_RESULTS_H_
