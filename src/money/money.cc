// money.cc: Money parsing, checked arithmetic and formatting.
#include "perfbudget/money/money.h"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "codec/text.h"
#include "money/decimal_text.h"
#include "money/number_text.h"

namespace perfbudget {
namespace {

using internal::uint128_t;

// Decimal places of one fen in each unit: 元 0.01, 万元 0.000001, 亿元 1e-10.
int FenPlaces(MoneyUnit unit) {
  switch (unit) {
    case MoneyUnit::kYuan:
      return 2;
    case MoneyUnit::kWanYuan:
      return 6;
    case MoneyUnit::kYiYuan:
      return 10;
  }
  return 2;
}

absl::Status Overflow(std::string_view op) {
  return absl::OutOfRangeError(absl::StrCat("money overflow in ", internal::ToAbsl(op),
                                            " (beyond ±92,233,720,368,547,758.07 元)"));
}

absl::StatusOr<Money> FromInt128(int128_t fen, std::string_view op) {
  if (fen > std::numeric_limits<std::int64_t>::max() ||
      fen < std::numeric_limits<std::int64_t>::min()) {
    return Overflow(op);
  }
  return Money::FromFen(static_cast<std::int64_t>(fen));
}

uint128_t Magnitude(std::int64_t v) {
  return v < 0 ? static_cast<uint128_t>(-static_cast<int128_t>(v)) : static_cast<uint128_t>(v);
}

}  // namespace

absl::StatusOr<Money> Money::FromYuan(std::int64_t yuan) {
  std::int64_t fen;
  if (__builtin_mul_overflow(yuan, kFenPerYuan, &fen)) return Overflow("FromYuan");
  return Money(fen);
}

absl::StatusOr<Money> Money::Parse(std::string_view text, MoneyUnit default_unit) {
  internal::NumberTextError why = internal::NumberTextError::kNone;
  return internal::ParseMoneyText(text, default_unit, &why);
}

namespace internal {

absl::StatusOr<Money> ParseMoneyText(std::string_view text, MoneyUnit default_unit,
                                     NumberTextError* why) {
  constexpr std::string_view kWhat = "an amount of money";
  *why = NumberTextError::kSyntax;
  auto bad = [&](absl::string_view reason) {
    return absl::InvalidArgumentError(absl::StrCat("\"", internal::ToAbsl(text), "\" is not ",
                                                   internal::ToAbsl(kWhat), ": ", reason));
  };
  absl::StatusOr<std::string> normalized = internal::NormalizeNumericText(text, kWhat);
  if (!normalized.ok()) return normalized.status();
  std::string_view s = codec::TrimText(*normalized);
  if (s.empty()) {
    *why = NumberTextError::kEmpty;
    return bad("the text is empty");
  }

  // Prefix: at most one sign and at most one currency sign, in either order.
  int signs = 0;
  bool negative = false;
  bool currency = false;
  while (!s.empty()) {
    const char c = s.front();
    if (c == '+' || c == '-') {
      if (++signs > 1) return bad("more than one sign");
      negative = (c == '-');
    } else if (c == 'Y') {
      if (currency) return bad("more than one currency sign");
      currency = true;
    } else if (c == ' ' && currency) {
      // "￥ 1,234.56"
    } else {
      break;
    }
    s.remove_prefix(1);
  }
  if (s.empty()) return bad("no digits");
  if (s.front() < '0' || s.front() > '9') {
    if (s.front() == '.') return bad("expected a digit before the decimal point");
    if (s.front() == ',') return bad("a grouping comma before any digit");
    return bad("expected a digit");
  }
  size_t consumed = 0;
  absl::StatusOr<internal::DecimalDigits> digits = internal::LexUnsignedDecimal(s, &consumed);
  if (!digits.ok()) return bad(digits.status().message());
  s.remove_prefix(consumed);
  s = codec::TrimText(s);

  // Unit suffix.
  MoneyUnit unit = default_unit;
  if (s == "u") {
    unit = MoneyUnit::kYuan;
  } else if (s == "wu" || s == "w") {
    unit = MoneyUnit::kWanYuan;
  } else if (s == "yu" || s == "y") {
    unit = MoneyUnit::kYiYuan;
  } else if (s.empty()) {
    // default unit
  } else if (s.front() == '+' || s.front() == '-') {
    return bad("a sign after the number");
  } else if (s.front() == 'e' || s.front() == 'E') {
    return bad("exponent form is not accepted; write a plain decimal");
  } else if (s.front() == '.' || s.front() == ',' || (s.front() >= '0' && s.front() <= '9')) {
    return bad("misplaced separator or space inside the number");
  } else {
    return bad("unexpected text after the number (expected nothing or a unit 元, 万元, 亿元)");
  }

  // fen = digits × 10^(places - frac_digits).
  const int places = FenPlaces(unit);
  const int frac = static_cast<int>(digits->frac_digits.size());
  if (frac > places) {
    *why = NumberTextError::kSubFen;
    return bad(absl::StrCat("the amount has more precision than a fen (at most ", places,
                            " decimal places in ", internal::ToAbsl(MoneyUnitName(unit)), ")"));
  }
  std::string all = digits->int_digits + digits->frac_digits;
  all.append(static_cast<size_t>(places - frac), '0');
  size_t lead = 0;
  while (lead < all.size() && all[lead] == '0') ++lead;
  all.erase(0, lead);
  // 2^63 has 19 digits; anything longer certainly overflows.
  if (all.size() > 20) {
    *why = NumberTextError::kOverflow;
    return absl::OutOfRangeError(
        absl::StrCat("\"", internal::ToAbsl(text),
                     "\" is too large for an amount of money (beyond ±9.2e16 元)"));
  }
  uint128_t magnitude = 0;
  for (char c : all) magnitude = magnitude * 10 + static_cast<uint128_t>(c - '0');
  const uint128_t limit = negative ? (uint128_t{1} << 63) : ((uint128_t{1} << 63) - 1);
  if (magnitude > limit) {
    *why = NumberTextError::kOverflow;
    return absl::OutOfRangeError(
        absl::StrCat("\"", internal::ToAbsl(text),
                     "\" is too large for an amount of money (beyond ±9.2e16 元)"));
  }
  const int128_t signed_fen =
      negative ? -static_cast<int128_t>(magnitude) : static_cast<int128_t>(magnitude);
  *why = NumberTextError::kNone;
  return Money::FromFen(static_cast<std::int64_t>(signed_fen));
}

}  // namespace internal

absl::StatusOr<Money> Money::Plus(Money other) const {
  std::int64_t r;
  if (__builtin_add_overflow(fen_, other.fen_, &r)) return Overflow("Plus");
  return Money(r);
}

absl::StatusOr<Money> Money::Minus(Money other) const {
  std::int64_t r;
  if (__builtin_sub_overflow(fen_, other.fen_, &r)) return Overflow("Minus");
  return Money(r);
}

absl::StatusOr<Money> Money::Negated() const {
  std::int64_t r;
  if (__builtin_sub_overflow(std::int64_t{0}, fen_, &r)) return Overflow("Negated");
  return Money(r);
}

absl::StatusOr<Money> Money::Times(std::int64_t factor) const {
  std::int64_t r;
  if (__builtin_mul_overflow(fen_, factor, &r)) return Overflow("Times");
  return Money(r);
}

absl::StatusOr<Money> Money::MulDiv(std::int64_t numerator, std::int64_t denominator) const {
  if (denominator == 0) {
    return absl::InvalidArgumentError("money MulDiv by a zero denominator");
  }
  // |fen × numerator| ≤ 2^126: exact in unsigned 128 bits.
  const uint128_t product = Magnitude(fen_) * Magnitude(numerator);
  const uint128_t d = Magnitude(denominator);
  uint128_t q = product / d;
  const uint128_t r = product % d;
  if (r != 0 && r >= d - r) ++q;  // 2r ≥ d: half-up on the magnitude, i.e. away from zero
  const bool result_negative = ((fen_ < 0) ^ (numerator < 0) ^ (denominator < 0)) && q != 0;
  if (q > (uint128_t{1} << 63)) return Overflow("MulDiv");
  const int128_t signed_q = result_negative ? -static_cast<int128_t>(q) : static_cast<int128_t>(q);
  return FromInt128(signed_q, "MulDiv");
}

std::string Money::ToString(const MoneyFormat& format) const {
  const int places = FenPlaces(format.unit);
  const std::string mag = internal::Uint128ToString(Magnitude(fen_));
  std::string int_digits;
  std::string frac_digits;
  if (mag.size() > static_cast<size_t>(places)) {
    int_digits = mag.substr(0, mag.size() - static_cast<size_t>(places));
    frac_digits = mag.substr(mag.size() - static_cast<size_t>(places));
  } else {
    int_digits = "0";
    frac_digits = std::string(static_cast<size_t>(places) - mag.size(), '0') + mag;
  }
  int decimals = format.decimals;
  if (decimals < 0) {
    if (format.unit == MoneyUnit::kYuan) {
      decimals = 2;
    } else {
      while (!frac_digits.empty() && frac_digits.back() == '0') frac_digits.pop_back();
      decimals = static_cast<int>(frac_digits.size());
    }
  }
  const std::string scaled = internal::RoundDigits(int_digits, frac_digits, decimals);
  std::string out = internal::FormatScaled(fen_ < 0, scaled, decimals, format.grouping);
  if (format.unit_suffix) out.append(MoneyUnitName(format.unit));
  return out;
}

absl::StatusOr<MoneyUnit> ParseMoneyUnit(std::string_view text) {
  const std::string t = absl::AsciiStrToLower(internal::ToAbsl(codec::TrimText(text)));
  if (t == "元" || t == "yuan") return MoneyUnit::kYuan;
  if (t == "万元" || t == "万" || t == "wan" || t == "wanyuan" || t == "wan_yuan") {
    return MoneyUnit::kWanYuan;
  }
  if (t == "亿元" || t == "亿" || t == "yi" || t == "yiyuan" || t == "yi_yuan") {
    return MoneyUnit::kYiYuan;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("\"", internal::ToAbsl(text),
                   "\" is not a money unit (expected 元/yuan, 万元/wan or 亿元/yi)"));
}

std::string_view MoneyUnitName(MoneyUnit unit) {
  switch (unit) {
    case MoneyUnit::kYuan:
      return "元";
    case MoneyUnit::kWanYuan:
      return "万元";
    case MoneyUnit::kYiYuan:
      return "亿元";
  }
  return "元";
}

}  // namespace perfbudget
