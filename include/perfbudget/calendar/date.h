// date.h: Date, a calendar day (Gregorian), stored as a day number.
//
// Dates travel as ISO 8601 text ("2022-08-31"). Comparison and difference are
// integer operations; conversion to and from year/month/day uses
// Boost.Date_Time behind the scenes.
#ifndef PERFBUDGET_CALENDAR_DATE_H_
#define PERFBUDGET_CALENDAR_DATE_H_

#include <compare>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace perfbudget {

class Date {
 public:
  constexpr Date() = default;  // 1970-01-01
  // Errors: InvalidArgument naming the bad part ("month 13 is not 1-12",
  // "2022-02-30 does not exist"). Years 1400..9999.
  static absl::StatusOr<Date> FromYmd(int year, int month, int day);
  // Strict ISO "YYYY-MM-DD". Errors: InvalidArgument saying what was expected.
  static absl::StatusOr<Date> Parse(std::string_view iso);

  int year() const;
  int month() const;             // 1..12
  int day() const;               // 1..31
  std::string ToString() const;  // "2022-08-31"

  // Days since 1970-01-01 (may be negative). Arithmetic may leave 1400..9999;
  // such dates still convert and print (proleptic Gregorian), but FromYmd and
  // Parse do not produce them.
  constexpr std::int32_t day_number() const { return days_; }
  static constexpr Date FromDayNumber(std::int32_t days) { return Date(days); }
  // Never overflows: the sum is taken in 64 bits and held to the int32 day
  // range (about ±5.8 million years, far outside any date the library reads
  // or makes; callers add spans within a fiscal year).
  constexpr Date PlusDays(std::int32_t n) const {
    const std::int64_t sum = std::int64_t{days_} + n;
    constexpr std::int64_t kLo = std::numeric_limits<std::int32_t>::min();
    constexpr std::int64_t kHi = std::numeric_limits<std::int32_t>::max();
    return Date(static_cast<std::int32_t>(sum < kLo ? kLo : (sum > kHi ? kHi : sum)));
  }
  // The last day of this date's month.
  Date EndOfMonth() const;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend constexpr auto operator<=>(Date, Date) = default;
  friend constexpr bool operator==(Date, Date) = default;

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

int DaysInMonth(int year, int month);

}  // namespace perfbudget

#endif  // PERFBUDGET_CALENDAR_DATE_H_
