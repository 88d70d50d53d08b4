// policy_json.cc: policy profiles as JSON (docs/policy.md): loading with
// precise diagnostics, `extends`, the built-in profiles, and writing.
//
// Profiles are read with simdjson like datasets (io/json_syntax.h: one JSON
// parser): the document becomes a small positioned tree, every value placed
// by line and column, every number kept as its exact text (no binary floating
// point anywhere), a syntax error worded and located by the same checker as a
// dataset's. Values are read by small helpers (ReadRatio, ReadString,
// ReadBool, ReadEnum), the one place each kind of value is parsed.
#include <algorithm>
#include <cstdint>
#include <map>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "io/json_syntax.h"
#include "perfbudget/io/file.h"
#include "perfbudget/io/json.h"
#include "perfbudget/io/json_text.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/policy/rule_catalog.h"
#include "policy/builtin_profiles.h"

namespace perfbudget {
namespace {

constexpr std::string_view kFormatName = "perfbudget-policy";
constexpr int kFormatVersion = 1;

using json_internal::JsonMember;
using json_internal::JsonNode;
using json_internal::KindName;
using json_internal::LineTracker;
using json_internal::MemberPath;
using Kind = json_internal::JsonNode::Kind;

// ---- loading ------------------------------------------------------------------

std::string Truncate(std::string_view s) { return std::string(s.substr(0, 80)); }

// The profile's own enum codes (the others have parsers beside their enums).
std::optional<SplitMethod> ParseSplitMethod(std::string_view s) {
  if (s == "proportional") return SplitMethod::kProportional;
  if (s == "priority") return SplitMethod::kPriority;
  return std::nullopt;
}

std::optional<TimeProgressMethod> ParseTimeProgressMethod(std::string_view s) {
  if (s == "months") return TimeProgressMethod::kMonths;
  if (s == "days") return TimeProgressMethod::kDays;
  return std::nullopt;
}

class Loader {
 public:
  Loader(Diagnostics* diagnostics, std::string_view text, std::string_view file)
      : diags_(diagnostics), file_(file), lines_(text) {}

  void Report(DiagnosticKind kind, const JsonNode& at, const std::string& path,
              std::string_view field, std::string_view value, std::string expected,
              std::string message) {
    Diagnostic d;
    d.kind = kind;
    d.where.file = std::string(file_);
    const auto [line, column] = lines_.At(at.offset);
    d.where.line = line;
    d.where.column = column;
    d.where.path = path;
    d.field = std::string(field);
    d.value = Truncate(value);
    d.expected = std::move(expected);
    d.message = std::move(message);
    diags_->Add(std::move(d));
    ++errors_;
  }
  int errors() const { return errors_; }

  std::optional<Ratio> ReadRatio(const JsonNode& v, const std::string& path,
                                 std::string_view field) {
    if (v.kind != Kind::kNumber && v.kind != Kind::kString) {
      Report(DiagnosticKind::kType, v, path, field, KindName(v),
             "an exact decimal number, e.g. 80 or \"2.5\"",
             absl::StrCat(AV(field), " must be a number"));
      return std::nullopt;
    }
    absl::StatusOr<Ratio> r = Ratio::ParseDecimal(v.text);
    if (!r.ok()) {
      Report(DiagnosticKind::kType, v, path, field, v.text,
             "an exact decimal number without exponent",
             absl::StrCat(AV(field), " is not a number: ", r.status().message()));
      return std::nullopt;
    }
    return *r;
  }

  std::optional<std::string> ReadString(const JsonNode& v, const std::string& path,
                                        std::string_view field) {
    if (v.kind != Kind::kString) {
      Report(DiagnosticKind::kType, v, path, field, KindName(v), "a string",
             absl::StrCat(AV(field), " must be a string"));
      return std::nullopt;
    }
    return v.text;
  }

  // A boolean.
  std::optional<bool> ReadBool(const JsonNode& v, const std::string& path, std::string_view field) {
    if (v.kind != Kind::kBool) {
      Report(DiagnosticKind::kType, v, path, field, KindName(v), "true or false",
             absl::StrCat(AV(field), " must be a boolean"));
      return std::nullopt;
    }
    return v.boolean;
  }

  // An enum value given as text, read by `parse` (each enum's own parser:
  // codes, and the Chinese labels where it takes them).
  template <typename E>
  std::optional<E> ReadEnum(const JsonNode& v, const std::string& path, std::string_view field,
                            std::optional<E> (*parse)(std::string_view), std::string expected,
                            std::string_view unknown_message) {
    std::optional<std::string> s = ReadString(v, path, field);
    if (!s) return std::nullopt;
    std::optional<E> e = parse(*s);
    if (!e) {
      Report(DiagnosticKind::kEnumValue, v, path, field, *s, std::move(expected),
             std::string(unknown_message));
    }
    return e;
  }

  void Rule(const JsonNode& v, const std::string& path, std::string_view code, Policy* policy) {
    const RuleSpec* spec = FindRuleSpec(code);
    if (spec == nullptr) {
      Report(DiagnosticKind::kUnknownReference, v, path, "rules", std::string(code),
             "a rule code of the catalog (see `perfbudget policy show defaults`)",
             absl::StrCat("unknown rule code \"", AV(code), "\""));
      return;
    }
    if (v.kind != Kind::kObject) {
      Report(DiagnosticKind::kType, v, path, code, KindName(v),
             "an object {\"enabled\", \"severity\", \"deduction\", \"params\"}",
             "a rule's settings must be an object");
      return;
    }
    RuleSetting& rule = policy->MutableRule(code);
    for (const auto& [key, child] : v.members) {
      const std::string p = MemberPath(path, key);
      if (key == "enabled") {
        if (std::optional<bool> b = ReadBool(child, p, key)) rule.enabled = *b;
      } else if (key == "severity") {
        if (std::optional<Severity> sev =
                ReadEnum(child, p, key, &ParseSeverity, "one of info, warning, error, blocker",
                         "unknown severity")) {
          rule.severity = *sev;
        }
      } else if (key == "deduction") {
        std::optional<Ratio> r = ReadRatio(child, p, key);
        if (!r) continue;
        if (r->is_negative()) {
          Report(DiagnosticKind::kValue, child, p, key, child.text, "a deduction ≥ 0",
                 "a deduction may not be negative");
        } else {
          rule.deduction = *r;
        }
      } else if (key == "params") {
        if (child.kind != Kind::kObject) {
          Report(DiagnosticKind::kType, child, p, key, KindName(child),
                 "an object of named numbers", "params must be an object");
          continue;
        }
        for (const JsonMember& param : child.members) {
          const std::string& pname = param.key;
          const JsonNode& pval = param.value;
          const std::string pp = MemberPath(p, pname);
          const bool known =
              std::any_of(spec->params.begin(), spec->params.end(),
                          [&pname](const RuleParamSpec& ps) { return ps.name == pname; });
          if (!known) {
            std::vector<std::string> names;
            for (const RuleParamSpec& ps : spec->params) names.emplace_back(ps.name);
            Report(DiagnosticKind::kValue, pval, pp, pname, pname,
                   names.empty() ? std::string("no parameters for this rule")
                                 : absl::StrCat("one of ", absl::StrJoin(names, ", ")),
                   absl::StrCat("unknown parameter \"", pname, "\" of rule ", AV(code)));
            continue;
          }
          std::optional<Ratio> r = ReadRatio(pval, pp, pname);
          if (r) {
            rule.params[pname] = *r;
            param_places_[absl::StrCat(AV(code), "\n", pname)] = {&pval, pp};
          }
        }
      } else {
        Report(DiagnosticKind::kValue, child, p, key, key, "enabled, severity, deduction or params",
               absl::StrCat("unknown field \"", key, "\""));
      }
    }
  }

