// self_evaluation.h: self-evaluation scores (单位自评, with the self-score
// check 自评抽查; evaluation/self_evaluation.h, `perfbudget evaluate`) as JSON,
// CSV and text.
//
//   json: `fiscal_year`, `as_of` (null: no cut-off), `execution_to`,
//         `amount_unit` ("元"), `total` (goals, counts by grade, matched
//         self-evaluation records and their funds, inflated self-scores,
//         flags, points lost), `units[]` (the same per unit), `goals[]`
//         (score, grade, blocks, execution, the matched self-evaluation,
//         indicators with points, earned, lost and the message), `flags[]`
//         (docs/format.md, "Analysis results as JSON"). Scores and points
//         are JSON numbers written as exact decimal text rounded half-up to
//         two places; amounts yuan text with two decimals.
//   csv:  one row per goal's execution rate and one per indicator (goal,
//         owner, points, earned, lost, the goal's score and grade, the
//         reported score, message in the language asked for).
//   text: summary lines, the goal scores, the points lost, the flags, a
//         table by unit.
#ifndef PERFBUDGET_RENDER_SELF_EVALUATION_H_
#define PERFBUDGET_RENDER_SELF_EVALUATION_H_

#include <string>

#include "absl/status/statusor.h"
#include "perfbudget/evaluation/self_evaluation.h"
#include "perfbudget/render/common.h"

namespace perfbudget::render {

// Options used: lang (messages).
std::string SelfEvaluationJson(const SelfEvaluationReport& report, const RenderOptions& options);
// Options used: lang (labels, values and messages; the CSV has no amounts).
std::string SelfEvaluationCsv(const SelfEvaluationReport& report, const RenderOptions& options);
// Options used: lang, unit.
std::string SelfEvaluationText(const SelfEvaluationReport& report, const RenderOptions& options);

// The form options.format names. InvalidArgument for options out of range.
absl::StatusOr<std::string> RenderSelfEvaluation(const SelfEvaluationReport& report,
                                                 const RenderOptions& options);

}  // namespace perfbudget::render

#endif  // PERFBUDGET_RENDER_SELF_EVALUATION_H_
