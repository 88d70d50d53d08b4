// csv_reader_test.cc: LoadDatasetCsv — fixtures, aliases, encodings and every
// class of input problem with its file, line and column.
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/csv_test_util.h"
#include "perfbudget/io/csv.h"

namespace perfbudget {
namespace {

using csv_test::CopyFixture;
using csv_test::FixtureDir;
using csv_test::TempDir;
using ::testing::HasSubstr;
using ::testing::SizeIs;

Money Yuan(std::int64_t y) { return Money::FromFen(y * 100); }

// Loads the good fixture with some files replaced; returns the diagnostics.
struct Loaded {
  absl::StatusOr<Dataset> dataset;
  Diagnostics diagnostics;
  std::string dir;

  // The first diagnostic of `kind`, or fails the test.
  const Diagnostic& First(DiagnosticKind kind) const {
    for (const Diagnostic& d : diagnostics.items()) {
      if (d.kind == kind) return d;
    }
    ADD_FAILURE() << "no diagnostic of kind " << CodeOf(kind) << "; got:\n" << All();
    static const Diagnostic kNone;
    return kNone;
  }
  int Count(DiagnosticKind kind) const {
    int n = 0;
    for (const Diagnostic& d : diagnostics.items()) n += d.kind == kind ? 1 : 0;
    return n;
  }
  std::string All() const {
    std::string s;
    for (const Diagnostic& d : diagnostics.items()) s += d.ToString() + "\n";
    return s;
  }
};

Loaded LoadGoodWith(const TempDir& tmp, const std::map<std::string, std::string>& files,
                    CsvLoadOptions options = {}) {
  Loaded l;
  l.dir = tmp.str("ds");
  CopyFixture("good", l.dir, files);
  l.dataset = LoadDatasetCsv(l.dir, options, &l.diagnostics);
  return l;
}

TEST(CsvReaderTest, LoadsTheGoodFixture) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(FixtureDir("good"), {}, &diags);
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(ds->info().jurisdiction_name, "宿马园区");
  EXPECT_EQ(ds->info().fiscal_year, 2022);
  EXPECT_EQ(ds->info().title, "测试数据集, CSV 往返");
  EXPECT_EQ(ds->info().as_of, Date::Parse("2022-06-30").value());
  ASSERT_THAT(ds->units(), SizeIs(2));
  ASSERT_THAT(ds->projects(), SizeIs(3));
  const ProjectView p1 = ds->projects()[0];
  EXPECT_EQ(p1.requested(), Yuan(5200000));
  ASSERT_THAT(p1.funds(), SizeIs(2));
  EXPECT_EQ(p1.funds()[1].source, FundSource::kLandTransfer);
  EXPECT_EQ(p1.funds()[1].approved, Money::FromFen(123456789));
  EXPECT_EQ(ds->ApprovedOf(0), Money::FromFen(623456789));
  ASSERT_THAT(p1.adjustments(), SizeIs(1));
  EXPECT_EQ(p1.adjustments()[0].reason(), "调减: 工程量减少\n(见会议纪要)");
  EXPECT_EQ(ds->projects()[1].name(), "招商引资\"专项\"经费");
  EXPECT_EQ(ds->projects()[2].funds()[0].origin_year, 2021);