  // ---- review sections (issue 14): "grading" and "review_library" --------

  // Every member of an object, or a report; `fn(key, child, path)`.
  template <typename Fn>
  void Members(const JsonNode& v, const std::string& path, std::string_view field,
               std::string_view expected, Fn&& fn) {
    if (v.kind != Kind::kObject) {
      Report(DiagnosticKind::kType, v, path, field, KindName(v), std::string(expected),
             absl::StrCat(AV(field), " must be an object"));
      return;
    }
    for (const auto& [key, child] : v.members) fn(key, child, MemberPath(path, key));
  }
  template <typename Fn>
  void Items(const JsonNode& v, const std::string& path, std::string_view field, Fn&& fn) {
    if (v.kind != Kind::kArray) {
      Report(DiagnosticKind::kType, v, path, field, KindName(v), "an array",
             absl::StrCat(AV(field), " must be an array"));
      return;
    }
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      fn(v.items[i], absl::StrCat(path, "[", i, "]"));
    }
  }
  std::vector<std::string> Strings(const JsonNode& v, const std::string& path,
                                   std::string_view field) {
    std::vector<std::string> out;
    Items(v, path, field, [&](const JsonNode& item, const std::string& p) {
      if (std::optional<std::string> s = ReadString(item, p, field)) out.push_back(*s);
    });
    return out;
  }
  void UnknownMember(const JsonNode& v, const std::string& path, std::string_view key,
                     std::string_view known) {
    Report(DiagnosticKind::kValue, v, path, key, key, std::string(known),
           absl::StrCat("unknown field \"", AV(key), "\""));
  }

  // "grading": {"caps": [{"severity": "error", "max_grade": "fair"}, ...]}
  // (the list replaces the base profile's caps).
  void ReviewGradingSection(const JsonNode& v, const std::string& path, Policy* policy) {
    ReviewGrading grading = policy->review_grading();
    Members(v, path, "grading", "an object {\"caps\": [...]}",
            [&](const std::string& key, const JsonNode& child, const std::string& p) {
              if (key != "caps") {
                UnknownMember(child, p, key, "caps");
                return;
              }
              grading.caps.clear();
              Items(child, p, key, [&](const JsonNode& item, const std::string& ip) {
                SeverityCap cap{Severity::kError, Grade::kFair};
                bool have_severity = false, have_grade = false;
                Members(item, ip, "caps", "an object {\"severity\", \"max_grade\"}",
                        [&](const std::string& k, const JsonNode& c, const std::string& cp) {
                          std::optional<std::string> s;
                          if (k == "severity") {
                            if ((s = ReadString(c, cp, k))) {
                              if (std::optional<Severity> sev = ParseSeverity(*s)) {
                                cap.severity = *sev;
                                have_severity = true;
                              } else {
                                Report(DiagnosticKind::kEnumValue, c, cp, k, *s,
                                       "one of info, warning, error, blocker", "unknown severity");
                              }
                            }
                          } else if (k == "max_grade") {
                            if ((s = ReadString(c, cp, k))) {
                              if (std::optional<Grade> g = ParseGrade(*s)) {
                                cap.max_grade = *g;
                                have_grade = true;
                              } else {
                                Report(DiagnosticKind::kEnumValue, c, cp, k, *s,
                                       "one of excellent, good, fair, poor (优 良 中 差)",
                                       "unknown grade");
                              }
                            }
                          } else {
                            UnknownMember(c, cp, k, "severity or max_grade");
                          }
                        });
                if (item.kind == Kind::kObject && (!have_severity || !have_grade)) {
                  Report(DiagnosticKind::kValue, item, ip, "caps", "",
                         "both \"severity\" and \"max_grade\"", "incomplete grade cap");
                } else if (have_severity && have_grade) {
                  grading.caps.push_back(cap);
                }
              });
            });
    policy->set_review_grading(std::move(grading));
  }

  CoreIndicator CoreIndicatorEntry(const JsonNode& v, const std::string& path) {
    CoreIndicator c;
    Members(v, path, "indicators", "an object {\"name\", \"level1\", ...}",
            [&](const std::string& k, const JsonNode& child, const std::string& p) {
              std::optional<std::string> s;
              if (k == "name") {
                if ((s = ReadString(child, p, k))) c.name = *s;
              } else if (k == "synonyms") {
                c.synonyms = Strings(child, p, k);
              } else if (k == "unit_of_measure" || k == "unit") {
                if ((s = ReadString(child, p, k))) c.unit = *s;
              } else if (k == "level1" || k == "level2" || k == "comparator") {
                if (!(s = ReadString(child, p, k))) return;
                bool ok = true;
                if (k == "level1") {
                  std::optional<IndicatorLevel1> x = ParseIndicatorLevel1(*s);
                  ok = x.has_value();
                  if (ok) c.level1 = *x;
                } else if (k == "level2") {
                  std::optional<IndicatorLevel2> x = ParseIndicatorLevel2(*s);
                  ok = x.has_value();
                  if (ok) c.level2 = *x;
                } else {
                  std::optional<Comparator> x = ParseComparator(*s);
                  ok = x.has_value();
                  if (ok) c.comparator = *x;
                }
                if (!ok) {
                  Report(DiagnosticKind::kEnumValue, child, p, k, *s,
                         "a code of the dataset format (docs/format.md)",
                         absl::StrCat("unknown ", AV(k)));
                }
              } else if (k == "low" || k == "high") {
                std::optional<Ratio> r = ReadRatio(child, p, k);
                if (r) (k == "low" ? c.low : c.high) = *r;
              } else if (k == "required") {
                if (child.kind != Kind::kBool) {
                  Report(DiagnosticKind::kType, child, p, k, KindName(child), "true or false",
                         "required must be a boolean");
                } else {
                  c.required = child.boolean;
                }
              } else {
                UnknownMember(child, p, k,
                              "name, synonyms, level1, level2, unit_of_measure, comparator, low, "
                              "high or required");
              }
            });
    if (c.name.empty()) {
      Report(DiagnosticKind::kValue, v, path, "name", "", "a non-empty name",
             "a core indicator needs a name");
    }
    return c;
  }

