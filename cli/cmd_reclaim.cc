// cmd_reclaim.cc: `perfbudget reclaim DATA --as-of DATE`: in-year reclaim
// proposals (收回) with their reasons and exact fund-source splits, totals per
// unit and for the jurisdiction. The text, JSON and CSV forms are the
// library's (perfbudget/render/reclaim.h).
//
// Exit codes (docs/monitoring.md): 0 when the analysis ran (proposals are its
// normal output); 2 bad command line (including an as-of date outside the
// fiscal year); 3 input could not be loaded or the policy is inconsistent.
#include <memory>
#include <string>

#include "command.h"
#include "output.h"
#include "perfbudget/monitoring/reclaim.h"
#include "perfbudget/render/reclaim.h"

namespace perfbudget::cli {
namespace {

using ReclaimArgs = AsOfArgs;  // DATA, --as-of, --policy, --unit

void RunReclaim(Context& ctx, const ReclaimArgs& args) {
  if (!CheckTextJsonCsvFormat(ctx, "reclaim")) return;
  const std::optional<AsOfInput> in = LoadAsOfInput(ctx, "reclaim", args);
  if (!in.has_value()) return;
  ReclaimOptions options;
  options.as_of = in->as_of;
  absl::StatusOr<ReclaimReport> rep = Reclaim(in->dataset, in->policy, options);
  if (!rep.ok()) {
    ReportRunError(ctx, rep.status(), /*as_of_given=*/args.as_of_given);
    return;
  }
  render::RenderOptions render_options = RenderOptionsOf(ctx.global, in->unit);
  render_options.as_of_source = in->as_of_source;
  WriteInFormat(
      ctx, [&] { return render::ReclaimJson(*rep, render_options); },
      [&] { return render::ReclaimCsv(*rep, render_options); },
      [&] { return render::ReclaimText(*rep, render_options); });
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterReclaim(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ReclaimArgs>();
  auto* cmd =
      app.add_subcommand("reclaim",
                         "In-year reclaim proposals (收回): unimplemented projects, surpluses, old "
                         "carry-overs, lagging projects; split exactly across fund sources");
  cmd->add_option("DATA", args->data, "a dataset: a .json file or a folder of CSV tables")
      ->required();
  AddAsOfOption(*cmd, &args->as_of, &args->as_of_given, "the date", "the dataset's as_of date");
  cmd->add_option("--policy", args->policy, "a built-in policy name or a policy JSON file");
  cmd->add_option("--unit", args->unit, "amount unit for text and CSV: 万元 (default), 元 or 亿元");
  AddGlobalOptions(*cmd, ctx, {"text", "json", "csv"});
  cmd->callback([&ctx, args] { RunReclaim(ctx, *args); });
}

}  // namespace perfbudget::cli
