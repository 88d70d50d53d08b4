// text_encoding.cc: UTF-8 validation and GB18030 conversion (glibc iconv).
#include "io/text_encoding.h"

#include <errno.h>
#include <iconv.h>

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/absl_compat.h"

namespace perfbudget {
std::size_t Utf8SequenceLength(std::string_view s) {
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return 1;
  std::size_t len;
  std::uint32_t min;
  std::uint32_t cp;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80, cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800, cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (s.size() < len) return 0;
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

std::size_t InvalidUtf8Length(std::string_view text) {
  std::size_t bad = 1;
  while (bad < text.size() && bad < 4 && (static_cast<unsigned char>(text[bad]) & 0xC0) == 0x80) {
    ++bad;
  }
  return bad;
}

namespace {

std::string HexBytes(std::string_view bytes) {
  std::string out;
  for (char c : bytes) absl::StrAppendFormat(&out, "\\x%02X", static_cast<unsigned char>(c));
  return out;
}

// Tracks the line and column reached in UTF-8 output.
class PositionTracker {
 public:
  // Accounts for output appended since the last call.
  void Advance(const std::string& out) {
    for (; seen_ < out.size(); ++seen_) {
      const auto b = static_cast<unsigned char>(out[seen_]);
      if (b == '\n') {
        ++line_;
        column_ = 1;
      } else if ((b & 0xC0) != 0x80) {
        ++column_;
      }
    }
  }
  EncodingError ErrorHere(std::string_view bytes) const {
    return EncodingError{line_, column_, HexBytes(bytes)};
  }

 private:
  std::size_t seen_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace

bool HasUtf8Bom(std::string_view text) { return text.substr(0, kUtf8Bom.size()) == kUtf8Bom; }

std::string_view StripUtf8Bom(std::string_view text) {
  return HasUtf8Bom(text) ? text.substr(kUtf8Bom.size()) : text;
}

bool IsValidUtf8(std::string_view text) {
  while (!text.empty()) {
    const std::size_t n = Utf8SequenceLength(text);
    if (n == 0) return false;
    text.remove_prefix(n);
  }
  return true;
}

DecodedText SanitizeUtf8(std::string_view text) {
  DecodedText result;
  if (IsValidUtf8(text)) {
    result.utf8 = std::string(text);
    return result;
  }
  result.utf8.reserve(text.size());
  PositionTracker position;
  while (!text.empty()) {
    const std::size_t n = Utf8SequenceLength(text);
    if (n > 0) {
      result.utf8.append(text.substr(0, n));
      text.remove_prefix(n);
      continue;
    }
    const std::size_t bad = InvalidUtf8Length(text);
    position.Advance(result.utf8);
    result.errors.push_back(position.ErrorHere(text.substr(0, bad)));
    result.utf8.append(kUtf8Replacement);
    text.remove_prefix(bad);
  }
  return result;
}

absl::StatusOr<DecodedText> DecodeGb18030(std::string_view bytes) {
  if (bytes.substr(0, kGb18030Bom.size()) == kGb18030Bom) bytes.remove_prefix(kGb18030Bom.size());
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  // NOLINTNEXTLINE(performance-no-int-to-ptr): iconv's documented failure value
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return absl::InternalError("iconv cannot convert GB18030 to UTF-8 on this system");
  }
  DecodedText result;
  result.utf8.reserve(bytes.size() * 3 / 2 + 16);
  PositionTracker position;
  char buffer[4096];
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char* out = buffer;
    std::size_t out_left = sizeof(buffer);
    const std::size_t rc = iconv(cd, &in, &in_left, &out, &out_left);
    const int err = errno;
    result.utf8.append(buffer, static_cast<std::size_t>(out - buffer));
    if (rc != static_cast<std::size_t>(-1)) break;
    if (err == E2BIG) continue;
    // EILSEQ (an undecodable sequence) or EINVAL (truncated at the end).
    const std::size_t bad = (err == EINVAL) ? in_left : 1;
    position.Advance(result.utf8);
    result.errors.push_back(position.ErrorHere(
        std::string_view(in, std::min<std::size_t>(in_left, err == EINVAL ? 4 : 2))));
    result.utf8.append(kUtf8Replacement);
    in += bad;
    in_left -= bad;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  iconv_close(cd);
  return result;
}

absl::StatusOr<std::string> EncodeGb18030(std::string_view utf8) {
  if (!IsValidUtf8(utf8)) return absl::InvalidArgumentError("text is not valid UTF-8");
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  // NOLINTNEXTLINE(performance-no-int-to-ptr): iconv's documented failure value
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return absl::InternalError("iconv cannot convert UTF-8 to GB18030 on this system");
  }
  std::string result;
  result.reserve(utf8.size());
  char buffer[4096];
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  absl::Status status;
  while (in_left > 0) {
    char* out = buffer;
    std::size_t out_left = sizeof(buffer);
    const std::size_t rc = iconv(cd, &in, &in_left, &out, &out_left);
    const int err = errno;
    result.append(buffer, static_cast<std::size_t>(out - buffer));
    if (rc != static_cast<std::size_t>(-1)) break;
    if (err == E2BIG) continue;
    status = absl::InternalError(absl::StrCat(
        "iconv cannot encode ", HexBytes(std::string_view(in, std::min<std::size_t>(in_left, 4))),
        " as GB18030"));
    break;
  }
  // Flush any shift state (none for GB18030, but harmless).
  char* out = buffer;
  std::size_t out_left = sizeof(buffer);
  iconv(cd, nullptr, nullptr, &out, &out_left);
  result.append(buffer, static_cast<std::size_t>(out - buffer));
  iconv_close(cd);
  if (!status.ok()) return status;
  return result;
}

int Utf8Length(std::string_view text) {
  int n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace perfbudget
