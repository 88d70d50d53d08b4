// csv_test_util.h: temporary folders and fixtures for the CSV tests.
#ifndef PERFBUDGET_IO_CSV_TEST_UTIL_H_
#define PERFBUDGET_IO_CSV_TEST_UTIL_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace perfbudget::csv_test {

inline std::string SourceDir() {
#ifdef PERFBUDGET_SOURCE_DIR
  return PERFBUDGET_SOURCE_DIR;
#else
  return ".";
#endif
}

inline std::string FixtureDir(const std::string& name) {
  return SourceDir() + "/tests/data/csv/" + name;
}

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteAll(const std::filesystem::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << content;
}

// A fresh, empty folder under the test temporary folder, removed at the end.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::path(::testing::TempDir()) /
            (std::string("pfb_csv_") + info->test_suite_name() + "_" + info->name() + "_" +
             std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string str(const std::string& sub = "") const {
    return sub.empty() ? path_.string() : (path_ / sub).string();
  }

 private:
  std::filesystem::path path_;
};

// Copies a fixture folder into `to` and overwrites/adds `files`.
inline void CopyFixture(const std::string& fixture, const std::filesystem::path& to,
                        const std::map<std::string, std::string>& files = {}) {
  std::filesystem::create_directories(to);
  for (const auto& e : std::filesystem::directory_iterator(FixtureDir(fixture))) {
    std::filesystem::copy_file(e.path(), to / e.path().filename(),
                               std::filesystem::copy_options::overwrite_existing);
  }
  for (const auto& [name, content] : files) WriteAll(to / name, content);
}

// All files of a folder, by name.
inline std::map<std::string, std::string> ReadFolder(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    out[e.path().filename().string()] = ReadAll(e.path());
  }
  return out;
}

}  // namespace perfbudget::csv_test

#endif  // PERFBUDGET_IO_CSV_TEST_UTIL_H_
