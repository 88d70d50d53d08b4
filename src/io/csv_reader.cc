// csv_reader.cc: LoadDatasetCsv, the CSV folder form of a dataset
// (docs/format.md). Reads every table, checks every cell, reports every
// problem with file, line and column, and feeds a DatasetBuilder.
#include <algorithm>
#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "codec/amount.h"
#include "codec/bool.h"
#include "codec/date.h"
#include "codec/enum.h"
#include "codec/integer.h"
#include "codec/ratio.h"
#include "codec/text.h"
#include "io/csv_schema.h"
#include "io/csv_table.h"
#include "io/text_encoding.h"
#include "model/target_text.h"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/file.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/model/enums.h"
#include "simdjson.h"

namespace perfbudget {
namespace {

namespace schema = csv_schema;

constexpr int kMaxEncodingErrorsPerFile = 10;
constexpr std::string_view kAmountExpected =
    "an amount in fen precision, e.g. 1234.56, 1,234.56, 2400万元 or 1.2亿元";
constexpr std::string_view kNumberExpected = "an exact decimal number, e.g. 95.5 (no exponent)";
constexpr std::string_view kDateExpected = "an ISO 8601 date YYYY-MM-DD, e.g. 2022-08-31";
constexpr std::string_view kBoolExpected = "true/false, 1/0, 是/否 or Y/N";

std::string JoinPath(const std::string& dir, std::string_view file) {
  if (dir.empty()) return std::string(file);
  if (dir.back() == '/') return absl::StrCat(dir, AV(file));
  return absl::StrCat(dir, "/", AV(file));
}

using codec::TrimText;

std::string JoinViews(std::span<const std::string_view> items) {
  std::string out;
  for (std::string_view s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = s.find('\n', start)) != std::string_view::npos; start = nl + 1) {
    lines.push_back(s.substr(start, nl - start));
  }
  lines.push_back(s.substr(start));
  return lines;
}

template <typename E>
std::string EnumExpected(E e) {
  return absl::StrCat("one of ", JoinViews(AllCodes(e)), " (or its Chinese label)");
}

// What every part of one load reads (set before any table is read, read-only
// after): the folder, the options and each table's path. Records carry a
// locator (table, line) that Resolve turns into the full origin only when a
// diagnostic reports it.
struct LoadContext {
  std::string dir;
  CsvLoadOptions options;
  std::array<std::string, schema::kTableCount> paths;

  static constexpr int kTableShift = 40;
  static std::uint64_t Locator(int table, int line) {
    return (static_cast<std::uint64_t>(table + 1) << kTableShift) |
           static_cast<std::uint64_t>(line);
  }

  Origin Resolve(std::uint64_t locator) const {
    const auto table = static_cast<std::size_t>(locator >> kTableShift) - 1;
    if (table >= paths.size()) return Origin();
    Origin o;
    o.file = paths[table];
    o.line = static_cast<int>(locator & ((std::uint64_t{1} << kTableShift) - 1));
    o.column = 1;
    o.path = std::string(schema::kTables[table].file);
    return o;
  }
};

// Where one part of a load (a table's header, or one chunk of its rows)
// reports: its own list, merged into the builder's in table and chunk order
// (so the diagnostics are the same for any thread count). Keeps max_errors
// and counts the rest, as the builder's list does.
struct Sink {
  explicit Sink(std::size_t max_errors) : diagnostics(max_errors) {}
  Diagnostics diagnostics;

  void Report(DiagnosticKind kind, Origin where, std::string field, std::string value,
              std::string expected, std::string message) {
    if (diagnostics.full()) {
      diagnostics.AddDropped(1);
      return;
    }
    Diagnostic d;
    d.kind = kind;
    d.where = std::move(where);
    d.field = std::move(field);
    d.value = std::move(value);
    d.expected = std::move(expected);
    d.message = std::move(message);
    diagnostics.Add(std::move(d));
  }
};

// The records one chunk of a table read, in row order, each with its
// locator; only the vector of the chunk's table is used. Disbursements (the
// largest table) are kept compact: their two texts in one arena.
struct CompactDisbursement {
  std::uint32_t id_offset = 0;
  std::uint32_t id_size = 0;
  std::uint32_t project_offset = 0;
  std::uint32_t project_size = 0;
  Date date;
  FundSource source = FundSource::kGeneralBudget;
  Money amount;
  std::uint64_t locator = 0;
};

struct DatasetRow {
  DatasetInfo info;
  std::uint64_t locator = 0;
  Origin as_of_where;
};

template <typename T>
struct Located {
  T record;
  std::uint64_t locator = 0;
};

template <typename T>
struct ProjectChild {
  std::string project;
  T record;
  std::uint64_t locator = 0;
};

struct IndicatorRow {
  std::string goal;
  Indicator indicator;
  std::uint64_t locator = 0;
};

struct ActualRow {
  std::string goal;
  std::string indicator;
  IndicatorActual actual;
  std::uint64_t locator = 0;
};

struct ChunkRecords {
  std::vector<DatasetRow> info;
  std::vector<Located<Unit>> units;
  std::vector<Located<Project>> projects;
  std::vector<ProjectChild<FundLine>> funds;
  std::vector<ProjectChild<Adjustment>> adjustments;
  std::vector<ProjectChild<PlannedPayment>> payments;
  std::vector<Located<Goal>> goals;
  std::vector<IndicatorRow> indicators;
  std::vector<ActualRow> actuals;
  std::vector<CompactDisbursement> disbursements;
  std::string disbursement_text;  // the arena of `disbursements`
  std::vector<Located<ExAnteAssessment>> ex_ante;
  std::vector<Located<Evaluation>> evaluations;
  std::vector<Located<RectificationItem>> rectifications;
  // The locators of the rows that had a problem (in line order): the
  // records made from them are marked damaged (Origin::damaged).
  std::vector<std::uint64_t> damaged;
};

// A row's place for the builder: its locator, marked damaged when the row
// had a problem.
Origin PlaceOf(const ChunkRecords& c, std::uint64_t locator) {
  Origin o = Origin::Locator(locator);
  o.damaged = !c.damaged.empty() && std::binary_search(c.damaged.begin(), c.damaged.end(), locator);
  return o;
}

// One table's text, header and column map, read by one thread and then
// only read (by the threads reading its chunks).
class Table {
 public:
  Table(const LoadContext* ctx, int number)
      : ctx_(ctx),
        number_(number),
        spec_(&schema::kTables[static_cast<std::size_t>(number)]),
        path_(&ctx->paths[static_cast<std::size_t>(number)]),
        index_(spec_->columns.size(), -1) {}

