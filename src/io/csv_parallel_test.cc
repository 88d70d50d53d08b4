// csv_parallel_test.cc: a CSV load gives the same dataset and the same
// diagnostics (order, text, max_errors cut-off) for any thread count, with
// a disbursements table large enough to be cut into chunks (over 2 MiB)
// whose quoted fields hold newlines.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/csv_table.h"
#include "io/csv_test_util.h"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/json.h"
#include "perfbudget/io/load.h"
#include "perfbudget/synth/synth.h"

namespace perfbudget {
namespace {

using csv_test::ReadAll;
using csv_test::TempDir;
using csv_test::WriteAll;
using ::testing::HasSubstr;

constexpr unsigned kThreadCounts[] = {1, 2, 3, 8};
// Chunks of 16 KiB: a small table is cut into many (the default, 1 MiB,
// would need tables of megabytes, slow under the sanitizers).
constexpr std::size_t kChunkBytes = std::size_t{16} << 10;

// What a load gave, as text: the dataset written back, or the status and
// every diagnostic.
std::string Outcome(const std::string& dir, unsigned threads, std::size_t max_errors = 100,
                    std::size_t chunk_bytes = kChunkBytes) {
  CsvLoadOptions options;
  options.threads = threads;
  options.chunk_bytes = chunk_bytes;
  options.max_errors = max_errors;
  Diagnostics diagnostics;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(dir, options, &diagnostics);
  if (ds.ok()) return DatasetToJson(*ds);
  std::string out = absl::StrCat(ds.status().ToString(), "\n");
  for (const Diagnostic& d : diagnostics.items()) absl::StrAppend(&out, d.ToString(), "\n");
  absl::StrAppend(&out, "dropped ", diagnostics.dropped(), "\n");
  return out;
}

// A synthesized year written as CSV, its disbursements over 16 chunks, every
// 97th voucher number made a quoted two-line text ("V…\nB"), so that the
// chunk boundaries have quoted newlines near them.
class ParallelCsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SynthOptions synth;
    synth.seed = 7;
    synth.units = 40;
    synth.projects = 600;
    synth.disbursements_per_project = 11;
    absl::StatusOr<Dataset> ds = Synthesize(synth);
    ASSERT_TRUE(ds.ok()) << ds.status();
    ASSERT_TRUE(WriteDatasetCsv(*ds, dir_.str()).ok());
    const std::string path = dir_.str("disbursements.csv");
    std::vector<std::string> lines = absl::StrSplit(ReadAll(path), '\n');
    ASSERT_GT(lines.size(), 3u);
    header_ = absl::StrSplit(lines[0], ',');
    id_column_ = ColumnOf("id");
    amount_column_ = ColumnOf("amount");
    ASSERT_GE(id_column_, 0);
    ASSERT_GE(amount_column_, 0);
    std::string text = absl::StrCat(lines[0], "\n");
    for (std::size_t r = 1; r < lines.size(); ++r) {
      if (lines[r].empty()) continue;
      std::vector<std::string> cells = absl::StrSplit(lines[r], ',');
      ASSERT_EQ(cells.size(), header_.size()) << lines[r];
      if (r % 97 == 0)
        cells[static_cast<std::size_t>(id_column_)] = absl::StrCat("\"V", r, "\nB\"");
      rows_.push_back(cells);
    }
    disbursements_ = path;
    WriteDisbursements({});
    ASSERT_GT(std::filesystem::file_size(path), std::uintmax_t{16} * kChunkBytes)
        << "too small to be cut into chunks";
  }

  int ColumnOf(std::string_view name) const {
    for (std::size_t c = 0; c < header_.size(); ++c) {
      if (header_[c] == name) return static_cast<int>(c);
    }
    return -1;
  }

  // Writes disbursements.csv with the amount of the rows `bad` (0-based data
  // rows) made unreadable; returns the line each bad row starts on.
  std::vector<int> WriteDisbursements(const std::vector<std::size_t>& bad) {
    std::string text;
    for (std::size_t c = 0; c < header_.size(); ++c) {
      absl::StrAppend(&text, c ? "," : "", header_[c]);
    }
    text += "\n";
    int line = 2;
    std::vector<int> bad_lines;
    std::size_t next_bad = 0;
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      std::vector<std::string> cells = rows_[r];
      if (next_bad < bad.size() && bad[next_bad] == r) {
        cells[static_cast<std::size_t>(amount_column_)] = absl::StrCat("12x", r);
        bad_lines.push_back(line);
        ++next_bad;
      }
      std::string row;
      for (std::size_t c = 0; c < cells.size(); ++c) absl::StrAppend(&row, c ? "," : "", cells[c]);
      for (char ch : row) line += ch == '\n' ? 1 : 0;
      ++line;
      absl::StrAppend(&text, row, "\n");
    }
    WriteAll(disbursements_, text);
    return bad_lines;
  }

  TempDir dir_;
  std::string disbursements_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  int id_column_ = -1;
  int amount_column_ = -1;
};

