// cmd_review.cc: `perfbudget review` (placeholder until implemented).
#include "command.h"

namespace perfbudget::cli {

void RegisterReview(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("review", "(not implemented yet)");
  cmd->callback([&ctx] { ctx.exit_code = kExitInternal; });
}

}  // namespace perfbudget::cli