  UnitCostReference UnitCostEntry(const JsonNode& v, const std::string& path) {
    UnitCostReference u;
    Members(v, path, "unit_costs", "an object {\"quantity_unit\", \"low_yuan\", ...}",
            [&](const std::string& k, const JsonNode& child, const std::string& p) {
              std::optional<std::string> s;
              if (k == "quantity_unit") {
                if ((s = ReadString(child, p, k))) u.quantity_unit = *s;
              } else if (k == "low_yuan" || k == "high_yuan") {
                std::optional<Ratio> r = ReadRatio(child, p, k);
                if (r && !(*r > Ratio(0))) {
                  Report(DiagnosticKind::kValue, child, p, k, child.text, "a positive amount",
                         "a unit cost must be positive");
                } else if (r) {
                  (k == "low_yuan" ? u.low_yuan : u.high_yuan) = *r;
                }
              } else if (k == "basis") {
                if ((s = ReadString(child, p, k))) u.basis = *s;
              } else if (k == "indicator") {
                if ((s = ReadString(child, p, k))) u.indicator = *s;
              } else {
                UnknownMember(child, p, k,
                              "quantity_unit, low_yuan, high_yuan, basis or indicator");
              }
            });
    if (u.quantity_unit.empty() || u.high_yuan < u.low_yuan) {
      Report(DiagnosticKind::kValue, v, path, "unit_costs", "",
             "a quantity_unit and low_yuan ≤ high_yuan", "bad reference unit cost");
    }
    return u;
  }

  // "review_library": extends the base profile's library. Domains and
  // categories with an existing id / name get the new terms, aliases,
  // indicators and unit costs added; others are added whole.
  void ReviewLibrarySection(const JsonNode& v, const std::string& path, Policy* policy) {
    ReviewLibrary lib = policy->review_library();
    Members(v, path, "review_library", "an object (docs/policy.md, \"Core indicator library\")",
            [&](const std::string& key, const JsonNode& child, const std::string& p) {
              if (key == "common_terms") {
                for (std::string& t : Strings(child, p, key)) lib.common_terms.push_back(t);
              } else if (key == "dimensionless_suffixes") {
                for (std::string& t : Strings(child, p, key))
                  lib.dimensionless_suffixes.push_back(t);
              } else if (key == "domains") {
                Items(child, p, key, [&](const JsonNode& item, const std::string& ip) {
                  TermDomain d;
                  Members(item, ip, key, "an object {\"id\", \"label_zh\", \"terms\"}",
                          [&](const std::string& k, const JsonNode& c, const std::string& cp) {
                            std::optional<std::string> s;
                            if (k == "id") {
                              if ((s = ReadString(c, cp, k))) d.id = *s;
                            } else if (k == "label_zh") {
                              if ((s = ReadString(c, cp, k))) d.label_zh = *s;
                            } else if (k == "label_en") {
                              if ((s = ReadString(c, cp, k))) d.label_en = *s;
                            } else if (k == "terms") {
                              d.terms = Strings(c, cp, k);
                            } else {
                              UnknownMember(c, cp, k, "id, label_zh, label_en or terms");
                            }
                          });
                  if (d.id.empty()) {
                    Report(DiagnosticKind::kValue, item, ip, "id", "", "a non-empty id",
                           "a domain needs an id");
                    return;
                  }
                  for (TermDomain& e : lib.domains) {
                    if (e.id != d.id) continue;
                    e.terms.insert(e.terms.end(), d.terms.begin(), d.terms.end());
                    if (!d.label_zh.empty()) e.label_zh = d.label_zh;
                    if (!d.label_en.empty()) e.label_en = d.label_en;
                    return;
                  }
                  if (d.label_zh.empty()) d.label_zh = d.id;
                  if (d.label_en.empty()) d.label_en = d.id;
                  lib.domains.push_back(std::move(d));
                });
              } else if (key == "unit_scales") {
                Items(child, p, key, [&](const JsonNode& item, const std::string& ip) {
                  UnitScale u;
                  Members(item, ip, key, "an object {\"unit\", \"base\", \"factor\"}",
                          [&](const std::string& k, const JsonNode& c, const std::string& cp) {
                            std::optional<std::string> s;
                            if (k == "unit") {
                              if ((s = ReadString(c, cp, k))) u.unit = *s;
                            } else if (k == "base") {
                              if ((s = ReadString(c, cp, k))) u.base = *s;
                            } else if (k == "factor") {
                              if (std::optional<Ratio> r = ReadRatio(c, cp, k)) u.factor = *r;
                            } else {
                              UnknownMember(c, cp, k, "unit, base or factor");
                            }
                          });
                  if (u.unit.empty() || u.base.empty() || !(u.factor > Ratio(0))) {
                    Report(DiagnosticKind::kValue, item, ip, key, "",
                           "a unit, a base and a positive factor", "bad unit scale");
                    return;
                  }
                  lib.unit_scales.push_back(std::move(u));
                });
              } else if (key == "categories") {
                Items(child, p, key, [&](const JsonNode& item, const std::string& ip) {
                  CategoryLibrary cat;
                  Members(item, ip, key, "an object {\"category\", \"indicators\", ...}",
                          [&](const std::string& k, const JsonNode& c, const std::string& cp) {
                            std::optional<std::string> s;
                            if (k == "category") {
                              if ((s = ReadString(c, cp, k))) cat.category = *s;
                            } else if (k == "aliases") {
                              cat.aliases = Strings(c, cp, k);
                            } else if (k == "domains") {
                              cat.domains = Strings(c, cp, k);
                            } else if (k == "indicators") {
                              Items(c, cp, k, [&](const JsonNode& x, const std::string& xp) {
                                cat.indicators.push_back(CoreIndicatorEntry(x, xp));
                              });
                            } else if (k == "unit_costs") {
                              Items(c, cp, k, [&](const JsonNode& x, const std::string& xp) {
                                cat.unit_costs.push_back(UnitCostEntry(x, xp));
                              });
                            } else {
                              UnknownMember(c, cp, k,
                                            "category, aliases, domains, indicators or "
                                            "unit_costs");
                            }
                          });
                  if (cat.category.empty()) {
                    Report(DiagnosticKind::kValue, item, ip, "category", "", "a non-empty category",
                           "a library category needs a name");
                    return;
                  }
                  for (CategoryLibrary& e : lib.categories) {
                    if (e.category != cat.category) continue;
                    auto append = [](auto& to, auto& from) {
                      to.insert(to.end(), from.begin(), from.end());
                    };
                    append(e.aliases, cat.aliases);
                    append(e.domains, cat.domains);
                    append(e.indicators, cat.indicators);
                    append(e.unit_costs, cat.unit_costs);
                    return;
                  }
                  lib.categories.push_back(std::move(cat));
                });
              } else {
                UnknownMember(child, p, key,
                              "common_terms, dimensionless_suffixes, domains, unit_scales or "
                              "categories");
              }
            });
    policy->set_review_library(std::move(lib));
  }