  const Goal& g = ds->goals()[ds->FindGoal("G-P001")];
  ASSERT_THAT(g.indicators, SizeIs(4));
  EXPECT_EQ(g.indicators[0].target, Ratio(12));
  EXPECT_EQ(g.indicators[0].unit_of_measure, "公里");
  EXPECT_EQ(g.indicators[0].weight, Ratio(20));
  EXPECT_EQ(g.indicators[0].value_source, ValueSource::kPlan);
  ASSERT_THAT(g.indicators[0].actuals, SizeIs(1));
  EXPECT_EQ(g.indicators[0].actuals[0].value, Ratio(8));
  EXPECT_EQ(g.indicators[1].comparator, Comparator::kRange);
  EXPECT_EQ(g.indicators[1].target_high, Ratio(100));
  EXPECT_EQ(g.indicators[1].weight, Ratio(21, 2));
  EXPECT_EQ(g.indicators[2].comparator, Comparator::kQualitative);
  EXPECT_EQ(g.indicators[2].actuals[0].grade, QualitativeGrade::kPartlyAchieved);
  EXPECT_FALSE(g.indicators[3].target.has_value());
  EXPECT_EQ(g.indicators[3].target_text, "约41.7");
  const Goal& gu = ds->goals()[ds->FindGoal("G-U01")];
  EXPECT_EQ(gu.owner, GoalOwner::kUnit);
  EXPECT_EQ(gu.indicators[0].weight, Ratio(1, 3));

  ASSERT_EQ(ds->disbursements().size(), 3u);
  const DisbursementTable& disb = ds->disbursements();
  EXPECT_EQ(disb[disb.RowOfInput(2)].amount(), Money::FromFen(-5000000));
  ASSERT_THAT(ds->ex_ante_assessments(), SizeIs(1));
  EXPECT_EQ(ds->ex_ante_assessments()[0].scores[2], Ratio(33, 2));
  ASSERT_THAT(ds->evaluations(), SizeIs(2));
  EXPECT_THAT(ds->evaluations()[0].problems,
              ::testing::ElementsAre("绩效目标不够细化", "资金拨付滞后"));
  EXPECT_EQ(ds->evaluations()[0].score, Ratio(173, 2));
  EXPECT_EQ(ds->evaluations()[0].grade, Grade::kGood);
  EXPECT_FALSE(ds->evaluations()[1].date.has_value());
  ASSERT_THAT(ds->rectifications(), SizeIs(2));
  EXPECT_EQ(ds->rectifications()[1].status, RectificationStatus::kDone);
}

void ExpectAliasesDataset(const Dataset& ds) {
  EXPECT_EQ(ds.info().jurisdiction_code, "341300");
  EXPECT_EQ(ds.info().jurisdiction_name, "宿马园区");
  ASSERT_THAT(ds.units(), SizeIs(1));
  EXPECT_EQ(ds.units()[0].id(), "U01");
  EXPECT_EQ(ds.units()[0].name(), "宿马园区管委会");
  ASSERT_THAT(ds.projects(), SizeIs(1));
  const ProjectView p = ds.projects()[0];
  EXPECT_EQ(p.id(), "P001");  // trimmed
  EXPECT_EQ(p.name(), "园区道路维修");
  EXPECT_EQ(p.kind(), ProjectKind::kContinuing);
  EXPECT_EQ(p.status(), ProjectStatus::kInProgress);
  EXPECT_TRUE(p.is_key());
  EXPECT_EQ(p.requested(), Yuan(5200000));
  ASSERT_THAT(p.funds(), SizeIs(2));
  EXPECT_EQ(p.funds()[0].approved, Yuan(10000000));
  EXPECT_EQ(p.funds()[1].source, FundSource::kLandTransfer);
  EXPECT_EQ(p.funds()[1].approved, Money::FromFen(1250));
  ASSERT_THAT(ds.goals(), SizeIs(1));
  const Goal& g = ds.goals()[0];
  EXPECT_EQ(g.text, "目标,含逗号");
  EXPECT_EQ(g.unit_id, "U01");
  ASSERT_THAT(g.indicators, SizeIs(4));
  EXPECT_EQ(g.indicators[0].level1, IndicatorLevel1::kOutput);
  EXPECT_EQ(g.indicators[0].level2, IndicatorLevel2::kQuantity);
  EXPECT_EQ(g.indicators[0].name, "维修道路长度");
  EXPECT_EQ(g.indicators[0].comparator, Comparator::kGe);
  EXPECT_EQ(g.indicators[0].target, Ratio(50));
  EXPECT_EQ(g.indicators[0].unit_of_measure, "个");
  EXPECT_EQ(g.indicators[0].evaluation_standard, "按完成比例计分");
  EXPECT_EQ(g.indicators[1].level1, IndicatorLevel1::kBenefit);
  EXPECT_EQ(g.indicators[1].level2, IndicatorLevel2::kSocialBenefit);
  EXPECT_EQ(g.indicators[1].comparator, Comparator::kRange);
  EXPECT_EQ(g.indicators[1].target, Ratio(90));
  EXPECT_EQ(g.indicators[1].target_high, Ratio(100));
  EXPECT_EQ(g.indicators[1].unit_of_measure, "%");
  EXPECT_EQ(g.indicators[2].level2, IndicatorLevel2::kBeneficiarySatisfaction);
  EXPECT_EQ(g.indicators[2].target, Ratio(90));
  EXPECT_EQ(g.indicators[2].unit_of_measure, "%");
  EXPECT_EQ(g.indicators[3].comparator, Comparator::kLe);
  EXPECT_FALSE(g.indicators[3].target.has_value());
  EXPECT_EQ(g.indicators[3].target_text, "2022年12月31日前");
  ASSERT_EQ(ds.disbursements().size(), 1u);
  EXPECT_EQ(ds.disbursements()[0].amount(), Yuan(350000));
}

TEST(CsvReaderTest, AcceptsNationalSystemAliasesLabelsBomAndCrLf) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(FixtureDir("aliases"), {}, &diags);
  ASSERT_TRUE(ds.ok()) << ds.status();
  ExpectAliasesDataset(*ds);
}

