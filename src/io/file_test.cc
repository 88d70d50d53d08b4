// Tests for ReadFile and WriteFileAtomically (perfbudget/io/file.h): the
// guarded reader every file input goes through.
#include "perfbudget/io/file.h"

#include <dirent.h>
#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/unprivileged_test_util.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;

// A fresh folder under the test temp dir.
std::string MakeTempDir() {
  std::string tmpl = ::testing::TempDir() + "/pfb_file_test_XXXXXX";
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

std::string Message(const absl::Status& s) { return std::string(s.message()); }

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

// A regular file whose size is not known in advance (st_size 0) is read to
// its end.
TEST(ReadFileTest, ReadsProcFilesOfUnknownSize) {
  absl::StatusOr<std::string> back = ReadFile("/proc/self/status");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_THAT(*back, HasSubstr("Name:"));
}

TEST(ReadFileTest, ErrorsNameThePath) {
  absl::StatusOr<std::string> missing = ReadFile("/nonexistent/dir/file.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(missing.status()), HasSubstr("/nonexistent/dir/file.json"));
  EXPECT_THAT(Message(missing.status()), HasSubstr("No such file or directory"));

  const std::string dir = MakeTempDir();
  absl::StatusOr<std::string> is_dir = ReadFile(dir);
  ASSERT_FALSE(is_dir.ok());
  EXPECT_EQ(is_dir.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(is_dir.status()), HasSubstr(dir));
  EXPECT_THAT(Message(is_dir.status()), HasSubstr("Is a directory"));

  // A path through a regular file (ENOTDIR): refused as root too.
  ASSERT_TRUE(WriteFileAtomically(dir + "/file", "x").ok());
  absl::StatusOr<std::string> through = ReadFile(dir + "/file/inner.json");
  ASSERT_FALSE(through.ok());
  EXPECT_EQ(through.status().code(), absl::StatusCode::kNotFound);
}

TEST(ReadFileTest, WhatNamesTheFileInMessages) {
  absl::StatusOr<std::string> r = ReadFile("/nonexistent/p.json", {.what = "the policy file"});
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(Message(r.status()),
              HasSubstr("cannot open the policy file \"/nonexistent/p.json\""));
}

TEST(ReadFileTest, RefusesDevicesThatNeverEnd) {
  for (const char* device : {"/dev/zero", "/dev/urandom", "/dev/null"}) {
    auto r = ReadFile(device);
    ASSERT_FALSE(r.ok()) << device;
    EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(Message(r.status()), HasSubstr(device));
    EXPECT_THAT(Message(r.status()), HasSubstr("not a regular file but a character device"));
  }
}

// A FIFO nobody writes to: refused at once (opened without blocking), not
// waited on; with a writer holding it open, still refused without reading.
TEST(ReadFileTest, RefusesFifosWithoutBlocking) {
  const std::string dir = MakeTempDir();
  const std::string fifo = dir + "/policy.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  absl::StatusOr<std::string> r = ReadFile(fifo);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r.status()), HasSubstr("not a regular file but a FIFO (named pipe)"));
  EXPECT_THAT(Message(r.status()), HasSubstr(fifo));
}

TEST(ReadFileTest, RefusesSockets) {
  const std::string dir = MakeTempDir();
  const std::string path = dir + "/s";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(path.size(), sizeof(addr.sun_path));
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)), 0);
  absl::StatusOr<std::string> r = ReadFile(path);
  ::close(fd);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r.status()), HasSubstr("not a regular file but a socket"));
  EXPECT_THAT(Message(r.status()), HasSubstr(path));
}

TEST(ReadFileTest, SizeLimitIsEnforcedBeforeReading) {
  const std::string dir = MakeTempDir();
  const std::string path = dir + "/big";
  ASSERT_TRUE(WriteFileAtomically(path, std::string(1000, 'x')).ok());
  absl::StatusOr<std::string> r = ReadFile(path, {.max_bytes = 999});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(Message(r.status()), HasSubstr("1000 bytes or more, over the 999-byte limit"));
  absl::StatusOr<std::string> ok = ReadFile(path, {.max_bytes = 1000});
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->size(), 1000u);
}

using io_test::RunUnprivileged;

TEST(ReadFileTest, UnreadableFileIsPermissionDenied) {
  const std::string dir = MakeTempDir();
  ASSERT_EQ(::chmod(dir.c_str(), 0755), 0);
  const std::string path = dir + "/secret.json";
  ASSERT_TRUE(WriteFileAtomically(path, "{}").ok());
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  // 0: refused as PermissionDenied naming the path; 1: read; 2: other error.
  const int result = RunUnprivileged([&path] {
    absl::StatusOr<std::string> r = ReadFile(path);
    if (r.ok()) return 1;
    const bool named = Message(r.status()).find(path) != std::string::npos &&
                       Message(r.status()).find("Permission denied") != std::string::npos;
    return r.status().code() == absl::StatusCode::kPermissionDenied && named ? 0 : 2;
  });
  ASSERT_NE(result, -1) << "could not drop privileges to run the check";
  EXPECT_EQ(result, 0);
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
  EXPECT_THAT(Message(st), HasSubstr("/nonexistent/dir/out.json"));

  // Replacing a folder fails; the folder and its parent stay as they were.
  const std::string dir = MakeTempDir();
  ASSERT_EQ(::mkdir((dir + "/sub").c_str(), 0755), 0);
  st = WriteFileAtomically(dir + "/sub", "x");
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr(dir + "/sub"));
  EXPECT_THAT(ListDir(dir), ::testing::ElementsAre("sub"));

  EXPECT_FALSE(WriteFileAtomically("", "x").ok());
}

}  // namespace
}  // namespace perfbudget
