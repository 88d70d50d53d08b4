// output.cc: output helpers shared by every perfbudget subcommand.
#include "output.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <ostream>

#include "absl/status/statusor.h"
#include "perfbudget/io/file.h"
#include "perfbudget/io/json.h"
#include "perfbudget/io/load.h"

namespace perfbudget::cli {

void UsageError(Context& ctx, std::string_view message) {
  PrintError(*ctx.err, message);
  ctx.exit_code = kExitUsage;
}

namespace {

// Input that could not be loaded: every problem found, or the error when
// none was recorded; kExitInputError.
void ReportInputError(Context& ctx, const absl::Status& status, const Diagnostics& diagnostics) {
  if (diagnostics.empty()) {
    PrintError(*ctx.err, status);
  } else {
    PrintDiagnostics(*ctx.err, diagnostics);
  }
  ctx.exit_code = kExitInputError;
}

}  // namespace

// ---- language, money --------------------------------------------------------------

bool IsEnglish(const GlobalOptions& g) { return g.lang == "en"; }

render::RenderOptions RenderOptionsOf(const GlobalOptions& g, MoneyUnit unit) {
  render::RenderOptions options;
  options.lang = IsEnglish(g) ? render::Language::kEn : render::Language::kZh;
  options.unit = unit;
  return options;
}

std::optional<MoneyUnit> ParseUnitOption(std::string_view s) {
  if (s == "万元" || s == "wan" || s == "wan-yuan") return MoneyUnit::kWanYuan;
  if (s == "元" || s == "yuan") return MoneyUnit::kYuan;
  if (s == "亿元" || s == "yi" || s == "yi-yuan") return MoneyUnit::kYiYuan;
  return std::nullopt;
}

// ---- diagnostics ------------------------------------------------------------------

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.where.file.empty() ? "<input>" : d.where.file;
  if (d.where.line > 0) {
    out += ':' + std::to_string(d.where.line);
    if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
  }
  const std::string& path = d.where.path.empty() ? d.field : d.where.path;
  out += ": ";
  if (!path.empty()) out += path + ": ";
  out += d.message.empty() ? std::string(CodeOf(d.kind)) : d.message;
  std::string extra;
  if (!d.value.empty()) extra += "value: " + JsonQuote(d.value);
  if (!d.expected.empty()) {
    if (!extra.empty()) extra += ", ";
    extra += "expected: " + d.expected;
  }
  if (!extra.empty()) out += " (" + extra + ")";
  return out;
}

void PrintDiagnostics(std::ostream& err, const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics.items()) err << FormatDiagnostic(d) << "\n";
  if (diagnostics.dropped() > 0) {
    err << "... and " << diagnostics.dropped()
        << " more problem(s) not shown (raise --max-errors)\n";
  }
}

void WriteDiagnosticJson(JsonWriter& w, const Diagnostic& d) {
  w.BeginObject();
  w.Key("kind").String(CodeOf(d.kind));
  w.Key("file").String(d.where.file);
  w.Key("line").Int(d.where.line);
  w.Key("column").Int(d.where.column);
  w.Key("path").String(d.where.path);
  w.Key("field").String(d.field);
  w.Key("value").String(d.value);
  w.Key("expected").String(d.expected);
  w.Key("message").String(d.message);
  w.EndObject();
}

void PrintError(std::ostream& err, std::string_view message) {
  err << "perfbudget: " << message << "\n";
}

void PrintError(std::ostream& err, const absl::Status& status) {
  PrintError(err, std::string_view(status.message().data(), status.message().size()));
}

// ---- loading ----------------------------------------------------------------------

std::optional<TextEncoding> ParseEncodingOption(std::string_view s) {
  if (s == "utf-8" || s == "utf8" || s == "UTF-8") return TextEncoding::kUtf8;
  if (s == "gb18030" || s == "gbk" || s == "GB18030" || s == "GBK") return TextEncoding::kGb18030;
  return std::nullopt;
}

absl::StatusOr<Dataset> LoadData(const std::string& path, const CsvLoadOptions& options,
                                 Diagnostics* diagnostics) {
  if (path != "-") return LoadDataset(path, options, diagnostics);
  // "-": a JSON dataset on standard input, read whole (up to kMaxStdinBytes).
  constexpr std::size_t kMaxStdinBytes = std::size_t{1} << 31;
  std::string text;
  char buffer[1 << 16];
  while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
    if (text.size() > kMaxStdinBytes) {
      return absl::InvalidArgumentError(
          "<stdin>: more than 2 GiB of input; expected a JSON dataset (give a file instead)");
    }
  }
  if (std::cin.bad()) return absl::DataLossError("<stdin>: cannot read standard input");
  LoadOptions json_options;
  json_options.max_errors = options.max_errors;
  json_options.threads = options.threads;
  return LoadDatasetJson(text, json_options, diagnostics, "<stdin>");
}

