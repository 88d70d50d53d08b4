// cmd_policy.cc: `perfbudget policy` (placeholder until implemented).
#include "command.h"

namespace perfbudget::cli {

void RegisterPolicy(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("policy", "(not implemented yet)");
  cmd->callback([&ctx] { ctx.exit_code = kExitInternal; });
}

}  // namespace perfbudget::cli
