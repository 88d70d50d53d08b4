// fiscal_calendar_test.cc: fiscal years, fiscal months and time progress.
#include "perfbudget/calendar/fiscal_calendar.h"

#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;

Date D(std::string_view iso) { return Date::Parse(iso).value(); }

FiscalYear FY(int year, int start_month = 1, bool named_by_end = false) {
  absl::StatusOr<FiscalYear> fy = FiscalYear::Create(year, start_month, named_by_end);
  EXPECT_TRUE(fy.ok()) << fy.status();
  return *fy;
}

TEST(FiscalYear, CalendarYear) {
  const FiscalYear fy = FY(2022);
  EXPECT_EQ(fy.year(), 2022);
  EXPECT_EQ(fy.start_month(), 1);
  EXPECT_FALSE(fy.named_by_end());
  EXPECT_EQ(fy.first_day(), D("2022-01-01"));
  EXPECT_EQ(fy.last_day(), D("2022-12-31"));
  EXPECT_EQ(fy.days(), 365);
  EXPECT_EQ(FY(2024).days(), 366);
  EXPECT_EQ(FY(2022, 1, true).first_day(), D("2022-01-01"));  // January: same either way
}

TEST(FiscalYear, AprilJulyOctober) {
  const FiscalYear april = FY(2022, 4);
  EXPECT_EQ(april.first_day(), D("2022-04-01"));
  EXPECT_EQ(april.last_day(), D("2023-03-31"));
  EXPECT_EQ(april.days(), 365);
  EXPECT_EQ(FY(2023, 4).days(), 366);  // contains 2024-02-29
  const FiscalYear july = FY(2022, 7);
  EXPECT_EQ(july.first_day(), D("2022-07-01"));
  EXPECT_EQ(july.last_day(), D("2023-06-30"));
  const FiscalYear oct_end = FY(2023, 10, true);  // US convention
  EXPECT_EQ(oct_end.first_day(), D("2022-10-01"));
  EXPECT_EQ(oct_end.last_day(), D("2023-09-30"));
  const FiscalYear dec = FY(2022, 12);
  EXPECT_EQ(dec.first_day(), D("2022-12-01"));
  EXPECT_EQ(dec.last_day(), D("2023-11-30"));
}

