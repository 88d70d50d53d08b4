// cmd_results.cc: `perfbudget results DATA`: result application (结果应用):
// evaluation grades turned into next year's budget proposals (优 priority,
// 良 kept, 中 cut, 差 cancelled, 优化整合 merged), exact to the fen and split by
// fund source, per unit and total.
//
// Exit codes (docs/evaluation.md): 0 when it ran; 2 bad command line; 3 input
// could not be loaded or the policy is inconsistent. The text, JSON and CSV
// forms are the library's (perfbudget/render/results.h).
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "command.h"
#include "output.h"
#include "perfbudget/evaluation/result_application.h"
#include "perfbudget/render/results.h"

namespace perfbudget::cli {
namespace {

struct ResultsArgs {
  std::string data;
  std::string policy;
  std::string unit = "万元";
  std::string next;  // --next: the next year's budget as approved
};

void RunResults(Context& ctx, const ResultsArgs& args) {
  if (!CheckTextJsonCsvFormat(ctx, "results")) return;
  const std::optional<MoneyUnit> unit = ParseUnitOrReport(ctx, "results", args.unit);
  if (!unit.has_value()) return;
  std::optional<Policy> policy =
      ResolvePolicyOrReport(ctx, args.policy.empty() ? "defaults" : args.policy);
  if (!policy.has_value()) return;
  std::optional<Dataset> ds = LoadOrReport(ctx, args.data);
  if (!ds.has_value()) return;
  ResultApplicationOptions options;
  if (!args.next.empty()) {
    std::optional<Dataset> next = LoadOrReport(ctx, args.next);
    if (!next.has_value()) return;
    options.next_year = *std::move(next);
  }
  absl::StatusOr<ResultApplicationReport> rep = ApplyResults(*ds, *policy, options);
  if (!rep.ok()) {
    ReportRunError(ctx, rep.status(), /*as_of_given=*/false);
    return;
  }
  const render::RenderOptions render_options = RenderOptionsOf(ctx.global, *unit);
  WriteInFormat(
      ctx, [&] { return render::ResultsJson(*rep, render_options); },
      [&] { return render::ResultsCsv(*rep, render_options); },
      [&] { return render::ResultsText(*rep, render_options); });
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterResults(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ResultsArgs>();
  auto* cmd = app.add_subcommand(
      "results",
      "Result application (结果应用): evaluation grades → next year's budget proposals (优 "
      "priority, 良 kept, 中 cut, 差 cancelled, 优化整合 merged), split by fund source");
  cmd->add_option("DATA", args->data, "a dataset: a .json file or a folder of CSV tables")
      ->required();
  cmd->add_option("--next", args->next,
                  "the next year's dataset (budget as approved): list its projects approved "
                  "below their request, matched to this year's proposals");
  cmd->add_option("--policy", args->policy, "a built-in policy name or a policy JSON file");
  cmd->add_option("--unit", args->unit, "amount unit for text and CSV: 万元 (default), 元 or 亿元");
  AddGlobalOptions(*cmd, ctx, {"text", "json", "csv"});
  cmd->callback([&ctx, args] { RunResults(ctx, *args); });
}

}  // namespace perfbudget::cli