  // Reads, decodes and checks the file and maps its header, reporting into
  // `sink`. False when the table is absent or unusable (problems reported).
  bool Load(Sink* sink);
  // Frees the text (once every chunk is read).
  // (Moved out, not assigned an empty value: libstdc++'s move assignment
  // from a short string keeps the old buffer.)
  void Release() {
    { const std::string gone = std::move(bytes_); }
    { const DecodedText gone = std::move(decoded_); }
  }

  const LoadContext& ctx() const { return *ctx_; }
  int number() const { return number_; }
  const schema::Table& spec() const { return *spec_; }
  const std::string& path() const { return *path_; }
  // The text, where its data rows start (offset and line), and whether its
  // quotes are well formed (only then may it be cut into chunks).
  std::string_view text() const { return text_; }
  std::size_t data_begin() const { return data_begin_; }
  std::int64_t data_line() const { return data_line_; }
  bool quotes_well_formed() const { return quotes_well_formed_; }
  // The cell index of spec column `c`, -1 when absent.
  int ColumnIndex(std::size_t c) const { return index_[c]; }
  const std::vector<std::string>& header_names() const { return header_names_; }
  Origin FileOrigin(int line = 0, int column = 0, std::string_view column_name = "") const {
    Origin o;
    o.file = *path_;
    o.line = line;
    o.column = column;
    o.path = column_name.empty() ? std::string(spec_->file)
                                 : absl::StrCat(AV(spec_->file), ":", AV(column_name));
    return o;
  }

 private:
  bool MapHeader(const CsvTokenizer& header, Sink* sink);

  const LoadContext* ctx_;
  int number_;  // in schema::kTables
  const schema::Table* spec_;
  const std::string* path_;
  std::vector<int> index_;                 // spec column → cell index
  std::vector<std::string> header_names_;  // by cell index, as written
  // The text (in bytes_, or decoded_ when it had to be decoded).
  std::string bytes_;
  DecodedText decoded_;
  std::string_view text_;
  std::size_t data_begin_ = 0;
  std::int64_t data_line_ = 1;
  bool quotes_well_formed_ = true;
};

// One run of a table's data rows (the whole table, or a chunk of it cut at
// record boundaries): its tokenizer, look-up memos, diagnostics and records.
// Each chunk is read by one thread.
class Chunk {
 public:
  Chunk(const Table* table, std::size_t begin, std::size_t end, std::int64_t line, Sink* sink,
        ChunkRecords* out)
      : table_(table),
        tokenizer_(table->text().substr(0, end), begin, line),
        sink_(sink),
        out_(out) {}

  const Table& table() const { return *table_; }
  CsvTokenizer& tokenizer() { return tokenizer_; }
  Sink& sink() { return *sink_; }
  ChunkRecords& out() { return *out_; }
  codec::EnumMemo& enums() { return enums_; }

  // The cell index of column `name` (canonical), -1 when absent. Callers
  // name columns by string literals: remembered by address (and checked)
  // after the first look-up. A table's reader asks for its columns in the
  // same order every row, so the search starts after the last one found.
  int IndexOf(std::string_view name) {
    const std::size_t n = index_memo_.size();
    std::size_t i = memo_next_ < n ? memo_next_ : 0;
    for (std::size_t tries = 0; tries < n; ++tries) {
      const IndexMemo& m = index_memo_[i];
      if (m.data == name.data() && m.size == name.size() &&
          std::string_view(m.data, m.size) == name) {
        memo_next_ = i + 1;
        return m.index;
      }
      if (++i == n) i = 0;
    }
    int found = -1;
    const schema::Table& spec = table_->spec();
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
      if (spec.columns[c].name == name) {
        found = table_->ColumnIndex(c);
        break;
      }
    }
    index_memo_.push_back({name.data(), name.size(), found});
    memo_next_ = index_memo_.size();
    return found;
  }

 private:
  const Table* table_;
  CsvTokenizer tokenizer_;
  Sink* sink_;
  ChunkRecords* out_;
  struct IndexMemo {
    const char* data;
    std::size_t size;
    int index;
  };
  std::vector<IndexMemo> index_memo_;
  std::size_t memo_next_ = 0;
  codec::EnumMemo enums_;  // enum texts met in this chunk
};

bool Table::Load(Sink* sink) {
  absl::StatusOr<std::string> bytes = ReadFile(path(), {.max_bytes = ctx_->options.max_file_bytes});
  if (!bytes.ok()) {
    if (absl::IsNotFound(bytes.status())) {
      if (spec_->required) {
        sink->Report(DiagnosticKind::kMissing, FileOrigin(), "", "",
                     absl::StrCat("a file ", AV(spec_->file), " in the dataset folder"),
                     absl::StrCat("required table ", AV(spec_->file), " is missing"));
      }
      return false;
    }
    sink->Report(DiagnosticKind::kIo, FileOrigin(), "", "", "a readable file",
                 std::string(bytes.status().message()));
    return false;
  }
  bytes_ = *std::move(bytes);
  DecodedText& decoded = decoded_;
  std::optional<std::string_view> valid_utf8;  // into bytes_
  const bool utf8 = ctx_->options.encoding == TextEncoding::kUtf8 || HasUtf8Bom(bytes_);
  if (utf8) {
    const std::string_view text = StripUtf8Bom(bytes_);
    if (simdjson::validate_utf8(text.data(), text.size())) {
      // Valid (the usual case): read it where it is; SanitizeUtf8 would copy it unchanged.
      valid_utf8 = text;
    } else {
      decoded = SanitizeUtf8(text);
    }
  } else {
    absl::StatusOr<DecodedText> d = DecodeGb18030(bytes_);
    if (!d.ok()) {
      sink->Report(DiagnosticKind::kEncoding, FileOrigin(), "", "", "GB18030 text",
                   std::string(d.status().message()));
      return false;
    }
    decoded = *std::move(d);
  }
  const int encoding_errors = static_cast<int>(decoded.errors.size());
  for (int i = 0; i < encoding_errors && i < kMaxEncodingErrorsPerFile; ++i) {
    const EncodingError& e = decoded.errors[static_cast<std::size_t>(i)];
    sink->Report(
        DiagnosticKind::kEncoding, FileOrigin(e.line, e.column), "", e.bytes,
        utf8 ? "UTF-8 text (for GB18030/GBK files, load with encoding gb18030)" : "GB18030 text",
        utf8 ? "invalid UTF-8 byte sequence" : "byte sequence that is not GB18030");
  }
  if (encoding_errors > kMaxEncodingErrorsPerFile) {
    sink->Report(DiagnosticKind::kEncoding, FileOrigin(), "", "",
                 utf8 ? "UTF-8 text" : "GB18030 text",
                 absl::StrCat(encoding_errors - kMaxEncodingErrorsPerFile,
                              " more undecodable byte sequences in this file"));
  }

  if (!valid_utf8) {
    const std::string gone = std::move(bytes_);  // decoded_ holds the text
  }
  text_ = valid_utf8.value_or(std::string_view(decoded.utf8));
  const std::string_view text = text_;
  // Syntax errors are reported first, before any row's. Only a double quote
  // can make one: when a quick look at the quotes finds nothing wrong (the
  // usual case), the rows are read in one pass; else a first pass collects
  // the errors.
  std::size_t syntax_errors = 0;
  int first_error_line = 0;
  quotes_well_formed_ = CsvQuotesWellFormed(text);
  if (!quotes_well_formed_) {
    CsvTokenizer first_pass(text);
    while (first_pass.Next()) {
    }
    syntax_errors = first_pass.errors().size();
    if (syntax_errors > 0) first_error_line = first_pass.errors().front().line;
    for (const CsvSyntaxError& e : first_pass.errors()) {
      sink->Report(DiagnosticKind::kSyntax, FileOrigin(e.line, e.column), "", "", "RFC 4180 CSV",
                   e.message);
    }
  }
  CsvTokenizer header(text);
  if (!header.Next()) {
    if (syntax_errors == 0) {
      sink->Report(DiagnosticKind::kMissing, FileOrigin(1, 1), "", "",
                   "a header row naming the columns", "table has no header row");
    }
    return false;
  }
  // A header row spoiled by a syntax error (already reported) names no
  // columns: reading the next row as the header would only add follow-on
  // errors, so the table's rows are not read.
  if (syntax_errors > 0 && first_error_line <= header.line()) return false;
  data_begin_ = header.position();
  data_line_ = header.next_line();
  return MapHeader(header, sink);
}

