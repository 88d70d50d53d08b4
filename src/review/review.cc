// review.cc: the goal-review engine (完整性 · 相关性 · 适当性 · 可行性), ex-ante
// conclusions and gating, and the batch result.
#include "perfbudget/review/review.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "codec/text.h"
#include "model/target_text.h"
#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/review/text_relevance.h"
#include "review/review_library_index.h"
#include "review/review_rules.h"

namespace perfbudget {

// ---- vocabularies -----------------------------------------------------------

std::string_view CodeOf(ReviewDimension d) {
  switch (d) {
    case ReviewDimension::kCompleteness:
      return "completeness";
    case ReviewDimension::kRelevance:
      return "relevance";
    case ReviewDimension::kAppropriateness:
      return "appropriateness";
    case ReviewDimension::kFeasibility:
      return "feasibility";
    case ReviewDimension::kOther:
      return "other";
  }
  return "other";
}

std::string_view ZhLabelOf(ReviewDimension d) {
  switch (d) {
    case ReviewDimension::kCompleteness:
      return "完整性";
    case ReviewDimension::kRelevance:
      return "相关性";
    case ReviewDimension::kAppropriateness:
      return "适当性";
    case ReviewDimension::kFeasibility:
      return "可行性";
    case ReviewDimension::kOther:
      return "其他";
  }
  return "其他";
}

std::optional<ReviewDimension> ParseReviewDimension(std::string_view s) {
  for (int i = 0; i <= 4; ++i) {
    const auto d = static_cast<ReviewDimension>(i);
    if (s == CodeOf(d) || s == ZhLabelOf(d)) return d;
  }
  return std::nullopt;
}

std::string_view CodeOf(ReviewConsequence c) {
  switch (c) {
    case ReviewConsequence::kProceed:
      return "proceed";
    case ReviewConsequence::kProceedAfterFixes:
      return "proceed_after_fixes";
    case ReviewConsequence::kReviseAndResubmit:
      return "revise_and_resubmit";
    case ReviewConsequence::kBlocked:
      return "blocked";
  }
  return "blocked";
}

std::string_view ZhLabelOf(ReviewConsequence c) {
  switch (c) {
    case ReviewConsequence::kProceed:
      return "进入预算编制";
    case ReviewConsequence::kProceedAfterFixes:
      return "与单位协商修改后进入预算编制";
    case ReviewConsequence::kReviseAndResubmit:
      return "单位修改后重新报送";
    case ReviewConsequence::kBlocked:
      return "不得进入预算编制";
  }
  return "不得进入预算编制";
}

ReviewConsequence ConsequenceOf(Grade grade) {
  switch (grade) {
    case Grade::kExcellent:
      return ReviewConsequence::kProceed;
    case Grade::kGood:
      return ReviewConsequence::kProceedAfterFixes;
    case Grade::kFair:
      return ReviewConsequence::kReviseAndResubmit;
    case Grade::kPoor:
      return ReviewConsequence::kBlocked;
  }
  return ReviewConsequence::kBlocked;
}

std::string_view CodeOf(ExAnteConclusion c) {
  switch (c) {
    case ExAnteConclusion::kSupported:
      return "supported";
    case ExAnteConclusion::kSupportedAfterRevision:
      return "supported_after_revision";
    case ExAnteConclusion::kNotSupported:
      return "not_supported";
  }
  return "not_supported";
}

std::string_view ZhLabelOf(ExAnteConclusion c) {
  switch (c) {
    case ExAnteConclusion::kSupported:
      return "予以支持";
    case ExAnteConclusion::kSupportedAfterRevision:
      return "修改完善后予以支持";
    case ExAnteConclusion::kNotSupported:
      return "不予支持";
  }
  return "不予支持";
}

namespace {

using namespace review_internal;  // NOLINT: the RuleId enumerators

constexpr std::string_view kExAnteBandsCode = "feasibility.ex_ante_not_supported";

Ratio ParseOr(std::string_view text, Ratio fallback) {
  absl::StatusOr<Ratio> r = Ratio::ParseDecimal(text);
  return r.ok() ? *r : fallback;
}

// The default (catalog) value of a parameter, parsed; 0 when the catalog
// does not declare it.
Ratio CatalogDefault(const RuleSpec& spec, std::string_view name) {
  for (const RuleParamSpec& p : spec.params) {
    if (p.name == name) return ParseOr(p.default_value, Ratio());
  }
  return Ratio();
}

// As ParamOf, with the rule's setting already looked up (nullptr: the
// policy lacks the rule): the catalog default is parsed only when the policy
// has no value.
Ratio ParamOfSetting(const RuleSetting* setting, const RuleSpec& spec, std::string_view name) {
  if (setting != nullptr) {
    auto it = setting->params.find(name);
    if (it != setting->params.end()) return it->second;
  }
  return CatalogDefault(spec, name);
}

// A parameter with the catalog default as fallback.
Ratio ParamOf(const Policy& policy, const RuleSpec& spec, std::string_view name) {
  for (const RuleParamSpec& p : spec.params) {
    if (p.name == name) return policy.Param(spec.code, name, ParseOr(p.default_value, Ratio()));
  }
  return policy.Param(spec.code, name, Ratio());
}

ReviewDimension DimensionOf(const RuleSpec& spec) {
  return ParseReviewDimension(spec.dimension).value_or(ReviewDimension::kOther);
}

// The policy's settings for every review rule, resolved once.
struct Rules {
  std::array<const RuleSpec*, kRuleCount> spec{};
  // What a finding takes from a rule's setting (its parameters are read
  // into the fields below once).
  struct Setting {
    bool enabled = false;
    Severity severity = Severity::kWarning;
    Ratio deduction;
  };
  std::array<Setting, kRuleCount> set{};
  // Parameters used in hot paths.
  Ratio min_chars, max_qualitative_percent, relevance_min_percent, min_part_chars, weight_total,
      execution_points, max_percent, satisfaction_min, baseline_tolerance, unit_cost_tolerance,
      ex_ante_threshold, supported_min, revision_min, dimension_max;
  Ratio min_unrelated_percent;
  Ratio baseline_keep;             // 1 − baseline_tolerance / 100
  bool baseline_keep_all = false;  // baseline_keep is 1 (no tolerance)
  Ratio weight_alt_total;          // weight_total − execution_points
  std::string relevance_min_text;  // min_percent as printed
  bool relevance_goal_text = true, relevance_quantity = true, relevance_quality = true,
       relevance_benefit = true, relevance_unit_goals = false, ex_ante_continuing = false,
       split_satisfaction = false;
  std::array<bool, 4> unit_goals{};  // for missing_output / benefit / satisfaction / cost
  Ratio looser_keep;                 // 1 + looser tolerance / 100
  Ratio buy_keep;                    // 1 − budget_cannot_buy_output tolerance / 100
  bool core_unit_goals = false;
  int decimals = 2;
  bool messages = true;

  // The review library (policy data) and its compiled form, which the
  // policy built once when the library was set.
  const ReviewLibrary* lib = nullptr;
  const ReviewLibraryIndex* ix = nullptr;
  const ReviewGrading* grading = nullptr;

  bool On(RuleId id) const { return set[id].enabled; }
};

// Terms of the domain vocabularies found in a text, and their domains.
struct TermHits {
  std::vector<std::uint32_t> terms;
  std::vector<std::uint32_t> domains;
  void Clear() {
    terms.clear();
    domains.clear();
  }
  bool HasDomain(std::uint32_t d) const {
    return std::find(domains.begin(), domains.end(), d) != domains.end();
  }
  void AddDomain(std::uint32_t d) {
    if (!HasDomain(d)) domains.push_back(d);
  }
};

// The domain terms in `text`, whose BigramSequence is `seq` (`plain` as it
// returned): a term is found at the first of the text's bigrams that begins
// it, when the text holds it.
void FindTerms(const Rules& r, std::span<const Bigram> seq, bool plain, std::string_view text,
               TermHits* hits) {
  const ReviewLibraryIndex& ix = *r.ix;
  if (ix.term_first.empty() || text.empty()) return;
  for (Bigram b : seq) {
    if (b == kBigramBreak || !ix.TermFirstMayHold(b)) continue;
    auto it = std::lower_bound(ix.term_first.begin(), ix.term_first.end(),
                               std::pair<Bigram, std::uint32_t>{b, 0});
    for (; it != ix.term_first.end() && it->first == b; ++it) {
      const std::uint32_t t = it->second;
      if (std::find(hits->terms.begin(), hits->terms.end(), t) != hits->terms.end()) continue;
      // A two-character term is in a plain text when its bigram is.
      if (!(plain && ix.term_is_pair[t] != 0) && text.find(ix.terms[t]) == std::string_view::npos) {
        continue;
      }
      hits->terms.push_back(t);
      hits->AddDomain(ix.term_domain[t]);
    }
  }
}

Rules ResolveRules(const Policy& policy, bool messages) {
  Rules r;
  std::span<const RuleSpec> catalog = ReviewRuleCatalog();
  std::array<const RuleSetting*, kRuleCount> found{};
  for (std::size_t i = 0; i < kRuleCount; ++i) {
    r.spec[i] = &catalog[i];
    // A policy not made from the catalog (a bare Policy()) lacks the rule:
    // fall back to the catalog defaults.
    auto it = policy.rules().find(catalog[i].code);
    Rules::Setting& s = r.set[i];
    if (it != policy.rules().end()) {
      found[i] = &it->second;
      s.enabled = it->second.enabled;
      s.severity = it->second.severity;
      s.deduction = it->second.deduction;
    } else {
      s.enabled = catalog[i].default_enabled;
      s.severity = catalog[i].default_severity;
      s.deduction = ParseOr(catalog[i].default_deduction, Ratio());
    }
  }
  auto p = [&](RuleId id, std::string_view name) {
    return ParamOfSetting(found[id], catalog[id], name);
  };
  auto flag = [&](RuleId id, std::string_view name) { return !p(id, name).is_zero(); };
  r.min_chars = p(kGoalTextMissing, "min_chars");
  r.max_qualitative_percent = p(kNotQuantified, "max_qualitative_percent");
  r.relevance_min_percent = p(kLowTextRelevance, "min_percent");
  r.relevance_goal_text = flag(kLowTextRelevance, "check_goal_text");
  r.relevance_quantity = flag(kLowTextRelevance, "check_quantity");
  r.relevance_quality = flag(kLowTextRelevance, "check_quality");
  r.relevance_benefit = flag(kLowTextRelevance, "check_benefit");
  r.relevance_unit_goals = flag(kLowTextRelevance, "unit_goals");
  r.min_part_chars = p(kShouldSplit, "min_part_chars");
  r.split_satisfaction = flag(kShouldSplit, "check_satisfaction");
  r.min_unrelated_percent = p(kGoalUnrelated, "min_unrelated_percent");
  r.weight_total = p(kWeightsDoNotSum, "total");
  r.execution_points = p(kWeightsDoNotSum, "execution_points");
  r.weight_alt_total = r.weight_total - r.execution_points;
  r.max_percent = p(kPercentOver100, "max_percent");
  r.satisfaction_min = p(kSatisfactionTooLow, "min_percent");
  r.baseline_tolerance = p(kTargetBelowBaseline, "tolerance_percent");
  r.baseline_keep = Ratio(1) - r.baseline_tolerance / Ratio(100);
  r.baseline_keep_all = r.baseline_keep == Ratio(1);
  r.relevance_min_text = r.relevance_min_percent.ToShortString(policy.decimals());
  r.unit_cost_tolerance = p(kUnitCostOffBenchmark, "tolerance_percent");
  r.ex_ante_threshold = p(kMissingExAnte, "threshold");
  r.ex_ante_continuing = flag(kMissingExAnte, "continuing");
  r.supported_min = p(kExAnteNotSupported, "supported_min");
  r.revision_min = p(kExAnteNotSupported, "revision_min");
  r.dimension_max = p(kExAnteNotSupported, "dimension_max");
  r.unit_goals = {flag(kMissingOutput, "unit_goals"), flag(kMissingBenefit, "unit_goals"),
                  flag(kMissingSatisfaction, "unit_goals"), flag(kMissingCost, "unit_goals")};
  r.looser_keep = Ratio(1) + p(kTargetLooserThanBaseline, "tolerance_percent") / Ratio(100);
  r.buy_keep = Ratio(1) - p(kBudgetCannotBuyOutput, "tolerance_percent") / Ratio(100);
  r.core_unit_goals = flag(kMissingCoreIndicator, "unit_goals");
  r.decimals = policy.decimals();
  r.messages = messages;
  r.lib = &policy.review_library();
  r.ix = &policy.review_library_index();
  r.grading = &policy.review_grading();
  return r;
}

// ---- formatting ---------------------------------------------------------------

std::string Num(const Ratio& r, int decimals) { return r.ToShortString(decimals); }

std::string MoneyZh(Money m) {
  return m.ToString(MoneyFormat{MoneyUnit::kWanYuan, false, true, -1});
}
std::string MoneyEn(Money m) {
  return absl::StrCat(m.ToString(MoneyFormat{MoneyUnit::kYuan, true, false, 2}), " yuan");
}
std::string YuanZh(const Ratio& yuan, int decimals) {
  return absl::StrCat((yuan / Ratio(10000)).ToShortString(std::max(decimals, 6)), "万元");
}
std::string GroupedEn(const Ratio& r);
// Same format as MoneyEn ("6,800,000.00 yuan"): English messages use one.
std::string YuanEn(const Ratio& yuan) { return absl::StrCat(GroupedEn(yuan), " yuan"); }

// The one trim (codec/text.h): ASCII white space, U+00A0 and U+3000.
using codec::TrimText;

// Yuan per unit of a money unit of measure ("元" 1, "万元" 10^4, ...); 0 = not money.
Ratio MoneyFactor(std::string_view unit) {
  unit = TrimText(unit);
  if (unit == "元" || unit == "yuan") return Ratio(1);
  if (unit == "千元") return Ratio(1000);
  if (unit == "万元" || unit == "wan") return Ratio(10000);
  if (unit == "百万元") return Ratio(1000000);
  if (unit == "亿元" || unit == "yi") return Ratio(100000000);
  return Ratio();
}

// hay.find(needle) != npos for the short names it is used on: a plain loop
// over the first byte (a memchr call per hit costs more on a short name).
bool HasSubstring(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > hay.size()) return false;
  const char first = needle.front();
  const std::size_t last = hay.size() - needle.size();
  for (std::size_t k = 0; k <= last; ++k) {
    if (hay[k] == first && std::memcmp(hay.data() + k, needle.data(), needle.size()) == 0) {
      return true;
    }
  }
  return false;
}

// HasSubstring(s, word), searched by word[rare] (memchr) and compared whole
// where that byte is: for a byte that is rare in Chinese text (a
// continuation byte), fewer stops than a search by the lead byte.
bool HasSubstringBy(std::string_view s, std::string_view word, std::size_t rare) {
  std::size_t from = rare;
  while (from < s.size()) {
    const void* hit = std::memchr(s.data() + from, word[rare], s.size() - from);
    if (hit == nullptr) return false;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - s.data()) - rare;
    if (s.substr(at).starts_with(word)) return true;
    from = at + rare + 1;
  }
  return false;
}

