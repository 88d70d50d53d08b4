// indicators.h: the core indicators of a project category (核心绩效指标体系,
// the policy's review library; policy/review_library.h, `perfbudget
// indicators suggest`) as JSON, CSV and text.
//
//   json: `policy`, `category`, `aliases[]`, `indicators[]` (name, synonyms,
//         level1, level2, unit_of_measure, comparator, low, high: exact
//         decimal numbers or null, required), `unit_costs[]` (quantity_unit,
//         low_yuan, high_yuan, indicator, basis) (docs/format.md, "Analysis
//         results as JSON").
//   csv:  one row per indicator; headers and values are codes whatever the
//         language (synonyms joined by "|", required 1/0).
//   text: a title naming the category and the policy, a table of the
//         indicators, the reference unit costs.
#ifndef PERFBUDGET_RENDER_INDICATORS_H_
#define PERFBUDGET_RENDER_INDICATORS_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "perfbudget/policy/review_library.h"
#include "perfbudget/render/common.h"

namespace perfbudget::render {

// `policy_name`: the profile the library comes from (Policy::name()).
// Options used: none (JSON is the same in both languages).
std::string IndicatorsJson(const CategoryLibrary& category, std::string_view policy_name,
                           const RenderOptions& options);
// Options used: none (codes).
std::string IndicatorsCsv(const CategoryLibrary& category, const RenderOptions& options);
// Options used: lang.
std::string IndicatorsText(const CategoryLibrary& category, std::string_view policy_name,
                           const RenderOptions& options);

// The form options.format names. InvalidArgument for options out of range.
absl::StatusOr<std::string> RenderIndicators(const CategoryLibrary& category,
                                             std::string_view policy_name,
                                             const RenderOptions& options);

}  // namespace perfbudget::render

#endif  // PERFBUDGET_RENDER_INDICATORS_H_
