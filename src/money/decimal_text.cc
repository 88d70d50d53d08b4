// decimal_text.cc: lexing and formatting of exact decimal text (internal).
#include "money/decimal_text.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace perfbudget::internal {
namespace {

struct Mapping {
  std::string_view utf8;
  char ascii;
};

// Multi-byte characters with a meaning in numbers (constant table).
constexpr Mapping kMappings[] = {
    {"\xEF\xBC\x8C", ','},  // ， FULLWIDTH COMMA
    {"\xEF\xBC\x8E", '.'},  // ． FULLWIDTH FULL STOP
    {"\xEF\xBC\x8B", '+'},  // ＋ FULLWIDTH PLUS SIGN
    {"\xEF\xBC\x8D", '-'},  // － FULLWIDTH HYPHEN-MINUS
    {"\xE2\x88\x92", '-'},  // − MINUS SIGN
    {"\xE3\x80\x80", ' '},  // IDEOGRAPHIC SPACE
    {"\xC2\xA0", ' '},      // NO-BREAK SPACE
    {"\xEF\xBF\xA5", 'Y'},  // ￥ FULLWIDTH YEN SIGN
    {"\xC2\xA5", 'Y'},      // ¥ YEN SIGN
    {"\xE5\x85\x83", 'u'},  // 元
    {"\xE4\xB8\x87", 'w'},  // 万
    {"\xE4\xBA\xBF", 'y'},  // 亿
};

size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

}  // namespace

absl::StatusOr<std::string> NormalizeNumericText(std::string_view text, std::string_view what) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        out.push_back(' ');
      } else if (c == 'Y' || c == 'u' || c == 'w' || c == 'y') {
        // Reserved for the markers above: as raw letters they are junk.
        out.push_back('?');
      } else {
        out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    // Full-width digits ０..９: EF BC 90..99.
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC) {
      const auto d = static_cast<unsigned char>(text[i + 2]);
      if (d >= 0x90 && d <= 0x99) {
        out.push_back(static_cast<char>('0' + (d - 0x90)));
        i += 3;
        continue;
      }
    }
    bool mapped = false;
    for (const Mapping& m : kMappings) {
      if (text.substr(i, m.utf8.size()) == m.utf8) {
        out.push_back(m.ascii);
        i += m.utf8.size();
        mapped = true;
        break;
      }
    }
    if (mapped) continue;
    const size_t len = std::min(Utf8Length(c), text.size() - i);
    return absl::InvalidArgumentError(absl::StrCat("\"", ToAbsl(text), "\" is not ", ToAbsl(what),
                                                   ": unexpected character \"",
                                                   ToAbsl(text.substr(i, len)), "\""));
  }
  return out;
}

static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

absl::StatusOr<DecimalDigits> LexUnsignedDecimal(std::string_view s, size_t* consumed) {
  DecimalDigits out;
  size_t i = 0;
  // Integer part with optional grouping.
  std::string int_digits;
  size_t group_len = 0;  // digits in the current group
  bool grouped = false;  // a comma was seen
  while (i < s.size() && (IsDigit(s[i]) || s[i] == ',')) {
    if (s[i] == ',') {
      if (int_digits.empty()) {
        return absl::InvalidArgumentError("a grouping comma before any digit");
      }
      if ((!grouped && group_len > 3) || (grouped && group_len != 3)) {
        return absl::InvalidArgumentError(
            "misplaced digit grouping (expected groups of three digits between commas)");
      }
      grouped = true;
      group_len = 0;
    } else {
      int_digits.push_back(s[i]);
      ++group_len;
    }
    ++i;
  }
  if (grouped && group_len != 3) {
    return absl::InvalidArgumentError(
        "misplaced digit grouping (expected groups of three digits between commas)");
  }
  if (i < s.size() && s[i] == '.') {
    if (int_digits.empty()) {
      return absl::InvalidArgumentError("expected a digit before the decimal point");
    }
    ++i;
    const size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == start) {
      return absl::InvalidArgumentError("expected a digit after the decimal point");
    }
    out.frac_digits = std::string(s.substr(start, i - start));
    if (i < s.size() && s[i] == ',') {
      return absl::InvalidArgumentError("a grouping comma in the fraction");
    }
  }
  if (int_digits.empty()) {
    return absl::InvalidArgumentError("expected a number");
  }
  size_t lead = 0;
  while (lead < int_digits.size() && int_digits[lead] == '0') ++lead;
  out.int_digits = int_digits.substr(lead);
  while (!out.frac_digits.empty() && out.frac_digits.back() == '0') out.frac_digits.pop_back();
  *consumed = i;
  return out;
}

std::string Uint128ToString(uint128_t v) {
  if (v == 0) return "0";
  char buf[48];
  int n = 0;
  while (v != 0) {
    buf[n++] = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  }
  std::string s(buf, static_cast<size_t>(n));
  std::reverse(s.begin(), s.end());
  return s;
}

std::string RoundDigits(std::string_view int_digits, std::string_view frac_digits, int decimals) {
  if (decimals < 0) decimals = 0;
  const auto d = static_cast<size_t>(decimals);
  std::string digits(int_digits);
  bool round_up = false;
  if (frac_digits.size() <= d) {
    digits.append(frac_digits);
    digits.append(d - frac_digits.size(), '0');
  } else {
    digits.append(frac_digits.substr(0, d));
    round_up = frac_digits[d] >= '5';
  }
  if (digits.size() < d + 1) digits.insert(0, d + 1 - digits.size(), '0');
  if (round_up) {
    size_t k = digits.size();
    while (k > 0) {
      --k;
      if (digits[k] == '9') {
        digits[k] = '0';
        if (k == 0) digits.insert(0, 1, '1');
      } else {
        ++digits[k];
        break;
      }
    }
  }
  return digits;
}

std::string GroupThousands(std::string_view digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string FormatScaled(bool negative, std::string_view scaled_digits, int decimals,
                         bool grouping) {
  if (decimals < 0) decimals = 0;
  const auto d = static_cast<size_t>(decimals);
  std::string digits(scaled_digits);
  if (digits.size() < d + 1) digits.insert(0, d + 1 - digits.size(), '0');
  std::string_view int_part = std::string_view(digits).substr(0, digits.size() - d);
  std::string_view frac_part = std::string_view(digits).substr(digits.size() - d);
  // Strip leading zeros of the integer part, keeping one.
  while (int_part.size() > 1 && int_part.front() == '0') int_part.remove_prefix(1);
  const bool all_zero = std::all_of(digits.begin(), digits.end(), [](char c) { return c == '0'; });
  std::string out;
  if (negative && !all_zero) out.push_back('-');
  out.append(grouping ? GroupThousands(int_part) : std::string(int_part));
  if (d > 0) {
    out.push_back('.');
    out.append(frac_part);
  }
  return out;
}

}  // namespace perfbudget::internal
