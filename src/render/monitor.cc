// monitor.cc: dual monitoring as JSON, CSV and text (render/monitor.h).
#include "perfbudget/render/monitor.h"

#include <cstdint>
#include <string>
#include <vector>

#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/render/curve.h"
#include "render/dispatch.h"

namespace perfbudget::render {
namespace {

std::string Label(bool en, std::string_view zh, std::string_view english) {
  return std::string(en ? english : zh);
}

std::string Pct(const Ratio& r, int dec) { return r.ToPercentString(dec); }

std::string LevelLabel(bool en, WarningLevel l) {
  if (en) return std::string(CodeOf(l));
  return std::string(ZhLabelOf(l));
}

// The row's kind as the CSV's 层级 column shows it: the code in English,
// the Chinese word in Chinese (as the text form labels rows).
std::string KindLabel(bool en, MonitorRowKind kind) {
  if (en) return std::string(CodeOf(kind));
  switch (kind) {
    case MonitorRowKind::kProject:
      return "项目";
    case MonitorRowKind::kUnit:
      return "单位";
    case MonitorRowKind::kFundSource:
      return "资金来源";
    case MonitorRowKind::kJurisdiction:
      return "合计";
  }
  return std::string(CodeOf(kind));
}

std::string RowLabel(bool en, const MonitorReport& rep, const MonitorRow& row) {
  if (row.kind == MonitorRowKind::kJurisdiction) return Label(en, "合计", "Total");
  return RowName(rep, row);
}

std::string ReasonCodes(const MonitorReport& rep, const MonitorRow& row) {
  std::string s;
  for (const MonitorReason& r : rep.ReasonsOf(row)) {
    if (!s.empty()) s += ";";
    s += r.code;
  }
  return s;
}

// Whether rows of `kind` are shown (the jurisdiction's only with kAll; its
// total row is printed apart).
bool Wants(RowFilter rows, MonitorRowKind kind) {
  switch (rows) {
    case RowFilter::kAll:
      return true;
    case RowFilter::kProjects:
      return kind == MonitorRowKind::kProject;
    case RowFilter::kUnits:
      return kind == MonitorRowKind::kUnit;
    case RowFilter::kFundSources:
      return kind == MonitorRowKind::kFundSource;
  }
  return true;
}

void RowJson(JsonWriter& w, const MonitorReport& rep, const MonitorRow& r, std::string_view lang) {
  w.BeginObject();
  w.Key("kind").String(CodeOf(r.kind));
  w.Key("id").String(RowId(rep, r));
  w.Key("name").String(RowName(rep, r));
  w.Key("projects").Int(r.project_count);
  w.Key("approved").String(r.approved.ToString());
  w.Key("adjustments").String(r.adjustments.ToString());
  w.Key("current_budget").String(r.current.ToString());
  w.Key("executed").String(r.executed.ToString());
  w.Key("disbursements").Int(r.disbursement_count);
  w.Key("execution_rate").BeginObject();
  w.Key("percent").String(r.ExecutionRate().ToPercentString(rep.decimals));
  w.Key("exact").String(r.ExecutionRate().ToExactString());
  w.EndObject();
  w.Key("zero_budget").Bool(r.zero_budget());
  w.Key("gap_pp");
  if (r.zero_budget()) {
    w.Null();
  } else {
    w.String(r.GapPp(rep.time_progress).ToDecimalString(rep.decimals));
  }
  w.Key("warning").String(CodeOf(r.level));
  w.Key("reasons").BeginArray();
  for (const MonitorReason& reason : rep.ReasonsOf(r)) {
    w.BeginObject();
    w.Key("code").String(reason.code);
    w.Key("severity").String(CodeOf(reason.severity));
    w.Key("threshold").String(reason.threshold.ToShortString());
    if (reason.disbursement_index != kNoIndex) {
      const DisbursementView d = rep.dataset.disbursements()[reason.disbursement_index];
      w.Key("disbursement").BeginObject();
      w.Key("id").String(d.id());
      w.Key("date").String(d.date().ToString());
      w.Key("amount").String(d.amount().ToString());
      w.EndObject();
    }
    w.Key("message").String(ExplainReason(rep, reason, lang));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string MonitorText(const MonitorReport& rep, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const MoneyUnit unit = options.unit;
  const RowFilter level = options.rows;
  const int dec = rep.decimals;
  const DatasetInfo& info = rep.dataset.info();
  const std::string un(MoneyUnitName(unit));
  std::string out;
  const std::string method =
      rep.method == TimeProgressMethod::kMonths
          ? (en ? "months: " : "按月：") + std::to_string(rep.months_elapsed) + "/12"
          : (en ? "days: " : "按天：") + std::to_string(rep.days_elapsed) + "/" +
                std::to_string(rep.dataset.fiscal_year().days());
  if (en) {
    out += "Dual monitoring: " + info.jurisdiction_name + ", fiscal year " +
           std::to_string(info.fiscal_year) + ", as of " +
           AsOfText(rep.as_of, options.as_of_source, en) + "\n";
    out += "Time progress " + Pct(rep.time_progress, dec) + "% (" + method + "); amounts in " + un +
           "; gap = time progress - execution rate (pp)\n";
  } else {
    out += "双监控：" + info.jurisdiction_name + " " + std::to_string(info.fiscal_year) +
           "年度，截至 " + AsOfText(rep.as_of, options.as_of_source, en) + "\n";
    out += "序时进度 " + Pct(rep.time_progress, dec) + "%（" + method + "）；金额单位：" + un +
           "；偏差 = 序时进度 − 预算执行率（百分点）\n";
  }
  const std::vector<std::string> money_headers =
      en ? std::vector<std::string>{"Projects", "Current", "Executed",
                                    "Rate %",   "Gap pp",  "Warning"}
         : std::vector<std::string>{"项目数", "全年预算", "执行数", "执行率%", "偏差", "预警"};
  const std::vector<Align> align = {Align::kLeft,  Align::kLeft,  Align::kRight, Align::kRight,
                                    Align::kRight, Align::kRight, Align::kRight, Align::kLeft};
  auto cells = [&](const MonitorRow& r) {
    return std::vector<std::string>{
        RowId(rep, r),
        RowLabel(en, rep, r),
        std::to_string(r.project_count),
        FormatAmount(r.current, unit),
        FormatAmount(r.executed, unit),
        r.ExecutionRate().ToPercentString(dec),
        r.zero_budget() ? "-" : r.GapPp(rep.time_progress).ToDecimalString(dec),
        LevelLabel(en, r.level)};
  };
  auto table = [&](std::string_view title_zh, std::string_view title_en,
                   const std::vector<MonitorRow>& rows, bool with_total) {
    out += "\n" + Label(en, title_zh, title_en) + "\n";
    std::vector<std::string> headers = {en ? "ID" : "编码", en ? "Name" : "名称"};
    headers.insert(headers.end(), money_headers.begin(), money_headers.end());
    TextTable t(headers, align);
    for (const MonitorRow& r : rows) t.AddRow(cells(r));
    if (with_total) {
      t.AddRule();
      t.AddRow(cells(rep.total));
    }
    out += t.Render();
  };
  table("总体", "Jurisdiction", {rep.total}, false);
  if (Wants(level, MonitorRowKind::kUnit)) table("按预算单位", "By unit", rep.units, true);
  if (Wants(level, MonitorRowKind::kFundSource)) {
    table("按资金来源", "By fund source", rep.funds, true);
  }
  if (Wants(level, MonitorRowKind::kProject)) table("按项目", "By project", rep.projects, true);

  out += "\n" + Label(en, "预警统计", "Warnings") + "\n";
  for (MonitorRowKind kind : {MonitorRowKind::kProject, MonitorRowKind::kUnit}) {
    out += "  " +
           (kind == MonitorRowKind::kProject ? Label(en, "项目", "Projects")
                                             : Label(en, "预算单位", "Units")) +
           (en ? ": red " : "：红色 ") + std::to_string(rep.CountLevel(kind, WarningLevel::kRed)) +
           (en ? ", yellow " : "，黄色 ") +
           std::to_string(rep.CountLevel(kind, WarningLevel::kYellow)) + "\n";
  }
  std::uint32_t goals_missed = 0;
  for (const GoalCheck& gc : rep.goals) goals_missed += gc.likely_missed() ? 1 : 0;
  out += "  " + Label(en, "绩效目标", "Goals") + (en ? ": checked " : "：已监控 ") +
         std::to_string(rep.goals.size()) + (en ? ", likely missed " : "，可能无法实现 ") +
         std::to_string(goals_missed) + "\n";

  out += "\n" + Label(en, "预警明细", "Reasons") + "\n";
  bool any = false;
  const std::string_view lang = LangCode(options.lang);
  for (const MonitorReason& r : rep.reasons) {
    const MonitorRow& row = rep.RowOf(r);
    if (!Wants(level, row.kind) && row.kind != MonitorRowKind::kJurisdiction) continue;
    any = true;
    out += "  [" + (en ? std::string(CodeOf(r.severity)) : std::string(ZhLabelOf(r.severity))) +
           "] " + std::string(r.code) + "  " + ExplainReason(rep, r, lang) + "\n";
  }
  if (!any) out += Label(en, "  （无）\n", "  (none)\n");
  return out;
}

std::string MonitorJson(const MonitorReport& rep, const ExecutionCurve* curve,
                        const RenderOptions& options) {
  const std::string_view lang = LangCode(options.lang);
  JsonWriter w;
  w.BeginObject();
  WriteAsOfJson(w, rep.as_of, options.as_of_source);
  w.Key("fiscal_year").Int(rep.dataset.info().fiscal_year);
  w.Key("amount_unit").String("元");
  w.Key("time_progress").BeginObject();
  w.Key("method").String(rep.method == TimeProgressMethod::kMonths ? "months" : "days");
  w.Key("percent").String(rep.time_progress.ToPercentString(rep.decimals));
  w.Key("exact").String(rep.time_progress.ToExactString());
  w.Key("months_elapsed").Int(rep.months_elapsed);
  w.Key("days_elapsed").Int(rep.days_elapsed);
  w.EndObject();
  w.Key("total");
  RowJson(w, rep, rep.total, lang);
  auto rows = [&](std::string_view key, MonitorRowKind kind, const std::vector<MonitorRow>& v) {
    if (!Wants(options.rows, kind)) return;
    w.Key(key).BeginArray();
    for (const MonitorRow& r : v) RowJson(w, rep, r, lang);
    w.EndArray();
  };
  rows("units", MonitorRowKind::kUnit, rep.units);
  rows("fund_sources", MonitorRowKind::kFundSource, rep.funds);
  rows("projects", MonitorRowKind::kProject, rep.projects);
  w.Key("goals").BeginArray();
  for (const GoalCheck& gc : rep.goals) {
    const Goal& goal = rep.dataset.goals()[gc.goal_index];
    w.BeginObject();
    w.Key("goal").String(goal.id);
    w.Key("indicators_checked").Int(gc.indicators_checked);
    w.Key("indicators_behind").Int(gc.indicators_behind);
    w.Key("likely_missed").Bool(gc.likely_missed());
    w.EndObject();
  }
  w.EndArray();
  w.Key("indicators_behind").BeginArray();
  for (const IndicatorCheck& ic : rep.indicators) {
    if (!ic.behind) continue;
    const Goal& goal = rep.dataset.goals()[ic.goal_index];
    const Indicator& ind = goal.indicators[ic.indicator_index];
    w.BeginObject();
    w.Key("goal").String(goal.id);
    w.Key("indicator").String(ind.id);
    w.Key("name").String(ind.name);
    w.Key("date").String(ic.actual_date.ToString());
    if (ic.qualitative) {
      w.Key("grade").String("not_achieved");
    } else {
      w.Key("actual").String(ic.actual.ToShortString());
      w.Key("expected").String(ic.expected.ToShortString());
    }
    w.EndObject();
  }
  w.EndArray();
  if (curve != nullptr) {
    w.Key("execution_curve");
    WriteExecutionCurveJson(w, *curve, rep.decimals);
  }
  w.EndObject();
  return w.Finish();
}

std::string MonitorCsv(const MonitorReport& rep, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const MoneyUnit unit = options.unit;
  const std::string u(MoneyUnitName(unit));
  std::string out = en ? CsvRow({"level", "id", "name", "as_of", "projects", "current_budget_" + u,
                                 "executed_" + u, "execution_rate_percent", "time_progress_percent",
                                 "gap_pp", "warning", "reasons"})
                       : CsvRow({"层级", "编码", "名称", "截至日期", "项目数",
                                 "全年预算(" + u + ")", "执行数(" + u + ")", "预算执行率(%)",
                                 "序时进度(%)", "偏差(百分点)", "预警", "预警规则"});
  auto row = [&](const MonitorRow& r) {
    out += CsvRow({KindLabel(en, r.kind), RowId(rep, r), RowLabel(en, rep, r), rep.as_of.ToString(),
                   std::to_string(r.project_count), FormatAmount(r.current, unit),
                   FormatAmount(r.executed, unit), r.ExecutionRate().ToPercentString(rep.decimals),
                   rep.time_progress.ToPercentString(rep.decimals),
                   r.zero_budget() ? "" : r.GapPp(rep.time_progress).ToDecimalString(rep.decimals),
                   LevelLabel(en, r.level), ReasonCodes(rep, r)});
  };
  if (Wants(options.rows, MonitorRowKind::kProject))
    for (const MonitorRow& r : rep.projects) row(r);
  if (Wants(options.rows, MonitorRowKind::kUnit))
    for (const MonitorRow& r : rep.units) row(r);
  if (Wants(options.rows, MonitorRowKind::kFundSource))
    for (const MonitorRow& r : rep.funds) row(r);
  row(rep.total);
  return out;
}

absl::StatusOr<std::string> RenderMonitor(const MonitorReport& report, const ExecutionCurve* curve,
                                          const RenderOptions& options) {
  return Dispatch(
      options, "rendering a monitoring report", [&] { return MonitorJson(report, curve, options); },
      [&] { return MonitorCsv(report, options); }, [&] { return MonitorText(report, options); });
}

}  // namespace perfbudget::render
