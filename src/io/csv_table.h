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

#include <string>
#include <string_view>
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

// Tokenizes UTF-8 text (a BOM, if any, must be stripped first).
CsvParseResult ParseCsv(std::string_view text);

// Appends `field`, quoted when needed, to `*out`.
void AppendCsvField(std::string_view field, std::string* out);
// Appends one record (fields joined by commas, then LF) to `*out`.
void AppendCsvRecord(const std::vector<std::string>& fields, std::string* out);

}  // namespace perfbudget

#endif  // PERFBUDGET_IO_CSV_TABLE_H_
