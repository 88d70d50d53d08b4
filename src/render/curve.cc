// curve.cc: the execution curve as JSON, CSV and text (render/curve.h).
#include "perfbudget/render/curve.h"

#include <new>
#include <string>
#include <vector>

#include "base/out_of_memory.h"

namespace perfbudget::render {
namespace {

// The total first, then the units (the order of every form).
std::vector<const CurveSeries*> AllSeries(const ExecutionCurve& curve) {
  std::vector<const CurveSeries*> all = {&curve.total};
  for (const CurveSeries& s : curve.units) all.push_back(&s);
  return all;
}

}  // namespace

void WriteExecutionCurveJson(JsonWriter& w, const ExecutionCurve& curve, int decimals) {
  w.BeginArray();
  for (const CurveSeries* s : AllSeries(curve)) {
    w.BeginObject();
    w.Key("id").String(s->id);
    w.Key("name").String(s->name);
    w.Key("points").BeginArray();
    for (const CurvePoint& p : s->points) {
      w.BeginObject();
      w.Key("fiscal_month").Int(p.fiscal_month);
      w.Key("date").String(p.date.ToString());
      w.Key("current_budget").String(p.current.ToString());
      w.Key("executed").String(p.executed.ToString());
      w.Key("execution_rate_percent").String(p.execution_rate.ToPercentString(decimals));
      w.Key("time_progress_percent").String(p.time_progress.ToPercentString(decimals));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

std::string CurveJson(const ExecutionCurve& curve, int decimals, const RenderOptions& options) {
  JsonWriter w;
  w.BeginObject();
  WriteAsOfJson(w, curve.as_of, options.as_of_source);
  w.Key("start_month").Int(curve.start_month);
  w.Key("amount_unit").String("元");
  w.Key("execution_curve");
  WriteExecutionCurveJson(w, curve, decimals);
  w.EndObject();
  return w.Finish();
}

std::string CurveCsv(const ExecutionCurve& curve, int decimals, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const std::string u(MoneyUnitName(options.unit));
  std::string out =
      en ? CsvRow({"series", "name", "fiscal_month", "date", "current_budget_" + u, "executed_" + u,
                   "execution_rate_percent", "time_progress_percent"})
         : CsvRow({"序列", "名称", "月份", "日期", "全年预算(" + u + ")", "执行数(" + u + ")",
                   "预算执行率(%)", "序时进度(%)"});
  for (const CurveSeries* s : AllSeries(curve)) {
    for (const CurvePoint& p : s->points) {
      out += CsvRow({s->id, s->name, std::to_string(p.fiscal_month), p.date.ToString(),
                     FormatAmount(p.current, options.unit), FormatAmount(p.executed, options.unit),
                     p.execution_rate.ToPercentString(decimals),
                     p.time_progress.ToPercentString(decimals)});
    }
  }
  return out;
}

std::string CurveText(const ExecutionCurve& curve, int decimals, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const std::string un(MoneyUnitName(options.unit));
  std::string out =
      en ? "Execution curve: " + curve.title + ", as of " +
               AsOfText(curve.as_of, options.as_of_source, en) + "; amounts in " + un + "\n"
         : "预算执行进度曲线：" + curve.title + "，截至 " +
               AsOfText(curve.as_of, options.as_of_source, en) + "；金额单位：" + un + "\n";
  for (const CurveSeries* s : AllSeries(curve)) {
    out += "\n" + s->id + "  " + s->name + "\n";
    TextTable t(
        {en ? "Month" : "月份", en ? "Date" : "日期", en ? "Current" : "全年预算",
         en ? "Executed" : "执行数", en ? "Rate %" : "执行率%", en ? "Progress %" : "序时进度%"},
        {Align::kRight, Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight});
    for (const CurvePoint& p : s->points) {
      t.AddRow({std::to_string(p.fiscal_month), p.date.ToString(),
                FormatAmount(p.current, options.unit), FormatAmount(p.executed, options.unit),
                p.execution_rate.ToPercentString(decimals),
                p.time_progress.ToPercentString(decimals)});
    }
    out += t.Render();
  }
  return out;
}

absl::StatusOr<std::string> RenderCurve(const ExecutionCurve& curve, int decimals,
                                        const RenderOptions& options) try {
  if (absl::Status s = CheckOptions(options); !s.ok()) return s;
  if (decimals < 0 || decimals > 10) {
    return absl::InvalidArgumentError("render: decimals " + std::to_string(decimals) +
                                      " is outside 0..10");
  }
  switch (options.format) {
    case Format::kJson:
      return CurveJson(curve, decimals, options);
    case Format::kCsv:
      return CurveCsv(curve, decimals, options);
    case Format::kText:
      return CurveText(curve, decimals, options);
  }
  return absl::InvalidArgumentError("render options: unknown format");
} catch (const std::bad_alloc&) {
  return OutOfMemory("rendering an execution curve");
}

}  // namespace perfbudget::render
