// policy_json.cc: policy profiles as JSON (docs/policy.md): loading with
// precise diagnostics, `extends`, the built-in profiles, and writing.
//
// Profiles are small; they are read by a little recursive-descent parser of
// our own that keeps every value's line and column and every number's exact
// text (no binary floating point anywhere).
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/absl_compat.h"
#include "perfbudget/io/json_text.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/policy/rule_catalog.h"
#include "policy/builtin_profiles.h"

namespace perfbudget {
namespace {

constexpr std::string_view kFormatName = "perfbudget-policy";
constexpr int kFormatVersion = 1;

// ---- a small JSON tree with positions -------------------------------------------

struct JValue {
  enum Kind { kNull, kBool, kNumber, kString, kArray, kObject } kind = kNull;
  bool b = false;
  std::string text;  // string contents, or a number's exact text
  std::vector<JValue> items;
  std::vector<std::pair<std::string, JValue>> members;
  int line = 0;
  int column = 0;
};

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  bool Parse(JValue* out) {
    Space();
    if (!Value(out, 0)) return false;
    Space();
    if (pos_ < s_.size()) return Fail("unexpected content after the end of the document");
    return true;
  }
  const std::string& error() const { return error_; }
  int line() const { return line_; }
  int column() const { return column_; }

 private:
  bool Fail(std::string message) {
    if (error_.empty()) {
      error_ = std::move(message);
      line_ = 1;
      column_ = 1;
      for (std::size_t i = 0; i < pos_ && i < s_.size(); ++i) {
        if (s_[i] == '\n') {
          ++line_;
          column_ = 1;
        } else if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) {
          ++column_;
        }
      }
    }
    return false;
  }
  void Position(JValue* v) {
    for (std::size_t i = mark_; i < pos_; ++i) {
      if (s_[i] == '\n') {
        ++mark_line_;
        mark_col_ = 1;
      } else if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) {
        ++mark_col_;
      }
    }
    mark_ = pos_;
    v->line = mark_line_;
    v->column = mark_col_;
  }
  void Space() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Value(JValue* v, int depth) {
    if (depth > 64) return Fail("nesting too deep");
    Space();
    Position(v);
    if (pos_ >= s_.size()) return Fail("unexpected end of input; expected a value");
    const char c = s_[pos_];
    if (c == '{') return Object(v, depth);
    if (c == '[') return Array(v, depth);
    if (c == '"') {
      v->kind = JValue::kString;
      return String(&v->text);
    }
    if (s_.substr(pos_, 4) == "true") {
      v->kind = JValue::kBool;
      v->b = true;
      pos_ += 4;
      return true;
    }
    if (s_.substr(pos_, 5) == "false") {
      v->kind = JValue::kBool;
      pos_ += 5;
      return true;
    }
    if (s_.substr(pos_, 4) == "null") {
      pos_ += 4;
      return true;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      const std::size_t start = pos_;
      ++pos_;
      while (pos_ < s_.size() &&
             (std::isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.' ||
              s_[pos_] == 'e' || s_[pos_] == 'E' || s_[pos_] == '+' || s_[pos_] == '-')) {
        ++pos_;
      }
      v->kind = JValue::kNumber;
      v->text = std::string(s_.substr(start, pos_ - start));
      return true;
    }
    return Fail(
        absl::StrCat("unexpected character '", AV(s_.substr(pos_, 1)), "'; expected a value"));
  }
  bool Hex4(std::uint32_t* out) {
    if (pos_ + 4 > s_.size()) return Fail("invalid \\u escape");
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = s_[pos_++];
      v <<= 4;
      if (h >= '0' && h <= '9') {
        v |= static_cast<std::uint32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        v |= static_cast<std::uint32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        v |= static_cast<std::uint32_t>(h - 'A' + 10);
      } else {
        return Fail("invalid \\u escape; expected 4 hexadecimal digits");
      }
    }
    *out = v;
    return true;
  }
  static void AppendUtf8(std::uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  bool String(std::string* out) {
    ++pos_;  // "
    while (true) {
      if (pos_ >= s_.size()) return Fail("unterminated string");
      const char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return Fail("control character in a string");
      if (c != '\\') {
        out->push_back(c);
        ++pos_;
        continue;
      }
      ++pos_;
      if (pos_ >= s_.size()) return Fail("unterminated string");
      const char e = s_[pos_++];
      switch (e) {
        case '"':
          out->push_back('"');
          break;
        case '\\':
          out->push_back('\\');
          break;
        case '/':
          out->push_back('/');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF && s_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            std::uint32_t lo = 0;
            if (!Hex4(&lo)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          return Fail("invalid escape in a string");
      }
    }
  }
  bool Object(JValue* v, int depth) {
    v->kind = JValue::kObject;
    ++pos_;
    Space();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      Space();
      if (pos_ >= s_.size() || s_[pos_] != '"') return Fail("expected a member name in quotes");
      std::string key;
      if (!String(&key)) return false;
      Space();
      if (pos_ >= s_.size() || s_[pos_] != ':') return Fail("expected ':' after a member name");
      ++pos_;
      JValue child;
      if (!Value(&child, depth + 1)) return false;
      v->members.emplace_back(std::move(key), std::move(child));
      Space();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return Fail("expected ',' or '}' in an object");
    }
  }
  bool Array(JValue* v, int depth) {
    v->kind = JValue::kArray;
    ++pos_;
    Space();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      JValue child;
      if (!Value(&child, depth + 1)) return false;
      v->items.push_back(std::move(child));
      Space();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return Fail("expected ',' or ']' in an array");
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t mark_ = 0;
  int mark_line_ = 1;
  int mark_col_ = 1;
  std::string error_;
  int line_ = 0;
  int column_ = 0;
};

// ---- loading ------------------------------------------------------------------

std::string Truncate(std::string_view s) { return std::string(s.substr(0, 80)); }

std::string KindName(const JValue& v) {
  switch (v.kind) {
    case JValue::kNull:
      return "null";
    case JValue::kBool:
      return "a boolean";
    case JValue::kNumber:
      return "a number";
    case JValue::kString:
      return "a string";
    case JValue::kArray:
      return "an array";
    case JValue::kObject:
      return "an object";
  }
  return "a value";
}

std::string MemberPath(const std::string& parent, std::string_view key) {
  bool plain = !key.empty();
  for (char c : key) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) plain = false;
  }
  if (plain) return absl::StrCat(parent, ".", AV(key));
  return absl::StrCat(parent, "[\"", AV(key), "\"]");
}