std::optional<Dataset> LoadOrReport(Context& ctx, const std::string& path, std::size_t max_errors) {
  CsvLoadOptions options;
  options.max_errors = max_errors;
  options.threads = ctx.global.threads;
  const std::optional<TextEncoding> enc = ParseEncodingOption(ctx.global.encoding);
  if (!enc.has_value()) {
    UsageError(ctx,
               "unknown --encoding \"" + ctx.global.encoding + "\" (expected utf-8 or gb18030)");
    return std::nullopt;
  }
  options.encoding = *enc;
  Diagnostics diagnostics(max_errors);
  absl::StatusOr<Dataset> ds = LoadData(path, options, &diagnostics);
  if (ds.ok()) return *std::move(ds);
  ReportInputError(ctx, ds.status(), diagnostics);
  return std::nullopt;
}

// ---- analysis subcommands ---------------------------------------------------------

bool CheckTextJsonCsvFormat(Context& ctx, std::string_view command) {
  const std::string& format = ctx.global.format;
  if (format == "text" || format == "json" || format == "csv") return true;
  UsageError(ctx, std::string(command) + ": --format must be text, json or csv");
  return false;
}

std::optional<MoneyUnit> ParseUnitOrReport(Context& ctx, std::string_view command,
                                           const std::string& unit) {
  const std::optional<MoneyUnit> parsed = ParseUnitOption(unit);
  if (!parsed.has_value()) {
    UsageError(ctx, std::string(command) + ": unknown --unit \"" + unit +
                        "\" (expected 万元, 元 or 亿元)");
  }
  return parsed;
}

void AddAsOfOption(CLI::App& cmd, std::string* value, bool* given, std::string_view what,
                   std::string_view default_text) {
  cmd.add_option("--as-of", *value,
                 std::string(what) +
                     " (YYYY-MM-DD), inside the fiscal year; default: " + std::string(default_text))
      ->each([given](const std::string&) { *given = true; });
}

std::string_view AsOfSourceCode(AsOfSource source) { return CodeOf(source); }

std::optional<Date> ParseAsOfOrReport(Context& ctx, std::string_view command,
                                      const std::string& as_of) {
  absl::StatusOr<Date> date = Date::Parse(as_of);
  if (date.ok()) return *date;
  const absl::Status& status = date.status();
  UsageError(ctx, std::string(command) + ": --as-of: " +
                      std::string(status.message().data(), status.message().size()));
  return std::nullopt;
}

std::optional<Policy> ResolvePolicyOrReport(Context& ctx, std::string_view name_or_path) {
  Diagnostics diagnostics;
  absl::StatusOr<Policy> policy = ResolvePolicy(name_or_path, &diagnostics);
  if (policy.ok()) return *std::move(policy);
  ReportInputError(ctx, policy.status(), diagnostics);
  if (absl::IsNotFound(policy.status())) {
    std::string names;
    for (const std::string& name : BuiltinPolicyNames())
      names += (names.empty() ? "" : ", ") + name;
    PrintError(*ctx.err, "built-in profiles: " + names +
                             " (perfbudget policy list); or give a policy JSON file");
  }
  return std::nullopt;
}

std::optional<UnitAndAsOf> ParseUnitAndAsOf(Context& ctx, std::string_view command,
                                            const DatedArgs& args) {
  const std::optional<MoneyUnit> unit = ParseUnitOrReport(ctx, command, args.unit);
  if (!unit.has_value()) return std::nullopt;
  UnitAndAsOf out{*unit, std::nullopt};
  if (args.as_of_given) {
    out.as_of = ParseAsOfOrReport(ctx, command, args.as_of);
    if (!out.as_of.has_value()) return std::nullopt;
  }
  return out;
}

