// csv_reader.cc: LoadDatasetCsv, the CSV folder form of a dataset
// (docs/format.md). Reads every table, checks every cell, reports every
// problem with file, line and column, and feeds a DatasetBuilder.
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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

// Shared state of one load.
struct LoadContext {
  std::string dir;
  CsvLoadOptions options;
  DatasetBuilder* builder;
  // Records carry a locator (table, line) that Resolve turns into the full
  // origin only when a diagnostic reports it.
  std::array<std::string, schema::kTableCount> paths;

  static constexpr int kTableShift = 40;
  static std::uint64_t Locator(int table, int line) {
    return (static_cast<std::uint64_t>(table + 1) << kTableShift) |
           static_cast<std::uint64_t>(line);
  }
  // Enum texts met in this load.
  codec::EnumMemo enums;

  // Goals from goals.csv, given to the builder after indicators.csv has been
  // read, with their indicators inline: each list is sized once, and no
  // separate indicator rows stay alive beside the goals' lists. Indicators
  // naming no known goal still go to the builder on their own (it reports
  // them, as before).
  // Places are kept as locators (8 bytes, not an 80-byte Origin each) and
  // made Origins one goal at a time when the goal is handed over.
  struct PendingGoal {
    Goal goal;
    std::uint64_t where;
    std::vector<std::uint64_t> indicator_locators;
  };
  std::vector<PendingGoal> goals;
  StringMap<std::uint32_t> goal_index;  // the first goal of each id

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

  void Report(DiagnosticKind kind, Origin where, std::string field, std::string value,
              std::string expected, std::string message) {
    Diagnostic d;
    d.kind = kind;
    d.where = std::move(where);
    d.field = std::move(field);
    d.value = std::move(value);
    d.expected = std::move(expected);
    d.message = std::move(message);
    builder->AddDiagnostic(std::move(d));
  }
};

// One table's header and records, after decoding and tokenizing.
class Table {
 public:
  Table(LoadContext* ctx, int number)
      : ctx_(ctx),
        number_(number),
        spec_(schema::kTables[static_cast<std::size_t>(number)]),
        path_(JoinPath(ctx->dir, spec_.file)),
        index_(spec_.columns.size(), -1) {
    ctx->paths[static_cast<std::size_t>(number)] = path_;
  }

  // Reads, decodes and tokenizes the file and maps its header. False when the
  // table is absent or unusable (problems reported).
  bool Load();

  LoadContext& ctx() { return *ctx_; }
  int number() const { return number_; }
  const schema::Table& spec() const { return spec_; }
  const std::string& path() const { return path_; }
  // Reads the data rows one at a time (after Load).
  CsvTokenizer& tokenizer() { return *tokenizer_; }
  // The cell index of column `name` (canonical), -1 when absent. Callers
  // name columns by string literals: remembered by address (and checked)
  // after the first look-up. A table's reader asks for its columns in the
  // same order every row, so the search starts after the last one found.
  int IndexOf(std::string_view name) const {
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
    for (std::size_t c = 0; c < spec_.columns.size(); ++c) {
      if (spec_.columns[c].name == name) {
        found = index_[c];
        break;
      }
    }
    index_memo_.push_back({name.data(), name.size(), found});
    memo_next_ = index_memo_.size();
    return found;
  }
  const std::vector<std::string>& header_names() const { return header_names_; }
  Origin FileOrigin(int line = 0, int column = 0, std::string_view column_name = "") const {
    Origin o;
    o.file = path_;
    o.line = line;
    o.column = column;
    o.path = column_name.empty() ? std::string(spec_.file)
                                 : absl::StrCat(AV(spec_.file), ":", AV(column_name));
    return o;
  }

 private:
  bool MapHeader();

  LoadContext* ctx_;
  int number_;  // in schema::kTables
  const schema::Table& spec_;
  std::string path_;
  std::vector<int> index_;  // spec column → cell index
  struct IndexMemo {
    const char* data;
    std::size_t size;
    int index;
  };
  mutable std::vector<IndexMemo> index_memo_;
  mutable std::size_t memo_next_ = 0;
  std::vector<std::string> header_names_;  // by cell index, as written
  // The text (in bytes_, or decoded_ when it had to be decoded) and its
  // tokenizer, past the header row.
  std::string bytes_;
  DecodedText decoded_;
  std::optional<CsvTokenizer> tokenizer_;
};

