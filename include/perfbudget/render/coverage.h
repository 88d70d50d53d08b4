// coverage.h: the fiscal-evaluation coverage plan (财政评价5年全覆盖;
// evaluation/coverage.h, `perfbudget coverage`) as JSON, CSV and text.
//
//   json: `fiscal_year`, `year`, `window_years`, `horizon_years`, the
//         capacity (`max_projects`, `max_projects_auto`, `max_amount`),
//         `count_third_party`, `amount_unit` ("元"), `ignored_evaluations`,
//         `history[]` (evaluations per earlier year), `total`, `units[]`,
//         `years[]` (evaluated, due, recommended, breaches: project ids),
//         `projects[]` (one per key project: last evaluation, deadline,
//         status, planned year), `findings[]` (message in the language asked
//         for) (docs/format.md, "Analysis results as JSON").
//   csv:  one row per key project (headers in the language asked for;
//         values are codes).
//   text: the capacity, the history by year, the plan by year, the key
//         projects, a table by unit, the explanations.
#ifndef PERFBUDGET_RENDER_COVERAGE_H_
#define PERFBUDGET_RENDER_COVERAGE_H_

#include <string>

#include "absl/status/statusor.h"
#include "perfbudget/evaluation/coverage.h"
#include "perfbudget/render/common.h"

namespace perfbudget::render {

// Options used: lang (messages).
std::string CoverageJson(const CoverageReport& report, const RenderOptions& options);
// Options used: lang (headers), unit.
std::string CoverageCsv(const CoverageReport& report, const RenderOptions& options);
// Options used: lang, unit.
std::string CoverageText(const CoverageReport& report, const RenderOptions& options);

// The form options.format names. InvalidArgument for options out of range.
absl::StatusOr<std::string> RenderCoverage(const CoverageReport& report,
                                           const RenderOptions& options);

}  // namespace perfbudget::render

#endif  // PERFBUDGET_RENDER_COVERAGE_H_
