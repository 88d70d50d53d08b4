// id.h: the id codec, for ids and the references that name them.
//
// Grammar (docs/format.md): white space at either end (text.h) is not part
// of an id ("P001 " names P001, as fixed-width database columns pad it); the
// rest is the id, compared byte for byte. A required id must not be empty.
#ifndef PERFBUDGET_SRC_CODEC_ID_H_
#define PERFBUDGET_SRC_CODEC_ID_H_

#include <string_view>

#include "codec/codec_error.h"
#include "codec/text.h"

namespace perfbudget::codec {

// The id in `text` (a view into it). Errors: kEmpty.
inline Decoded<std::string_view> DecodeId(std::string_view text) {
  const std::string_view id = TrimText(text);
  if (id.empty()) return CodecFailure{ValueKind::kId, CodecError::kEmpty, "the id is empty"};
  return id;
}

// An optional reference: the trimmed text, "" when absent.
inline std::string_view OptionalId(std::string_view text) { return TrimText(text); }

}  // namespace perfbudget::codec

#endif  // PERFBUDGET_SRC_CODEC_ID_H_
