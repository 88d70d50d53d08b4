// main.cc: the perfbudget command-line tool.
//
// Subcommands live in cli/cmd_*.cc (cli/command.h). Results go to stdout,
// errors to stderr; exit codes are listed in cli/command.h and docs/cli.md.
// A bad command line exits 2 with CLI11's message, prefixed "perfbudget: ";
// so does an unknown command, with --help too.
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"
#include "output.h"
#include "perfbudget/version.h"

namespace {

// The global options that take a value (AddGlobalOptions), so that the
// command word can be told from an option's value: `--format json review`.
bool TakesValue(std::string_view arg) {
  return arg == "--format" || arg == "--lang" || arg == "--encoding" || arg == "--threads";
}

// The first word that is neither an option nor an option's value, or "".
std::string_view CommandWord(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") return i + 1 < argc ? std::string_view(argv[i + 1]) : std::string_view();
    if (arg.starts_with("-")) {
      if (TakesValue(arg)) ++i;
      continue;
    }
    return arg;
  }
  return {};
}

// An unknown command is a usage error (exit 2) even with --help, which CLI11
// would otherwise answer with the main help and exit 0.
bool CheckCommandWord(const CLI::App& app, int argc, char** argv) {
  const std::string_view word = CommandWord(argc, argv);
  if (word.empty()) return true;
  std::string known;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->check_name(std::string(word))) return true;
    known += (known.empty() ? "" : ", ") + sub->get_name();
  }
  std::cerr << "perfbudget: unknown command \"" << word << "\" (expected one of: " << known
            << "; see perfbudget --help)\n";
  return false;
}

// CLI11's own errors, with the tool's prefix like every other message.
std::string FailureMessage(const CLI::App* app, const CLI::Error& e) {
  return "perfbudget: " + CLI::FailureMessage::simple(app, e);
}

}  // namespace

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
  perfbudget::cli::RegisterCoverage(app, ctx);
  perfbudget::cli::RegisterRectification(app, ctx);
  perfbudget::cli::RegisterDisclosure(app, ctx);
  perfbudget::cli::RegisterEvaluate(app, ctx);
  perfbudget::cli::RegisterResults(app, ctx);
  app.failure_message(FailureMessage);
  if (!CheckCommandWord(app, argc, argv)) return perfbudget::cli::kExitUsage;
  // CLI11 2.1 reads "--opt=" (an empty value after '=') as "--opt" without a
  // value and takes the next argument instead ("--as-of= data.json" lost
  // DATA). Given as two arguments, the empty value reaches the option and is
  // reported as such ("--as-of: \"\" is not a date").
  std::vector<std::string> args;
  for (int i = argc - 1; i >= 1; --i) {  // CLI11 parses a reversed vector
    const std::string_view a = argv[i];
    if (a.size() > 3 && a.substr(0, 2) == "--" && a.back() == '=' && a.find('=') == a.size() - 1) {
      args.emplace_back("");
      args.emplace_back(a.substr(0, a.size() - 1));
    } else {
      args.emplace_back(a);
    }
  }
  try {
    app.parse(args);
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