  void Bands(const JsonNode& v, const std::string& path, Policy* policy) {
    if (v.kind != Kind::kArray || v.items.empty()) {
      Report(DiagnosticKind::kType, v, path, "grade_bands", KindName(v),
             "a non-empty array of {\"grade\", \"min\"}, best grade first", "bad grade bands");
      return;
    }
    std::vector<GradeBand> bands;
    bool ok = true;
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      const JsonNode& item = v.items[i];
      const std::string p = absl::StrCat(path, "[", i, "]");
      if (item.kind != Kind::kObject) {
        Report(DiagnosticKind::kType, item, p, "grade_bands", KindName(item),
               "an object {\"grade\", \"min\"}", "a grade band must be an object");
        ok = false;
        continue;
      }
      GradeBand band;
      bool have_grade = false;
      bool have_min = false;
      for (const auto& [key, child] : item.members) {
        const std::string pp = MemberPath(p, key);
        if (key == "grade") {
          std::optional<Grade> g =
              ReadEnum(child, pp, key, &ParseGrade,
                       "one of excellent, good, fair, poor (优 良 中 差)", "unknown grade");
          if (g) {
            band.grade = *g;
            have_grade = true;
          }
        } else if (key == "min") {
          std::optional<Ratio> r = ReadRatio(child, pp, key);
          if (r && (r->is_negative() || *r > Ratio(100))) {
            Report(DiagnosticKind::kValue, child, pp, key, child.text, "a score in 0..100",
                   "a band's minimum must be within 0..100");
            r.reset();
          }
          if (r) {
            band.min = *r;
            have_min = true;
          }
        } else {
          Report(DiagnosticKind::kValue, child, pp, key, key, "grade or min",
                 absl::StrCat("unknown field \"", key, "\""));
        }
      }
      if (!have_grade || !have_min) {
        ok = false;
        continue;
      }
      if (!bands.empty()) {
        const GradeBand& prev = bands.back();
        if (!(band.min < prev.min) ||
            static_cast<int>(band.grade) <= static_cast<int>(prev.grade)) {
          Report(DiagnosticKind::kValue, item, p, "grade_bands", band.min.ToShortString(6),
                 "bands best grade first, each minimum strictly below the previous one",
                 "grade bands overlap or are not sorted");
          ok = false;
        }
      }
      bands.push_back(band);
    }
    if (ok && !bands.empty() && !bands.back().min.is_zero()) {
      Report(DiagnosticKind::kValue, v, path, "grade_bands", bands.back().min.ToShortString(6),
             "the last band starting at 0",
             "grade bands leave scores below the last band ungraded");
      ok = false;
    }
    if (ok) policy->set_grade_bands(std::move(bands));
  }

  void Split(const JsonNode& v, const std::string& path, Policy* policy) {
    if (v.kind != Kind::kObject) {
      Report(DiagnosticKind::kType, v, path, "split", KindName(v),
             "an object {\"method\", \"priority\"}", "split must be an object");
      return;
    }
    for (const auto& [key, child] : v.members) {
      const std::string p = MemberPath(path, key);
      if (key == "method") {
        if (std::optional<SplitMethod> m =
                ReadEnum(child, p, key, &ParseSplitMethod, "proportional or priority",
                         "unknown split method")) {
          policy->set_split_method(*m);
        }
      } else if (key == "priority") {
        if (child.kind != Kind::kArray) {
          Report(DiagnosticKind::kType, child, p, key, KindName(child), "an array of fund sources",
                 "priority must be an array");
          continue;
        }
        std::vector<FundSource> order;
        for (std::size_t i = 0; i < child.items.size(); ++i) {
          const std::string ip = absl::StrCat(p, "[", i, "]");
          std::vector<std::string> codes;
          for (std::string_view c : AllCodes(FundSource{})) codes.emplace_back(c);
          if (std::optional<FundSource> f = ReadEnum(
                  child.items[i], ip, key, &ParseFundSource,
                  absl::StrCat("one of ", absl::StrJoin(codes, ", ")), "unknown fund source")) {
            order.push_back(*f);
          }
        }
        policy->set_split_priority(std::move(order));
      } else {
        Report(DiagnosticKind::kValue, child, p, key, key, "method or priority",
               absl::StrCat("unknown field \"", key, "\""));
      }
    }
  }

  // The orders the analyses rely on (ParamOrderSpec): each one broken is
  // reported where this profile set one of its values (else at the root).
  void CheckOrders(const JsonNode& root, const Policy& policy) {
    for (std::span<const ParamOrderSpec> orders : AllParamOrders()) {
      for (const ParamOrderSpec& order : orders) CheckOrder(root, policy, order);
    }
  }

 private:
  struct Place {
    const JsonNode* node = nullptr;
    std::string path;
  };

  static Ratio BoundValue(const Policy& policy, const ParamBound& b) {
    if (b.code.empty()) return Ratio::ParseDecimal(b.value).value_or(Ratio());
    return policy.Param(b.code, b.param);
  }
  static std::string BoundName(const ParamBound& b) {
    return b.code.empty() ? std::string(b.value) : absl::StrCat(AV(b.code), ".", AV(b.param));
  }
  const Place* PlaceOf(const ParamBound& b) const {
    if (b.code.empty()) return nullptr;
    const auto it = param_places_.find(absl::StrCat(AV(b.code), "\n", AV(b.param)));
    return it == param_places_.end() ? nullptr : &it->second;
  }

