// cmd_summary.cc: `perfbudget summary DATA`: counts and money totals per unit,
// per fund source and overall, as of a date.
//
// The execution rate is executed ÷ current budget (approved + adjustments
// dated on or before the as-of date), rounded half-up to 2 decimals; the
// approved budget is shown beside it. Text and CSV print amounts in --unit
// (default 万元) with exact digits; JSON prints yuan with two decimals. The
// three forms are the library's (perfbudget/render/summary.h).
#include <memory>
#include <string>

#include "command.h"
#include "output.h"
#include "perfbudget/render/summary.h"
#include "perfbudget/report/summary.h"

namespace perfbudget::cli {
namespace {

using SummaryArgs = DatedArgs;  // DATA, --as-of, --unit

void RunSummary(Context& ctx, const SummaryArgs& args) {
  if (!CheckTextJsonCsvFormat(ctx, "summary")) return;
  // No --as-of: the dataset's, else the latest disbursement date (Summarize).
  const std::optional<UnitAndAsOf> parsed = ParseUnitAndAsOf(ctx, "summary", args);
  if (!parsed.has_value()) return;
  std::optional<Dataset> ds = LoadOrReport(ctx, args.data);
  if (!ds.has_value()) return;
  absl::StatusOr<DatasetSummary> s = Summarize(*ds, parsed->as_of);
  if (!s.ok()) {
    ReportRunError(ctx, s.status(), parsed->as_of.has_value());
    return;
  }
  render::RenderOptions options = RenderOptionsOf(ctx.global, parsed->unit);
  options.data_label = args.data;
  WriteInFormat(
      ctx, [&] { return render::SummaryJson(*ds, *s, options); },
      [&] { return render::SummaryCsv(*s, options); },
      [&] { return render::SummaryText(*ds, *s, options); });
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterSummary(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SummaryArgs>();
  auto* cmd = app.add_subcommand(
      "summary",
      "Counts and budget totals (approved, current, executed, execution rate) per "
      "unit, per fund source and overall");
  cmd->add_option("DATA", args->data, "a dataset: a .json file or a folder of CSV tables")
      ->required();
  AddAsOfOption(*cmd, &args->as_of, &args->as_of_given,
                "count adjustments and disbursements up to this date",
                "the dataset's as_of date, else the latest disbursement date");
  cmd->add_option("--unit", args->unit, "amount unit for text and CSV: 万元 (default), 元 or 亿元");
  AddGlobalOptions(*cmd, ctx, {"text", "json", "csv"});
  cmd->callback([&ctx, args] { RunSummary(ctx, *args); });
}

}  // namespace perfbudget::cli