// Whether the name says 满意 (E6 BB A1 E6 84 8F).
bool SaysSatisfaction(std::string_view name) { return HasSubstringBy(name, "满意", 1); }

// A quick key of a name for "certainly differs": its size and its first
// and last eight bytes (equal names have equal keys).
std::uint64_t NameKey(std::string_view s) {
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  if (s.size() >= 8) {
    std::memcpy(&head, s.data(), 8);
    std::memcpy(&tail, s.data() + (s.size() - 8), 8);
  } else if (!s.empty()) {
    std::memcpy(&head, s.data(), s.size());
  }
  return (head * 0x9E3779B97F4A7C15ull) ^ tail ^ (static_cast<std::uint64_t>(s.size()) << 56);
}

// NormalizeUnit (review_library.h) without copying: the base is a view into
// `unit` or into the library's scales, found by the policy's compiled
// index (the first scale of a unit, as NormalizeUnit's scan).
struct MeasureView {
  std::string_view base;
  Ratio factor;
};
MeasureView NormalizeMeasure(std::string_view unit, const ReviewLibrary& lib,
                             const ReviewLibraryIndex& ix) {
  auto it = ix.scale_by_unit.find(unit);
  if (it != ix.scale_by_unit.end()) {
    const UnitScale& s = lib.unit_scales[it->second];
    return {s.base, s.factor};
  }
  constexpr std::string_view kWan = "万";
  constexpr std::string_view kYi = "亿";
  for (const auto& [prefix, factor] :
       {std::pair{kWan, Ratio(10000)}, std::pair{kYi, Ratio(100000000)}}) {
    if (unit.size() > prefix.size() && unit.starts_with(prefix)) {
      MeasureView rest = NormalizeMeasure(unit.substr(prefix.size()), lib, ix);
      // 1 × factor is factor (exact): the product is formed only when needed.
      rest.factor = rest.factor == Ratio(1) ? factor : rest.factor * factor;
      return rest;
    }
  }
  return {unit, Ratio(1)};
}
MeasureView NormalizeMeasure(std::string_view unit, const Rules& r) {
  return NormalizeMeasure(unit, *r.lib, *r.ix);
}

// "%", "％" or "百分比", the unit already trimmed.
bool IsTrimmedPercentUnit(std::string_view unit) {
  switch (unit.size()) {
    case 1:
      return unit[0] == '%';
    case 3:
      return std::memcmp(unit.data(), "％", 3) == 0;
    case 9:
      return std::memcmp(unit.data(), "百分比", 9) == 0;
    default:
      return false;
  }
}

// An exact sum of Ratios. Whole numbers of moderate size are added as
// integers (the common case; a Ratio addition reduces by a gcd) and folded
// into the Ratio part before they could overflow.
class ExactSum {
 public:
  void Add(const Ratio& r) {
    if (r.is_integer() && r.numerator() < kWhole && r.numerator() > -kWhole) {
      AddWhole(static_cast<std::int64_t>(r.numerator()));
    } else {
      rest_ += r;
    }
  }
  // Adds a × b: as an integer when b is a whole number that a's denominator
  // divides (万元 targets in hundredths), else as a Ratio product.
  void AddProduct(const Ratio& a, const Ratio& b) {
    int128_t p = 0;
    if (a.denominator() > 0 && b.is_integer() && b.numerator() % a.denominator() == 0 &&
        !__builtin_mul_overflow(a.numerator(), b.numerator() / a.denominator(), &p) && p < kWhole &&
        p > -kWhole) {
      AddWhole(static_cast<std::int64_t>(p));
    } else {
      rest_ += a * b;
    }
  }
  Ratio Total() const { return rest_ + Ratio(whole_); }

 private:
  static constexpr int128_t kWhole = int128_t{1} << 40;
  void AddWhole(std::int64_t v) {
    whole_ += v;
    if (whole_ > (std::int64_t{1} << 61) || whole_ < -(std::int64_t{1} << 61)) {
      rest_ += Ratio(whole_);
      whole_ = 0;
    }
  }
  std::int64_t whole_ = 0;
  Ratio rest_;
};

bool IsCostKind(const Indicator& ind) {
  switch (ind.level2) {
    case IndicatorLevel2::kEconomicCost:
    case IndicatorLevel2::kSocialCost:
    case IndicatorLevel2::kEnvironmentalCost:
    case IndicatorLevel2::kOutputCost:
      return true;
    default:
      return ind.level1 == IndicatorLevel1::kCost;
  }
}

bool IsNumeric(Comparator c) { return c != Comparator::kQualitative; }

bool EndsWithAny(std::string_view s, const std::vector<std::string>& suffixes) {
  for (const std::string& x : suffixes) {
    if (!x.empty() && s.ends_with(x)) return true;
  }
  return false;
}

// Whether `text` holds an ASCII digit (a loop without an early exit, which
// the compiler vectorises: goal texts are long and mostly without one).
bool HasAsciiDigit(std::string_view text) {
  unsigned digits = 0;
  for (char c : text) digits |= static_cast<unsigned char>(c - '0') < 10 ? 1u : 0u;
  return digits != 0;
}

// Whether `text` holds a digit: ASCII, or full-width U+FF10..FF19 (EF BC
// 90..99).
bool HasDigit(std::string_view t) {
  bool digit = false;
  for (std::size_t k = 0; k < t.size() && !digit; ++k) {
    digit =
        (t[k] >= '0' && t[k] <= '9') || (t[k] == '\xEF' && k + 2 < t.size() && t[k + 1] == '\xBC' &&
                                         static_cast<unsigned char>(t[k + 2]) >= 0x90 &&
                                         static_cast<unsigned char>(t[k + 2]) <= 0x99);
  }
  return digit;
}

// "1234567.8" → "1,234,567.80" (2 decimals, half-up): English amounts.
std::string GroupedEn(const Ratio& r) {
  const std::string t = r.ToDecimalString(2);
  const std::size_t start = (!t.empty() && t[0] == '-') ? 1 : 0;
  std::size_t dot = t.find('.');
  if (dot == std::string::npos) dot = t.size();
  std::string out = t.substr(0, start);
  for (std::size_t k = start; k < dot; ++k) {
    if (k > start && (dot - k) % 3 == 0) out.push_back(',');
    out.push_back(t[k]);
  }
  out.append(t, dot, std::string::npos);
  return out;
}

// count's share in percent (100 when the text has no bigram), exact.
Ratio PercentOf(const BigramCount& count) {
  return count.total == 0 ? Ratio(100) : Ratio(int128_t{count.found} * 100, count.total);
}

// Whether count's share × 100 < min_percent, in integers when the policy's
// value is small enough (always, in practice), else by Ratio.
bool BelowPercent(const BigramCount& count, const Ratio& min_percent) {
  const int128_t num = min_percent.numerator();
  const int128_t den = min_percent.denominator();
  constexpr int128_t kLimit = int128_t{1} << 62;
  if (den <= 0 || num > kLimit || num < -kLimit || den > kLimit) {
    return PercentOf(count) < min_percent;
  }
  const int128_t found = count.total == 0 ? 1 : count.found;
  const int128_t total = count.total == 0 ? 1 : count.total;
  return found * 100 * den < num * total;
}

// ---- the engine -----------------------------------------------------------------

// What one goal is reviewed against.
// The owner's texts are views into the Dataset's arena or the caller's records.
struct OwnerText {
  std::string_view name, category;
};
struct Context {
  std::optional<OwnerText> project;  // a project goal's project, when known
  std::optional<OwnerText> unit;     // a unit goal's unit, when known
  const FiscalYear* fiscal_year = nullptr;
  Money budget;  // approved, or requested when nothing is approved; 0 = unknown
};

// A message value: {name, text}. Texts may be temporaries of the Emit call's
// full expression (Emit copies what it keeps).
using Arg = std::pair<std::string_view, std::string_view>;
using Args = std::initializer_list<Arg>;

// What the checks read of one indicator, worked out once per goal.
struct IndicatorFacts {
  std::string_view name;         // trimmed
  std::string_view unit;         // the unit of measure, trimmed
  std::string_view target_text;  // trimmed
  std::uint64_t name_key = 0;    // NameKey(name): a quick "differs"
  bool satisfaction = false;     // the name says 满意
  // The core entry the name stands for (MatchCore), when the goal has a
  // library category and a rule reads it; `core_strong` as MatchCore says.
  const CoreIndicator* core = nullptr;
  bool core_strong = false;
};

// Buffers reused from goal to goal (a batch review allocates them once).
struct Scratch {
  BigramSet context;
  BigramSet owner;
  std::vector<IndicatorFacts> facts;  // per indicator of the goal
  TermHits owner_hits;                // domains of the project (name, category, its library entry)
  TermHits context_hits;              // owner_hits and the goal text's
  TermHits hits;                      // one text's, reused
  std::vector<Bigram> seq;            // a text's BigramSequence, reused
};

// Appends "清扫、保洁" from hits (each distinct term once) to *zh and
// "清扫, 保洁" to *en.
void AppendHitTerms(const Rules& r, const TermHits& h, std::string* zh, std::string* en) {
  const std::size_t zh_start = zh->size();
  const std::size_t en_start = en->size();
  for (std::size_t k = 0; k < h.terms.size(); ++k) {
    const std::string_view term = r.ix->terms[h.terms[k]];
    bool seen = false;
    for (std::size_t j = 0; j < k && !seen; ++j) seen = r.ix->terms[h.terms[j]] == term;
    if (seen) continue;
    if (zh->size() != zh_start) zh->append("、");
    if (en->size() != en_start) en->append(", ");
    zh->append(term);
    en->append(term);
  }
}
// Appends "环卫保洁、道路交通" to *zh and "street cleaning and waste, roads
// and traffic" to *en.
void AppendHitDomains(const Rules& r, const TermHits& h, std::string* zh, std::string* en) {
  const std::size_t zh_start = zh->size();
  const std::size_t en_start = en->size();
  for (std::uint32_t d : h.domains) {
    if (zh->size() != zh_start) zh->append("、");
    if (en->size() != en_start) en->append(", ");
    zh->append(r.lib->domains[d].label_zh);
    en->append(r.lib->domains[d].label_en);
  }
}

class GoalReviewer {
 public:
  GoalReviewer(const Rules& rules, const Goal& goal, const Context& ctx, GoalReview* out,
               Scratch* scratch = nullptr)
      : rules_(rules), goal_(goal), ctx_(ctx), out_(out), scratch_(scratch) {}

  // Reviews the goal (a reviewer made only to Emit needs neither buffers nor
  // the category: Run sets them up).
  void Run();

