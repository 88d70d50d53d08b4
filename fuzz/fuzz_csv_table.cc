// fuzz_csv_table: each CSV table form → load → every analysis.
//
// Input: one byte choosing the table (low four bits, modulo the 13 tables)
// and the encoding (bit 7: GB 18030, else UTF-8), then the table's bytes.
// The other tables are those of tests/data/csv/good, so the fuzzed one is
// read as part of a whole dataset (its references resolve or fail as in real
// use). A dataset that loads goes through every analysis (fuzz/analyses.h).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "analyses.h"
#include "fuzz_util.h"
#include "perfbudget/io/csv.h"

namespace {

constexpr const char* kTables[] = {
    "dataset.csv",      "units.csv",       "projects.csv",      "funds.csv",   "adjustments.csv",
    "payment_plan.csv", "goals.csv",       "indicators.csv",    "actuals.csv", "disbursements.csv",
    "ex_ante.csv",      "evaluations.csv", "rectifications.csv"};
constexpr std::size_t kTableCount = sizeof(kTables) / sizeof(kTables[0]);

// The folder the loader reads: a copy of tests/data/csv/good.
const std::string& Folder() {
  static const std::string dir = [] {
    namespace fs = std::filesystem;
    const std::string d = perfbudget::fuzz::ScratchDir() + "/csv";
    fs::create_directories(d);
    fs::copy(perfbudget::fuzz::SourceDir() + "/tests/data/csv/good", d,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace perfbudget;
  if (size == 0) return 0;
  const std::size_t table = (data[0] & 0x0F) % kTableCount;
  const bool gb18030 = (data[0] & 0x80) != 0;
  const std::string path = Folder() + "/" + kTables[table];
  const std::string original = fuzz::ReadWholeFile(path);
  fuzz::WriteWholeFile(path, std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));

  const std::uint32_t choice = fuzz::Mix(data, size);
  CsvLoadOptions options;
  options.encoding = gb18030 ? TextEncoding::kGb18030 : TextEncoding::kUtf8;
  options.max_errors = 1 + choice % 8;
  Diagnostics diagnostics;
  const auto dataset = LoadDatasetCsv(Folder(), options, &diagnostics);
  fuzz::WriteWholeFile(path, original);
  if (dataset.ok()) fuzz::RunAnalysesWithBuiltinPolicy(*dataset, choice);
  return 0;
}
