// main.cc: the perfbudget command-line tool.
#include <iostream>

#include "command.h"
#include "perfbudget/version.h"

int main(int argc, char** argv) {
  using perfbudget::cli::Context;
  CLI::App app{"perfbudget: budget performance management (预算绩效管理)", "perfbudget"};
  app.set_version_flag("--version", std::string(perfbudget::kVersionString));
  app.require_subcommand(1);
  Context ctx;
  ctx.out = &std::cout;
  ctx.err = &std::cerr;
  perfbudget::cli::RegisterCheck(app, ctx);
  perfbudget::cli::RegisterSummary(app, ctx);
  perfbudget::cli::RegisterConvert(app, ctx);
  perfbudget::cli::RegisterSynth(app, ctx);
  perfbudget::cli::RegisterPolicy(app, ctx);
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
  return ctx.exit_code;
}
