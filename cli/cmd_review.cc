// cmd_review.cc: `perfbudget review DATA`: goal review (完整性 · 相关性 ·
// 适当性 · 可行性), ex-ante conclusions and library gating (docs/policy.md).
//
// Text: the batch summary, the findings (one a line, with their location),
// the goals not graded 优 and the projects blocked from the library. JSON:
// everything. CSV: one row per finding. The three forms are the library's
// (perfbudget/render/review.h).
// Exit status: 1 when any goal or project is blocked, 0 otherwise, 3 when the
// dataset or the policy cannot be loaded.
#include <memory>
#include <string>

#include "command.h"
#include "output.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/render/review.h"
#include "perfbudget/review/review.h"

namespace perfbudget::cli {
namespace {

struct ReviewArgs {
  std::string data;
  std::string project;
  std::string policy = "defaults";
  bool all = false;
};

void RunReview(Context& ctx, const ReviewArgs& args) {
  if (!CheckTextJsonCsvFormat(ctx, "review")) return;
  const std::optional<Policy> policy = ResolvePolicyOrReport(ctx, args.policy);
  if (!policy.has_value()) return;
  std::optional<Dataset> ds = LoadOrReport(ctx, args.data);
  if (!ds.has_value()) return;
  ReviewOptions options;
  options.project_id = args.project;
  absl::StatusOr<ReviewResult> r = ReviewDataset(*ds, *policy, options);
  if (!r.ok()) {
    ReportRunError(ctx, r.status(), /*as_of_given=*/false);
    return;
  }
  render::RenderOptions render_options = RenderOptionsOf(ctx.global);
  render_options.all_goals = args.all;
  WriteInFormat(
      ctx, [&] { return render::ReviewJson(*r, policy->name()); },
      [&] { return render::ReviewCsv(*r, render_options); },
      [&] { return render::ReviewText(*r, policy->name(), render_options); });
  ctx.exit_code = r->AnyBlocked() ? kExitFindings : kExitOk;
}

}  // namespace

void RegisterReview(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ReviewArgs>();
  auto* cmd = app.add_subcommand(
      "review",
      "Review performance goals (完整性·相关性·适当性·可行性) and gate ex-ante assessment");
  cmd->add_option("DATA", args->data, "a dataset: a .json file or a folder of CSV tables")
      ->required();
  cmd->add_option("--project", args->project, "review only this project's goals and gate");
  cmd->add_option("--policy", args->policy,
                  "a built-in policy name (defaults, central, suma-park) or a policy JSON file");
  cmd->add_flag("--all", args->all, "list every goal, not only those below 优");
  AddGlobalOptions(*cmd, ctx, {"text", "json", "csv"});
  cmd->callback([&ctx, args] { RunReview(ctx, *args); });
}

}  // namespace perfbudget::cli
