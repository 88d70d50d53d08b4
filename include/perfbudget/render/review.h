// review.h: the goal review (review/review.h, `perfbudget review`) as JSON,
// CSV and text.
//
//   json: `policy`, `summary` (goal counts overall / project goals / unit
//         goals, with counts by grade and by dimension; projects and amounts
//         blocked; ex-ante figures; the project library gate), `goals[]`
//         (score, grade, consequence, findings with both messages),
//         `ex_ante[]`, `gates[]` (docs/format.md, "Analysis results as JSON").
//         Scores and deductions are JSON numbers written as exact decimal
//         text; amounts yuan text with two decimals.
//   csv:  one row per finding (goal, owner, project, unit, score, grade,
//         indicator, field, code, dimension, severity, deduction, message in
//         the language asked for).
//   text: the batch summary, the goals not graded 优 (every goal with
//         RenderOptions::all_goals), the findings, the blocked projects.
#ifndef PERFBUDGET_RENDER_REVIEW_H_
#define PERFBUDGET_RENDER_REVIEW_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "perfbudget/render/common.h"
#include "perfbudget/review/review.h"

namespace perfbudget::render {

// `policy_name`: the profile the review ran under (Policy::name()).
// Options used: lang (CSV and text), all_goals (text).
std::string ReviewJson(const ReviewResult& result, std::string_view policy_name);
std::string ReviewCsv(const ReviewResult& result, const RenderOptions& options);
std::string ReviewText(const ReviewResult& result, std::string_view policy_name,
                       const RenderOptions& options);

// The form options.format names. InvalidArgument for options out of range.
absl::StatusOr<std::string> RenderReview(const ReviewResult& result, std::string_view policy_name,
                                         const RenderOptions& options);

}  // namespace perfbudget::render

#endif  // PERFBUDGET_RENDER_REVIEW_H_
