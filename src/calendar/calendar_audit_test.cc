// calendar_audit_test.cc: adversarial checks of Date and FiscalYear (audit):
// day-by-day consistency across century and range edges, extreme day
// numbers, and fiscal years at both ends of the supported range.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/calendar/fiscal_calendar.h"

namespace perfbudget {
namespace {

// Walks every day of [first_year, last_year] through FromYmd, the day number,
// the fields, ToString and Parse.
void WalkYears(int first_year, int last_year) {
  absl::StatusOr<Date> start = Date::FromYmd(first_year, 1, 1);
  ASSERT_TRUE(start.ok());
  std::int32_t expected = start->day_number();
  for (int y = first_year; y <= last_year; ++y) {
    for (int m = 1; m <= 12; ++m) {
      const int dim = DaysInMonth(y, m);
      ASSERT_GE(dim, 28);
      for (int d = 1; d <= dim; ++d) {
        absl::StatusOr<Date> date = Date::FromYmd(y, m, d);
        ASSERT_TRUE(date.ok()) << y << "-" << m << "-" << d;
        ASSERT_EQ(date->day_number(), expected) << y << "-" << m << "-" << d;
        ASSERT_EQ(date->year(), y);
        ASSERT_EQ(date->month(), m);
        ASSERT_EQ(date->day(), d);
        absl::StatusOr<Date> back = Date::Parse(date->ToString());
        ASSERT_TRUE(back.ok()) << date->ToString();
        ASSERT_EQ(*back, *date);
        ++expected;
      }
      EXPECT_FALSE(Date::FromYmd(y, m, dim + 1).ok());
    }
  }
}

TEST(CalendarAudit, EveryDayAroundTheEdges) {
  WalkYears(1400, 1404);
  WalkYears(1698, 1702);
  WalkYears(1899, 1901);
  WalkYears(1969, 1971);
  WalkYears(1999, 2001);
  WalkYears(2099, 2101);
  WalkYears(9995, 9999);
}

TEST(CalendarAudit, ArithmeticOutsideTheRangeKeepsCounting) {
  // One day past either end still converts (proleptic Gregorian), no throw.
  const Date last = *Date::FromYmd(9999, 12, 31);
  EXPECT_EQ(last.PlusDays(1).ToString(), "10000-01-01");
  const Date first = *Date::FromYmd(1400, 1, 1);
  EXPECT_EQ(first.PlusDays(-1).ToString(), "1399-12-31");
  EXPECT_EQ(first.PlusDays(-1).EndOfMonth(), first.PlusDays(-1));
  // The extreme day numbers give sane fields.
  for (std::int32_t n : {std::numeric_limits<std::int32_t>::min(),
                         std::numeric_limits<std::int32_t>::max(), -719468, -719469}) {
    const Date d = Date::FromDayNumber(n);
    EXPECT_GE(d.month(), 1);
    EXPECT_LE(d.month(), 12);
    EXPECT_GE(d.day(), 1);
    EXPECT_LE(d.day(), 31);
    EXPECT_FALSE(d.ToString().empty());
  }
  EXPECT_EQ(Date::FromDayNumber(-719468).ToString(), "0000-03-01");
}

TEST(CalendarAudit, FromYmdAndParseRejectHostileInput) {
  for (int y :
       {std::numeric_limits<int>::min(), -1, 0, 1399, 10000, std::numeric_limits<int>::max()}) {
    EXPECT_FALSE(Date::FromYmd(y, 1, 1).ok()) << y;
  }
  for (int m : {std::numeric_limits<int>::min(), 0, 13, std::numeric_limits<int>::max()}) {
    EXPECT_FALSE(Date::FromYmd(2022, m, 1).ok()) << m;
  }
  for (int d : {std::numeric_limits<int>::min(), 0, 32, std::numeric_limits<int>::max()}) {
    EXPECT_FALSE(Date::FromYmd(2022, 1, d).ok()) << d;
  }
  EXPECT_FALSE(Date::FromYmd(1900, 2, 29).ok());
  EXPECT_TRUE(Date::FromYmd(2000, 2, 29).ok());
  for (std::string_view bad : std::vector<std::string_view>{
           "", "2022-1-1", "2022-01-1 ", " 2022-01-01", "2022/01/01", "20220101", "2022-00-10",
           "2022-13-01", "2022-02-29", "+022-01-01", "-022-01-01", "1399-12-31", "２０２２-01-01",
           std::string_view("2022-01-0\0", 10), "2022-01-01T00:00", "９９９９-12-31"}) {
    EXPECT_FALSE(Date::Parse(bad).ok()) << bad;
  }
}

TEST(CalendarAudit, FiscalYearsAtTheEndsOfTheRange) {
  absl::StatusOr<FiscalYear> fy = FiscalYear::Create(9998, 12, false);
  ASSERT_TRUE(fy.ok()) << fy.status();
  EXPECT_EQ(fy->first_day().ToString(), "9998-12-01");
  EXPECT_EQ(fy->last_day().ToString(), "9999-11-30");
  EXPECT_EQ(FiscalYear::Create(9998, 1, false)->last_day().ToString(), "9998-12-31");
  EXPECT_FALSE(FiscalYear::Create(9999, 1, false).ok());
  EXPECT_FALSE(FiscalYear::Create(1400, 4, true).ok());  // would start in 1399
  fy = FiscalYear::Create(1400, 1, true);
  ASSERT_TRUE(fy.ok());
  EXPECT_EQ(fy->first_day().ToString(), "1400-01-01");
  fy = FiscalYear::Create(1401, 4, true);
  ASSERT_TRUE(fy.ok());
  EXPECT_EQ(fy->first_day().ToString(), "1400-04-01");
  EXPECT_EQ(fy->last_day().ToString(), "1401-03-31");
  for (int m : {std::numeric_limits<int>::min(), 0, 13, std::numeric_limits<int>::max()}) {
    EXPECT_FALSE(FiscalYear::Create(2022, m, false).ok()) << m;
  }
  for (int y : {std::numeric_limits<int>::min(), 0, 1399, std::numeric_limits<int>::max()}) {
    EXPECT_FALSE(FiscalYear::Create(y, 1, false).ok()) << y;
  }
  // Time progress at the last day of the last supported year is exactly 1.
  fy = FiscalYear::Create(9998, 12, false);
  ASSERT_TRUE(fy.ok());
  EXPECT_EQ(*fy->TimeProgress(fy->last_day(), TimeProgressMethod::kDays), Ratio(1));
  EXPECT_EQ(*fy->TimeProgress(fy->last_day(), TimeProgressMethod::kMonths), Ratio(1));
  EXPECT_FALSE(fy->TimeProgress(fy->last_day().PlusDays(1), TimeProgressMethod::kDays).ok());
  EXPECT_EQ(fy->EndOfFiscalMonth(12).ToString(), "9999-11-30");
  EXPECT_EQ(fy->EndOfFiscalMonth(std::numeric_limits<int>::max()), fy->last_day());
  EXPECT_EQ(fy->EndOfFiscalMonth(std::numeric_limits<int>::min()).ToString(), "9998-12-31");
}

}  // namespace
}  // namespace perfbudget