  // Adds a finding of rule `id`; `indicator` = kNoIndex for the goal itself.
  void Emit(RuleId id, std::uint32_t indicator, std::string_view field, Args values);

 private:
  std::string Fmt(const Ratio& r) const { return Num(r, rules_.decimals); }
  void Prepare();  // the buffers and the category
  void CollectFacts();
  void CheckIndicator(std::uint32_t i, const Indicator& ind);
  void CheckRelevance(std::uint32_t i, const Indicator& ind);
  void CheckSplit(std::uint32_t i, const Indicator& ind);
  void CheckTimeliness(std::uint32_t i, const Indicator& ind);
  void CheckUnreadable(std::uint32_t i, const Indicator& ind);
  void CheckUnitCost();
  void CheckKind(std::uint32_t i, const Indicator& ind);
  void CheckCore(std::uint32_t i, const Indicator& ind);
  void CheckCoreMissing();
  void CheckGoalTextNumbers();
  void CheckBudgetBuysOutput();
  void EmitUnrelated(std::uint32_t i, std::string_view subject, const TermHits& hits,
                     const BigramCount& count, std::int64_t common_shared);

  const Rules& rules_;
  const Goal& goal_;
  const Context& ctx_;
  GoalReview* out_;
  std::optional<Scratch> own_scratch_;  // when no Scratch is given
  Scratch* scratch_;
  std::string_view context_text_;
  bool context_ready_ = false;
  int qualitative_ = 0;
  int quantified_ = 0;
  bool goal_text_unrelated_ = false;
  int relevance_checked_ = 0;
  int relevance_unrelated_ = 0;
  ExactSum weight_sum_;
  int weights_present_ = 0;
  ExactSum cost_yuan_;  // the cost indicators' targets in yuan
  bool any_cost_money_ = false;
  bool any_unit_cost_ = false;  // a cost indicator in "万元/公里"-style units
  const CategoryLibrary* category_ = nullptr;
  // The owner's domains as named in relevance findings (set on first use;
  // the owner's hits are complete before any relevance finding).
  bool owner_domains_ready_ = false;
  std::string owner_domains_zh_, owner_domains_en_;
};

void GoalReviewer::Emit(RuleId id, std::uint32_t indicator, std::string_view field, Args values) {
  const Rules::Setting& s = rules_.set[id];
  if (!s.enabled) return;
  const RuleSpec& spec = *rules_.spec[id];
  Finding f;
  f.code = spec.code;
  f.dimension = DimensionOf(spec);
  f.severity = s.severity;
  f.deduction = s.deduction;
  f.location.goal_id = goal_.id;
  f.location.project_id = goal_.owner == GoalOwner::kProject ? goal_.project_id : "";
  f.location.unit_id = goal_.unit_id;
  f.location.indicator_index = indicator;
  f.location.field = std::string(field);
  if (indicator != kNoIndex) f.location.indicator_id = goal_.indicators[indicator].id;
  if (rules_.messages) {
    // The values are packed; the texts are formatted when read.
    // Layout of PackMessageValue, written in place.
    char digits[16];
    char* d = digits + sizeof digits;
    for (std::uint32_t v = indicator + 1; v > 0 || d == digits + sizeof digits; v /= 10) {
      *--d = static_cast<char>('0' + v % 10);
    }
    const std::string_view index(d, static_cast<std::size_t>(digits + sizeof digits - d));
    std::array<Arg, 5> extra = {Arg{"goal", goal_.id}, Arg{"project", goal_.project_id},
                                Arg{"unit", goal_.unit_id}, Arg{}, Arg{}};
    std::size_t count = 3;
    if (indicator != kNoIndex) {
      extra[3] = Arg{"indicator", goal_.indicators[indicator].name};
      extra[4] = Arg{"index", index};
      count = 5;
    }
    std::size_t size = 0;
    for (const Arg& a : values) size += a.first.size() + a.second.size() + 8;
    for (std::size_t k = 0; k < count; ++k)
      size += extra[k].first.size() + extra[k].second.size() + 8;
    std::string packed(size, '\0');
    char* out = packed.data();
    auto put = [&out](std::string_view text) {
      const auto n = static_cast<std::uint32_t>(text.size());
      out[0] = static_cast<char>(n & 0xFF);
      out[1] = static_cast<char>((n >> 8) & 0xFF);
      out[2] = static_cast<char>((n >> 16) & 0xFF);
      out[3] = static_cast<char>(n >> 24);
      if (n > 0) std::memcpy(out + 4, text.data(), n);
      out += 4 + n;
    };
    for (const Arg& a : values) {
      put(a.first);
      put(a.second);
    }
    for (std::size_t k = 0; k < count; ++k) {
      put(extra[k].first);
      put(extra[k].second);
    }
    auto shared = std::make_shared<const std::string>(std::move(packed));
    f.message_zh = FindingMessage(spec.message_zh, shared);
    f.message_en = FindingMessage(spec.message_en, std::move(shared));
  }
  out_->findings.push_back(std::move(f));
}

void GoalReviewer::Prepare() {
  if (scratch_ == nullptr) scratch_ = &own_scratch_.emplace();
  scratch_->context.Clear();
  scratch_->owner.Clear();
  scratch_->owner_hits.Clear();
  scratch_->context_hits.Clear();
  if (ctx_.project.has_value() && rules_.lib != nullptr) {
    category_ = rules_.ix->FindCategory(*rules_.lib, TrimText(ctx_.project->category));
  }
}

void GoalReviewer::Run() {
  Prepare();
  const std::uint32_t n = static_cast<std::uint32_t>(goal_.indicators.size());
  out_->indicator_count = n;
  const bool is_project = goal_.owner == GoalOwner::kProject;

  // 完整性: the goal statement.
  // A code point is at most four bytes (an invalid byte counts as one), so
  // a text of at least 4 × min_chars bytes is long enough without counting.
  const std::string_view statement = TrimText(goal_.text);
  const auto at_least = static_cast<std::int64_t>((statement.size() + 3) / 4);
  if (rules_.On(kGoalTextMissing) && Ratio(at_least) < rules_.min_chars) {
    const std::size_t chars = CodePointCount(statement);
    if (Ratio(static_cast<std::int64_t>(chars)) < rules_.min_chars) {
      Emit(kGoalTextMissing, kNoIndex, "text",
           {{"text", std::string(statement)},
            {"chars", absl::StrCat(chars)},
            {"min_chars", Fmt(rules_.min_chars)}});
    }
  }

  // Context for text relevance: project name + category + goal text + the
  // category's core indicators (or the unit's name for a unit-level goal),
  // and the domains (vocabularies) they touch.
  if ((rules_.On(kLowTextRelevance) || rules_.On(kGoalUnrelated)) &&
      (is_project || rules_.relevance_unit_goals)) {
    BigramSet& owner_set = scratch_->owner;
    BigramSet& context_set = scratch_->context;
    TermHits& owner_hits = scratch_->owner_hits;
    std::vector<Bigram>& seq = scratch_->seq;
    // Each text is decoded once (its BigramSequence) for the set, the
    // vocabulary terms and the specific-bigram count.
    auto add_owner_text = [&](std::string_view text) {
      const bool plain = BigramSequence(text, &seq);
      owner_set.AddSequence(seq);
      FindTerms(rules_, seq, plain, text, &owner_hits);
    };
    if (ctx_.project.has_value()) {
      const std::size_t c =
          category_ != nullptr ? static_cast<std::size_t>(category_ - rules_.lib->categories.data())
                               : 0;
      // The category's core bigrams first (sorted already: Seal merges).
      if (category_ != nullptr) owner_set.AddAll(rules_.ix->category_core[c]);
      add_owner_text(ctx_.project->name);
      add_owner_text(ctx_.project->category);
      context_text_ = ctx_.project->name;
      if (category_ != nullptr) {
        for (std::uint32_t d : rules_.ix->category_domains[c]) owner_hits.AddDomain(d);
      }
    } else if (ctx_.unit.has_value()) {
      add_owner_text(ctx_.unit->name);
      context_text_ = ctx_.unit->name;
    }
    owner_set.Seal();
    TermHits& text_hits = scratch_->hits;
    text_hits.Clear();
    const bool plain = BigramSequence(goal_.text, &seq);  // kept until the context is built
    FindTerms(rules_, seq, plain, goal_.text, &text_hits);
    if (rules_.relevance_goal_text && owner_set.size() > 0) {
      std::int64_t common_shared = 0;
      const BigramCount count =
          CountSpecificBigrams(seq, owner_set, rules_.ix->common, &common_shared);
      bool shares_domain = false;
      for (std::uint32_t d : text_hits.domains) shares_domain |= owner_hits.HasDomain(d);
      if (BelowPercent(count, rules_.relevance_min_percent) && !shares_domain) {
        // Nothing specific in common: the statement may belong elsewhere
        // (relevance.goal_unrelated weighs it). A warning needs positive
        // evidence: the statement speaks of another field.
        goal_text_unrelated_ = true;
        if (!text_hits.domains.empty() && !owner_hits.domains.empty()) {
          EmitUnrelated(kNoIndex, goal_.text, text_hits, count, common_shared);
        }
      }
    }
    // The context: the owner's bigrams (already decoded and sorted) and the
    // goal text's.
    context_set.AddAll(owner_set);
    context_set.AddSequence(seq);
    context_set.Seal();
    context_ready_ = context_set.size() > 0;
    TermHits& context_hits = scratch_->context_hits;
    context_hits = owner_hits;
    for (std::uint32_t d : text_hits.domains) context_hits.AddDomain(d);
  }

  // 完整性: the level-1 kinds.
  if (n == 0) {
    Emit(kMissingLevel1, kNoIndex, "indicators", {});
  } else {
    bool has[4] = {false, false, false, false};
    bool has_cost = false;
    for (const Indicator& ind : goal_.indicators) {
      has[static_cast<int>(ind.level1)] = true;
      has_cost = has_cost || IsCostKind(ind);
    }
    auto need = [&](int k) { return is_project || rules_.unit_goals[k]; };
    if (!has[static_cast<int>(IndicatorLevel1::kOutput)] && need(0)) {
      Emit(kMissingOutput, kNoIndex, "indicators", {});
    }
    if (!has[static_cast<int>(IndicatorLevel1::kBenefit)] && need(1)) {
      Emit(kMissingBenefit, kNoIndex, "indicators", {});
    }
    if (!has[static_cast<int>(IndicatorLevel1::kSatisfaction)] && need(2)) {
      Emit(kMissingSatisfaction, kNoIndex, "indicators", {});
    }
    if (!has_cost && need(3)) Emit(kMissingCost, kNoIndex, "indicators", {});
  }

  CollectFacts();
  for (std::uint32_t i = 0; i < n; ++i) CheckIndicator(i, goal_.indicators[i]);

  // 相关性: share of qualitative indicators.
  if (n > 0 && rules_.On(kNotQuantified)) {
    const Ratio share(int128_t{qualitative_} * 100, static_cast<std::int64_t>(n));
    if (share > rules_.max_qualitative_percent) {
      Emit(kNotQuantified, kNoIndex, "comparator",
           {{"count", absl::StrCat(n)},
            {"qualitative", absl::StrCat(qualitative_)},
            {"share", Fmt(share)},
            {"max_percent", Fmt(rules_.max_qualitative_percent)}});
    }
  }

  // 相关性: nothing quantified at all.
  if (n > 0 && quantified_ == 0) {
    Emit(kNoQuantifiedIndicator, kNoIndex, "target", {{"count", absl::StrCat(n)}});
  }
  // 相关性: a goal that belongs to another project (statement and most
  // indicators unrelated).
  if (goal_text_unrelated_ && relevance_checked_ > 0 &&
      Ratio(relevance_unrelated_) * Ratio(100) >=
          rules_.min_unrelated_percent * Ratio(relevance_checked_)) {
    Emit(kGoalUnrelated, kNoIndex, "text",
         {{"unrelated", absl::StrCat(relevance_unrelated_)},
          {"checked", absl::StrCat(relevance_checked_)},
          {"context", context_text_}});
  }

  // 适当性: weights.
  if (weights_present_ > 0 && rules_.On(kWeightsDoNotSum)) {
    const Ratio sum = weight_sum_.Total();
    const int missing = static_cast<int>(n) - weights_present_;
    const Ratio& alt = rules_.weight_alt_total;
    if (missing > 0 || (sum != rules_.weight_total && sum != alt)) {
      Emit(kWeightsDoNotSum, kNoIndex, "weight",
           {{"sum", Fmt(sum)},
            {"missing", absl::StrCat(missing)},
            {"total", Fmt(rules_.weight_total)},
            {"alt_total", Fmt(alt)}});
    }
  }

  // 适当性: cost indicators against the budget.
  if (any_cost_money_ && ctx_.budget.fen() > 0 && rules_.On(kCostExceedsBudget)) {
    const Ratio budget_yuan(ctx_.budget.fen(), 100);
    const Ratio cost_yuan = cost_yuan_.Total();
    if (cost_yuan > budget_yuan) {
      Emit(kCostExceedsBudget, kNoIndex, "target",
           {{"cost", YuanZh(cost_yuan, rules_.decimals)},
            {"budget", MoneyZh(ctx_.budget)},
            {"cost_en", YuanEn(cost_yuan)},
            {"budget_en", MoneyEn(ctx_.budget)}});
    }
  }
  if (ctx_.budget.fen() > 0 && rules_.On(kUnitCostOffBenchmark)) CheckUnitCost();
  if (category_ != nullptr && rules_.On(kMissingCoreIndicator) && n > 0 &&
      (is_project || rules_.core_unit_goals)) {
    CheckCoreMissing();
  }
  if (n > 0 && rules_.On(kGoalTextContradictsTarget)) CheckGoalTextNumbers();
  if (category_ != nullptr && ctx_.budget.fen() > 0 && !any_unit_cost_ &&
      rules_.On(kBudgetCannotBuyOutput)) {
    CheckBudgetBuysOutput();
  }
}

