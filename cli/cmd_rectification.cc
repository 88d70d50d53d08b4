// cmd_rectification.cc: `perfbudget rectification DATA [--as-of DATE]`: per
// evaluation, the problems and suggestions found and their rectification
// items (整改) — open, in progress, done, overdue — per unit and in total
// (include/perfbudget/evaluation/rectification.h).
//
// Exit codes (docs/evaluation-followup.md): 0 ran, nothing overdue; 1 a
// finding of severity error (an overdue item, by default); 2 bad command
// line; 3 input could not be loaded or the policy is inconsistent. The text,
// JSON and CSV forms are the library's (perfbudget/render/rectification.h).
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "command.h"
#include "output.h"
#include "perfbudget/evaluation/rectification.h"
#include "perfbudget/render/rectification.h"

namespace perfbudget::cli {
namespace {

struct RectificationArgs {
  std::string data;
  std::string as_of;
  bool as_of_given = false;
  std::string policy;
};

void RunRectification(Context& ctx, const RectificationArgs& args) {
  if (!CheckTextJsonCsvFormat(ctx, "rectification")) return;
  RectificationOptions options;
  if (args.as_of_given) {
    std::optional<Date> d = ParseAsOfOrReport(ctx, "rectification", args.as_of);
    if (!d.has_value()) return;
    options.as_of = *d;
  }
  std::optional<Policy> policy =
      ResolvePolicyOrReport(ctx, args.policy.empty() ? "defaults" : args.policy);
  if (!policy.has_value()) return;
  std::optional<Dataset> ds = LoadOrReport(ctx, args.data);
  if (!ds.has_value()) return;
  absl::StatusOr<RectificationReport> rep = TrackRectification(*ds, *policy, options);
  if (!rep.ok()) {
    PrintError(*ctx.err, rep.status());
    ctx.exit_code = kExitInputError;
    return;
  }
  const render::RenderOptions render_options = RenderOptionsOf(ctx.global);
  WriteInFormat(
      ctx, [&] { return render::RectificationJson(*rep, render_options); },
      [&] { return render::RectificationCsv(*rep, render_options); },
      [&] { return render::RectificationText(*rep, render_options); });
  bool serious = false;
  for (const RectificationFinding& f : rep->findings) {
    serious |= f.severity == Severity::kError || f.severity == Severity::kBlocker;
  }
  ctx.exit_code = serious ? kExitFindings : kExitOk;
}

}  // namespace

void RegisterRectification(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<RectificationArgs>();
  auto* cmd = app.add_subcommand(
      "rectification",
      "Rectification (整改) of evaluation findings: problems, suggestions and their items, "
      "open / in progress / done, overdue as of a date");
  cmd->add_option("DATA", args->data, "a dataset: a .json file or a folder of CSV tables")
      ->required();
  AddAsOfOption(*cmd, &args->as_of, &args->as_of_given, "the date overdue items are counted as of",
                "the dataset's as_of date, else the last day of its fiscal year");
  cmd->add_option("--policy", args->policy, "a built-in policy name or a policy JSON file");
  AddGlobalOptions(*cmd, ctx, {"text", "json", "csv"});
  cmd->callback([&ctx, args] { RunRectification(ctx, *args); });
}

}  // namespace perfbudget::cli
