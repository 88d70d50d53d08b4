// json_mapped_file_test.cc: JSON files of 1 MiB or more are mapped rather
// than read, whatever their size modulo the page size (docs/format.md), and
// the pages already parsed are handed back while reading. Whatever the path
// taken, a file loads to the same dataset and the same diagnostics (places
// included) as the same text loaded from memory.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "io/json_internal.h"
#include "perfbudget/io/json.h"

namespace perfbudget {
namespace {

std::size_t PageSize() { return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)); }

// The size modulo the page size that leaves `spare` bytes unused in the last
// page (0: a whole number of pages). Every `spare` used is below 4096, the
// smallest page size.
std::size_t RestFor(std::size_t spare) { return spare == 0 ? 0 : PageSize() - spare; }

// A dataset of `units` units (about 40 bytes each), with problems early, in
// the middle and at the end when `with_problems`, padded with trailing
// spaces so that `spare` bytes of its last page are unused (0: its size is a
// whole number of pages).
std::string BigDataset(int units, bool with_problems, std::size_t spare) {
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
  while (s.size() % PageSize() != RestFor(spare)) s += ' ';
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

// The big loads for three of the cases: room for the padding in the last
// page, not quite (63 spare bytes), whole pages.
class JsonBigFileTest : public JsonMappedFileTest {};
INSTANTIATE_TEST_SUITE_P(SpareBytesInLastPage, JsonBigFileTest, ::testing::Values(1000, 63, 0));

// 75,000 units: about 3 MB, read with the parsed pages handed back in steps
// of 256 KiB (the default step, 16 MiB, would need a 20 MB file: slow under
// the sanitizers), so several times before the end.
constexpr int kBigUnits = 75000;
constexpr std::size_t kReleaseStep = std::size_t{256} << 10;

absl::StatusOr<Dataset> LoadInSteps(const std::string& path, Diagnostics* diagnostics) {
  return json_internal::LoadDatasetJsonFileObserved(path, {}, diagnostics, nullptr, kReleaseStep);
}

TEST_P(JsonBigFileTest, ProblemsArePlacedAsFromMemory) {
  const std::string text = BigDataset(kBigUnits, true, GetParam());
  ASSERT_EQ(text.size() % PageSize(), RestFor(GetParam()));
  ASSERT_GT(text.size(), 8 * kReleaseStep + (std::size_t{1} << 20));
  Write(text);
  Diagnostics from_file, from_memory;
  absl::StatusOr<Dataset> a = LoadInSteps(path_, &from_file);
  absl::StatusOr<Dataset> b = LoadDatasetJson(text, {}, &from_memory, path_);
  ASSERT_FALSE(a.ok());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(a.status(), b.status());
  EXPECT_EQ(Lines(from_file), Lines(from_memory));
  ASSERT_EQ(from_file.size(), 3u);
  // The duplicate is on the last unit's line, found after the reading.
  EXPECT_EQ(from_file.items()[2].where.line, 4 + kBigUnits - 1);
  EXPECT_NE(from_file.items()[2].message.find("duplicate unit id \"U7\""), std::string::npos);
}

TEST_P(JsonBigFileTest, LoadsTheSameDataset) {
  const std::string text = BigDataset(kBigUnits, false, GetParam());
  ASSERT_EQ(text.size() % PageSize(), RestFor(GetParam()));
  Write(text);
  absl::StatusOr<Dataset> a = LoadInSteps(path_, nullptr);
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_EQ(a->units().size(), std::size_t{kBigUnits});
  EXPECT_EQ(a->units()[kBigUnits - 1].id(), "U" + std::to_string(kBigUnits - 1));
  EXPECT_EQ(a->units()[kBigUnits - 1].name(), "单位" + std::to_string(kBigUnits - 1));
  // The public entry point (the default step) loads it the same.
  absl::StatusOr<Dataset> b = LoadDatasetJsonFile(path_);
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(DatasetToJson(*a), DatasetToJson(*b));
}

// The process's mappings as /proc/self/maps lists them.
struct MapEntry {
  std::uintptr_t start = 0;
  std::uintptr_t end = 0;
  std::string path;  // empty for an anonymous mapping
};
std::vector<MapEntry> Maps() {
  std::vector<MapEntry> out;
  std::ifstream in("/proc/self/maps");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    std::string range, perms, offset, dev, inode;
    f >> range >> perms >> offset >> dev >> inode;
    MapEntry e;
    const std::size_t dash = range.find('-');
    e.start = std::stoull(range.substr(0, dash), nullptr, 16);
    e.end = std::stoull(range.substr(dash + 1), nullptr, 16);
    std::getline(f >> std::ws, e.path);
    out.push_back(e);
  }
  return out;
}

