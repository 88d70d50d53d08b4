// indicators.cc: the core indicators of a category as JSON, CSV and text
// (render/indicators.h).
#include "perfbudget/render/indicators.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "perfbudget/policy/rule_catalog.h"
#include "render/dispatch.h"

namespace perfbudget::render {
namespace {

std::string S(std::string_view s) { return std::string(s); }

std::string Label(bool en, std::string_view zh, std::string_view english) {
  return std::string(en ? english : zh);
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string Bound(const std::optional<Ratio>& r) {
  return r.has_value() ? r->ToShortString(6) : std::string();
}

std::string Range(const CoreIndicator& c) {
  if (!c.low.has_value() && !c.high.has_value()) return "";
  return absl::StrCat(Bound(c.low), "–", Bound(c.high));
}

}  // namespace

std::string IndicatorsJson(const CategoryLibrary& cat, std::string_view policy_name,
                           const RenderOptions& /*options*/) {
  JsonWriter w;
  w.BeginObject();
  w.Key("policy").String(policy_name);
  w.Key("category").String(cat.category);
  w.Key("aliases").BeginArray();
  for (const std::string& a : cat.aliases) w.String(a);
  w.EndArray();
  w.Key("indicators").BeginArray();
  for (const CoreIndicator& c : cat.indicators) {
    w.BeginObject();
    w.Key("name").String(c.name);
    w.Key("synonyms").BeginArray();
    for (const std::string& s : c.synonyms) w.String(s);
    w.EndArray();
    w.Key("level1").String(CodeOf(c.level1));
    w.Key("level2").String(CodeOf(c.level2));
    w.Key("unit_of_measure").String(c.unit);
    w.Key("comparator").String(CodeOf(c.comparator));
    if (c.low.has_value()) {
      w.Key("low").Raw(c.low->ToShortString(6));
    } else {
      w.Key("low").Null();
    }
    if (c.high.has_value()) {
      w.Key("high").Raw(c.high->ToShortString(6));
    } else {
      w.Key("high").Null();
    }
    w.Key("required").Bool(c.required);
    w.EndObject();
  }
  w.EndArray();
  w.Key("unit_costs").BeginArray();
  for (const UnitCostReference& u : cat.unit_costs) {
    w.BeginObject();
    w.Key("quantity_unit").String(u.quantity_unit);
    w.Key("low_yuan").Raw(u.low_yuan.ToShortString(6));
    w.Key("high_yuan").Raw(u.high_yuan.ToShortString(6));
    w.Key("indicator").String(u.indicator);
    w.Key("basis").String(u.basis);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Finish();
}

std::string IndicatorsCsv(const CategoryLibrary& cat, const RenderOptions& /*options*/) {
  std::string out = CsvRow({"category", "name", "synonyms", "level1", "level2", "unit_of_measure",
                            "comparator", "low", "high", "required"});
  for (const CoreIndicator& c : cat.indicators) {
    out += CsvRow({cat.category, c.name, Join(c.synonyms, "|"), S(CodeOf(c.level1)),
                   S(CodeOf(c.level2)), c.unit, S(CodeOf(c.comparator)), Bound(c.low),
                   Bound(c.high), c.required ? "1" : "0"});
  }
  return out;
}

std::string IndicatorsText(const CategoryLibrary& cat, std::string_view policy_name,
                           const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const std::string policy(policy_name);
  const auto level = [&](const CoreIndicator& c) {
    return en ? absl::StrCat(S(CodeOf(c.level1)), "/", S(CodeOf(c.level2)))
              : absl::StrCat(S(ZhLabelOf(c.level1)), "·", S(ZhLabelOf(c.level2)));
  };
  std::string out =
      en ? absl::StrCat("Core indicators of category ", cat.category, " (policy ", policy, ")\n")
         : absl::StrCat("“", cat.category, "”类项目核心绩效指标（政策 ", policy, "）\n");
  TextTable table({Label(en, "指标", "indicator"), Label(en, "一级·二级", "level"),
                   Label(en, "比较", "comparator"), Label(en, "计量单位", "unit"),
                   Label(en, "参考区间", "range"), Label(en, "必设", "required"),
                   Label(en, "同义名称", "also named")},
                  {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft,
                   Align::kLeft, Align::kLeft});
  for (const CoreIndicator& c : cat.indicators) {
    table.AddRow({c.name, level(c), en ? S(CodeOf(c.comparator)) : S(ZhLabelOf(c.comparator)),
                  c.unit.empty() ? (en ? "(none)" : "（无量纲）") : c.unit, Range(c),
                  c.required ? (en ? "yes" : "是") : "", Join(c.synonyms, en ? ", " : "、")});
  }
  out += table.Render();
  for (const UnitCostReference& u : cat.unit_costs) {
    out += en ? absl::StrCat("Reference unit cost: ", u.low_yuan.ToShortString(6), "–",
                             u.high_yuan.ToShortString(6), " yuan per ", u.quantity_unit, " (",
                             u.basis, ")\n")
              : absl::StrCat("参考单位成本：", u.low_yuan.ToShortString(6), "–",
                             u.high_yuan.ToShortString(6), "元/", u.quantity_unit, "（", u.basis,
                             "）\n");
  }
  return out;
}

absl::StatusOr<std::string> RenderIndicators(const CategoryLibrary& category,
                                             std::string_view policy_name,
                                             const RenderOptions& options) {
  return Dispatch(
      options, "rendering core indicators",
      [&] { return IndicatorsJson(category, policy_name, options); },
      [&] { return IndicatorsCsv(category, options); },
      [&] { return IndicatorsText(category, policy_name, options); });
}

}  // namespace perfbudget::render
