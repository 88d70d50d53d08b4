#include "cli_runner.h"

#include <sstream>

#include "command.h"
#include "output.h"

namespace perfbudget::fuzz {

CliRun RunCli(const std::vector<std::string>& args) {
  using perfbudget::cli::Context;
  CLI::App app{"perfbudget", "perfbudget"};
  app.require_subcommand(1);
  std::ostringstream out;
  std::ostringstream err;
  Context ctx;
  ctx.out = &out;
  ctx.err = &err;
  cli::AddGlobalOptions(app, ctx, {"text", "json", "csv"});
  app.fallthrough();
  cli::RegisterCheck(app, ctx);
  cli::RegisterSummary(app, ctx);
  cli::RegisterConvert(app, ctx);
  cli::RegisterPolicy(app, ctx);
  cli::RegisterReview(app, ctx);
  cli::RegisterMonitor(app, ctx);
  cli::RegisterReclaim(app, ctx);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11's order
  CliRun run;
  try {
    app.parse(reversed);
    run.exit_code = ctx.exit_code;
  } catch (const CLI::ParseError& e) {
    run.exit_code = e.get_exit_code() == 0 ? 0 : cli::kExitUsage;
  }
  // Any other exception escapes: main() would report it as an internal error
  // (exit 70), which is a bug the fuzzer must see.
  run.out = out.str();
  run.err = err.str();
  return run;
}

}  // namespace perfbudget::fuzz
