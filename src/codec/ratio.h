// ratio.h: the ratio codec, an exact number (weights, scores, targets,
// actual values, baselines) from its text.
//
// One grammar for every entry point (docs/format.md): white space at either
// end (text.h), then either
//   - a decimal: an optional sign, digits with optional grouping commas in
//     threes, optionally '.' and digits ("95.5", "-1", "1,234.5", full-width
//     digits/comma/period/sign read as ASCII); at most 38 significant digits;
//   - or a fraction, the writer's form of a value with no finite decimal:
//     an optional sign, ASCII digits, '/', ASCII digits, white space allowed
//     around the '/' ("1/3", "-7/2"); the denominator is a positive integer.
// Refused: an exponent ("1e3"), a decimal or signed denominator in a fraction
// ("1.5/2", "1/-2", "1/0"), "1." / ".5", a trailing "%" or unit.
#ifndef PERFBUDGET_SRC_CODEC_RATIO_H_
#define PERFBUDGET_SRC_CODEC_RATIO_H_

#include <string>
#include <string_view>

#include "codec/codec_error.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget::codec {

// Errors: kEmpty, kSyntax, kOverflow (more than 38 digits).
Decoded<Ratio> DecodeRatio(std::string_view text);

// The text the writers use: the shortest exact decimal when the denominator
// is 2^a·5^b, else the fraction "a/b". DecodeRatio(EncodeRatio(r)) == r.
std::string EncodeRatio(const Ratio& r);

}  // namespace perfbudget::codec

#endif  // PERFBUDGET_SRC_CODEC_RATIO_H_
