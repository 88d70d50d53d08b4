// cmd_monitor.cc: `perfbudget monitor DATA --as-of DATE`: dual monitoring
// (双监控) — execution against time progress, warnings with reasons,
// over-spend control, goal side, and the execution curve as SVG (--chart).
// The text, JSON and CSV forms are the library's (perfbudget/render/monitor.h).
//
// Exit codes (docs/monitoring.md): 0 when no rule of severity error or
// worse fired (no red warning, no over-spend error); 1 when one did; 2 bad
// command line (including an as-of date outside the fiscal year); 3 input
// (dataset or policy) could not be loaded or the policy is inconsistent;
// 4 the chart could not be written.
#include <filesystem>
#include <memory>
#include <string>

#include "command.h"
#include "output.h"
#include "perfbudget/io/file.h"
#include "perfbudget/monitoring/execution_curve.h"
#include "perfbudget/monitoring/monitor.h"
#include "perfbudget/monitoring/svg_chart.h"
#include "perfbudget/render/monitor.h"

namespace perfbudget::cli {
namespace {

struct MonitorArgs : AsOfArgs {
  std::string chart;
  bool force = false;      // --force: replace an existing --chart file
  bool exit_zero = false;  // --exit-zero: exit 0 when it ran, whatever it found
  std::string level = "all";
};

// --level as the renderers' row filter (checked before: all, project, unit, fund).
render::RowFilter RowsOf(const std::string& level) {
  if (level == "project") return render::RowFilter::kProjects;
  if (level == "unit") return render::RowFilter::kUnits;
  if (level == "fund") return render::RowFilter::kFundSources;
  return render::RowFilter::kAll;
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
  render::RenderOptions render_options = RenderOptionsOf(ctx.global, in->unit);
  render_options.as_of_source = in->as_of_source;
  render_options.rows = RowsOf(args.level);
  WriteInFormat(
      ctx, [&] { return render::MonitorJson(*rep, curve ? &*curve : nullptr, render_options); },
      [&] { return render::MonitorCsv(*rep, render_options); },
      [&] { return render::MonitorText(*rep, render_options); });
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