class Loader {
 public:
  Loader(Diagnostics* diagnostics, std::string_view file) : diags_(diagnostics), file_(file) {}

  void Report(DiagnosticKind kind, const JValue& at, const std::string& path,
              std::string_view field, std::string_view value, std::string expected,
              std::string message) {
    Diagnostic d;
    d.kind = kind;
    d.where.file = std::string(file_);
    d.where.line = at.line;
    d.where.column = at.column;
    d.where.path = path;
    d.field = std::string(field);
    d.value = Truncate(value);
    d.expected = std::move(expected);
    d.message = std::move(message);
    diags_->Add(std::move(d));
    ++errors_;
  }
  int errors() const { return errors_; }

  std::optional<Ratio> ReadRatio(const JValue& v, const std::string& path, std::string_view field) {
    if (v.kind != JValue::kNumber && v.kind != JValue::kString) {
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

  std::optional<std::string> ReadString(const JValue& v, const std::string& path,
                                        std::string_view field) {
    if (v.kind != JValue::kString) {
      Report(DiagnosticKind::kType, v, path, field, KindName(v), "a string",
             absl::StrCat(AV(field), " must be a string"));
      return std::nullopt;
    }
    return v.text;
  }

  void Rule(const JValue& v, const std::string& path, std::string_view code, Policy* policy) {
    const RuleSpec* spec = FindRuleSpec(code);
    if (spec == nullptr) {
      Report(DiagnosticKind::kUnknownReference, v, path, "rules", std::string(code),
             "a rule code of the catalog (see `perfbudget policy show defaults`)",
             absl::StrCat("unknown rule code \"", AV(code), "\""));
      return;
    }
    if (v.kind != JValue::kObject) {
      Report(DiagnosticKind::kType, v, path, code, KindName(v),
             "an object {\"enabled\", \"severity\", \"deduction\", \"params\"}",
             "a rule's settings must be an object");
      return;
    }
    RuleSetting& rule = policy->MutableRule(code);
    for (const auto& [key, child] : v.members) {
      const std::string p = MemberPath(path, key);
      if (key == "enabled") {
        if (child.kind != JValue::kBool) {
          Report(DiagnosticKind::kType, child, p, key, KindName(child), "true or false",
                 "enabled must be a boolean");
        } else {
          rule.enabled = child.b;
        }
      } else if (key == "severity") {
        std::optional<std::string> s = ReadString(child, p, key);
        if (!s) continue;
        std::optional<Severity> sev = ParseSeverity(*s);
        if (!sev) {
          Report(DiagnosticKind::kEnumValue, child, p, key, *s,
                 "one of info, warning, error, blocker", "unknown severity");
        } else {
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
        if (child.kind != JValue::kObject) {
          Report(DiagnosticKind::kType, child, p, key, KindName(child),
                 "an object of named numbers", "params must be an object");
          continue;
        }
        for (const auto& [pname, pval] : child.members) {
          const std::string pp = MemberPath(p, pname);
          const bool known = std::any_of(spec->params.begin(), spec->params.end(),
                                         [&](const RuleParamSpec& ps) { return ps.name == pname; });
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
          if (r) rule.params[pname] = *r;
        }
      } else {
        Report(DiagnosticKind::kValue, child, p, key, key, "enabled, severity, deduction or params",
               absl::StrCat("unknown field \"", key, "\""));
      }
    }
  }

  // ---- review sections (issue 14): "grading" and "review_library" --------
  // Kept apart from the rest of the loader (the JSON reader is being
  // replaced; these functions only use ReadString / ReadRatio / Report).

  // Every member of an object, or a report; `fn(key, child, path)`.
  template <typename Fn>
  void Members(const JValue& v, const std::string& path, std::string_view field,
               std::string_view expected, Fn&& fn) {
    if (v.kind != JValue::kObject) {
      Report(DiagnosticKind::kType, v, path, field, KindName(v), std::string(expected),
             absl::StrCat(AV(field), " must be an object"));
      return;
    }
    for (const auto& [key, child] : v.members) fn(key, child, MemberPath(path, key));
  }
  template <typename Fn>
  void Items(const JValue& v, const std::string& path, std::string_view field, Fn&& fn) {
    if (v.kind != JValue::kArray) {
      Report(DiagnosticKind::kType, v, path, field, KindName(v), "an array",
             absl::StrCat(AV(field), " must be an array"));
      return;
    }
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      fn(v.items[i], absl::StrCat(path, "[", i, "]"));
    }
  }
  std::vector<std::string> Strings(const JValue& v, const std::string& path,
                                   std::string_view field) {
    std::vector<std::string> out;
    Items(v, path, field, [&](const JValue& item, const std::string& p) {
      if (std::optional<std::string> s = ReadString(item, p, field)) out.push_back(*s);
    });
    return out;
  }
  void UnknownMember(const JValue& v, const std::string& path, std::string_view key,
                     std::string_view known) {
    Report(DiagnosticKind::kValue, v, path, key, key, std::string(known),
           absl::StrCat("unknown field \"", AV(key), "\""));
  }

  // "grading": {"caps": [{"severity": "error", "max_grade": "fair"}, ...]}
  // (the list replaces the base profile's caps).
  void ReviewGradingSection(const JValue& v, const std::string& path, Policy* policy) {
    ReviewGrading grading = policy->review_grading();
    Members(v, path, "grading", "an object {\"caps\": [...]}",
            [&](const std::string& key, const JValue& child, const std::string& p) {
              if (key != "caps") {
                UnknownMember(child, p, key, "caps");
                return;
              }
              grading.caps.clear();
              Items(child, p, key, [&](const JValue& item, const std::string& ip) {
                SeverityCap cap{Severity::kError, Grade::kFair};
                bool have_severity = false, have_grade = false;
                Members(item, ip, "caps", "an object {\"severity\", \"max_grade\"}",
                        [&](const std::string& k, const JValue& c, const std::string& cp) {
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
                if (item.kind == JValue::kObject && (!have_severity || !have_grade)) {
                  Report(DiagnosticKind::kValue, item, ip, "caps", "",
                         "both \"severity\" and \"max_grade\"", "incomplete grade cap");
                } else if (have_severity && have_grade) {
                  grading.caps.push_back(cap);
                }
              });
            });
    policy->set_review_grading(std::move(grading));
  }

  CoreIndicator CoreIndicatorEntry(const JValue& v, const std::string& path) {
    CoreIndicator c;
    Members(v, path, "indicators", "an object {\"name\", \"level1\", ...}",
            [&](const std::string& k, const JValue& child, const std::string& p) {
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
                if (child.kind != JValue::kBool) {
                  Report(DiagnosticKind::kType, child, p, k, KindName(child), "true or false",
                         "required must be a boolean");
                } else {
                  c.required = child.b;
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

  UnitCostReference UnitCostEntry(const JValue& v, const std::string& path) {
    UnitCostReference u;
    Members(v, path, "unit_costs", "an object {\"quantity_unit\", \"low_yuan\", ...}",
            [&](const std::string& k, const JValue& child, const std::string& p) {
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
  void ReviewLibrarySection(const JValue& v, const std::string& path, Policy* policy) {
    ReviewLibrary lib = policy->review_library();
    Members(v, path, "review_library", "an object (docs/policy.md, \"Core indicator library\")",
            [&](const std::string& key, const JValue& child, const std::string& p) {
              if (key == "common_terms") {
                for (std::string& t : Strings(child, p, key)) lib.common_terms.push_back(t);
              } else if (key == "dimensionless_suffixes") {
                for (std::string& t : Strings(child, p, key))
                  lib.dimensionless_suffixes.push_back(t);
              } else if (key == "domains") {
                Items(child, p, key, [&](const JValue& item, const std::string& ip) {
                  TermDomain d;
                  Members(item, ip, key, "an object {\"id\", \"label_zh\", \"terms\"}",
                          [&](const std::string& k, const JValue& c, const std::string& cp) {
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
                Items(child, p, key, [&](const JValue& item, const std::string& ip) {
                  UnitScale u;
                  Members(item, ip, key, "an object {\"unit\", \"base\", \"factor\"}",
                          [&](const std::string& k, const JValue& c, const std::string& cp) {
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
                Items(child, p, key, [&](const JValue& item, const std::string& ip) {
                  CategoryLibrary cat;
                  Members(item, ip, key, "an object {\"category\", \"indicators\", ...}",
                          [&](const std::string& k, const JValue& c, const std::string& cp) {
                            std::optional<std::string> s;
                            if (k == "category") {
                              if ((s = ReadString(c, cp, k))) cat.category = *s;
                            } else if (k == "aliases") {
                              cat.aliases = Strings(c, cp, k);
                            } else if (k == "domains") {
                              cat.domains = Strings(c, cp, k);
                            } else if (k == "indicators") {
                              Items(c, cp, k, [&](const JValue& x, const std::string& xp) {
                                cat.indicators.push_back(CoreIndicatorEntry(x, xp));
                              });
                            } else if (k == "unit_costs") {
                              Items(c, cp, k, [&](const JValue& x, const std::string& xp) {
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

  void Bands(const JValue& v, const std::string& path, Policy* policy) {
    if (v.kind != JValue::kArray || v.items.empty()) {
      Report(DiagnosticKind::kType, v, path, "grade_bands", KindName(v),
             "a non-empty array of {\"grade\", \"min\"}, best grade first", "bad grade bands");
      return;
    }
    std::vector<GradeBand> bands;
    bool ok = true;
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      const JValue& item = v.items[i];
      const std::string p = absl::StrCat(path, "[", i, "]");
      if (item.kind != JValue::kObject) {
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
          std::optional<std::string> s = ReadString(child, pp, key);
          std::optional<Grade> g = s ? ParseGrade(*s) : std::nullopt;
          if (s && !g) {
            Report(DiagnosticKind::kEnumValue, child, pp, key, *s,
                   "one of excellent, good, fair, poor (优 良 中 差)", "unknown grade");
          }
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

  void Split(const JValue& v, const std::string& path, Policy* policy) {
    if (v.kind != JValue::kObject) {
      Report(DiagnosticKind::kType, v, path, "split", KindName(v),
             "an object {\"method\", \"priority\"}", "split must be an object");
      return;
    }
    for (const auto& [key, child] : v.members) {
      const std::string p = MemberPath(path, key);
      if (key == "method") {
        std::optional<std::string> s = ReadString(child, p, key);
        if (!s) continue;
        if (*s == "proportional") {
          policy->set_split_method(SplitMethod::kProportional);
        } else if (*s == "priority") {
          policy->set_split_method(SplitMethod::kPriority);
        } else {
          Report(DiagnosticKind::kEnumValue, child, p, key, *s, "proportional or priority",
                 "unknown split method");
        }
      } else if (key == "priority") {
        if (child.kind != JValue::kArray) {
          Report(DiagnosticKind::kType, child, p, key, KindName(child), "an array of fund sources",
                 "priority must be an array");
          continue;
        }
        std::vector<FundSource> order;
        for (std::size_t i = 0; i < child.items.size(); ++i) {
          const std::string ip = absl::StrCat(p, "[", i, "]");
          std::optional<std::string> s = ReadString(child.items[i], ip, key);
          if (!s) continue;
          std::optional<FundSource> f = ParseFundSource(*s);
          if (!f) {
            std::vector<std::string> codes;
            for (std::string_view c : AllCodes(FundSource{})) codes.emplace_back(c);
            Report(DiagnosticKind::kEnumValue, child.items[i], ip, key, *s,
                   absl::StrCat("one of ", absl::StrJoin(codes, ", ")), "unknown fund source");
          } else {
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

 private:
  Diagnostics* diags_;
  std::string_view file_;
  int errors_ = 0;
};

absl::StatusOr<Policy> Load(std::string_view text, Diagnostics* diagnostics, std::string_view file,
                            int depth);

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
                            int depth) {
  Diagnostics local;
  Diagnostics* diags = diagnostics != nullptr ? diagnostics : &local;
  const std::size_t before = diags->size() + diags->dropped();
  Loader loader(diags, file);
  JValue root;
  Parser parser(text);
  if (!parser.Parse(&root)) {
    Diagnostic d;
    d.kind = DiagnosticKind::kSyntax;
    d.where.file = std::string(file);
    d.where.line = parser.line();
    d.where.column = parser.column();
    d.where.path = "$";
    d.expected = "a JSON policy profile (docs/policy.md)";
    d.message = parser.error();
    diags->Add(std::move(d));
    return absl::InvalidArgumentError(absl::StrCat("policy ", AV(file), ": ", parser.error()));
  }
  if (root.kind != JValue::kObject) {
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
      if (child.kind != JValue::kNumber || child.text != absl::StrCat(kFormatVersion)) {
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
      std::optional<std::string> s = loader.ReadString(child, path, key);
      if (!s) continue;
      if (*s == "months") {
        policy.set_time_progress_method(TimeProgressMethod::kMonths);
      } else if (*s == "days") {
        policy.set_time_progress_method(TimeProgressMethod::kDays);
      } else {
        loader.Report(DiagnosticKind::kEnumValue, child, path, key, *s, "months or days",
                      "unknown time progress method");
      }
    } else if (key == "split") {
      loader.Split(child, path, &policy);
    } else if (key == "grade_bands") {
      loader.Bands(child, path, &policy);
    } else if (key == "grading") {
      loader.ReviewGradingSection(child, path, &policy);
    } else if (key == "review_library") {
      loader.ReviewLibrarySection(child, path, &policy);
    } else if (key == "rules") {
      if (child.kind != JValue::kObject) {
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
                    "grade_bands, grading, review_library or rules",
                    absl::StrCat("unknown field \"", key, "\""));
    }
  }
  // Ex-ante bands must not overlap.
  const Ratio supported =
      policy.Param("feasibility.ex_ante_not_supported", "supported_min", Ratio(80));
  const Ratio revision =
      policy.Param("feasibility.ex_ante_not_supported", "revision_min", Ratio(60));
  if (revision > supported) {
    loader.Report(DiagnosticKind::kValue, root,
                  "$.rules[\"feasibility.ex_ante_not_supported\"].params", "revision_min",
                  revision.ToShortString(6), "revision_min ≤ supported_min",
                  "ex-ante bands overlap");
  }
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

absl::StatusOr<Policy> BuiltinPolicy(std::string_view name) { return BuiltinAt(name, 0); }

absl::StatusOr<std::string> BuiltinPolicyJson(std::string_view name) {
  if (name == "defaults") return PolicyToJson(DefaultPolicy());
  for (const BuiltinProfile& p : BuiltinProfiles()) {
    if (p.name == name) return std::string(p.json);
  }
  return absl::NotFoundError(
      absl::StrCat("no built-in policy \"", AV(name),
                   "\"; built-in policies: ", absl::StrJoin(BuiltinPolicyNames(), ", ")));
}

absl::StatusOr<Policy> LoadPolicyJson(std::string_view text, Diagnostics* diagnostics,
                                      std::string_view file_name) {
  return Load(text, diagnostics, file_name, 0);
}

absl::StatusOr<Policy> LoadPolicyFile(const std::string& path, Diagnostics* diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (diagnostics != nullptr) {
      Diagnostic d;
      d.kind = DiagnosticKind::kIo;
      d.where.file = path;
      d.expected = "a readable JSON policy file";
      d.message = "cannot open the policy file";
      diagnostics->Add(std::move(d));
    }
    return absl::NotFoundError(absl::StrCat("cannot open policy file ", path));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Load(buffer.str(), diagnostics, path, 0);
}

absl::StatusOr<Policy> ResolvePolicy(std::string_view name_or_path, Diagnostics* diagnostics) {
  for (const std::string& n : BuiltinPolicyNames()) {
    if (n == name_or_path) return BuiltinPolicy(name_or_path);
  }
  return LoadPolicyFile(std::string(name_or_path), diagnostics);
}

std::string PolicyToJson(const Policy& policy) {
  std::string out = "{\n";
  absl::StrAppend(&out, "  \"format\": ", JsonQuote(kFormatName),
                  ",\n  \"version\": ", kFormatVersion, ",\n  \"name\": ", JsonQuote(policy.name()),
                  ",\n  \"description\": ", JsonQuote(policy.description()),
                  ",\n  \"decimals\": ", policy.decimals(), ",\n");
  absl::StrAppend(
      &out, "  \"time_progress\": ",
      policy.time_progress_method() == TimeProgressMethod::kDays ? "\"days\"" : "\"months\"",
      ",\n");
  absl::StrAppend(
      &out, "  \"split\": {\"method\": ",
      policy.split_method() == SplitMethod::kPriority ? "\"priority\"" : "\"proportional\"",
      ", \"priority\": [");
  for (std::size_t i = 0; i < policy.split_priority().size(); ++i) {
    absl::StrAppend(&out, i ? ", " : "", JsonQuote(CodeOf(policy.split_priority()[i])));
  }
  absl::StrAppend(&out, "]},\n  \"grade_bands\": [");
  for (std::size_t i = 0; i < policy.grade_bands().size(); ++i) {
    const GradeBand& b = policy.grade_bands()[i];
    absl::StrAppend(&out, i ? ", " : "", "{\"grade\": ", JsonQuote(CodeOf(b.grade)),
                    ", \"min\": ", Num(b.min), "}");
  }
  absl::StrAppend(&out, "],\n  \"rules\": {");
  bool first = true;
  for (const auto& [code, rule] : policy.rules()) {
    absl::StrAppend(&out, first ? "\n" : ",\n", "    ", JsonQuote(code),
                    ": {\"enabled\": ", rule.enabled ? "true" : "false",
                    ", \"severity\": ", JsonQuote(CodeOf(rule.severity)),
                    ", \"deduction\": ", Num(rule.deduction), ", \"params\": {");
    bool pfirst = true;
    for (const auto& [name, value] : rule.params) {
      absl::StrAppend(&out, pfirst ? "" : ", ", JsonQuote(name), ": ", Num(value));
      pfirst = false;
    }
    absl::StrAppend(&out, "}}");
    first = false;
  }
  absl::StrAppend(&out, first ? "}\n}\n" : "\n  }\n}\n");
  return out;
}

}  // namespace perfbudget