void GoalReviewer::CheckIndicator(std::uint32_t i, const Indicator& ind) {
  const IndicatorFacts& facts = scratch_->facts[i];
  const std::string_view name = facts.name;
  if (name.empty()) Emit(kIndicatorNameMissing, i, "name", {});

  // 完整性: target value, comparator, unit.
  const std::string_view target_text = facts.target_text;
  if (rules_.On(kTargetMissingComparatorOrUnit)) {
    if (target_text.empty()) {
      // completeness.target_missing says it (an error); see below.
    } else if (IsNumeric(ind.comparator) && facts.unit.empty() &&
               !EndsWithAny(name, rules_.lib->dimensionless_suffixes)) {
      Emit(kTargetMissingComparatorOrUnit, i, "unit_of_measure",
           {{"target_text", std::string(target_text)},
            {"missing_zh", "计量单位"},
            {"missing_en", "unit of measure"}});
    }
  }

  if (target_text.empty()) Emit(kTargetMissing, i, "target", {});

  // 相关性: level-2 under the right level 1 (cost kinds are accepted under
  // 产出 too: older forms put 成本 there).
  if (rules_.On(kLevel2UnderWrongLevel1)) {
    const IndicatorLevel1 natural = NaturalLevel1Of(ind.level2);
    const bool cost_family = ind.level2 == IndicatorLevel2::kEconomicCost ||
                             ind.level2 == IndicatorLevel2::kSocialCost ||
                             ind.level2 == IndicatorLevel2::kEnvironmentalCost ||
                             ind.level2 == IndicatorLevel2::kOutputCost;
    const bool ok =
        ind.level1 == natural || (cost_family && (ind.level1 == IndicatorLevel1::kCost ||
                                                  ind.level1 == IndicatorLevel1::kOutput));
    if (!ok) {
      Emit(kLevel2UnderWrongLevel1, i, "level2",
           {{"level2", std::string(ZhLabelOf(ind.level2))},
            {"level1", std::string(ZhLabelOf(ind.level1))},
            {"natural", std::string(ZhLabelOf(natural))},
            {"level2_en", std::string(CodeOf(ind.level2))},
            {"level1_en", std::string(CodeOf(ind.level1))},
            {"natural_en", std::string(CodeOf(natural))}});
    }
  }
  if (ind.comparator == Comparator::kQualitative) ++qualitative_;
  if (IsNumeric(ind.comparator) && ind.target.has_value()) ++quantified_;

  CheckRelevance(i, ind);
  if (rules_.On(kIndicatorKindMismatch)) CheckKind(i, ind);
  if (category_ != nullptr &&
      (rules_.On(kUnitDiffersFromCore) || rules_.On(kTargetOffCoreBenchmark))) {
    CheckCore(i, ind);
  }

  // 相关性: duplicates (same name as an earlier indicator).
  if (rules_.On(kDuplicateIndicator) && !name.empty()) {
    for (std::uint32_t j = 0; j < i; ++j) {
      const IndicatorFacts& earlier = scratch_->facts[j];
      if (earlier.name_key == facts.name_key && earlier.name == name) {
        Emit(kDuplicateIndicator, i, "name", {{"first", absl::StrCat(j + 1)}});
        break;
      }
    }
  }
  if (rules_.On(kShouldSplit) &&
      (ind.level1 != IndicatorLevel1::kSatisfaction || rules_.split_satisfaction)) {
    CheckSplit(i, ind);
  }

  // 适当性.
  if (ind.weight.has_value()) {
    weight_sum_.Add(*ind.weight);
    ++weights_present_;
  }
  const bool numeric = IsNumeric(ind.comparator) && ind.target.has_value();
  const bool percent = IsTrimmedPercentUnit(facts.unit);
  if (numeric && percent && rules_.On(kPercentOver100)) {
    const Ratio top = (ind.comparator == Comparator::kRange && ind.target_high.has_value())
                          ? Max(*ind.target, *ind.target_high)
                          : *ind.target;
    if (top > rules_.max_percent) {
      Emit(kPercentOver100, i, "target",
           {{"target", Fmt(top)}, {"max_percent", Fmt(rules_.max_percent)}});
    }
  }
  if (numeric && percent && ind.level1 == IndicatorLevel1::kSatisfaction &&
      ind.comparator != Comparator::kLe && ind.comparator != Comparator::kLt) {
    if (*ind.target < rules_.satisfaction_min) {
      Emit(kSatisfactionTooLow, i, "target",
           {{"target", Fmt(*ind.target)}, {"min_percent", Fmt(rules_.satisfaction_min)}});
    } else if (*ind.target == Ratio(100)) {
      Emit(kSatisfactionExactly100, i, "target", {{"target", Fmt(*ind.target)}});
    }
  }
  if (numeric && ind.baseline.has_value() &&
      (ind.comparator == Comparator::kGe || ind.comparator == Comparator::kGt) &&
      rules_.On(kTargetBelowBaseline)) {
    const Ratio floor =
        rules_.baseline_keep_all ? *ind.baseline : *ind.baseline * rules_.baseline_keep;
    if (*ind.target < floor) {
      Emit(kTargetBelowBaseline, i, "target",
           {{"target", Fmt(*ind.target)},
            {"baseline", Fmt(*ind.baseline)},
            {"unit_of_measure", ind.unit_of_measure}});
    }
  }
  if (numeric && ind.baseline.has_value() &&
      (ind.comparator == Comparator::kLe || ind.comparator == Comparator::kLt) &&
      rules_.On(kTargetLooserThanBaseline)) {
    // 越低越好: a ceiling above last year's actual loosens the goal.
    const Ratio ceiling = *ind.baseline * rules_.looser_keep;
    if (*ind.target > ceiling) {
      Emit(kTargetLooserThanBaseline, i, "target",
           {{"target", Fmt(*ind.target)},
            {"baseline", Fmt(*ind.baseline)},
            {"comparator", ZhLabelOf(ind.comparator)},
            {"unit_of_measure", ind.unit_of_measure}});
    }
  }
  if (numeric && IsCostKind(ind)) {
    const std::string_view u = facts.unit;
    if (u.find('/') != std::string_view::npos || u.find("／") != std::string_view::npos) {
      any_unit_cost_ = true;
    }
    const Ratio factor = MoneyFactor(u);
    if (!factor.is_zero()) {
      cost_yuan_.AddProduct(*ind.target, factor);
      any_cost_money_ = true;
    }
  }

  // 可行性.
  if (ind.level2 == IndicatorLevel2::kTimeliness && rules_.On(kTimelinessAfterYearEnd)) {
    CheckTimeliness(i, ind);
  }
  if (rules_.On(kTargetUnreadable) && !target_text.empty()) CheckUnreadable(i, ind);
}

void GoalReviewer::CheckRelevance(std::uint32_t i, const Indicator& ind) {
  if (!context_ready_) return;
  bool check = false;
  switch (ind.level2) {
    case IndicatorLevel2::kQuantity:
      check = rules_.relevance_quantity;
      break;
    case IndicatorLevel2::kQuality:
      check = rules_.relevance_quality;
      break;
    default:
      check = rules_.relevance_benefit && ind.level1 == IndicatorLevel1::kBenefit;
      break;
  }
  if (!check || ind.level1 == IndicatorLevel1::kSatisfaction) return;
  std::int64_t common_shared = 0;
  std::vector<Bigram>& seq = scratch_->seq;
  const bool plain = BigramSequence(ind.name, &seq);
  const BigramCount count =
      CountSpecificBigrams(seq, scratch_->context, rules_.ix->common, &common_shared);
  ++relevance_checked_;
  if (!BelowPercent(count, rules_.relevance_min_percent)) return;
  // Nothing specific shared: related through a vocabulary the project
  // touches (灌溉 ~ 灌排), else unrelated only on positive evidence — the
  // indicator names a field the project does not touch.
  TermHits& hits = scratch_->hits;
  hits.Clear();
  FindTerms(rules_, seq, plain, ind.name, &hits);
  const TermHits& context_hits = scratch_->context_hits;
  if (hits.domains.empty() || context_hits.domains.empty()) return;
  for (std::uint32_t d : hits.domains) {
    if (context_hits.HasDomain(d)) return;
  }
  ++relevance_unrelated_;
  EmitUnrelated(i, ind.name, hits, count, common_shared);
}

void GoalReviewer::EmitUnrelated(std::uint32_t i, std::string_view subject, const TermHits& hits,
                                 const BigramCount& count, std::int64_t common_shared) {
  if (!rules_.messages) {
    Emit(kLowTextRelevance, i, i == kNoIndex ? "text" : "name", {});
    return;
  }
  const TermHits& owner = scratch_->owner_hits;
  // The common words shared (counted for nothing), named.
  std::string common_zh, common_en;
  if (common_shared > 0) {
    std::string words;
    // The common terms with a bigram, precompiled (a term without one has
    // nothing to share).
    for (const ReviewLibraryIndex::CommonTerm& w : rules_.ix->common_terms) {
      if (subject.find(w.text) == std::string_view::npos) continue;
      bool found = false;
      for (Bigram b : w.bigrams) {
        if (scratch_->context.Contains(b)) {
          found = true;
          break;
        }
      }
      if (!found) continue;
      if (!words.empty()) words += "、";
      words += w.text;
    }
    if (!words.empty()) {
      common_zh = absl::StrCat("；共有的“", words, "”为常用词，不计");
      common_en = absl::StrCat("; the shared common words ", words, " count for nothing");
    }
  }
  // "涉及“清扫、保洁”（环卫保洁）" / "is about 清扫, 保洁 (street cleaning and waste)".
  std::string evidence_zh = "涉及“";
  std::string evidence_en = "is about ";
  AppendHitTerms(rules_, hits, &evidence_zh, &evidence_en);
  evidence_zh.append("”（");
  evidence_en.append(" (");
  AppendHitDomains(rules_, hits, &evidence_zh, &evidence_en);
  evidence_zh.append("）");
  evidence_en.append(")");
  // The owner's domains are the goal's: named once per goal.
  if (!owner_domains_ready_) {
    AppendHitDomains(rules_, owner, &owner_domains_zh_, &owner_domains_en_);
    owner_domains_ready_ = true;
  }
  Emit(kLowTextRelevance, i, i == kNoIndex ? "text" : "name",
       {{"subject", subject},
        {"context", context_text_},
        {"share", Fmt(PercentOf(count))},
        {"min_percent", rules_.relevance_min_text},
        {"evidence_zh", evidence_zh},
        {"evidence_en", evidence_en},
        {"context_domains_zh", owner_domains_zh_},
        {"context_domains_en", owner_domains_en_},
        {"common_zh", common_zh},
        {"common_en", common_en}});
}

// One code point with its byte span.
struct Cp {
  std::uint32_t cp;
  std::size_t begin;
  std::size_t end;
};

std::vector<Cp> DecodeUtf8(std::string_view s) {
  std::vector<Cp> out;
  out.reserve(s.size() / 3 + 1);
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = b0 < 0x80             ? 1
                      : (b0 & 0xE0) == 0xC0 ? 2
                      : (b0 & 0xF0) == 0xE0 ? 3
                      : (b0 & 0xF8) == 0xF0 ? 4
                                            : 1;
    if (i + len > s.size()) len = 1;
    std::uint32_t cp = len == 1 ? b0 : (b0 & (0xFFu >> (len + 1)));
    for (std::size_t k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    out.push_back({cp, i, i + len});
    i += len;
  }
  return out;
}

