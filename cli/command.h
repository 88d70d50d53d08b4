// command.h: how the perfbudget command-line tool's subcommands plug in.
//
// Each subcommand lives in its own cli/cmd_*.cc and exposes one Register*
// function that adds a CLI11 subcommand and sets its callback. Callbacks
// write results to `out` and errors to `err`, and set `*exit_code`
// (docs/cli.md lists the exit codes).
#ifndef PERFBUDGET_CLI_COMMAND_H_
#define PERFBUDGET_CLI_COMMAND_H_

#include <iosfwd>
#include <string>

#include "CLI/CLI.hpp"

namespace perfbudget::cli {

// Exit codes (stable; docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings =
    1;  // ran fine; the data has errors / blocked items / warnings at the threshold
inline constexpr int kExitUsage = 2;        // bad command line
inline constexpr int kExitInputError = 3;   // input could not be loaded (dataset, policy)
inline constexpr int kExitOutputError = 4;  // output could not be written
inline constexpr int kExitInternal = 70;    // a bug

// Options every subcommand shares.
struct GlobalOptions {
  std::string format = "text";     // text | json | csv
  std::string lang = "zh";         // zh | en
  std::string encoding = "utf-8";  // CSV input encoding: utf-8 | gb18030
  unsigned threads = 0;            // threads a dataset load may use; 0 = every core
};

struct Context {
  GlobalOptions global;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  int exit_code = kExitOk;
};

void RegisterCheck(CLI::App& app, Context& ctx);
void RegisterSummary(CLI::App& app, Context& ctx);
void RegisterConvert(CLI::App& app, Context& ctx);
void RegisterSynth(CLI::App& app, Context& ctx);
void RegisterPolicy(CLI::App& app, Context& ctx);
void RegisterReview(CLI::App& app, Context& ctx);
void RegisterMonitor(CLI::App& app, Context& ctx);
void RegisterReclaim(CLI::App& app, Context& ctx);
// The evaluation follow-up (cmd_coverage.cc, cmd_rectification.cc, cmd_disclosure.cc).
void RegisterCoverage(CLI::App& app, Context& ctx);
void RegisterRectification(CLI::App& app, Context& ctx);
void RegisterDisclosure(CLI::App& app, Context& ctx);
// The year-end evaluation (cmd_evaluate.cc, cmd_results.cc).
void RegisterEvaluate(CLI::App& app, Context& ctx);  // cmd_evaluate.cc
void RegisterResults(CLI::App& app, Context& ctx);   // cmd_results.cc
// The core indicator library (cmd_indicators.cc).
void RegisterIndicators(CLI::App& app, Context& ctx);

}  // namespace perfbudget::cli

#endif  // PERFBUDGET_CLI_COMMAND_H_
