// Tests for LoadDataset's dispatch (ReadFile and WriteFileAtomically: file_test.cc).
#include "perfbudget/io/load.h"

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/unprivileged_test_util.h"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/file.h"
#include "perfbudget/io/json.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;

// A fresh folder under the test temp dir.
std::string MakeTempDir() {
  std::string tmpl = ::testing::TempDir() + "/pfb_load_test_XXXXXX";
  const char* dir = ::mkdtemp(tmpl.data());
  EXPECT_NE(dir, nullptr);
  return tmpl;
}

std::string Fixture(const std::string& rel) {
  return std::string(PERFBUDGET_SOURCE_DIR) + "/tests/data/" + rel;
}

TEST(LoadDatasetTest, FileLoadsAsJson) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDataset(Fixture("json/good/full.json"), {}, &diags);
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_EQ(ds->projects().size(), 2u);
}

TEST(LoadDatasetTest, FolderWithDatasetJsonLoadsTheJson) {
  const std::string dir = MakeTempDir();
  absl::StatusOr<std::string> text = ReadFile(Fixture("json/good/full.json"));
  ASSERT_TRUE(text.ok());
  ASSERT_TRUE(WriteFileAtomically(dir + "/dataset.json", *text).ok());
  absl::StatusOr<Dataset> ds = LoadDataset(dir + "/");
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_EQ(ds->units().size(), 2u);
}

TEST(LoadDatasetTest, FolderWithoutDatasetJsonLoadsAsCsv) {
  // An empty folder goes to the CSV reader, which misses its tables.
  const std::string dir = MakeTempDir();
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDataset(dir, {}, &diags);
  ASSERT_FALSE(ds.ok());
  ASSERT_FALSE(diags.empty());
  bool names_csv = false;
  for (const Diagnostic& d : diags.items()) {
    names_csv = names_csv || d.ToString().find(".csv") != std::string::npos;
  }
  EXPECT_TRUE(names_csv);
}

// Anything but a regular file or a folder is refused at once with a located
// diagnostic: a FIFO nobody writes to must not hang the load, and /dev/zero
// must not be read until memory runs out.
TEST(LoadDatasetTest, FifoAndDeviceAreRefusedAtOnce) {
  const std::string dir = MakeTempDir();
  const std::string fifo = dir + "/dataset.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const std::string& path : {fifo, std::string("/dev/zero")}) {
    Diagnostics diags;
    absl::StatusOr<Dataset> ds = LoadDataset(path, {}, &diags);
    ASSERT_FALSE(ds.ok()) << path;
    EXPECT_EQ(ds.status().code(), absl::StatusCode::kFailedPrecondition) << ds.status();
    EXPECT_THAT(std::string(ds.status().message()), HasSubstr("not a regular file"));
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(diags.items()[0].kind, DiagnosticKind::kIo);
    EXPECT_EQ(diags.items()[0].where.file, path);
  }
  // A folder holding a FIFO named dataset.json: the same, not a hang.
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDataset(dir, {}, &diags);
  ASSERT_FALSE(ds.ok());
  EXPECT_THAT(std::string(ds.status().message()), HasSubstr("FIFO"));
}

// docs/format.md "Limits": the size of a file (or of each CSV table) and the
// nesting of a JSON document are capped by the load options, each refused
// with a located diagnostic.
TEST(LoadLimitsTest, FileSizeLimit) {
  const std::string json = Fixture("json/good/full.json");
  absl::StatusOr<std::string> text = ReadFile(json);
  ASSERT_TRUE(text.ok());
  CsvLoadOptions options;
  options.max_file_bytes = text->size() - 1;
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDataset(json, options, &diags);
  ASSERT_FALSE(ds.ok());
  EXPECT_EQ(ds.status().code(), absl::StatusCode::kResourceExhausted);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags.items()[0].kind, DiagnosticKind::kIo);
  EXPECT_EQ(diags.items()[0].where.file, json);
  EXPECT_THAT(diags.items()[0].message, HasSubstr("-byte limit"));
  options.max_file_bytes = text->size();
  EXPECT_TRUE(LoadDataset(json, options).ok());

  // Text handed over in memory: the same limit.
  LoadOptions json_options;
  json_options.max_file_bytes = text->size() - 1;
  Diagnostics d2;
  absl::StatusOr<Dataset> ds2 = LoadDatasetJson(*text, json_options, &d2, "mem.json");
  ASSERT_FALSE(ds2.ok());
  EXPECT_EQ(ds2.status().code(), absl::StatusCode::kResourceExhausted);
  ASSERT_EQ(d2.size(), 1u);
  EXPECT_EQ(d2.items()[0].where.file, "mem.json");

  // Each CSV table: the one over the limit is named.
  const std::string dir = MakeTempDir();
  ASSERT_TRUE(WriteDatasetCsv(*LoadDataset(json), dir + "/csv").ok());
  absl::StatusOr<std::string> projects = ReadFile(dir + "/csv/projects.csv");
  ASSERT_TRUE(projects.ok());
  CsvLoadOptions csv_options;
  csv_options.max_file_bytes = projects->size() - 1;
  Diagnostics d3;
  EXPECT_FALSE(LoadDatasetCsv(dir + "/csv", csv_options, &d3).ok());
  bool named = false;
  for (const Diagnostic& d : d3.items()) {
    named = named || (d.where.file.ends_with("projects.csv") &&
                      d.message.find("-byte limit") != std::string::npos);
  }
  EXPECT_TRUE(named) << d3.items()[0].ToString();
}

