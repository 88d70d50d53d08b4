// csv_table.h: an RFC 4180 tokenizer and writer with line/column tracking.
//
// Reading: fields are separated by commas, records by LF, CRLF or CR. A field
// that starts with a double quote is quoted: it may hold commas, newlines and
// doubled quotes (""), and must be followed by a comma or the end of the
// record. Empty lines are skipped. Every syntax problem is reported with the
// line and column where it is; the record it spoils is dropped, and reading
// goes on with the next record.
//
// Writing: a field is quoted only when it holds a comma, a double quote, a CR
// or an LF, or starts or ends with a space; records end with LF.
#ifndef PERFBUDGET_IO_CSV_TABLE_H_
#define PERFBUDGET_IO_CSV_TABLE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perfbudget {

struct CsvCell {
  std::string text;  // unquoted content, exactly as written otherwise
  int line = 0;      // 1-based line where the cell starts
  int column = 0;    // 1-based column (in characters) where the cell starts
};

struct CsvRecord {
  std::vector<CsvCell> cells;
  int line = 0;  // line of the first cell
};

struct CsvSyntaxError {
  int line = 0;
  int column = 0;
  std::string message;  // "unterminated quoted field"
};

struct CsvParseResult {
  std::vector<CsvRecord> records;
  std::vector<CsvSyntaxError> errors;
};

// A field of the record a CsvTokenizer is at.
struct CsvField {
  std::string_view text;   // unquoted content: into the text, or the tokenizer's scratch
  std::size_t offset = 0;  // byte offset in the text where the field starts
};

// Reads records one at a time, without copying: a field's text points into
// the input (or, for a quoted field with doubled quotes, into the
// tokenizer's scratch, valid until the next call to Next). Same grammar,
// errors, lines and columns as ParseCsv (which is built on it); a record
// spoiled by a syntax error is skipped, and an unterminated quote ends the
// reading.
class CsvTokenizer {
 public:
  explicit CsvTokenizer(std::string_view text);
  // Reads text[begin, text.size()) only, `begin` being the start of a record
  // (or of empty lines before one) on line `line`: offsets, lines and columns
  // stay those of the whole text. For reading a table in chunks.
  CsvTokenizer(std::string_view text, std::size_t begin, std::int64_t line);

  // Moves to the next record that has no syntax error; false at the end.
  bool Next();
  // The current record's fields and the line where it starts.
  const std::vector<CsvField>& fields() const { return fields_; }
  int line() const { return ClampToInt(record_line_); }
  // 1-based line and column (in characters) of a byte offset in the current
  // record (a field's `offset`, say); computed on demand. Lines and columns
  // are counted in 64 bits and reported as at most INT_MAX (a 4 GiB table
  // may hold more lines than an int counts).
  std::pair<int, int> PlaceOf(std::size_t offset) const;
  // The byte offset and line where reading goes on (after the current record).
  std::size_t position() const { return pos_; }
  std::int64_t next_line() const { return line_; }
  // Syntax errors met so far, in order.
  const std::vector<CsvSyntaxError>& errors() const { return errors_; }

 private:
  void Error(std::size_t offset, std::string message);
  // Consumes the newline at pos_ (CRLF as one).
  void SkipNewline();

  static int ClampToInt(std::int64_t n) {
    return static_cast<int>(std::min<std::int64_t>(n, std::numeric_limits<int>::max()));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::int64_t line_ = 1;  // line at pos_
  bool stopped_ = false;
  std::size_t record_start_ = 0;
  std::int64_t record_line_ = 0;
  std::vector<CsvField> fields_;
  std::string scratch_;
  std::vector<std::pair<std::size_t, std::size_t>> scratch_fields_;  // field index, scratch start
  std::vector<CsvSyntaxError> errors_;
};

// True when no syntax error can occur in `text` (every double quote opens a
// field, is doubled inside one or closes one before a comma or line end): a
// quick check, far cheaper than tokenizing; false does not mean an error.
bool CsvQuotesWellFormed(std::string_view text);

// Up to `parts - 1` increasing offsets in (begin, text.size()) that cut
// text[begin, end) into about `parts` pieces of whole records: each is just
// after a LF outside any quoted field (a quoted field may hold newlines).
// Only for text where CsvQuotesWellFormed holds and `begin` starts a record;
// fewer offsets when records are too few (or lines end in CR alone).
std::vector<std::size_t> CsvSplitPoints(std::string_view text, std::size_t begin,
                                        std::size_t parts);

// How many lines end in text[from, to) (LF, CRLF as one, or a lone CR): the
// line of offset `to` is the line of `from` plus this, when `from` does not
// split a CRLF.
std::int64_t CsvCountLineEnds(std::string_view text, std::size_t from, std::size_t to);

// Tokenizes UTF-8 text (a BOM, if any, must be stripped first).
CsvParseResult ParseCsv(std::string_view text);

// Appends `field`, quoted when needed, to `*out`.
void AppendCsvField(std::string_view field, std::string* out);
// Appends one record (fields joined by commas, then LF) to `*out`.
void AppendCsvRecord(const std::vector<std::string>& fields, std::string* out);

}  // namespace perfbudget

#endif  // PERFBUDGET_IO_CSV_TABLE_H_
