// monitor_test.cc: every monitoring rule fires and does not fire; scope,
// aggregation, adjustments after as-of, zero budgets, April fiscal years,
// errors, and MonitorSeries agreeing with single passes.
#include "perfbudget/monitoring/monitor.h"

#include <algorithm>

#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "monitoring/monitor_test_util.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;
using testing_monitor::D;
using testing_monitor::Fen;
using testing_monitor::TestData;
using testing_monitor::Wan;

std::vector<std::string> Codes(const MonitorReport& rep, const MonitorRow& row) {
  std::vector<std::string> out;
  for (const MonitorReason& r : rep.ReasonsOf(row)) out.emplace_back(r.code);
  return out;
}

MonitorReport RunMonitor(const Dataset& ds, const char* as_of,
                         const Policy& policy = DefaultPolicy()) {
  MonitorOptions o;
  o.as_of = D(as_of);
  auto r = Monitor(ds, policy, o);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : MonitorReport();
}

const MonitorRow& ProjectRow(const MonitorReport& rep, const std::string& id) {
  for (const MonitorRow& r : rep.projects) {
    if (rep.dataset.projects()[r.index].id() == id) return r;
  }
  ADD_FAILURE() << "no row for " << id;
  return rep.total;
}

TEST(MonitorTest, RatesProgressAndGap) {
  TestData t;
  t.NewProject("P1", 100);
  t.Pay("P1", "2022-03-10", Wan(30));
  t.Pay("P1", "2022-08-31", Wan(20));
  t.Pay("P1", "2022-09-01", Wan(40));  // after as-of
  const Dataset ds = t.Build();
  const MonitorReport rep = RunMonitor(ds, "2022-08-31");
  EXPECT_EQ(rep.time_progress, Ratio(8, 12));
  EXPECT_EQ(rep.months_elapsed, 8);
  const MonitorRow& row = ProjectRow(rep, "P1");
  EXPECT_EQ(row.current, Wan(100));
  EXPECT_EQ(row.executed, Wan(50));
  EXPECT_EQ(row.disbursement_count, 2u);
  EXPECT_EQ(row.ExecutionRate(), Ratio(1, 2));
  EXPECT_EQ(row.GapPp(rep.time_progress).ToDecimalString(2), "16.67");
  EXPECT_EQ(row.level, WarningLevel::kYellow);
  EXPECT_THAT(Codes(rep, row), ::testing::ElementsAre("monitoring.gap_yellow"));
}

TEST(MonitorTest, GapBandsFireAndDoNotFire) {
  // As of 2022-10-31 progress is 10/12; a budget of 120万 makes 100万 the
  // time-progress amount and 88万 exactly a 10 pp gap; 76万 exactly 20 pp.
  TestData t;
  t.NewProject("NONE", 120);
  t.Pay("NONE", "2022-05-01", Wan(88));
  t.NewProject("Y", 120);
  t.Pay("Y", "2022-05-01", Wan(88).Minus(Fen(1)).value());
  t.NewProject("Y2", 120);
  t.Pay("Y2", "2022-05-01", Wan(76));
  t.NewProject("R", 120);
  t.Pay("R", "2022-05-01", Wan(76).Minus(Fen(1)).value());
  const Dataset ds = t.Build();
  const MonitorReport rep = RunMonitor(ds, "2022-10-31");
  EXPECT_EQ(ProjectRow(rep, "NONE").level, WarningLevel::kNone);
  EXPECT_TRUE(Codes(rep, ProjectRow(rep, "NONE")).empty());
  EXPECT_THAT(Codes(rep, ProjectRow(rep, "Y")), ::testing::ElementsAre("monitoring.gap_yellow"));
  EXPECT_THAT(Codes(rep, ProjectRow(rep, "Y2")), ::testing::ElementsAre("monitoring.gap_yellow"));
  EXPECT_THAT(Codes(rep, ProjectRow(rep, "R")), ::testing::ElementsAre("monitoring.gap_red"));
  EXPECT_EQ(ProjectRow(rep, "R").level, WarningLevel::kRed);
}

TEST(MonitorTest, ThresholdsComeFromThePolicy) {
  TestData t;
  t.NewProject("P1", 100);
  t.Pay("P1", "2022-03-10", Wan(40));  // gap 26.67 pp at 08-31
  const Dataset ds = t.Build();
  EXPECT_THAT(Codes(RunMonitor(ds, "2022-08-31"), ProjectRow(RunMonitor(ds, "2022-08-31"), "P1")),
              ::testing::ElementsAre("monitoring.gap_red"));
  Policy loose = DefaultPolicy();
  loose.MutableRule("monitoring.gap_yellow").params["min_gap_pp"] = Ratio(30);
  loose.MutableRule("monitoring.gap_red").params["min_gap_pp"] = Ratio(40);
  const MonitorReport rep = RunMonitor(ds, "2022-08-31", loose);
  EXPECT_TRUE(Codes(rep, ProjectRow(rep, "P1")).empty());
  Policy off = DefaultPolicy();
  off.MutableRule("monitoring.gap_red").enabled = false;
  const MonitorReport rep2 = RunMonitor(ds, "2022-08-31", off);
  EXPECT_THAT(Codes(rep2, ProjectRow(rep2, "P1")), ::testing::ElementsAre("monitoring.gap_yellow"));
}