TEST(LoadLimitsTest, NestingLimit) {
  absl::StatusOr<std::string> text = ReadFile(Fixture("json/good/full.json"));
  ASSERT_TRUE(text.ok());
  ASSERT_EQ(text->front(), '{');
  // An unknown field nesting 9 arrays: 10 levels with the document's object.
  const std::string deep =
      "{\"x\": " + std::string(9, '[') + std::string(9, ']') + ",\n" + text->substr(1);
  LoadOptions options;
  options.max_depth = 10;
  Diagnostics at_limit;
  EXPECT_FALSE(LoadDatasetJson(deep, options, &at_limit, "deep.json").ok());
  ASSERT_EQ(at_limit.size(), 1u);  // the unknown field only
  EXPECT_THAT(at_limit.items()[0].message, HasSubstr("unknown field `x`"));

  options.max_depth = 9;
  Diagnostics over;
  EXPECT_FALSE(LoadDatasetJson(deep, options, &over, "deep.json").ok());
  const Diagnostic* nesting = nullptr;
  for (const Diagnostic& d : over.items()) {
    if (d.kind == DiagnosticKind::kSyntax) nesting = &d;
  }
  ASSERT_NE(nesting, nullptr);
  EXPECT_EQ(nesting->message,
            "JSON syntax error: nesting too deep: more than 9 levels of arrays and objects");
  EXPECT_EQ(nesting->where.line, 1);
  EXPECT_EQ(nesting->where.column, 15);  // the ninth '['
  // The default (64) takes the dataset's own 7 levels with room to spare.
  EXPECT_TRUE(LoadDatasetJson(*text).ok());
}

// The syntax diagnostic among `diags`, or null.
const Diagnostic* SyntaxOf(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.items()) {
    if (d.kind == DiagnosticKind::kSyntax) return &d;
  }
  return nullptr;
}

// A depth beyond kMaxJsonDepth is taken as that: 2,000 levels are refused
// at the 1,025th, with no deep recursion anywhere.
TEST(LoadLimitsTest, NestingLimitIsCapped) {
  const std::string deep = "{\"x\": " + std::string(2000, '[') + std::string(2000, ']') + "}";
  LoadOptions options;
  options.max_depth = 1 << 30;
  Diagnostics diags;
  EXPECT_FALSE(LoadDatasetJson(deep, options, &diags, "deep.json").ok());
  const Diagnostic* syntax = SyntaxOf(diags);
  ASSERT_NE(syntax, nullptr);
  EXPECT_EQ(syntax->message,
            "JSON syntax error: nesting too deep: more than 1024 levels of arrays and objects");
  EXPECT_EQ(syntax->where.column, 6 + 1024);  // the 1,024th '['
  options.max_depth = -5;                     // taken as 1: the document's own object only
  Diagnostics shallow;
  EXPECT_FALSE(LoadDatasetJson("{\"units\": []}", options, &shallow, "s.json").ok());
  syntax = SyntaxOf(shallow);
  ASSERT_NE(syntax, nullptr);
  EXPECT_THAT(syntax->message, HasSubstr("more than 1 levels"));
  EXPECT_EQ(syntax->where.column, 11);
}

// A copy of the good CSV folder, in a fresh temp folder.
std::string CopyGoodCsv() {
  const std::string dir = MakeTempDir() + "/csv";
  std::filesystem::copy(Fixture("csv/good"), dir);
  return dir;
}

// The diagnostic naming `file`, or null.
const Diagnostic* Naming(const Diagnostics& diags, const std::string& file) {
  for (const Diagnostic& d : diags.items()) {
    if (d.where.file == file) return &d;
  }
  return nullptr;
}

