// cmd_check.cc: `perfbudget check DATA`: load and validate a dataset.
//
// Exit 0 when the dataset loads cleanly; 3 (kExitInputError) with every
// problem found: on stderr as "file:line:col: path: message (...)", or, with
// --format json, as one JSON document on stdout.
#include <memory>
#include <ostream>
#include <string>

#include "command.h"
#include "output.h"
#include "perfbudget/io/load.h"

namespace perfbudget::cli {
namespace {

struct CheckArgs {
  std::string data;
  std::size_t max_errors = 100;
};

struct Counts {
  std::size_t units = 0, projects = 0, goals = 0, indicators = 0, disbursements = 0;
};

Counts CountOf(const Dataset& ds) {
  Counts c;
  c.units = ds.units().size();
  c.projects = ds.projects().size();
  c.goals = ds.goals().size();
  for (const Goal& g : ds.goals()) c.indicators += g.indicators.size();
  c.disbursements = ds.disbursements().size();
  return c;
}

void RunCheck(Context& ctx, const CheckArgs& args) {
  const bool json = ctx.global.format == "json";
  if (ctx.global.format != "text" && !json) {
    PrintError(*ctx.err, "check: --format must be text or json");
    ctx.exit_code = kExitUsage;
    return;
  }
  const std::optional<TextEncoding> enc = ParseEncodingOption(ctx.global.encoding);
  if (!enc.has_value()) {
    PrintError(*ctx.err, "unknown --encoding \"" + ctx.global.encoding + "\"");
    ctx.exit_code = kExitUsage;
    return;
  }
  CsvLoadOptions options;
  options.encoding = *enc;
  options.max_errors = args.max_errors;
  options.threads = ctx.global.threads;
  Diagnostics diagnostics(args.max_errors);
  absl::StatusOr<Dataset> ds = LoadData(args.data, options, &diagnostics);
  const bool en = IsEnglish(ctx.global);

  if (json) {
    JsonWriter w;
    w.BeginObject();
    w.Key("data").String(args.data);
    w.Key("ok").Bool(ds.ok());
    if (ds.ok()) {
      const Counts c = CountOf(*ds);
      w.Key("counts").BeginObject();
      w.Key("units").Int(static_cast<std::int64_t>(c.units));
      w.Key("projects").Int(static_cast<std::int64_t>(c.projects));
      w.Key("goals").Int(static_cast<std::int64_t>(c.goals));
      w.Key("indicators").Int(static_cast<std::int64_t>(c.indicators));
      w.Key("disbursements").Int(static_cast<std::int64_t>(c.disbursements));
      w.EndObject();
    } else {
      if (diagnostics.empty()) {
        w.Key("error").String(
            std::string_view(ds.status().message().data(), ds.status().message().size()));
      }
      w.Key("problems").Int(static_cast<std::int64_t>(diagnostics.size() + diagnostics.dropped()));
      w.Key("dropped").Int(static_cast<std::int64_t>(diagnostics.dropped()));
      w.Key("diagnostics").BeginArray();
      for (const Diagnostic& d : diagnostics.items()) WriteDiagnosticJson(w, d);
      w.EndArray();
    }
    w.EndObject();
    *ctx.out << w.Finish();
    ctx.exit_code = ds.ok() ? kExitOk : kExitInputError;
    return;
  }

  if (ds.ok()) {
    const Counts c = CountOf(*ds);
    if (en) {
      *ctx.out << args.data << ": OK: " << c.units << " units, " << c.projects << " projects, "
               << c.goals << " goals, " << c.indicators << " indicators, " << c.disbursements
               << " disbursements\n";
    } else {
      *ctx.out << args.data << ": 通过: " << c.units << " 个预算单位，" << c.projects << " 个项目，"
               << c.goals << " 个绩效目标，" << c.indicators << " 个绩效指标，" << c.disbursements
               << " 笔支出\n";
    }
    ctx.exit_code = kExitOk;
    return;
  }
  if (diagnostics.empty()) {
    PrintError(*ctx.err, ds.status());
  } else {
    PrintDiagnostics(*ctx.err, diagnostics);
    const std::size_t n = diagnostics.size() + diagnostics.dropped();
    if (en) {
      *ctx.err << args.data << ": " << n << " problem(s) found; the dataset was not loaded\n";
    } else {
      *ctx.err << args.data << ": 发现 " << n << " 个问题，数据集未载入\n";
    }
  }
  ctx.exit_code = kExitInputError;
}

}  // namespace

void RegisterCheck(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", "Load and validate a dataset; report every problem");
  cmd->add_option("DATA", args->data, "a dataset: a .json file or a folder of CSV tables")
      ->required();
  cmd->add_option("--max-errors", args->max_errors, "report at most N problems (default 100)")
      ->check(CLI::Range(1, 100000));
  AddGlobalOptions(*cmd, ctx, {"text", "json"});
  cmd->callback([&ctx, args] { RunCheck(ctx, *args); });
}

}  // namespace perfbudget::cli
