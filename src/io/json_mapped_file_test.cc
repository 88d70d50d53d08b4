// json_mapped_file_test.cc: large JSON files are mapped rather than read,
// and the pages already parsed are handed back while reading. Whatever the
// path taken, a file loads to the same dataset and the same diagnostics
// (places included) as the same text loaded from memory.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "perfbudget/io/json.h"

namespace perfbudget {
namespace {

// A dataset of `units` units (about 40 bytes each), with problems early, in
// the middle and at the end when `with_problems`, padded with trailing
// spaces so that its size modulo the page size is `page_rest` (0 = no pad).
std::string BigDataset(int units, bool with_problems, std::size_t page_rest) {
  std::string s =
      "{\"format\": \"perfbudget-dataset\", \"version\": 1,\n"
      " \"fiscal_year\": {\"year\": 2022},\n \"units\": [\n";
  for (int i = 0; i < units; ++i) {
    if (i > 0) s += ",\n";
    std::string id = "U" + std::to_string(i);
    if (with_problems && i == units - 1) id = "U7";  // a duplicate, found by Build
    s += "  {\"id\": \"" + id + "\", \"name\": \"单位" + std::to_string(i) + "\"";
    if (with_problems && (i == 3 || i == units / 2)) s += ", \"colour\": \"red\"";  // unknown field
    s += "}";
  }
  s += "\n ]\n}\n";
  if (page_rest != 0) {
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    while (s.size() % page != page_rest) s += ' ';
  }
  return s;
}

std::vector<std::string> Lines(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.items()) out.push_back(x.ToString());
  return out;
}

class JsonMappedFileTest : public ::testing::TestWithParam<std::size_t> {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::path(::testing::TempDir()) /
             ("pfb_json_mapped_" + std::to_string(::getpid()) + "_" + std::to_string(GetParam()) +
              ".json"))
                .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  void Write(const std::string& text) {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out << text;
  }
  std::string path_;
};

// 500,000 units: about 20 MB, past the 16 MiB step at which read pages are
// handed back.
TEST_P(JsonMappedFileTest, ProblemsArePlacedAsFromMemory) {
  const std::string text = BigDataset(500000, true, GetParam());
  Write(text);
  Diagnostics from_file, from_memory;
  absl::StatusOr<Dataset> a = LoadDatasetJsonFile(path_, {}, &from_file);
  absl::StatusOr<Dataset> b = LoadDatasetJson(text, {}, &from_memory, path_);
  ASSERT_FALSE(a.ok());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(a.status(), b.status());
  EXPECT_EQ(Lines(from_file), Lines(from_memory));
  ASSERT_EQ(from_file.size(), 3u);
  // The duplicate is on the last unit's line, found after the reading.
  EXPECT_EQ(from_file.items()[2].where.line, 4 + 500000 - 1);
  EXPECT_NE(from_file.items()[2].message.find("duplicate unit id \"U7\""), std::string::npos);
}

TEST_P(JsonMappedFileTest, LoadsTheSameDataset) {
  const std::string text = BigDataset(500000, false, GetParam());
  Write(text);
  absl::StatusOr<Dataset> a = LoadDatasetJsonFile(path_);
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_EQ(a->units().size(), 500000u);
  EXPECT_EQ(a->units()[499999].id, "U499999");
  EXPECT_EQ(a->units()[499999].name, "单位499999");
}

// 1: the padding fits in the last page (mapped); 4090: it does not (read);
// 0: the size is a whole number of pages (read).
INSTANTIATE_TEST_SUITE_P(PageRests, JsonMappedFileTest, ::testing::Values(1, 4090, 0));

}  // namespace
}  // namespace perfbudget
