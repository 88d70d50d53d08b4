// output_test.cc: the CLI's shared output helpers (cli/output.h).
#include "output.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace perfbudget::cli {
namespace {

TEST(DisplayWidthTest, CountsWideCharactersAsTwo) {
  EXPECT_EQ(DisplayWidth(""), 0);
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("预算"), 4);
  EXPECT_EQ(DisplayWidth("U01 预算单位"), 4 + 8);
  EXPECT_EQ(DisplayWidth("（１２）"), 8);  // full-width forms
  EXPECT_EQ(DisplayWidth("、。"), 4);      // CJK punctuation
  EXPECT_EQ(DisplayWidth("≥90%"), 4);      // ambiguous-width symbols count 1
  EXPECT_EQ(DisplayWidth("\xFF"
                         "a"),
            2);  // an invalid byte counts 1
}

TEST(TextTableTest, AlignsMixedWidthCells) {
  TextTable t({"编码", "名称", "金额"}, {Align::kLeft, Align::kLeft, Align::kRight});
  t.AddRow({"U01", "财政局", "5"});
  t.AddRow({"U2", "ab", "1234"});
  t.AddRule();
  t.AddRow({"", "合计", "1239"});
  EXPECT_EQ(t.Render(),
            "编码  名称    金额\n"
            "------------------\n"
            "U01   财政局     5\n"
            "U2    ab      1234\n"
            "------------------\n"
            "      合计    1239\n");
}

// --as-of given as "" is given (and then rejected as not a date), not the
// default; absent, it is not given.
TEST(AsOfOptionTest, GivenEvenWhenEmpty) {
  for (const bool pass_empty : {true, false}) {
    CLI::App app;
    std::string value = "unchanged";
    bool given = false;
    AddAsOfOption(app, &value, &given, "the date", "the dataset's as_of date");
    std::vector<std::string> args;  // CLI11 parses a reversed vector
    if (pass_empty) args = {"", "--as-of"};
    app.parse(args);
    EXPECT_EQ(given, pass_empty);
    EXPECT_EQ(value, pass_empty ? "" : "unchanged");
  }
}

TEST(AsOfOptionTest, SourceCodesAndNotes) {
  EXPECT_EQ(AsOfSourceCode(AsOfSource::kGiven), "given");
  EXPECT_EQ(AsOfSourceCode(AsOfSource::kDataset), "dataset");
  EXPECT_EQ(AsOfSourceCode(AsOfSource::kLatestDisbursement), "latest_disbursement");
  EXPECT_EQ(AsOfSourceCode(AsOfSource::kYearEnd), "year_end");
  EXPECT_EQ(AsOfDefaultNote(AsOfSource::kGiven, true), "");
  EXPECT_EQ(AsOfDefaultNote(AsOfSource::kYearEnd, true), " (default: the fiscal year's last day)");
  EXPECT_EQ(AsOfDefaultNote(AsOfSource::kDataset, false), "（默认：数据集的截至日期）");
}

TEST(JsonWriterTest, PrettyNestedAndEmpty) {
  JsonWriter w;
  w.BeginObject();
  w.Key("a").Int(-1);
  w.Key("b").BeginArray().String("x").Bool(true).Null().EndArray();
  w.Key("c").BeginObject().EndObject();
  w.Key("d").BeginArray().EndArray();
  w.Key("e").Raw("1.50");
  w.EndObject();
  EXPECT_EQ(w.Finish(),
            "{\n"
            "  \"a\": -1,\n"
            "  \"b\": [\n"
            "    \"x\",\n"
            "    true,\n"
            "    null\n"
            "  ],\n"
            "  \"c\": {},\n"
            "  \"d\": [],\n"
            "  \"e\": 1.50\n"
            "}\n");
}

TEST(CsvTest, QuotesPerRfc4180) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvRow({"a", "b,c", ""}), "a,\"b,c\",\r\n");
}

TEST(FormatAmountTest, ExactDigitsInUnit) {
  EXPECT_EQ(FormatAmount(Money::FromFen(106705LL * 1000000), MoneyUnit::kWanYuan), "106705");
  EXPECT_EQ(FormatAmount(Money::FromFen(23968000LL * 100), MoneyUnit::kWanYuan), "2396.8");
  EXPECT_EQ(FormatAmount(Money::FromFen(120050), MoneyUnit::kWanYuan), "0.12005");
  EXPECT_EQ(FormatAmount(Money::FromFen(120050), MoneyUnit::kYuan), "1200.50");
  EXPECT_EQ(ParseUnitOption("万元"), MoneyUnit::kWanYuan);
  EXPECT_EQ(ParseUnitOption("yuan"), MoneyUnit::kYuan);
  EXPECT_FALSE(ParseUnitOption("dollar").has_value());
}

TEST(FormatDiagnosticTest, AllPartsAndMissingParts) {
  Diagnostic d;
  d.where.file = "data/projects.csv";
  d.where.line = 12;
  d.where.column = 5;
  d.where.path = "projects.approved";
  d.value = "1.234";
  d.expected = "an amount in fen precision";
  d.message = "more precision than a fen";
  EXPECT_EQ(FormatDiagnostic(d),
            "data/projects.csv:12:5: projects.approved: more precision than a fen "
            "(value: \"1.234\", expected: an amount in fen precision)");
  Diagnostic bare;
  bare.field = "fiscal_year";
  bare.message = "missing";
  EXPECT_EQ(FormatDiagnostic(bare), "<input>: fiscal_year: missing");
}

TEST(LabelTest, PicksByLang) {
  GlobalOptions g;
  EXPECT_EQ(Label(g, "项目", "Projects"), "项目");
  g.lang = "en";
  EXPECT_EQ(Label(g, "项目", "Projects"), "Projects");
}

}  // namespace
}  // namespace perfbudget::cli
