// json_text.cc: AppendJsonString / JsonQuote (see perfbudget/io/json_text.h).
#include "perfbudget/io/json_text.h"

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

}  // namespace perfbudget