TEST(FiscalYear, CreateErrors) {
  EXPECT_EQ(FiscalYear::Create(2022, 0).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FiscalYear::Create(2022, 13).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FiscalYear::Create(1399).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FiscalYear::Create(9999).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(FiscalYear::Create(9998, 12).ok());
  EXPECT_TRUE(FiscalYear::Create(1400).ok());
  EXPECT_EQ(FiscalYear::Create(1400, 10, true).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(FiscalYear, ContainsAndCheckContains) {
  const FiscalYear fy = FY(2022, 4);
  EXPECT_TRUE(fy.Contains(D("2022-04-01")));
  EXPECT_TRUE(fy.Contains(D("2023-03-31")));
  EXPECT_FALSE(fy.Contains(D("2022-03-31")));
  EXPECT_FALSE(fy.Contains(D("2023-04-01")));
  EXPECT_TRUE(fy.CheckContains(D("2022-12-25")).ok());
  const absl::Status s = fy.CheckContains(D("2023-04-01"));
  EXPECT_EQ(s.code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(std::string(s.message()), HasSubstr("2023-04-01"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("2022-04-01"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("2023-03-31"));
}

TEST(FiscalYear, FiscalMonths) {
  const FiscalYear april = FY(2022, 4);
  EXPECT_EQ(april.FiscalMonthOf(D("2022-04-15")), 1);
  EXPECT_EQ(april.FiscalMonthOf(D("2022-12-01")), 9);
  EXPECT_EQ(april.FiscalMonthOf(D("2023-03-31")), 12);
  EXPECT_EQ(FY(2022).FiscalMonthOf(D("2022-08-31")), 8);
  EXPECT_EQ(april.EndOfFiscalMonth(1), D("2022-04-30"));
  EXPECT_EQ(april.EndOfFiscalMonth(11), D("2023-02-28"));
  EXPECT_EQ(april.EndOfFiscalMonth(12), D("2023-03-31"));
  EXPECT_EQ(FY(2023, 4).EndOfFiscalMonth(11), D("2024-02-29"));
  EXPECT_EQ(FY(2022).EndOfFiscalMonth(8), D("2022-08-31"));
  EXPECT_EQ(FY(2023, 10, true).EndOfFiscalMonth(1), D("2022-10-31"));
  EXPECT_EQ(FY(2023, 10, true).EndOfFiscalMonth(12), D("2023-09-30"));
}

TEST(FiscalYear, MonthsElapsedCountsAMonthOnItsLastDay) {
  const FiscalYear fy = FY(2022);
  EXPECT_EQ(fy.MonthsElapsed(D("2022-08-31")), 8);
  EXPECT_EQ(fy.MonthsElapsed(D("2022-08-30")), 7);
  EXPECT_EQ(fy.MonthsElapsed(D("2022-09-01")), 8);
  EXPECT_EQ(fy.MonthsElapsed(D("2022-01-01")), 0);
  EXPECT_EQ(fy.MonthsElapsed(D("2022-01-31")), 1);
  EXPECT_EQ(fy.MonthsElapsed(D("2022-12-31")), 12);
  EXPECT_EQ(fy.MonthsElapsed(D("2021-12-31")), 0);   // before the year
  EXPECT_EQ(fy.MonthsElapsed(D("2023-05-01")), 12);  // after it
  const FiscalYear april = FY(2022, 4);
  EXPECT_EQ(april.MonthsElapsed(D("2022-11-30")), 8);
  EXPECT_EQ(april.MonthsElapsed(D("2023-02-28")), 11);
  EXPECT_EQ(april.MonthsElapsed(D("2023-02-27")), 10);
}

TEST(FiscalYear, TimeProgressSeedFigures) {
  const FiscalYear fy = FY(2022);
  const Ratio by_months = fy.TimeProgress(D("2022-08-31"), TimeProgressMethod::kMonths).value();
  EXPECT_EQ(by_months, Ratio(8, 12));
  EXPECT_EQ(by_months.ToPercentString(), "66.67");
  const Ratio by_days = fy.TimeProgress(D("2022-08-31"), TimeProgressMethod::kDays).value();
  EXPECT_EQ(by_days, Ratio(243, 365));
  EXPECT_EQ(by_days.ToPercentString(), "66.58");
  EXPECT_EQ(*fy.TimeProgress(D("2022-08-30"), TimeProgressMethod::kMonths), Ratio(7, 12));
  EXPECT_EQ(*fy.TimeProgress(D("2022-01-01"), TimeProgressMethod::kDays), Ratio(1, 365));
  EXPECT_EQ(*fy.TimeProgress(D("2022-12-31"), TimeProgressMethod::kDays), Ratio(1));
  EXPECT_EQ(*fy.TimeProgress(D("2022-12-31"), TimeProgressMethod::kMonths), Ratio(1));
  EXPECT_EQ(*FY(2024).TimeProgress(D("2024-02-29"), TimeProgressMethod::kDays), Ratio(60, 366));
}

TEST(FiscalYear, TimeProgressNonJanuaryYears) {
  const FiscalYear april = FY(2022, 4);
  EXPECT_EQ(*april.TimeProgress(D("2022-09-30"), TimeProgressMethod::kMonths), Ratio(6, 12));
  EXPECT_EQ(*april.TimeProgress(D("2022-04-30"), TimeProgressMethod::kDays), Ratio(30, 365));
  const FiscalYear oct = FY(2023, 10, true);
  EXPECT_EQ(*oct.TimeProgress(D("2023-03-31"), TimeProgressMethod::kMonths), Ratio(1, 2));
  EXPECT_EQ(*oct.TimeProgress(D("2022-10-01"), TimeProgressMethod::kDays), Ratio(1, 365));
  const FiscalYear july = FY(2022, 7);
  EXPECT_EQ(*july.TimeProgress(D("2022-12-31"), TimeProgressMethod::kMonths), Ratio(1, 2));
  EXPECT_EQ(*july.TimeProgress(D("2022-12-31"), TimeProgressMethod::kDays), Ratio(184, 365));
}

TEST(FiscalYear, TimeProgressOutsideTheYearIsAnError) {
  const FiscalYear fy = FY(2022);
  for (TimeProgressMethod m : {TimeProgressMethod::kMonths, TimeProgressMethod::kDays}) {
    const absl::Status s = fy.TimeProgress(D("2023-01-01"), m).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kOutOfRange);
    EXPECT_THAT(std::string(s.message()), HasSubstr("2023-01-01"));
    EXPECT_EQ(fy.TimeProgress(D("2021-12-31"), m).status().code(), absl::StatusCode::kOutOfRange);
  }
}

}  // namespace
}  // namespace perfbudget
