// text_encoding.h: the text encodings of CSV tables — UTF-8 validation, BOM
// stripping, and GB18030 / GBK (what Excel writes on Chinese Windows) to and
// from UTF-8, through glibc's iconv.
//
// Decoding is lenient so that a loader can report every bad spot: each
// invalid or undecodable byte sequence becomes U+FFFD in the output and its
// place (output offset, line, column) is recorded.
#ifndef PERFBUDGET_IO_TEXT_ENCODING_H_
#define PERFBUDGET_IO_TEXT_ENCODING_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace perfbudget {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
inline constexpr std::string_view kGb18030Bom = "\x84\x31\x95\x33";
// U+FFFD, what stands for invalid input bytes in decoded or escaped text.
inline constexpr std::string_view kUtf8Replacement = "\xEF\xBF\xBD";

// One invalid spot in decoded text.
struct EncodingError {
  int line = 0;       // 1-based line of the decoded text
  int column = 0;     // 1-based column (in characters) within that line
  std::string bytes;  // the offending input bytes, as "\\xC3\\x28"
};

// Text decoded to UTF-8, with every bad spot replaced by U+FFFD.
struct DecodedText {
  std::string utf8;
  std::vector<EncodingError> errors;
};

// True when `text` starts with a UTF-8 byte-order mark.
bool HasUtf8Bom(std::string_view text);
// `text` without a leading UTF-8 BOM.
std::string_view StripUtf8Bom(std::string_view text);

// True when `text` is valid UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool IsValidUtf8(std::string_view text);
// The length of the valid UTF-8 sequence at the start of non-empty `text`,
// or 0 when it does not start with one.
std::size_t Utf8SequenceLength(std::string_view text);
// How many bytes at the start of `text` (non-empty, not starting with a
// valid sequence) one U+FFFD replaces: the bad byte and up to three
// continuation bytes after it. SanitizeUtf8 and the JSON escaper share it.
std::size_t InvalidUtf8Length(std::string_view text);
// Copies `text`, replacing invalid UTF-8 sequences by U+FFFD and recording each.
DecodedText SanitizeUtf8(std::string_view text);

// Decodes GB18030 (a superset of GBK and GB2312). A leading GB18030 BOM is
// dropped. Errors: Internal when iconv lacks GB18030 (never on glibc).
absl::StatusOr<DecodedText> DecodeGb18030(std::string_view bytes);
// Encodes valid UTF-8 as GB18030. Errors: InvalidArgument on invalid UTF-8,
// Internal when iconv fails.
absl::StatusOr<std::string> EncodeGb18030(std::string_view utf8);

// Number of Unicode characters in valid UTF-8 `text` (counts lead bytes).
int Utf8Length(std::string_view text);

}  // namespace perfbudget

#endif  // PERFBUDGET_IO_TEXT_ENCODING_H_
