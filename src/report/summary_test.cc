// summary_test.cc: Summarize's counts, totals and rates, exactly.
#include "perfbudget/report/summary.h"

#include <optional>
#include <string>
#include <utility>

#include "gtest/gtest.h"

namespace perfbudget {
namespace {

Money Wan(std::int64_t wan) { return Money::FromFen(wan * 1000000); }
Date D(const char* iso) { return *Date::Parse(iso); }

FundLine Line(FundSource s, Money m) {
  FundLine f;
  f.source = s;
  f.approved = m;
  return f;
}

Disbursement Pay(std::string project, const char* date, FundSource s, Money m) {
  Disbursement d;
  d.project_id = std::move(project);
  d.date = D(date);
  d.source = s;
  d.amount = m;
  return d;
}

// Two units; P1 (U1) 300 general + 100 land; P2 (U1) 200 transfer, cut by 50
// on 2022-09-15; P3 (U2) 400 general, raised by 100 on 2022-06-30.
Dataset Build(std::optional<Date> dataset_as_of = std::nullopt) {
  DatasetInfo info;
  info.jurisdiction_name = "测试区";
  info.fiscal_year = 2022;
  info.as_of = dataset_as_of;
  DatasetBuilder b(info);
  b.AddUnit({"U1", "甲局"});
  b.AddUnit({"U2", "乙局"});
  Project p1;
  p1.id = "P1";
  p1.unit_id = "U1";
  p1.name = "道路";
  p1.is_key = true;
  p1.funds = {Line(FundSource::kGeneralBudget, Wan(300)),
              Line(FundSource::kLandTransfer, Wan(100))};
  b.AddProject(p1);
  Project p2;
  p2.id = "P2";
  p2.unit_id = "U1";
  p2.name = "学校";
  p2.funds = {Line(FundSource::kTransfer, Wan(200))};
  p2.adjustments = {{D("2022-09-15"), FundSource::kTransfer, Wan(-50), "调减"}};
  b.AddProject(p2);
  Project p3;
  p3.id = "P3";
  p3.unit_id = "U2";
  p3.name = "绿化";
  p3.funds = {Line(FundSource::kGeneralBudget, Wan(400))};
  p3.adjustments = {{D("2022-06-30"), FundSource::kGeneralBudget, Wan(100), "追加"}};
  b.AddProject(p3);
  Goal g1;
  g1.id = "G1";
  g1.owner = GoalOwner::kProject;
  g1.project_id = "P1";
  g1.indicators.resize(3);
  for (int i = 0; i < 3; ++i) {
    g1.indicators[i].id = std::to_string(i + 1);
    g1.indicators[i].name = "x";
  }
  b.AddGoal(g1);
  Goal gu;
  gu.id = "GU2";
  gu.owner = GoalOwner::kUnit;
  gu.unit_id = "U2";
  gu.indicators.resize(1);
  gu.indicators[0].id = "1";
  gu.indicators[0].name = "y";
  b.AddGoal(gu);
  b.AddDisbursement(Pay("P1", "2022-03-01", FundSource::kGeneralBudget, Wan(120)));
  b.AddDisbursement(Pay("P1", "2022-10-01", FundSource::kLandTransfer, Wan(50)));
  b.AddDisbursement(Pay("P2", "2022-08-31", FundSource::kTransfer, Wan(80)));
  b.AddDisbursement(Pay("P3", "2022-05-20", FundSource::kGeneralBudget, Money::FromFen(12345)));
  absl::StatusOr<Dataset> ds = b.Build();
  EXPECT_TRUE(ds.ok()) << ds.status();
  return ds.ok() ? *ds : Dataset();
}

TEST(SummaryTest, OverallAsOfDate) {
  absl::StatusOr<DatasetSummary> s = Summarize(Build(), D("2022-08-31"));
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->as_of, D("2022-08-31"));
  EXPECT_FALSE(s->as_of_is_default);
  EXPECT_EQ(s->overall.approved, Wan(1000));
  EXPECT_EQ(s->overall.adjustments, Wan(100));  // the September cut is later
  EXPECT_EQ(s->overall.current_budget, Wan(1100));
  const Money executed = Money::FromFen(Wan(200).fen() + 12345);
  EXPECT_EQ(s->overall.executed, executed);
  ASSERT_TRUE(s->overall.execution_rate.has_value());
  EXPECT_EQ(*s->overall.execution_rate, Ratio(executed.fen(), Wan(1100).fen()));
  EXPECT_EQ(s->overall.execution_rate->ToPercentString(2), "18.18");
}

TEST(SummaryTest, Counts) {
  absl::StatusOr<DatasetSummary> s = Summarize(Build(), D("2022-08-31"));
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->counts.units, 2);
  EXPECT_EQ(s->counts.projects, 3);
  EXPECT_EQ(s->counts.key_projects, 1);
  EXPECT_EQ(s->counts.project_goals, 1);
  EXPECT_EQ(s->counts.unit_goals, 1);
  EXPECT_EQ(s->counts.indicators, 4);
  EXPECT_EQ(s->counts.disbursements, 4);
  EXPECT_EQ(s->counts.disbursements_to_as_of, 3);
  ASSERT_EQ(s->units.size(), 2u);
  EXPECT_EQ(s->units[0].counts.projects, 2);
  EXPECT_EQ(s->units[0].counts.indicators, 3);
  EXPECT_EQ(s->units[1].counts.unit_goals, 1);
  EXPECT_EQ(s->units[1].counts.indicators, 1);
}

