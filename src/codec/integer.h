// integer.h: the whole-number codec (years, the first month of a fiscal
// year): the same digits and ranges in every form.
//
// Grammar (docs/format.md): white space at either end (text.h), an optional
// sign, ASCII digits; no grouping comma, no decimal point, no exponent. The
// value must lie in the field's range [lo, hi]. A JSON integer's raw text
// reads the same; a JSON string is not a number there.
#ifndef PERFBUDGET_SRC_CODEC_INTEGER_H_
#define PERFBUDGET_SRC_CODEC_INTEGER_H_

#include <string_view>

#include "codec/codec_error.h"

namespace perfbudget::codec {

// Errors: kEmpty; kSyntax ("\"2022.5\" is not a whole number"); kOutOfRange
// ("\"13\" is out of range (expected a whole number from 1 to 12)").
Decoded<int> DecodeInteger(std::string_view text, int lo, int hi);

}  // namespace perfbudget::codec

#endif  // PERFBUDGET_SRC_CODEC_INTEGER_H_
