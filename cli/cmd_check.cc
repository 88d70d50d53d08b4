// cmd_check.cc: `perfbudget check` (placeholder until implemented).
#include "command.h"

namespace perfbudget::cli {

void RegisterCheck(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("check", "(not implemented yet)");
  cmd->callback([&ctx] { ctx.exit_code = kExitInternal; });
}

}  // namespace perfbudget::cli
