// svg_chart.h: the execution curve as a self-contained SVG line chart.
//
// Cumulative execution rate (%) by fiscal month for the total and each unit,
// against the time-progress line; Chinese (or English) labels, axis ticks
// and a legend. Valid XML, no scripts, no external fonts or styles, and
// deterministic: coordinates are computed with integer / Ratio arithmetic and
// printed with fixed decimals (no floating point anywhere).
#ifndef PERFBUDGET_MONITORING_SVG_CHART_H_
#define PERFBUDGET_MONITORING_SVG_CHART_H_

#include <string>
#include <string_view>

#include "perfbudget/monitoring/execution_curve.h"

namespace perfbudget {

struct SvgChartOptions {
  std::string title;        // "" → "预算执行进度曲线" / "Budget execution curve"
  std::string lang = "zh";  // "zh" | "en"
  int width = 960;
  int height = 560;
  bool units = true;  // draw one line per unit besides the total
};

std::string RenderExecutionCurveSvg(const ExecutionCurve& curve,
                                    const SvgChartOptions& options = {});

// Escapes & < > " ' for XML text and attributes.
std::string XmlEscape(std::string_view text);

}  // namespace perfbudget

#endif  // PERFBUDGET_MONITORING_SVG_CHART_H_
