// csv_table_test.cc: the RFC 4180 tokenizer and field quoting.
#include "io/csv_table.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace perfbudget {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::vector<std::string>> Texts(const CsvParseResult& r) {
  std::vector<std::vector<std::string>> out;
  for (const CsvRecord& rec : r.records) {
    std::vector<std::string> row;
    for (const CsvCell& c : rec.cells) row.push_back(c.text);
    out.push_back(row);
  }
  return out;
}

TEST(CsvTableTest, PlainFieldsAndEmptyFields) {
  CsvParseResult r = ParseCsv("a,b,c\n1,,3\n");
  EXPECT_THAT(r.errors, IsEmpty());
  EXPECT_THAT(Texts(r), ElementsAre(ElementsAre("a", "b", "c"), ElementsAre("1", "", "3")));
}

TEST(CsvTableTest, NoTrailingNewlineAndTrailingEmptyField) {
  CsvParseResult r = ParseCsv("a,b\n1,");
  EXPECT_THAT(r.errors, IsEmpty());
  EXPECT_THAT(Texts(r), ElementsAre(ElementsAre("a", "b"), ElementsAre("1", "")));
}

TEST(CsvTableTest, QuotedFieldsWithCommasQuotesAndNewlines) {
  CsvParseResult r = ParseCsv("x,y\n\"a,b\",\"say \"\"hi\"\"\"\n\"line1\nline2\",z\n");
  EXPECT_THAT(r.errors, IsEmpty());
  EXPECT_THAT(Texts(r), ElementsAre(ElementsAre("x", "y"), ElementsAre("a,b", "say \"hi\""),
                                    ElementsAre("line1\nline2", "z")));
  // The record after an embedded newline starts on line 3; its second cell on line 4.
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[2].line, 3);
  EXPECT_EQ(r.records[2].cells[1].line, 4);
  EXPECT_EQ(r.records[2].cells[1].column, 8);
}

TEST(CsvTableTest, CrLfAndLoneCrEndRecords) {
  CsvParseResult r = ParseCsv("a,b\r\n1,2\r3,4\r\n");
  EXPECT_THAT(r.errors, IsEmpty());
  EXPECT_THAT(Texts(r),
              ElementsAre(ElementsAre("a", "b"), ElementsAre("1", "2"), ElementsAre("3", "4")));
  EXPECT_EQ(r.records[2].line, 3);
}

TEST(CsvTableTest, CrLfInsideQuotesIsKept) {
  CsvParseResult r = ParseCsv("\"a\r\nb\",c\r\nd,e\r\n");
  EXPECT_THAT(r.errors, IsEmpty());
  EXPECT_THAT(Texts(r), ElementsAre(ElementsAre("a\r\nb", "c"), ElementsAre("d", "e")));
  EXPECT_EQ(r.records[1].line, 3);
}

TEST(CsvTableTest, EmptyLinesAreSkipped) {
  CsvParseResult r = ParseCsv("a\n\n\nb\n");
  EXPECT_THAT(Texts(r), ElementsAre(ElementsAre("a"), ElementsAre("b")));
  EXPECT_EQ(r.records[1].line, 4);
}

TEST(CsvTableTest, ColumnsCountCharactersNotBytes) {
  CsvParseResult r = ParseCsv("名称,金额\n园区,12\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].cells[1].column, 4);  // "园区," is three characters
  EXPECT_EQ(r.records[0].cells[1].column, 4);
}

TEST(CsvTableTest, UnterminatedQuoteIsReportedWhereItOpens) {
  CsvParseResult r = ParseCsv("a,b\n1,\"open\n2,3\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 2);
  EXPECT_EQ(r.errors[0].column, 3);
  EXPECT_THAT(r.errors[0].message, HasSubstr("unterminated"));
  EXPECT_THAT(Texts(r), ElementsAre(ElementsAre("a", "b")));
}

TEST(CsvTableTest, TextAfterClosingQuoteSpoilsTheRecordOnly) {
  CsvParseResult r = ParseCsv("a,b\n\"x\"y,1\nc,d\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 2);
  EXPECT_EQ(r.errors[0].column, 4);
  EXPECT_THAT(Texts(r), ElementsAre(ElementsAre("a", "b"), ElementsAre("c", "d")));
}

TEST(CsvTableTest, BareQuoteInUnquotedFieldIsAnError) {
  CsvParseResult r = ParseCsv("a,b\n1,x\"y\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 2);
  EXPECT_EQ(r.errors[0].column, 4);
  EXPECT_EQ(r.records.size(), 1u);
}

TEST(CsvTableTest, QuotingOnWrite) {
  std::string out;
  AppendCsvRecord({"plain", "a,b", "say \"hi\"", "two\nlines", "", " pad", "中文"}, &out);
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\" pad\",中文\n");
}

TEST(CsvTableTest, WriteThenReadGivesTheFieldsBack) {
  const std::vector<std::string> fields = {"a,b", "\"", "x\r\ny", "", "  ", "末尾,"};
  std::string out;
  AppendCsvRecord(fields, &out);
  CsvParseResult r = ParseCsv(out);
  EXPECT_THAT(r.errors, IsEmpty());
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(Texts(r)[0], fields);
}

}  // namespace
}  // namespace perfbudget