bool Table::MapHeader(const CsvTokenizer& header, Sink* sink) {
  bool ok = true;
  const schema::Table& spec = *spec_;
  for (std::size_t c = 0; c < header.fields().size(); ++c) {
    const CsvField& field = header.fields()[c];
    // The header cell's place, for its diagnostics.
    const auto where = [&](const std::string& column_name) {
      const auto [line, column] = header.PlaceOf(field.offset);
      return FileOrigin(line, column, column_name);
    };
    const std::string name = absl::AsciiStrToLower(AV(TrimText(field.text)));
    header_names_.push_back(name);
    if (name.empty()) continue;  // a nameless column must stay empty (checked per row)
    int found = -1;
    for (std::size_t i = 0; i < spec.columns.size() && found < 0; ++i) {
      const schema::Column& col = spec.columns[i];
      if (col.name == name) found = static_cast<int>(i);
      for (std::string_view alias : col.aliases) {
        if (!alias.empty() && alias == name) found = static_cast<int>(i);
      }
    }
    if (found < 0) {
      std::vector<std::string_view> names;
      for (const schema::Column& col : spec.columns) names.push_back(col.name);
      sink->Report(DiagnosticKind::kValue, where(name), name, std::string(field.text),
                   absl::StrCat("one of ", JoinViews(names)),
                   absl::StrCat("unknown column \"", name, "\" in ", AV(spec.file)));
      continue;  // the other columns are still read
    }
    const auto f = static_cast<std::size_t>(found);
    if (index_[f] >= 0) {
      sink->Report(DiagnosticKind::kValue, where(name), name, std::string(field.text),
                   "each column once",
                   absl::StrCat("column \"", AV(spec.columns[f].name), "\" is given twice (as \"",
                                header_names_[static_cast<std::size_t>(index_[f])], "\" and \"",
                                name, "\")"));
      continue;
    }
    index_[f] = static_cast<int>(c);
  }
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    const schema::Column& col = spec.columns[i];
    if (col.required && index_[i] < 0) {
      std::string also;
      for (std::string_view alias : col.aliases) {
        if (!alias.empty()) absl::StrAppend(&also, also.empty() ? " (or " : ", ", AV(alias));
      }
      if (!also.empty()) also += ")";
      sink->Report(
          DiagnosticKind::kMissing, FileOrigin(header.line(), 1, col.name), std::string(col.name),
          "", absl::StrCat("a column ", AV(col.name), also),
          absl::StrCat("required column \"", AV(col.name), "\" is missing from ", AV(spec.file)));
      ok = false;
    }
  }
  return ok;
}

// One data row: typed access to its cells, reporting each bad cell.
class Row {
 public:
  Row(Chunk* chunk, const CsvTokenizer* record) : chunk_(chunk), record_(record) {}

  bool ok() const { return ok_; }

  // The row's place for the builder, as a locator (LoadContext::Resolve
  // makes the full origin — file, line, path "projects.csv" — when needed).
  std::uint64_t Locator() const {
    return LoadContext::Locator(chunk_->table().number(), record_->line());
  }

  const CsvField* Cell(std::string_view column) const {
    const int i = chunk_->IndexOf(column);
    if (i < 0 || static_cast<std::size_t>(i) >= record_->fields().size()) return nullptr;
    return &record_->fields()[static_cast<std::size_t>(i)];
  }

  // The place of this row's cell of `column` (its line, column 0 when absent).
  Origin CellOrigin(std::string_view column) const {
    const CsvField* cell = Cell(column);
    const auto [line, col] =
        cell ? record_->PlaceOf(cell->offset) : std::pair<int, int>(record_->line(), 0);
    return chunk_->table().FileOrigin(line, col, column);
  }

  void Report(DiagnosticKind kind, std::string_view column, std::string_view value,
              std::string_view expected, std::string message) {
    ok_ = false;
    chunk_->sink().Report(kind, CellOrigin(column), std::string(column), std::string(value),
                          std::string(expected), std::move(message));
  }

  // Free text, as written ("" when the column is absent).
  std::string_view TextView(std::string_view column) const {
    const CsvField* cell = Cell(column);
    return cell ? cell->text : std::string_view();
  }
  std::string Text(std::string_view column) const { return std::string(TextView(column)); }

  // A trimmed value; reports kMissing when required and empty.
  std::string_view ValueView(std::string_view column, bool required = false) {
    const std::string_view v = TrimText(TextView(column));
    if (v.empty() && required) {
      Report(DiagnosticKind::kMissing, column, "", absl::StrCat("a value for ", AV(column)),
             absl::StrCat("required value \"", AV(column), "\" is empty"));
    }
    return v;
  }
  std::string Value(std::string_view column, bool required = false) {
    return std::string(ValueView(column, required));
  }

