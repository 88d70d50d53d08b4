// cmd_evaluate.cc: `perfbudget evaluate DATA`: self-evaluation scores (单位自评)
// of every project and unit-level goal, their grades, the points lost per
// indicator with the reason, the flags, and the self-score check (自评抽查).
//
// Exit codes (docs/evaluation.md): 0 when the scoring ran (flags are its
// normal output); 2 bad command line; 3 input could not be loaded or the
// policy is inconsistent. The text, JSON and CSV forms are the library's
// (perfbudget/render/self_evaluation.h).
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "command.h"
#include "output.h"
#include "perfbudget/evaluation/self_evaluation.h"
#include "perfbudget/render/self_evaluation.h"

namespace perfbudget::cli {
namespace {

struct EvaluateArgs {
  std::string data;
  std::string as_of;
  bool as_of_given = false;
  std::string policy;
  std::string unit = "万元";
  std::vector<std::string> reports;  // --reports: datasets holding the self-evaluation records
};

void RunEvaluate(Context& ctx, const EvaluateArgs& args) {
  if (!CheckTextJsonCsvFormat(ctx, "evaluate")) return;
  const std::optional<MoneyUnit> unit = ParseUnitOrReport(ctx, "evaluate", args.unit);
  if (!unit.has_value()) return;
  SelfEvaluationOptions options;
  if (args.as_of_given) {
    const std::optional<Date> d = ParseAsOfOrReport(ctx, "evaluate", args.as_of);
    if (!d.has_value()) return;
    options.as_of = *d;
  }
  std::optional<Policy> policy =
      ResolvePolicyOrReport(ctx, args.policy.empty() ? "defaults" : args.policy);
  if (!policy.has_value()) return;
  std::optional<Dataset> ds = LoadOrReport(ctx, args.data);
  if (!ds.has_value()) return;
  for (const std::string& path : args.reports) {
    std::optional<Dataset> other = LoadOrReport(ctx, path);
    if (!other.has_value()) return;
    options.reports.push_back(*std::move(other));
  }
  absl::StatusOr<SelfEvaluationReport> rep = ScoreSelfEvaluations(*ds, *policy, options);
  if (!rep.ok()) {
    ReportRunError(ctx, rep.status(), /*as_of_given=*/false);
    return;
  }
  const render::RenderOptions render_options = RenderOptionsOf(ctx.global, *unit);
  WriteInFormat(
      ctx, [&] { return render::SelfEvaluationJson(*rep, render_options); },
      [&] { return render::SelfEvaluationCsv(*rep, render_options); },
      [&] { return render::SelfEvaluationText(*rep, render_options); });
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterEvaluate(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<EvaluateArgs>();
  auto* cmd = app.add_subcommand(
      "evaluate",
      "Self-evaluation scores (单位自评) of project and unit-level goals: grades, points lost "
      "per indicator, flags, and the self-score check (自评抽查)");
  cmd->add_option("DATA", args->data, "a dataset: a .json file or a folder of CSV tables")
      ->required();
  AddAsOfOption(*cmd, &args->as_of, &args->as_of_given, "the evaluation date",
                "no cut-off: the latest actual, the whole fiscal year's execution");
  cmd->add_option("--reports", args->reports,
                  "another dataset holding this year's self-evaluation records (usually the next "
                  "year's: FY2022 holds the FY2021 self-evaluations); repeatable")
      ->take_all();
  cmd->add_option("--policy", args->policy, "a built-in policy name or a policy JSON file");
  cmd->add_option("--unit", args->unit, "amount unit for text: 万元 (default), 元 or 亿元");
  AddGlobalOptions(*cmd, ctx, {"text", "json", "csv"});
  cmd->callback([&ctx, args] { RunEvaluate(ctx, *args); });
}

}  // namespace perfbudget::cli