bool Table::Load() {
  absl::StatusOr<std::string> bytes = ReadFile(path_, {.max_bytes = ctx_->options.max_file_bytes});
  if (!bytes.ok()) {
    if (absl::IsNotFound(bytes.status())) {
      if (spec_.required) {
        ctx_->Report(DiagnosticKind::kMissing, FileOrigin(), "", "",
                     absl::StrCat("a file ", AV(spec_.file), " in the dataset folder"),
                     absl::StrCat("required table ", AV(spec_.file), " is missing"));
      }
      return false;
    }
    ctx_->Report(DiagnosticKind::kIo, FileOrigin(), "", "", "a readable file",
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
      ctx_->Report(DiagnosticKind::kEncoding, FileOrigin(), "", "", "GB18030 text",
                   std::string(d.status().message()));
      return false;
    }
    decoded = *std::move(d);
  }
  const int encoding_errors = static_cast<int>(decoded.errors.size());
  for (int i = 0; i < encoding_errors && i < kMaxEncodingErrorsPerFile; ++i) {
    const EncodingError& e = decoded.errors[static_cast<std::size_t>(i)];
    ctx_->Report(
        DiagnosticKind::kEncoding, FileOrigin(e.line, e.column), "", e.bytes,
        utf8 ? "UTF-8 text (for GB18030/GBK files, load with encoding gb18030)" : "GB18030 text",
        utf8 ? "invalid UTF-8 byte sequence" : "byte sequence that is not GB18030");
  }
  if (encoding_errors > kMaxEncodingErrorsPerFile) {
    ctx_->Report(DiagnosticKind::kEncoding, FileOrigin(), "", "",
                 utf8 ? "UTF-8 text" : "GB18030 text",
                 absl::StrCat(encoding_errors - kMaxEncodingErrorsPerFile,
                              " more undecodable byte sequences in this file"));
  }

  if (!valid_utf8) bytes_ = std::string();  // decoded_ holds the text
  const std::string_view text = valid_utf8.value_or(std::string_view(decoded.utf8));
  // Syntax errors are reported first, before any row's. Only a double quote
  // can make one: when a quick look at the quotes finds nothing wrong (the
  // usual case), the rows are read in one pass; else a first pass collects
  // the errors.
  std::size_t syntax_errors = 0;
  int first_error_line = 0;
  if (!CsvQuotesWellFormed(text)) {
    CsvTokenizer first_pass(text);
    while (first_pass.Next()) {
    }
    syntax_errors = first_pass.errors().size();
    if (syntax_errors > 0) first_error_line = first_pass.errors().front().line;
    for (const CsvSyntaxError& e : first_pass.errors()) {
      ctx_->Report(DiagnosticKind::kSyntax, FileOrigin(e.line, e.column), "", "", "RFC 4180 CSV",
                   e.message);
    }
  }
  tokenizer_.emplace(text);
  if (!tokenizer_->Next()) {
    if (syntax_errors == 0) {
      ctx_->Report(DiagnosticKind::kMissing, FileOrigin(1, 1), "", "",
                   "a header row naming the columns", "table has no header row");
    }
    return false;
  }
  // A header row spoiled by a syntax error (already reported) names no
  // columns: reading the next row as the header would only add follow-on
  // errors, so the table's rows are not read.
  if (syntax_errors > 0 && first_error_line <= tokenizer_->line()) return false;
  return MapHeader();
}

