// fiscal_calendar.cc: fiscal years and time progress (序时进度).
#include "perfbudget/calendar/fiscal_calendar.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace perfbudget {

absl::StatusOr<FiscalYear> FiscalYear::Create(int year, int start_month, bool named_by_end) {
  if (start_month < 1 || start_month > 12) {
    return absl::InvalidArgumentError(
        absl::StrCat("fiscal year start month ", start_month, " is not 1-12"));
  }
  if (year < 1400 || year > 9998) {
    return absl::InvalidArgumentError(absl::StrCat("fiscal year ", year, " is outside 1400-9998"));
  }
  // Named by its end: a year not starting in January begins the calendar
  // year before its name.
  const int start_year = (named_by_end && start_month != 1) ? year - 1 : year;
  absl::StatusOr<Date> first = Date::FromYmd(start_year, start_month, 1);
  if (!first.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "fiscal year ", year, " starting in month ", start_month,
        " (named by its end) would start before 1400-01-01: ", first.status().message()));
  }
  const int last_month = start_month == 1 ? 12 : start_month - 1;
  const int end_year = start_month == 1 ? start_year : start_year + 1;
  absl::StatusOr<Date> last = Date::FromYmd(end_year, last_month, 1);
  if (!last.ok()) return last.status();
  FiscalYear fy;
  fy.year_ = year;
  fy.start_month_ = start_month;
  fy.named_by_end_ = named_by_end;
  fy.first_ = *first;
  fy.last_ = last->EndOfMonth();
  return fy;
}

absl::Status FiscalYear::CheckContains(Date d) const {
  if (Contains(d)) return absl::OkStatus();
  return absl::OutOfRangeError(absl::StrCat("date ", d.ToString(), " is outside fiscal year ",
                                            year_, " (", first_.ToString(), " to ",
                                            last_.ToString(), ")"));
}

int FiscalYear::FiscalMonthOf(Date d) const { return (d.month() - start_month_ + 12) % 12 + 1; }

int FiscalYear::MonthsElapsed(Date d) const {
  if (d < first_) return 0;
  if (d >= last_) return 12;
  const int m = FiscalMonthOf(d);
  return d == d.EndOfMonth() ? m : m - 1;
}

Date FiscalYear::EndOfFiscalMonth(int m) const {
  if (m < 1) m = 1;
  if (m > 12) m = 12;
  const int offset = start_month_ - 1 + m - 1;  // months after January of the start year
  const int year = first_.year() + offset / 12;
  const int month = offset % 12 + 1;
  absl::StatusOr<Date> d = Date::FromYmd(year, month, 1);
  // In range by construction (Create validated both ends of the year).
  return d.ok() ? d->EndOfMonth() : last_;
}

absl::StatusOr<Ratio> FiscalYear::TimeProgress(Date as_of, TimeProgressMethod method) const {
  if (absl::Status s = CheckContains(as_of); !s.ok()) {
    return absl::OutOfRangeError(absl::StrCat("time progress: ", s.message()));
  }
  switch (method) {
    case TimeProgressMethod::kMonths:
      return Ratio(MonthsElapsed(as_of), 12);
    case TimeProgressMethod::kDays:
      return Ratio(as_of.day_number() - first_.day_number() + 1, days());
  }
  return absl::InvalidArgumentError("unknown time progress method");
}

}  // namespace perfbudget
