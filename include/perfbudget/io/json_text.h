// json_text.h: text as a JSON string literal — the one escaper of every JSON
// document this library and its tools write (datasets, policy profiles, the
// CLI's reports and diagnostics).
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

#include <string>
#include <string_view>

namespace perfbudget {

// Appends `text` to `out` as a quoted JSON string.
void AppendJsonString(std::string& out, std::string_view text);

// `text` as a quoted JSON string.
std::string JsonQuote(std::string_view text);

}  // namespace perfbudget

#endif  // PERFBUDGET_IO_JSON_TEXT_H_
