// cmd_synth.cc: `perfbudget synth`: generate a deterministic synthetic dataset
// (perfbudget/synth/synth.h). The same options give byte-identical output.
#include <memory>
#include <string>

#include "command.h"
#include "output.h"
#include "perfbudget/synth/synth.h"

namespace perfbudget::cli {
namespace {

struct SynthArgs {
  SynthOptions options;
  std::string to;
  std::string out_positional;
  std::string out_option;
  std::string out_encoding = "utf-8";
  bool bom = false;
  bool force = false;
};

void RunSynth(Context& ctx, const SynthArgs& args) {
  if (!args.out_positional.empty() && !args.out_option.empty()) {
    PrintError(*ctx.err, "synth: give the output once (OUT or -o), not both");
    ctx.exit_code = kExitUsage;
    return;
  }
  const std::string out = args.out_option.empty() ? args.out_positional : args.out_option;
  if (out.empty()) {
    PrintError(*ctx.err, "synth: no output given (OUT, or -o - for JSON on stdout)");
    ctx.exit_code = kExitUsage;
    return;
  }
  const std::optional<TextEncoding> out_enc = ParseEncodingOption(args.out_encoding);
  if (!out_enc.has_value()) {
    PrintError(*ctx.err, "synth: unknown --out-encoding \"" + args.out_encoding + "\"");
    ctx.exit_code = kExitUsage;
    return;
  }
  absl::StatusOr<Dataset> ds = Synthesize(args.options);
  if (!ds.ok()) {
    PrintError(*ctx.err, ds.status());
    ctx.exit_code =
        ds.status().code() == absl::StatusCode::kInvalidArgument ? kExitUsage : kExitInternal;
    return;
  }
  DatasetOutput output;
  output.to = args.to;
  output.path = out;
  output.force = args.force;
  output.encoding = *out_enc;
  output.bom = args.bom;
  if (WriteDatasetTo(ctx, *ds, output)) ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterSynth(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SynthArgs>();
  SynthOptions& o = args->options;
  auto* cmd = app.add_subcommand("synth", "Generate a deterministic synthetic dataset");
  cmd->add_option("--seed", o.seed, "random seed (same seed, same bytes)")->required();
  cmd->add_option("--units", o.units, "number of budget units (1..100000)")->required();
  cmd->add_option("--projects", o.projects, "number of projects (0..10000000)")->required();
  cmd->add_option("--indicators-per-goal", o.indicators_per_goal,
                  "indicators per project goal (0..50; default 6)");
  cmd->add_option("--disbursements-per-project", o.disbursements_per_project,
                  "disbursements per started project (0..1000; default 6)");
  cmd->add_option("--year", o.fiscal_year, "fiscal year (default 2022)");
  cmd->add_option("--start-month", o.fiscal_year_start_month,
                  "first month of the fiscal year (default 1)");
  cmd->add_option("--to", args->to,
                  "output form: json|csv (default: json for *.json and -, else csv)")
      ->check(CLI::IsMember({"json", "csv"}));
  cmd->add_option("OUT", args->out_positional, "output: a .json file, a CSV folder, or -");
  cmd->add_option("-o,--output", args->out_option, "output, as OUT (- = JSON on stdout)");
  cmd->add_option("--out-encoding", args->out_encoding, "CSV output encoding: utf-8|gb18030")
      ->check(CLI::IsMember({"utf-8", "utf8", "gb18030", "gbk"}));
  cmd->add_flag("--bom", args->bom, "write a UTF-8 byte-order mark in CSV tables");
  cmd->add_flag("--force", args->force, "replace OUT if it exists");
  AddGlobalOptions(*cmd, ctx, {"text", "json", "csv"});
  cmd->callback([&ctx, args] { RunSynth(ctx, *args); });
}

}  // namespace perfbudget::cli
