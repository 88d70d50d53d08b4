// monitor_example_test.cc: the seed's monitoring figures F20–F23 out of
// Monitor() and Reclaim() on the bundled example
// (examples/suma-park-2022/dataset.json), as `perfbudget monitor / reclaim
// --as-of 2022-08-31` print them.
#include <cstdlib>
#include <string>

#include "gtest/gtest.h"
#include "perfbudget/io/json.h"
#include "perfbudget/monitoring/execution_curve.h"
#include "perfbudget/monitoring/monitor.h"
#include "perfbudget/monitoring/reclaim.h"
#include "perfbudget/monitoring/svg_chart.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

constexpr std::int64_t kFenPerWan = 1'000'000;

std::string ExamplePath() {
  const char* env = std::getenv("PERFBUDGET_SOURCE_DIR");
  std::string root = (env != nullptr && *env != '\0') ? env : PERFBUDGET_SOURCE_DIR;
  return root + "/examples/suma-park-2022/dataset.json";
}

class MonitorExampleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diagnostics;
    auto loaded = LoadDatasetJsonFile(ExamplePath(), {}, &diagnostics);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    ds_ = *loaded;
    as_of_ = *Date::Parse("2022-08-31");
  }
  Dataset ds_;
  Date as_of_;
};

TEST_F(MonitorExampleTest, F20ToF22) {
  MonitorOptions o;
  o.as_of = as_of_;
  auto rep = Monitor(ds_, DefaultPolicy(), o);
  ASSERT_TRUE(rep.ok()) << rep.status();
  EXPECT_EQ(rep->total.approved, Money::FromFen(106705 * kFenPerWan));  // F20
  EXPECT_EQ(rep->total.current, Money::FromFen(106705 * kFenPerWan));   // net-zero re-allocation
  EXPECT_EQ(rep->total.executed, Money::FromFen(63854 * kFenPerWan));   // F21
  EXPECT_EQ(rep->total.ExecutionRate().ToPercentString(2), "59.84");    // F22
  EXPECT_EQ(rep->time_progress.ToPercentString(2), "66.67");
  EXPECT_EQ(rep->total.GapPp(rep->time_progress).ToDecimalString(2), "6.83");
  EXPECT_EQ(rep->total.level, WarningLevel::kNone);
  EXPECT_EQ(rep->projects.size(), 78u);  // the 5 cancelled projects are out of scope
  EXPECT_EQ(rep->units.size(), 6u);
  // The three unimplemented projects have no disbursement after a quarter: red.
  int red_unimplemented = 0;
  for (const MonitorRow& r : rep->projects) {
    if (ds_.projects()[r.index].status() != ProjectStatus::kNotImplemented) continue;
    for (const MonitorReason& reason : rep->ReasonsOf(r)) {
      if (reason.code == "monitoring.no_disbursement_after_quarter") ++red_unimplemented;
    }
  }
  EXPECT_EQ(red_unimplemented, 3);
}

TEST_F(MonitorExampleTest, F23Reclaim) {
  ReclaimOptions o;
  o.as_of = as_of_;
  auto rep = Reclaim(ds_, DefaultPolicy(), o);
  ASSERT_TRUE(rep.ok()) << rep.status();
  int unimplemented = 0;
  Money amount;
  for (const ReclaimProposal& p : rep->proposals) {
    if (p.code != "reclaim.unimplemented") continue;
    ++unimplemented;
    ASSERT_TRUE(amount.TryAdd(p.amount));
    Money split;
    for (const FundSplit& f : p.split) ASSERT_TRUE(split.TryAdd(f.amount));
    EXPECT_EQ(split, p.amount);
  }
  EXPECT_EQ(unimplemented, 3);                                 // F23: 3 projects
  EXPECT_EQ(amount, Money::FromFen(23968 * kFenPerWan / 10));  // 2396.8万元, "nearly 2400"
  for (const ReclaimProposal& p : rep->proposals) {
    if (p.code == "reclaim.unimplemented") {
      EXPECT_FALSE(p.message_zh.empty());
    }
  }
}

TEST_F(MonitorExampleTest, CurveAgreesWithMonitorAndRendersSvg) {
  auto curve = BuildExecutionCurve(ds_, DefaultPolicy(), as_of_);
  ASSERT_TRUE(curve.ok()) << curve.status();
  ASSERT_EQ(curve->total.points.size(), 8u);
  EXPECT_EQ(curve->total.points.back().executed, Money::FromFen(63854 * kFenPerWan));
  EXPECT_EQ(curve->units.size(), 6u);
  const std::string svg = RenderExecutionCurveSvg(*curve);
  EXPECT_NE(svg.find("59.84%"), std::string::npos);
  EXPECT_NE(svg.find("序时进度"), std::string::npos);
  // Same text twice here; in another process: tests/cpp/determinism_test.cc.
  EXPECT_EQ(svg, RenderExecutionCurveSvg(*curve));
}

TEST_F(MonitorExampleTest, TwelveMonthEndsInOneCall) {
  std::vector<Date> dates;
  for (int m = 1; m <= 12; ++m) dates.push_back(ds_.fiscal_year().EndOfFiscalMonth(m));
  auto series = MonitorSeries(ds_, DefaultPolicy(), dates);
  ASSERT_TRUE(series.ok()) << series.status();
  EXPECT_EQ((*series)[7].total.executed, Money::FromFen(63854 * kFenPerWan));
  for (std::size_t i = 1; i < series->size(); ++i) {
    EXPECT_GE((*series)[i].total.executed, (*series)[i - 1].total.executed);
  }
}

}  // namespace
}  // namespace perfbudget
