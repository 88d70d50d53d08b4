// dataset_test.cc: DatasetBuilder validation and the built Dataset's indexes.
#include "perfbudget/model/dataset.h"

#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;

Money Yuan(std::int64_t y) { return Money::FromFen(y * 100); }
Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

DatasetBuilder Base() {
  DatasetInfo info;
  info.fiscal_year = 2022;
  info.jurisdiction_name = "测试园区";
  DatasetBuilder b(info);
  b.AddUnit({"U1", "园区管委会"});
  b.AddUnit({"U2", "园区财政局"});
  Project p;
  p.id = "P1";
  p.unit_id = "U1";
  p.name = "园区道路维修";
  p.funds = {{FundSource::kGeneralBudget, Yuan(1000), 0}};
  b.AddProject(p);
  return b;
}

// Disbursements are stored by project, then date (stable), with their ids
// and the input order kept.
TEST(DatasetBuilder, DisbursementColumnsByProjectThenDate) {
  DatasetBuilder b = Base();
  Project p2;
  p2.id = "P2";
  p2.unit_id = "U2";
  p2.name = "园区绿化";
  p2.funds = {{FundSource::kGeneralBudget, Yuan(1000), 0}};
  b.AddProject(p2);
  // Input: P2 first; P1's in reverse date order; one id missing, the first.
  b.AddDisbursement({"", "P2", D(2022, 6, 1), FundSource::kTransfer, Yuan(7)});
  b.AddDisbursement({"A3", "P1", D(2022, 9, 1), FundSource::kGeneralBudget, Yuan(3)});
  b.AddDisbursement({"A2", "P1", D(2022, 4, 1), FundSource::kGeneralBudget, Yuan(2)});
  b.AddDisbursement({"A2b", "P1", D(2022, 4, 1), FundSource::kLandTransfer, Yuan(-1)});
  b.AddDisbursement({"B2", "P2", D(2022, 2, 1), FundSource::kTransfer, Yuan(5)});
  absl::StatusOr<Dataset> ds = b.Build();
  ASSERT_TRUE(ds.ok()) << ds.status();
  const DisbursementTable& t = ds->disbursements();
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(ds->DisbursementsOf(0).first(), 0u);
  EXPECT_EQ(ds->DisbursementsOf(0).last(), 3u);
  EXPECT_EQ(ds->DisbursementsOf(1).first(), 3u);
  EXPECT_EQ(ds->DisbursementsOf(1).size(), 2u);
  EXPECT_TRUE(ds->DisbursementsOf(2).empty());  // no such project
  std::vector<std::string> ids;
  for (const DisbursementView d : t) ids.emplace_back(d.id());
  EXPECT_THAT(ids, ::testing::ElementsAre("A2", "A2b", "A3", "B2", ""));  // same day: input order
  EXPECT_THAT(std::vector<std::uint32_t>(t.project_indexes().begin(), t.project_indexes().end()),
              ::testing::ElementsAre(0, 0, 0, 1, 1));
  EXPECT_EQ(t.dates()[0], D(2022, 4, 1));
  EXPECT_EQ(t.amounts()[1], Yuan(-1));
  EXPECT_EQ(t.sources()[1], FundSource::kLandTransfer);
  EXPECT_STREQ(t.id_c_str(4), "");
  EXPECT_STREQ(t[1].id_c_str(), "A2b");
  EXPECT_EQ(t[3].project_id(), "P2");
  EXPECT_EQ(t[3].project_index(), 1u);
  // Input order back: row of the k-th input record, and each row's position.
  std::vector<std::string> input;
  for (std::uint32_t k = 0; k < t.size(); ++k) input.emplace_back(t[t.RowOfInput(k)].id());
  EXPECT_THAT(input, ::testing::ElementsAre("", "A3", "A2", "A2b", "B2"));
  EXPECT_EQ(t[4].input_position(), 0u);
  EXPECT_EQ(t[0].input_position(), 2u);
  const Disbursement rec = t[2].ToRecord();
  EXPECT_EQ(rec.id, "A3");
  EXPECT_EQ(rec.project_id, "P1");
  EXPECT_EQ(rec.date, D(2022, 9, 1));
  EXPECT_EQ(rec.amount, Yuan(3));
  // Copies share the data: the views stay valid while a copy lives.
  const DisbursementTable* before = &t;
  Dataset copy = *ds;
  ds = Dataset();
  EXPECT_EQ(&copy.disbursements(), before);
  EXPECT_EQ(copy.disbursements()[0].id(), "A2");
}