TEST(SummaryTest, PerUnit) {
  absl::StatusOr<DatasetSummary> s = Summarize(Build(), D("2022-12-31"));
  ASSERT_TRUE(s.ok()) << s.status();
  const UnitSummary& u1 = s->units[0];
  EXPECT_EQ(u1.id, "U1");
  EXPECT_EQ(u1.name, "甲局");
  EXPECT_EQ(u1.totals.approved, Wan(600));
  EXPECT_EQ(u1.totals.adjustments, Wan(-50));
  EXPECT_EQ(u1.totals.current_budget, Wan(550));
  EXPECT_EQ(u1.totals.executed, Wan(250));
  EXPECT_EQ(*u1.totals.execution_rate, Ratio(250, 550));
  const UnitSummary& u2 = s->units[1];
  EXPECT_EQ(u2.totals.current_budget, Wan(500));
  EXPECT_EQ(u2.totals.executed, Money::FromFen(12345));
}

TEST(SummaryTest, PerFundSourceInEnumOrder) {
  absl::StatusOr<DatasetSummary> s = Summarize(Build(), D("2022-12-31"));
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->fund_sources.size(), 3u);
  EXPECT_EQ(s->fund_sources[0].source, FundSource::kGeneralBudget);
  EXPECT_EQ(s->fund_sources[0].projects, 2);
  EXPECT_EQ(s->fund_sources[0].totals.approved, Wan(700));
  EXPECT_EQ(s->fund_sources[0].totals.current_budget, Wan(800));
  EXPECT_EQ(s->fund_sources[1].source, FundSource::kLandTransfer);
  EXPECT_EQ(s->fund_sources[1].totals.executed, Wan(50));
  EXPECT_EQ(s->fund_sources[2].source, FundSource::kTransfer);
  EXPECT_EQ(s->fund_sources[2].totals.current_budget, Wan(150));
  EXPECT_EQ(*s->fund_sources[2].totals.execution_rate, Ratio(80, 150));
}

TEST(SummaryTest, DefaultAsOfIsLatestDisbursement) {
  absl::StatusOr<DatasetSummary> s = Summarize(Build(), std::nullopt);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(s->as_of_is_default);
  EXPECT_EQ(s->as_of_source, AsOfSource::kLatestDisbursement);
  EXPECT_EQ(s->as_of, D("2022-10-01"));
  EXPECT_EQ(s->counts.disbursements_to_as_of, 4);
}

TEST(SummaryTest, DefaultAsOfIsTheDatasetsOwn) {
  absl::StatusOr<DatasetSummary> s = Summarize(Build(D("2022-08-31")), std::nullopt);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(s->as_of_is_default);
  EXPECT_EQ(s->as_of_source, AsOfSource::kDataset);
  EXPECT_EQ(s->as_of, D("2022-08-31"));
  EXPECT_EQ(s->counts.disbursements_to_as_of, 3);  // not the October voucher
}

TEST(SummaryTest, GivenAsOfBeatsTheDatasetsOwn) {
  absl::StatusOr<DatasetSummary> s = Summarize(Build(D("2022-08-31")), D("2022-12-31"));
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_FALSE(s->as_of_is_default);
  EXPECT_EQ(s->as_of_source, AsOfSource::kGiven);
  EXPECT_EQ(s->as_of, D("2022-12-31"));
  EXPECT_EQ(s->counts.disbursements_to_as_of, 4);
}

TEST(SummaryTest, AsOfOutsideYearIsAnError) {
  absl::StatusOr<DatasetSummary> s = Summarize(Build(), D("2023-01-01"));
  EXPECT_EQ(s.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_NE(s.status().message().find("2023-01-01"), std::string_view::npos);
}

TEST(SummaryTest, ZeroBudgetHasNoRate) {
  DatasetInfo info;
  info.fiscal_year = 2022;
  DatasetBuilder b(info);
  b.AddUnit({"U1", "甲局"});
  Project p;
  p.id = "P1";
  p.unit_id = "U1";
  p.name = "空";
  b.AddProject(p);
  absl::StatusOr<Dataset> ds = b.Build();
  ASSERT_TRUE(ds.ok()) << ds.status();
  absl::StatusOr<DatasetSummary> s = Summarize(*ds, std::nullopt);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->as_of, D("2022-12-31"));  // no disbursements: the year's last day
  EXPECT_EQ(s->as_of_source, AsOfSource::kYearEnd);
  EXPECT_FALSE(s->overall.execution_rate.has_value());
  EXPECT_TRUE(s->fund_sources.empty());
}

}  // namespace
}  // namespace perfbudget
