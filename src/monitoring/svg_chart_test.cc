// svg_chart_test.cc: what the execution-curve chart plots and says, checked
// against coordinates worked out by hand from the curve's figures (the
// rendering in a real browser is tests/svg_render.cmake).
#include "perfbudget/monitoring/svg_chart.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "monitoring/monitor_test_util.h"
#include "perfbudget/monitoring/execution_curve.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;
using testing_monitor::D;
using testing_monitor::TestData;
using testing_monitor::Wan;

// The monitor tests' hand dataset:
//   A (U1 一号单位): 100万; adjustment 2022-05-20 −10万; paid 02-10 10万,
//                    06-10 20万, 10-10 30万.
//   B (U2 二号单位):  80万; paid 07-15 40万.
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

// The `points` attribute of the polyline with id `id` ("" when none).
std::string PointsOf(const std::string& svg, const std::string& id) {
  const std::size_t at = svg.find("<polyline id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  const std::size_t p = svg.find("points=\"", at);
  const std::size_t end = svg.find('"', p + 8);
  return svg.substr(p + 8, end - p - 8);
}

// The chart as of 2022-06-30 (months 1..6), English, default 960 × 560.
// Frame: left 80, right 230 (the legend's longest label, "Time progress",
// 13 × 7 = 91 px, + 72 = 163 < 230), top 60, bottom 70: the plot is
// 650 × 430 px. y axis 0..100 % (no rate above 100 %).
//   x(m) = 80 + m × 650 / 12     x(1) = 134.17, x(2) = 188.33, x(3) = 242.50,
//                                x(4) = 296.67, x(5) = 350.83, x(6) = 405.00,
//                                x(12) = 730.00
//   y(p) = 490 − p × 430 / 100
// Total executed at month ends 1..6: 0, 10, 10, 10, 10, 30万; current 180万
// until the adjustment (05-20), then 170万. Rates 0, 10/180 = 5.5556 %
// (y 466.11) three times, 10/170 = 5.8824 % (y 464.71), 30/170 = 17.6471 %
// (y 414.12).
// Time progress m/12: y(m) = 490 − 430 m / 12 = 454.17, 418.33, 382.50,
// 346.67, 310.83, 275.00, then on to 100 % (y 60.00) at month 12.
// U1 (A): 0, 10/100 = 10 % (y 447.00) ×3, 10/90 = 11.1111 % (y 442.22),
// 30/90 = 33.3333 % (y 346.67). U2 (B): nothing paid to June: y 490.00.
TEST(SvgChartTest, PlotsTheCurvesFiguresWhereWorkedOutByHand) {
  const Dataset ds = HandDataset();
  auto curve = BuildExecutionCurve(ds, DefaultPolicy(), D("2022-06-30"));
  ASSERT_TRUE(curve.ok()) << curve.status();
  SvgChartOptions o;
  o.lang = "en";
  const std::string svg = RenderExecutionCurveSvg(*curve, o);
  EXPECT_EQ(PointsOf(svg, "total"),
            "80.00,490.00 134.17,490.00 188.33,466.11 242.50,466.11 296.67,466.11 "
            "350.83,464.71 405.00,414.12");
  EXPECT_EQ(PointsOf(svg, "time-progress"),
            "80.00,490.00 134.17,454.17 188.33,418.33 242.50,382.50 296.67,346.67 "
            "350.83,310.83 405.00,275.00 730.00,60.00");
  EXPECT_EQ(PointsOf(svg, "unit-U1"),
            "80.00,490.00 134.17,490.00 188.33,447.00 242.50,447.00 296.67,447.00 "
            "350.83,442.22 405.00,346.67");
  EXPECT_EQ(PointsOf(svg, "unit-U2"),
            "80.00,490.00 134.17,490.00 188.33,490.00 242.50,490.00 296.67,490.00 "
            "350.83,490.00 405.00,490.00");
  // The total's last point, marked and labelled with its rate (17.6471 % →
  // 17.65 %) and the time progress there (50.00 %).
  EXPECT_THAT(svg, HasSubstr("<circle cx=\"405.00\" cy=\"414.12\" r=\"4\""));
  EXPECT_THAT(svg, HasSubstr(">17.65%</text>"));
  EXPECT_THAT(svg, HasSubstr(">Time progress 50.00%</text>"));
  // Labels: title, as-of, axes (M1..M12, 0..100 % every 20), legend.
  EXPECT_THAT(svg, HasSubstr("Budget execution curve</title>"));
  EXPECT_THAT(svg, HasSubstr(">as of 2022-06-30</text>"));
  for (int m = 1; m <= 12; ++m) {
    EXPECT_THAT(svg, HasSubstr(">M" + std::to_string(m) + "</text>"));
  }
  for (int pct = 0; pct <= 100; pct += 20) {
    EXPECT_THAT(svg, HasSubstr(">" + std::to_string(pct) + "%</text>"));
  }
  EXPECT_THAT(svg, ::testing::Not(HasSubstr(">120%</text>")));
  EXPECT_THAT(svg, HasSubstr(">Fiscal month</text>"));
  EXPECT_THAT(svg, HasSubstr(">Cumulative execution rate (%)</text>"));
  for (const char* label :
       {">Time progress</text>", ">一号单位</text>", ">二号单位</text>", ">Total</text>"}) {
    EXPECT_THAT(svg, HasSubstr(label));
  }
}

