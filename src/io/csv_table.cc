// csv_table.cc: RFC 4180 tokenizer and field quoting.
#include "io/csv_table.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace perfbudget {
namespace {

bool IsNewline(char c) { return c == '\n' || c == '\r'; }

// True when text[i] ends a line: a LF, or a CR not followed by a LF (a CRLF
// pair ends its line at the LF).
bool EndsLine(std::string_view text, std::size_t i) {
  return text[i] == '\n' || (text[i] == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n'));
}

// The offset of the quote closing a quoted field whose content starts at
// `from` (a doubled quote stands for one and does not close it), or npos when
// it is never closed. *doubled: whether the content holds a doubled quote.
std::size_t FindClosingQuote(std::string_view text, std::size_t from, bool* doubled) {
  const char* data = text.data();
  const std::size_t n = text.size();
  *doubled = false;
  for (std::size_t p = from; p < n;) {
    const void* q = std::memchr(data + p, '"', n - p);
    if (q == nullptr) break;
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(q) - data);
    if (at + 1 < n && data[at + 1] == '"') {
      *doubled = true;
      p = at + 2;
      continue;
    }
    return at;
  }
  return std::string_view::npos;
}

// Bytes that end a run of an unquoted field.
struct StopBytes {
  bool stop[256] = {};
  constexpr StopBytes() {
    stop[static_cast<unsigned char>(',')] = true;
    stop[static_cast<unsigned char>('"')] = true;
    stop[static_cast<unsigned char>('\r')] = true;
    stop[static_cast<unsigned char>('\n')] = true;
  }
};
constexpr StopBytes kStop;

// Characters in text[from, to) of UTF-8: the bytes that are not continuation
// bytes (what the old byte-by-byte cursor counted for valid text).
std::size_t CountChars(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t chars = 0;
  for (std::size_t i = from; i < to; ++i) {
    chars += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return chars;
}

bool NeedsQuotes(std::string_view field) {
  if (field.empty()) return false;
  if (field.front() == ' ' || field.back() == ' ') return true;
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

CsvTokenizer::CsvTokenizer(std::string_view text) : text_(text) {}

CsvTokenizer::CsvTokenizer(std::string_view text, std::size_t begin, std::int64_t line)
    : text_(text), pos_(std::min(begin, text.size())), line_(line) {}

void CsvTokenizer::SkipNewline() {
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

std::pair<int, int> CsvTokenizer::PlaceOf(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  if (offset < record_start_) offset = record_start_;
  std::int64_t line = record_line_;
  std::size_t line_start = record_start_;
  for (std::size_t i = record_start_; i < offset; ++i) {
    if (EndsLine(text_, i)) {
      ++line;
      line_start = i + 1;
    }
  }
  const std::size_t column = 1 + CountChars(text_, line_start, offset);
  return {ClampToInt(line), ClampToInt(static_cast<std::int64_t>(
                                std::min<std::size_t>(column, std::numeric_limits<int>::max())))};
}

void CsvTokenizer::Error(std::size_t offset, std::string message) {
  const auto [line, column] = PlaceOf(offset);
  errors_.push_back({line, column, std::move(message)});
}

bool CsvTokenizer::Next() {
  const std::size_t n = text_.size();
  const char* data = text_.data();
  while (!stopped_) {
    while (pos_ < n && IsNewline(data[pos_])) SkipNewline();  // empty lines
    if (pos_ >= n) break;
    record_start_ = pos_;
    record_line_ = line_;
    fields_.clear();
    scratch_.clear();
    scratch_fields_.clear();
    bool spoiled = false;
    while (true) {
      const std::size_t start = pos_;
      if (pos_ < n && data[pos_] == '"') {
        // Quoted: up to the quote that is not doubled.
        bool doubled = false;
        const std::size_t close = FindClosingQuote(text_, pos_ + 1, &doubled);
        if (close == std::string_view::npos) {
          Error(start, "unterminated quoted field (a \" opened here is never closed)");
          stopped_ = true;
          return false;  // the rest of the text is inside the quote
        }
        const std::string_view raw = text_.substr(start + 1, close - start - 1);
        for (std::size_t i = start + 1; i < close; ++i) line_ += EndsLine(text_, i) ? 1 : 0;
        pos_ = close + 1;
        if (doubled) {
          const std::size_t from = scratch_.size();
          for (std::size_t i = 0; i < raw.size(); ++i) {
            scratch_.push_back(raw[i]);
            if (raw[i] == '"') ++i;  // the pair stands for one quote
          }
          scratch_fields_.push_back({fields_.size(), from});
          fields_.push_back({std::string_view(), start});
        } else {
          fields_.push_back({raw, start});
        }
        if (pos_ < n && data[pos_] != ',' && !IsNewline(data[pos_])) {
          if (!spoiled) {
            Error(pos_,
                  "unexpected text after a closing quote (expected a comma or the end of the "
                  "line)");
          }
          spoiled = true;
          while (pos_ < n && data[pos_] != ',' && !IsNewline(data[pos_])) ++pos_;
        }
      } else {
        std::size_t i = pos_;
        while (true) {
          while (i < n && !kStop.stop[static_cast<unsigned char>(data[i])]) ++i;
          if (i < n && data[i] == '"') {
            if (!spoiled) {
              Error(i,
                    "double quote inside an unquoted field (quote the whole field and double "
                    "the \")");
              spoiled = true;
            }
            ++i;
            continue;
          }
          break;
        }
        fields_.push_back({text_.substr(pos_, i - pos_), start});
        pos_ = i;
      }
      if (pos_ < n && data[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < n) SkipNewline();
      break;
    }
    // Fields unescaped into the scratch point into it once it stops growing.
    for (std::size_t k = 0; k < scratch_fields_.size(); ++k) {
      const auto [field, from] = scratch_fields_[k];
      const std::size_t to =
          k + 1 < scratch_fields_.size() ? scratch_fields_[k + 1].second : scratch_.size();
      fields_[field].text = std::string_view(scratch_.data() + from, to - from);
    }
    if (!spoiled) return true;
  }
  stopped_ = true;
  return false;
}

bool CsvQuotesWellFormed(std::string_view text) {
  const char* data = text.data();
  const std::size_t n = text.size();
  std::size_t pos = 0;
  while (pos < n) {
    const void* q = std::memchr(data + pos, '"', n - pos);
    if (q == nullptr) return true;
    std::size_t at = static_cast<std::size_t>(static_cast<const char*>(q) - data);
    // Outside any quoted field: a quote must open a field.
    if (at > 0 && data[at - 1] != ',' && !IsNewline(data[at - 1])) return false;
    bool doubled = false;
    const std::size_t close = FindClosingQuote(text, at + 1, &doubled);
    if (close == std::string_view::npos) return false;  // unterminated
    pos = close + 1;
    if (pos < n && data[pos] != ',' && !IsNewline(data[pos])) return false;
  }
  return true;
}

std::vector<std::size_t> CsvSplitPoints(std::string_view text, std::size_t begin,
                                        std::size_t parts) {
  std::vector<std::size_t> points;
  const char* data = text.data();
  const std::size_t n = text.size();
  if (parts < 2 || begin >= n) return points;
  // The quoted field at or after the newline being tried: [open, close].
  std::size_t quote_scan = begin;  // where to look for the next opening quote
  std::size_t open = std::string_view::npos;
  std::size_t close = 0;
  bool have_region = false;
  std::size_t last = begin;
  for (std::size_t k = 1; k < parts; ++k) {
    std::size_t from = std::max(last, begin + (n - begin) / parts * k);
    std::size_t split = std::string_view::npos;
    while (from < n) {
      const void* nl = std::memchr(data + from, '\n', n - from);
      if (nl == nullptr) break;
      const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(nl) - data);
      // Move the quoted field forward until it ends at or after `at`.
      while ((!have_region || close < at) && quote_scan < n) {
        const void* q = std::memchr(data + quote_scan, '"', n - quote_scan);
        if (q == nullptr) {
          quote_scan = n;
          have_region = false;
          break;
        }
        open = static_cast<std::size_t>(static_cast<const char*>(q) - data);
        bool doubled = false;
        close = FindClosingQuote(text, open + 1, &doubled);
        if (close == std::string_view::npos) close = n;  // not well-formed: no split inside
        quote_scan = close + 1;
        have_region = true;
      }
      if (have_region && close < at) have_region = false;  // all quotes are behind
      if (have_region && open < at && at < close) {
        from = close + 1;  // the newline is inside a quoted field
        continue;
      }
      split = at + 1;
      break;
    }
    if (split == std::string_view::npos || split >= n) break;
    points.push_back(split);
    last = split;
  }
  return points;
}

std::int64_t CsvCountLineEnds(std::string_view text, std::size_t from, std::size_t to) {
  to = std::min(to, text.size());
  if (from >= to) return 0;
  const char* data = text.data();
  std::int64_t lines = std::count(data + from, data + to, '\n');
  for (std::size_t p = from; p < to;) {
    const void* cr = std::memchr(data + p, '\r', to - p);
    if (cr == nullptr) break;
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(cr) - data);
    if (EndsLine(text, at)) ++lines;
    p = at + 1;
  }
  return lines;
}

CsvParseResult ParseCsv(std::string_view text) {
  CsvParseResult result;
  CsvTokenizer tokenizer(text);
  while (tokenizer.Next()) {
    CsvRecord record;
    record.line = tokenizer.line();
    record.cells.reserve(tokenizer.fields().size());
    for (const CsvField& f : tokenizer.fields()) {
      const auto [line, column] = tokenizer.PlaceOf(f.offset);
      record.cells.push_back({std::string(f.text), line, column});
    }
    result.records.push_back(std::move(record));
  }
  result.errors = tokenizer.errors();
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