// A CSV table that is a FIFO (nobody writing), a device, or a folder is
// refused at once, naming the table; the other tables are still read.
TEST(LoadDatasetTest, CsvTablesThatAreNotRegularFilesAreRefusedAtOnce) {
  struct Case {
    const char* what;
    std::function<void(const std::string&)> make;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"FIFO", [](const std::string& p) { ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0); },
       "not a regular file but a FIFO (named pipe)"},
      {"device", [](const std::string& p) { std::filesystem::create_symlink("/dev/zero", p); },
       "not a regular file but a character device"},
      {"directory", [](const std::string& p) { std::filesystem::create_directory(p); },
       "Is a directory"},
  };
  for (const Case& c : cases) {
    const std::string dir = CopyGoodCsv();
    const std::string table = dir + "/projects.csv";
    std::filesystem::remove(table);
    c.make(table);
    Diagnostics diags;
    absl::StatusOr<Dataset> ds = LoadDataset(dir, {}, &diags);
    ASSERT_FALSE(ds.ok()) << c.what;
    const Diagnostic* d = Naming(diags, table);
    ASSERT_NE(d, nullptr) << c.what << ": " << ds.status();
    EXPECT_EQ(d->kind, DiagnosticKind::kIo) << c.what;
    EXPECT_THAT(d->message, HasSubstr(c.says)) << c.what;
  }
}

using io_test::RunUnprivileged;

// An unreadable dataset file or CSV table: PermissionDenied naming it.
TEST(LoadDatasetTest, UnreadableDatasetAndTableArePermissionDenied) {
  const std::string dir = CopyGoodCsv();
  const std::string parent = dir.substr(0, dir.rfind('/'));
  for (const std::string& d : {parent, dir}) ASSERT_EQ(::chmod(d.c_str(), 0755), 0);
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    ASSERT_EQ(::chmod(entry.path().c_str(), 0644), 0);
  }
  const std::string table = dir + "/units.csv";
  ASSERT_EQ(::chmod(table.c_str(), 0), 0);
  const std::string json = parent + "/dataset.json";
  ASSERT_TRUE(WriteFileAtomically(json, *ReadFile(Fixture("json/good/full.json"))).ok());
  ASSERT_EQ(::chmod(json.c_str(), 0), 0);
  // 0: refused as expected; 1: loaded; 2: another error.
  auto refused = [](const std::string& path, const std::string& named) {
    return RunUnprivileged([path, named] {
      Diagnostics diags;
      absl::StatusOr<Dataset> ds = LoadDataset(path, {}, &diags);
      if (ds.ok()) return 1;
      const Diagnostic* d = Naming(diags, named);
      return d != nullptr && d->kind == DiagnosticKind::kIo &&
                     d->message.find("Permission denied") != std::string::npos
                 ? 0
                 : 2;
    });
  };
  EXPECT_EQ(refused(json, json), 0);
  EXPECT_EQ(refused(dir, table), 0);
}

// The CSV reader keeps max_errors problems and counts the others: every row
// is read, so the count is all of them.
TEST(LoadDatasetTest, CsvReaderKeepsMaxErrorsAndCountsTheRest) {
  const std::string dir = CopyGoodCsv();
  std::string funds = "project,source,approved,origin_year\n";
  for (int i = 0; i < 300; ++i) funds += "P001,general_budget,x" + std::to_string(i) + ",0\n";
  ASSERT_TRUE(WriteFileAtomically(dir + "/funds.csv", funds).ok());
  Diagnostics diags;
  CsvLoadOptions options;
  options.max_errors = 7;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(dir, options, &diags);
  ASSERT_FALSE(ds.ok());
  ASSERT_EQ(diags.size(), 7u);
  EXPECT_EQ(diags.items()[0].value, "x0");
  EXPECT_EQ(diags.items()[6].value, "x6");
  EXPECT_GE(diags.dropped(), 293u);
  EXPECT_THAT(std::string(ds.status().message()), HasSubstr(" problems found"));
}

TEST(LoadDatasetTest, MissingPathIsNotFound) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDataset("/nonexistent/dataset", {}, &diags);
  ASSERT_FALSE(ds.ok());
  EXPECT_EQ(ds.status().code(), absl::StatusCode::kNotFound);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags.items()[0].kind, DiagnosticKind::kIo);
  EXPECT_EQ(diags.items()[0].where.file, "/nonexistent/dataset");
}

}  // namespace
}  // namespace perfbudget