TEST(MonitorTest, OverlappingBandsAreAnError) {
  TestData t;
  t.NewProject("P1", 100);
  const Dataset ds = t.Build();
  Policy bad = DefaultPolicy();
  bad.MutableRule("monitoring.gap_yellow").params["min_gap_pp"] = Ratio(25);
  MonitorOptions o;
  o.as_of = D("2022-08-31");
  auto r = Monitor(ds, bad, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("monitoring.gap_yellow"));
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("25"));
  Policy bad2 = DefaultPolicy();
  bad2.MutableRule("monitoring.overspend_warning").params["min_usage_percent"] = Ratio(110);
  EXPECT_EQ(Monitor(ds, bad2, o).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(MonitorTest, NoDisbursementAfterAQuarter) {
  TestData t;
  t.NewProject("IDLE", 100);
  t.NewProject("PAID", 100);
  t.Pay("PAID", "2022-01-05", Wan(30));
  t.NewProject("EMPTY", 0);  // no budget: nothing to disburse
  const Dataset ds = t.Build();
  // 2022-03-30: two whole months, progress 2/12 < 25%.
  MonitorReport early = RunMonitor(ds, "2022-03-30");
  EXPECT_THAT(Codes(early, ProjectRow(early, "IDLE")),
              ::testing::ElementsAre("monitoring.gap_yellow"));  // 16.67 pp, but not a quarter yet
  // 2022-03-31: progress 3/12 = 25%.
  MonitorReport q1 = RunMonitor(ds, "2022-03-31");
  EXPECT_THAT(Codes(q1, ProjectRow(q1, "IDLE")),
              ::testing::Contains("monitoring.no_disbursement_after_quarter"));
  EXPECT_EQ(ProjectRow(q1, "IDLE").level, WarningLevel::kRed);
  EXPECT_THAT(Codes(q1, ProjectRow(q1, "PAID")),
              ::testing::Not(::testing::Contains("monitoring.no_disbursement_after_quarter")));
  EXPECT_THAT(Codes(q1, ProjectRow(q1, "EMPTY")),
              ::testing::Not(::testing::Contains("monitoring.no_disbursement_after_quarter")));
}

TEST(MonitorTest, Q3Summons) {
  TestData t;
  t.NewProject("LOW", 100);
  t.Pay("LOW", "2022-02-01", Wan(55));
  t.NewProject("OK", 100);
  t.Pay("OK", "2022-02-01", Wan(60));
  const Dataset ds = t.Build();
  const MonitorReport before = RunMonitor(ds, "2022-09-29");
  EXPECT_THAT(Codes(before, ProjectRow(before, "LOW")),
              ::testing::Not(::testing::Contains("monitoring.q3_summons")));
  const MonitorReport at = RunMonitor(ds, "2022-09-30");
  EXPECT_EQ(at.q3_end, D("2022-09-30"));
  EXPECT_THAT(Codes(at, ProjectRow(at, "LOW")), ::testing::Contains("monitoring.q3_summons"));
  EXPECT_EQ(ProjectRow(at, "LOW").level, WarningLevel::kRed);
  EXPECT_THAT(Codes(at, ProjectRow(at, "OK")),
              ::testing::Not(::testing::Contains("monitoring.q3_summons")));
  // The unit (115/200 = 57.5%) and the jurisdiction are summoned too.
  EXPECT_THAT(Codes(at, at.units[0]), ::testing::Contains("monitoring.q3_summons"));
  EXPECT_THAT(Codes(at, at.total), ::testing::Contains("monitoring.q3_summons"));
}

// A disbursement without a voucher number is named by its place in the
// input ("#3": the third), whatever order the dataset keeps it in.
TEST(MonitorTest, CrossingDisbursementWithoutIdIsNamedByItsInputPosition) {
  TestData t;
  t.NewProject("A", 100);
  t.NewProject("B", 100);
  auto pay = [&t](const char* project, const char* date, Money amount) {
    Disbursement d;
    d.project_id = project;
    d.date = D(date);
    d.amount = amount;
    t.b.AddDisbursement(d);
  };
  pay("A", "2022-03-01", Wan(95));  // #1: A crosses 90% here
  pay("B", "2022-04-01", Wan(20));  // #2
  pay("A", "2022-02-01", Wan(1));   // #3: earlier, stored before #1
  const Dataset ds = t.Build();
  const MonitorReport rep = RunMonitor(ds, "2022-08-31");
  const MonitorRow& a = ProjectRow(rep, "A");
  ASSERT_THAT(Codes(rep, a), ::testing::Contains("monitoring.overspend_warning"));
  const MonitorReason* r = nullptr;
  for (const MonitorReason& x : rep.ReasonsOf(a)) {
    if (x.code == "monitoring.overspend_warning") r = &x;
  }
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->disbursement_index, 1u);  // row 1 of the table: A's second by date
  EXPECT_EQ(ds.disbursements()[r->disbursement_index].input_position(), 0u);
  EXPECT_THAT(ExplainReason(rep, *r, "en"), HasSubstr("#1"));
  EXPECT_THAT(ExplainReason(rep, *r, "en"), ::testing::Not(HasSubstr("#2")));
}

