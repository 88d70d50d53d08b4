// execution_curve.h: the execution curve (执行进度曲线) — cumulative execution
// by fiscal month against time progress, per unit and in total.
//
// Point m is the state at the end of fiscal month m (or at as_of for the
// as-of month when as_of is not a month end): the cumulative executed
// amount, the current budget at that date and the time progress at that
// date, all exact. Built from MonitorSeries(), so every point agrees with
// `perfbudget monitor --as-of <that date>`.
#ifndef PERFBUDGET_MONITORING_EXECUTION_CURVE_H_
#define PERFBUDGET_MONITORING_EXECUTION_CURVE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"
#include "perfbudget/policy/policy.h"

namespace perfbudget {

struct CurvePoint {
  int fiscal_month = 0;  // 1..12
  Date date;             // month end, or as_of for a partial last month
  Money executed;        // cumulative
  Money current;         // current budget at `date`
  Ratio execution_rate;  // executed ÷ current (0 for a zero budget)
  Ratio time_progress;
};

struct CurveSeries {
  std::uint32_t unit_index = 0xFFFFFFFFu;  // kNoIndex for the total
  std::string id;                          // unit id, or the jurisdiction code ("" → "total")
  std::string name;                        // unit name, or "合计"
  std::vector<CurvePoint> points;
};

struct ExecutionCurve {
  Date as_of;
  int start_month = 1;  // calendar month of fiscal month 1 (for axis labels)
  std::string title;    // "宿马园区 2022年度" (jurisdiction and year; else the dataset title)
  CurveSeries total;
  std::vector<CurveSeries> units;  // dataset order
};

// Points for every fiscal month up to as_of. Errors: as Monitor().
absl::StatusOr<ExecutionCurve> BuildExecutionCurve(const Dataset& dataset, const Policy& policy,
                                                   Date as_of);

}  // namespace perfbudget

#endif  // PERFBUDGET_MONITORING_EXECUTION_CURVE_H_
