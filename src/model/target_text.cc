// target_text.cc: indicator target shorthand ("≥50个", "[90, 100]").
#include "model/target_text.h"

#include <array>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "codec/ratio.h"
#include "codec/text.h"
#include "money/fast_decimal.h"

namespace perfbudget {
namespace {

// Leading comparator words and symbols, longer ones before their prefixes.
constexpr std::array<std::pair<std::string_view, Comparator>, 30> kComparatorPrefixes = {{
    {">=", Comparator::kGe},     {"≥", Comparator::kGe},          {"≧", Comparator::kGe},
    {"＞＝", Comparator::kGe},   {"大于或等于", Comparator::kGe}, {"大于等于", Comparator::kGe},
    {"不低于", Comparator::kGe}, {"不少于", Comparator::kGe},     {"不小于", Comparator::kGe},
    {"<=", Comparator::kLe},     {"≤", Comparator::kLe},          {"≦", Comparator::kLe},
    {"＜＝", Comparator::kLe},   {"小于或等于", Comparator::kLe}, {"小于等于", Comparator::kLe},
    {"不高于", Comparator::kLe}, {"不超过", Comparator::kLe},     {"不多于", Comparator::kLe},
    {"不大于", Comparator::kLe}, {">", Comparator::kGt},          {"＞", Comparator::kGt},
    {"大于", Comparator::kGt},   {"高于", Comparator::kGt},       {"超过", Comparator::kGt},
    {"<", Comparator::kLt},      {"＜", Comparator::kLt},         {"小于", Comparator::kLt},
    {"低于", Comparator::kLt},   {"=", Comparator::kEq},          {"＝", Comparator::kEq},
}};

// Range separators between two numbers.
constexpr std::array<std::string_view, 9> kRangeSeparators = {",",  "，", "-", "~", "～",
                                                              "至", "—",  "–", "－"};

bool ConsumePrefix(std::string_view* s, std::string_view prefix) {
  if (!s->starts_with(prefix)) return false;
  s->remove_prefix(prefix.size());
  return true;
}

using codec::IsBlank;
using codec::TrimText;

bool IsFullWidthDigitAt(std::string_view s, std::size_t i) {
  // U+FF10..U+FF19: EF BC 90..99.
  return i + 3 <= s.size() && s[i] == '\xEF' && s[i + 1] == '\xBC' &&
         static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
         static_cast<unsigned char>(s[i + 2]) <= 0x99;
}

bool HasDigit(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(s[i])) || IsFullWidthDigitAt(s, i)) {
      return true;
    }
  }
  return false;
}

// Consumes the longest number at the start of `*s` ("-1,234.5", full-width
// digits) and parses it exactly.
std::optional<Ratio> ConsumeNumber(std::string_view* s, bool allow_grouping) {
  std::size_t i = 0;
  if (i < s->size() && ((*s)[i] == '+' || (*s)[i] == '-')) ++i;
  const std::size_t digits_start = i;
  bool any_digit = false;
  while (i < s->size()) {
    const char c = (*s)[i];
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      any_digit = true;
      ++i;
    } else if (IsFullWidthDigitAt(*s, i)) {
      any_digit = true;
      i += 3;
    } else if (c == '.' && i > digits_start) {
      ++i;
    } else if (c == ',' && allow_grouping && i > digits_start && i + 1 < s->size() &&
               absl::ascii_isdigit(static_cast<unsigned char>((*s)[i + 1]))) {
      ++i;
    } else {
      break;
    }
  }
  if (!any_digit) return std::nullopt;
  if (std::optional<Ratio> fast = internal::FastParsePlainDecimal(s->substr(0, i))) {
    s->remove_prefix(i);
    return *fast;
  }
  absl::StatusOr<Ratio> r = Ratio::ParseDecimal(s->substr(0, i));
  if (!r.ok()) return std::nullopt;
  s->remove_prefix(i);
  return *r;
}

absl::Status NotNumeric(std::string_view text) {
  return absl::InvalidArgumentError(
      absl::StrCat("target \"", AV(text),
                   "\" is not a number with an optional comparator and unit (e.g. ≥50个) nor a "
                   "range (e.g. [90, 100])"));
}

// A unit: no digits, no brackets.
bool IsUnit(std::string_view unit) {
  return !HasDigit(unit) && unit.find_first_of("[]()") == std::string_view::npos;
}

absl::StatusOr<ParsedTarget> ParseRange(std::string_view text, std::string_view s) {
  // "[a, b]unit" or "［a，b］unit" (closing ] or ）/) accepted as written).
  std::string_view close;
  if (ConsumePrefix(&s, "[")) {
    close = "]";
  } else if (ConsumePrefix(&s, "［")) {
    close = "］";
  } else if (ConsumePrefix(&s, "(")) {
    close = ")";
  } else {
    return NotNumeric(text);
  }
  ParsedTarget out;
  out.comparator = Comparator::kRange;
  s = TrimText(s);
  std::optional<Ratio> low = ConsumeNumber(&s, false);
  if (!low) return NotNumeric(text);
  s = TrimText(s);
  bool separated = false;
  for (std::string_view sep : kRangeSeparators) {
    if (ConsumePrefix(&s, sep)) {
      separated = true;
      break;
    }
  }
  if (!separated) return NotNumeric(text);
  s = TrimText(s);
  std::optional<Ratio> high = ConsumeNumber(&s, false);
  if (!high) return NotNumeric(text);
  s = TrimText(s);
  if (!ConsumePrefix(&s, close)) return NotNumeric(text);
  s = TrimText(s);
  if (!IsUnit(s)) return NotNumeric(text);
  out.value = *low;
  out.high = *high;
  out.unit_of_measure = std::string(s);
  return out;
}