TEST(CsvReaderTest, ReadsGb18030Tables) {
  CsvLoadOptions options;
  options.encoding = TextEncoding::kGb18030;
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(FixtureDir("gb18030"), options, &diags);
  ASSERT_TRUE(ds.ok()) << ds.status();
  ExpectAliasesDataset(*ds);
}

TEST(CsvReaderTest, Gb18030ReadAsUtf8ReportsEncodingWithLine) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(FixtureDir("gb18030"), {}, &diags);
  ASSERT_FALSE(ds.ok());
  bool found = false;
  for (const Diagnostic& d : diags.items()) {
    if (d.kind == DiagnosticKind::kEncoding && d.where.file.ends_with("projects.csv")) {
      found = true;
      EXPECT_EQ(d.where.line, 2);
      EXPECT_EQ(d.where.column, 9);  // 园 (D4 B0) happens to be valid UTF-8; 区 is not
      EXPECT_THAT(d.expected, HasSubstr("gb18030"));
      break;
    }
  }
  EXPECT_TRUE(found) << diags.ToStatus("load");
}

TEST(CsvReaderTest, UndecodableGb18030IsReportedWithLine) {
  TempDir tmp;
  CsvLoadOptions options;
  options.encoding = TextEncoding::kGb18030;
  // ASCII tables are the same in GB18030; units.csv has a bad byte.
  Loaded l;
  l.dir = tmp.str("ds");
  std::filesystem::create_directories(l.dir);
  csv_test::WriteAll(l.dir + "/dataset.csv",
                     "format,version,fiscal_year\nperfbudget-dataset,1,2022\n");
  csv_test::WriteAll(l.dir + "/units.csv", "id,name\nU01,\xCB\xDE\xFF\nU02,x\n");
  csv_test::WriteAll(l.dir + "/projects.csv", "id,unit,name\nP1,U02,x\n");
  l.dataset = LoadDatasetCsv(l.dir, options, &l.diagnostics);
  ASSERT_FALSE(l.dataset.ok());
  const Diagnostic& d = l.First(DiagnosticKind::kEncoding);
  EXPECT_EQ(d.where.file, l.dir + "/units.csv");
  EXPECT_EQ(d.where.line, 2);
  EXPECT_EQ(d.where.column, 6);
  EXPECT_EQ(d.value, "\\xFF\\x0A");
}

