// rectification.h: rectification follow-up (整改: the problems and
// suggestions of each evaluation and their items; evaluation/rectification.h,
// `perfbudget rectification`) as JSON, CSV and text.
//
//   json: `fiscal_year`, `as_of`, `as_of_is_default`, `grace_days`, `total`
//         (counts: evaluations, problems, suggestions, items, open,
//         in_progress, done, overdue, no_owner, no_due_date),
//         `evaluations[]` (problem and suggestion texts, item ids),
//         `units[]`, `items[]` (owner, due date, status, overdue, days
//         overdue), `findings[]` (message in the language asked for)
//         (docs/format.md, "Analysis results as JSON").
//   csv:  one row per rectification item (headers in the language asked
//         for; status a code).
//   text: summary lines, tables by evaluation, by unit and of the items,
//         the explanations.
// No amounts: RenderOptions::unit is not used.
#ifndef PERFBUDGET_RENDER_RECTIFICATION_H_
#define PERFBUDGET_RENDER_RECTIFICATION_H_

#include <string>

#include "absl/status/statusor.h"
#include "perfbudget/evaluation/rectification.h"
#include "perfbudget/render/common.h"

namespace perfbudget::render {

// Options used: lang (messages).
std::string RectificationJson(const RectificationReport& report, const RenderOptions& options);
// Options used: lang (headers).
std::string RectificationCsv(const RectificationReport& report, const RenderOptions& options);
// Options used: lang.
std::string RectificationText(const RectificationReport& report, const RenderOptions& options);

// The form options.format names. InvalidArgument for options out of range.
absl::StatusOr<std::string> RenderRectification(const RectificationReport& report,
                                                const RenderOptions& options);

}  // namespace perfbudget::render

#endif  // PERFBUDGET_RENDER_RECTIFICATION_H_
