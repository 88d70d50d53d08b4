// json_syntax.cc: the syntax checker, JSON paths and the positioned tree
// (io/json_syntax.h).
#include "io/json_syntax.h"

#include <cctype>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "perfbudget/io/json.h"
#include "simdjson.h"

namespace perfbudget::json_internal {
namespace {

class SyntaxChecker {
 public:
  SyntaxChecker(std::string_view s, int max_depth) : s_(s), max_depth_(max_depth) {}

  std::optional<SyntaxProblem> Check() {
    SkipSpace();
    if (pos_ >= s_.size()) return Problem("the document is empty");
    if (!Value(0)) return problem_;
    SkipSpace();
    if (pos_ < s_.size()) return Problem("unexpected content after the end of the document");
    return std::nullopt;
  }

 private:
  std::optional<SyntaxProblem> Problem(std::string message) {
    problem_ = SyntaxProblem{std::min(pos_, s_.size()), std::move(message)};
    return problem_;
  }
  bool Fail(std::string message) {
    Problem(std::move(message));
    return false;
  }
  void SkipSpace() {
    while (pos_ < s_.size() && IsJsonSpace(s_[pos_])) ++pos_;
  }
  std::string Unexpected() {
    if (pos_ >= s_.size()) return "unexpected end of input";
    const unsigned char c = static_cast<unsigned char>(s_[pos_]);
    if (c >= 0x20 && c < 0x7F) return Cat("unexpected character '", s_.substr(pos_, 1), "'");
    return Cat("unexpected byte 0x", absl::Hex(c, absl::kZeroPad2));
  }
  bool Literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) {
      return Fail(Cat("invalid literal; expected '", word, "'"));
    }
    pos_ += word.size();
    return true;
  }
  // `depth`: the containers around the value (0 for the root). A container
  // at depth max_depth_ would be one level too many.
  bool Value(int depth) {
    SkipSpace();
    if (pos_ >= s_.size()) return Fail("unexpected end of input; expected a value");
    switch (s_[pos_]) {
      case '{':
        if (depth >= max_depth_) return TooDeep();
        return Object(depth);
      case '[':
        if (depth >= max_depth_) return TooDeep();
        return Array(depth);
      case '"':
        return String();
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        if (s_[pos_] == '-' || (s_[pos_] >= '0' && s_[pos_] <= '9')) return Number();
        return Fail(Cat(Unexpected(), "; expected a value"));
    }
  }
  bool TooDeep() {
    return Fail(Cat("nesting too deep: more than ", max_depth_, " levels of arrays and objects"));
  }
  bool Digits() {
    const std::size_t start = pos_;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }
  bool Number() {
    if (s_[pos_] == '-') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
    } else if (!Digits()) {
      return Fail("invalid number; expected a digit");
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (!Digits()) return Fail("invalid number; expected a digit after '.'");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!Digits()) return Fail("invalid number; expected a digit in the exponent");
    }
    if (pos_ < s_.size() &&
        (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.')) {
      return Fail("invalid number");
    }
    return true;
  }
  bool Hex4() {
    for (int i = 0; i < 4; ++i) {
      if (pos_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[pos_]))) {
        return Fail("invalid \\u escape; expected 4 hexadecimal digits");
      }
      ++pos_;
    }
    return true;
  }
  // One UTF-8 sequence starting at pos_ (non-ASCII lead byte).
  bool Utf8() {
    const auto byte = [&](std::size_t i) -> unsigned {
      return i < s_.size() ? static_cast<unsigned char>(s_[i]) : 0u;
    };
    const unsigned c = byte(pos_);
    int n = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return Fail("invalid UTF-8");
    }
    const unsigned b1 = byte(pos_ + 1);
    if (b1 < lo || b1 > hi) return Fail("invalid UTF-8");
    for (int i = 2; i <= n; ++i) {
      const unsigned b = byte(pos_ + static_cast<std::size_t>(i));
      if (b < 0x80 || b > 0xBF) return Fail("invalid UTF-8");
    }
    pos_ += static_cast<std::size_t>(n) + 1;
    return true;
  }
  bool String() {
    const std::size_t start = pos_;
    ++pos_;
    while (true) {
      if (pos_ >= s_.size()) {
        pos_ = start;
        return Fail("unterminated string");
      }
      const unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        ++pos_;
        if (pos_ >= s_.size()) continue;
        const char e = s_[pos_];
        if (e == 'u') {
          ++pos_;
          if (!Hex4()) return false;
        } else if (std::string_view("\"\\/bfnrt").find(e) != std::string_view::npos) {
          ++pos_;
        } else {
          return Fail("invalid escape in string");
        }
      } else if (c < 0x20) {
        return Fail("control character in string; escape it (\\n, \\t, \\u00XX)");
      } else if (c >= 0x80) {
        if (!Utf8()) return false;
      } else {
        ++pos_;
      }
    }
  }
  bool Object(int depth) {
    ++pos_;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != '"') {
        return Fail(Cat(Unexpected(), "; expected a field name in double quotes"));
      }
      if (!String()) return false;
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != ':') {
        return Fail(Cat(Unexpected(), "; expected ':' after the field name"));
      }
      ++pos_;
      if (!Value(depth + 1)) return false;
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return Fail(Cat(Unexpected(), "; expected ',' or '}'"));
    }
  }
  bool Array(int depth) {
    ++pos_;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      if (!Value(depth + 1)) return false;
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return Fail(Cat(Unexpected(), "; expected ',' or ']'"));
    }
  }

  std::string_view s_;
  int max_depth_;
  std::size_t pos_ = 0;
  SyntaxProblem problem_;
};

}  // namespace