bool Table::MapHeader() {
  bool ok = true;
  const CsvTokenizer& header = *tokenizer_;
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
    for (std::size_t i = 0; i < spec_.columns.size() && found < 0; ++i) {
      const schema::Column& col = spec_.columns[i];
      if (col.name == name) found = static_cast<int>(i);
      for (std::string_view alias : col.aliases) {
        if (!alias.empty() && alias == name) found = static_cast<int>(i);
      }
    }
    if (found < 0) {
      std::vector<std::string_view> names;
      for (const schema::Column& col : spec_.columns) names.push_back(col.name);
      ctx_->Report(DiagnosticKind::kValue, where(name), name, std::string(field.text),
                   absl::StrCat("one of ", JoinViews(names)),
                   absl::StrCat("unknown column \"", name, "\" in ", AV(spec_.file)));
      continue;  // the other columns are still read
    }
    const auto f = static_cast<std::size_t>(found);
    if (index_[f] >= 0) {
      ctx_->Report(DiagnosticKind::kValue, where(name), name, std::string(field.text),
                   "each column once",
                   absl::StrCat("column \"", AV(spec_.columns[f].name), "\" is given twice (as \"",
                                header_names_[static_cast<std::size_t>(index_[f])], "\" and \"",
                                name, "\")"));
      continue;
    }
    index_[f] = static_cast<int>(c);
  }
  for (std::size_t i = 0; i < spec_.columns.size(); ++i) {
    const schema::Column& col = spec_.columns[i];
    if (col.required && index_[i] < 0) {
      std::string also;
      for (std::string_view alias : col.aliases) {
        if (!alias.empty()) absl::StrAppend(&also, also.empty() ? " (or " : ", ", AV(alias));
      }
      if (!also.empty()) also += ")";
      ctx_->Report(
          DiagnosticKind::kMissing, FileOrigin(header.line(), 1, col.name), std::string(col.name),
          "", absl::StrCat("a column ", AV(col.name), also),
          absl::StrCat("required column \"", AV(col.name), "\" is missing from ", AV(spec_.file)));
      ok = false;
    }
  }
  return ok;
}

// One data row: typed access to its cells, reporting each bad cell.
class Row {
 public:
  Row(Table* table, const CsvTokenizer* record) : table_(table), record_(record) {}

  bool ok() const { return ok_; }

  // The row's origin for the builder: file, line, path "projects.csv".
  // (A locator: LoadContext::Resolve makes the full origin when needed.)
  Origin Where() const { return Origin::Locator(Locator()); }
  std::uint64_t Locator() const { return LoadContext::Locator(table_->number(), record_->line()); }

  const CsvField* Cell(std::string_view column) const {
    const int i = table_->IndexOf(column);
    if (i < 0 || static_cast<std::size_t>(i) >= record_->fields().size()) return nullptr;
    return &record_->fields()[static_cast<std::size_t>(i)];
  }

  // The place of this row's cell of `column` (its line, column 0 when absent).
  Origin CellOrigin(std::string_view column) const {
    const CsvField* cell = Cell(column);
    const auto [line, col] =
        cell ? record_->PlaceOf(cell->offset) : std::pair<int, int>(record_->line(), 0);
    return table_->FileOrigin(line, col, column);
  }

