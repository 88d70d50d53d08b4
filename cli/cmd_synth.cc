// cmd_synth.cc: `perfbudget synth` (placeholder until implemented).
#include "command.h"

namespace perfbudget::cli {

void RegisterSynth(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("synth", "(not implemented yet)");
  cmd->callback([&ctx] { ctx.exit_code = kExitInternal; });
}

}  // namespace perfbudget::cli
