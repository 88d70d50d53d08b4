// monitor.h: dual monitoring (双监控, monitoring/monitor.h, `perfbudget
// monitor`) as JSON, CSV and text.
//
//   json: `as_of`, `as_of_is_default`, `as_of_source`, `fiscal_year`,
//         `amount_unit` ("元"), `time_progress` (method, percent, exact,
//         months and days elapsed), `total`, `units[]`, `fund_sources[]`,
//         `projects[]` (rows: figures, rate, gap, warning and the reasons with
//         their messages in the language asked for), `goals[]`,
//         `indicators_behind[]`, and — when a curve is given —
//         `execution_curve` (render/curve.h) (docs/format.md, "Analysis
//         results as JSON").
//   csv:  one row per project, unit, fund source (as RenderOptions::rows
//         asks) and the total; labels and values in the language asked for.
//   text: header with time progress, a table per level, warning counts, the
//         reasons with their explanations.
// RenderOptions::rows leaves out the other row kinds (the total stays).
// Rates and gaps are exact until printed, rounded half-up to the policy's
// decimals (MonitorReport::decimals).
#ifndef PERFBUDGET_RENDER_MONITOR_H_
#define PERFBUDGET_RENDER_MONITOR_H_

#include <string>

#include "absl/status/statusor.h"
#include "perfbudget/monitoring/execution_curve.h"
#include "perfbudget/monitoring/monitor.h"
#include "perfbudget/render/common.h"

namespace perfbudget::render {

// `curve` (may be null): the execution curve at the report's date, printed as
// `execution_curve` (`perfbudget monitor --format json` always gives it).
// Options used: lang (messages), as_of_source, rows.
std::string MonitorJson(const MonitorReport& report, const ExecutionCurve* curve,
                        const RenderOptions& options);
// Options used: lang, unit, rows.
std::string MonitorCsv(const MonitorReport& report, const RenderOptions& options);
// Options used: lang, unit, rows, as_of_source.
std::string MonitorText(const MonitorReport& report, const RenderOptions& options);

// The form options.format names (`curve` used by JSON only). InvalidArgument
// for options out of range.
absl::StatusOr<std::string> RenderMonitor(const MonitorReport& report, const ExecutionCurve* curve,
                                          const RenderOptions& options);

}  // namespace perfbudget::render

#endif  // PERFBUDGET_RENDER_MONITOR_H_
