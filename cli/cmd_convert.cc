// cmd_convert.cc: `perfbudget convert` (placeholder until implemented).
#include "command.h"

namespace perfbudget::cli {

void RegisterConvert(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("convert", "(not implemented yet)");
  cmd->callback([&ctx] { ctx.exit_code = kExitInternal; });
}

}  // namespace perfbudget::cli