bool IsHan(std::uint32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp >= 0x20000 ||
         (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

// Words in which 和 / 及 / 与 do not join two measures.
// (及以上 / 及以下 / 及其: "and above", "and below", "and its").
constexpr std::array<std::u32string_view, 26> kNotJoining = {
    U"及时", U"及格", U"普及", U"涉及", U"危及", U"波及", U"顾及", U"及早", U"不及",
    U"及以", U"及其", U"和谐", U"总和", U"温和", U"和平", U"缓和", U"饱和", U"柔和",
    U"和睦", U"参与", U"给与", U"赋与", U"与会", U"与其", U"以及", U"人和"};

// Whether the bytes of 、 (E3 80 81), 和 (E5 92 8C), 及 (E5 8F 8A) or 与 (E4 B8
// 8E) are anywhere in `s`: one pass over the bytes.
bool HasJoinerBytes(std::string_view s) {
  for (std::size_t k = 2; k < s.size(); ++k) {
    const auto b0 = static_cast<unsigned char>(s[k - 2]);
    if (static_cast<unsigned>(b0 - 0xE3) > 2) continue;  // not E3..E5
    const auto b1 = static_cast<unsigned char>(s[k - 1]);
    const auto b2 = static_cast<unsigned char>(s[k]);
    if ((b0 == 0xE3 && b1 == 0x80 && b2 == 0x81) || (b0 == 0xE5 && b1 == 0x92 && b2 == 0x8C) ||
        (b0 == 0xE5 && b1 == 0x8F && b2 == 0x8A) || (b0 == 0xE4 && b1 == 0xB8 && b2 == 0x8E)) {
      return true;
    }
  }
  return false;
}

void GoalReviewer::CheckSplit(std::uint32_t i, const Indicator& ind) {
  const std::string_view name = ind.name;
  if (name.size() < 6) return;
  if (!HasJoinerBytes(name)) return;  // the cheap pre-filter
  const std::vector<Cp> cps = DecodeUtf8(name);
  const std::size_t n = cps.size();
  auto pair_is = [&](std::size_t a, std::u32string_view w) {
    return a + 1 < n && cps[a].cp == w[0] && cps[a + 1].cp == w[1];
  };
  auto excluded = [&](std::size_t j) {
    for (std::u32string_view w : kNotJoining) {
      if ((j > 0 && pair_is(j - 1, w)) || pair_is(j, w)) return true;
    }
    return false;
  };
  auto han_count = [&](std::size_t from, std::size_t to) {
    std::int64_t c = 0;
    for (std::size_t k = from; k < to; ++k) c += IsHan(cps[k].cp) ? 1 : 0;
    return c;
  };
  for (std::size_t j = 1; j + 1 < n; ++j) {
    std::size_t width = 0;
    const std::uint32_t c = cps[j].cp;
    if (c == U'以' && pair_is(j, U"以及")) {
      width = 2;
    } else if (c == U'、') {
      width = 1;
    } else if ((c == U'和' || c == U'及' || c == U'与') && !excluded(j)) {
      width = 1;
    }
    if (width == 0 || j + width >= n) continue;
    if (Ratio(han_count(0, j)) < rules_.min_part_chars ||
        Ratio(han_count(j + width, n)) < rules_.min_part_chars) {
      continue;
    }
    const std::size_t sep_begin = cps[j].begin;
    const std::size_t sep_end = cps[j + width - 1].end;
    Emit(kShouldSplit, i, "name",
         {{"separator", std::string(name.substr(sep_begin, sep_end - sep_begin))},
          {"left", std::string(name.substr(0, sep_begin))},
          {"right", std::string(name.substr(sep_end))}});
    return;
  }
}

// Reads "2023年3月", "2022年12月31日", "2023-01-15", "2022年底" in text: the
// last day it names, if any; `*relative_next` for 次年 / 下一年 / 明年.
std::optional<Date> LatestDateIn(std::string_view text, bool* relative_next) {
  *relative_next = text.find("次年") != std::string_view::npos ||
                   text.find("下一年") != std::string_view::npos ||
                   text.find("下年度") != std::string_view::npos ||
                   text.find("明年") != std::string_view::npos;
  std::optional<Date> latest;
  auto digits = [&](std::size_t at, std::size_t max, std::size_t* len) {
    int v = 0;
    std::size_t k = 0;
    while (k < max && at + k < text.size() && text[at + k] >= '0' && text[at + k] <= '9') {
      v = v * 10 + (text[at + k] - '0');
      ++k;
    }
    *len = k;
    return v;
  };
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9') continue;
    std::size_t len = 0;
    const int year = digits(i, 4, &len);
    if (len != 4 || year < 1400) continue;
    std::size_t p = i + 4;
    std::optional<Date> d;
    if (text.substr(p).starts_with("年")) {
      p += 3;
      std::size_t ml = 0;
      const int month = digits(p, 2, &ml);
      if (ml > 0 && month >= 1 && month <= 12 && text.substr(p + ml).starts_with("月")) {
        p += ml + 3;
        std::size_t dl = 0;
        const int day = digits(p, 2, &dl);
        absl::StatusOr<Date> dd = (dl > 0 && text.substr(p + dl).starts_with("日"))
                                      ? Date::FromYmd(year, month, day)
                                      : Date::FromYmd(year, month, 1);
        if (dd.ok()) d = (dl > 0 && text.substr(p + dl).starts_with("日")) ? *dd : dd->EndOfMonth();
      } else {
        absl::StatusOr<Date> dd = Date::FromYmd(year, 12, 31);
        if (dd.ok()) d = *dd;
      }
    } else if (p < text.size() && (text[p] == '-' || text[p] == '/' || text[p] == '.')) {
      std::size_t ml = 0;
      const int month = digits(p + 1, 2, &ml);
      if (ml > 0 && month >= 1 && month <= 12) {
        std::size_t q = p + 1 + ml;
        std::size_t dl = 0;
        int day = 0;
        if (q < text.size() && text[q] == text[p]) day = digits(q + 1, 2, &dl);
        absl::StatusOr<Date> dd = Date::FromYmd(year, month, dl > 0 ? day : 1);
        if (dd.ok()) d = dl > 0 ? *dd : dd->EndOfMonth();
      }
    }
    if (d.has_value() && (!latest.has_value() || *d > *latest)) latest = d;
  }
  return latest;
}

void GoalReviewer::CheckTimeliness(std::uint32_t i, const Indicator& ind) {
  const FiscalYear* fy = ctx_.fiscal_year;
  bool after = false;
  bool next = false;
  std::optional<Date> latest = LatestDateIn(ind.target_text, &next);
  if (fy != nullptr && latest.has_value() && *latest > fy->last_day()) after = true;
  if (next) after = true;
  if (!after && IsNumeric(ind.comparator) && ind.target.has_value()) {
    const Ratio top = (ind.comparator == Comparator::kRange && ind.target_high.has_value())
                          ? Max(*ind.target, *ind.target_high)
                          : *ind.target;
    const std::string_view unit = scratch_->facts[i].unit;
    const std::int64_t days = fy != nullptr ? fy->days() : 365;
    if (unit == "月" || unit == "个月") {
      after = top > Ratio(12);
    } else if (unit == "天" || unit == "日" || unit == "自然日") {
      after = top > Ratio(days);
    } else if (unit == "年") {
      after = top > Ratio(1);
    }
  }
  if (!after) return;
  Emit(kTimelinessAfterYearEnd, i, "target",
       {{"target_text", ind.target_text},
        {"year", fy != nullptr ? absl::StrCat(fy->year()) : std::string()},
        {"year_end",
         fy != nullptr ? fy->last_day().ToString() : std::string("12个月 / 12 months")}});
}

// The text with its date expressions ("2023年", "2023年12月", "2023年3月15日",
// "2023-01-15") removed.
std::string WithoutDates(std::string_view text) {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t k = i;
    while (k < text.size() && is_digit(text[k])) ++k;
    const bool year = k - i == 4 && (i == 0 || !is_digit(text[i - 1]));
    if (year && text.substr(k).starts_with("年")) {
      std::size_t p = k + 3;
      std::size_t m = p;
      while (m < text.size() && m - p < 2 && is_digit(text[m])) ++m;
      if (m > p && text.substr(m).starts_with("月")) {
        p = m + 3;
        std::size_t d = p;
        while (d < text.size() && d - p < 2 && is_digit(text[d])) ++d;
        if (d > p && text.substr(d).starts_with("日")) p = d + 3;
      }
      i = p;
      continue;
    }
    if (year && k < text.size() && (text[k] == '-' || text[k] == '/')) {
      std::size_t p = k + 1;
      while (p < text.size() && (is_digit(text[p]) || text[p] == text[k])) ++p;
      i = p;
      continue;
    }
    if (k > i) {
      out.append(text.substr(i, k - i));
      i = k;
      continue;
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

void GoalReviewer::CheckUnreadable(std::uint32_t i, const Indicator& ind) {
  const std::string_view unit = scratch_->facts[i].unit;
  auto fire = [&](std::string_view field, std::string zh, std::string en) {
    Emit(kTargetUnreadable, i, field,
         {{"target_text", ind.target_text},
          {"problem_zh", std::move(zh)},
          {"problem_en", std::move(en)}});
  };
  if (ind.comparator == Comparator::kQualitative) {
    // A qualitative comparator over a plainly numeric target ("≥95%").
    // A number needs a digit (ASCII, or full-width U+FF10..FF19: EF BC 90..99).
    // Dates ("2023年底前完成竣工验收") are not numbers: they are removed first
    // (removing them adds no digit: a text without one is done at once).
    if (!HasDigit(ind.target_text) || !HasDigit(WithoutDates(ind.target_text))) return;
    absl::StatusOr<ParsedTarget> parsed = ParseTargetText(ind.target_text);
    if (parsed.ok() && (parsed->comparator.has_value() || !parsed->unit_of_measure.empty())) {
      fire("comparator", "为数值，但比较符号为定性，指标与指标值不匹配",
           "is numeric but the comparator is qualitative: indicator and value do not match");
    }
    return;
  }
  if (!ind.target.has_value()) {
    fire(
        "target",
        absl::StrCat("无法按计量单位“", AV(unit), "”读取为", AV(ZhLabelOf(ind.comparator)), "数值"),
        absl::StrCat("cannot be read as a number in its unit \"", AV(unit), "\" for comparator ",
                     AV(CodeOf(ind.comparator))));
    return;
  }
  if (ind.comparator == Comparator::kRange) {
    if (!ind.target_high.has_value()) {
      fire("target_high", "为区间，但缺少区间上限", "is a range without an upper end");
      return;
    }
    if (*ind.target_high < *ind.target) {
      fire("target_high", "的区间下限大于上限", "is a range whose low end exceeds its high end");
      return;
    }
  }
  // A unit written in the target that differs from the unit of measure.
  // A text ending in a digit, or a bracketed range "[30, 40]", holds no unit.
  const std::string_view trimmed = scratch_->facts[i].target_text;
  const bool no_unit = !trimmed.empty() && ((trimmed.back() >= '0' && trimmed.back() <= '9') ||
                                            (trimmed.front() == '[' && trimmed.back() == ']' &&
                                             trimmed.find(']') == trimmed.size() - 1));
  if (!unit.empty() && !no_unit && !trimmed.ends_with(unit)) {
    absl::StatusOr<ParsedTarget> parsed = ParseTargetText(ind.target_text);
    if (parsed.ok() && !parsed->unit_of_measure.empty() && parsed->unit_of_measure != unit) {
      fire("unit_of_measure",
           absl::StrCat("的单位“", parsed->unit_of_measure, "”与计量单位“", AV(unit), "”不符"),
           absl::StrCat("is written in \"", parsed->unit_of_measure,
                        "\" but the unit of measure is \"", AV(unit), "\""));
    }
  }
}

void GoalReviewer::CheckUnitCost() {
  for (std::uint32_t c = 0; c < goal_.indicators.size(); ++c) {
    const Indicator& cost = goal_.indicators[c];
    if (!IsCostKind(cost) || !IsNumeric(cost.comparator)) continue;
    const std::string_view unit = scratch_->facts[c].unit;
    std::size_t slash = unit.find('/');
    std::size_t slash_len = 1;
    if (slash == std::string_view::npos) {
      slash = unit.find("／");
      slash_len = std::string_view("／").size();
    }
    if (slash == std::string_view::npos) continue;
    const Ratio factor = MoneyFactor(unit.substr(0, slash));
    const std::string_view per = TrimText(unit.substr(slash + slash_len));
    if (factor.is_zero() || per.empty()) continue;
    const std::optional<Ratio>& bench_src = cost.baseline.has_value() ? cost.baseline : cost.target;
    if (!bench_src.has_value() || !(*bench_src > Ratio(0))) continue;
    for (std::uint32_t q = 0; q < goal_.indicators.size(); ++q) {
      const Indicator& qty = goal_.indicators[q];
      if (qty.level2 != IndicatorLevel2::kQuantity || !IsNumeric(qty.comparator) ||
          !qty.target.has_value() || !(*qty.target > Ratio(0))) {
        continue;
      }
      // 公里 vs 米, 万亩 vs 亩: compared in the cost unit's denominator.
      const MeasureView qn = NormalizeMeasure(scratch_->facts[q].unit, rules_);
      const MeasureView pn = NormalizeMeasure(per, rules_);
      if (qn.base != pn.base) continue;
      const Ratio quantity = *qty.target * qn.factor / pn.factor;
      const Ratio budget_yuan(ctx_.budget.fen(), 100);  // formed only for a unit-cost pair
      const Ratio unit_cost = budget_yuan / quantity / factor;
      const Ratio deviation = (unit_cost - *bench_src).Abs() / *bench_src * Ratio(100);
      if (deviation > rules_.unit_cost_tolerance) {
        Emit(kUnitCostOffBenchmark, c, "target",
             {{"budget", MoneyZh(ctx_.budget)},
              {"budget_en", MoneyEn(ctx_.budget)},
              {"quantity", qty.name},
              {"target", Fmt(*qty.target)},
              {"quantity_unit", std::string(scratch_->facts[q].unit)},
              {"unit_cost", Fmt(unit_cost)},
              {"cost_unit", std::string(unit)},
              {"benchmark", Fmt(*bench_src)},
              {"deviation", Fmt(deviation)},
              {"tolerance_percent", Fmt(rules_.unit_cost_tolerance)}});
      }
      break;  // the first matching quantity indicator is the measure
    }
  }
}

// The core entry an indicator stands for: the entry whose name or synonym
// the indicator's name contains, the longest such; `*strong` when that covers
// at least two thirds of the name (then units and ranges are compared too).
// Satisfaction names (满意) only match satisfaction entries and vice versa.
// `terms` are the category's names and synonyms in that order (compiled in
// the policy's ReviewLibraryIndex); `satisfaction`: the name says 满意. A
// term is searched for only when its characters' mask is in the name's.
const CoreIndicator* MatchCore(const CategoryLibrary& cat,
                               const std::vector<ReviewLibraryIndex::CoreTerm>& terms,
                               std::string_view name, bool satisfaction, bool* strong) {
  *strong = false;
  if (name.empty()) return nullptr;
  const std::uint64_t mask = CharMask(name);
  const ReviewLibraryIndex::CoreTerm* best = nullptr;
  std::size_t best_len = 0;
  for (const ReviewLibraryIndex::CoreTerm& t : terms) {
    if (t.satisfaction != satisfaction || t.text.size() <= best_len || (t.mask & ~mask) != 0) {
      continue;
    }
    if (HasSubstring(name, t.text)) {
      best = &t;
      best_len = t.text.size();
    }
  }
  if (best == nullptr) return nullptr;
  *strong = best_len * 3 >= name.size() * 2;
  return &cat.indicators[best->core];
}

void GoalReviewer::CollectFacts() {
  std::vector<IndicatorFacts>& all = scratch_->facts;
  all.resize(goal_.indicators.size());
  const bool core = category_ != nullptr &&
                    (rules_.On(kUnitDiffersFromCore) || rules_.On(kTargetOffCoreBenchmark) ||
                     rules_.On(kMissingCoreIndicator) || rules_.On(kBudgetCannotBuyOutput));
  const std::vector<ReviewLibraryIndex::CoreTerm>* terms =
      core ? &rules_.ix->category_terms[static_cast<std::size_t>(category_ -
                                                                 rules_.lib->categories.data())]
           : nullptr;
  for (std::size_t k = 0; k < all.size(); ++k) {
    const Indicator& ind = goal_.indicators[k];
    IndicatorFacts& f = all[k];
    f.name = TrimText(ind.name);
    f.unit = TrimText(ind.unit_of_measure);
    f.target_text = TrimText(ind.target_text);
    f.name_key = NameKey(f.name);
    f.satisfaction = SaysSatisfaction(f.name);
    f.core_strong = false;
    f.core = terms != nullptr
                 ? MatchCore(*category_, *terms, f.name, f.satisfaction, &f.core_strong)
                 : nullptr;
  }
}

std::string LevelZh(IndicatorLevel1 l1, IndicatorLevel2 l2) {
  return absl::StrCat(AV(ZhLabelOf(l1)), "·", AV(ZhLabelOf(l2)));
}
std::string LevelEn(IndicatorLevel1 l1, IndicatorLevel2 l2) {
  return absl::StrCat(AV(CodeOf(l1)), "/", AV(CodeOf(l2)));
}

// Units that count things or measure physical output (数量).
bool IsQuantityUnit(std::string_view base) {
  static constexpr std::string_view kUnits[] = {
      "个", "户", "米", "平方米", "亩", "处", "座",   "套", "台",  "次",
      "家", "所", "栋", "间",     "件", "项", "批次", "辆", "份",  "册",
      "株", "棵", "盏", "人",     "名", "场", "期",   "条", "公斤"};
  for (std::string_view u : kUnits) {
    if (base == u) return true;
  }
  return false;
}

// A list of words of `N` bytes each (CheckKind's name lists: two or three
// Chinese characters), compared as fixed-size blocks; a word of another size
// does not compile.
template <std::size_t N, std::size_t K>
struct Words {
  std::array<std::string_view, K> list;
  consteval Words(std::array<std::string_view, K> words) : list(words) {  // NOLINT: implicit
    for (std::string_view w : words) {
      if (w.size() != N) throw "a word of the wrong size";
    }
  }
};
template <std::size_t N, std::size_t K>
bool StartsWithWord(std::string_view s, const Words<N, K>& words) {
  if (s.size() < N) return false;
  for (std::string_view w : words.list) {
    if (std::memcmp(s.data(), w.data(), N) == 0) return true;
  }
  return false;
}
template <std::size_t N, std::size_t K>
bool EndsWithWord(std::string_view s, const Words<N, K>& words) {
  if (s.size() < N) return false;
  for (std::string_view w : words.list) {
    if (std::memcmp(s.data() + (s.size() - N), w.data(), N) == 0) return true;
  }
  return false;
}
// Output quantities filed as benefits: names ending in a quantity word or
// beginning with an output verb, unless they begin with a per-unit word.
constexpr Words<6, 8> kQuantityEnds{
    {"数量", "个数", "户数", "长度", "面积", "里程", "台数", "座数"}};
constexpr Words<6, 11> kOutputVerbs{
    {"新建", "改造", "建设", "维修", "采购", "购置", "发放", "修建", "铺设", "安装", "完成"}};
constexpr Words<6, 5> kPerUnitStarts{{"人均", "户均", "亩均", "平均", "单位"}};
// Quality rates filed as quantities.
constexpr Words<9, 6> kQualityRateEnds{
    {"合格率", "达标率", "成活率", "完好率", "优良率", "准确率"}};

void GoalReviewer::CheckKind(std::uint32_t i, const Indicator& ind) {
  const IndicatorFacts& facts = scratch_->facts[i];
  const std::string_view name = facts.name;
  if (name.empty()) return;
  const std::string_view unit = facts.unit;
  IndicatorLevel1 e1 = ind.level1;
  IndicatorLevel2 e2 = ind.level2;
  std::string reason_zh, reason_en;
  if (ind.level1 != IndicatorLevel1::kSatisfaction && facts.satisfaction) {
    // A satisfaction rate filed as quality or benefit.
    e1 = IndicatorLevel1::kSatisfaction;
    e2 = IndicatorLevel2::kBeneficiarySatisfaction;
    reason_zh = "是满意度（名称含“满意”）";
    reason_en = "measures satisfaction (its name says 满意)";
  } else if (ind.level1 == IndicatorLevel1::kBenefit && !unit.empty() &&
             (ind.comparator == Comparator::kGe || ind.comparator == Comparator::kGt ||
              ind.comparator == Comparator::kEq) &&
             (EndsWithWord(name, kQuantityEnds) || StartsWithWord(name, kOutputVerbs)) &&
             !StartsWithWord(name, kPerUnitStarts) &&
             IsQuantityUnit(NormalizeMeasure(unit, rules_).base)) {
    // An output quantity ("改造数量") filed as a benefit.
    e1 = IndicatorLevel1::kOutput;
    e2 = IndicatorLevel2::kQuantity;
    reason_zh = absl::StrCat("是产出数量（计量单位“", AV(unit), "”）");
    reason_en = absl::StrCat("counts output (unit of measure \"", AV(unit), "\")");
  } else if (ind.level2 == IndicatorLevel2::kQuantity && IsTrimmedPercentUnit(unit) &&
             EndsWithWord(name, kQualityRateEnds)) {
    e1 = IndicatorLevel1::kOutput;
    e2 = IndicatorLevel2::kQuality;
    reason_zh = "是质量（合格、达标类比率）";
    reason_en = "measures quality (a pass or compliance rate)";
  } else {
    return;
  }
  Emit(kIndicatorKindMismatch, i, "level2",
       {{"reason_zh", reason_zh},
        {"reason_en", reason_en},
        {"level1", ZhLabelOf(ind.level1)},
        {"level2", ZhLabelOf(ind.level2)},
        {"level1_en", CodeOf(ind.level1)},
        {"level2_en", CodeOf(ind.level2)},
        {"expected", LevelZh(e1, e2)},
        {"expected_en", LevelEn(e1, e2)}});
}

void GoalReviewer::CheckCore(std::uint32_t i, const Indicator& ind) {
  const IndicatorFacts& facts = scratch_->facts[i];
  const CoreIndicator* core = facts.core;
  if (core == nullptr || !facts.core_strong) return;
  const std::string_view unit = facts.unit;
  if (unit.empty() || core->unit.empty()) return;
  const MeasureView iu = NormalizeMeasure(unit, rules_);
  const MeasureView cu = NormalizeMeasure(core->unit, rules_);
  if (iu.base != cu.base) {
    Emit(kUnitDiffersFromCore, i, "unit_of_measure",
         {{"unit_of_measure", unit},
          {"core", core->name},
          {"core_unit", core->unit},
          {"category", category_->category}});
    return;
  }
  // Satisfaction targets have their own rules (too low, exactly 100%).
  if (!IsNumeric(ind.comparator) || !ind.target.has_value() ||
      ind.level1 == IndicatorLevel1::kSatisfaction ||
      (!core->low.has_value() && !core->high.has_value())) {
    return;
  }
  const Ratio value = *ind.target * iu.factor / cu.factor;
  const bool below = core->low.has_value() && value < *core->low;
  const bool above = core->high.has_value() && value > *core->high;
  if (!below && !above) return;
  Emit(kTargetOffCoreBenchmark, i, "target",
       {{"target", Fmt(*ind.target)},
        {"unit_of_measure", unit},
        {"core", core->name},
        {"core_unit", core->unit},
        {"low", core->low.has_value() ? Fmt(*core->low) : std::string("-")},
        {"high", core->high.has_value() ? Fmt(*core->high) : std::string("-")},
        {"category", category_->category}});
}

void GoalReviewer::CheckCoreMissing() {
  for (const CoreIndicator& core : category_->indicators) {
    if (!core.required) continue;
    bool found = false;
    for (const IndicatorFacts& facts : scratch_->facts) found = found || facts.core == &core;
    if (found) continue;
    std::string synonyms;
    for (const std::string& syn : core.synonyms) {
      if (!synonyms.empty()) synonyms += "、";
      synonyms += syn;
    }
    Emit(kMissingCoreIndicator, kNoIndex, "indicators",
         {{"category", category_->category},
          {"core", core.name},
          {"core_level", LevelZh(core.level1, core.level2)},
          {"core_level_en", LevelEn(core.level1, core.level2)},
          {"core_unit_zh",
           core.unit.empty() ? std::string("无量纲") : absl::StrCat("单位“", core.unit, "”")},
          {"core_unit_en", core.unit.empty() ? std::string("dimensionless")
                                             : absl::StrCat("unit \"", core.unit, "\"")},
          {"synonyms", synonyms.empty() ? std::string("-") : synonyms}});
  }
}

// Numbers in the goal statement against the indicators' targets: a number
// with a unit of the same kind (万亩 ~ 亩), in a clause naming the indicator,
// that no indicator of that unit targets.
void GoalReviewer::CheckGoalTextNumbers() {
  const std::string_view text = goal_.text;
  if (!HasAsciiDigit(text)) return;  // no number
  const std::vector<UnitScale>& scales = rules_.lib->unit_scales;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  std::vector<bool> reported(goal_.indicators.size(), false);
  std::size_t k = 0;
  while (k < text.size()) {
    if (!is_digit(text[k]) || (k > 0 && (is_digit(text[k - 1]) || text[k - 1] == '.'))) {
      ++k;
      continue;
    }
    std::size_t e = k;
    while (e < text.size() && (is_digit(text[e]) ||
                               (text[e] == '.' && e + 1 < text.size() && is_digit(text[e + 1])))) {
      ++e;
    }
    const std::string_view number = text.substr(k, e - k);
    const std::size_t begin = k;
    k = e;
    absl::StatusOr<Ratio> value = Ratio::ParseDecimal(number);
    if (!value.ok()) continue;
    const std::string_view rest = text.substr(e);
    if (number.size() == 4 && (rest.starts_with("年") || rest.starts_with("-")))
      continue;  // a year
    // The unit after the number, as an indicator's unit knows it.
    struct Match {
      std::uint32_t index;
      Ratio value;  // the indicator's target in the text's unit
      std::string unit;
    };
    std::vector<Match> candidates;
    bool agrees = false;
    for (std::uint32_t i = 0; i < goal_.indicators.size(); ++i) {
      const Indicator& ind = goal_.indicators[i];
      if (!IsNumeric(ind.comparator) || !ind.target.has_value()) continue;
      const std::string_view unit = scratch_->facts[i].unit;
      if (unit.empty()) continue;
      const MeasureView iu = NormalizeMeasure(unit, rules_);
      // The longest unit of the same base that the text writes here.
      std::string best;
      Ratio best_factor;
      auto consider = [&](std::string_view w) {
        if (w.empty() || !rest.starts_with(w) || w.size() <= best.size()) return;
        const MeasureView wn = NormalizeMeasure(w, rules_);
        if (wn.base != iu.base) return;
        best = std::string(w);
        best_factor = wn.factor;
      };
      consider(unit);
      consider(iu.base);
      consider(absl::StrCat("万", AV(iu.base)));
      consider(absl::StrCat("亿", AV(iu.base)));
      for (const UnitScale& sc : scales) consider(sc.unit);
      if (best.empty()) continue;
      // The target in the text's unit.
      const Ratio t = *ind.target * iu.factor / best_factor;
      const bool in_range = ind.comparator == Comparator::kRange && ind.target_high.has_value() &&
                            *value >= *ind.target && *value <= *ind.target_high;
      if (t == *value || in_range) {
        agrees = true;
        break;
      }
      candidates.push_back({i, t, best});
    }
    if (agrees || candidates.empty()) continue;
    // The clause before the number (looked for only now that an indicator
    // may disagree): back to the previous ，。；、,;：
    std::size_t cb = begin;
    while (cb > 0) {
      const std::string_view before = text.substr(0, cb);
      if (before.ends_with("，") || before.ends_with("。") || before.ends_with("；") ||
          before.ends_with("、") || before.ends_with("：") || before.back() == ',' ||
          before.back() == ';') {
        break;
      }
      --cb;
    }
    const std::string_view clause = text.substr(cb, begin - cb);
    // Which indicator the clause speaks of: specific bigrams of its name in
    // the clause.
    BigramSet clause_set;
    clause_set.Add(clause);
    clause_set.Seal();
    const Match* pick = nullptr;
    std::int64_t best_found = 0;
    for (const Match& m : candidates) {
      const BigramCount c =
          CountSpecificBigrams(goal_.indicators[m.index].name, clause_set, rules_.ix->common);
      // Two specific bigrams of the name in the clause, or all of them.
      const bool names_it = c.found >= 2 || (c.found >= 1 && c.found == c.total);
      if (names_it && c.found > best_found) {
        best_found = c.found;
        pick = &m;
      }
    }
    if (pick == nullptr || reported[pick->index]) continue;
    reported[pick->index] = true;
    const Indicator& ind = goal_.indicators[pick->index];
    Emit(kGoalTextContradictsTarget, pick->index, "target",
         {{"quote", absl::StrCat(AV(TrimText(clause)), AV(number), pick->unit)},
          {"text_value", Fmt(*value)},
          {"text_unit", pick->unit},
          {"target", Fmt(*ind.target)},
          {"unit_of_measure", scratch_->facts[pick->index].unit}});
  }
}

// Budget ÷ the category's typical quantity against its reference unit cost
// (when the goal gives no unit-cost indicator of its own).
void GoalReviewer::CheckBudgetBuysOutput() {
  const Ratio budget_yuan(ctx_.budget.fen(), 100);
  for (const UnitCostReference& ref : category_->unit_costs) {
    const MeasureView rn = NormalizeMeasure(ref.quantity_unit, rules_);
    for (std::uint32_t q = 0; q < goal_.indicators.size(); ++q) {
      const Indicator& qty = goal_.indicators[q];
      if (qty.level2 != IndicatorLevel2::kQuantity || !IsNumeric(qty.comparator) ||
          qty.comparator == Comparator::kLe || qty.comparator == Comparator::kLt ||
          !qty.target.has_value() || !(*qty.target > Ratio(0))) {
        continue;
      }
      const MeasureView qn = NormalizeMeasure(scratch_->facts[q].unit, rules_);
      if (qn.base != rn.base) continue;
      if (!ref.indicator.empty()) {
        const CoreIndicator* core = scratch_->facts[q].core;
        if (core == nullptr || core->name != ref.indicator) continue;
      }
      const Ratio quantity = *qty.target * qn.factor / rn.factor;  // in ref.quantity_unit
      const Ratio unit_cost = budget_yuan / quantity;
      if (!(unit_cost < ref.low_yuan * rules_.buy_keep)) return;
      const bool tol = rules_.buy_keep != Ratio(1);
      const std::string tol_text = Fmt((Ratio(1) - rules_.buy_keep) * Ratio(100));
      Emit(
          kBudgetCannotBuyOutput, q, "target",
          {{"budget", MoneyZh(ctx_.budget)},
           {"budget_en", MoneyEn(ctx_.budget)},
           {"quantity", qty.name},
           {"target", Fmt(*qty.target)},
           {"quantity_unit", scratch_->facts[q].unit},
           {"base_unit", ref.quantity_unit},
           {"unit_cost", Fmt(unit_cost)},
           {"unit_cost_en", GroupedEn(unit_cost)},
           {"low", Fmt(ref.low_yuan)},
           {"high", Fmt(ref.high_yuan)},
           {"low_en", GroupedEn(ref.low_yuan)},
           {"high_en", GroupedEn(ref.high_yuan)},
           {"basis", ref.basis},
           {"category", category_->category},
           {"tolerance_zh", tol ? absl::StrCat("超过", tol_text, "%") : std::string()},
           {"tolerance_en", tol ? absl::StrCat(", by more than ", tol_text, "%") : std::string()}});
      return;
    }
  }
}

// The highest score a grade allows: 100 for the best band, else just below
// the next better band's minimum (its min − 1, not below the band's own min).
Ratio TopOfGrade(const Policy& policy, Grade grade) {
  const std::vector<GradeBand>& bands = policy.grade_bands();
  for (std::size_t b = 0; b < bands.size(); ++b) {
    if (bands[b].grade != grade) continue;
    if (b == 0) return Ratio(100);
    const Ratio top = bands[b - 1].min - Ratio(1);
    return top < bands[b].min ? bands[b].min : top;
  }
  return Ratio(100);
}

void Score(const Rules& rules, const Policy& policy, GoalReview* review) {
  (void)rules;
  Ratio total;
  bool blocker = false;
  std::optional<Severity> worst;
  for (const Finding& f : review->findings) {
    total += f.deduction;
    blocker = blocker || f.severity == Severity::kBlocker;
    if (!worst.has_value() || f.severity > *worst) worst = f.severity;
  }
  Ratio score = Ratio(100) - total;
  if (score < Ratio(0)) score = Ratio(0);
  review->uncapped_score = score;
  review->has_blocker = blocker;
  review->capped_by.reset();
  Grade grade = policy.GradeOf(score);
  // Severity caps (policy grading): an error caps at 中, a blocker at 差 by
  // default; a blocker forces 差 whatever the profile says.
  auto cap = [&](Severity sev, Grade max_grade) {
    if (static_cast<int>(grade) < static_cast<int>(max_grade)) {
      grade = max_grade;
      review->capped_by = sev;
    }
  };
  if (worst.has_value()) {
    for (const SeverityCap& c : policy.review_grading().caps) {
      if (*worst >= c.severity) cap(c.severity, c.max_grade);
    }
  }
  if (blocker) cap(Severity::kBlocker, Grade::kPoor);
  if (review->capped_by.has_value()) {
    const Ratio top = TopOfGrade(policy, grade);
    if (score > top) score = top;
  }
  review->score = score;
  review->grade = grade;
  review->consequence = ConsequenceOf(review->grade);
}

GoalReview ReviewOne(const Rules& rules, const Policy& policy, const Goal& goal, const Context& ctx,
                     Scratch* scratch = nullptr) {
  GoalReview review;
  review.goal_id = goal.id;
  review.owner = goal.owner;
  review.project_id = goal.owner == GoalOwner::kProject ? goal.project_id : "";
  review.unit_id = goal.unit_id;
  GoalReviewer reviewer(rules, goal, ctx, &review, scratch);
  reviewer.Run();
  Score(rules, policy, &review);
  return review;
}

// Ex-ante status of one project.
struct ExAnteStatus {
  bool required = false;                 // new (or continuing by policy) and ≥ threshold
  const ExAnteReview* review = nullptr;  // the latest assessment, if any
  Money amount;                          // the amount compared with the threshold
};

Money GateAmount(Money requested, Money approved) {
  return requested.fen() > 0 ? requested : approved;
}

bool RequiresExAnte(const Rules& rules, ProjectKind kind, Money amount) {
  if (kind != ProjectKind::kNew && !rules.ex_ante_continuing) return false;
  return Ratio(amount.fen(), 100) >= rules.ex_ante_threshold;
}

// The five ex-ante dimensions, in ExAnteDimension order.
constexpr std::array<std::string_view, kExAnteDimensionCount> kExAnteDimensionZh = {
    "立项必要性", "投入经济性", "绩效目标合理性", "实施方案可行性", "筹资合规性"};
constexpr std::array<std::string_view, kExAnteDimensionCount> kExAnteDimensionEn = {
    "necessity", "economy", "goal_soundness", "feasibility", "funding_compliance"};

// Adds the ex-ante findings of a project's status to a goal review.
void AddExAnteFindings(const Rules& rules, const Goal& goal, const Context& ctx,
                       const ExAnteStatus& st, GoalReview* review) {
  GoalReviewer reviewer(rules, goal, ctx, review);
  auto score_text = [&](const ExAnteReview& r) { return Num(r.total, rules.decimals); };
  if (st.review != nullptr) {
    const ExAnteReview& r = *st.review;
    for (int d = 0; d < kExAnteDimensionCount; ++d) {
      if ((r.out_of_range & (1u << d)) == 0) continue;
      reviewer.Emit(kExAnteScoreOutOfRange, kNoIndex, "ex_ante",
                    {{"dimension", kExAnteDimensionZh[static_cast<std::size_t>(d)]},
                     {"dimension_en", kExAnteDimensionEn[static_cast<std::size_t>(d)]},
                     {"score", Num(*r.scores[static_cast<std::size_t>(d)], rules.decimals)},
                     {"dimension_max", Num(rules.dimension_max, rules.decimals)}});
    }
    if (r.conclusion == ExAnteConclusion::kNotSupported) {
      reviewer.Emit(kExAnteNotSupported, kNoIndex, "ex_ante",
                    {{"score", score_text(r)},
                     {"revision_min", Num(rules.revision_min, rules.decimals)},
                     {"supported_min", Num(rules.supported_min, rules.decimals)},
                     {"amount", MoneyZh(r.amount)},
                     {"amount_en", MoneyEn(r.amount)}});
    } else if (r.conclusion == ExAnteConclusion::kSupportedAfterRevision) {
      reviewer.Emit(kExAnteNeedsRevision, kNoIndex, "ex_ante",
                    {{"score", score_text(r)},
                     {"revision_min", Num(rules.revision_min, rules.decimals)},
                     {"supported_min", Num(rules.supported_min, rules.decimals)}});
    }
  } else if (st.required) {
    const Ratio fen = rules.ex_ante_threshold * Ratio(100);
    const Money threshold_money = Money::FromFen(static_cast<std::int64_t>(fen.RoundedScaled(0)));
    reviewer.Emit(kMissingExAnte, kNoIndex, "ex_ante",
                  {{"amount", MoneyZh(st.amount)},
                   {"amount_en", MoneyEn(st.amount)},
                   {"threshold", MoneyZh(threshold_money)},
                   {"threshold_en", MoneyEn(threshold_money)}});
  }
}

ExAnteReview ConcludeOne(const Rules& rules, const ExAnteAssessment& a, std::uint32_t index,
                         Money project_amount) {
  ExAnteReview r;
  r.assessment_index = index;
  r.project_index = a.project_index;
  r.project_id = a.project_id;
  r.scores = a.scores;
  for (int d = 0; d < kExAnteDimensionCount; ++d) {
    const std::optional<Ratio>& s = a.scores[static_cast<std::size_t>(d)];
    if (s.has_value()) {
      r.total += *s;
      if (*s < Ratio(0) || *s > rules.dimension_max)
        r.out_of_range |= static_cast<std::uint8_t>(1u << d);
    } else {
      ++r.missing_scores;
    }
  }
  if (r.total >= rules.supported_min) {
    r.conclusion = ExAnteConclusion::kSupported;
  } else if (r.total >= rules.revision_min) {
    r.conclusion = ExAnteConclusion::kSupportedAfterRevision;
  } else {
    r.conclusion = ExAnteConclusion::kNotSupported;
  }
  r.amount = a.requested.fen() > 0 ? a.requested : project_amount;
  return r;
}

void Count(const GoalReview& g, GoalCounts* c) {
  ++c->reviewed;
  ++c->per_grade[static_cast<int>(g.grade)];
  if (g.passed()) {
    ++c->passed;
  } else if (g.grade == Grade::kGood) {
    ++c->passed_after_fixes;
  } else if (g.grade == Grade::kFair) {
    ++c->to_revise;
  } else {
    ++c->blocked;
  }
  c->comments += static_cast<std::uint32_t>(g.findings.size());
  for (const Finding& f : g.findings) ++c->per_dimension[static_cast<int>(f.dimension)];
}

absl::Status AddMoney(Money* total, Money m) {
  if (!total->TryAdd(m)) return absl::OutOfRangeError("review: amount total overflows");
  return absl::OkStatus();
}

}  // namespace

void PackMessageValue(std::string_view name, std::string_view value, std::string* packed) {
  // Length-prefixed (values may hold any byte): 4 bytes little-endian, text.
  auto put = [packed](std::string_view text) {
    const auto n = static_cast<std::uint32_t>(text.size());
    const char len[4] = {static_cast<char>(n & 0xFF), static_cast<char>((n >> 8) & 0xFF),
                         static_cast<char>((n >> 16) & 0xFF), static_cast<char>(n >> 24)};
    packed->append(len, 4);
    packed->append(text);
  };
  put(name);
  put(value);
}

std::string FindingMessage::str() const {
  const std::string_view tmpl = template_;
  const std::string_view packed = values_ != nullptr ? std::string_view(*values_) : "";
  // The first value packed under `name`, if any.
  auto lookup = [packed](std::string_view name) -> std::optional<std::string_view> {
    std::size_t i = 0;
    auto take = [&](std::string_view* out) {
      if (i + 4 > packed.size()) return false;
      std::uint32_t n = 0;
      for (int k = 3; k >= 0; --k) n = (n << 8) | static_cast<unsigned char>(packed[i + k]);
      i += 4;
      if (n > packed.size() - i) return false;
      *out = packed.substr(i, n);
      i += n;
      return true;
    };
    std::string_view key;
    std::string_view value;
    while (take(&key) && take(&value)) {
      if (key == name) return value;
    }
    return std::nullopt;
  };
  std::string out;
  out.reserve(tmpl.size() + packed.size());
  std::size_t i = 0;
  while (i < tmpl.size()) {
    const std::size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) {
      out.append(tmpl.substr(i));
      break;
    }
    out.append(tmpl.substr(i, open - i));
    const std::size_t close = tmpl.find('}', open + 1);
    if (close == std::string_view::npos) {
      out.append(tmpl.substr(open));
      break;
    }
    const std::optional<std::string_view> value = lookup(tmpl.substr(open + 1, close - open - 1));
    out.append(value.has_value() ? *value : tmpl.substr(open, close - open + 1));
    i = close + 1;
  }
  return out;
}

ExAnteConclusion ConcludeExAnte(const Ratio& total, const Policy& policy) {
  const RuleSpec* spec = FindRuleSpec(kExAnteBandsCode);
  const Ratio supported = spec != nullptr ? ParamOf(policy, *spec, "supported_min") : Ratio(80);
  const Ratio revision = spec != nullptr ? ParamOf(policy, *spec, "revision_min") : Ratio(60);
  if (total >= supported) return ExAnteConclusion::kSupported;
  if (total >= revision) return ExAnteConclusion::kSupportedAfterRevision;
  return ExAnteConclusion::kNotSupported;
}

void ScoreGoalReview(const Policy& policy, GoalReview* review) { Score(Rules{}, policy, review); }

std::optional<Finding> MakeFinding(
    const Policy& policy, std::string_view code, FindingLocation location,
    std::span<const std::pair<std::string_view, std::string>> values) {
  const RuleSpec* spec = nullptr;
  for (const RuleSpec& s : ReviewRuleCatalog()) {
    if (s.code == code) spec = &s;
  }
  if (spec == nullptr) return std::nullopt;
  RuleSetting setting;
  if (policy.rules().contains(code)) {
    setting = policy.Rule(code);
  } else {
    setting.enabled = spec->default_enabled;
    setting.severity = spec->default_severity;
    setting.deduction = ParseOr(spec->default_deduction, Ratio());
  }
  if (!setting.enabled) return std::nullopt;
  Finding f;
  f.code = spec->code;
  f.dimension = DimensionOf(*spec);
  f.severity = setting.severity;
  f.deduction = setting.deduction;
  f.location = std::move(location);
  std::string packed;
  for (const auto& [name, value] : values) PackMessageValue(name, value, &packed);
  auto shared = std::make_shared<const std::string>(std::move(packed));
  f.message_zh = FindingMessage(spec->message_zh, shared);
  f.message_en = FindingMessage(spec->message_en, std::move(shared));
  return f;
}

absl::StatusOr<GoalReview> ReviewGoal(const Goal& goal, const GoalContext& context,
                                      const Policy& policy, const ReviewOptions& options) try {
  const Rules rules = ResolveRules(policy, options.messages);
  Context ctx;
  if (context.project != nullptr) {
    ctx.project = OwnerText{context.project->name, context.project->category};
  }
  if (context.unit != nullptr) ctx.unit = OwnerText{context.unit->name, {}};
  ctx.fiscal_year = context.fiscal_year.has_value() ? &*context.fiscal_year : nullptr;
  Money approved;
  if (context.project != nullptr) {
    for (const FundLine& line : context.project->funds) {
      if (!approved.TryAdd(line.approved)) {
        return absl::OutOfRangeError(absl::StrCat("review: the approved total of project ",
                                                  context.project->id, " overflows"));
      }
    }
    ctx.budget = approved.fen() > 0 ? approved : context.project->requested;
  }
  GoalReview review = ReviewOne(rules, policy, goal, ctx);
  if (context.check_ex_ante && context.project != nullptr) {
    ExAnteStatus st;
    st.amount = GateAmount(context.project->requested, approved);
    st.required = RequiresExAnte(rules, context.project->kind, st.amount);
    ExAnteReview er;
    if (context.ex_ante != nullptr) {
      er = ConcludeOne(rules, *context.ex_ante, 0, st.amount);
      st.review = &er;
    }
    AddExAnteFindings(rules, goal, ctx, st, &review);
    Score(rules, policy, &review);
  }
  return review;
} catch (const std::bad_alloc&) {
  return OutOfMemory("reviewing a goal");
}

absl::StatusOr<ReviewResult> ReviewDataset(const Dataset& dataset, const Policy& policy,
                                           const ReviewOptions& options) try {
  const Rules rules = ResolveRules(policy, options.messages);
  ReviewResult result;
  result.dataset = dataset;
  result.decimals = policy.decimals();
  const ProjectTable& projects = dataset.projects();
  const std::span<const Goal> goals = dataset.goals();

  std::uint32_t only = kNoIndex;
  if (!options.project_id.empty()) {
    only = dataset.FindProject(options.project_id);
    if (only == kNoIndex) {
      return absl::NotFoundError(
          absl::StrCat("review: no project with id \"", options.project_id, "\""));
    }
  }
  auto in_scope = [&](std::uint32_t p) { return only == kNoIndex || p == only; };

  // Ex-ante: conclude every assessment; the latest (by date, then order) per
  // project decides.
  std::vector<std::uint32_t> latest(projects.size(), kNoIndex);
  const std::span<const ExAnteAssessment> assessments = dataset.ex_ante_assessments();
  for (std::uint32_t a = 0; a < assessments.size(); ++a) {
    const ExAnteAssessment& as = assessments[a];
    if (as.project_index == kNoIndex || !in_scope(as.project_index)) continue;
    const ProjectView p = projects[as.project_index];
    result.ex_ante.push_back(
        ConcludeOne(rules, as, a, GateAmount(p.requested(), dataset.ApprovedOf(as.project_index))));
    std::uint32_t& l = latest[as.project_index];
    const std::uint32_t pos = static_cast<std::uint32_t>(result.ex_ante.size() - 1);
    if (l == kNoIndex) {
      l = pos;
    } else {
      const ExAnteAssessment& prev = assessments[result.ex_ante[l].assessment_index];
      if (!(as.date.has_value() && prev.date.has_value() && *as.date < *prev.date)) l = pos;
    }
  }

  std::vector<ExAnteStatus> status(projects.size());
  for (std::uint32_t p = 0; p < projects.size(); ++p) {
    if (!in_scope(p)) continue;
    status[p].amount = GateAmount(projects[p].requested(), dataset.ApprovedOf(p));
    status[p].required =
        rules.On(kMissingExAnte) && RequiresExAnte(rules, projects[p].kind(), status[p].amount);
    if (latest[p] != kNoIndex) status[p].review = &result.ex_ante[latest[p]];
  }

  // Goals.
  std::vector<bool> review_blocked(projects.size(), false);
  Scratch scratch;
  result.goals.reserve(goals.size());
  for (std::uint32_t g = 0; g < goals.size(); ++g) {
    const Goal& goal = goals[g];
    Context ctx;
    ctx.fiscal_year = &dataset.fiscal_year();
    if (goal.owner == GoalOwner::kProject) {
      if (goal.project_index == kNoIndex || !in_scope(goal.project_index)) continue;
      const ProjectView project = projects[goal.project_index];
      ctx.project = OwnerText{project.name(), project.category()};
      const Money approved = dataset.ApprovedOf(goal.project_index);
      ctx.budget = approved.fen() > 0 ? approved : project.requested();
    } else {
      if (only != kNoIndex || !options.unit_goals) continue;
    }
    if (goal.unit_index != kNoIndex)
      ctx.unit = OwnerText{dataset.units()[goal.unit_index].name(), {}};
    GoalReview review = ReviewOne(rules, policy, goal, ctx, &scratch);
    review.goal_index = g;
    if (goal.owner == GoalOwner::kProject) {
      if (review.blocked()) review_blocked[goal.project_index] = true;
      const ExAnteStatus& st = status[goal.project_index];
      const std::size_t before = review.findings.size();
      AddExAnteFindings(rules, goal, ctx, st, &review);
      if (review.findings.size() != before) Score(rules, policy, &review);
    }
    result.goals.push_back(std::move(review));
  }

  // Gates and the summary.
  ReviewSummary& sum = result.summary;
  for (const GoalReview& g : result.goals) {
    Count(g, &sum.all);
    Count(g, g.owner == GoalOwner::kProject ? &sum.project_goals : &sum.unit_goals);
  }
  for (const ExAnteReview& r : result.ex_ante) {
    ++sum.ex_ante_assessed;
    switch (r.conclusion) {
      case ExAnteConclusion::kSupported:
        ++sum.ex_ante_supported;
        break;
      case ExAnteConclusion::kSupportedAfterRevision:
        ++sum.ex_ante_after_revision;
        break;
      case ExAnteConclusion::kNotSupported:
        ++sum.ex_ante_not_supported;
        if (absl::Status s = AddMoney(&sum.ex_ante_cut, r.amount); !s.ok()) return s;
        break;
    }
  }
  for (std::uint32_t p = 0; p < projects.size(); ++p) {
    if (!in_scope(p)) continue;
    ProjectGate gate;
    gate.project_index = p;
    gate.project_id = std::string(projects[p].id());
    gate.amount = status[p].amount;
    const ExAnteStatus& st = status[p];
    if (st.review != nullptr) {
      if (st.review->out_of_range != 0 && rules.On(kExAnteScoreOutOfRange)) {
        gate.blocked_by_ex_ante = true;
        gate.reasons.push_back(rules.spec[kExAnteScoreOutOfRange]->code);
      }
      if (st.review->conclusion == ExAnteConclusion::kNotSupported &&
          rules.On(kExAnteNotSupported)) {
        gate.blocked_by_ex_ante = true;
        gate.reasons.push_back(rules.spec[kExAnteNotSupported]->code);
      }
    } else if (st.required) {
      gate.blocked_by_ex_ante = true;
      gate.reasons.push_back(rules.spec[kMissingExAnte]->code);
      ++sum.ex_ante_missing;
      if (absl::Status s = AddMoney(&sum.ex_ante_missing_amount, gate.amount); !s.ok()) return s;
    }
    if (review_blocked[p]) {
      gate.blocked_by_review = true;
      gate.reasons.push_back("review.goal_poor");
      ++sum.projects_blocked_by_review;
      if (absl::Status s = AddMoney(&sum.amount_blocked_by_review, gate.amount); !s.ok()) return s;
    }
    gate.may_enter = !gate.blocked_by_ex_ante && !gate.blocked_by_review;
    ++sum.projects;
    if (gate.may_enter) {
      ++sum.projects_entering;
    } else {
      ++sum.projects_blocked;
      if (absl::Status s = AddMoney(&sum.amount_blocked, gate.amount); !s.ok()) return s;
    }
    result.gates.push_back(std::move(gate));
  }
  return result;
} catch (const std::bad_alloc&) {
  return OutOfMemory("reviewing");
}

}  // namespace perfbudget
