// csv_table.cc: RFC 4180 tokenizer and field quoting.
#include "io/csv_table.h"

#include "absl/strings/str_cat.h"

namespace perfbudget {
namespace {

// A cursor over the text that tracks line and column (in characters).
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  bool at_newline() const { return !done() && (peek() == '\n' || peek() == '\r'); }
  int line() const { return line_; }
  int column() const { return column_; }

  // Consumes one byte (a CRLF pair as one newline).
  void Advance() {
    const char c = text_[pos_++];
    if (c == '\r' && !done() && text_[pos_] == '\n') ++pos_;
    if (c == '\n' || c == '\r') {
      ++line_;
      column_ = 1;
    } else if (done() || (static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) {
      // Count a character when its last byte is consumed.
      ++column_;
    }
  }
  // Consumes the run of bytes up to (not including) the next byte for which
  // `stop` is true, or the end; returns it. Same line and column as
  // consuming it byte by byte with Advance (no newline may be in the run).
  template <typename Stop>
  std::string_view TakeRun(Stop stop) {
    const std::size_t start = pos_;
    std::size_t i = pos_;
    const std::size_t n = text_.size();
    while (i < n && !stop(text_[i])) ++i;
    if (i > start) {
      // Advance counts a character when the byte after it is not a UTF-8
      // continuation byte: count the continuation bytes in (start, i].
      std::size_t continuation = 0;
      for (std::size_t k = start + 1; k <= i && k < n; ++k) {
        continuation += (static_cast<unsigned char>(text_[k]) & 0xC0) == 0x80;
      }
      column_ += static_cast<int>((i - start) - continuation);
      pos_ = i;
    }
    return text_.substr(start, i - start);
  }

  // The newline at the cursor as written ("\n", "\r\n" or "\r").
  std::string_view newline() const {
    if (peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
      return text_.substr(pos_, 2);
    }
    return text_.substr(pos_, 1);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

bool NeedsQuotes(std::string_view field) {
  if (field.empty()) return false;
  if (field.front() == ' ' || field.back() == ' ') return true;
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

CsvParseResult ParseCsv(std::string_view text) {
  CsvParseResult result;
  Cursor cur(text);
  std::size_t last_cells = 0;  // a table's records have the same width
  while (!cur.done()) {
    // Skip empty lines.
    if (cur.at_newline()) {
      cur.Advance();
      continue;
    }
    CsvRecord record;
    record.cells.reserve(last_cells);
    record.line = cur.line();
    bool spoiled = false;
    bool record_done = false;
    while (!record_done) {
      CsvCell cell;
      cell.line = cur.line();
      cell.column = cur.column();
      if (!cur.done() && cur.peek() == '"') {
        cur.Advance();
        bool closed = false;
        while (!cur.done()) {
          const char c = cur.peek();
          if (c == '"') {
            cur.Advance();
            if (!cur.done() && cur.peek() == '"') {
              cell.text.push_back('"');
              cur.Advance();
              continue;
            }
            closed = true;
            break;
          }
          if (c == '\r' || c == '\n') {
            cell.text.append(cur.newline());
            cur.Advance();
          } else {
            cell.text.append(
                cur.TakeRun([](char b) { return b == '"' || b == '\r' || b == '\n'; }));
          }
        }
        if (!closed) {
          result.errors.push_back({cell.line, cell.column,
                                   "unterminated quoted field (a \" opened here is never closed)"});
          return result;  // the rest of the text is inside the quote
        }
        if (!cur.done() && cur.peek() != ',' && !cur.at_newline()) {
          if (!spoiled) {
            result.errors.push_back({cur.line(), cur.column(),
                                     "unexpected text after a closing quote (expected a comma or "
                                     "the end of the line)"});
          }
          spoiled = true;
          while (!cur.done() && cur.peek() != ',' && !cur.at_newline()) cur.Advance();
        }
      } else {
        while (!cur.done() && cur.peek() != ',' && !cur.at_newline()) {
          if (cur.peek() == '"') {
            if (!spoiled) {
              result.errors.push_back({cur.line(), cur.column(),
                                       "double quote inside an unquoted field (quote the whole "
                                       "field and double the \")"});
              spoiled = true;
            }
            cell.text.push_back(cur.peek());
            cur.Advance();
            continue;
          }
          cell.text.append(cur.TakeRun(
              [](char b) { return b == ',' || b == '"' || b == '\r' || b == '\n'; }));
        }
      }
      record.cells.push_back(std::move(cell));
      if (!cur.done() && cur.peek() == ',') {
        cur.Advance();
      } else {
        if (!cur.done()) cur.Advance();  // the newline
        record_done = true;
      }
    }
    last_cells = record.cells.size();
    if (!spoiled) result.records.push_back(std::move(record));
  }
  return result;
}

void AppendCsvField(std::string_view field, std::string* out) {
  if (!NeedsQuotes(field)) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvRecord(const std::vector<std::string>& fields, std::string* out) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendCsvField(fields[i], out);
  }
  out->push_back('\n');
}

}  // namespace perfbudget
