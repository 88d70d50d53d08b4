// execution_curve.cc: cumulative execution by fiscal month (执行进度曲线).
#include "perfbudget/monitoring/execution_curve.h"

#include <new>
#include <string>

#include "base/out_of_memory.h"
#include "monitoring/monitor_internal.h"
#include "perfbudget/monitoring/monitor.h"

namespace perfbudget {
namespace {

CurvePoint PointOf(const MonitorRow& row, int month, const MonitorReport& rep) {
  CurvePoint p;
  p.fiscal_month = month;
  p.date = rep.as_of;
  p.executed = row.executed;
  p.current = row.current;
  p.execution_rate = row.ExecutionRate();
  p.time_progress = rep.time_progress;
  return p;
}

}  // namespace

absl::StatusOr<ExecutionCurve> BuildExecutionCurve(const Dataset& dataset, const Policy& policy,
                                                   Date as_of) try {
  if (auto s = monitoring_internal::CheckAsOf(dataset, as_of); !s.ok()) return s;
  const FiscalYear& fy = dataset.fiscal_year();
  std::vector<Date> dates;
  std::vector<int> months;
  const int full = fy.MonthsElapsed(as_of);
  for (int m = 1; m <= full; ++m) {
    dates.push_back(fy.EndOfFiscalMonth(m));
    months.push_back(m);
  }
  if (full < 12 && (dates.empty() || dates.back() != as_of)) {
    dates.push_back(as_of);
    months.push_back(fy.FiscalMonthOf(as_of));
  }
  MonitorOptions mo;
  mo.goals = false;
  mo.project_rows = false;  // units and total only
  auto reps = MonitorSeries(dataset, policy, dates, mo);
  if (!reps.ok()) return reps.status();

  ExecutionCurve curve;
  curve.as_of = as_of;
  curve.start_month = fy.start_month();
  curve.title = dataset.info().jurisdiction_name.empty()
                    ? dataset.info().title
                    : dataset.info().jurisdiction_name + " " + std::to_string(fy.year()) + "年度";
  curve.total.id =
      dataset.info().jurisdiction_code.empty() ? "total" : dataset.info().jurisdiction_code;
  curve.total.name = "合计";
  const auto& units = dataset.units();
  curve.units.resize(units.size());
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    curve.units[u].unit_index = u;
    curve.units[u].id = std::string(units[u].id());
    curve.units[u].name = std::string(units[u].name());
  }
  for (std::size_t j = 0; j < reps->size(); ++j) {
    const MonitorReport& rep = (*reps)[j];
    curve.total.points.push_back(PointOf(rep.total, months[j], rep));
    for (std::uint32_t u = 0; u < units.size(); ++u) {
      curve.units[u].points.push_back(PointOf(rep.units[u], months[j], rep));
    }
  }
  return curve;
} catch (const std::bad_alloc&) {
  return OutOfMemory("building the execution curve");
}

}  // namespace perfbudget
