// json_text.h: the one JSON writer of this library and its tools (datasets,
// policy profiles, the CLI's reports and diagnostics): JsonWriter, and text as
// a JSON string literal (the one escaper).
//
// The output is always valid JSON text in UTF-8:
//   - `"` and `\` are escaped; \b \f \n \r \t use their short forms; other
//     control characters (U+0000..U+001F) and DEL (U+007F) are \u00XX;
//   - invalid UTF-8 (a stray continuation byte, a truncated sequence, an
//     overlong form, a surrogate, beyond U+10FFFF) becomes U+FFFD, one for
//     the bad byte and up to three continuation bytes after it (the rule of
//     the CSV reader's clean-up too), so bad input cannot make bad output;
//   - everything else, Chinese text included, is copied unchanged (no \u
//     escapes for non-ASCII), so the same text always gives the same bytes.
#ifndef PERFBUDGET_IO_JSON_TEXT_H_
#define PERFBUDGET_IO_JSON_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perfbudget {

// Appends `text` to `out` as a quoted JSON string.
void AppendJsonString(std::string& out, std::string_view text);

// `text` as a quoted JSON string.
std::string JsonQuote(std::string_view text);

// A streaming JSON writer; deterministic (the same calls give the same bytes).
//   kPretty: every member / element on its own line, two-space indentation,
//            `"key": value`; empty containers print as {} and []; Finish adds
//            a final newline. A container begun with `one_line` (and
//            everything inside it) is written on one line: {"a": 1, "b": [2]}.
//   kCompact: no white space at all, no final newline.
// Keys and strings go through AppendJsonString; numbers are written by the
// caller as exact text (Raw) or as integers (Int): never through a double.
class JsonWriter {
 public:
  enum class Layout : std::uint8_t { kPretty, kCompact };
  explicit JsonWriter(Layout layout = Layout::kPretty) : layout_(layout) {}

  JsonWriter& BeginObject(bool one_line = false);
  JsonWriter& EndObject();
  JsonWriter& BeginArray(bool one_line = false);
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);  // inside an object, before its value
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // A value already in JSON syntax (a number's exact text).
  JsonWriter& Raw(std::string_view json);
  // The document (with a final newline when pretty); the writer is then
  // empty, ready for another document.
  std::string Finish();

 private:
  struct Level {
    bool empty;
    bool one_line;
  };
  void BeforeValue();
  void Open(char c, bool one_line);
  void Close(char c);
  bool OneLine() const { return !stack_.empty() && stack_.back().one_line; }

  Layout layout_;
  std::string out_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace perfbudget

#endif  // PERFBUDGET_IO_JSON_TEXT_H_
