// cli_runner.h: runs the perfbudget command line in-process (as cli/main.cc
// does, with the output captured), so the fuzz targets reach the writers of
// every command and --format.
#ifndef PERFBUDGET_FUZZ_CLI_RUNNER_H_
#define PERFBUDGET_FUZZ_CLI_RUNNER_H_

#include <string>
#include <vector>

namespace perfbudget::fuzz {

struct CliRun {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// `args` without the program name: {"review", "--format", "json", "data.json"}.
CliRun RunCli(const std::vector<std::string>& args);

}  // namespace perfbudget::fuzz

#endif  // PERFBUDGET_FUZZ_CLI_RUNNER_H_
