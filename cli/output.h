// output.h: output helpers shared by every perfbudget subcommand.
//
//   - text tables whose column widths count East Asian wide characters
//     (汉字, full-width forms) as two columns;
//   - a small JSON writer (pretty, two-space indent, correct escaping);
//   - RFC 4180 CSV rows (quoted when needed, CRLF line ends);
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
#include "perfbudget/report/summary.h"

namespace perfbudget::cli {

// ---- text -------------------------------------------------------------------

// Terminal columns of UTF-8 text: East Asian Wide and Fullwidth code points
// (CJK ideographs, kana, hangul, full-width forms, CJK punctuation) count 2,
// everything else 1. Invalid bytes count 1 each.
int DisplayWidth(std::string_view utf8);

enum class Align { kLeft, kRight };

// A plain-text table: a header row, a rule of '-', then rows; columns are
// separated by two spaces and padded to their display width. Trailing
// spaces are trimmed.
class TextTable {
 public:
  TextTable(std::vector<std::string> headers, std::vector<Align> align);
  void AddRow(std::vector<std::string> cells);
  void AddRule();  // a rule of '-' (e.g. before a total row)
  std::string Render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;  // an empty row is a rule
};

// ---- JSON -------------------------------------------------------------------

// JSON string literals: JsonQuote, the library's one escaper
// (perfbudget/io/json_text.h).

// A streaming JSON writer. Pretty: every member / element on its own line,
// two-space indentation; empty containers print as {} and [].
class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);  // inside an object, before its value
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // A value already in JSON syntax (a number's exact text).
  JsonWriter& Raw(std::string_view json);
  // The document, with a final newline.
  std::string Finish();

 private:
  void BeforeValue();
  void Indent();
  std::string out_;
  struct Level {
    bool object;
    bool empty;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

// ---- CSV --------------------------------------------------------------------

// One RFC 4180 field: quoted (with "" for ") when it holds a comma, a quote,
// CR or LF, or leading/trailing spaces.
std::string CsvField(std::string_view s);
// One record, fields joined by commas, ending in CRLF.
std::string CsvRow(const std::vector<std::string>& fields);

// ---- language ---------------------------------------------------------------

bool IsEnglish(const GlobalOptions& g);
// `zh` or `en` by --lang.
inline std::string Label(const GlobalOptions& g, std::string_view zh, std::string_view en) {
  return std::string(IsEnglish(g) ? en : zh);
}

// ---- money ------------------------------------------------------------------

// Exact digits in `unit`, no grouping, no suffix: 106705 万元 → "106705";
// 23968000 元 → "2396.8" (万元); in 元 always two decimals "23968000.00".
std::string FormatAmount(Money m, MoneyUnit unit);
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
// What text output says after a defaulted as-of date ("" when given):
// " (default: the dataset's as-of date)" / "（默认：数据集的截至日期）".
std::string_view AsOfDefaultNote(AsOfSource source, bool en);
// The date as text output shows it: "2022-08-31" and the note above.
std::string AsOfText(Date as_of, AsOfSource source, bool en);
// The JSON members every as-of output starts with: `as_of`,
// `as_of_is_default` and `as_of_source`.
void WriteAsOfJson(JsonWriter& w, Date as_of, AsOfSource source);
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
