// cmd_policy.cc: `perfbudget policy list | show NAME|FILE`: the built-in
// policy profiles and what a profile resolves to (docs/policy.md).
//
// `show` prints the resolved policy (every rule with its settings, defaults
// filled in) as JSON; `show --raw NAME` prints a built-in profile's own text.
// A bad profile file is reported like a bad dataset (exit 3).
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "command.h"
#include "output.h"
#include "perfbudget/policy/policy.h"

namespace perfbudget::cli {
namespace {

struct PolicyArgs {
  std::string name;
  bool raw = false;
};

// --format given before the subcommand (a global option) is not checked by
// the subcommand's own {text, json}: refuse csv here too, as `check` does.
bool TextOrJsonFormat(Context& ctx, std::string_view command) {
  if (ctx.global.format == "text" || ctx.global.format == "json") return true;
  UsageError(ctx, std::string(command) + ": --format must be text or json");
  return false;
}

void RunList(Context& ctx) {
  const bool json = ctx.global.format == "json";
  JsonWriter w;
  if (json) w.BeginArray();
  TextTable table({Label(ctx.global, "名称", "name"), Label(ctx.global, "说明", "description")},
                  {Align::kLeft, Align::kLeft});
  for (const std::string& name : BuiltinPolicyNames()) {
    absl::StatusOr<Policy> p = BuiltinPolicy(name);
    std::string description = p.ok() ? p->description() : std::string(p.status().message());
    if (json) {
      w.BeginObject().Key("name").String(name).Key("description").String(description).EndObject();
    } else {
      table.AddRow({name, description});
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

void RunShow(Context& ctx, const PolicyArgs& args) {
  if (args.raw) {
    absl::StatusOr<std::string> text = BuiltinPolicyJson(args.name);
    if (!text.ok()) {
      PrintError(*ctx.err, text.status());
      ctx.exit_code = kExitInputError;
      return;
    }
    *ctx.out << *text;
    ctx.exit_code = kExitOk;
    return;
  }
  const std::optional<Policy> p = ResolvePolicyOrReport(ctx, args.name);
  if (!p.has_value()) return;
  *ctx.out << PolicyToJson(*p);
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterPolicy(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<PolicyArgs>();
  auto* cmd = app.add_subcommand("policy", "List the built-in policy profiles or show one");
  cmd->require_subcommand(1);
  auto* list = cmd->add_subcommand("list", "List the built-in policy profiles");
  AddGlobalOptions(*list, ctx, {"text", "json"});
  list->callback([&ctx] {
    if (TextOrJsonFormat(ctx, "policy list")) RunList(ctx);
  });
  auto* show = cmd->add_subcommand(
      "show", "Show a policy (a built-in name or a JSON file) with every rule resolved, as JSON");
  show->add_option("NAME", args->name, "a built-in policy name or a policy JSON file")->required();
  show->add_flag("--raw", args->raw, "print a built-in profile's own JSON text");
  AddGlobalOptions(*show, ctx, {"text", "json"});
  show->callback([&ctx, args] {
    if (TextOrJsonFormat(ctx, "policy show")) RunShow(ctx, *args);
  });
}

}  // namespace perfbudget::cli