  // A value read by a codec (absent when empty); a failure is reported with
  // the codec's message.
  template <typename T>
  std::optional<T> Decode(std::string_view column, std::string_view v, codec::Decoded<T> decoded,
                          std::string_view expected) {
    if (decoded.ok()) return std::move(decoded).value();
    Report(codec::DiagnosticKindOf(decoded.failure()), column, v, expected, decoded.message());
    return std::nullopt;
  }

  std::optional<Money> Amount(std::string_view column, bool required = false) {
    const std::string_view v = ValueView(column, required);
    if (v.empty()) return std::nullopt;
    return Decode(column, v, codec::DecodeAmount(v), kAmountExpected);
  }

  std::optional<Ratio> Number(std::string_view column) {
    const std::string_view v = ValueView(column);
    if (v.empty()) return std::nullopt;
    return Decode(column, v, codec::DecodeRatio(v), kNumberExpected);
  }

  std::optional<Date> DateValue(std::string_view column, bool required = false) {
    const std::string_view v = ValueView(column, required);
    if (v.empty()) return std::nullopt;
    return Decode(column, v, codec::DecodeDate(v), kDateExpected);
  }

  // A whole number in [lo, hi] (the JSON form's ranges).
  std::optional<int> Int(std::string_view column, int lo, int hi, bool required = false) {
    const std::string_view v = ValueView(column, required);
    if (v.empty()) return std::nullopt;
    return Decode(column, v, codec::DecodeInteger(v, lo, hi),
                  absl::StrCat("a whole number from ", lo, " to ", hi));
  }

  std::optional<bool> Bool(std::string_view column) {
    const std::string_view v = ValueView(column);
    if (v.empty()) return std::nullopt;
    return Decode(column, v, codec::DecodeBool(v), kBoolExpected);
  }

  template <typename E>
  std::optional<E> Enum(std::string_view column, std::optional<E> (*parse)(std::string_view),
                        bool required = false) {
    const std::string_view v = ValueView(column, required);
    if (v.empty()) return std::nullopt;
    codec::Decoded<E> e = chunk_->enums().Decode(parse, v);
    if (e.ok()) return *e;
    Report(codec::DiagnosticKindOf(e.failure()), column, v, EnumExpected(E{}),
           absl::StrCat("unknown ", AV(column), " \"", AV(v), "\""));
    return std::nullopt;
  }

 private:
  Chunk* chunk_;
  const CsvTokenizer* record_;
  bool ok_ = true;
};

// Checks the row's shape; false (reported) when it cannot be read.
bool RowShapeOk(Chunk& c, const CsvTokenizer& r) {
  const Table& t = c.table();
  const std::size_t want = t.header_names().size();
  const std::vector<CsvField>& cells = r.fields();
  if (cells.size() != want) {
    const CsvField& last = cells.back();
    const CsvField& at = cells.size() > want ? cells[want] : last;
    const auto [line, column] = r.PlaceOf(at.offset);
    c.sink().Report(DiagnosticKind::kSyntax, t.FileOrigin(line, column), "", "",
                    absl::StrCat(want, " fields, as in the header row"),
                    absl::StrCat("row has ", cells.size(), " field", cells.size() == 1 ? "" : "s",
                                 ", the header has ", want));
    return false;
  }
  for (std::size_t k = 0; k < want; ++k) {
    if (t.header_names()[k].empty() && !TrimText(cells[k].text).empty()) {
      const auto [line, column] = r.PlaceOf(cells[k].offset);
      c.sink().Report(DiagnosticKind::kValue, t.FileOrigin(line, column), "",
                      std::string(cells[k].text), "an empty cell or a column name in the header",
                      "value in a column that has no name");
      return false;
    }
  }
  return true;
}

bool AllEmpty(const CsvTokenizer& r) {
  for (const CsvField& c : r.fields()) {
    if (!TrimText(c.text).empty()) return false;
  }
  return true;
}

// Calls `fn(Row&)` for each readable data row of the table.
template <typename Fn>
void ForEachRow(Chunk& c, Fn fn) {
  CsvTokenizer& rows = c.tokenizer();
  while (rows.Next()) {
    if (AllEmpty(rows)) continue;  // a blank spreadsheet row
    if (!RowShapeOk(c, rows)) continue;
    Row row(&c, &rows);
    fn(row);
    if (!row.ok()) c.out().damaged.push_back(row.Locator());
  }
}

void ReadDatasetTable(Chunk& t) {
  DatasetInfo info;
  int rows = 0;
  ForEachRow(t, [&](Row& row) {
    if (++rows > 1) {
      row.Report(DiagnosticKind::kValue, "format", "", "exactly one data row",
                 "dataset.csv has more than one data row");
      return;
    }
    const std::string format = row.Value("format", true);
    if (!format.empty() && format != kDatasetFormatName) {
      row.Report(DiagnosticKind::kFormat, "format", format, kDatasetFormatName,
                 "not a perfbudget dataset");
    }
    std::optional<int> version = row.Int("version", 0, 1000000, true);
    if (version && *version != kDatasetFormatVersion) {
      row.Report(DiagnosticKind::kFormat, "version", absl::StrCat(*version),
                 absl::StrCat(kDatasetFormatVersion), "unsupported dataset version");
    }
    info.jurisdiction_code = row.Value("jurisdiction_code");
    info.jurisdiction_name = row.Text("jurisdiction_name");
    info.fiscal_year = row.Int("fiscal_year", 1400, 9998, true).value_or(0);
    info.fiscal_year_start_month = row.Int("start_month", 1, 12).value_or(1);
    info.fiscal_year_named_by_end = row.Bool("named_by_end").value_or(false);
    info.title = row.Text("title");
    info.as_of = row.DateValue("as_of");
    t.out().info.push_back(
        {info, row.Locator(), info.as_of.has_value() ? row.CellOrigin("as_of") : Origin()});
  });
  if (rows == 0) {
    t.sink().Report(DiagnosticKind::kMissing, t.table().FileOrigin(2, 1), "", "",
                    "one data row after the header", "dataset.csv has no data row");
  }
}

void ReadUnits(Chunk& t) {
  ForEachRow(t, [&](Row& row) {
    Unit u;
    u.id = row.Value("id", true);
    u.name = row.Text("name");
    if (!u.id.empty()) t.out().units.push_back({std::move(u), row.Locator()});
  });
}