TEST(DatasetBuilder, DisbursementsInOrderWithoutIdsReadBackAsGiven) {
  DatasetBuilder b = Base();
  b.AddDisbursement({"", "P1", D(2022, 3, 1), FundSource::kGeneralBudget, Yuan(1)});
  b.AddDisbursement({"", "P1", D(2022, 4, 1), FundSource::kGeneralBudget, Yuan(2)});
  absl::StatusOr<Dataset> ds = b.Build();
  ASSERT_TRUE(ds.ok()) << ds.status();
  const DisbursementTable& t = ds->disbursements();
  EXPECT_EQ(t.RowOfInput(1), 1u);
  EXPECT_EQ(t[1].input_position(), 1u);
  EXPECT_EQ(t[0].id(), "");
  EXPECT_STREQ(t[1].id_c_str(), "");
  EXPECT_TRUE(Dataset().disbursements().empty());
  EXPECT_TRUE(Dataset().DisbursementsOf(0).empty());
}

// Builds and returns the diagnostics' kinds.
std::vector<DiagnosticKind> Kinds(DatasetBuilder& b, Diagnostics* d) {
  auto ds = b.Build({}, d);
  EXPECT_FALSE(ds.ok());
  std::vector<DiagnosticKind> kinds;
  for (const auto& x : d->items()) kinds.push_back(x.kind);
  return kinds;
}

TEST(DatasetBuilder, BuildsAValidDatasetWithIndexes) {
  DatasetBuilder b = Base();
  b.AddFundLine("P1", {FundSource::kTransfer, Yuan(500), 0});
  b.AddDisbursement({"V2", "P1", D(2022, 5, 1), FundSource::kGeneralBudget, Yuan(30)});
  b.AddDisbursement({"V1", "P1", D(2022, 3, 1), FundSource::kGeneralBudget, Yuan(20)});
  Goal g;
  g.id = "G1";
  g.project_id = "P1";
  b.AddGoal(g);
  Indicator ind;
  ind.id = "1";
  ind.name = "维修道路长度";
  b.AddIndicator("G1", ind);
  b.AddActual("G1", "1", {D(2022, 6, 30), Ratio(5), std::nullopt, "5"});
  Goal ug;
  ug.id = "GU2";
  ug.owner = GoalOwner::kUnit;
  ug.unit_id = "U2";
  b.AddGoal(ug);

  Diagnostics diags;
  absl::StatusOr<Dataset> ds = b.Build({}, &diags);
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(ds->units().size(), 2u);
  EXPECT_EQ(ds->ApprovedOf(0), Yuan(1500));
  ASSERT_EQ(ds->DisbursementsOf(0).size(), 2u);
  EXPECT_EQ(ds->disbursements()[ds->DisbursementsOf(0)[0]].id(), "V1");  // date order
  EXPECT_EQ(ds->goals()[0].unit_id, "U1");  // inherited from the project
  EXPECT_EQ(ds->goals()[0].indicators[0].actuals.size(), 1u);
  EXPECT_EQ(ds->GoalsOfProject(0).size(), 1u);
  EXPECT_EQ(ds->GoalsOfUnit(1).size(), 1u);
  EXPECT_EQ(ds->GoalsOfUnit(0).size(), 0u);
  EXPECT_EQ(ds->ProjectsOfUnit(0).size(), 1u);
  EXPECT_EQ(ds->FindProject("P1"), 0u);
  EXPECT_EQ(ds->FindProject("nope"), kNoIndex);
  // Copies share data and stay valid.
  Dataset copy = *ds;
  EXPECT_EQ(copy.projects()[0].name().data(), ds->projects()[0].name().data());
}