  void Report(DiagnosticKind kind, std::string_view column, std::string_view value,
              std::string_view expected, std::string message) {
    ok_ = false;
    table_->ctx().Report(kind, CellOrigin(column), std::string(column), std::string(value),
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
    codec::Decoded<E> e = table_->ctx().enums.Decode(parse, v);
    if (e.ok()) return *e;
    Report(codec::DiagnosticKindOf(e.failure()), column, v, EnumExpected(E{}),
           absl::StrCat("unknown ", AV(column), " \"", AV(v), "\""));
    return std::nullopt;
  }

 private:
  Table* table_;
  const CsvTokenizer* record_;
  bool ok_ = true;
};

// Checks the row's shape; false (reported) when it cannot be read.
bool RowShapeOk(Table& t, const CsvTokenizer& r) {
  const std::size_t want = t.header_names().size();
  const std::vector<CsvField>& cells = r.fields();
  if (cells.size() != want) {
    const CsvField& last = cells.back();
    const CsvField& at = cells.size() > want ? cells[want] : last;
    const auto [line, column] = r.PlaceOf(at.offset);
    t.ctx().Report(DiagnosticKind::kSyntax, t.FileOrigin(line, column), "", "",
                   absl::StrCat(want, " fields, as in the header row"),
                   absl::StrCat("row has ", cells.size(), " field", cells.size() == 1 ? "" : "s",
                                ", the header has ", want));
    return false;
  }
  for (std::size_t c = 0; c < want; ++c) {
    if (t.header_names()[c].empty() && !TrimText(cells[c].text).empty()) {
      const auto [line, column] = r.PlaceOf(cells[c].offset);
      t.ctx().Report(DiagnosticKind::kValue, t.FileOrigin(line, column), "",
                     std::string(cells[c].text), "an empty cell or a column name in the header",
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
void ForEachRow(Table& t, Fn fn) {
  CsvTokenizer& rows = t.tokenizer();
  while (rows.Next()) {
    if (AllEmpty(rows)) continue;  // a blank spreadsheet row
    if (!RowShapeOk(t, rows)) continue;
    Row row(&t, &rows);
    fn(row);
  }
}

void ReadDatasetTable(Table& t) {
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
    t.ctx().builder->SetInfo(info, row.Where(),
                             info.as_of.has_value() ? row.CellOrigin("as_of") : Origin());
  });
  if (rows == 0) {
    t.ctx().Report(DiagnosticKind::kMissing, t.FileOrigin(2, 1), "", "",
                   "one data row after the header", "dataset.csv has no data row");
  }
}

void ReadUnits(Table& t) {
  ForEachRow(t, [&](Row& row) {
    Unit u;
    u.id = row.Value("id", true);
    u.name = row.Text("name");
    if (!u.id.empty()) t.ctx().builder->AddUnit(std::move(u), row.Where());
  });
}

void ReadProjects(Table& t) {
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
    if (!p.id.empty()) t.ctx().builder->AddProject(std::move(p), row.Where());
  });
}

void ReadFunds(Table& t) {
  ForEachRow(t, [&](Row& row) {
    std::string project = row.Value("project", true);
    FundLine f;
    f.source = row.Enum("source", &ParseFundSource, true).value_or(f.source);
    std::optional<Money> approved = row.Amount("approved", true);
    f.approved = approved.value_or(Money());
    f.origin_year = row.Int("origin_year", 0, 9999).value_or(0);
    if (row.ok()) t.ctx().builder->AddFundLine(std::move(project), f, row.Where());
  });
}

void ReadAdjustments(Table& t) {
  ForEachRow(t, [&](Row& row) {
    std::string project = row.Value("project", true);
    Adjustment a;
    std::optional<Date> date = row.DateValue("date", true);
    a.source = row.Enum("source", &ParseFundSource).value_or(a.source);
    a.amount = row.Amount("amount", true).value_or(Money());
    a.reason = row.Text("reason");
    if (row.ok() && date) {
      a.date = *date;
      t.ctx().builder->AddAdjustment(std::move(project), std::move(a), row.Where());
    }
  });
}

void ReadPaymentPlan(Table& t) {
  ForEachRow(t, [&](Row& row) {
    std::string project = row.Value("project", true);
    std::optional<Date> date = row.DateValue("date", true);
    std::optional<Money> amount = row.Amount("amount", true);
    if (row.ok() && date && amount) {
      t.ctx().builder->AddPlannedPayment(std::move(project), PlannedPayment{*date, *amount},
                                         row.Where());
    }
  });
}

void ReadGoals(Table& t) {
  ForEachRow(t, [&](Row& row) {
    Goal g;
    g.id = row.Value("id", true);
    g.owner = row.Enum("owner", &ParseGoalOwner, true).value_or(g.owner);
    g.project_id = row.Value("project");
    g.unit_id = row.Value("unit");
    g.text = row.Text("text");
    if (g.id.empty()) return;
    t.ctx().goals.push_back({std::move(g), row.Locator(), {}});
  });
}

void ReadIndicators(Table& t) {
  LoadContext& ctx = t.ctx();
  // The first goal of each id, indexed now that every goal is read: made
  // with room for all of them (Abseil's tables do not survive a
  // std::bad_alloc while growing; base/absl_compat.h).
  ctx.goal_index = StringMap<std::uint32_t>(RoomFor(ctx.goals.size()));
  for (std::uint32_t i = 0; i < ctx.goals.size(); ++i) {
    ctx.goal_index.emplace(std::string(ctx.goals[i].goal.id), i);
  }
  // A goal's rows usually come together: gather a run, then append it to its
  // goal's list in one go (exact capacity when the run is the whole list).
  std::uint32_t run_goal = kNoIndex;
  std::vector<Indicator> run;
  std::vector<std::uint64_t> run_locators;
  const auto flush = [&] {
    if (run.empty()) return;
    LoadContext::PendingGoal& g = ctx.goals[run_goal];
    g.goal.indicators.reserve(g.goal.indicators.size() + run.size());
    for (Indicator& ind : run) g.goal.indicators.push_back(std::move(ind));
    g.indicator_locators.insert(g.indicator_locators.end(), run_locators.begin(),
                                run_locators.end());
    run.clear();
    run_locators.clear();
  };
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
      const auto it = ctx.goal_index.find(goal);
      if (it == ctx.goal_index.end()) {
        ctx.builder->AddIndicator(std::move(goal), std::move(ind), row.Where());
        return;
      }
      if (it->second != run_goal) {
        flush();
        run_goal = it->second;
      }
      run.push_back(std::move(ind));
      run_locators.push_back(row.Locator());
    }
  });
  flush();
}

