// cmd_reclaim.cc: `perfbudget reclaim` (placeholder until implemented).
#include "command.h"

namespace perfbudget::cli {

void RegisterReclaim(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("reclaim", "(not implemented yet)");
  cmd->callback([&ctx] { ctx.exit_code = kExitInternal; });
}

}  // namespace perfbudget::cli