std::optional<AsOfInput> LoadAsOfInput(Context& ctx, std::string_view command,
                                       const AsOfArgs& args) {
  const std::optional<UnitAndAsOf> parsed = ParseUnitAndAsOf(ctx, command, args);
  if (!parsed.has_value()) return std::nullopt;
  std::optional<Date> as_of = parsed->as_of;  // none: the dataset's own as-of date
  std::optional<Policy> policy =
      ResolvePolicyOrReport(ctx, args.policy.empty() ? "defaults" : args.policy);
  if (!policy.has_value()) return std::nullopt;
  std::optional<Dataset> dataset = LoadOrReport(ctx, args.data);
  if (!dataset.has_value()) return std::nullopt;
  AsOfSource source = AsOfSource::kGiven;
  as_of = GivenOrDatasetAsOf(*dataset, as_of, &source);
  if (!as_of.has_value()) {
    UsageError(ctx, std::string(command) + ": --as-of is required: " + args.data +
                        " states no as-of date (top-level \"as_of\" in JSON, column as_of of "
                        "dataset.csv); expected --as-of YYYY-MM-DD inside the fiscal year");
    return std::nullopt;
  }
  return AsOfInput{parsed->unit, *as_of, source, *std::move(policy), *std::move(dataset)};
}

void ReportRunError(Context& ctx, const absl::Status& status, bool as_of_given) {
  PrintError(*ctx.err, status);
  ctx.exit_code =
      as_of_given && status.code() == absl::StatusCode::kOutOfRange ? kExitUsage : kExitInputError;
}

void WriteInFormat(Context& ctx, absl::FunctionRef<std::string()> json,
                   absl::FunctionRef<std::string()> csv, absl::FunctionRef<std::string()> text) {
  const std::string& format = ctx.global.format;
  if (format == "json") {
    *ctx.out << json();
  } else if (format == "csv") {
    *ctx.out << csv();
  } else {
    *ctx.out << text();
  }
}

// ---- options and dataset output ------------------------------------------------

void AddGlobalOptions(CLI::App& cmd, Context& ctx, const std::vector<std::string>& formats) {
  std::string names;
  for (const std::string& f : formats) names += (names.empty() ? "" : "|") + f;
  cmd.add_option("--format", ctx.global.format, "output format: " + names)
      ->check(CLI::IsMember(formats));
  cmd.add_option("--lang", ctx.global.lang, "language of labels: zh|en")
      ->check(CLI::IsMember({"zh", "en"}));
  cmd.add_option("--encoding", ctx.global.encoding, "CSV input encoding: utf-8|gb18030")
      ->check(CLI::IsMember({"utf-8", "utf8", "gb18030", "gbk"}));
  cmd.add_option("--threads", ctx.global.threads,
                 "threads for loading the dataset (default 0 = every core); the output is "
                 "the same for any count")
      ->check(CLI::Range(0u, 1024u));
}

bool WriteDatasetTo(Context& ctx, const Dataset& dataset, const DatasetOutput& output) {
  namespace fs = std::filesystem;
  std::string to = output.to;
  const std::string& path = output.path;
  if (path.empty()) {
    PrintError(*ctx.err, "no output given (expected a file, a folder or - for stdout)");
    ctx.exit_code = kExitUsage;
    return false;
  }
  if (to.empty()) {
    const bool json =
        path == "-" || (path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0);
    to = json ? "json" : "csv";
  }
  if (to != "json" && to != "csv") {
    PrintError(*ctx.err, "unknown --to \"" + to + "\" (expected json or csv)");
    ctx.exit_code = kExitUsage;
    return false;
  }
  if (path == "-") {
    if (to != "json") {
      PrintError(*ctx.err, "only JSON can be written to stdout (-); give a folder for CSV");
      ctx.exit_code = kExitUsage;
      return false;
    }
    *ctx.out << DatasetToJson(dataset);
    ctx.out->flush();
    return true;
  }
  std::error_code ec;
  if (fs::exists(fs::path(path), ec) && !output.force) {
    PrintError(*ctx.err, path + " already exists; not overwritten (use --force to replace it)");
    ctx.exit_code = kExitOutputError;
    return false;
  }
  absl::Status status;
  if (to == "json") {
    status = WriteFileAtomically(path, DatasetToJson(dataset));
  } else {
    CsvWriteOptions options;
    options.encoding = output.encoding;
    options.bom = output.bom;
    status = WriteDatasetCsv(dataset, path, options);
  }
  if (!status.ok()) {
    PrintError(*ctx.err, status);
    ctx.exit_code = kExitOutputError;
    return false;
  }
  return true;
}

}  // namespace perfbudget::cli
