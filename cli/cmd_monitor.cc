// cmd_monitor.cc: `perfbudget monitor` (placeholder until implemented).
#include "command.h"

namespace perfbudget::cli {

void RegisterMonitor(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("monitor", "(not implemented yet)");
  cmd->callback([&ctx] { ctx.exit_code = kExitInternal; });
}

}  // namespace perfbudget::cli
