// text.h: the one white-space trim for every value read from text.
//
// Every dataset reader (JSON, CSV, the C builder, target text) and
// every codec trims a value with TrimText before reading it, so that " 2 "
// means 2 and "P001 " names P001 wherever it is written. White space is
// ASCII space, tab, LF, VT, FF, CR, U+00A0 NO-BREAK SPACE and U+3000
// IDEOGRAPHIC SPACE (全角空格), the white space of spreadsheets and forms.
// Only the ends are trimmed; white space inside a value is kept.
#ifndef PERFBUDGET_SRC_CODEC_TEXT_H_
#define PERFBUDGET_SRC_CODEC_TEXT_H_

#include <string_view>

namespace perfbudget::codec {

// The white space of TrimText that is one byte long.
constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view TrimTextSlow(std::string_view s);

// `s` without white space at either end (a view into `s`).
inline std::string_view TrimText(std::string_view s) {
  if (s.empty()) return s;
  // Fast path: neither end can begin or end white space (U+00A0 is C2 A0,
  // U+3000 is E3 80 80).
  const auto front = static_cast<unsigned char>(s.front());
  const auto back = static_cast<unsigned char>(s.back());
  if (front > ' ' && front != 0xC2 && front != 0xE3 && back > ' ' && back != 0xA0 && back != 0x80) {
    return s;
  }
  return TrimTextSlow(s);
}

// True when `s` is empty or only white space.
inline bool IsBlank(std::string_view s) { return TrimText(s).empty(); }

}  // namespace perfbudget::codec

#endif  // PERFBUDGET_SRC_CODEC_TEXT_H_
