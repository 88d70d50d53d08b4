// csv_stream_test.cc: the streaming CSV tokenizer (fields as views, places on
// demand, the quick quote check) and how CSV tables are opened (regular files
// only: a FIFO or a device must not hang a load).
#include <sys/stat.h>
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/csv_table.h"
#include "io/csv_test_util.h"
#include "perfbudget/io/csv.h"

namespace perfbudget {
namespace {

using csv_test::CopyFixture;
using csv_test::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::vector<std::string>> Stream(std::string_view text) {
  std::vector<std::vector<std::string>> out;
  CsvTokenizer t(text);
  while (t.Next()) {
    std::vector<std::string> row;
    for (const CsvField& f : t.fields()) row.emplace_back(f.text);
    out.push_back(row);
  }
  return out;
}

TEST(CsvTokenizerTest, UnquotedFieldsPointIntoTheText) {
  const std::string text = "a,bb,\n名称,x\n";
  CsvTokenizer t(text);
  ASSERT_TRUE(t.Next());
  ASSERT_EQ(t.fields().size(), 3u);
  EXPECT_EQ(t.fields()[1].text.data(), text.data() + 2);
  EXPECT_EQ(t.fields()[2].text, "");
  ASSERT_TRUE(t.Next());
  EXPECT_EQ(t.line(), 2);
  EXPECT_EQ(t.PlaceOf(t.fields()[1].offset), std::make_pair(2, 4));
  EXPECT_FALSE(t.Next());
  EXPECT_TRUE(t.errors().empty());
}

TEST(CsvTokenizerTest, DoubledQuotesAreUnescapedPerRecord) {
  EXPECT_THAT(Stream("\"a\"\"b\",\"c\",\"\"\"\"\n\"x\"\"\",y\n"),
              ElementsAre(ElementsAre("a\"b", "c", "\""), ElementsAre("x\"", "y")));
}

TEST(CsvTokenizerTest, PlacesAfterAQuotedNewline) {
  CsvTokenizer t("h1,h2\n\"one\r\ntwo\",后\n");
  ASSERT_TRUE(t.Next());
  ASSERT_TRUE(t.Next());
  EXPECT_EQ(t.line(), 2);
  EXPECT_EQ(t.fields()[0].text, "one\r\ntwo");
  EXPECT_EQ(t.PlaceOf(t.fields()[1].offset), std::make_pair(3, 6));
}

TEST(CsvTokenizerTest, QuickQuoteCheckAgreesWithTheTokenizer) {
  const std::vector<std::string> texts = {
      "",           "a,b\n",      "\"a\",b\n",      "a,\"b\"\"c\"\n", "\"a\nb\",c",
      "a,b\"c\n",   "\"a\"b,c\n", "a,\"open\n",     "\"\"\n",         "x,\"\"\"\"",
      "\"a\"\r\nb", "a\r\"b\"\n", "\"a\",\"b\"x\n", "a\"\n",          "\"a\"\"",
  };
  for (const std::string& text : texts) {
    CsvTokenizer t(text);
    while (t.Next()) {
    }
    EXPECT_EQ(CsvQuotesWellFormed(text), t.errors().empty()) << text;
  }
}

// A folder copied from the good fixture whose units.csv is replaced by
// something that is not a regular file.
class SpecialTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = tmp_.str("ds");
    CopyFixture("good", dir_);
    std::filesystem::remove(dir_ + "/units.csv");
  }
  void ExpectRefused() {
    Diagnostics diags;
    absl::StatusOr<Dataset> ds = LoadDatasetCsv(dir_, {}, &diags);
    ASSERT_FALSE(ds.ok());
    bool found = false;
    for (const Diagnostic& d : diags.items()) {
      if (d.kind == DiagnosticKind::kIo && d.where.file == dir_ + "/units.csv") {
        found = true;
        EXPECT_THAT(d.message, HasSubstr("not a regular file"));
      }
    }
    EXPECT_TRUE(found) << ds.status();
  }
  TempDir tmp_;
  std::string dir_;
};

TEST_F(SpecialTableTest, DeviceSymlinkIsRefusedNotReadForever) {
  std::filesystem::create_symlink("/dev/zero", dir_ + "/units.csv");
  ExpectRefused();
}

TEST_F(SpecialTableTest, FifoIsRefusedWithoutWaitingForAWriter) {
  ASSERT_EQ(::mkfifo((dir_ + "/units.csv").c_str(), 0600), 0);
  ExpectRefused();
}

}  // namespace
}  // namespace perfbudget