TEST(CsvReaderTest, InvalidUtf8IsReportedWithLineAndColumn) {
  TempDir tmp;
  Loaded l = LoadGoodWith(tmp, {{"units.csv", "id,name\nU01,ok\nU02,宿\xC3\x28\n"}});
  ASSERT_FALSE(l.dataset.ok());
  const Diagnostic& d = l.First(DiagnosticKind::kEncoding);
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.where.column, 6);
  EXPECT_EQ(d.value, "\\xC3");
}

TEST(CsvReaderTest, MissingRequiredTable) {
  TempDir tmp;
  CopyFixture("good", tmp.str("ds"));
  std::filesystem::remove(tmp.path() / "ds" / "projects.csv");
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(tmp.str("ds"), {}, &diags);
  ASSERT_FALSE(ds.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(ds.status()));
  ASSERT_FALSE(diags.empty());
  EXPECT_EQ(diags.items()[0].kind, DiagnosticKind::kMissing);
  EXPECT_EQ(diags.items()[0].where.file, tmp.str("ds") + "/projects.csv");
}

TEST(CsvReaderTest, OptionalTablesMayBeAbsent) {
  TempDir tmp;
  const std::string dir = tmp.str("ds");
  std::filesystem::create_directories(dir);
  for (const char* f : {"dataset.csv", "units.csv"}) {
    std::filesystem::copy_file(FixtureDir("good") + "/" + f, dir + "/" + f);
  }
  csv_test::WriteAll(dir + "/projects.csv", "id,unit,name\nP1,U01,道路\n");
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(dir);
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_THAT(ds->projects(), SizeIs(1));
  EXPECT_THAT(ds->goals(), SizeIs(0));
}

TEST(CsvReaderTest, NotAFolder) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv("/nonexistent/perfbudget/csv", {}, &diags);
  EXPECT_TRUE(absl::IsNotFound(ds.status())) << ds.status();
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags.items()[0].kind, DiagnosticKind::kIo);
}

TEST(CsvReaderTest, SyntaxErrors) {
  TempDir tmp;
  Loaded l = LoadGoodWith(tmp, {{"units.csv", "id,name\nU01,a\nU02,b,extra\nU03,\"open\n"}});
  ASSERT_FALSE(l.dataset.ok());
  EXPECT_EQ(l.Count(DiagnosticKind::kSyntax), 2) << l.All();
  const Diagnostic& count = l.diagnostics.items()[0];
  EXPECT_EQ(count.kind, DiagnosticKind::kSyntax);
  EXPECT_THAT(count.where.file, HasSubstr("units.csv"));
  // The unterminated quote comes first (tokenizer), then the field count.
  bool saw_fields = false, saw_quote = false;
  for (const Diagnostic& d : l.diagnostics.items()) {
    if (d.kind != DiagnosticKind::kSyntax) continue;
    if (d.where.line == 3) {
      saw_fields = true;
      EXPECT_EQ(d.where.column, 7);
      EXPECT_THAT(d.message, HasSubstr("3 fields"));
    }
    if (d.where.line == 4) {
      saw_quote = true;
      EXPECT_EQ(d.where.column, 5);
      EXPECT_THAT(d.message, HasSubstr("unterminated"));
    }
  }
  EXPECT_TRUE(saw_fields && saw_quote) << l.All();
}

TEST(CsvReaderTest, MissingRequiredColumn) {
  TempDir tmp;
  Loaded l = LoadGoodWith(tmp, {{"funds.csv", "project,approved\nP001,100\n"}});
  ASSERT_FALSE(l.dataset.ok());
  const Diagnostic& d = l.First(DiagnosticKind::kMissing);
  EXPECT_THAT(d.where.file, HasSubstr("funds.csv"));
  EXPECT_EQ(d.where.line, 1);
  EXPECT_EQ(d.where.path, "funds.csv:source");
  EXPECT_EQ(d.field, "source");
}