TEST(MonitorTest, OverspendReportsTheCrossingDisbursement) {
  TestData t;
  t.NewProject("UNDER", 100);
  t.Pay("UNDER", "2022-02-01", Wan(50));                        // V1
  t.Pay("UNDER", "2022-03-01", Wan(40).Minus(Fen(1)).value());  // V2: 89.99..%
  t.NewProject("WARN", 100);
  t.Pay("WARN", "2022-02-01", Wan(50));  // V3
  t.Pay("WARN", "2022-03-01", Wan(40));  // V4: exactly 90%
  t.Pay("WARN", "2022-04-01", Wan(5));   // V5
  t.NewProject("OVER", 100);
  t.Pay("OVER", "2022-02-01", Wan(95));  // V6: warn
  t.Pay("OVER", "2022-03-01", Wan(5));   // V7: 100%, not above
  t.Pay("OVER", "2022-04-01", Fen(1));   // V8: above 100%
  const Dataset ds = t.Build();
  const MonitorReport rep = RunMonitor(ds, "2022-08-31");
  EXPECT_THAT(Codes(rep, ProjectRow(rep, "UNDER")),
              ::testing::Not(::testing::Contains(::testing::HasSubstr("overspend"))));
  const MonitorRow& warn = ProjectRow(rep, "WARN");
  ASSERT_THAT(Codes(rep, warn), ::testing::ElementsAre("monitoring.overspend_warning"));
  const MonitorReason& wr = rep.ReasonsOf(warn)[0];
  EXPECT_EQ(ds.disbursements()[wr.disbursement_index].id(), "V4");
  EXPECT_THAT(ExplainReason(rep, wr, "en"), HasSubstr("V4"));
  EXPECT_THAT(ExplainReason(rep, wr, "zh"), HasSubstr("95万元"));
  const MonitorRow& over = ProjectRow(rep, "OVER");
  ASSERT_THAT(Codes(rep, over), ::testing::ElementsAre("monitoring.overspend_error"));
  EXPECT_EQ(ds.disbursements()[rep.ReasonsOf(over)[0].disbursement_index].id(), "V8");
  EXPECT_EQ(over.level, WarningLevel::kRed);
  EXPECT_TRUE(rep.HasErrors());
  // Earlier, OVER was only warned, crossing at V6.
  const MonitorReport feb = RunMonitor(ds, "2022-02-28");
  const MonitorRow& over_feb = ProjectRow(feb, "OVER");
  ASSERT_THAT(Codes(feb, over_feb), ::testing::ElementsAre("monitoring.overspend_warning"));
  EXPECT_EQ(ds.disbursements()[feb.ReasonsOf(over_feb)[0].disbursement_index].id(), "V6");
}

TEST(MonitorTest, ZeroBudgetHasADefinedRateAndAReason) {
  TestData t;
  Project& p = t.NewProject("Z", 100);
  p.adjustments.push_back({D("2022-06-01"), FundSource::kGeneralBudget, Wan(-100), "压减"});
  Project& q = t.NewProject("ZP", 100);
  q.adjustments.push_back({D("2022-06-01"), FundSource::kGeneralBudget, Wan(-100), "压减"});
  t.Pay("ZP", "2022-03-01", Wan(10));
  const Dataset ds = t.Build();
  const MonitorReport rep = RunMonitor(ds, "2022-08-31");
  const MonitorRow& z = ProjectRow(rep, "Z");
  EXPECT_TRUE(z.zero_budget());
  EXPECT_EQ(z.ExecutionRate(), Ratio(0));
  EXPECT_THAT(Codes(rep, z), ::testing::ElementsAre("monitoring.zero_budget"));
  EXPECT_EQ(z.level, WarningLevel::kNone);
  EXPECT_THAT(ExplainReason(rep, rep.ReasonsOf(z)[0], "zh"), HasSubstr("0万元"));
  const MonitorRow& zp = ProjectRow(rep, "ZP");
  EXPECT_THAT(Codes(rep, zp),
              ::testing::ElementsAre("monitoring.zero_budget", "monitoring.overspend_error"));
  // Before the adjustment the budget was there.
  const MonitorReport may = RunMonitor(ds, "2022-05-31");
  EXPECT_FALSE(ProjectRow(may, "Z").zero_budget());
}

