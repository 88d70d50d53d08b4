// curve.h: the execution curve (执行进度曲线, monitoring/execution_curve.h) as
// JSON, CSV and text. (As a chart: monitoring/svg_chart.h.)
//
//   json: `as_of`, `as_of_is_default`, `as_of_source`, `start_month`,
//         `amount_unit` ("元"), `execution_curve` — the array `perfbudget
//         monitor --format json` prints under the same key: the total first,
//         then one series per unit, each {id, name, points[]}, a point
//         {fiscal_month, date, current_budget, executed,
//         execution_rate_percent, time_progress_percent} (docs/format.md).
//   csv:  one row per point of every series (long form), labels in the
//         language asked for, amounts in the unit asked for.
//   text: one table per series.
// Percentages are exact until printed, rounded half-up to `decimals` (the
// policy's: Policy::decimals(), MonitorReport::decimals).
#ifndef PERFBUDGET_RENDER_CURVE_H_
#define PERFBUDGET_RENDER_CURVE_H_

#include <string>

#include "absl/status/statusor.h"
#include "perfbudget/io/json_text.h"
#include "perfbudget/monitoring/execution_curve.h"
#include "perfbudget/render/common.h"

namespace perfbudget::render {

// Writes the `execution_curve` array (the value only: the caller wrote the
// key), as the monitoring JSON holds it.
void WriteExecutionCurveJson(JsonWriter& w, const ExecutionCurve& curve, int decimals);

// Options used: as_of_source (JSON, text), lang and unit (CSV, text).
std::string CurveJson(const ExecutionCurve& curve, int decimals, const RenderOptions& options);
std::string CurveCsv(const ExecutionCurve& curve, int decimals, const RenderOptions& options);
std::string CurveText(const ExecutionCurve& curve, int decimals, const RenderOptions& options);

// The form options.format names. InvalidArgument for options out of range or
// decimals outside 0..10.
absl::StatusOr<std::string> RenderCurve(const ExecutionCurve& curve, int decimals,
                                        const RenderOptions& options);

}  // namespace perfbudget::render

#endif  // PERFBUDGET_RENDER_CURVE_H_
