// amount.h: the amount codec, money (金额) from its text.
//
// Grammar (docs/format.md): white space at either end (text.h); at most one
// sign and one currency sign ￥/¥ in either order; digits with optional
// grouping commas in threes; optionally '.' and digits; optionally a unit
// 元, 万元 / 万 or 亿元 / 亿 (else `default_unit`). Full-width digits, comma,
// period and signs read as ASCII. No exponent, no "1." or ".5". The value
// must be a whole number of fen (分): "1.234" is kSubFen, never rounded; an
// amount beyond ±92,233,720,368,547,758.07 元 is kOverflow. Negative amounts
// are read (an adjustment may be negative); fields that must not be negative
// are checked by DatasetBuilder. A JSON number's raw text reads the same.
#ifndef PERFBUDGET_SRC_CODEC_AMOUNT_H_
#define PERFBUDGET_SRC_CODEC_AMOUNT_H_

#include <string_view>

#include "codec/codec_error.h"
#include "perfbudget/money/money.h"

namespace perfbudget::codec {

// Errors: kEmpty, kSyntax, kSubFen, kOverflow.
Decoded<Money> DecodeAmount(std::string_view text, MoneyUnit default_unit = MoneyUnit::kYuan);

}  // namespace perfbudget::codec

#endif  // PERFBUDGET_SRC_CODEC_AMOUNT_H_