void ReadProjects(Chunk& t) {
  ForEachRow(t, [&](Row& row) {
    Project p;
    p.id = row.Value("id", true);
    p.unit_id = row.Value("unit", true);
    p.name = row.Text("name");
    if (TrimText(p.name).empty()) row.Value("name", true);
    p.category = row.Text("category");
    p.kind = row.Enum("kind", &ParseProjectKind).value_or(p.kind);
    p.is_key = row.Bool("key").value_or(false);
    p.status = row.Enum("status", &ParseProjectStatus).value_or(p.status);
    p.start_year = row.Int("start_year", 0, 9999).value_or(0);
    p.requested = row.Amount("requested").value_or(Money());
    p.disclosure.with_budget = row.Bool("disclose_with_budget").value_or(false);
    p.disclosure.with_approval = row.Bool("disclose_with_approval").value_or(false);
    if (!p.id.empty()) t.out().projects.push_back({std::move(p), row.Locator()});
  });
}

void ReadFunds(Chunk& t) {
  ForEachRow(t, [&](Row& row) {
    std::string project = row.Value("project", true);
    FundLine f;
    f.source = row.Enum("source", &ParseFundSource, true).value_or(f.source);
    std::optional<Money> approved = row.Amount("approved", true);
    f.approved = approved.value_or(Money());
    f.origin_year = row.Int("origin_year", 0, 9999).value_or(0);
    if (row.ok()) t.out().funds.push_back({std::move(project), f, row.Locator()});
  });
}

void ReadAdjustments(Chunk& t) {
  ForEachRow(t, [&](Row& row) {
    std::string project = row.Value("project", true);
    Adjustment a;
    std::optional<Date> date = row.DateValue("date", true);
    a.source = row.Enum("source", &ParseFundSource).value_or(a.source);
    a.amount = row.Amount("amount", true).value_or(Money());
    a.reason = row.Text("reason");
    if (row.ok() && date) {
      a.date = *date;
      t.out().adjustments.push_back({std::move(project), std::move(a), row.Locator()});
    }
  });
}

void ReadPaymentPlan(Chunk& t) {
  ForEachRow(t, [&](Row& row) {
    std::string project = row.Value("project", true);
    std::optional<Date> date = row.DateValue("date", true);
    std::optional<Money> amount = row.Amount("amount", true);
    if (row.ok() && date && amount) {
      t.out().payments.push_back(
          {std::move(project), PlannedPayment{*date, *amount}, row.Locator()});
    }
  });
}

void ReadGoals(Chunk& t) {
  ForEachRow(t, [&](Row& row) {
    Goal g;
    g.id = row.Value("id", true);
    g.owner = row.Enum("owner", &ParseGoalOwner, true).value_or(g.owner);
    g.project_id = row.Value("project");
    g.unit_id = row.Value("unit");
    g.text = row.Text("text");
    if (g.id.empty()) return;
    t.out().goals.push_back({std::move(g), row.Locator()});
  });
}

void ReadIndicators(Chunk& t) {
  ForEachRow(t, [&](Row& row) {
    std::string goal = row.Value("goal", true);
    Indicator ind;
    ind.id = row.Value("id");
    ind.level1 = row.Enum("level1", &ParseIndicatorLevel1, true).value_or(ind.level1);
    ind.level2 = row.Enum("level2", &ParseIndicatorLevel2, true).value_or(ind.level2);
    ind.name = row.Text("name");
    if (TrimText(ind.name).empty()) row.Value("name", true);
    std::optional<Comparator> comparator = row.Enum("comparator", &ParseComparator);
    const std::string target_text = row.Text("target_text");
    if (!target_text.empty()) {
      // Exact form: plain numbers plus the text as written.
      ind.target_text = target_text;
      ind.target = row.Number("target");
      ind.target_high = row.Number("target_high");
      ind.comparator = comparator.value_or(ind.target_high ? Comparator::kRange : Comparator::kGe);
      ind.unit_of_measure = row.Value("unit_of_measure");
    } else {
      codec::CodecFailure failure;
      absl::Status target =
          ResolveIndicatorTarget(row.Text("target"), row.Text("target_high"), comparator,
                                 TrimText(row.Text("unit_of_measure")), &ind, &failure);
      if (!target.ok()) {
        row.Report(codec::DiagnosticKindOf(failure), "target_high", row.Value("target_high"),
                   kNumberExpected, std::string(target.message()));
      }
    }
    ind.weight = row.Number("weight");
    ind.baseline = row.Number("baseline");
    ind.value_source =
        row.Enum("value_source", &ParseValueSource).value_or(ValueSource::kUnspecified);
    ind.evaluation_standard = row.Text("evaluation_standard");
    if (!goal.empty() && !TrimText(ind.name).empty()) {
      t.out().indicators.push_back({std::move(goal), std::move(ind), row.Locator()});
    }
  });
}

void ReadActuals(Chunk& t) {
  ForEachRow(t, [&](Row& row) {
    std::string goal = row.Value("goal", true);
    std::string indicator = row.Value("indicator", true);
    IndicatorActual a;
    std::optional<Date> date = row.DateValue("date", true);
    a.value = row.Number("value");
    a.grade = row.Enum("grade", &ParseQualitativeGrade);
    a.text = row.Text("text");
    if (row.ok() && date) {
      a.date = *date;
      t.out().actuals.push_back(
          {std::move(goal), std::move(indicator), std::move(a), row.Locator()});
    }
  });
}

void ReadDisbursements(Chunk& t) {
  ChunkRecords& out = t.out();
  // Appends `text` to the arena; false when the arena would pass 4 GiB (a
  // table that large is refused by max_file_bytes long before).
  const auto append = [&out](std::string_view text, std::uint32_t* offset, std::uint32_t* size) {
    if (out.disbursement_text.size() + text.size() > UINT32_MAX) return false;
    *offset = static_cast<std::uint32_t>(out.disbursement_text.size());
    *size = static_cast<std::uint32_t>(text.size());
    out.disbursement_text.append(text);
    return true;
  };
  ForEachRow(t, [&](Row& row) {
    CompactDisbursement d;
    const std::string_view id = row.ValueView("id");
    const std::string_view project = row.ValueView("project", true);
    std::optional<Date> date = row.DateValue("date", true);
    d.source = row.Enum("source", &ParseFundSource).value_or(d.source);
    d.amount = row.Amount("amount", true).value_or(Money());
    if (row.ok() && date) {
      d.date = *date;
      d.locator = row.Locator();
      if (!append(id, &d.id_offset, &d.id_size) ||
          !append(project, &d.project_offset, &d.project_size)) {
        throw std::bad_alloc();
      }
      out.disbursements.push_back(d);
    }
  });
}