void ReadActuals(Table& t) {
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
      t.ctx().builder->AddActual(std::move(goal), std::move(indicator), std::move(a), row.Where());
    }
  });
}

void ReadDisbursements(Table& t) {
  ForEachRow(t, [&](Row& row) {
    Disbursement d;
    d.id = row.Value("id");
    d.project_id = row.Value("project", true);
    std::optional<Date> date = row.DateValue("date", true);
    d.source = row.Enum("source", &ParseFundSource).value_or(d.source);
    d.amount = row.Amount("amount", true).value_or(Money());
    if (row.ok() && date) {
      d.date = *date;
      t.ctx().builder->AddDisbursement(std::move(d), row.Where());
    }
  });
}

void ReadExAnte(Table& t) {
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
    if (row.ok()) t.ctx().builder->AddExAnteAssessment(std::move(a), row.Where());
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

void ReadEvaluations(Table& t) {
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
    if (!e.id.empty()) t.ctx().builder->AddEvaluation(std::move(e), row.Where());
  });
}

void ReadRectifications(Table& t) {
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
    if (row.ok()) t.ctx().builder->AddRectification(std::move(r), row.Where());
  });
}

}  // namespace

absl::StatusOr<Dataset> LoadDatasetCsv(const std::string& dir, const CsvLoadOptions& options,
                                       Diagnostics* diagnostics) try {
  DatasetBuilder builder;
  LoadContext ctx{dir, options, &builder, {}, {}, {}, {}};
  builder.SetOriginResolver([&ctx](std::uint64_t locator) { return ctx.Resolve(locator); });
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
  using ReadFn = void (*)(Table&);
  constexpr ReadFn kReaders[schema::kTableCount] = {
      &ReadDatasetTable, &ReadUnits,       &ReadProjects,       &ReadFunds,   &ReadAdjustments,
      &ReadPaymentPlan,  &ReadGoals,       &ReadIndicators,     &ReadActuals, &ReadDisbursements,
      &ReadExAnte,       &ReadEvaluations, &ReadRectifications,
  };
  for (int i = 0; i < schema::kTableCount; ++i) {
    Table table(&ctx, i);
    if (table.Load()) kReaders[i](table);
  }
  std::vector<Origin> origins;  // one goal's indicator places at a time
  for (LoadContext::PendingGoal& g : ctx.goals) {
    origins.clear();
    for (std::uint64_t l : g.indicator_locators) origins.push_back(Origin::Locator(l));
    g.indicator_locators = {};
    builder.AddGoal(std::move(g.goal), Origin::Locator(g.where), origins);
  }
  ctx.goals = {};
  ctx.goal_index = {};
  BuildOptions build;
  build.max_errors = options.max_errors;
  return builder.Build(build, diagnostics);
} catch (const std::bad_alloc&) {
  return OutOfMemory("loading CSV tables");
}

}  // namespace perfbudget
