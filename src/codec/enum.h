// enum.h: the enum codec, a closed vocabulary's value from its text.
//
// Grammar (docs/format.md): white space at either end (text.h), then the
// value's stable code (any letter case: "general_budget"), its Chinese label
// ("一般公共预算") or one of its aliases: other spellings on Chinese forms and
// the values of the national integrated budget system (预算管理一体化), e.g.
// "一般公共预算资金", ">=" / "≥" / "不低于" for ge. The tables, one row per
// value with code, label and aliases, are in model/enums.cc; each enum's
// Parse function (perfbudget/model/enums.h) reads them.
#ifndef PERFBUDGET_SRC_CODEC_ENUM_H_
#define PERFBUDGET_SRC_CODEC_ENUM_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "codec/codec_error.h"
#include "codec/text.h"

namespace perfbudget::codec {

template <typename E>
using EnumParser = std::optional<E> (*)(std::string_view);

// Errors: kEmpty; kUnknownCode (message: "unknown value \"lottery\"").
template <typename E>
Decoded<E> DecodeEnum(EnumParser<E> parse, std::string_view text) {
  const std::string_view s = TrimText(text);
  if (s.empty()) return CodecFailure{ValueKind::kEnum, CodecError::kEmpty, "the value is empty"};
  if (std::optional<E> e = parse(s)) return *e;
  return CodecFailure{ValueKind::kEnum, CodecError::kUnknownCode,
                      absl::StrCat("unknown value \"", AV(s), "\"")};
}

// DecodeEnum through a small memo of the texts met (a province's million
// rows repeat a handful of codes). One per load; not thread-safe.
class EnumMemo {
 public:
  template <typename E>
  Decoded<E> Decode(EnumParser<E> parse, std::string_view text) {
    Entries& entries = EntriesOf(reinterpret_cast<std::uintptr_t>(parse));
    for (const auto& [known, value] : entries) {
      if (known == text) return static_cast<E>(value);
    }
    Decoded<E> e = DecodeEnum(parse, text);
    if (e.ok() && entries.size() < kSize)
      entries.emplace_back(std::string(text), static_cast<int>(*e));
    return e;
  }

 private:
  static constexpr std::size_t kSize = 16;
  using Entries = std::vector<std::pair<std::string, int>>;
  Entries& EntriesOf(std::uintptr_t parse) {
    for (auto& [fn, entries] : memos_) {
      if (fn == parse) return entries;
    }
    memos_.emplace_back(parse, Entries());
    return memos_.back().second;
  }
  std::vector<std::pair<std::uintptr_t, Entries>> memos_;
};

}  // namespace perfbudget::codec

#endif  // PERFBUDGET_SRC_CODEC_ENUM_H_