void ReadExAnte(Chunk& t) {
  static constexpr std::string_view kScoreColumns[kExAnteDimensionCount] = {
      "necessity", "economy", "goal_soundness", "feasibility", "funding_compliance"};
  ForEachRow(t, [&](Row& row) {
    ExAnteAssessment a;
    a.project_id = row.Value("project", true);
    a.date = row.DateValue("date");
    a.requested = row.Amount("requested").value_or(Money());
    for (int k = 0; k < kExAnteDimensionCount; ++k) {
      a.scores[static_cast<std::size_t>(k)] = row.Number(kScoreColumns[k]);
    }
    a.note = row.Text("note");
    if (row.ok()) t.out().ex_ante.push_back({std::move(a), row.Locator()});
  });
}

// Items of a newline-separated list cell (CRLF tolerated, empty lines dropped).
std::vector<std::string> SplitList(const std::string& cell) {
  std::vector<std::string> items;
  for (std::string_view line : SplitLines(cell)) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!TrimText(line).empty()) items.emplace_back(line);
  }
  return items;
}

void ReadEvaluations(Chunk& t) {
  ForEachRow(t, [&](Row& row) {
    Evaluation e;
    e.id = row.Value("id", true);
    e.kind = row.Enum("kind", &ParseEvaluationKind).value_or(e.kind);
    e.project_id = row.Value("project");
    e.unit_id = row.Value("unit");
    e.evaluated_year = row.Int("evaluated_year", 0, 9999).value_or(0);
    e.date = row.DateValue("date");
    e.amount = row.Amount("amount").value_or(Money());
    e.score = row.Number("score");
    e.grade = row.Enum("grade", &ParseGrade);
    e.evaluator = row.Text("evaluator");
    e.problems = SplitList(row.Text("problems"));
    e.suggestions = SplitList(row.Text("suggestions"));
    e.published_with_final_accounts = row.Bool("published_with_final_accounts").value_or(false);
    if (!e.id.empty()) t.out().evaluations.push_back({std::move(e), row.Locator()});
  });
}

void ReadRectifications(Chunk& t) {
  ForEachRow(t, [&](Row& row) {
    RectificationItem r;
    r.id = row.Value("id", true);
    r.evaluation_id = row.Value("evaluation");
    r.unit_id = row.Value("unit");
    r.project_id = row.Value("project");
    r.description = row.Text("description");
    r.owner = row.Text("owner");
    r.due = row.DateValue("due");
    r.status = row.Enum("status", &ParseRectificationStatus).value_or(r.status);
    r.closed = row.DateValue("closed");
    if (row.ok()) t.out().rectifications.push_back({std::move(r), row.Locator()});
  });
}

using ReadFn = void (*)(Chunk&);
constexpr ReadFn kReaders[schema::kTableCount] = {
    &ReadDatasetTable, &ReadUnits,       &ReadProjects,       &ReadFunds,   &ReadAdjustments,
    &ReadPaymentPlan,  &ReadGoals,       &ReadIndicators,     &ReadActuals, &ReadDisbursements,
    &ReadExAnte,       &ReadEvaluations, &ReadRectifications,
};
constexpr int kDatasetTable = 0;    // one row: never cut into chunks
constexpr int kIndicatorTable = 7;  // grouped by goal as it is fed

// Feeds the records read, in table and row order, to the builder (one
// thread: the builder is not shared).
class Feeder {
 public:
  explicit Feeder(DatasetBuilder* builder) : builder_(builder) {}

  void FeedDiagnostics(Sink& sink) {
    for (const Diagnostic& d : sink.diagnostics.items()) builder_->AddDiagnostic(d);
    builder_->AddDroppedDiagnostics(sink.diagnostics.dropped());
    sink.diagnostics = perfbudget::Diagnostics(0);
  }

  void StartIndicators() {
    // The first goal of each id, indexed now that every goal is read: made
    // with room for all of them (Abseil's tables do not survive a
    // std::bad_alloc while growing; base/absl_compat.h).
    goal_index_ = StringMap<std::uint32_t>(RoomFor(goals_.size()));
    for (std::uint32_t i = 0; i < goals_.size(); ++i) {
      goal_index_.emplace(std::string(goals_[i].goal.id), i);
    }
  }
  void EndIndicators() { FlushRun(); }
  // Whether a dataset.csv row has been given to the builder.
  bool info_fed() const { return info_fed_; }

  void FeedRecords(ChunkRecords& c) {
    DatasetBuilder& b = *builder_;
    for (DatasetRow& r : c.info) {
      b.SetInfo(std::move(r.info), PlaceOf(c, r.locator), std::move(r.as_of_where));
      info_fed_ = true;
    }
    for (auto& r : c.units) b.AddUnit(std::move(r.record), PlaceOf(c, r.locator));
    for (auto& r : c.projects) b.AddProject(std::move(r.record), PlaceOf(c, r.locator));
    for (auto& r : c.funds) {
      b.AddFundLine(std::move(r.project), r.record, PlaceOf(c, r.locator));
    }
    for (auto& r : c.adjustments) {
      b.AddAdjustment(std::move(r.project), std::move(r.record), PlaceOf(c, r.locator));
    }
    for (auto& r : c.payments) {
      b.AddPlannedPayment(std::move(r.project), r.record, PlaceOf(c, r.locator));
    }
    for (auto& r : c.goals) {
      goals_.push_back({std::move(r.record), r.locator, PlaceOf(c, r.locator).damaged, {}});
    }
    for (IndicatorRow& r : c.indicators) AddIndicatorRow(r);
    for (ActualRow& r : c.actuals) {
      b.AddActual(std::move(r.goal), std::move(r.indicator), std::move(r.actual),
                  PlaceOf(c, r.locator));
    }
    const std::string_view text = c.disbursement_text;
    for (const CompactDisbursement& r : c.disbursements) {
      Disbursement d;
      d.id = std::string(text.substr(r.id_offset, r.id_size));
      d.project_id = std::string(text.substr(r.project_offset, r.project_size));
      d.date = r.date;
      d.source = r.source;
      d.amount = r.amount;
      b.AddDisbursement(std::move(d), PlaceOf(c, r.locator));
    }
    for (auto& r : c.ex_ante) b.AddExAnteAssessment(std::move(r.record), PlaceOf(c, r.locator));
    for (auto& r : c.evaluations) b.AddEvaluation(std::move(r.record), PlaceOf(c, r.locator));
    for (auto& r : c.rectifications) {
      b.AddRectification(std::move(r.record), PlaceOf(c, r.locator));
    }
    { const ChunkRecords gone = std::move(c); }  // freed (a move keeps no buffer)
  }