TEST(DatasetBuilder, ReportsDuplicateIds) {
  DatasetBuilder b = Base();
  b.AddUnit({"U1", "重复单位"}, {"units.csv", 4, 1, ""});
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  ASSERT_EQ(kinds.size(), 1u);
  EXPECT_EQ(kinds[0], DiagnosticKind::kDuplicateId);
  EXPECT_EQ(d.items()[0].value, "U1");
  EXPECT_EQ(d.items()[0].where.line, 4);
}

TEST(DatasetBuilder, ReportsUnknownReferencesEverywhere) {
  DatasetBuilder b = Base();
  Project p;
  p.id = "P2";
  p.unit_id = "U9";
  p.name = "x";
  b.AddProject(p);
  b.AddFundLine("P9", {FundSource::kGeneralBudget, Yuan(1), 0});
  b.AddDisbursement({"", "P8", D(2022, 1, 5), FundSource::kGeneralBudget, Yuan(1)});
  b.AddIndicator("G9", Indicator{.name = "x"});
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), DiagnosticKind::kUnknownReference), 4);
}

TEST(DatasetBuilder, ReportsDatesOutsideTheFiscalYear) {
  DatasetBuilder b = Base();
  b.AddDisbursement({"V1", "P1", D(2023, 1, 1), FundSource::kGeneralBudget, Yuan(1)});
  b.AddAdjustment("P1", {D(2021, 12, 31), FundSource::kGeneralBudget, Yuan(-1), ""});
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), DiagnosticKind::kDateOutOfYear), 2);
  EXPECT_THAT(d.items()[0].expected, HasSubstr("2022-01-01 .. 2022-12-31"));
}

TEST(DatasetBuilder, ReportsAnAsOfDateOutsideTheFiscalYear) {
  DatasetBuilder b = Base();
  DatasetInfo info = b.info();
  info.as_of = D(2023, 1, 1);
  b.SetInfo(info, Origin{"dataset.json", 1, 1, "$"});
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  ASSERT_EQ(kinds, std::vector<DiagnosticKind>{DiagnosticKind::kDateOutOfYear});
  EXPECT_EQ(d.items()[0].field, "as_of");
  EXPECT_EQ(d.items()[0].value, "2023-01-01");
  EXPECT_EQ(d.items()[0].where.path, "$.as_of");
  EXPECT_EQ(d.items()[0].where.line, 1);  // the header's place: no own place given
  EXPECT_THAT(d.items()[0].expected, HasSubstr("2022-01-01 .. 2022-12-31"));

  // With the date's own place, the diagnostic points at it.
  DatasetBuilder placed = Base();
  placed.SetInfo(info, Origin{"dataset.json", 1, 1, "$"}, Origin{"dataset.json", 7, 12, "$.as_of"});
  Diagnostics d2;
  Kinds(placed, &d2);
  ASSERT_EQ(d2.items().size(), 1u);
  EXPECT_EQ(d2.items()[0].where.line, 7);
  EXPECT_EQ(d2.items()[0].where.column, 12);
  EXPECT_EQ(d2.items()[0].where.path, "$.as_of");
}

TEST(DatasetBuilder, KeepsAnAsOfDateInsideTheFiscalYear) {
  DatasetBuilder b = Base();
  DatasetInfo info = b.info();
  info.as_of = D(2022, 6, 30);
  b.SetInfo(info);
  // A record dated after the as-of date is allowed (a ledger may run on).
  b.AddDisbursement({"V1", "P1", D(2022, 12, 31), FundSource::kGeneralBudget, Yuan(1)});
  absl::StatusOr<Dataset> ds = b.Build();
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_EQ(ds->info().as_of, D(2022, 6, 30));
}

