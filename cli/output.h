// output.h: output helpers shared by every perfbudget subcommand.
//
//   - text tables, CSV rows and exact amounts: the library's
//     (perfbudget/render/common.h, where the renderers of the analysis
//     results live too), named here for the subcommands;
//   - JSON through the library's one writer (perfbudget/io/json_text.h);
//   - zh / en label selection;
//   - diagnostics on stderr as
//       file:line:col: path: message (value: "...", expected: ...)
//     or as JSON;
//   - loading a dataset for a subcommand, reporting every problem;
//   - the plumbing of the analysis subcommands (summary, review, monitor,
//     reclaim): their option checks, the policy, a failed run, and writing
//     the result in --format text|json|csv.
// Results go to Context::out, errors to Context::err.
#ifndef PERFBUDGET_CLI_OUTPUT_H_
#define PERFBUDGET_CLI_OUTPUT_H_

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "command.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/diagnostic.h"
#include "perfbudget/io/json_text.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/money/money.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/render/common.h"
#include "perfbudget/report/summary.h"

namespace perfbudget::cli {

// ---- text, CSV, amounts: the library's renderers' building blocks ------------
//
// (perfbudget/render/common.h; the renderers of the analysis results live
// there too, one header per result: render/summary.h, review.h, monitor.h,
// reclaim.h, curve.h, self_evaluation.h, results.h, coverage.h,
// rectification.h, disclosure.h, indicators.h.)
//   DisplayWidth: terminal columns of UTF-8 text (CJK counts 2);
//   TextTable, Align: plain-text tables padded to display width;
//   CsvField, CsvRow: RFC 4180 fields and CRLF records;
//   FormatAmount: exact digits in a unit, no grouping, no suffix.
using render::Align;
using render::CsvField;
using render::CsvRow;
using render::DisplayWidth;
using render::FormatAmount;
using render::TextTable;

// ---- JSON -------------------------------------------------------------------

// JSON string literals: JsonQuote, the library's one escaper
// (perfbudget/io/json_text.h).
// JSON documents: perfbudget::JsonWriter, the library's one writer (pretty:
// two-space indentation, one member a line).

// ---- language ---------------------------------------------------------------

bool IsEnglish(const GlobalOptions& g);
// The library renderers' options for --lang and an amount unit (the other
// fields at their defaults: format json, as-of given, every row).
render::RenderOptions RenderOptionsOf(const GlobalOptions& g, MoneyUnit unit = MoneyUnit::kWanYuan);
// `zh` or `en` by --lang.
inline std::string Label(const GlobalOptions& g, std::string_view zh, std::string_view en) {
  return std::string(IsEnglish(g) ? en : zh);
}

// ---- money ------------------------------------------------------------------

// Parses --unit: 万元 / wan / 元 / yuan / 亿元 / yi.
std::optional<MoneyUnit> ParseUnitOption(std::string_view s);

// ---- diagnostics ------------------------------------------------------------

// file:line:col: path: message (value: "...", expected: ...)
// Missing parts are left out; the path falls back to the field.
std::string FormatDiagnostic(const Diagnostic& d);
// Every diagnostic, one a line, then "... and N more" when some were dropped.
void PrintDiagnostics(std::ostream& err, const Diagnostics& diagnostics);
// {"kind": ..., "file": ..., "line": ..., "column": ..., "path": ..., "field": ...,
//  "value": ..., "expected": ..., "message": ...}
void WriteDiagnosticJson(JsonWriter& w, const Diagnostic& d);
// "perfbudget: <message>" on `err`.
void PrintError(std::ostream& err, std::string_view message);
void PrintError(std::ostream& err, const absl::Status& status);

// ---- loading ----------------------------------------------------------------

// Parses --encoding: utf-8 / utf8 / gb18030 / gbk.
std::optional<TextEncoding> ParseEncodingOption(std::string_view s);

// Loads DATA: a .json file, a folder of CSV tables, or "-" for a JSON
// dataset on standard input (named "<stdin>" in diagnostics).
absl::StatusOr<Dataset> LoadData(const std::string& path, const CsvLoadOptions& options,
                                 Diagnostics* diagnostics);

// Loads the dataset at `path` (as LoadData) with
// ctx.global.encoding. On failure prints every diagnostic (or the error) to
// ctx.err, sets ctx.exit_code = kExitInputError and returns nothing.
std::optional<Dataset> LoadOrReport(Context& ctx, const std::string& path,
                                    std::size_t max_errors = 100);

// ---- analysis subcommands (summary, review, monitor, reclaim) -----------------
//
// Each helper that can fail prints the problem to ctx.err ("perfbudget: ..."
// or diagnostics), sets ctx.exit_code and returns false or nothing.
// `command` names the subcommand at the start of a usage message.

// --format must be text, json or csv: "<command>: --format must be text, json
// or csv", kExitUsage.
bool CheckTextJsonCsvFormat(Context& ctx, std::string_view command);
// --unit (ParseUnitOption): "<command>: unknown --unit "..." (expected 万元,
// 元 or 亿元)", kExitUsage.
std::optional<MoneyUnit> ParseUnitOrReport(Context& ctx, std::string_view command,
                                           const std::string& unit);
// Adds --as-of to `cmd`, bound to *value; *given becomes true when it is on
// the command line (even as --as-of ""), so an empty value is an error, not
// the default. `default_text` says what is used without it.
void AddAsOfOption(CLI::App& cmd, std::string* value, bool* given, std::string_view what,
                   std::string_view default_text);
// The stable code of where an as-of date came from (CodeOf(AsOfSource)):
// the JSON outputs' `as_of_source`.
std::string_view AsOfSourceCode(AsOfSource source);
// AsOfDefaultNote, AsOfText, WriteAsOfJson: the library's
// (perfbudget/render/common.h).
using render::AsOfDefaultNote;
using render::AsOfText;
using render::WriteAsOfJson;
// A bad command line: "perfbudget: <message>", kExitUsage.
void UsageError(Context& ctx, std::string_view message);
// --as-of (Date::Parse): "<command>: --as-of: <why>", kExitUsage.
std::optional<Date> ParseAsOfOrReport(Context& ctx, std::string_view command,
                                      const std::string& as_of);
// --policy: a built-in name or a policy JSON file (ResolvePolicy). On failure
// prints every problem (or the error), kExitInputError.
std::optional<Policy> ResolvePolicyOrReport(Context& ctx, std::string_view name_or_path);
// The options of the commands as of a date (summary, monitor, reclaim).
struct DatedArgs {
  std::string data;           // DATA
  std::string as_of;          // --as-of
  bool as_of_given = false;   // --as-of was on the command line
  std::string unit = "万元";  // --unit, for text and CSV
};
// --unit and, when given, --as-of, parsed in that order (the first that fails
// is reported as the helpers above do). nullopt after a report.
struct UnitAndAsOf {
  MoneyUnit unit;
  std::optional<Date> as_of;  // none: not given
};
std::optional<UnitAndAsOf> ParseUnitAndAsOf(Context& ctx, std::string_view command,
                                            const DatedArgs& args);
// The options of the analyses as of a date (monitor, reclaim).
struct AsOfArgs : DatedArgs {
  std::string policy;  // --policy; "" = the defaults
};
// What such an analysis runs on.
struct AsOfInput {
  MoneyUnit unit;
  Date as_of;
  AsOfSource as_of_source = AsOfSource::kGiven;  // kGiven or kDataset
  Policy policy;
  Dataset dataset;
};
// Parses --unit and --as-of, resolves --policy and loads DATA, in that order,
// reporting the first that fails as the helpers above do. Without --as-of the
// dataset's own as-of date is used; a dataset without one is a usage error.
std::optional<AsOfInput> LoadAsOfInput(Context& ctx, std::string_view command,
                                       const AsOfArgs& args);
// The analysis itself failed: prints the error; kExitUsage when an --as-of
// date was given and the status is OutOfRange (the date lies outside the
// fiscal year), kExitInputError otherwise.
void ReportRunError(Context& ctx, const absl::Status& status, bool as_of_given);
// Writes to ctx.out what `json`, `csv` or `text` returns, as ctx.global.format
// asks (text for anything but json and csv); only that one is called.
void WriteInFormat(Context& ctx, absl::FunctionRef<std::string()> json,
                   absl::FunctionRef<std::string()> csv, absl::FunctionRef<std::string()> text);

// ---- options and dataset output ------------------------------------------------

// Adds --format (checked against `formats`), --lang zh|en and --encoding to a
// subcommand, bound to ctx.global. main() adds the same options to the top
// level (`perfbudget --lang en summary ...` works too).
void AddGlobalOptions(CLI::App& cmd, Context& ctx, const std::vector<std::string>& formats);

// Where and how a dataset is written (convert, synth).
struct DatasetOutput {
  std::string to;      // json | csv; "" = from `path` (.json or "-" → json, else csv)
  std::string path;    // a file (json), a folder (csv), or "-" for JSON on stdout
  bool force = false;  // replace an existing path
  TextEncoding encoding = TextEncoding::kUtf8;  // CSV output
  bool bom = false;                             // CSV output
};

// Writes `dataset` as asked. Never leaves a half-written output (the writers
// are atomic); refuses to replace an existing path unless `force`. On error
// prints it, sets ctx.exit_code (kExitUsage for a bad combination,
// kExitOutputError otherwise) and returns false.
bool WriteDatasetTo(Context& ctx, const Dataset& dataset, const DatasetOutput& output);

}  // namespace perfbudget::cli

#endif  // PERFBUDGET_CLI_OUTPUT_H_
