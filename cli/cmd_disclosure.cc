// cmd_disclosure.cc: `perfbudget disclosure DATA`: key project goals published
// with the department budget and with the budget approval, fiscal evaluation
// results published with the final accounts, and what the policy says must be
// published and was not (include/perfbudget/evaluation/disclosure.h).
//
// Exit codes (docs/evaluation-followup.md): 0 ran (unpublished items are
// warnings by default); 1 a finding of severity error; 2 bad command line;
// 3 input could not be loaded or the policy is inconsistent. The text, JSON
// and CSV forms are the library's (perfbudget/render/disclosure.h).
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "command.h"
#include "output.h"
#include "perfbudget/evaluation/disclosure.h"
#include "perfbudget/render/disclosure.h"

namespace perfbudget::cli {
namespace {

struct DisclosureArgs {
  std::string data;
  std::string policy;
};

void RunDisclosure(Context& ctx, const DisclosureArgs& args) {
  if (!CheckTextJsonCsvFormat(ctx, "disclosure")) return;
  std::optional<Policy> policy =
      ResolvePolicyOrReport(ctx, args.policy.empty() ? "defaults" : args.policy);
  if (!policy.has_value()) return;
  std::optional<Dataset> ds = LoadOrReport(ctx, args.data);
  if (!ds.has_value()) return;
  absl::StatusOr<DisclosureReport> rep = CheckDisclosure(*ds, *policy);
  if (!rep.ok()) {
    PrintError(*ctx.err, rep.status());
    ctx.exit_code = kExitInputError;
    return;
  }
  const render::RenderOptions render_options = RenderOptionsOf(ctx.global);
  WriteInFormat(
      ctx, [&] { return render::DisclosureJson(*rep, render_options); },
      [&] { return render::DisclosureCsv(*rep, render_options); },
      [&] { return render::DisclosureText(*rep, render_options); });
  bool serious = false;
  for (const DisclosureFinding& f : rep->findings) {
    serious |= f.severity == Severity::kError || f.severity == Severity::kBlocker;
  }
  ctx.exit_code = serious ? kExitFindings : kExitOk;
}

}  // namespace

void RegisterDisclosure(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<DisclosureArgs>();
  auto* cmd = app.add_subcommand(
      "disclosure",
      "Disclosure (公开): key project goals published with the budget and the approval, "
      "fiscal evaluation results with the final accounts, and what was not published");
  cmd->add_option("DATA", args->data, "a dataset: a .json file or a folder of CSV tables")
      ->required();
  cmd->add_option("--policy", args->policy, "a built-in policy name or a policy JSON file");
  AddGlobalOptions(*cmd, ctx, {"text", "json", "csv"});
  cmd->callback([&ctx, args] { RunDisclosure(ctx, *args); });
}

}  // namespace perfbudget::cli
