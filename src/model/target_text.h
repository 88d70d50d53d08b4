// target_text.h: reading an indicator's target as written on Chinese forms
// (指标值): "≥50个", "≤90万元", "100%", "12", "[90, 100]", "90-100分",
// "不低于95%". Shared by the JSON and CSV loaders (docs/format.md,
// "Indicator target shorthand").
#ifndef PERFBUDGET_MODEL_TARGET_TEXT_H_
#define PERFBUDGET_MODEL_TARGET_TEXT_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "codec/codec_error.h"
#include "perfbudget/model/entities.h"
#include "perfbudget/model/enums.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget {

// A numeric target read from text.
struct ParsedTarget {
  // From a leading symbol or word ("≥", ">=", "不低于" → kGe), kRange for a
  // range form; empty for a bare number.
  std::optional<Comparator> comparator;
  Ratio value;                  // the number, or the range's low end
  std::optional<Ratio> high;    // the range's high end
  std::string unit_of_measure;  // trailing unit ("个", "%", "万元"); "" if none
};

// Reads a numeric target: a number with an optional leading comparator and
// trailing unit (a unit holds no digits, so "2022年12月31日前" is not numeric),
// a range "[a, b]" / "a-b" / "a~b" / "a至b" with an optional unit, or a bare
// number of the ratio codec (codec/ratio.h, e.g. the fraction "1/3"). The
// numbers are the ratio codec's decimals. Errors: kEmpty; kOverflow (a bare
// number of more than 38 digits); kSyntax for anything else.
codec::Decoded<ParsedTarget> DecodeTargetText(std::string_view text);

// DecodeTargetText as a Status: InvalidArgument (OutOfRange on overflow).
absl::StatusOr<ParsedTarget> ParseTargetText(std::string_view text);

// Sets `indicator`'s comparator, target_text, target, target_high and
// unit_of_measure from the fields as written (empty = not given):
//  - target_text = `target` as written;
//  - an explicit `comparator` / `unit_of_measure` wins over the shorthand's;
//  - no comparator anywhere: kRange when `target_high` is given, else kGe;
//  - kQualitative keeps the text only; a numeric comparator whose target is
//    not numeric keeps the text only (the goal review reports it);
//  - `target_high` (a number of the ratio codec, codec/ratio.h) sets the
//    range's high end.
// InvalidArgument only when `target_high` is given and is not a number; then
// `*failure` (when not null) says why, as the ratio codec does.
absl::Status ResolveIndicatorTarget(std::string_view target, std::string_view target_high,
                                    std::optional<Comparator> comparator,
                                    std::string_view unit_of_measure, Indicator* indicator,
                                    codec::CodecFailure* failure = nullptr);

}  // namespace perfbudget

#endif  // PERFBUDGET_MODEL_TARGET_TEXT_H_