  void CheckOrder(const JsonNode& root, const Policy& policy, const ParamOrderSpec& order) {
    if (order.when_enabled) {
      for (const ParamBound* b : {&order.low, &order.high}) {
        if (!b->code.empty() && !policy.Enabled(b->code)) return;
      }
    }
    const Ratio low = BoundValue(policy, order.low);
    const Ratio high = BoundValue(policy, order.high);
    if (order.strict ? low < high : low <= high) return;
    // Placed at the value this profile set (the later one when it set both).
    const Place* low_place = PlaceOf(order.low);
    const Place* high_place = PlaceOf(order.high);
    const Place* place = low_place;
    const ParamBound* culprit = &order.low;
    if (high_place != nullptr &&
        (place == nullptr || high_place->node->offset > place->node->offset)) {
      place = high_place;
      culprit = &order.high;
    }
    if (place == nullptr && order.low.code.empty()) culprit = &order.high;
    const std::string relation = order.strict ? " < " : " ≤ ";
    const std::string low_text =
        absl::StrCat(BoundName(order.low), " (", low.ToShortString(6), ")");
    const std::string high_text =
        absl::StrCat(BoundName(order.high), " (", high.ToShortString(6), ")");
    Report(DiagnosticKind::kValue, place != nullptr ? *place->node : root,
           place != nullptr ? place->path : "$", culprit->param,
           (culprit == &order.low ? low : high).ToShortString(6),
           absl::StrCat(BoundName(order.low), relation, BoundName(order.high)),
           absl::StrCat("inconsistent policy: ", AV(order.problem), ": ", low_text,
                        order.strict ? " must be below " : " must not exceed ", high_text));
  }

  Diagnostics* diags_;
  std::string_view file_;
  LineTracker lines_;
  // Where this profile set each rule parameter ("code\nparam").
  std::map<std::string, Place, std::less<>> param_places_;
  int errors_ = 0;
};

absl::StatusOr<Policy> Load(std::string_view text, Diagnostics* diagnostics, std::string_view file,
                            int depth, const PolicyLoadOptions& options = {});

// ---- the "self_evaluation" and "result_application" sections -----------------
//
// docs/evaluation.md: the self-evaluation scoring and the result application
// (结果应用) as policy data, read with the Loader's own value readers.

// A number in lo..hi (hi < 0: no upper bound).
std::optional<Ratio> ReadBounded(Loader& l, const JsonNode& v, const std::string& path,
                                 std::string_view field, int lo, int hi) {
  std::optional<Ratio> r = l.ReadRatio(v, path, field);
  if (r && (*r < Ratio(lo) || (hi >= 0 && *r > Ratio(hi)))) {
    l.Report(DiagnosticKind::kValue, v, path, field, v.text,
             hi >= 0 ? absl::StrCat("a number in ", lo, "..", hi) : absl::StrCat("a number ≥ ", lo),
             absl::StrCat(AV(field), " is out of range"));
    return std::nullopt;
  }
  return r;
}

void SelfEvaluationSection(Loader& l, const JsonNode& v, const std::string& path, Policy* policy) {
  if (v.kind != Kind::kObject) {
    l.Report(DiagnosticKind::kType, v, path, "self_evaluation", KindName(v), "an object",
             "self_evaluation must be an object");
    return;
  }
  SelfEvaluationPolicy sp = policy->self_evaluation();
  for (const auto& [key, child] : v.members) {
    const std::string p = MemberPath(path, key);
    if (key == "points") {
      if (child.kind != Kind::kObject) {
        l.Report(DiagnosticKind::kType, child, p, key, KindName(child),
                 "an object {\"output\", \"benefit\", \"satisfaction\", \"execution\", \"cost\"}",
                 "points must be an object");
        continue;
      }
      for (const auto& [name, pv] : child.members) {
        const std::string pp = MemberPath(p, name);
        Ratio* target = name == "output"         ? &sp.output_points
                        : name == "benefit"      ? &sp.benefit_points
                        : name == "satisfaction" ? &sp.satisfaction_points
                        : name == "execution"    ? &sp.execution_points
                        : name == "cost"         ? &sp.cost_points
                                                 : nullptr;
        if (target == nullptr) {
          l.Report(DiagnosticKind::kValue, pv, pp, name, name,
                   "output, benefit, satisfaction, execution or cost",
                   absl::StrCat("unknown block \"", name, "\""));
          continue;
        }
        if (auto r = ReadBounded(l, pv, pp, name, 0, 100)) *target = *r;
      }
    } else if (key == "cost_in_output") {
      if (auto b = l.ReadBool(child, p, key)) sp.cost_in_output = *b;
    } else if (key == "qualitative_percent") {
      if (child.kind != Kind::kObject) {
        l.Report(DiagnosticKind::kType, child, p, key, KindName(child),
                 "an object {\"achieved\", \"partly_achieved\", \"not_achieved\"}",
                 "qualitative_percent must be an object");
        continue;
      }
      for (const auto& [name, pv] : child.members) {
        const std::string pp = MemberPath(p, name);
        Ratio* target = name == "achieved"          ? &sp.achieved_percent
                        : name == "partly_achieved" ? &sp.partly_achieved_percent
                        : name == "not_achieved"    ? &sp.not_achieved_percent
                                                    : nullptr;
        if (target == nullptr) {
          l.Report(DiagnosticKind::kValue, pv, pp, name, name,
                   "achieved, partly_achieved or not_achieved",
                   absl::StrCat("unknown qualitative grade \"", name, "\""));
          continue;
        }
        if (auto r = ReadBounded(l, pv, pp, name, 0, 100)) *target = *r;
      }
    } else if (key == "redistribute_missing_blocks") {
      if (auto b = l.ReadBool(child, p, key)) sp.redistribute_missing_blocks = *b;
    } else if (key == "far_below_percent") {
      if (auto r = ReadBounded(l, child, p, key, 0, 100)) sp.far_below_percent = *r;
    } else if (key == "self_score_tolerance") {
      if (auto r = ReadBounded(l, child, p, key, 0, 100)) sp.self_score_tolerance = *r;
    } else if (key == "grade_bands") {
      // Read with the policy's own band rules, into a scratch policy.
      Policy scratch;
      const int before = l.errors();
      l.Bands(child, p, &scratch);
      if (l.errors() == before) sp.grade_bands = scratch.grade_bands();
    } else {
      l.Report(DiagnosticKind::kValue, child, p, key, key,
               "points, cost_in_output, qualitative_percent, redistribute_missing_blocks, "
               "far_below_percent, self_score_tolerance or grade_bands",
               absl::StrCat("unknown field \"", key, "\""));
    }
  }
  policy->set_self_evaluation(std::move(sp));
}

