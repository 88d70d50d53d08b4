// ratio.cc: the ratio codec.
#include "codec/ratio.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "codec/text.h"
#include "money/fast_decimal.h"
#include "money/number_text.h"

namespace perfbudget::codec {
namespace {

CodecFailure Failure(CodecError error, std::string message) {
  return CodecFailure{ValueKind::kRatio, error, std::move(message)};
}

// Reads "[sign]digits" (ASCII; a sign only when `sign_allowed`) into *out.
// False when `s` is not of that form; *overflow when it has more than 38
// significant digits.
bool ReadInteger(std::string_view s, bool sign_allowed, int128_t* out, bool* overflow) {
  bool negative = false;
  if (sign_allowed && !s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
  int128_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    if (s.size() > 38) {
      *overflow = true;
      continue;
    }
    v = v * 10 + (c - '0');
  }
  *out = negative ? -v : v;
  return true;
}

Decoded<Ratio> DecodeFraction(std::string_view text, std::string_view s, std::size_t slash) {
  int128_t num = 0;
  int128_t den = 0;
  bool overflow = false;
  if (!ReadInteger(TrimText(s.substr(0, slash)), true, &num, &overflow) ||
      !ReadInteger(TrimText(s.substr(slash + 1)), false, &den, &overflow) ||
      (!overflow && den == 0)) {
    return Failure(CodecError::kSyntax,
                   absl::StrCat("\"", AV(text),
                                "\" is not a fraction of two integers with a positive "
                                "denominator"));
  }
  if (overflow) {
    return Failure(CodecError::kOverflow,
                   absl::StrCat("\"", AV(text),
                                "\" is out of range (at most 38 digits above and below the '/')"));
  }
  return Ratio(num, den);
}

}  // namespace

Decoded<Ratio> DecodeRatio(std::string_view text) {
  if (std::optional<Ratio> fast = internal::FastParsePlainDecimal(text)) return *fast;
  const std::string_view s = TrimText(text);
  if (const std::size_t slash = s.find('/'); slash != std::string_view::npos) {
    return DecodeFraction(text, s, slash);
  }
  internal::NumberTextError why = internal::NumberTextError::kNone;
  absl::StatusOr<Ratio> r = internal::ParseDecimalText(text, &why);
  if (r.ok()) return *r;
  CodecError error = CodecError::kSyntax;
  if (why == internal::NumberTextError::kEmpty) error = CodecError::kEmpty;
  if (why == internal::NumberTextError::kOverflow) error = CodecError::kOverflow;
  return Failure(error, std::string(r.status().message()));
}

std::string EncodeRatio(const Ratio& r) {
  if (r.overflowed()) return r.ToExactString();
  int128_t den = r.denominator();
  while (den % 2 == 0) den /= 2;
  while (den % 5 == 0) den /= 5;
  if (den == 1) {
    std::string s = r.ToShortString(200);
    absl::StatusOr<Ratio> back = Ratio::ParseDecimal(s);
    if (back.ok() && *back == r) return s;
  }
  return r.ToExactString();
}

}  // namespace perfbudget::codec
