// cmd_convert.cc: `perfbudget convert DATA --to json|csv OUT`: JSON ⇄ CSV.
//
// The input is loaded and validated in full first; the output is written
// atomically (a temporary file or folder moved into place), so OUT is never
// left half-written. An existing OUT is replaced only with --force.
#include <memory>
#include <string>

#include "command.h"
#include "output.h"

namespace perfbudget::cli {
namespace {

struct ConvertArgs {
  std::string data;
  std::string out;
  std::string to;
  std::string out_encoding = "utf-8";
  bool bom = false;
  bool force = false;
};

void RunConvert(Context& ctx, const ConvertArgs& args) {
  const std::optional<TextEncoding> out_enc = ParseEncodingOption(args.out_encoding);
  if (!out_enc.has_value()) {
    PrintError(*ctx.err, "convert: unknown --out-encoding \"" + args.out_encoding + "\"");
    ctx.exit_code = kExitUsage;
    return;
  }
  std::optional<Dataset> ds = LoadOrReport(ctx, args.data);
  if (!ds.has_value()) return;
  DatasetOutput output;
  output.to = args.to;
  output.path = args.out;
  output.force = args.force;
  output.encoding = *out_enc;
  output.bom = args.bom;
  if (WriteDatasetTo(ctx, *ds, output)) ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterConvert(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ConvertArgs>();
  auto* cmd = app.add_subcommand("convert", "Convert a dataset between JSON and CSV");
  cmd->add_option("DATA", args->data, "input dataset: a .json file or a folder of CSV tables")
      ->required();
  cmd->add_option("OUT", args->out, "output: a .json file, a CSV folder, or - (JSON on stdout)")
      ->required();
  cmd->add_option("--to", args->to,
                  "output form: json|csv (default: json for *.json and -, else csv)")
      ->check(CLI::IsMember({"json", "csv"}));
  cmd->add_option("--out-encoding", args->out_encoding, "CSV output encoding: utf-8|gb18030")
      ->check(CLI::IsMember({"utf-8", "utf8", "gb18030", "gbk"}));
  cmd->add_flag("--bom", args->bom, "write a UTF-8 byte-order mark in CSV tables (for Excel)");
  cmd->add_flag("--force", args->force, "replace OUT if it exists");
  AddGlobalOptions(*cmd, ctx, {"text", "json", "csv"});
  cmd->callback([&ctx, args] { RunConvert(ctx, *args); });
}

}  // namespace perfbudget::cli
