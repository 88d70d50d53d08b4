// fiscal_calendar.h: FiscalYear and time progress (序时进度).
//
// A fiscal year has a start month (January in China; April, July or October
// elsewhere) and a name year. By default FY N starts in calendar year N:
// FY2022 starting in April runs 2022-04-01 .. 2023-03-31. With
// `named_by_end` (the US convention) FY N ends in calendar year N: FY2023
// starting in October runs 2022-10-01 .. 2023-09-30.
#ifndef PERFBUDGET_CALENDAR_FISCAL_CALENDAR_H_
#define PERFBUDGET_CALENDAR_FISCAL_CALENDAR_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget {

// How time progress is measured.
enum class TimeProgressMethod : std::uint8_t {
  kMonths,  // whole months elapsed ÷ 12: an as-of date counts its month only
            // when it is the month's last day (2022-08-31 → 8/12)
  kDays,    // days elapsed, as-of day included ÷ days in the fiscal year
            // (2022-08-31 → 243/365)
};

class FiscalYear {
 public:
  // Errors: InvalidArgument for a start month outside 1..12 or a year outside
  // 1400..9998.
  static absl::StatusOr<FiscalYear> Create(int year, int start_month = 1,
                                           bool named_by_end = false);

  int year() const { return year_; }
  int start_month() const { return start_month_; }
  bool named_by_end() const { return named_by_end_; }
  Date first_day() const { return first_; }
  Date last_day() const { return last_; }
  int days() const { return last_.day_number() - first_.day_number() + 1; }
  bool Contains(Date d) const { return first_ <= d && d <= last_; }

  // OK when `d` lies in the year, else OutOfRange naming the date and the
  // year's bounds.
  absl::Status CheckContains(Date d) const;

  // 1-based fiscal month of a date (April-start: April → 1, March → 12).
  // Precondition: Contains(d).
  int FiscalMonthOf(Date d) const;
  // Whole fiscal months completed by the end of `d` (0..12).
  int MonthsElapsed(Date d) const;
  // The last day of fiscal month m (1..12).
  Date EndOfFiscalMonth(int m) const;

  // 序时进度 time progress as of `as_of` (inclusive), exact. Errors:
  // OutOfRange when as_of is outside the year.
  absl::StatusOr<Ratio> TimeProgress(Date as_of, TimeProgressMethod method) const;

 private:
  int year_ = 0;
  int start_month_ = 1;
  bool named_by_end_ = false;
  Date first_;
  Date last_;
};

}  // namespace perfbudget

#endif  // PERFBUDGET_CALENDAR_FISCAL_CALENDAR_H_