TEST(DatasetBuilder, AprilFiscalYearAcceptsNextCalendarYear) {
  DatasetInfo info;
  info.fiscal_year = 2022;
  info.fiscal_year_start_month = 4;
  DatasetBuilder b(info);
  b.AddUnit({"U1", "u"});
  Project p;
  p.id = "P1";
  p.unit_id = "U1";
  p.name = "n";
  b.AddProject(p);
  b.AddDisbursement({"", "P1", D(2023, 3, 31), FundSource::kGeneralBudget, Yuan(1)});
  EXPECT_TRUE(b.Build().ok());
}

TEST(DatasetBuilder, RejectsNegativeApprovedAndNegativeExecuted) {
  DatasetBuilder b = Base();
  b.AddFundLine("P1", {FundSource::kTransfer, Yuan(-5), 0});
  b.AddDisbursement({"V1", "P1", D(2022, 3, 1), FundSource::kGeneralBudget, Yuan(10)});
  b.AddDisbursement({"V2", "P1", D(2022, 4, 1), FundSource::kGeneralBudget, Yuan(-15)});
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), DiagnosticKind::kNegativeAmount), 1);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), DiagnosticKind::kNegativeExecuted), 1);
}

TEST(DatasetBuilder, SameDayRefundBeforePaymentIsFine) {
  DatasetBuilder b = Base();
  b.AddDisbursement({"V2", "P1", D(2022, 4, 1), FundSource::kGeneralBudget, Yuan(-15)});
  b.AddDisbursement({"V1", "P1", D(2022, 4, 1), FundSource::kGeneralBudget, Yuan(20)});
  EXPECT_TRUE(b.Build().ok());
}

TEST(DatasetBuilder, ReportsOverflowOfTotals) {
  DatasetBuilder b = Base();
  b.AddFundLine("P1", {FundSource::kTransfer, Money::FromFen(INT64_MAX), 0});
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), DiagnosticKind::kOverflow), kinds.end());
}

TEST(DatasetBuilder, ReportsEveryProblemNotJustTheFirst) {
  DatasetBuilder b = Base();
  for (int i = 0; i < 5; ++i) b.AddUnit({"U1", "dup"});
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  EXPECT_EQ(kinds.size(), 5u);
}

TEST(DatasetBuilder, LimitsTheNumberOfDiagnosticsKept) {
  DatasetBuilder b = Base();
  for (int i = 0; i < 20; ++i) b.AddUnit({"U1", "dup"});
  Diagnostics d;
  auto ds = b.Build({.max_errors = 5}, &d);
  EXPECT_FALSE(ds.ok());
  EXPECT_EQ(d.size(), 5u);
  EXPECT_EQ(d.dropped(), 15u);
  EXPECT_THAT(std::string(ds.status().message()), HasSubstr("20 problems"));
}

TEST(DatasetBuilder, LoaderDiagnosticsMakeBuildFail) {
  DatasetBuilder b = Base();
  b.AddDiagnostic({DiagnosticKind::kSyntax, {"a.json", 3, 7, "$"}, "", "", "", "unexpected token"});
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  ASSERT_EQ(kinds.size(), 1u);
  EXPECT_EQ(d.items()[0].ToString(), "a.json:3:7: $: unexpected token");
}