// What the kernel says about the text LoadDatasetJsonFile held: which file
// the mapping under its first byte maps, and whether the bytes from its
// start to `capacity` are all mapped (no gap), observed while it was held.
struct Observed {
  bool called = false;
  bool says_mapped = false;
  std::string path_at_start;     // the mapping under text.data()
  std::string path_at_last;      // under the text's last byte
  bool capacity_mapped = false;  // [data, data + capacity) has no unmapped byte
  std::size_t capacity = 0;
  bool padding_zero = false;  // the 64 bytes after the text read as zeros
};

Observed LoadObserved(const std::string& path, bool* ok) {
  Observed o;
  absl::StatusOr<Dataset> ds = json_internal::LoadDatasetJsonFileObserved(
      path, {}, nullptr, [&o](const json_internal::JsonFileText& t) {
        o.called = true;
        o.says_mapped = t.mapped;
        o.capacity = t.capacity;
        const auto first = reinterpret_cast<std::uintptr_t>(t.text.data());
        const std::uintptr_t last = first + t.text.size() - 1;
        const std::uintptr_t end = first + t.capacity;
        std::uintptr_t covered = first;
        for (const MapEntry& e : Maps()) {
          if (e.start <= first && first < e.end) o.path_at_start = e.path;
          if (e.start <= last && last < e.end) o.path_at_last = e.path;
          if (e.start <= covered && covered < e.end) covered = e.end;
        }
        o.capacity_mapped = covered >= end;
        if (o.capacity_mapped && t.capacity >= t.text.size() + 64) {
          o.padding_zero = true;
          for (std::size_t i = 0; i < 64; ++i)
            o.padding_zero &= t.text.data()[t.text.size() + i] == 0;
        }
      });
  *ok = ds.ok();
  return o;
}

// Files of 1 MiB or more are mapped, whatever room their last page leaves
// for the parser's 64 bytes of padding (before, sizes with fewer than 64
// spare bytes, a whole number of pages included, were read instead): the
// text lies in a mapping of that very file (says /proc/self/maps, not the
// reader), and the padding after it is mapped and zero.
TEST_P(JsonMappedFileTest, LargeFileIsMappedWithItsPadding) {
  const std::string text = BigDataset(30000, false, GetParam());  // about 1.2 MB
  ASSERT_GE(text.size(), std::size_t{1} << 20);
  ASSERT_EQ(text.size() % PageSize(), RestFor(GetParam()));
  Write(text);
  const std::string real = std::filesystem::canonical(path_).string();
  bool ok = false;
  const Observed o = LoadObserved(path_, &ok);
  EXPECT_TRUE(ok);
  ASSERT_TRUE(o.called);
  EXPECT_TRUE(o.says_mapped);
  EXPECT_EQ(o.path_at_start, real);
  EXPECT_EQ(o.path_at_last, real);
  EXPECT_GE(o.capacity, text.size() + 64);
  EXPECT_TRUE(o.capacity_mapped);
  EXPECT_TRUE(o.padding_zero);
}

// 1000 spare bytes, 64 (the padding just fits), 63 and 1 (it does not: an
// anonymous zero page follows), 0 (a whole number of pages).
INSTANTIATE_TEST_SUITE_P(SpareBytesInLastPage, JsonMappedFileTest,
                         ::testing::Values(1000, 64, 63, 1, 0));

// A file under 1 MiB is read into memory: its text is in no mapping of the
// file, yet with the padding readable after it.
TEST(JsonSmallFileTest, SmallFileIsRead) {
  const std::string path = (std::filesystem::path(::testing::TempDir()) /
                            ("pfb_json_small_" + std::to_string(::getpid()) + ".json"))
                               .string();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << BigDataset(100, false, 0);
  }
  const std::string real = std::filesystem::canonical(path).string();
  bool ok = false;
  const Observed o = LoadObserved(path, &ok);
  std::filesystem::remove(path);
  EXPECT_TRUE(ok);
  ASSERT_TRUE(o.called);
  EXPECT_FALSE(o.says_mapped);
  EXPECT_NE(o.path_at_start, real);
  EXPECT_TRUE(o.capacity_mapped);
  EXPECT_GE(o.capacity, 4096u + 64u);
}

}  // namespace
}  // namespace perfbudget
