// cmd_summary.cc: `perfbudget summary` (placeholder until implemented).
#include "command.h"

namespace perfbudget::cli {

void RegisterSummary(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("summary", "(not implemented yet)");
  cmd->callback([&ctx] { ctx.exit_code = kExitInternal; });
}

}  // namespace perfbudget::cli