TEST(MonitorTest, AdjustmentsAfterAsOfAreIgnored) {
  TestData t;
  Project& p = t.NewProject("P1", 100);
  p.adjustments.push_back({D("2022-08-31"), FundSource::kGeneralBudget, Wan(20), "追加"});
  p.adjustments.push_back({D("2022-09-15"), FundSource::kGeneralBudget, Wan(-50), "压减"});
  const Dataset ds = t.Build();
  const MonitorReport rep = RunMonitor(ds, "2022-08-31");
  EXPECT_EQ(ProjectRow(rep, "P1").approved, Wan(100));
  EXPECT_EQ(ProjectRow(rep, "P1").adjustments, Wan(20));
  EXPECT_EQ(ProjectRow(rep, "P1").current, Wan(120));
  EXPECT_EQ(ProjectRow(RunMonitor(ds, "2022-09-30"), "P1").current, Wan(70));
}

TEST(MonitorTest, AprilFiscalYear) {
  TestData t(2022, 4);
  t.NewProject("P1", 120);
  t.Pay("P1", "2022-04-15", Wan(60));
  t.Pay("P1", "2023-02-01", Wan(30));
  const Dataset ds = t.Build();
  const MonitorReport rep = RunMonitor(ds, "2022-11-30");
  EXPECT_EQ(rep.months_elapsed, 8);
  EXPECT_EQ(rep.time_progress, Ratio(8, 12));
  EXPECT_EQ(rep.q3_end, D("2022-12-31"));
  EXPECT_EQ(ProjectRow(rep, "P1").executed, Wan(60));
  EXPECT_EQ(ProjectRow(RunMonitor(ds, "2023-03-31"), "P1").executed, Wan(90));
  EXPECT_EQ(RunMonitor(ds, "2023-03-31").time_progress, Ratio(1));
  // 2022-03-31 is before this fiscal year.
  MonitorOptions o;
  o.as_of = D("2022-03-31");
  auto r = Monitor(ds, DefaultPolicy(), o);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("2022-04-01"));
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("2023-03-31"));
}

TEST(MonitorTest, DaysMethod) {
  TestData t;
  t.NewProject("P1", 100);
  const Dataset ds = t.Build();
  Policy days = DefaultPolicy();
  days.set_time_progress_method(TimeProgressMethod::kDays);
  const MonitorReport rep = RunMonitor(ds, "2022-08-31", days);
  EXPECT_EQ(rep.time_progress, Ratio(243, 365));
  EXPECT_EQ(rep.time_progress.ToPercentString(2), "66.58");
}

TEST(MonitorTest, AsOfOutsideTheYear) {
  TestData t;
  t.NewProject("P1", 100);
  const Dataset ds = t.Build();
  MonitorOptions o;
  o.as_of = D("2023-01-01");
  auto r = Monitor(ds, DefaultPolicy(), o);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("2022-01-01 .. 2022-12-31"));
}

TEST(MonitorTest, PaymentPlanOutsideTheYear) {
  // The dataset builder already rejects such an entry (Monitor checks again,
  // for datasets built by other means); either way the error names it.
  TestData t;
  Project& p = t.NewProject("P1", 100);
  p.payment_plan.push_back({D("2023-01-15"), Wan(10)});
  for (Project& q : t.pending) t.b.AddProject(std::move(q));
  t.pending.clear();
  Diagnostics diags;
  auto ds = t.b.Build({}, &diags);
  ASSERT_FALSE(ds.ok());
  ASSERT_FALSE(diags.empty());
  EXPECT_THAT(diags.items()[0].ToString(), HasSubstr("2023-01-15"));
  EXPECT_THAT(diags.items()[0].ToString(), HasSubstr("payment_plan"));
}

TEST(MonitorTest, CancelledProjectsAreOutOfScope) {
  TestData t;
  t.NewProject("P1", 100);
  t.Pay("P1", "2022-02-01", Wan(70));
  t.NewProject("C", 50, ProjectStatus::kCancelled);
  const Dataset ds = t.Build();
  const MonitorReport rep = RunMonitor(ds, "2022-08-31");
  ASSERT_EQ(rep.projects.size(), 1u);
  EXPECT_EQ(rep.total.current, Wan(100));
  EXPECT_EQ(rep.total.project_count, 1u);
}

