// fuzz_money_date: money, decimal and date text parsing.
//
// Input: one byte of options (the default unit, the C ABI's format flags and
// decimals), then the text. Properties:
//   - Money::Parse accepts or refuses; what it accepts prints (ToString, in
//     yuan) to a text that parses back to the same amount;
//   - pfb_money_parse agrees with Money::Parse, and pfb_money_format's text
//     in any unit parses back (exact formats only);
//   - Ratio::ParseDecimal: what it accepts prints as decimals that parse;
//   - Date::Parse: what it accepts prints back as the same text; FromYmd on
//     the parsed parts gives the same date; PlusDays never overflows.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/calendar/fiscal_calendar.h"
#include "perfbudget/money/money.h"
#include "perfbudget/money/ratio.h"
#include "perfbudget/perfbudget.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace perfbudget;
  if (size == 0) return 0;
  const std::uint8_t opts = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  static constexpr MoneyUnit kUnits[] = {MoneyUnit::kYuan, MoneyUnit::kWanYuan, MoneyUnit::kYiYuan};
  const int unit_index = (opts & 3) % 3;
  const MoneyUnit unit = kUnits[unit_index];

  // Money.
  const auto money = Money::Parse(text, unit);
  int64_t fen = -1;
  pfb_error* err = nullptr;
  const int32_t rc = pfb_money_parse(text.data(), text.size(), unit_index, &fen, &err);
  pfb_error_destroy(err);
  if (money.ok()) {
    FUZZ_CHECK(rc == PFB_OK && fen == money->fen(), std::string(text));
    const std::string printed = money->ToString();
    const auto back = Money::Parse(printed, MoneyUnit::kYuan);
    FUZZ_CHECK(back.ok() && *back == *money, printed);
    const int32_t out_unit = (opts >> 2) % 3;
    const uint32_t flags = (opts >> 4) & 3u;
    char* out = nullptr;
    size_t out_len = 0;
    err = nullptr;
    const int32_t frc = pfb_money_format(money->fen(), out_unit, flags, -1, &out, &out_len, &err);
    FUZZ_CHECK(frc == PFB_OK && out != nullptr && std::strlen(out) == out_len, std::string(text));
    int64_t fen_back = -1;
    pfb_error* err2 = nullptr;
    const int32_t prc = pfb_money_parse(out, out_len, out_unit, &fen_back, &err2);
    FUZZ_CHECK(prc == PFB_OK && fen_back == money->fen(), std::string(out, out_len));
    pfb_string_free(out);
    pfb_error_destroy(err);
    pfb_error_destroy(err2);
  } else {
    FUZZ_CHECK(rc != PFB_OK && fen == 0, std::string(text));
  }
  if (const auto u = ParseMoneyUnit(text); u.ok()) (void)MoneyUnitName(*u);

  // Decimals.
  if (const auto r = Ratio::ParseDecimal(text); r.ok()) {
    (void)r->ToExactString();  // "191/2": not decimal text
    // What prints as decimals reads back.
    for (const std::string& printed : {r->ToDecimalString(opts % 11), r->ToShortString(opts % 7)}) {
      FUZZ_CHECK(Ratio::ParseDecimal(printed).ok(), printed);
    }
    (void)r->ToPercentString(opts % 5);
  }

  // Dates.
  if (const auto d = Date::Parse(text); d.ok()) {
    FUZZ_CHECK(d->ToString() == text, std::string(text));
    const auto same = Date::FromYmd(d->year(), d->month(), d->day());
    FUZZ_CHECK(same.ok() && *same == *d, std::string(text));
    FUZZ_CHECK(d->EndOfMonth().day() == DaysInMonth(d->year(), d->month()), std::string(text));
    if (const auto fy = FiscalYear::Create(d->year(), 1 + opts % 12, (opts & 0x80) != 0); fy.ok()) {
      if (fy->Contains(*d)) (void)fy->FiscalMonthOf(*d);
      (void)fy->MonthsElapsed(*d);
    }
  }
  if (text.size() >= 4) {
    std::int32_t n;
    std::memcpy(&n, text.data(), sizeof n);
    const Date far = Date::FromDayNumber(n).PlusDays(n);  // clamped, never UB
    (void)far.day_number();
  }
  return 0;
}
