// cmd_indicators.cc: `perfbudget indicators suggest --category 市政管护`: the
// core indicators (核心绩效指标体系) of a project category, from the policy's
// review library (docs/policy.md, "Core indicator library"), to start a new
// goal from. `indicators categories` lists the categories the library knows.
// Text, JSON or CSV; zh or en labels. Exit 2 for an unknown category (the
// message lists the known ones), 3 for a policy that cannot be loaded.
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "command.h"
#include "output.h"
#include "perfbudget/policy/policy.h"

namespace perfbudget::cli {
namespace {

struct IndicatorsArgs {
  std::string category;
  std::string policy = "defaults";
};

std::string S(std::string_view s) { return std::string(s); }

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

void RunSuggest(Context& ctx, const IndicatorsArgs& args) {
  if (!CheckTextJsonCsvFormat(ctx, "indicators suggest")) return;
  const std::optional<Policy> policy = ResolvePolicyOrReport(ctx, args.policy);
  if (!policy.has_value()) return;
  const ReviewLibrary& lib = policy->review_library();
  const CategoryLibrary* cat = lib.FindCategory(args.category);
  if (cat == nullptr) {
    std::vector<std::string> known;
    for (const CategoryLibrary& c : lib.categories) known.push_back(c.category);
    UsageError(ctx, absl::StrCat("indicators suggest: no core indicators for category \"",
                                 args.category, "\"; known categories: ", Join(known, ", ")));
    return;
  }
  const GlobalOptions& g = ctx.global;
  const bool en = IsEnglish(g);
  auto level = [&](const CoreIndicator& c) {
    return en ? absl::StrCat(S(CodeOf(c.level1)), "/", S(CodeOf(c.level2)))
              : absl::StrCat(S(ZhLabelOf(c.level1)), "·", S(ZhLabelOf(c.level2)));
  };
  if (g.format == "json") {
    JsonWriter w;
    w.BeginObject();
    w.Key("policy").String(policy->name());
    w.Key("category").String(cat->category);
    w.Key("aliases").BeginArray();
    for (const std::string& a : cat->aliases) w.String(a);
    w.EndArray();
    w.Key("indicators").BeginArray();
    for (const CoreIndicator& c : cat->indicators) {
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
    for (const UnitCostReference& u : cat->unit_costs) {
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
    *ctx.out << w.Finish();
  } else if (g.format == "csv") {
    std::string out = CsvRow({"category", "name", "synonyms", "level1", "level2", "unit_of_measure",
                              "comparator", "low", "high", "required"});
    for (const CoreIndicator& c : cat->indicators) {
      out += CsvRow({cat->category, c.name, Join(c.synonyms, "|"), S(CodeOf(c.level1)),
                     S(CodeOf(c.level2)), c.unit, S(CodeOf(c.comparator)), Bound(c.low),
                     Bound(c.high), c.required ? "1" : "0"});
    }
    *ctx.out << out;
  } else {
    *ctx.out << (en ? absl::StrCat("Core indicators of category ", cat->category, " (policy ",
                                   policy->name(), ")\n")
                    : absl::StrCat("“", cat->category, "”类项目核心绩效指标（政策 ", policy->name(),
                                   "）\n"));
    TextTable table({Label(g, "指标", "indicator"), Label(g, "一级·二级", "level"),
                     Label(g, "比较", "comparator"), Label(g, "计量单位", "unit"),
                     Label(g, "参考区间", "range"), Label(g, "必设", "required"),
                     Label(g, "同义名称", "also named")},
                    {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft,
                     Align::kLeft, Align::kLeft});
    for (const CoreIndicator& c : cat->indicators) {
      table.AddRow({c.name, level(c), en ? S(CodeOf(c.comparator)) : S(ZhLabelOf(c.comparator)),
                    c.unit.empty() ? (en ? "(none)" : "（无量纲）") : c.unit, Range(c),
                    c.required ? (en ? "yes" : "是") : "", Join(c.synonyms, en ? ", " : "、")});
    }
    *ctx.out << table.Render();
    for (const UnitCostReference& u : cat->unit_costs) {
      *ctx.out << (en ? absl::StrCat("Reference unit cost: ", u.low_yuan.ToShortString(6), "–",
                                     u.high_yuan.ToShortString(6), " yuan per ", u.quantity_unit,
                                     " (", u.basis, ")\n")
                      : absl::StrCat("参考单位成本：", u.low_yuan.ToShortString(6), "–",
                                     u.high_yuan.ToShortString(6), "元/", u.quantity_unit, "（",
                                     u.basis, "）\n"));
    }
  }
  ctx.exit_code = kExitOk;
}

void RunCategories(Context& ctx, const IndicatorsArgs& args) {
  // A global --format csv is not checked by the subcommand's {text, json}.
  if (ctx.global.format != "text" && ctx.global.format != "json") {
    UsageError(ctx, "indicators categories: --format must be text or json");
    return;
  }
  const std::optional<Policy> policy = ResolvePolicyOrReport(ctx, args.policy);
  if (!policy.has_value()) return;
  const bool json = ctx.global.format == "json";
  JsonWriter w;
  if (json) w.BeginArray();
  TextTable table({Label(ctx.global, "类别", "category"), Label(ctx.global, "别名", "aliases")},
                  {Align::kLeft, Align::kLeft});
  for (const CategoryLibrary& c : policy->review_library().categories) {
    if (json) {
      w.BeginObject().Key("category").String(c.category).Key("aliases").BeginArray();
      for (const std::string& a : c.aliases) w.String(a);
      w.EndArray().EndObject();
    } else {
      table.AddRow({c.category, Join(c.aliases, IsEnglish(ctx.global) ? ", " : "、")});
    }
  }
  if (json) {
    w.EndArray();
    *ctx.out << w.Finish();
  } else {
    *ctx.out << table.Render();
  }
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterIndicators(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<IndicatorsArgs>();
  auto* cmd = app.add_subcommand(
      "indicators", "The core indicator library (核心绩效指标体系) of the review policy");
  cmd->require_subcommand(1);
  auto* suggest = cmd->add_subcommand(
      "suggest", "Propose the core indicators of a project category for a new goal");
  suggest->add_option("--category", args->category, "project category, e.g. 市政管护")->required();
  suggest->add_option("--policy", args->policy,
                      "a built-in policy name or a policy JSON file (default: defaults)");
  AddGlobalOptions(*suggest, ctx, {"text", "json", "csv"});
  suggest->callback([&ctx, args] { RunSuggest(ctx, *args); });
  auto* categories =
      cmd->add_subcommand("categories", "List the categories the core indicator library knows");
  categories->add_option("--policy", args->policy,
                         "a built-in policy name or a policy JSON file (default: defaults)");
  AddGlobalOptions(*categories, ctx, {"text", "json"});
  categories->callback([&ctx, args] { RunCategories(ctx, *args); });
}

}  // namespace perfbudget::cli