TEST(MonitorTest, RollsUpPerUnitFundAndJurisdiction) {
  TestData t;
  t.b.AddUnit({"U2", "二号单位"});
  Project& a = t.NewProject("A", 60);
  a.funds.push_back({FundSource::kLandTransfer, Wan(40), 0});
  t.NewProject("B", 50, ProjectStatus::kInProgress, "U2");
  t.Pay("A", "2022-02-01", Wan(30));
  t.Pay("A", "2022-02-02", Wan(10), FundSource::kLandTransfer);
  t.Pay("B", "2022-02-01", Wan(45));
  const Dataset ds = t.Build();
  const MonitorReport rep = RunMonitor(ds, "2022-08-31");
  ASSERT_EQ(rep.units.size(), 2u);
  EXPECT_EQ(rep.units[0].current, Wan(100));
  EXPECT_EQ(rep.units[0].executed, Wan(40));
  EXPECT_EQ(rep.units[1].current, Wan(50));
  ASSERT_EQ(rep.funds.size(), 2u);
  EXPECT_EQ(static_cast<FundSource>(rep.funds[0].index), FundSource::kGeneralBudget);
  EXPECT_EQ(rep.funds[0].current, Wan(110));
  EXPECT_EQ(rep.funds[0].executed, Wan(75));
  EXPECT_EQ(rep.funds[1].current, Wan(40));
  EXPECT_EQ(rep.funds[1].executed, Wan(10));
  EXPECT_EQ(rep.total.current, Wan(150));
  EXPECT_EQ(rep.total.executed, Wan(85));
  EXPECT_EQ(rep.total.project_count, 2u);
  // Unit 1 is 40% against 66.67%: red at unit level.
  EXPECT_THAT(Codes(rep, rep.units[0]), ::testing::ElementsAre("monitoring.gap_red"));
  EXPECT_EQ(RowName(rep, rep.funds[1]), "土地出让收入");
  EXPECT_EQ(RowId(rep, rep.total), "J1");
}

TEST(MonitorTest, GoalSide) {
  TestData t;
  t.NewProject("P1", 100);
  t.Pay("P1", "2022-02-01", Wan(70));
  Goal g;
  g.id = "G1";
  g.owner = GoalOwner::kProject;
  g.project_id = "P1";
  g.text = "道路维修";
  auto ind = [](const std::string& id, Comparator c, std::int64_t target, const char* date,
                std::optional<Ratio> value, std::optional<QualitativeGrade> grade) {
    Indicator i;
    i.id = id;
    i.name = "指标" + id;
    i.comparator = c;
    if (c != Comparator::kQualitative) i.target = Ratio(target);
    i.target_text = std::to_string(target);
    i.actuals.push_back({*Date::Parse(date), value, grade, ""});
    return i;
  };
  g.indicators.push_back(ind("ge_behind", Comparator::kGe, 12, "2022-08-31", Ratio(7), {}));
  g.indicators.push_back(ind("ge_ok", Comparator::kGe, 12, "2022-08-31", Ratio(8), {}));
  g.indicators.push_back(ind("le_behind", Comparator::kLe, 90, "2022-08-31", Ratio(95), {}));
  g.indicators.push_back(ind("le_ok", Comparator::kLe, 90, "2022-08-31", Ratio(90), {}));
  g.indicators.push_back(ind("q_behind", Comparator::kQualitative, 0, "2022-06-30", {},
                             QualitativeGrade::kNotAchieved));
  g.indicators.push_back(ind("q_ok", Comparator::kQualitative, 0, "2022-06-30", {},
                             QualitativeGrade::kPartlyAchieved));
  g.indicators.push_back(ind("later", Comparator::kGe, 12, "2022-09-30", Ratio(0), {}));
  t.b.AddGoal(g);
  const Dataset ds = t.Build();
  const MonitorReport rep = RunMonitor(ds, "2022-08-31");
  ASSERT_EQ(rep.indicators.size(), 6u);  // "later" has no actual by 08-31
  std::vector<std::string> behind;
  for (const IndicatorCheck& ic : rep.indicators) {
    if (ic.behind) behind.push_back(ds.goals()[ic.goal_index].indicators[ic.indicator_index].id);
  }
  EXPECT_THAT(behind, ::testing::ElementsAre("ge_behind", "le_behind", "q_behind"));
  EXPECT_EQ(rep.indicators[0].expected, Ratio(8));
  ASSERT_EQ(rep.goals.size(), 1u);
  EXPECT_TRUE(rep.goals[0].likely_missed());
  EXPECT_EQ(rep.goals[0].indicators_behind, 3u);
  const MonitorRow& row = ProjectRow(rep, "P1");
  const auto codes = Codes(rep, row);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "monitoring.indicator_behind"), 3);
  const std::string msg = ExplainReason(rep, rep.ReasonsOf(row)[0], "zh");
  EXPECT_THAT(msg, HasSubstr("指标ge_behind"));
  EXPECT_THAT(msg, HasSubstr("7"));
  EXPECT_THAT(msg, HasSubstr("66.67%"));
}