TEST_F(ParallelCsvTest, SameDatasetForAnyThreadCount) {
  const std::string one = Outcome(dir_.str(), 1);
  ASSERT_THAT(one, HasSubstr("\"disbursements\"")) << one.substr(0, 2000);
  EXPECT_THAT(one, HasSubstr("V97\\nB"));  // the quoted two-line voucher number, read whole
  for (unsigned threads : kThreadCounts) {
    EXPECT_EQ(Outcome(dir_.str(), threads), one) << threads << " threads";
  }
  // 0 = every core; LoadDataset passes the count on.
  EXPECT_EQ(Outcome(dir_.str(), 0), one);
  CsvLoadOptions options;
  options.threads = 3;
  options.chunk_bytes = kChunkBytes;
  absl::StatusOr<Dataset> via_load = LoadDataset(dir_.str(), options);
  ASSERT_TRUE(via_load.ok()) << via_load.status();
  EXPECT_EQ(DatasetToJson(*via_load), one);
}

TEST_F(ParallelCsvTest, SameDatasetForAnyChunkSize) {
  const std::string one = Outcome(dir_.str(), 2);
  ASSERT_THAT(one, HasSubstr("\"disbursements\"")) << one.substr(0, 2000);
  // 1 KiB: hundreds of chunks, some holding a record or two; 0: the default
  // (1 MiB), more than these tables hold, so one chunk a table and one thread.
  for (std::size_t chunk_bytes : {std::size_t{1} << 10, std::size_t{100} << 10, std::size_t{0}}) {
    EXPECT_EQ(Outcome(dir_.str(), 2, 100, chunk_bytes), one) << chunk_bytes << " bytes a chunk";
  }
}

TEST_F(ParallelCsvTest, SameDiagnosticsForAnyThreadCount) {
  // Problems in several tables: a header, projects, indicators, and bad
  // amounts spread over the whole disbursements table (so in every chunk).
  std::vector<std::size_t> bad;
  for (std::size_t r = 5; r < rows_.size(); r += rows_.size() / 37) bad.push_back(r);
  bad.push_back(rows_.size() - 1);
  const std::vector<int> bad_lines = WriteDisbursements(bad);
  const std::string funds = dir_.str("funds.csv");
  std::string funds_text = ReadAll(funds);
  funds_text.insert(funds_text.find('\n'), ",surprise");
  WriteAll(funds, funds_text);
  const std::string projects = dir_.str("projects.csv");
  std::string projects_text = ReadAll(projects);
  projects_text += "P-bad,U-none,Broken project,,,maybe\n";
  WriteAll(projects, projects_text);
  const std::string indicators = dir_.str("indicators.csv");
  std::string indicators_text = ReadAll(indicators);
  indicators_text += "\"unterminated\n";
  WriteAll(indicators, indicators_text);

  for (std::size_t max_errors : {std::size_t{100000}, std::size_t{7}, std::size_t{30}}) {
    const std::string one = Outcome(dir_.str(), 1, max_errors);
    ASSERT_THAT(one, HasSubstr("INVALID_ARGUMENT")) << one.substr(0, 2000);
    for (unsigned threads : kThreadCounts) {
      EXPECT_EQ(Outcome(dir_.str(), threads, max_errors), one)
          << threads << " threads, max_errors " << max_errors;
    }
  }
  // Every bad amount is reported on its own line, whichever chunk read it.
  const std::string all = Outcome(dir_.str(), 8, 100000);
  for (std::size_t k = 0; k < bad.size(); ++k) {
    EXPECT_THAT(all, HasSubstr(absl::StrCat("disbursements.csv:", bad_lines[k], ":")))
        << "row " << bad[k];
    EXPECT_THAT(all, HasSubstr(absl::StrCat("12x", bad[k])));
  }
  EXPECT_THAT(all, HasSubstr("surprise"));
  EXPECT_THAT(all, HasSubstr("unterminated quoted field"));
}

TEST(CsvSplitPointsTest, CutsOnlyBetweenRecords) {
  const std::string text = "a,b\n1,\"x\ny\"\n2,z\n\"3\n\n\",w\n4,v\n";
  const std::size_t begin = 4;  // after the header
  for (std::size_t parts = 2; parts < 12; ++parts) {
    const std::vector<std::size_t> points = CsvSplitPoints(text, begin, parts);
    std::size_t last = begin;
    for (std::size_t p : points) {
      EXPECT_GT(p, last);
      EXPECT_EQ(text[p - 1], '\n');
      // Each cut is where a record starts: not inside "x\ny" or "3\n\n".
      EXPECT_TRUE(p == 12 || p == 16 || p == 24) << p;
      last = p;
    }
  }
  EXPECT_EQ(CsvCountLineEnds("a\r\nb\rc\n", 0, 7), 3);
  EXPECT_EQ(CsvCountLineEnds("a\r\nb\rc\n", 0, 2), 0);  // the CRLF ends at its LF
}

}  // namespace
}  // namespace perfbudget