  // The goals, with their indicators inline, once every table is fed.
  void Goals() {
    std::vector<Origin> origins;  // one goal's indicator places at a time
    for (PendingGoal& g : goals_) {
      origins.clear();
      for (std::uint64_t l : g.indicator_locators) origins.push_back(Origin::Locator(l));
      g.indicator_locators = {};
      Origin where = Origin::Locator(g.where);
      where.damaged = g.damaged;
      builder_->AddGoal(std::move(g.goal), std::move(where), origins);
    }
    goals_ = {};
    goal_index_ = {};
  }

 private:
  // Goals from goals.csv, given to the builder after indicators.csv has been
  // read, with their indicators inline: each list is sized once, and no
  // separate indicator rows stay alive beside the goals' lists. Indicators
  // naming no known goal still go to the builder on their own (it reports
  // them, as before). Places are kept as locators (8 bytes, not an 80-byte
  // Origin each) and made Origins one goal at a time when the goal is
  // handed over.
  struct PendingGoal {
    Goal goal;
    std::uint64_t where;
    bool damaged;
    std::vector<std::uint64_t> indicator_locators;
  };

  void AddIndicatorRow(IndicatorRow& r) {
    const auto it = goal_index_.find(r.goal);
    if (it == goal_index_.end()) {
      builder_->AddIndicator(std::move(r.goal), std::move(r.indicator), Origin::Locator(r.locator));
      return;
    }
    if (it->second != run_goal_) {
      FlushRun();
      run_goal_ = it->second;
    }
    run_.push_back(std::move(r.indicator));
    run_locators_.push_back(r.locator);
  }

  // A goal's rows usually come together: a run is gathered, then appended
  // to its goal's list in one go (exact capacity when the run is the whole
  // list).
  void FlushRun() {
    if (run_.empty()) return;
    PendingGoal& g = goals_[run_goal_];
    g.goal.indicators.reserve(g.goal.indicators.size() + run_.size());
    for (perfbudget::Indicator& ind : run_) g.goal.indicators.push_back(std::move(ind));
    g.indicator_locators.insert(g.indicator_locators.end(), run_locators_.begin(),
                                run_locators_.end());
    run_.clear();
    run_locators_.clear();
  }

  DatasetBuilder* builder_;
  std::vector<PendingGoal> goals_;
  StringMap<std::uint32_t> goal_index_;  // the first goal of each id
  std::uint32_t run_goal_ = kNoIndex;
  std::vector<perfbudget::Indicator> run_;
  std::vector<std::uint64_t> run_locators_;
  bool info_fed_ = false;
};

// A table's state in a load: its text and header, then its chunks' records
// and diagnostics.
struct TableSlot {
  TableSlot(const LoadContext* ctx, int number, std::size_t max_errors)
      : table(ctx, number), header(max_errors) {}
  Table table;
  Sink header;  // reading, decoding, syntax and header problems
  struct Range {
    std::size_t begin;
    std::size_t end;
    std::int64_t line;
  };
  std::vector<Range> ranges;          // set before `prepared`
  std::vector<Sink> sinks;            // one per chunk
  std::vector<ChunkRecords> records;  // one per chunk
  // Guarded by the load's mutex:
  bool prepared = false;   // the file and header are read, `ranges` set
  std::vector<char> done;  // chunk k is read
  std::size_t chunks_left = 0;
};

// The size of the chunks a table is cut into when CsvLoadOptions::chunk_bytes
// is 0, whatever the thread count (so the cut, like everything else, does
// not depend on it): small enough that only a few chunks' records are held
// before they are fed, large enough that a chunk's fixed costs do not count.
// It is also the least input (all tables) for which more threads than the
// caller's are started at all.
constexpr std::size_t kDefaultChunkBytes = std::size_t{1} << 20;

std::size_t ChunkBytes(const CsvLoadOptions& options) {
  return options.chunk_bytes == 0 ? kDefaultChunkBytes : options.chunk_bytes;
}
// The most threads a load uses, whatever it is allowed.
constexpr unsigned kMaxLoadThreads = 64;