// MonitorSeries and Monitor, each against figures worked out by hand (not
// against each other). Months method, default policy (yellow gap > 10 pp,
// red > 20 pp, no disbursement by time progress ≥ 25 %, Q3 summons from the
// end of month 9 below 60 %).
//   A (U1): 100万 general budget; adjustment 2022-05-20 −10万;
//           paid 2022-02-10 10万, 2022-06-10 20万, 2022-10-10 30万.
//   B (U2):  80万 general budget; paid 2022-07-15 40万.
struct HandFigures {
  const char* as_of;
  Ratio progress;
  std::int64_t a_current, a_executed, b_current, b_executed;  // 万元
  const char *a_gap, *b_gap, *total_gap;                      // pp, 2 decimals
  WarningLevel a_level, b_level, total_level;
  std::vector<std::string> a_codes, b_codes, total_codes;
};
const std::vector<HandFigures>& Hand() {
  static const std::vector<HandFigures> kHand = {
      // 2022-12-31: 12/12 = 100 %. A: 100 − 10 = 90 current, 10 + 20 + 30 = 60
      // executed, rate 2/3 = 66.67 %, gap 33.33 (red; 66.67 ≥ 60: no summons).
      // B: 40 / 80 = 50 %, gap 50 (red) and 50 < 60: Q3 summons. Total:
      // 100 / 170 = 58.82 %, gap 41.18, red, and below 60: Q3 summons.
      {"2022-12-31",
       Ratio(1),
       90,
       60,
       80,
       40,
       "33.33",
       "50.00",
       "41.18",
       WarningLevel::kRed,
       WarningLevel::kRed,
       WarningLevel::kRed,
       {"monitoring.gap_red"},
       {"monitoring.gap_red", "monitoring.q3_summons"},
       {"monitoring.gap_red", "monitoring.q3_summons"}},
      // 2022-03-31: 3/12 = 25 %. A: adjustment not yet (05-20), 100 current,
      // 10 executed, 10 %, gap 15 (yellow). B: nothing paid, 0 %, gap 25 (red)
      // and no disbursement at 25 % ≥ 25 %. Total: 10 / 180 = 5.56 %, gap
      // 25 − 5.5556 = 19.44 (yellow).
      {"2022-03-31",
       Ratio(1, 4),
       100,
       10,
       80,
       0,
       "15.00",
       "25.00",
       "19.44",
       WarningLevel::kYellow,
       WarningLevel::kRed,
       WarningLevel::kYellow,
       {"monitoring.gap_yellow"},
       {"monitoring.gap_red", "monitoring.no_disbursement_after_quarter"},
       {"monitoring.gap_yellow"}},
      // 2022-06-30: 6/12 = 50 %. A: 90 current, 10 + 20 = 30 executed, 1/3 =
      // 33.33 %, gap 16.67 (yellow). B: 0 %, gap 50 (red), no disbursement.
      // Total: 30 / 170 = 17.65 %, gap 32.35 (red).
      {"2022-06-30",
       Ratio(1, 2),
       90,
       30,
       80,
       0,
       "16.67",
       "50.00",
       "32.35",
       WarningLevel::kYellow,
       WarningLevel::kRed,
       WarningLevel::kRed,
       {"monitoring.gap_yellow"},
       {"monitoring.gap_red", "monitoring.no_disbursement_after_quarter"},
       {"monitoring.gap_red"}},
  };
  return kHand;
}

Dataset HandDataset() {
  TestData t;
  t.b.AddUnit({"U2", "二号单位"});
  Project& a = t.NewProject("A", 100);
  a.adjustments.push_back({D("2022-05-20"), FundSource::kGeneralBudget, Wan(-10), ""});
  t.NewProject("B", 80, ProjectStatus::kInProgress, "U2");
  t.Pay("A", "2022-02-10", Wan(10));
  t.Pay("A", "2022-06-10", Wan(20));
  t.Pay("A", "2022-10-10", Wan(30));
  t.Pay("B", "2022-07-15", Wan(40));
  return t.Build();
}

