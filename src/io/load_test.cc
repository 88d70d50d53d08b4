// Tests for LoadDataset's dispatch (ReadFile and WriteFileAtomically: file_test.cc).
#include "perfbudget/io/load.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "perfbudget/io/file.h"

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