void ResultApplicationSection(Loader& l, const JsonNode& v, const std::string& path,
                              Policy* policy) {
  if (v.kind != Kind::kObject) {
    l.Report(DiagnosticKind::kType, v, path, "result_application", KindName(v), "an object",
             "result_application must be an object");
    return;
  }
  ResultApplicationPolicy rp = policy->result_application();
  for (const auto& [key, child] : v.members) {
    const std::string p = MemberPath(path, key);
    if (key == "grades") {
      if (child.kind != Kind::kObject) {
        l.Report(DiagnosticKind::kType, child, p, key, KindName(child),
                 "an object keyed by grade (excellent, good, fair, poor)",
                 "grades must be an object");
        continue;
      }
      for (const auto& [gname, gv] : child.members) {
        const std::string gp = MemberPath(p, gname);
        std::optional<Grade> g = ParseGrade(gname);
        if (!g) {
          l.Report(DiagnosticKind::kEnumValue, gv, gp, gname, gname,
                   "one of excellent, good, fair, poor (优 良 中 差)", "unknown grade");
          continue;
        }
        if (gv.kind != Kind::kObject) {
          l.Report(DiagnosticKind::kType, gv, gp, gname, KindName(gv),
                   "an object {\"action\", \"cut_percent\"}",
                   "a grade's consequence must be an object");
          continue;
        }
        GradeConsequence& c = rp.by_grade[static_cast<std::size_t>(*g)];
        for (const auto& [ckey, cv] : gv.members) {
          const std::string cp = MemberPath(gp, ckey);
          if (ckey == "action") {
            std::optional<std::string> s = l.ReadString(cv, cp, ckey);
            if (!s) continue;
            std::optional<ResultAction> a = ParseResultAction(*s);
            if (!a || *a == ResultAction::kMerge) {
              l.Report(DiagnosticKind::kEnumValue, cv, cp, ckey, *s,
                       "one of priority, keep, cut, cancel", "unknown result action");
            } else {
              c.action = *a;
            }
          } else if (ckey == "cut_percent") {
            if (auto r = ReadBounded(l, cv, cp, ckey, 0, 100)) c.cut_percent = *r;
          } else {
            l.Report(DiagnosticKind::kValue, cv, cp, ckey, ckey, "action or cut_percent",
                     absl::StrCat("unknown field \"", ckey, "\""));
          }
        }
      }
    } else if (key == "merge_markers") {
      if (child.kind != Kind::kArray) {
        l.Report(DiagnosticKind::kType, child, p, key, KindName(child), "an array of strings",
                 "merge_markers must be an array");
        continue;
      }
      std::vector<std::string> markers;
      for (std::size_t i = 0; i < child.items.size(); ++i) {
        const std::string ip = absl::StrCat(p, "[", i, "]");
        std::optional<std::string> s = l.ReadString(child.items[i], ip, key);
        if (s && s->empty()) {
          l.Report(DiagnosticKind::kValue, child.items[i], ip, key, "", "a non-empty marker",
                   "an empty merge marker would match every suggestion");
        } else if (s) {
          markers.push_back(*s);
        }
      }
      rp.merge_markers = std::move(markers);
    } else if (key == "merge_cut_percent") {
      if (auto r = ReadBounded(l, child, p, key, 0, 100)) rp.merge_cut_percent = *r;
    } else if (key == "kinds") {
      if (child.kind != Kind::kArray) {
        l.Report(DiagnosticKind::kType, child, p, key, KindName(child),
                 "an array of evaluation kinds (self, fiscal, third_party)",
                 "kinds must be an array");
        continue;
      }
      std::vector<EvaluationKind> kinds;
      for (std::size_t i = 0; i < child.items.size(); ++i) {
        const std::string ip = absl::StrCat(p, "[", i, "]");
        std::optional<std::string> s = l.ReadString(child.items[i], ip, key);
        if (!s) continue;
        std::optional<EvaluationKind> k = ParseEvaluationKind(*s);
        if (!k) {
          l.Report(DiagnosticKind::kEnumValue, child.items[i], ip, key, *s,
                   "one of self, fiscal, third_party", "unknown evaluation kind");
        } else {
          kinds.push_back(*k);
        }
      }
      rp.kinds = std::move(kinds);
    } else {
      l.Report(DiagnosticKind::kValue, child, p, key, key,
               "grades, merge_markers, merge_cut_percent or kinds",
               absl::StrCat("unknown field \"", key, "\""));
    }
  }
  policy->set_result_application(std::move(rp));
}

// Both sections as members of the profile's object, each on one line.
void WriteEvaluationSections(const Policy& policy, std::string (*num)(const Ratio&),
                             JsonWriter& w) {
  const SelfEvaluationPolicy& sp = policy.self_evaluation();
  w.Key("self_evaluation").BeginObject(/*one_line=*/true);
  w.Key("points").BeginObject();
  w.Key("output").Raw(num(sp.output_points));
  w.Key("benefit").Raw(num(sp.benefit_points));
  w.Key("satisfaction").Raw(num(sp.satisfaction_points));
  w.Key("execution").Raw(num(sp.execution_points));
  w.Key("cost").Raw(num(sp.cost_points));
  w.EndObject();
  w.Key("cost_in_output").Bool(sp.cost_in_output);
  w.Key("qualitative_percent").BeginObject();
  w.Key("achieved").Raw(num(sp.achieved_percent));
  w.Key("partly_achieved").Raw(num(sp.partly_achieved_percent));
  w.Key("not_achieved").Raw(num(sp.not_achieved_percent));
  w.EndObject();
  w.Key("redistribute_missing_blocks").Bool(sp.redistribute_missing_blocks);
  w.Key("far_below_percent").Raw(num(sp.far_below_percent));
  w.Key("self_score_tolerance").Raw(num(sp.self_score_tolerance));
  w.Key("grade_bands").BeginArray();
  for (const GradeBand& b : sp.grade_bands) {
    w.BeginObject().Key("grade").String(CodeOf(b.grade)).Key("min").Raw(num(b.min)).EndObject();
  }
  w.EndArray().EndObject();
  const ResultApplicationPolicy& rp = policy.result_application();
  w.Key("result_application").BeginObject(/*one_line=*/true);
  w.Key("grades").BeginObject();
  for (std::size_t g = 0; g < rp.by_grade.size(); ++g) {
    w.Key(CodeOf(static_cast<Grade>(g))).BeginObject();
    w.Key("action").String(CodeOf(rp.by_grade[g].action));
    w.Key("cut_percent").Raw(num(rp.by_grade[g].cut_percent));
    w.EndObject();
  }
  w.EndObject();
  w.Key("merge_markers").BeginArray();
  for (const std::string& m : rp.merge_markers) w.String(m);
  w.EndArray();
  w.Key("merge_cut_percent").Raw(num(rp.merge_cut_percent));
  w.Key("kinds").BeginArray();
  for (EvaluationKind k : rp.kinds) w.String(CodeOf(k));
  w.EndArray().EndObject();
}

