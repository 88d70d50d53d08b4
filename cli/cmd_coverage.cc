// cmd_coverage.cc: `perfbudget coverage DATA [--history EARLIER...]`: the
// fiscal-evaluation coverage plan (every key project evaluated at least once
// in any 5 years; include/perfbudget/evaluation/coverage.h), with the history
// of evaluations per year (F5–F7) and the plan for the following years.
//
// Exit codes (docs/evaluation-followup.md): 0 the plan keeps the rule; 1 it
// cannot (a finding of severity error: a project already past its window, or
// one the capacity cannot reach in time); 2 bad command line; 3 input could
// not be loaded or the policy is inconsistent. The text, JSON and CSV forms
// are the library's (perfbudget/render/coverage.h).
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "command.h"
#include "output.h"
#include "perfbudget/evaluation/coverage.h"
#include "perfbudget/render/coverage.h"

namespace perfbudget::cli {
namespace {

struct CoverageArgs {
  std::string data;
  std::vector<std::string> history;
  std::string policy;
  std::string unit = "万元";
  int year = 0;
  std::int64_t max_projects = -1;
  std::string max_amount;  // 万元
  int horizon = -1;        // -1 = the policy's
};

void RunCoverage(Context& ctx, const CoverageArgs& args) {
  if (!CheckTextJsonCsvFormat(ctx, "coverage")) return;
  const std::optional<MoneyUnit> unit = ParseUnitOrReport(ctx, "coverage", args.unit);
  if (!unit.has_value()) return;
  CoverageOptions options;
  if (args.year != 0) options.year = args.year;
  if (args.horizon != -1) options.horizon_years = args.horizon;
  if (args.max_projects >= 0) options.max_projects = static_cast<std::uint32_t>(args.max_projects);
  if (!args.max_amount.empty()) {
    absl::StatusOr<Money> m = Money::Parse(args.max_amount + "万元");
    if (!m.ok() || m->is_negative()) {
      UsageError(ctx, "coverage: --max-amount \"" + args.max_amount +
                          "\": expected an amount in 万元 ≥ 0, exact to the fen");
      return;
    }
    options.max_amount = *m;
  }
  std::optional<Policy> policy =
      ResolvePolicyOrReport(ctx, args.policy.empty() ? "defaults" : args.policy);
  if (!policy.has_value()) return;
  std::optional<Dataset> current = LoadOrReport(ctx, args.data);
  if (!current.has_value()) return;
  std::vector<Dataset> history;
  for (const std::string& path : args.history) {
    std::optional<Dataset> ds = LoadOrReport(ctx, path);
    if (!ds.has_value()) return;
    history.push_back(*std::move(ds));
  }
  absl::StatusOr<CoverageReport> rep =
      PlanCoverage(*current, CollectEvaluations(history), *policy, options);
  if (!rep.ok()) {
    PrintError(*ctx.err, rep.status());
    ctx.exit_code = rep.status().code() == absl::StatusCode::kInvalidArgument &&
                            (args.horizon != -1 || args.year != 0)
                        ? kExitUsage
                        : kExitInputError;
    return;
  }
  const render::RenderOptions render_options = RenderOptionsOf(ctx.global, *unit);
  WriteInFormat(
      ctx, [&] { return render::CoverageJson(*rep, render_options); },
      [&] { return render::CoverageCsv(*rep, render_options); },
      [&] { return render::CoverageText(*rep, render_options); });
  bool broken = false;
  for (const CoverageFinding& f : rep->findings) {
    broken |= f.severity == Severity::kError || f.severity == Severity::kBlocker;
  }
  ctx.exit_code = broken ? kExitFindings : kExitOk;
}

}  // namespace

void RegisterCoverage(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<CoverageArgs>();
  auto* cmd = app.add_subcommand(
      "coverage",
      "Fiscal evaluation coverage plan (财政评价5年全覆盖): which key projects are due, "
      "recommended, and when the capacity cannot keep the rule");
  cmd->add_option("DATA", args->data,
                  "the current year's dataset (its key projects are planned for)")
      ->required();
  cmd->add_option("--history", args->history,
                  "earlier years' datasets whose evaluations count (repeatable)");
  cmd->add_option("--year", args->year, "the first plan year (default: DATA's fiscal year)");
  cmd->add_option("--max-projects", args->max_projects,
                  "projects evaluated per year at most (default: the policy; 0 = even pace)");
  cmd->add_option("--max-amount", args->max_amount,
                  "current budgets evaluated per year at most, in 万元 (0 = no limit)");
  cmd->add_option("--horizon", args->horizon, "years to plan (default: the policy's window)");
  cmd->add_option("--policy", args->policy, "a built-in policy name or a policy JSON file");
  cmd->add_option("--unit", args->unit, "amount unit for text and CSV: 万元 (default), 元 or 亿元");
  AddGlobalOptions(*cmd, ctx, {"text", "json", "csv"});
  cmd->callback([&ctx, args] { RunCoverage(ctx, *args); });
}

}  // namespace perfbudget::cli
