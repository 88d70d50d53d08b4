// fuzz_dataset_json: a JSON dataset → load → every analysis and writer.
//
// The input is the dataset file. It is loaded from memory (LoadDatasetJson);
// a dataset that loads goes through review, monitoring, reclaim, the curve and
// its SVG, the summary and the JSON writer (fuzz/analyses.h), then through the
// command line in-process: check, summary, review, monitor and reclaim with a
// --format and --lang chosen from the input, and convert to JSON.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyses.h"
#include "cli_runner.h"
#include "fuzz_util.h"
#include "perfbudget/io/json.h"

namespace {

void CheckCli(const perfbudget::fuzz::CliRun& run) {
  // 0 fine, 1 findings, 3 input refused; 2 (usage), 4 (output) and 70
  // (internal error) are bugs here.
  FUZZ_CHECK(run.exit_code == 0 || run.exit_code == 1 || run.exit_code == 3,
             std::to_string(run.exit_code) + "\n" + run.err);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace perfbudget;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::uint32_t choice = fuzz::Mix(data, size);
  Diagnostics diagnostics;
  LoadOptions options;
  options.max_errors = 1 + choice % 8;
  const auto dataset = LoadDatasetJson(text, options, &diagnostics, "fuzz.json");
  if (!dataset.ok()) return 0;
  fuzz::RunAnalysesWithBuiltinPolicy(*dataset, choice);

  const std::string path = fuzz::ScratchDir() + "/dataset.json";
  fuzz::WriteWholeFile(path, text);
  static const char* const kFormats[] = {"text", "json", "csv"};
  const std::string format = kFormats[(choice >> 12) % 3];
  const std::string lang = (choice & 1) != 0 ? "en" : "zh";
  CheckCli(fuzz::RunCli({"review", "--format", format, "--lang", lang, path}));
  // The dated commands need an as-of date when the dataset states none (exit
  // 2 otherwise); with one, --as-of is left out now and then.
  std::vector<std::string> as_of;
  const std::optional<Date> own = dataset->info().as_of;
  if (!own.has_value() || (choice & 4) != 0) {
    as_of = {"--as-of", own.value_or(dataset->fiscal_year().last_day()).ToString()};
  }
  for (const char* command : {"summary", "monitor", "reclaim"}) {
    std::vector<std::string> args = {command, "--format", format, "--lang", lang, path};
    args.insert(args.end(), as_of.begin(), as_of.end());
    CheckCli(fuzz::RunCli(args));
  }
  CheckCli(fuzz::RunCli({"check", "--format", (choice & 2) != 0 ? "json" : "text", path}));
  CheckCli(fuzz::RunCli({"convert", path, "-"}));
  return 0;
}
