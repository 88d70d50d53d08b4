// main.cc: the perfbudget command-line tool.
//
// Subcommands live in cli/cmd_*.cc (cli/command.h). Results go to stdout,
// errors to stderr; exit codes are listed in cli/command.h and docs/cli.md.
// A bad command line exits 2 with CLI11's message.
#include <iostream>

#include "command.h"
#include "output.h"
#include "perfbudget/version.h"

int main(int argc, char** argv) {
  using perfbudget::cli::Context;
  CLI::App app{"perfbudget: budget performance management (预算绩效管理)", "perfbudget"};
  app.set_version_flag("--version", std::string(perfbudget::kVersionString));
  app.require_subcommand(1);
  Context ctx;
  ctx.out = &std::cout;
  ctx.err = &std::cerr;
  // The shared options, accepted before the subcommand too; subcommands
  // inherit fallthrough, so a global option also works after the subcommand
  // unless the subcommand defines its own.
  perfbudget::cli::AddGlobalOptions(app, ctx, {"text", "json", "csv"});
  app.fallthrough();
  perfbudget::cli::RegisterCheck(app, ctx);
  perfbudget::cli::RegisterSummary(app, ctx);
  perfbudget::cli::RegisterConvert(app, ctx);
  perfbudget::cli::RegisterSynth(app, ctx);
  perfbudget::cli::RegisterPolicy(app, ctx);
  perfbudget::cli::RegisterIndicators(app, ctx);
  perfbudget::cli::RegisterReview(app, ctx);
  perfbudget::cli::RegisterMonitor(app, ctx);
  perfbudget::cli::RegisterReclaim(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : perfbudget::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "perfbudget: internal error: " << e.what() << "\n";
    return perfbudget::cli::kExitInternal;
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "perfbudget: cannot write the output\n";
    return perfbudget::cli::kExitOutputError;
  }
  return ctx.exit_code;
}