// Reads the tables, each on whichever thread is free (the caller's too),
// cut into chunks of about ChunkBytes(options) read in parallel. The caller feeds
// the builder in table and chunk order as chunks become ready. Every task
// catches its own exceptions (std::bad_alloc → ResourceExhausted): nothing
// escapes a thread.
class ParallelRead {
 public:
  ParallelRead(const LoadContext* ctx, unsigned threads) : ctx_(ctx), threads_(threads) {
    slots_.reserve(schema::kTableCount);
    for (int i = 0; i < schema::kTableCount; ++i) {
      slots_.emplace_back(ctx, i, ctx->options.max_errors);
      queue_.push_back({i, -1});
    }
  }
  ParallelRead(const ParallelRead&) = delete;
  ParallelRead& operator=(const ParallelRead&) = delete;
  // Stops and joins the helpers (also when the caller leaves by an
  // exception).
  ~ParallelRead() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
      queue_.clear();
    }
    cv_.notify_all();
    helpers_.clear();  // joins
  }

  // Starts up to `threads - 1` helpers (fewer if the system has no more).
  void Start() {
    const unsigned helpers = threads_ - 1;
    helpers_.reserve(helpers);
    for (unsigned k = 0; k < helpers; ++k) {
      try {
        helpers_.emplace_back([this] { Help(); });
      } catch (const std::system_error&) {
        break;  // the ones started (or the caller alone) do the work
      }
    }
  }

  // Wait until table `i`'s file and header are read (its `ranges` set), or
  // its chunk `k` is read, doing tasks meanwhile; false when the load failed
  // (status()).
  bool WaitPrepared(int i) {
    const TableSlot& slot = slots_[static_cast<std::size_t>(i)];
    return WaitUntil([&slot] { return slot.prepared; });
  }
  bool WaitChunk(int i, std::size_t k) {
    const TableSlot& slot = slots_[static_cast<std::size_t>(i)];
    return WaitUntil([&slot, k] { return slot.done[k] != 0; });
  }
  absl::Status status() {
    std::lock_guard<std::mutex> lock(mu_);
    return failure_;
  }
  TableSlot& slot(int i) { return slots_[static_cast<std::size_t>(i)]; }

 private:
  struct Task {
    int table;
    int chunk;  // -1: read the file and header
  };

  // `ready()` is called with mu_ held.
  template <typename Ready>
  bool WaitUntil(Ready ready) {
    std::unique_lock<std::mutex> lock(mu_);
    while (!ready() && failure_.ok()) {
      if (!queue_.empty()) {
        const Task task = queue_.front();
        queue_.pop_front();
        lock.unlock();
        Run(task);
        lock.lock();
        continue;
      }
      cv_.wait(lock);
    }
    return failure_.ok();
  }

  void Help() {
    while (true) {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !failure_.ok() || !queue_.empty(); });
      if (stop_ || !failure_.ok()) return;
      const Task task = queue_.front();
      queue_.pop_front();
      lock.unlock();
      Run(task);
    }
  }

  void Run(Task task) noexcept {
    try {
      if (task.chunk < 0) {
        Prepare(task.table);
      } else {
        ReadChunk(task.table, static_cast<std::size_t>(task.chunk));
      }
    } catch (const std::bad_alloc&) {
      Fail(OutOfMemory("loading CSV tables"));
    } catch (const std::exception& e) {
      Fail(absl::InternalError(absl::StrCat("loading CSV tables: ", e.what())));
    } catch (...) {
      Fail(absl::InternalError("loading CSV tables: unknown exception"));
    }
  }

  void Fail(absl::Status status) noexcept {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (failure_.ok()) failure_ = std::move(status);
      queue_.clear();
    }
    cv_.notify_all();
  }

  void Prepare(int i) {
    TableSlot& slot = slots_[static_cast<std::size_t>(i)];
    if (!slot.table.Load(&slot.header)) {
      slot.table.Release();
      {
        std::lock_guard<std::mutex> lock(mu_);
        slot.prepared = true;  // no chunks
      }
      cv_.notify_all();
      return;
    }
    const std::string_view text = slot.table.text();
    const std::size_t begin = slot.table.data_begin();
    std::size_t parts = 1;
    if (i != kDatasetTable && slot.table.quotes_well_formed()) {
      parts = std::max<std::size_t>(1, (text.size() - begin) / ChunkBytes(ctx_->options));
    }
    const std::vector<std::size_t> points = CsvSplitPoints(text, begin, parts);
    std::size_t from = begin;
    std::int64_t line = slot.table.data_line();
    for (std::size_t k = 0; k <= points.size(); ++k) {
      const std::size_t to = k < points.size() ? points[k] : text.size();
      slot.ranges.push_back({from, to, line});
      if (k < points.size()) line += CsvCountLineEnds(text, from, to);
      from = to;
    }
    const std::size_t chunks = slot.ranges.size();
    slot.sinks.assign(chunks, Sink(ctx_->options.max_errors));
    slot.records.resize(chunks);
    {
      std::lock_guard<std::mutex> lock(mu_);
      slot.chunks_left = chunks;
      slot.done.assign(chunks, 0);
      slot.prepared = true;
      // Ahead of the other tables' reading: this table is fed first.
      for (std::size_t k = chunks; k-- > 1;) queue_.push_front({i, static_cast<int>(k)});
    }
    cv_.notify_all();
    ReadChunk(i, 0);
  }

  void ReadChunk(int i, std::size_t k) {
    TableSlot& slot = slots_[static_cast<std::size_t>(i)];
    {
      const TableSlot::Range& range = slot.ranges[k];
      Chunk chunk(&slot.table, range.begin, range.end, range.line, &slot.sinks[k],
                  &slot.records[k]);
      kReaders[i](chunk);
    }
    bool last = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      slot.done[k] = 1;
      last = --slot.chunks_left == 0;
    }
    cv_.notify_all();
    if (last) slot.table.Release();  // every chunk is read: the text goes
  }

  const LoadContext* ctx_;
  unsigned threads_;
  std::vector<TableSlot> slots_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Task> queue_;
  absl::Status failure_;
  bool stop_ = false;
  std::vector<std::jthread> helpers_;  // last: joined first
};

// The threads a load may use: options.threads, 0 = every core.
unsigned LoadThreads(unsigned requested) {
  unsigned n = requested;
  if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
  return std::min(n, kMaxLoadThreads);
}

// The size of the tables in `dir` (those present), to decide whether helper
// threads are worth starting.
std::uintmax_t TablesSize(const LoadContext& ctx) {
  std::uintmax_t total = 0;
  for (const std::string& path : ctx.paths) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec) total += size;
  }
  return total;
}

}  // namespace

absl::StatusOr<Dataset> LoadDatasetCsv(const std::string& dir, const CsvLoadOptions& options,
                                       Diagnostics* diagnostics) try {
  DatasetBuilder builder;
  // max_errors problems are kept, the rest counted; every row is still read
  // (the count is reported), bounded by the size of the tables.
  builder.SetMaxLoaderDiagnostics(options.max_errors);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    Diagnostic d;
    d.kind = DiagnosticKind::kIo;
    d.where.file = dir;
    d.expected = "a folder of CSV tables";
    d.message = std::filesystem::exists(dir, ec) ? "not a folder" : "no such folder";
    if (diagnostics != nullptr) {
      *diagnostics = Diagnostics(options.max_errors);
      diagnostics->Add(d);
    }
    return absl::NotFoundError(d.ToString());
  }
  LoadContext ctx{dir, options, {}};
  for (int i = 0; i < schema::kTableCount; ++i) {
    ctx.paths[static_cast<std::size_t>(i)] =
        JoinPath(dir, schema::kTables[static_cast<std::size_t>(i)].file);
  }
  builder.SetOriginResolver([&ctx](std::uint64_t locator) { return ctx.Resolve(locator); });
  unsigned threads = LoadThreads(options.threads);
  if (threads > 1 && TablesSize(ctx) < ChunkBytes(options)) threads = 1;
  Feeder feeder(&builder);
  {
    ParallelRead read(&ctx, threads);
    read.Start();
    for (int i = 0; i < schema::kTableCount; ++i) {
      if (!read.WaitPrepared(i)) return read.status();
      TableSlot& slot = read.slot(i);
      feeder.FeedDiagnostics(slot.header);
      if (i == kIndicatorTable) feeder.StartIndicators();
      // Each chunk as soon as it is read (and its records freed once fed).
      for (std::size_t k = 0; k < slot.ranges.size(); ++k) {
        if (!read.WaitChunk(i, k)) return read.status();
        feeder.FeedDiagnostics(slot.sinks[k]);
        feeder.FeedRecords(slot.records[k]);
      }
      if (i == kIndicatorTable) feeder.EndIndicators();
    }
  }
  feeder.Goals();
  if (!feeder.info_fed()) {
    // No readable dataset.csv row (reported): the header is damaged, so its
    // default fiscal year is not reported again.
    Origin header;
    header.file = ctx.paths[kDatasetTable];
    header.damaged = true;
    builder.SetInfo(DatasetInfo{}, std::move(header));
  }
  BuildOptions build;
  build.max_errors = options.max_errors;
  return builder.Build(build, diagnostics);
} catch (const std::bad_alloc&) {
  return OutOfMemory("loading CSV tables");
}

}  // namespace perfbudget
