// cmd_monitor.cc: `perfbudget monitor DATA --as-of DATE`: dual monitoring
// (双监控) — execution against time progress, warnings with reasons,
// over-spend control, goal side, and the execution curve as SVG (--chart).
//
// Exit codes (docs/monitoring.md): 0 when no rule of severity error or
// worse fired (no red warning, no over-spend error); 1 when one did; 2 bad
// command line (including an as-of date outside the fiscal year); 3 input
// (dataset or policy) could not be loaded or the policy is inconsistent;
// 4 the chart could not be written.
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "command.h"
#include "output.h"
#include "perfbudget/io/file.h"
#include "perfbudget/monitoring/execution_curve.h"
#include "perfbudget/monitoring/monitor.h"
#include "perfbudget/monitoring/svg_chart.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget::cli {
namespace {

struct MonitorArgs : AsOfArgs {
  std::string chart;
  bool force = false;      // --force: replace an existing --chart file
  bool exit_zero = false;  // --exit-zero: exit 0 when it ran, whatever it found
  std::string level = "all";
};

std::string Pct(const Ratio& r, int dec) { return r.ToPercentString(dec); }

std::string LevelLabel(const GlobalOptions& g, WarningLevel l) {
  if (IsEnglish(g)) return std::string(CodeOf(l));
  return std::string(ZhLabelOf(l));
}

// The row's kind as the CSV's 层级 column shows it: the code in English,
// the Chinese word in Chinese (as the text form labels rows).
std::string KindLabel(const GlobalOptions& g, MonitorRowKind kind) {
  if (IsEnglish(g)) return std::string(CodeOf(kind));
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

std::string RowLabel(const GlobalOptions& g, const MonitorReport& rep, const MonitorRow& row) {
  if (row.kind == MonitorRowKind::kJurisdiction) return Label(g, "合计", "Total");
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

bool Wants(const std::string& level, std::string_view kind) {
  return level == "all" || level == kind;
}

std::string Text(const MonitorReport& rep, const GlobalOptions& g, const std::string& level,
                 MoneyUnit unit, AsOfSource as_of_source) {
  const bool en = IsEnglish(g);
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
           std::to_string(info.fiscal_year) + ", as of " + AsOfText(rep.as_of, as_of_source, en) +
           "\n";
    out += "Time progress " + Pct(rep.time_progress, dec) + "% (" + method + "); amounts in " + un +
           "; gap = time progress - execution rate (pp)\n";
  } else {
    out += "双监控：" + info.jurisdiction_name + " " + std::to_string(info.fiscal_year) +
           "年度，截至 " + AsOfText(rep.as_of, as_of_source, en) + "\n";
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
        RowLabel(g, rep, r),
        std::to_string(r.project_count),
        FormatAmount(r.current, unit),
        FormatAmount(r.executed, unit),
        r.ExecutionRate().ToPercentString(dec),
        r.zero_budget() ? "-" : r.GapPp(rep.time_progress).ToDecimalString(dec),
        LevelLabel(g, r.level)};
  };
  auto table = [&](std::string_view title_zh, std::string_view title_en,
                   const std::vector<MonitorRow>& rows, bool with_total) {
    out += "\n" + Label(g, title_zh, title_en) + "\n";
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
  if (Wants(level, "unit")) table("按预算单位", "By unit", rep.units, true);
  if (Wants(level, "fund")) table("按资金来源", "By fund source", rep.funds, true);
  if (Wants(level, "project")) table("按项目", "By project", rep.projects, true);

  out += "\n" + Label(g, "预警统计", "Warnings") + "\n";
  for (MonitorRowKind kind : {MonitorRowKind::kProject, MonitorRowKind::kUnit}) {
    out += "  " +
           (kind == MonitorRowKind::kProject ? Label(g, "项目", "Projects")
                                             : Label(g, "预算单位", "Units")) +
           (en ? ": red " : "：红色 ") + std::to_string(rep.CountLevel(kind, WarningLevel::kRed)) +
           (en ? ", yellow " : "，黄色 ") +
           std::to_string(rep.CountLevel(kind, WarningLevel::kYellow)) + "\n";
  }
  std::uint32_t goals_missed = 0;
  for (const GoalCheck& gc : rep.goals) goals_missed += gc.likely_missed() ? 1 : 0;
  out += "  " + Label(g, "绩效目标", "Goals") + (en ? ": checked " : "：已监控 ") +
         std::to_string(rep.goals.size()) + (en ? ", likely missed " : "，可能无法实现 ") +
         std::to_string(goals_missed) + "\n";

  out += "\n" + Label(g, "预警明细", "Reasons") + "\n";
  bool any = false;
  for (const MonitorReason& r : rep.reasons) {
    const MonitorRow& row = rep.RowOf(r);
    const std::string_view kind = CodeOf(row.kind);
    if (!Wants(level, kind) && row.kind != MonitorRowKind::kJurisdiction) continue;
    any = true;
    out += "  [" + (en ? std::string(CodeOf(r.severity)) : std::string(ZhLabelOf(r.severity))) +
           "] " + std::string(r.code) + "  " + ExplainReason(rep, r, g.lang) + "\n";
  }
  if (!any) out += Label(g, "  （无）\n", "  (none)\n");
  return out;
}

void RowJson(JsonWriter& w, const MonitorReport& rep, const MonitorRow& r, const GlobalOptions& g) {
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
    w.Key("message").String(ExplainReason(rep, reason, g.lang));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::string Json(const MonitorReport& rep, const ExecutionCurve* curve, const GlobalOptions& g,
                 const std::string& level, AsOfSource as_of_source) {
  JsonWriter w;
  w.BeginObject();
  WriteAsOfJson(w, rep.as_of, as_of_source);
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
  RowJson(w, rep, rep.total, g);
  auto rows = [&](std::string_view key, std::string_view kind, const std::vector<MonitorRow>& v) {
    if (!Wants(level, kind)) return;
    w.Key(key).BeginArray();
    for (const MonitorRow& r : v) RowJson(w, rep, r, g);
    w.EndArray();
  };
  rows("units", "unit", rep.units);
  rows("fund_sources", "fund", rep.funds);
  rows("projects", "project", rep.projects);
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
    w.Key("execution_curve").BeginArray();
    auto series = [&](const CurveSeries& s) {
      w.BeginObject();
      w.Key("id").String(s.id);
      w.Key("name").String(s.name);
      w.Key("points").BeginArray();
      for (const CurvePoint& p : s.points) {
        w.BeginObject();
        w.Key("fiscal_month").Int(p.fiscal_month);
        w.Key("date").String(p.date.ToString());
        w.Key("current_budget").String(p.current.ToString());
        w.Key("executed").String(p.executed.ToString());
        w.Key("execution_rate_percent").String(p.execution_rate.ToPercentString(rep.decimals));
        w.Key("time_progress_percent").String(p.time_progress.ToPercentString(rep.decimals));
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    };
    series(curve->total);
    for (const CurveSeries& s : curve->units) series(s);
    w.EndArray();
  }
  w.EndObject();
  return w.Finish();
}

std::string Csv(const MonitorReport& rep, const GlobalOptions& g, const std::string& level,
                MoneyUnit unit) {
  const bool en = IsEnglish(g);
  const std::string u(MoneyUnitName(unit));
  std::string out = en ? CsvRow({"level", "id", "name", "as_of", "projects", "current_budget_" + u,
                                 "executed_" + u, "execution_rate_percent", "time_progress_percent",
                                 "gap_pp", "warning", "reasons"})
                       : CsvRow({"层级", "编码", "名称", "截至日期", "项目数",
                                 "全年预算(" + u + ")", "执行数(" + u + ")", "预算执行率(%)",
                                 "序时进度(%)", "偏差(百分点)", "预警", "预警规则"});
  auto row = [&](const MonitorRow& r) {
    out += CsvRow({KindLabel(g, r.kind), RowId(rep, r), RowLabel(g, rep, r), rep.as_of.ToString(),
                   std::to_string(r.project_count), FormatAmount(r.current, unit),
                   FormatAmount(r.executed, unit), r.ExecutionRate().ToPercentString(rep.decimals),
                   rep.time_progress.ToPercentString(rep.decimals),
                   r.zero_budget() ? "" : r.GapPp(rep.time_progress).ToDecimalString(rep.decimals),
                   LevelLabel(g, r.level), ReasonCodes(rep, r)});
  };
  if (Wants(level, "project"))
    for (const MonitorRow& r : rep.projects) row(r);
  if (Wants(level, "unit"))
    for (const MonitorRow& r : rep.units) row(r);
  if (Wants(level, "fund"))
    for (const MonitorRow& r : rep.funds) row(r);
  row(rep.total);
  return out;
}

void RunMonitor(Context& ctx, const MonitorArgs& args) {
  if (!CheckTextJsonCsvFormat(ctx, "monitor")) return;
  if (args.level != "all" && args.level != "project" && args.level != "unit" &&
      args.level != "fund") {
    UsageError(ctx, "monitor: --level must be project, unit, fund or all");
    return;
  }
  // Like convert and synth: an existing chart is replaced only with --force,
  // checked before anything runs.
  std::error_code exists_error;
  if (!args.chart.empty() && !args.force &&
      std::filesystem::exists(std::filesystem::path(args.chart), exists_error)) {
    PrintError(*ctx.err, "monitor: " + args.chart +
                             " already exists; not overwritten (use --force to replace it)");
    ctx.exit_code = kExitOutputError;
    return;
  }
  const std::optional<AsOfInput> in = LoadAsOfInput(ctx, "monitor", args);
  if (!in.has_value()) return;
  MonitorOptions options;
  options.as_of = in->as_of;
  absl::StatusOr<MonitorReport> rep = Monitor(in->dataset, in->policy, options);
  if (!rep.ok()) {
    ReportRunError(ctx, rep.status(), /*as_of_given=*/args.as_of_given);
    return;
  }
  std::optional<ExecutionCurve> curve;
  if (!args.chart.empty() || ctx.global.format == "json") {
    absl::StatusOr<ExecutionCurve> c = BuildExecutionCurve(in->dataset, in->policy, in->as_of);
    if (!c.ok()) {
      PrintError(*ctx.err, c.status());
      ctx.exit_code = kExitInputError;
      return;
    }
    curve = *std::move(c);
  }
  if (!args.chart.empty()) {
    SvgChartOptions so;
    so.lang = ctx.global.lang;
    const absl::Status written =
        WriteFileAtomically(args.chart, RenderExecutionCurveSvg(*curve, so));
    if (!written.ok()) {
      PrintError(*ctx.err, "monitor: cannot write the chart to " + args.chart + ": " +
                               std::string(written.message()));
      ctx.exit_code = kExitOutputError;
      return;
    }
  }
  WriteInFormat(
      ctx,
      [&] {
        return Json(*rep, curve ? &*curve : nullptr, ctx.global, args.level, in->as_of_source);
      },
      [&] { return Csv(*rep, ctx.global, args.level, in->unit); },
      [&] { return Text(*rep, ctx.global, args.level, in->unit, in->as_of_source); });
  ctx.exit_code = rep->HasErrors() && !args.exit_zero ? kExitFindings : kExitOk;
}

}  // namespace

void RegisterMonitor(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<MonitorArgs>();
  auto* cmd = app.add_subcommand(
      "monitor",
      "Dual monitoring (双监控) as of a date: execution rate against time progress, "
      "warnings with reasons, over-spend control, goals likely to be missed");
  cmd->add_option("DATA", args->data, "a dataset: a .json file or a folder of CSV tables")
      ->required();
  AddAsOfOption(*cmd, &args->as_of, &args->as_of_given, "the monitoring date",
                "the dataset's as_of date");
  cmd->add_option("--policy", args->policy, "a built-in policy name or a policy JSON file");
  cmd->add_option("--chart", args->chart, "also write the execution curve as an SVG file");
  cmd->add_flag("--force", args->force, "replace the --chart file if it exists");
  cmd->add_flag("--exit-zero", args->exit_zero,
                "exit 0 when the run succeeded even if it found error-level warnings "
                "(default: exit 1 then)");
  cmd->add_option("--level", args->level, "rows to show: project, unit, fund or all (default)");
  cmd->add_option("--unit", args->unit, "amount unit for text and CSV: 万元 (default), 元 or 亿元");
  AddGlobalOptions(*cmd, ctx, {"text", "json", "csv"});
  cmd->callback([&ctx, args] { RunMonitor(ctx, *args); });
}

}  // namespace perfbudget::cli