std::optional<SyntaxProblem> CheckJsonSyntax(std::string_view text, int max_depth) {
  return SyntaxChecker(text, max_depth).Check();
}

// Strict JSON number grammar; `*has_fraction_or_exponent` says whether it is
// an integer literal.
bool IsJsonNumber(std::string_view s, bool* has_exponent, bool* has_fraction) {
  std::size_t i = 0;
  *has_exponent = false;
  *has_fraction = false;
  const auto digits = [&]() {
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    *has_fraction = true;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    *has_exponent = true;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

bool IsPlainKey(std::string_view key) {
  if (key.empty()) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

void AppendPathKey(std::string_view key, std::string* out) {
  if (IsPlainKey(key)) {
    out->push_back('.');
    out->append(key);
    return;
  }
  out->append("[\"");
  for (char c : key) {
    if (c == '"' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
  out->append("\"]");
}

std::string MemberPath(std::string_view parent, std::string_view key) {
  std::string out(parent);
  AppendPathKey(key, &out);
  return out;
}

std::string_view KindName(const JsonNode& node) {
  switch (node.kind) {
    case JsonNode::Kind::kNull:
      return "null";
    case JsonNode::Kind::kBool:
      return "a boolean";
    case JsonNode::Kind::kNumber:
      return "a number";
    case JsonNode::Kind::kString:
      return "a string";
    case JsonNode::Kind::kArray:
      return "an array";
    case JsonNode::Kind::kObject:
      return "an object";
  }
  return "a value";
}

namespace {

namespace od = simdjson::ondemand;

// Builds a JsonNode tree from simdjson's On-Demand values, touching every
// value (so every value is validated). False on any parser error or nesting
// deeper than the limit; the caller then words and places the problem.
class TreeBuilder {
 public:
  TreeBuilder(const char* base, int max_depth) : base_(base), max_depth_(max_depth) {}

  // `depth`: the containers around `v`; a container at depth max_depth_
  // is one level too many (as for CheckJsonSyntax).
  bool Value(od::value& v, JsonNode* out, int depth) {
    const std::string_view raw = v.raw_json_token();
    out->offset = static_cast<std::size_t>(raw.data() - base_);
    od::json_type type;
    if (v.type().get(type) != simdjson::SUCCESS) return false;
    switch (type) {
      case od::json_type::object: {
        if (depth >= max_depth_) return false;
        out->kind = JsonNode::Kind::kObject;
        od::object object;
        if (v.get_object().get(object) != simdjson::SUCCESS) return false;
        for (auto field_result : object) {
          od::field field;
          if (std::move(field_result).get(field) != simdjson::SUCCESS) return false;
          std::string_view key;
          if (field.unescaped_key().get(key) != simdjson::SUCCESS) return false;
          JsonMember& member = out->members.emplace_back();
          member.key = std::string(key);
          if (!Value(field.value(), &member.value, depth + 1)) return false;
        }
        return true;
      }
      case od::json_type::array: {
        if (depth >= max_depth_) return false;
        out->kind = JsonNode::Kind::kArray;
        od::array array;
        if (v.get_array().get(array) != simdjson::SUCCESS) return false;
        for (auto element_result : array) {
          od::value element;
          if (element_result.get(element) != simdjson::SUCCESS) return false;
          if (!Value(element, &out->items.emplace_back(), depth + 1)) return false;
        }
        return true;
      }
      case od::json_type::string: {
        out->kind = JsonNode::Kind::kString;
        std::string_view s;
        if (v.get_string().get(s) != simdjson::SUCCESS) return false;
        out->text = std::string(s);
        return true;
      }
      case od::json_type::number:
        out->kind = JsonNode::Kind::kNumber;
        return NumberText(raw, out);
      case od::json_type::boolean:
        out->kind = JsonNode::Kind::kBool;
        return v.get_bool().get(out->boolean) == simdjson::SUCCESS;
      case od::json_type::null: {
        bool is_null = false;
        return v.is_null().get(is_null) == simdjson::SUCCESS && is_null;
      }
    }
    return false;
  }

  // A document that is a scalar (On-Demand reads those from the document).
  bool Scalar(od::document& doc, od::json_type type, JsonNode* out) {
    std::string_view raw;
    if (doc.raw_json_token().get(raw) != simdjson::SUCCESS) return false;
    out->offset = static_cast<std::size_t>(raw.data() - base_);
    switch (type) {
      case od::json_type::string: {
        out->kind = JsonNode::Kind::kString;
        std::string_view s;
        if (doc.get_string().get(s) != simdjson::SUCCESS) return false;
        out->text = std::string(s);
        return true;
      }
      case od::json_type::number:
        out->kind = JsonNode::Kind::kNumber;
        return NumberText(raw, out);
      case od::json_type::boolean:
        out->kind = JsonNode::Kind::kBool;
        return doc.get_bool().get(out->boolean) == simdjson::SUCCESS;
      case od::json_type::null: {
        bool is_null = false;
        return doc.is_null().get(is_null) == simdjson::SUCCESS && is_null;
      }
      default:
        return false;
    }
  }

 private:
  // A number's exact text, checked against JSON's grammar (On-Demand only
  // looks at its first character when asked for its type).
  static bool NumberText(std::string_view raw, JsonNode* out) {
    while (!raw.empty() && IsJsonSpace(raw.back())) raw.remove_suffix(1);
    bool exponent = false;
    bool fraction = false;
    if (!IsJsonNumber(raw, &exponent, &fraction)) return false;
    out->text = std::string(raw);
    return true;
  }

  const char* base_;
  int max_depth_;
};

bool BuildTree(const simdjson::padded_string& padded, int max_depth, JsonNode* root) {
  od::parser parser;
  od::document doc;
  simdjson::error_code err = parser.allocate(padded.size(), kJsonParserDepth);
  if (err == simdjson::SUCCESS) err = parser.iterate(padded).get(doc);
  // simdjson allocates without throwing and says MEMALLOC: out of memory is
  // std::bad_alloc here, like every other allocation (base/out_of_memory.h).
  if (err == simdjson::MEMALLOC) throw std::bad_alloc();
  if (err != simdjson::SUCCESS) return false;
  TreeBuilder builder(padded.data(), max_depth);
  od::json_type type;
  if (doc.type().get(type) != simdjson::SUCCESS) return false;
  if (type == od::json_type::object || type == od::json_type::array) {
    od::value value;
    if (doc.get_value().get(value) != simdjson::SUCCESS) return false;
    if (!builder.Value(value, root, 0)) return false;
  } else if (!builder.Scalar(doc, type, root)) {
    return false;
  }
  // Nothing may follow the document.
  const char* trailing = nullptr;
  return doc.current_location().get(trailing) != simdjson::SUCCESS;
}

}  // namespace

std::optional<JsonNode> ParseJsonTree(std::string_view text, int max_depth,
                                      SyntaxProblem* problem) {
  const simdjson::padded_string padded(text.data(), text.size());
  if (padded.data() == nullptr) throw std::bad_alloc();  // simdjson's nothrow allocation
  JsonNode root;
  if (BuildTree(padded, max_depth, &root)) return root;
  // Word and place the problem; simdjson only says what kind it was.
  std::optional<SyntaxProblem> found = CheckJsonSyntax(text, max_depth);
  *problem = found.has_value() ? *std::move(found)
                               : SyntaxProblem{0, "the JSON parser stopped before the end"};
  return std::nullopt;
}

}  // namespace perfbudget::json_internal