// Chinese labels: calendar months on the x axis (an April year starts at 4月).
TEST(SvgChartTest, ChineseLabelsAndCalendarMonths) {
  TestData t(2022, 4);
  t.NewProject("P", 100);
  t.Pay("P", "2022-05-10", Wan(50));
  const Dataset ds = t.Build();
  auto curve = BuildExecutionCurve(ds, DefaultPolicy(), D("2022-06-30"));
  ASSERT_TRUE(curve.ok()) << curve.status();
  const std::string svg = RenderExecutionCurveSvg(*curve);
  // Fiscal months 1..3 are April..June: 0, 50 %, 50 % (y 275.00).
  EXPECT_EQ(PointsOf(svg, "total"), "80.00,490.00 134.17,490.00 188.33,275.00 242.50,275.00");
  EXPECT_THAT(svg, HasSubstr(">4月</text>"));
  EXPECT_THAT(svg, HasSubstr(">3月</text>"));  // fiscal month 12
  EXPECT_THAT(svg, HasSubstr("预算执行进度曲线</title>"));
  EXPECT_THAT(svg, HasSubstr(">截至 2022-06-30</text>"));
  EXPECT_THAT(svg, HasSubstr(">序时进度 25.00%</text>"));  // 3/12
  EXPECT_THAT(svg, HasSubstr(">50.00%</text>"));
}

// Rates above 100 % raise the axis to the next multiple of 20 %.
TEST(SvgChartTest, AxisGrowsPastOneHundredPercent) {
  TestData t;
  t.NewProject("P", 100);
  t.Pay("P", "2022-01-10", Wan(130));  // 130 %
  const Dataset ds = t.Build();
  auto curve = BuildExecutionCurve(ds, DefaultPolicy(), D("2022-01-31"));
  ASSERT_TRUE(curve.ok()) << curve.status();
  const std::string svg = RenderExecutionCurveSvg(*curve);
  // ymax 140 %: y(130) = 490 − 130 × 430 / 140 = 490 − 399.29 = 90.71.
  EXPECT_EQ(PointsOf(svg, "total"), "80.00,490.00 134.17,90.71");
  EXPECT_THAT(svg, HasSubstr(">140%</text>"));
  EXPECT_THAT(svg, ::testing::Not(HasSubstr(">160%</text>")));
}

// The y-axis tick labels of a chart, bottom to top.
std::vector<std::string> YTicks(const std::string& svg) {
  std::vector<std::string> out;
  const std::size_t begin = svg.find("<g id=\"y-axis\"");
  const std::size_t end = svg.find("</g>", begin);
  for (std::size_t at = svg.find("fill=\"#333333\">", begin); at < end;
       at = svg.find("fill=\"#333333\">", at + 1)) {
    const std::size_t from = at + 15;
    out.push_back(svg.substr(from, svg.find('<', from) - from));
  }
  return out;
}

// A chart whose highest rate is `paid_wan` 万元 on a budget of `budget_wan`.
std::string ChartAt(std::int64_t budget_wan, std::int64_t paid_wan) {
  TestData t;
  t.NewProject("P", budget_wan);
  t.Pay("P", "2022-01-10", Wan(paid_wan));
  const Dataset ds = t.Build();
  auto curve = BuildExecutionCurve(ds, DefaultPolicy(), D("2022-01-31"));
  EXPECT_TRUE(curve.ok()) << curve.status();
  return curve.ok() ? RenderExecutionCurveSvg(*curve) : "";
}

TEST(SvgChartTest, GridEveryTwentyPercentUpToTwoHundred) {
  EXPECT_THAT(YTicks(ChartAt(100, 190)),
              ::testing::ElementsAre("0%", "20%", "40%", "60%", "80%", "100%", "120%", "140%",
                                     "160%", "180%", "200%"));
  EXPECT_EQ(YTicks(ChartAt(100, 50)).size(), 6u);  // 0..100 %
}

TEST(SvgChartTest, GridStepGrowsPastTwoHundredPercent) {
  // 450 %: ten steps of 20 do not reach it; nine of 50 do.
  EXPECT_THAT(YTicks(ChartAt(100, 450)),
              ::testing::ElementsAre("0%", "50%", "100%", "150%", "200%", "250%", "300%", "350%",
                                     "400%", "450%"));
  // 1,100 %: steps of 200 (100 would need eleven).
  const std::vector<std::string> ticks = YTicks(ChartAt(100, 1100));
  ASSERT_EQ(ticks.size(), 7u);
  EXPECT_EQ(ticks[1], "200%");
  EXPECT_EQ(ticks.back(), "1200%");
}

// Found by fuzz_dataset_json (fuzz/regressions/dataset_json/): 36万元 spent
// on a budget of 2 fen drew a grid line every 20 % up to 1.8 billion percent
// (ninety million lines, seconds and most of a gigabyte). Now a dozen.
TEST(SvgChartTest, AnAbsurdRateDrawsAFewGridLines) {
  const std::vector<std::string> ticks = YTicks(ChartAt(1, 1000000));  // 10^8 %
  ASSERT_LE(ticks.size(), 11u);
  EXPECT_EQ(ticks.back(), "100000000%");
  EXPECT_EQ(ticks[1], "10000000%");
}

}  // namespace
}  // namespace perfbudget
