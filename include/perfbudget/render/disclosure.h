// disclosure.h: the disclosure check (公开: key project goals published with
// the department budget and with the budget approval, fiscal evaluation
// results with the final accounts; evaluation/disclosure.h, `perfbudget
// disclosure`) as JSON, CSV and text.
//
//   json: `fiscal_year`, `total` (counts: projects, key_projects,
//         key_with_budget, key_with_approval, with_budget, with_approval,
//         results, results_published), `units[]`, `key_projects[]`,
//         `results[]`, `findings[]` (message in the language asked for)
//         (docs/format.md, "Analysis results as JSON").
//   csv:  one row per key project goal and per evaluation result (kind and
//         headers in the language asked for).
//   text: summary lines, a table by unit, the key project goals, the
//         evaluation results, what was not published.
// No amounts: RenderOptions::unit is not used.
#ifndef PERFBUDGET_RENDER_DISCLOSURE_H_
#define PERFBUDGET_RENDER_DISCLOSURE_H_

#include <string>

#include "absl/status/statusor.h"
#include "perfbudget/evaluation/disclosure.h"
#include "perfbudget/render/common.h"

namespace perfbudget::render {

// Options used: lang (messages).
std::string DisclosureJson(const DisclosureReport& report, const RenderOptions& options);
// Options used: lang (headers, kinds).
std::string DisclosureCsv(const DisclosureReport& report, const RenderOptions& options);
// Options used: lang.
std::string DisclosureText(const DisclosureReport& report, const RenderOptions& options);

// The form options.format names. InvalidArgument for options out of range.
absl::StatusOr<std::string> RenderDisclosure(const DisclosureReport& report,
                                             const RenderOptions& options);

}  // namespace perfbudget::render

#endif  // PERFBUDGET_RENDER_DISCLOSURE_H_
