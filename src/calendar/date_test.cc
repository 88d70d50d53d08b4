// date_test.cc: Date parsing, conversion and month arithmetic.
#include "perfbudget/calendar/date.h"

#include <limits>
#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;

Date D(std::string_view iso) {
  absl::StatusOr<Date> d = Date::Parse(iso);
  EXPECT_TRUE(d.ok()) << iso << ": " << d.status();
  return d.ok() ? *d : Date();
}

std::string ParseError(std::string_view iso) {
  absl::StatusOr<Date> d = Date::Parse(iso);
  EXPECT_FALSE(d.ok()) << iso;
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument) << iso;
  return std::string(d.status().message());
}

TEST(Date, EpochAndDayNumbers) {
  EXPECT_EQ(Date().ToString(), "1970-01-01");
  EXPECT_EQ(D("1970-01-01").day_number(), 0);
  EXPECT_EQ(D("1970-01-02").day_number(), 1);
  EXPECT_EQ(D("1969-12-31").day_number(), -1);
  EXPECT_EQ(D("2000-03-01").day_number(), 11017);
  EXPECT_EQ(D("2022-08-31").day_number(), 19235);
  EXPECT_EQ(Date::FromDayNumber(19235).ToString(), "2022-08-31");
  EXPECT_EQ(D("2022-08-31").PlusDays(1).ToString(), "2022-09-01");
  EXPECT_EQ(D("2022-03-01").PlusDays(-1).ToString(), "2022-02-28");
  EXPECT_EQ(D("2024-03-01").PlusDays(-1).ToString(), "2024-02-29");
}

TEST(Date, FieldsAndRoundTrip) {
  const Date d = D("2022-08-31");
  EXPECT_EQ(d.year(), 2022);
  EXPECT_EQ(d.month(), 8);
  EXPECT_EQ(d.day(), 31);
  EXPECT_EQ(D("1400-01-01").ToString(), "1400-01-01");
  EXPECT_EQ(D("9999-12-31").ToString(), "9999-12-31");
  // Every day of several years round-trips through text and fields.
  for (Date x = D("1999-12-01"); x <= D("2001-03-31"); x = x.PlusDays(1)) {
    EXPECT_EQ(D(x.ToString()), x);
    EXPECT_EQ(*Date::FromYmd(x.year(), x.month(), x.day()), x);
  }
}

TEST(Date, OutsideBoostRangeStillConvertsWithoutThrowing) {
  const Date lo = D("1400-01-01");
  const Date hi = D("9999-12-31");
  EXPECT_EQ(lo.PlusDays(-1).ToString(), "1399-12-31");
  EXPECT_EQ(hi.PlusDays(1).ToString(), "10000-01-01");
  EXPECT_EQ(lo.PlusDays(-366).ToString(), "1398-12-31");
  EXPECT_EQ(lo.PlusDays(-1).EndOfMonth(), lo.PlusDays(-1));
  EXPECT_EQ(Date::FromDayNumber(-719468).ToString(), "0000-03-01");
}

TEST(Date, PlusDaysNeverOverflows) {
  constexpr std::int32_t kMax = std::numeric_limits<std::int32_t>::max();
  constexpr std::int32_t kMin = std::numeric_limits<std::int32_t>::min();
  const Date d = D("2022-08-31");
  EXPECT_EQ(d.PlusDays(kMax).day_number(), kMax);
  EXPECT_EQ(Date::FromDayNumber(-5).PlusDays(kMin).day_number(), kMin);
  EXPECT_EQ(d.PlusDays(kMin).day_number(), std::int64_t{d.day_number()} + kMin);
  EXPECT_EQ(Date::FromDayNumber(kMax).PlusDays(1).day_number(), kMax);
  EXPECT_EQ(Date::FromDayNumber(kMin).PlusDays(-1).day_number(), kMin);
  // Within range it is plain addition.
  EXPECT_EQ(Date::FromDayNumber(kMax - 1).PlusDays(1).day_number(), kMax);
  EXPECT_EQ(d.PlusDays(-d.day_number()).ToString(), "1970-01-01");
}

TEST(Date, Leap) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2022, 4), 30);
  EXPECT_EQ(DaysInMonth(2022, 12), 31);
  EXPECT_EQ(DaysInMonth(2022, 13), 0);
  EXPECT_TRUE(Date::FromYmd(2024, 2, 29).ok());
  EXPECT_FALSE(Date::FromYmd(2023, 2, 29).ok());
  EXPECT_FALSE(Date::FromYmd(1900, 2, 29).ok());
  EXPECT_TRUE(Date::FromYmd(2000, 2, 29).ok());
}

TEST(Date, EndOfMonth) {
  EXPECT_EQ(D("2022-08-15").EndOfMonth(), D("2022-08-31"));
  EXPECT_EQ(D("2022-08-31").EndOfMonth(), D("2022-08-31"));
  EXPECT_EQ(D("2024-02-01").EndOfMonth(), D("2024-02-29"));
  EXPECT_EQ(D("2023-02-10").EndOfMonth(), D("2023-02-28"));
  EXPECT_EQ(D("2022-12-01").EndOfMonth(), D("2022-12-31"));
}

TEST(Date, Ordering) {
  EXPECT_LT(D("2022-08-30"), D("2022-08-31"));
  EXPECT_EQ(D("2022-08-31").day_number() - D("2022-01-01").day_number(), 242);
}

TEST(Date, FromYmdErrorsNameTheBadPart) {
  EXPECT_THAT(std::string(Date::FromYmd(2022, 13, 1).status().message()),
              HasSubstr("month 13 is not 1-12"));
  EXPECT_THAT(std::string(Date::FromYmd(2022, 2, 30).status().message()),
              HasSubstr("2022-02-30 does not exist"));
  EXPECT_THAT(std::string(Date::FromYmd(2022, 4, 0).status().message()),
              HasSubstr("does not exist"));
  EXPECT_THAT(std::string(Date::FromYmd(1399, 12, 31).status().message()), HasSubstr("year 1399"));
  EXPECT_FALSE(Date::FromYmd(10000, 1, 1).ok());
}

TEST(Date, ParseIsStrict) {
  EXPECT_THAT(ParseError(""), HasSubstr("empty"));
  EXPECT_THAT(ParseError("2022-8-31"), HasSubstr("YYYY-MM-DD"));
  EXPECT_THAT(ParseError("2022/08/31"), HasSubstr("'-' after the year"));
  EXPECT_THAT(ParseError("2022-08/31"), HasSubstr("'-' after the month"));
  EXPECT_THAT(ParseError("20x2-08-31"), HasSubstr("year"));
  EXPECT_THAT(ParseError("2022-0a-31"), HasSubstr("month"));
  EXPECT_THAT(ParseError("2022-08-3x"), HasSubstr("day"));
  EXPECT_THAT(ParseError("2022-13-01"), HasSubstr("month 13"));
  EXPECT_THAT(ParseError("2022-02-29"), HasSubstr("2022-02-29 does not exist"));
  EXPECT_THAT(ParseError("2022-00-10"), HasSubstr("month 0"));
  EXPECT_THAT(ParseError("0999-01-01"), HasSubstr("year 999"));
  ParseError(" 2022-08-31");
  ParseError("2022-08-31 ");
  ParseError("2022-08-31T00:00");
  ParseError("20220831");
  ParseError("+022-08-31");
  ParseError("２０２２-０８-３１");
}

}  // namespace
}  // namespace perfbudget