// A loader keeps its own max_errors of what it reports (the CSV and JSON
// readers set it); the rest are counted, and still make Build fail.
TEST(DatasetBuilder, LoaderDiagnosticsBeyondTheLoadersLimitAreCounted) {
  DatasetBuilder b = Base();
  b.SetMaxLoaderDiagnostics(2);
  for (int i = 0; i < 5; ++i) {
    b.AddDiagnostic({DiagnosticKind::kValue, {"t.csv", i + 2, 1, ""}, "", "", "", "bad"});
  }
  EXPECT_EQ(b.diagnostics().size(), 2u);
  EXPECT_EQ(b.diagnostics().dropped(), 3u);
  Diagnostics d;
  auto ds = b.Build({}, &d);
  ASSERT_FALSE(ds.ok());
  EXPECT_EQ(d.size(), 2u);
  EXPECT_EQ(d.dropped(), 3u);
  EXPECT_THAT(std::string(ds.status().message()), HasSubstr("5 problems"));

  // None kept at all: still a failure, counted.
  DatasetBuilder none = Base();
  none.SetMaxLoaderDiagnostics(0);
  none.AddDiagnostic({DiagnosticKind::kValue, {"t.csv", 2, 1, ""}, "", "", "", "bad"});
  Diagnostics d0(0);
  auto ds0 = none.Build({.max_errors = 0}, &d0);
  ASSERT_FALSE(ds0.ok());
  EXPECT_EQ(ds0.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(ds0.status().message()), HasSubstr("1 problem found"));
}

TEST(DatasetBuilder, BadFiscalYearIsReported) {
  DatasetInfo info;
  info.fiscal_year = 2022;
  info.fiscal_year_start_month = 13;
  DatasetBuilder b(info);
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  ASSERT_EQ(kinds.size(), 1u);
}

TEST(DatasetBuilder, GoalUnitMustMatchItsProject) {
  DatasetBuilder b = Base();
  Goal g;
  g.id = "G1";
  g.project_id = "P1";
  g.unit_id = "U2";
  b.AddGoal(g);
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  ASSERT_EQ(kinds.size(), 1u);
  EXPECT_EQ(kinds[0], DiagnosticKind::kValue);
}

TEST(DatasetBuilder, ReversedRangeAndDuplicateIndicatorIds) {
  DatasetBuilder b = Base();
  Goal g;
  g.id = "G1";
  g.project_id = "P1";
  Indicator a;
  a.id = "1";
  a.name = "合格率";
  a.comparator = Comparator::kRange;
  a.target = Ratio(100);
  a.target_high = Ratio(90);
  g.indicators = {a, a};
  b.AddGoal(g);
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), DiagnosticKind::kDuplicateId), 1);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), DiagnosticKind::kValue), 2);
}

TEST(DatasetBuilder, IndicatorProblemsPointAtTheIndicatorsOwnRow) {
  DatasetBuilder b = Base();
  Goal g;
  g.id = "G1";
  g.project_id = "P1";
  b.AddGoal(g, {"goals.csv", 2, 0, "goals.csv"});
  b.AddIndicator("G1", Indicator{.id = "1"}, {"indicators.csv", 7, 0, "indicators.csv"});
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  ASSERT_EQ(kinds.size(), 1u);
  EXPECT_EQ(d.items()[0].where.file, "indicators.csv");
  EXPECT_EQ(d.items()[0].where.line, 7);
  EXPECT_EQ(d.items()[0].where.path, "indicators.csv:name");
}

TEST(DatasetBuilder, InlineIndicatorProblemsNameTheirJsonPath) {
  DatasetBuilder b = Base();
  Goal g;
  g.id = "G1";
  g.project_id = "P1";
  g.indicators = {Indicator{.id = "1", .name = "a"}, Indicator{.id = "2"}};
  b.AddGoal(g, {"d.json", 0, 0, "$.goals[0]"});
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  ASSERT_EQ(kinds.size(), 1u);
  EXPECT_EQ(d.items()[0].where.path, "$.goals[0].indicators[1].name");
}

// An origin marked damaged (Origin::damaged), as a loader marks a record it
// could not read whole.
Origin Damaged(std::string path) {
  Origin o{"d.json", 9, 3, std::move(path)};
  o.damaged = true;
  return o;
}

// What a loader reports for the date of disbursement 0 that it could not
// read.
Diagnostic UnreadableDate() {
  return {DiagnosticKind::kDate,
          {"d.json", 9, 3, "$.disbursements[0].date"},
          "date",
          "2022-02-30",
          "a date",
          "2022-02-30 does not exist"};
}