absl::StatusOr<Policy> BuiltinAt(std::string_view name, int depth) {
  if (name == "defaults") return DefaultPolicy();
  for (const BuiltinProfile& p : BuiltinProfiles()) {
    if (p.name == name) {
      Diagnostics d;
      absl::StatusOr<Policy> policy =
          Load(p.json, &d, absl::StrCat("<builtin ", AV(name), ">"), depth + 1);
      if (!policy.ok()) return d.ToStatus(absl::StrCat("built-in policy ", AV(name)));
      return policy;
    }
  }
  return absl::NotFoundError(
      absl::StrCat("no built-in policy \"", AV(name),
                   "\"; built-in policies: ", absl::StrJoin(BuiltinPolicyNames(), ", ")));
}

absl::StatusOr<Policy> Load(std::string_view text, Diagnostics* diagnostics, std::string_view file,
                            int depth, const PolicyLoadOptions& options) {
  Diagnostics local;
  Diagnostics* diags = diagnostics != nullptr ? diagnostics : &local;
  const std::size_t before = diags->size() + diags->dropped();
  // A UTF-8 byte-order mark (Windows editors write one) is not part of the text.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.size() > options.max_file_bytes) {
    // Text handed over in memory (a file over the limit is refused by its size).
    Diagnostic d;
    d.kind = DiagnosticKind::kIo;
    d.where.file = std::string(file);
    d.expected = "a profile within PolicyLoadOptions::max_file_bytes";
    d.message = absl::StrCat("the policy is ", text.size(), " bytes, over the ",
                             options.max_file_bytes, "-byte limit");
    const std::string message = absl::StrCat("policy ", AV(file), ": ", d.message);
    diags->Add(std::move(d));
    return absl::ResourceExhaustedError(message);
  }
  Loader loader(diags, text, file);
  json_internal::SyntaxProblem problem;
  std::optional<JsonNode> parsed =
      json_internal::ParseJsonTree(text, std::clamp(options.max_depth, 1, kMaxJsonDepth), &problem);
  if (!parsed.has_value()) {
    Diagnostic d;
    d.kind = DiagnosticKind::kSyntax;
    d.where.file = std::string(file);
    const auto [line, column] = LineTracker(text).At(problem.offset);
    d.where.line = line;
    d.where.column = column;
    d.where.path = "$";
    d.value = Truncate(text.substr(std::min(problem.offset, text.size()), 20));
    d.expected = "a JSON policy profile (docs/policy.md)";
    d.message = absl::StrCat("JSON syntax error: ", problem.message);
    diags->Add(std::move(d));
    return absl::InvalidArgumentError(
        absl::StrCat("policy ", AV(file), ": JSON syntax error: ", problem.message));
  }
  const JsonNode& root = *parsed;
  if (root.kind != Kind::kObject) {
    loader.Report(DiagnosticKind::kType, root, "$", "", KindName(root), "an object",
                  "a policy must be a JSON object");
    return diags->ToStatus("policy");
  }
  // The base: `extends` first.
  Policy policy = DefaultPolicy();
  for (const auto& [key, child] : root.members) {
    if (key != "extends") continue;
    std::optional<std::string> base = loader.ReadString(child, "$.extends", key);
    if (!base) continue;
    if (depth > 8) {
      loader.Report(DiagnosticKind::kValue, child, "$.extends", key, *base, "a shorter chain",
                    "extends chain too deep");
      continue;
    }
    absl::StatusOr<Policy> b = BuiltinAt(*base, depth);
    if (!b.ok()) {
      std::vector<std::string> names = BuiltinPolicyNames();
      loader.Report(DiagnosticKind::kEnumValue, child, "$.extends", key, *base,
                    absl::StrCat("a built-in policy: ", absl::StrJoin(names, ", ")),
                    std::string(b.status().message()));
      continue;
    }
    policy = *std::move(b);
  }
  policy.set_name(file.empty() ? "custom" : std::string(file));
  for (const auto& [key, child] : root.members) {
    const std::string path = MemberPath("$", key);
    if (key == "extends") continue;
    if (key == "format") {
      std::optional<std::string> s = loader.ReadString(child, path, key);
      if (s && *s != kFormatName) {
        loader.Report(DiagnosticKind::kFormat, child, path, key, *s, std::string(kFormatName),
                      "not a perfbudget policy profile");
      }
    } else if (key == "version") {
      if (child.kind != Kind::kNumber || child.text != absl::StrCat(kFormatVersion)) {
        loader.Report(DiagnosticKind::kFormat, child, path, key, child.text, "1",
                      "unsupported policy format version");
      }
    } else if (key == "name") {
      if (std::optional<std::string> s = loader.ReadString(child, path, key)) policy.set_name(*s);
    } else if (key == "description") {
      if (std::optional<std::string> s = loader.ReadString(child, path, key))
        policy.set_description(*s);
    } else if (key == "decimals") {
      std::optional<Ratio> r = loader.ReadRatio(child, path, key);
      if (r && (!r->is_integer() || r->is_negative() || *r > Ratio(10))) {
        loader.Report(DiagnosticKind::kValue, child, path, key, child.text, "an integer 0..10",
                      "bad number of decimals");
      } else if (r) {
        policy.set_decimals(static_cast<int>(r->numerator()));
      }
    } else if (key == "time_progress") {
      if (std::optional<TimeProgressMethod> m =
              loader.ReadEnum(child, path, key, &ParseTimeProgressMethod, "months or days",
                              "unknown time progress method")) {
        policy.set_time_progress_method(*m);
      }
    } else if (key == "split") {
      loader.Split(child, path, &policy);
    } else if (key == "grade_bands") {
      loader.Bands(child, path, &policy);
    } else if (key == "self_evaluation") {
      SelfEvaluationSection(loader, child, path, &policy);
    } else if (key == "result_application") {
      ResultApplicationSection(loader, child, path, &policy);
    } else if (key == "grading") {
      loader.ReviewGradingSection(child, path, &policy);
    } else if (key == "review_library") {
      loader.ReviewLibrarySection(child, path, &policy);
    } else if (key == "rules") {
      if (child.kind != Kind::kObject) {
        loader.Report(DiagnosticKind::kType, child, path, key, KindName(child),
                      "an object keyed by rule code", "rules must be an object");
        continue;
      }
      for (const auto& [code, rule] : child.members) {
        loader.Rule(rule, MemberPath(path, code), code, &policy);
      }
    } else {
      loader.Report(DiagnosticKind::kValue, child, path, key, key,
                    "format, version, name, description, extends, decimals, time_progress, split, "
                    "grade_bands, self_evaluation, result_application, grading, review_library or "
                    "rules",
                    absl::StrCat("unknown field \"", key, "\""));
    }
  }
  loader.CheckOrders(root, policy);
  if (diags->size() + diags->dropped() > before) return diags->ToStatus("policy");
  return policy;
}

