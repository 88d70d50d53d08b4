// date.h: the date codec.
//
// Grammar (docs/format.md): white space at either end (text.h), then ISO 8601
// "YYYY-MM-DD" exactly: four-digit year 1400..9999, two-digit month and day,
// a day that exists ("2022-02-30" does not). Nothing else: no "2022/8/31",
// no "2022年8月31日", no time of day.
#ifndef PERFBUDGET_SRC_CODEC_DATE_H_
#define PERFBUDGET_SRC_CODEC_DATE_H_

#include <string_view>

#include "codec/codec_error.h"
#include "perfbudget/calendar/date.h"

namespace perfbudget::codec {

// Errors: kEmpty; kSyntax (not of the form YYYY-MM-DD); kOutOfRange (of the
// form, but no such day, or a year outside 1400..9999).
Decoded<Date> DecodeDate(std::string_view text);

}  // namespace perfbudget::codec

#endif  // PERFBUDGET_SRC_CODEC_DATE_H_
