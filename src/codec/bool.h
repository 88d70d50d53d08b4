// bool.h: the boolean codec, for text forms (CSV cells).
//
// Grammar (docs/format.md): white space at either end (text.h), then
// true / false, 1 / 0, y / n, yes / no (any letter case) or 是 / 否. JSON
// datasets write a JSON true / false; the C ABI takes flags.
#ifndef PERFBUDGET_SRC_CODEC_BOOL_H_
#define PERFBUDGET_SRC_CODEC_BOOL_H_

#include <string_view>

#include "codec/codec_error.h"

namespace perfbudget::codec {

// Errors: kEmpty, kSyntax ("\"maybe\" is not a boolean").
Decoded<bool> DecodeBool(std::string_view text);

}  // namespace perfbudget::codec

#endif  // PERFBUDGET_SRC_CODEC_BOOL_H_
