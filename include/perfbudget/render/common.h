// common.h: what every renderer of analysis results shares.
//
// The render/ concept turns the results of the analyses — the dataset summary
// (report/summary.h), the goal review (review/review.h), dual monitoring
// (monitoring/monitor.h), reclaim (monitoring/reclaim.h), the execution
// curve (monitoring/execution_curve.h), and the year-end ones:
// self-evaluation (self_evaluation.h), result application (results.h), the
// coverage plan (coverage.h), rectification (rectification.h), disclosure
// (disclosure.h) and the core indicators of a category (indicators.h) —
// into JSON, CSV and text. The CLI prints them (`--format json|csv|text`),
// the C ABI hands them out (pfb_*_render) and Python returns them (to_json /
// to_csv / to_text): one renderer each, so the three agree byte for byte.
// JSON schemas: docs/format.md, "Analysis results as JSON".
//
// Building blocks here:
//   - RenderOptions: format, language, amount unit, where the as-of date came
//     from, and the few per-result choices (monitor rows, every review goal);
//   - text tables whose column widths count East Asian wide characters
//     (汉字, full-width forms) as two columns;
//   - RFC 4180 CSV rows (quoted when needed, CRLF line ends);
//   - exact amounts in a unit (no rounding, no grouping);
//   - the as-of members every dated result starts with.
// Numbers stay exact (Money, Ratio) until printed here, rounded half-up to
// the policy's decimals; nothing goes through floating point. The same
// result and options always give the same bytes.
#ifndef PERFBUDGET_RENDER_COMMON_H_
#define PERFBUDGET_RENDER_COMMON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/io/json_text.h"
#include "perfbudget/money/money.h"
#include "perfbudget/report/summary.h"

namespace perfbudget::render {

// Output form (numbered as PFB_FORMAT_* of the C ABI).
enum class Format : std::uint8_t {
  kJson = 0,  // one pretty-printed document (two-space indentation), final newline
  kCsv = 1,   // RFC 4180, a header row, CRLF line ends
  kText = 2,  // the tables and lines a person reads
};

// Language of labels and messages (numbered as PFB_LANG_*). JSON keys and
// code values are English codes either way; only messages (and the summary's
// fund-source labels) follow it there.
enum class Language : std::uint8_t { kZh = 0, kEn = 1 };

// Which monitoring rows the monitor renderers show (CLI `--level`); the
// jurisdiction's total is always shown.
enum class RowFilter : std::uint8_t {
  kAll = 0,
  kProjects = 1,
  kUnits = 2,
  kFundSources = 3,
};

struct RenderOptions {
  Format format = Format::kJson;  // for the Render*() dispatchers
  Language lang = Language::kZh;
  // Amounts in CSV and text: every significant digit in this unit. JSON
  // amounts are always yuan text with two decimals ("1067050000.00").
  MoneyUnit unit = MoneyUnit::kWanYuan;
  // Where the as-of date of a monitoring, reclaim or curve result came from
  // (JSON `as_of_source`, the text's note after the date). A summary carries
  // its own (DatasetSummary::as_of_source).
  AsOfSource as_of_source = AsOfSource::kGiven;
  RowFilter rows = RowFilter::kAll;  // monitor only
  bool all_goals = false;            // review text: every goal, not only those below 优
  // Summary text: what the "数据：" / "Data:" line names (the CLI: the DATA
  // argument); the line is left out when empty.
  std::string data_label;
};

// InvalidArgument naming the field when an enumeration holds a value outside
// its list (options filled from C integers or another language).
absl::Status CheckOptions(const RenderOptions& options);

inline bool IsEnglish(const RenderOptions& o) { return o.lang == Language::kEn; }
// "zh" or "en" (ExplainReason, SvgChartOptions).
std::string_view LangCode(Language lang);

// ---- text -------------------------------------------------------------------

// Terminal columns of UTF-8 text: East Asian Wide and Fullwidth code points
// (CJK ideographs, kana, hangul, full-width forms, CJK punctuation) count 2,
// combining diacritics 0, everything else 1. Invalid bytes count 1 each.
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

// ---- CSV --------------------------------------------------------------------

// One RFC 4180 field: quoted (with "" for ") when it holds a comma, a quote,
// CR or LF, or leading/trailing spaces.
std::string CsvField(std::string_view s);
// One record, fields joined by commas, ending in CRLF.
std::string CsvRow(const std::vector<std::string>& fields);

// ---- money and dates ----------------------------------------------------------

// Exact digits in `unit`, no grouping, no suffix: 106705 万元 → "106705";
// 23968000 元 → "2396.8" (万元); in 元 always two decimals "23968000.00".
std::string FormatAmount(Money m, MoneyUnit unit);

// What text output says after a defaulted as-of date ("" when given):
// " (default: the dataset's as-of date)" / "（默认：数据集的截至日期）".
std::string_view AsOfDefaultNote(AsOfSource source, bool en);
// The date as text output shows it: "2022-08-31" and the note above.
std::string AsOfText(Date as_of, AsOfSource source, bool en);
// The members every dated JSON result starts with: `as_of`,
// `as_of_is_default` and `as_of_source` (CodeOf(AsOfSource)).
void WriteAsOfJson(JsonWriter& w, Date as_of, AsOfSource source);

}  // namespace perfbudget::render

#endif  // PERFBUDGET_RENDER_COMMON_H_
