// json_text.cc: AppendJsonString, JsonQuote and JsonWriter (see
// perfbudget/io/json_text.h).
#include "perfbudget/io/json_text.h"

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>

#include "io/text_encoding.h"

namespace perfbudget {
namespace {

// True for the ASCII bytes copied as they are.
bool IsPlainAscii(unsigned char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; }

void AppendEscapedAscii(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default: {
      constexpr char kHex[] = "0123456789abcdef";
      const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out.append(escaped, sizeof escaped);
      return;
    }
  }
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy the longest run that needs nothing done in one go.
    std::size_t j = i;
    while (j < text.size()) {
      const auto c = static_cast<unsigned char>(text[j]);
      if (IsPlainAscii(c)) {
        ++j;
      } else if (c >= 0x80) {
        const std::size_t len = Utf8SequenceLength(text.substr(j));
        if (len == 0) break;
        j += len;
      } else {
        break;
      }
    }
    out.append(text.data() + i, j - i);
    if (j == text.size()) break;
    const auto c = static_cast<unsigned char>(text[j]);
    if (c >= 0x80) {  // as SanitizeUtf8: one U+FFFD for the bad byte and its tail
      out.append(kUtf8Replacement);
      i = j + InvalidUtf8Length(text.substr(j));
    } else {
      AppendEscapedAscii(out, c);
      i = j + 1;
    }
  }
  out.push_back('"');
}

std::string JsonQuote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  AppendJsonString(out, text);
  return out;
}

// ---- JsonWriter ---------------------------------------------------------------

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  Level& level = stack_.back();
  if (!level.empty) out_ += ',';
  if (layout_ == Layout::kPretty) {
    if (level.one_line) {
      if (!level.empty) out_ += ' ';
    } else {
      out_ += '\n';
      out_.append(stack_.size() * 2, ' ');
    }
  }
  level.empty = false;
}

void JsonWriter::Open(char c, bool one_line) {
  BeforeValue();
  out_ += c;
  stack_.push_back({true, one_line || OneLine()});
}

void JsonWriter::Close(char c) {
  const Level level = stack_.back();
  stack_.pop_back();
  if (layout_ == Layout::kPretty && !level.empty && !level.one_line) {
    out_ += '\n';
    out_.append(stack_.size() * 2, ' ');
  }
  out_ += c;
}

JsonWriter& JsonWriter::BeginObject(bool one_line) {
  Open('{', one_line);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  Close('}');
  return *this;
}

JsonWriter& JsonWriter::BeginArray(bool one_line) {
  Open('[', one_line);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  Close(']');
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(out_, key);
  out_ += layout_ == Layout::kPretty ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
  return *this;
}

JsonWriter& JsonWriter::Int(std::int64_t value) {
  BeforeValue();
  char buf[24];
  const std::to_chars_result r = std::to_chars(buf, buf + sizeof(buf), value);
  out_.append(buf, r.ptr);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_.append(json);
  return *this;
}

std::string JsonWriter::Finish() {
  std::string out = std::move(out_);
  if (layout_ == Layout::kPretty) out += '\n';
  out_.clear();
  stack_.clear();
  after_key_ = false;
  return out;
}

}  // namespace perfbudget