// ---- writing --------------------------------------------------------------------

std::string Num(const Ratio& r) { return r.ToShortString(12); }

}  // namespace

std::vector<std::string> BuiltinPolicyNames() {
  std::vector<std::string> names = {"defaults"};
  for (const BuiltinProfile& p : BuiltinProfiles()) names.emplace_back(p.name);
  return names;
}

// The public entry points report running out of memory as ResourceExhausted
// (base/out_of_memory.h), never by throwing.
absl::StatusOr<Policy> BuiltinPolicy(std::string_view name) try {
  return BuiltinAt(name, 0);
} catch (const std::bad_alloc&) {
  return OutOfMemory("loading a built-in policy");
}

absl::StatusOr<std::string> BuiltinPolicyJson(std::string_view name) try {
  if (name == "defaults") return PolicyToJson(DefaultPolicy());
  for (const BuiltinProfile& p : BuiltinProfiles()) {
    if (p.name == name) return std::string(p.json);
  }
  return absl::NotFoundError(
      absl::StrCat("no built-in policy \"", AV(name),
                   "\"; built-in policies: ", absl::StrJoin(BuiltinPolicyNames(), ", ")));
} catch (const std::bad_alloc&) {
  return OutOfMemory("writing a built-in policy");
}

absl::StatusOr<Policy> LoadPolicyJson(std::string_view text, Diagnostics* diagnostics,
                                      std::string_view file_name) {
  return LoadPolicyJson(text, PolicyLoadOptions{}, diagnostics, file_name);
}

absl::StatusOr<Policy> LoadPolicyJson(std::string_view text, const PolicyLoadOptions& options,
                                      Diagnostics* diagnostics, std::string_view file_name) try {
  return Load(text, diagnostics, file_name, 0, options);
} catch (const std::bad_alloc&) {
  return OutOfMemory("loading a policy");
}

absl::StatusOr<Policy> LoadPolicyFile(const std::string& path, Diagnostics* diagnostics) {
  return LoadPolicyFile(path, PolicyLoadOptions{}, diagnostics);
}

absl::StatusOr<Policy> LoadPolicyFile(const std::string& path, const PolicyLoadOptions& options,
                                      Diagnostics* diagnostics) try {
  // The guarded reader: a FIFO, device or directory is refused at once.
  absl::StatusOr<std::string> text =
      ReadFile(path, {.max_bytes = options.max_file_bytes, .what = "the policy file"});
  if (!text.ok()) {
    if (diagnostics != nullptr) {
      Diagnostic d;
      d.kind = DiagnosticKind::kIo;
      d.where.file = path;
      d.expected = "a readable JSON policy file, or a built-in policy name";
      d.message = std::string(text.status().message());
      diagnostics->Add(std::move(d));
    }
    return text.status();
  }
  return Load(*text, diagnostics, path, 0, options);
} catch (const std::bad_alloc&) {
  return OutOfMemory("loading a policy file");
}

absl::StatusOr<Policy> ResolvePolicy(std::string_view name_or_path, Diagnostics* diagnostics) try {
  for (const std::string& n : BuiltinPolicyNames()) {
    if (n == name_or_path) return BuiltinPolicy(name_or_path);
  }
  return LoadPolicyFile(std::string(name_or_path), diagnostics);
} catch (const std::bad_alloc&) {
  return OutOfMemory("loading a policy");
}

std::string PolicyToJson(const Policy& policy) {
  // The library's one JSON writer: pretty at the top, one line per section
  // value and per rule.
  JsonWriter w;
  w.BeginObject();
  w.Key("format").String(kFormatName);
  w.Key("version").Int(kFormatVersion);
  w.Key("name").String(policy.name());
  w.Key("description").String(policy.description());
  w.Key("decimals").Int(policy.decimals());
  w.Key("time_progress")
      .String(policy.time_progress_method() == TimeProgressMethod::kDays ? "days" : "months");
  w.Key("split").BeginObject(/*one_line=*/true);
  w.Key("method").String(policy.split_method() == SplitMethod::kPriority ? "priority"
                                                                         : "proportional");
  w.Key("priority").BeginArray();
  for (FundSource f : policy.split_priority()) w.String(CodeOf(f));
  w.EndArray().EndObject();
  w.Key("grade_bands").BeginArray(/*one_line=*/true);
  for (const GradeBand& b : policy.grade_bands()) {
    w.BeginObject().Key("grade").String(CodeOf(b.grade)).Key("min").Raw(Num(b.min)).EndObject();
  }
  w.EndArray();
  // The review's grade caps (the review library is not written: it is data,
  // not settings; `perfbudget indicators categories` lists it).
  w.Key("grading").BeginObject(/*one_line=*/true).Key("caps").BeginArray();
  for (const SeverityCap& cap : policy.review_grading().caps) {
    w.BeginObject()
        .Key("severity")
        .String(CodeOf(cap.severity))
        .Key("max_grade")
        .String(CodeOf(cap.max_grade))
        .EndObject();
  }
  w.EndArray().EndObject();
  WriteEvaluationSections(policy, &Num, w);
  w.Key("rules").BeginObject();
  for (const auto& [code, rule] : policy.rules()) {
    w.Key(code).BeginObject(/*one_line=*/true);
    w.Key("enabled").Bool(rule.enabled);
    w.Key("severity").String(CodeOf(rule.severity));
    w.Key("deduction").Raw(Num(rule.deduction));
    w.Key("params").BeginObject();
    for (const auto& [name, value] : rule.params) w.Key(name).Raw(Num(value));
    w.EndObject().EndObject();
  }
  w.EndObject().EndObject();
  return w.Finish();
}

}  // namespace perfbudget