// The shorthand: a number with an optional comparator and unit, or a range.
absl::StatusOr<ParsedTarget> ParseShorthand(std::string_view text) {
  std::string_view s = TrimText(text);
  if (s.empty()) return NotNumeric(text);
  if (s.front() == '[' || s.front() == '(' || s.starts_with("［")) return ParseRange(text, s);
  ParsedTarget out;
  for (const auto& [prefix, comparator] : kComparatorPrefixes) {
    if (ConsumePrefix(&s, prefix)) {
      out.comparator = comparator;
      s = TrimText(s);
      break;
    }
  }
  std::optional<Ratio> value = ConsumeNumber(&s, true);
  if (!value) return NotNumeric(text);
  out.value = *value;
  s = TrimText(s);
  if (!out.comparator) {
    // "a-b unit", "a~b", "a至b".
    for (std::string_view sep : kRangeSeparators) {
      if (sep == "," || sep == "，") continue;
      std::string_view rest = s;
      if (!ConsumePrefix(&rest, sep)) continue;
      rest = TrimText(rest);
      std::optional<Ratio> high = ConsumeNumber(&rest, true);
      if (!high) break;
      out.comparator = Comparator::kRange;
      out.high = *high;
      s = TrimText(rest);
      break;
    }
  }
  if (!IsUnit(s)) return NotNumeric(text);
  out.unit_of_measure = std::string(s);
  return out;
}

}  // namespace

codec::Decoded<ParsedTarget> DecodeTargetText(std::string_view text) {
  absl::StatusOr<ParsedTarget> shorthand = ParseShorthand(text);
  if (shorthand.ok()) return *std::move(shorthand);
  // A bare number the shorthand does not read (the fraction "1/3") is still a
  // number; else the ratio codec's verdict says why it is not one.
  codec::Decoded<Ratio> bare = codec::DecodeRatio(text);
  if (bare.ok()) {
    ParsedTarget out;
    out.value = *bare;
    return out;
  }
  codec::CodecFailure failure = bare.failure();
  if (failure.error != codec::CodecError::kOverflow) {
    failure.error = IsBlank(text) ? codec::CodecError::kEmpty : codec::CodecError::kSyntax;
    failure.message = std::string(shorthand.status().message());
  }
  return failure;
}

absl::StatusOr<ParsedTarget> ParseTargetText(std::string_view text) {
  codec::Decoded<ParsedTarget> target = DecodeTargetText(text);
  if (!target.ok()) return target.status();
  return std::move(target).value();
}

absl::Status ResolveIndicatorTarget(std::string_view target, std::string_view target_high,
                                    std::optional<Comparator> comparator,
                                    std::string_view unit_of_measure, Indicator* indicator,
                                    codec::CodecFailure* failure) {
  indicator->target_text = std::string(target);
  indicator->target.reset();
  indicator->target_high.reset();
  indicator->unit_of_measure = std::string(unit_of_measure);

  std::optional<Ratio> explicit_high;
  if (!IsBlank(target_high)) {
    codec::Decoded<Ratio> high = codec::DecodeRatio(target_high);
    if (!high.ok()) {
      if (failure != nullptr) *failure = high.failure();
      return absl::InvalidArgumentError(absl::StrCat("target_high: ", high.message()));
    }
    explicit_high = *high;
  }

  absl::StatusOr<ParsedTarget> parsed = absl::InvalidArgumentError("no target");
  const bool has_target = !IsBlank(target);
  if (has_target && comparator != Comparator::kQualitative) parsed = ParseTargetText(target);

  if (comparator) {
    indicator->comparator = *comparator;
  } else if (parsed.ok() && parsed->comparator) {
    indicator->comparator = *parsed->comparator;
  } else {
    indicator->comparator = explicit_high ? Comparator::kRange : Comparator::kGe;
  }

  if (indicator->comparator == Comparator::kQualitative) return absl::OkStatus();
  if (parsed.ok()) {
    if (unit_of_measure.empty()) indicator->unit_of_measure = parsed->unit_of_measure;
    const bool is_range_form = parsed->high.has_value();
    if (indicator->comparator == Comparator::kRange) {
      indicator->target = parsed->value;
      indicator->target_high = parsed->high;
    } else if (!is_range_form) {
      indicator->target = parsed->value;
    }
  }
  if (explicit_high) indicator->target_high = explicit_high;
  return absl::OkStatus();
}

}  // namespace perfbudget
