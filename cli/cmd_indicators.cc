// cmd_indicators.cc: `perfbudget indicators suggest --category 市政管护`: the
// core indicators (核心绩效指标体系) of a project category, from the policy's
// review library (docs/policy.md, "Core indicator library"), to start a new
// goal from. `indicators categories` lists the categories the library knows.
// Text, JSON or CSV (the library's: perfbudget/render/indicators.h); zh or en
// labels. Exit 2 for an unknown category (the message lists the known ones),
// 3 for a policy that cannot be loaded.
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "command.h"
#include "output.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/render/indicators.h"

namespace perfbudget::cli {
namespace {

struct IndicatorsArgs {
  std::string category;
  std::string policy = "defaults";
};

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
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
  const render::RenderOptions render_options = RenderOptionsOf(ctx.global);
  WriteInFormat(
      ctx, [&] { return render::IndicatorsJson(*cat, policy->name(), render_options); },
      [&] { return render::IndicatorsCsv(*cat, render_options); },
      [&] { return render::IndicatorsText(*cat, policy->name(), render_options); });
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