TEST(CsvReaderTest, UnknownAndDuplicateColumns) {
  TempDir tmp;
  Loaded l =
      LoadGoodWith(tmp, {{"units.csv", "id,name,colour\nU01,a,red\nU02,b,blue\n"},
                         {"goals.csv", "id,owner,project,pro_code\nG1,project,P001,P001\n"}});
  ASSERT_FALSE(l.dataset.ok());
  ASSERT_EQ(l.Count(DiagnosticKind::kValue), 2) << l.All();
  const Diagnostic& unknown = l.First(DiagnosticKind::kValue);
  EXPECT_EQ(unknown.where.path, "units.csv:colour");
  EXPECT_EQ(unknown.where.line, 1);
  EXPECT_EQ(unknown.where.column, 9);
  EXPECT_THAT(unknown.expected, HasSubstr("id, name"));
  EXPECT_THAT(l.All(), HasSubstr("given twice"));
}

TEST(CsvReaderTest, CellErrorsAreAllReportedWithTheirColumns) {
  TempDir tmp;
  Loaded l = LoadGoodWith(
      tmp,
      {{"funds.csv",
        "project,source,approved,origin_year\n"
        "P001,general_budget,12.345,0\n"                // sub-fen
        "P001,magic_money,100,0\n"                      // enum
        "P001,general_budget,99999999999999999999,0\n"  // overflow
        "P001,general_budget,abc,0\n"                   // not an amount
        "P001,general_budget,100,last year\n"},         // not an integer
       {"disbursements.csv",
        "id,project,date,source,amount\nV1,P001,2022-02-30,general_budget,1\n"},
       {"indicators.csv", "goal,id,level1,level2,name,weight\nG-P001,9,output,quantity,长度,1e3\n"},
       {"projects.csv",
        "id,unit,name,key\nP001,U01,道路,maybe\nP002,U02,x,true\nP003,U01,y,false\n"}});
  ASSERT_FALSE(l.dataset.ok());
  const Diagnostic& sub = l.First(DiagnosticKind::kSubFen);
  EXPECT_EQ(sub.where.line, 2);
  EXPECT_EQ(sub.where.column, 21);
  EXPECT_EQ(sub.where.path, "funds.csv:approved");
  EXPECT_EQ(sub.value, "12.345");
  const Diagnostic& en = l.First(DiagnosticKind::kEnumValue);
  EXPECT_EQ(en.where.line, 3);
  EXPECT_EQ(en.where.column, 6);
  EXPECT_EQ(en.field, "source");
  EXPECT_THAT(en.expected, HasSubstr("general_budget, government_fund, land_transfer"));
  const Diagnostic& of = l.First(DiagnosticKind::kOverflow);
  EXPECT_EQ(of.where.line, 4);
  const Diagnostic& date = l.First(DiagnosticKind::kDate);
  EXPECT_THAT(date.where.file, HasSubstr("disbursements.csv"));
  EXPECT_EQ(date.where.line, 2);
  EXPECT_EQ(date.where.column, 9);
  EXPECT_EQ(date.value, "2022-02-30");
  // abc (amount), "last year" (integer), 1e3 (number), maybe (boolean).
  EXPECT_EQ(l.Count(DiagnosticKind::kType), 4) << l.All();
  EXPECT_THAT(l.All(), HasSubstr("indicators.csv:2:"));
  EXPECT_THAT(l.All(), HasSubstr("projects.csv:2:"));
}

TEST(CsvReaderTest, MissingRequiredValue) {
  TempDir tmp;
  Loaded l = LoadGoodWith(tmp, {{"payment_plan.csv", "project,date,amount\nP001,,100\n"}});
  ASSERT_FALSE(l.dataset.ok());
  const Diagnostic& d = l.First(DiagnosticKind::kMissing);
  EXPECT_EQ(d.where.path, "payment_plan.csv:date");
  EXPECT_EQ(d.where.line, 2);
  EXPECT_EQ(d.where.column, 6);
}