TEST(DatasetBuilder, DoesNotRepeatWhatTheLoaderReported) {
  // The loader could not read a disbursement's date (left at its default),
  // reported it and marked the record damaged.
  DatasetBuilder b = Base();
  b.AddDisbursement({"V1", "P1", Date(), FundSource::kGeneralBudget, Yuan(1)},
                    Damaged("$.disbursements[0]"));
  b.AddDiagnostic(UnreadableDate());
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  ASSERT_EQ(kinds.size(), 1u);
  EXPECT_EQ(kinds[0], DiagnosticKind::kDate);

  // Nor a header it could not read (fiscal year 0).
  DatasetBuilder bad_header;
  bad_header.SetInfo(DatasetInfo{}, Damaged("$"));
  bad_header.AddDiagnostic(
      {DiagnosticKind::kSyntax, {"d.json", 1, 9, "$"}, "", "", "", "truncated"});
  Diagnostics d2;
  auto kinds2 = Kinds(bad_header, &d2);
  ASSERT_EQ(kinds2.size(), 1u);
  EXPECT_EQ(kinds2[0], DiagnosticKind::kSyntax);
}

// The mark is the record's own: a problem the loader found elsewhere does
// not hide an undamaged record's default date, nor a fiscal year the header
// really gave.
TEST(DatasetBuilder, ADamagedMarkCoversOnlyItsOwnRecord) {
  DatasetBuilder b = Base();
  b.AddDisbursement({"V1", "P1", Date(), FundSource::kGeneralBudget, Yuan(1)},
                    Damaged("$.disbursements[0]"));
  b.AddDisbursement({"V2", "P1", Date(), FundSource::kGeneralBudget, Yuan(1)},
                    Origin{"d.json", 12, 3, "$.disbursements[1]"});
  b.AddAdjustment("P1", {Date(), FundSource::kGeneralBudget, Yuan(-1), ""},
                  Damaged("$.projects[0].adjustments[0]"));
  b.AddAdjustment("P1", {Date(), FundSource::kGeneralBudget, Yuan(-1), ""},
                  Origin{"d.json", 20, 5, "$.projects[0].adjustments[1]"});
  b.AddPlannedPayment("P1", {Date(), Yuan(1)},
                      Origin{"d.json", 30, 5, "$.projects[0].payment_plan[0]"});
  b.AddPlannedPayment("P1", {Date(), Yuan(1)}, Damaged("$.projects[0].payment_plan[1]"));
  b.AddDiagnostic(UnreadableDate());
  Diagnostics d;
  auto kinds = Kinds(b, &d);
  // The loader's problem, then one default date each for V2, the second
  // adjustment and the first plan entry.
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), DiagnosticKind::kDateOutOfYear), 3);
  std::vector<std::string> fields;
  for (const Diagnostic& x : d.items()) {
    if (x.kind == DiagnosticKind::kDateOutOfYear) fields.push_back(x.where.path + " " + x.field);
  }
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre(HasSubstr("disbursements[1]"),
                                                      HasSubstr("adjustments[1]"),
                                                      HasSubstr("payment_plan[0]")));

  // A bad fiscal year in an undamaged header is reported, whatever else
  // the loader found.
  DatasetInfo info;
  info.fiscal_year = 2022;
  info.fiscal_year_start_month = 13;
  DatasetBuilder header;
  header.SetInfo(info, Origin{"d.json", 1, 1, "$"});
  header.AddDiagnostic(
      {DiagnosticKind::kValue, {"d.json", 40, 1, "$.units[0]"}, "", "", "", "bad"});
  Diagnostics d2;
  auto kinds2 = Kinds(header, &d2);
  EXPECT_EQ(kinds2.size(), 2u);
}

TEST(DatasetBuilder, BuilderIsEmptyAfterBuild) {
  DatasetBuilder b = Base();
  ASSERT_TRUE(b.Build().ok());
  auto again = b.Build();  // fiscal year 0 now: invalid, nothing half-kept
  EXPECT_FALSE(again.ok());
}

}  // namespace
}  // namespace perfbudget