void ExpectHand(const MonitorReport& rep, const HandFigures& h) {
  SCOPED_TRACE(h.as_of);
  using ::testing::UnorderedElementsAreArray;
  EXPECT_EQ(rep.as_of, D(h.as_of));
  EXPECT_EQ(rep.time_progress, h.progress);
  const MonitorRow& a = ProjectRow(rep, "A");
  const MonitorRow& b = ProjectRow(rep, "B");
  EXPECT_EQ(a.current, Wan(h.a_current));
  EXPECT_EQ(a.executed, Wan(h.a_executed));
  EXPECT_EQ(a.ExecutionRate(), Ratio(h.a_executed, h.a_current));
  EXPECT_EQ(a.GapPp(rep.time_progress).ToDecimalString(2), h.a_gap);
  EXPECT_EQ(a.level, h.a_level);
  EXPECT_THAT(Codes(rep, a), UnorderedElementsAreArray(h.a_codes));
  EXPECT_EQ(b.current, Wan(h.b_current));
  EXPECT_EQ(b.executed, Wan(h.b_executed));
  EXPECT_EQ(b.GapPp(rep.time_progress).ToDecimalString(2), h.b_gap);
  EXPECT_EQ(b.level, h.b_level);
  EXPECT_THAT(Codes(rep, b), UnorderedElementsAreArray(h.b_codes));
  // One project a unit: the unit rows carry the project's figures and gap
  // rules (the no-disbursement rule is for projects only).
  ASSERT_EQ(rep.units.size(), 2u);
  EXPECT_EQ(rep.units[0].executed, Wan(h.a_executed));
  EXPECT_EQ(rep.units[1].executed, Wan(h.b_executed));
  EXPECT_EQ(rep.units[1].GapPp(rep.time_progress).ToDecimalString(2), h.b_gap);
  EXPECT_EQ(rep.total.current, Wan(h.a_current + h.b_current));
  EXPECT_EQ(rep.total.executed, Wan(h.a_executed + h.b_executed));
  EXPECT_EQ(rep.total.GapPp(rep.time_progress).ToDecimalString(2), h.total_gap);
  EXPECT_EQ(rep.total.level, h.total_level);
  EXPECT_THAT(Codes(rep, rep.total), UnorderedElementsAreArray(h.total_codes));
  ASSERT_EQ(rep.funds.size(), 1u);  // general budget only
  EXPECT_EQ(rep.funds[0].executed, Wan(h.a_executed + h.b_executed));
}

TEST(MonitorTest, SingleDatesGiveTheHandWorkedFigures) {
  const Dataset ds = HandDataset();
  for (const HandFigures& h : Hand()) ExpectHand(RunMonitor(ds, h.as_of), h);
}

TEST(MonitorTest, SeriesGivesTheHandWorkedFigures) {
  const Dataset ds = HandDataset();
  std::vector<Date> dates;
  for (const HandFigures& h : Hand()) dates.push_back(D(h.as_of));  // out of order
  auto series = MonitorSeries(ds, DefaultPolicy(), dates);
  ASSERT_TRUE(series.ok()) << series.status();
  ASSERT_EQ(series->size(), Hand().size());
  for (std::size_t j = 0; j < Hand().size(); ++j) ExpectHand((*series)[j], Hand()[j]);
  // Without project rows: the same hand-worked unit and jurisdiction rows.
  MonitorOptions lean;
  lean.project_rows = false;
  auto part = MonitorSeries(ds, DefaultPolicy(), dates, lean);
  ASSERT_TRUE(part.ok()) << part.status();
  for (std::size_t j = 0; j < Hand().size(); ++j) {
    const MonitorReport& r = (*part)[j];
    const HandFigures& h = Hand()[j];
    SCOPED_TRACE(h.as_of);
    EXPECT_TRUE(r.projects.empty());
    ASSERT_EQ(r.units.size(), 2u);
    EXPECT_EQ(r.units[0].current, Wan(h.a_current));
    EXPECT_EQ(r.units[0].executed, Wan(h.a_executed));
    EXPECT_EQ(r.units[1].current, Wan(h.b_current));
    EXPECT_EQ(r.units[1].executed, Wan(h.b_executed));
    EXPECT_EQ(r.total.GapPp(r.time_progress).ToDecimalString(2), h.total_gap);
    EXPECT_EQ(r.total.level, h.total_level);
    EXPECT_THAT(Codes(r, r.total), ::testing::UnorderedElementsAreArray(h.total_codes));
  }
}

// An extra: the series equals single passes on a busier dataset.
TEST(MonitorTest, SeriesMatchesSinglePasses) {
  TestData t;
  t.b.AddUnit({"U2", "二号单位"});
  Project& a = t.NewProject("A", 100);
  a.adjustments.push_back({D("2022-05-20"), FundSource::kGeneralBudget, Wan(-10), ""});
  a.funds.push_back({FundSource::kTransfer, Wan(30), 0});
  t.NewProject("B", 80, ProjectStatus::kInProgress, "U2");
  for (int m = 1; m <= 12; ++m) {
    const std::string d = absl::StrFormat("2022-%02d-10", m);
    t.Pay("A", d.c_str(), Wan(m), m % 2 ? FundSource::kGeneralBudget : FundSource::kTransfer);
    if (m > 3) t.Pay("B", d.c_str(), Wan(m * 2));
  }
  const Dataset ds = t.Build();
  const FiscalYear& fy = ds.fiscal_year();
  std::vector<Date> dates;
  for (int m = 12; m >= 1; --m) dates.push_back(fy.EndOfFiscalMonth(m));  // out of order
  dates.push_back(D("2022-05-20"));
  auto series = MonitorSeries(ds, DefaultPolicy(), dates);
  ASSERT_TRUE(series.ok()) << series.status();
  ASSERT_EQ(series->size(), dates.size());
  for (std::size_t j = 0; j < dates.size(); ++j) {
    const MonitorReport one = RunMonitor(ds, dates[j].ToString().c_str());
    const MonitorReport& s = (*series)[j];
    EXPECT_EQ(s.as_of, dates[j]);
    EXPECT_EQ(s.time_progress, one.time_progress);
    ASSERT_EQ(s.projects.size(), one.projects.size());
    for (std::size_t i = 0; i < s.projects.size(); ++i) {
      EXPECT_EQ(s.projects[i].current, one.projects[i].current) << j;
      EXPECT_EQ(s.projects[i].executed, one.projects[i].executed) << j;
      EXPECT_EQ(s.projects[i].level, one.projects[i].level) << j;
      EXPECT_EQ(Codes(s, s.projects[i]), Codes(one, one.projects[i])) << j;
    }
    ASSERT_EQ(s.funds.size(), one.funds.size());
    for (std::size_t i = 0; i < s.funds.size(); ++i) {
      EXPECT_EQ(s.funds[i].current, one.funds[i].current) << j;
      EXPECT_EQ(s.funds[i].executed, one.funds[i].executed) << j;
    }
    EXPECT_EQ(s.total.executed, one.total.executed);
    EXPECT_EQ(s.reasons.size(), one.reasons.size());
  }
  EXPECT_EQ((*series)[0].total.executed, Wan(78 + 144));
}

