// date.cc: Date conversions. Year/month/day ↔ day number goes through
// Boost.Date_Time's Gregorian calendar for years 1400..9999 (its range, and
// the range FromYmd accepts). Day numbers outside that range can only arise
// from arithmetic (PlusDays / FromDayNumber); they are converted with the
// same proleptic Gregorian rules in plain integer arithmetic, so nothing ever
// throws.
#include "perfbudget/calendar/date.h"

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "boost/date_time/gregorian/gregorian_types.hpp"

namespace perfbudget {
namespace {

using BoostCalendar = boost::gregorian::gregorian_calendar;

constexpr int kMinYear = 1400;
constexpr int kMaxYear = 9999;

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Boost's day number (Julian day number) of 1970-01-01.
std::int64_t EpochJdn() {
  static constexpr unsigned short kY = 1970;  // NOLINT: Boost's own types
  return static_cast<std::int64_t>(
      BoostCalendar::day_number(BoostCalendar::ymd_type(kY, boost::gregorian::Jan, 1)));
}

struct Ymd {
  int year;
  int month;
  int day;
};

// Proleptic Gregorian conversion by 400-year eras (days since 1970-01-01),
// after the well-known public-domain civil_from_days algorithm (H. Hinnant,
// "chrono-Compatible Low-Level Date Algorithms").
Ymd CivilFromDays(std::int64_t z) {
  z += 719468;  // shift the epoch to 0000-03-01
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;                                       // [0, 146096]
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const std::int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const auto day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const auto year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return Ymd{year, month, day};
}

Ymd ToYmd(std::int32_t days) {
  const std::int64_t jdn = EpochJdn() + days;
  // Boost's range: 1400-01-01 .. 9999-12-31.
  static constexpr unsigned short kLoY = kMinYear, kHiY = kMaxYear;  // NOLINT
  const auto lo = static_cast<std::int64_t>(
      BoostCalendar::day_number(BoostCalendar::ymd_type(kLoY, boost::gregorian::Jan, 1)));
  const auto hi = static_cast<std::int64_t>(
      BoostCalendar::day_number(BoostCalendar::ymd_type(kHiY, boost::gregorian::Dec, 31)));
  if (jdn < lo || jdn > hi) return CivilFromDays(days);
  const BoostCalendar::ymd_type ymd =
      BoostCalendar::from_day_number(static_cast<BoostCalendar::date_int_type>(jdn));
  return Ymd{static_cast<int>(ymd.year), static_cast<int>(ymd.month.as_number()),
             static_cast<int>(ymd.day)};
}

constexpr std::string_view kMonthNames[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && IsLeap(year)) return 29;
  return kDays[month - 1];
}

absl::StatusOr<Date> Date::FromYmd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) {
    return absl::InvalidArgumentError(
        absl::StrCat("year ", year, " is outside ", kMinYear, "-", kMaxYear));
  }
  if (month < 1 || month > 12) {
    return absl::InvalidArgumentError(absl::StrCat("month ", month, " is not 1-12"));
  }
  const int dim = DaysInMonth(year, month);
  if (day < 1 || day > dim) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%04d-%02d-%02d does not exist (%s %d has %d days)", year, month, day,
                        kMonthNames[month - 1], year, dim));
  }
  const BoostCalendar::ymd_type ymd(static_cast<unsigned short>(year),   // NOLINT
                                    static_cast<unsigned short>(month),  // NOLINT
                                    static_cast<unsigned short>(day));   // NOLINT
  const auto jdn = static_cast<std::int64_t>(BoostCalendar::day_number(ymd));
  return Date(static_cast<std::int32_t>(jdn - EpochJdn()));
}

absl::StatusOr<Date> Date::Parse(std::string_view iso) {
  auto bad = [&](absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat("\"", absl::string_view(iso.data(), iso.size()),
                                                   "\" is not a date: ", why,
                                                   " (expected YYYY-MM-DD, e.g. 2022-08-31)"));
  };
  if (iso.empty()) return bad("the text is empty");
  auto digits = [&](size_t from, size_t count, int* out) {
    int v = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      v = v * 10 + (iso[i] - '0');
    }
    *out = v;
    return true;
  };
  if (iso.size() != 10) {
    return bad(absl::StrCat("it has ", iso.size(), " characters, not 10"));
  }
  int year = 0, month = 0, day = 0;
  if (!digits(0, 4, &year)) return bad("the year is not four digits");
  if (iso[4] != '-') return bad("expected '-' after the year");
  if (!digits(5, 2, &month)) return bad("the month is not two digits");
  if (iso[7] != '-') return bad("expected '-' after the month");
  if (!digits(8, 2, &day)) return bad("the day is not two digits");
  absl::StatusOr<Date> d = FromYmd(year, month, day);
  if (!d.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("\"", absl::string_view(iso.data(), iso.size()),
                                                   "\" is not a date: ", d.status().message()));
  }
  return d;
}

int Date::year() const { return ToYmd(days_).year; }
int Date::month() const { return ToYmd(days_).month; }
int Date::day() const { return ToYmd(days_).day; }

std::string Date::ToString() const {
  const Ymd ymd = ToYmd(days_);
  return absl::StrFormat("%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
}

Date Date::EndOfMonth() const {
  const Ymd ymd = ToYmd(days_);
  return PlusDays(DaysInMonth(ymd.year, ymd.month) - ymd.day);
}

}  // namespace perfbudget