TEST(CsvReaderTest, WrongFormatAndVersion) {
  TempDir tmp;
  Loaded l =
      LoadGoodWith(tmp, {{"dataset.csv", "format,version,fiscal_year\nsomething-else,2,2022\n"}});
  ASSERT_FALSE(l.dataset.ok());
  EXPECT_EQ(l.Count(DiagnosticKind::kFormat), 2) << l.All();
}

// The good fixture with dataset.csv's as_of set to `as_of`.
Loaded LoadWithAsOf(const TempDir& tmp, std::string_view as_of) {
  return LoadGoodWith(tmp, {{"dataset.csv",
                             "format,version,fiscal_year,as_of\n"
                             "perfbudget-dataset,1,2022," +
                                 std::string(as_of) + "\n"}});
}

TEST(CsvReaderTest, BadAndOutOfYearAsOfDatesPointAtTheirCell) {
  const std::pair<std::string_view, DiagnosticKind> kCases[] = {
      {"2022-02-30", DiagnosticKind::kDate}, {"2023-01-01", DiagnosticKind::kDateOutOfYear}};
  for (const auto& [value, kind] : kCases) {
    SCOPED_TRACE(std::string(value));
    TempDir tmp;
    Loaded l = LoadWithAsOf(tmp, value);
    ASSERT_FALSE(l.dataset.ok());
    const Diagnostic& d = l.First(kind);
    EXPECT_THAT(d.where.file, HasSubstr("dataset.csv"));
    EXPECT_EQ(d.where.line, 2);
    EXPECT_EQ(d.where.column, 27);
    EXPECT_EQ(d.field, "as_of");
    EXPECT_EQ(d.value, value);
  }
}

TEST(CsvReaderTest, BuilderProblemsKeepTheirLine) {
  TempDir tmp;
  Loaded l = LoadGoodWith(
      tmp, {{"units.csv", "id,name\nU01,a\nU02,b\nU01,c\n"},
            {"disbursements.csv", "id,project,date,source,amount\nV1,P404,2022-03-01,,1\n"}});
  ASSERT_FALSE(l.dataset.ok());
  const Diagnostic& dup = l.First(DiagnosticKind::kDuplicateId);
  EXPECT_THAT(dup.where.file, HasSubstr("units.csv"));
  EXPECT_EQ(dup.where.line, 4);
  const Diagnostic& ref = l.First(DiagnosticKind::kUnknownReference);
  EXPECT_THAT(ref.where.file, HasSubstr("disbursements.csv"));
  EXPECT_EQ(ref.where.line, 2);
}

TEST(CsvReaderTest, ErrorsAreBounded) {
  TempDir tmp;
  std::string funds = "project,source,approved\n";
  for (int i = 0; i < 50; ++i) funds += "P001,general_budget,0.001\n";
  CsvLoadOptions options;
  options.max_errors = 10;
  Loaded l = LoadGoodWith(tmp, {{"funds.csv", funds}}, options);
  ASSERT_FALSE(l.dataset.ok());
  EXPECT_EQ(l.diagnostics.size(), 10u);
}

TEST(CsvReaderTest, CommittedBadFolderReportsEveryProblem) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(FixtureDir("bad"), {}, &diags);
  ASSERT_FALSE(ds.ok());
  std::set<DiagnosticKind> kinds;
  for (const Diagnostic& d : diags.items()) {
    kinds.insert(d.kind);
    EXPECT_GT(d.where.line, 0) << d.ToString();
    EXPECT_FALSE(d.where.file.empty()) << d.ToString();
  }
  for (DiagnosticKind k :
       {DiagnosticKind::kSyntax, DiagnosticKind::kEncoding, DiagnosticKind::kMissing,
        DiagnosticKind::kEnumValue, DiagnosticKind::kSubFen, DiagnosticKind::kOverflow,
        DiagnosticKind::kDate, DiagnosticKind::kType, DiagnosticKind::kValue}) {
    EXPECT_TRUE(kinds.count(k)) << "no " << CodeOf(k) << " in:\n" << diags.ToStatus("bad");
  }
}

}  // namespace
}  // namespace perfbudget