TEST(MonitorTest, SeriesWithoutProjectRowsKeepsTheAggregates) {
  TestData t;
  t.b.AddUnit({"U2", "二号单位"});
  Project& a = t.NewProject("A", 100);
  a.adjustments.push_back({D("2022-05-20"), FundSource::kGeneralBudget, Wan(-10), ""});
  t.NewProject("B", 80, ProjectStatus::kInProgress, "U2");
  t.NewProject("C", 50, ProjectStatus::kInProgress, "U2");
  for (int m = 1; m <= 12; ++m) {
    const std::string d = absl::StrFormat("2022-%02d-10", m);
    t.Pay("A", d.c_str(), Wan(m), m % 2 ? FundSource::kGeneralBudget : FundSource::kTransfer);
    if (m > 6) t.Pay("B", d.c_str(), Wan(m));
  }
  const Dataset ds = t.Build();
  std::vector<Date> dates;
  for (int m = 1; m <= 12; ++m) dates.push_back(ds.fiscal_year().EndOfFiscalMonth(m));
  MonitorOptions lean;
  lean.project_rows = false;
  auto full = MonitorSeries(ds, DefaultPolicy(), dates);
  auto part = MonitorSeries(ds, DefaultPolicy(), dates, lean);
  ASSERT_TRUE(full.ok() && part.ok());
  for (std::size_t j = 0; j < dates.size(); ++j) {
    const MonitorReport& f = (*full)[j];
    const MonitorReport& p = (*part)[j];
    EXPECT_TRUE(p.projects.empty());
    EXPECT_FALSE(f.projects.empty());
    ASSERT_EQ(p.units.size(), f.units.size());
    for (std::size_t u = 0; u < f.units.size(); ++u) {
      EXPECT_EQ(p.units[u].current, f.units[u].current) << j;
      EXPECT_EQ(p.units[u].executed, f.units[u].executed) << j;
      EXPECT_EQ(p.units[u].project_count, f.units[u].project_count) << j;
      EXPECT_EQ(p.units[u].disbursement_count, f.units[u].disbursement_count) << j;
      EXPECT_EQ(Codes(p, p.units[u]), Codes(f, f.units[u])) << j;
    }
    ASSERT_EQ(p.funds.size(), f.funds.size());
    for (std::size_t i = 0; i < f.funds.size(); ++i) {
      EXPECT_EQ(p.funds[i].executed, f.funds[i].executed) << j;
    }
    EXPECT_EQ(p.total.current, f.total.current) << j;
    EXPECT_EQ(p.total.executed, f.total.executed) << j;
    EXPECT_EQ(Codes(p, p.total), Codes(f, f.total)) << j;
  }
}

TEST(MonitorTest, MessagesNameTheValues) {
  TestData t;
  t.NewProject("P1", 100);
  t.Pay("P1", "2022-03-10", Wan(40));
  const Dataset ds = t.Build();
  const MonitorReport rep = RunMonitor(ds, "2022-08-31");
  const MonitorReason& r = rep.ReasonsOf(ProjectRow(rep, "P1"))[0];
  const std::string zh = ExplainReason(rep, r, "zh");
  EXPECT_THAT(zh, HasSubstr("40.00%"));
  EXPECT_THAT(zh, HasSubstr("66.67%"));
  EXPECT_THAT(zh, HasSubstr("26.67"));
  EXPECT_THAT(zh, HasSubstr("20"));
  const std::string en = ExplainReason(rep, r, "en");
  EXPECT_THAT(en, HasSubstr("execution rate 40.00%"));
  EXPECT_EQ(ReasonTitle(r, "zh"), "序时进度偏差红色预警");
}

}  // namespace
}  // namespace perfbudget
