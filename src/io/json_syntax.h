// json_syntax.h: the pieces of JSON reading every JSON input shares (not
// installed): datasets (json_reader.cc) and policy profiles (policy/) are
// both parsed by simdjson, numbers kept as their exact text, and placed by
// these: the syntax checker that words and locates a syntax error, the
// line/column tracker, the JSON path of a member, and a small positioned
// tree for documents read as a whole (profiles: a few KiB).
#ifndef PERFBUDGET_SRC_IO_JSON_SYNTAX_H_
#define PERFBUDGET_SRC_IO_JSON_SYNTAX_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perfbudget::json_internal {

// JSON's white space (RFC 8259): space, tab, LF, CR.
constexpr bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// ---- syntax errors (error path only) -----------------------------------------

struct SyntaxProblem {
  std::size_t offset = 0;
  std::string message;
};

// The first syntax error of `text` (RFC 8259, UTF-8 checked), worded for a
// person ("unexpected character ','; expected a field name in double
// quotes") with its byte offset; nullopt when the text is well-formed JSON.
// More than `max_depth` levels of arrays and objects is an error too.
std::optional<SyntaxProblem> CheckJsonSyntax(std::string_view text, int max_depth = 1024);

// Strict JSON number grammar; says whether the number has an exponent and a
// fraction.
bool IsJsonNumber(std::string_view s, bool* has_exponent, bool* has_fraction);

// ---- line and column --------------------------------------------------------

// Line and column (1-based; column in characters) of byte offsets, computed
// incrementally as reading moves forward through the document. Counted in
// 64 bits, reported as at most INT_MAX (a 4 GiB document may hold more lines,
// or a longer line, than an int counts).
class LineTracker {
 public:
  explicit LineTracker(std::string_view text) : text_(text) {}
  // Resumes at `pos`, known to be at `line` and `column`.
  LineTracker(std::string_view text, std::size_t pos, int line, int column)
      : text_(text), pos_(pos), line_(line), col_(column) {}

  std::pair<int, int> At(std::size_t offset) {
    Advance(offset);
    return {ClampToInt(line_), ClampToInt(col_)};
  }

 private:
  static int ClampToInt(std::int64_t n) {
    return static_cast<int>(std::min<std::int64_t>(n, std::numeric_limits<int>::max()));
  }
  void Advance(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < pos_) {
      // Backwards (rare): count the newlines skipped back, then the column
      // from the start of that line.
      line_ -= static_cast<std::int64_t>(
          std::count(text_.begin() + static_cast<std::ptrdiff_t>(offset),
                     text_.begin() + static_cast<std::ptrdiff_t>(pos_), '\n'));
      const std::size_t nl = offset == 0 ? std::string_view::npos : text_.rfind('\n', offset - 1);
      const std::size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
      col_ = 1 + CountChars(line_start, offset);
      pos_ = offset;
      return;
    }
    while (pos_ < offset) {
      const void* nl = std::memchr(text_.data() + pos_, '\n', offset - pos_);
      if (nl == nullptr) {
        col_ += CountChars(pos_, offset);
        pos_ = offset;
        break;
      }
      const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data());
      ++line_;
      col_ = 1;
      pos_ = at + 1;
    }
  }

  // Characters (not UTF-8 continuation bytes) in [from, to), a word at a time.
  std::int64_t CountChars(std::size_t from, std::size_t to) const {
    std::size_t continuation = 0;
    std::size_t i = from;
    for (; i + 8 <= to; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, text_.data() + i, 8);
      // A continuation byte is 10xxxxxx: bit 7 set, bit 6 clear.
      const std::uint64_t mask = w & ~(w << 1) & 0x8080808080808080ull;
      // One bit per byte at bit 7: gather them into the top byte to count.
      continuation += static_cast<std::size_t>(((mask >> 7) * 0x0101010101010101ull) >> 56);
    }
    for (; i < to; ++i) continuation += (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80;
    return static_cast<std::int64_t>(to - from - continuation);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::int64_t line_ = 1;
  std::int64_t col_ = 1;
};

// ---- JSON paths -------------------------------------------------------------

// A member name as written in a JSON path: `.name` for plain names (letters,
// digits, '_'), `["name"]` otherwise ('"' and '\\' escaped).
bool IsPlainKey(std::string_view key);
void AppendPathKey(std::string_view key, std::string* out);
// `parent` followed by the member `key`: "$.rules[\"a.b\"]".
std::string MemberPath(std::string_view parent, std::string_view key);

// ---- a positioned tree ---------------------------------------------------------

struct JsonMember;

// A JSON value with where it starts (a byte offset into the text parsed).
// Numbers keep their exact text (never a double); strings are unescaped.
struct JsonNode {
  enum class Kind : std::uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;  // a string's content, or a number's exact text
  std::size_t offset = 0;
  std::vector<JsonNode> items;      // kArray
  std::vector<JsonMember> members;  // kObject, in document order (repeats kept)
};

struct JsonMember {
  std::string key;
  JsonNode value;
};

// "an object", "a number", ... for messages.
std::string_view KindName(const JsonNode& node);

// Parses a whole document with simdjson into a JsonNode tree. On a syntax
// error (or nesting deeper than `max_depth`) returns nullopt and sets
// `*problem` (the CheckJsonSyntax wording and offset). `text` needs no
// padding (it is copied: meant for small documents). Out of memory (simdjson's
// MEMALLOC included) throws std::bad_alloc.
std::optional<JsonNode> ParseJsonTree(std::string_view text, int max_depth, SyntaxProblem* problem);

}  // namespace perfbudget::json_internal

#endif  // PERFBUDGET_SRC_IO_JSON_SYNTAX_H_
