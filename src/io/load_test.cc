// Tests for ReadFile, WriteFileAtomically and LoadDataset's dispatch.
#include "perfbudget/io/load.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

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

std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return names;
  while (dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  ::closedir(d);
  return names;
}

std::string Fixture(const std::string& rel) {
  return std::string(PERFBUDGET_SOURCE_DIR) + "/tests/data/" + rel;
}

TEST(ReadFileTest, ReadsWholeFile) {
  const std::string dir = MakeTempDir();
  const std::string path = dir + "/a.txt";
  std::string content(100000, 'x');
  content += "尾";
  ASSERT_TRUE(WriteFileAtomically(path, content).ok());
  absl::StatusOr<std::string> back = ReadFile(path);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, content);
}

TEST(ReadFileTest, ReadsEmptyFile) {
  const std::string dir = MakeTempDir();
  ASSERT_TRUE(WriteFileAtomically(dir + "/empty", "").ok());
  absl::StatusOr<std::string> back = ReadFile(dir + "/empty");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, "");
}

TEST(ReadFileTest, ErrorsNameThePath) {
  absl::StatusOr<std::string> missing = ReadFile("/nonexistent/dir/file.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(missing.status().message()), HasSubstr("/nonexistent/dir/file.json"));

  const std::string dir = MakeTempDir();
  absl::StatusOr<std::string> is_dir = ReadFile(dir);
  ASSERT_FALSE(is_dir.ok());
  EXPECT_THAT(std::string(is_dir.status().message()), HasSubstr(dir));
}

TEST(ReadFileTest, RefusesDevicesThatNeverEnd) {
  auto r = ReadFile("/dev/zero");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(std::string(r.status().message()).find("/dev/zero"), std::string::npos);
}

TEST(WriteFileAtomicallyTest, CreatesAndReplacesLeavingNoTemporaryFile) {
  const std::string dir = MakeTempDir();
  const std::string path = dir + "/out.json";
  ASSERT_TRUE(WriteFileAtomically(path, "first").ok());
  EXPECT_EQ(*ReadFile(path), "first");
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
  ASSERT_TRUE(WriteFileAtomically(path, "second, longer content").ok());
  EXPECT_EQ(*ReadFile(path), "second, longer content");
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);  // the replaced file's mode is kept
  EXPECT_THAT(ListDir(dir), ::testing::ElementsAre("out.json"));
}

TEST(WriteFileAtomicallyTest, ErrorsNameThePathAndLeaveNothingBehind) {
  absl::Status st = WriteFileAtomically("/nonexistent/dir/out.json", "x");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(st.message()), HasSubstr("/nonexistent/dir/out.json"));

  // Replacing a folder fails; the folder and its parent stay as they were.
  const std::string dir = MakeTempDir();
  ASSERT_EQ(::mkdir((dir + "/sub").c_str(), 0755), 0);
  st = WriteFileAtomically(dir + "/sub", "x");
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(std::string(st.message()), HasSubstr(dir + "/sub"));
  EXPECT_THAT(ListDir(dir), ::testing::ElementsAre("sub"));

  EXPECT_FALSE(WriteFileAtomically("", "x").ok());
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
