// core_money.cc: C ABI money text: int64 fen ⇄ decimal text, exactly.
#include "absl/strings/str_cat.h"
#include "capi_internal.hpp"
#include "codec/amount.h"
#include "perfbudget/money/money.h"

namespace capi = perfbudget::capi;
using perfbudget::Money;
using perfbudget::MoneyUnit;

namespace {

absl::StatusOr<MoneyUnit> InUnit(int32_t unit, std::string_view name) {
  switch (unit) {
    case PFB_UNIT_YUAN:
      return MoneyUnit::kYuan;
    case PFB_UNIT_WAN_YUAN:
      return MoneyUnit::kWanYuan;
    case PFB_UNIT_YI_YUAN:
      return MoneyUnit::kYiYuan;
    default:
      return capi::MakeStatus(
          PFB_INVALID_ARGUMENT,
          capi::Cat(name, " ", unit,
                    " is not a money unit (expected 0 yuan 元, 1 wan_yuan 万元, 2 yi_yuan 亿元)"));
  }
}

}  // namespace

extern "C" {

PFB_API int32_t pfb_money_parse(const char* text, size_t len, int32_t default_unit,
                                int64_t* out_fen, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out_fen, "out_fen"));
    PFB_ASSIGN_OR_RETURN(std::string_view t, capi::InText(text, len, "text"));
    PFB_ASSIGN_OR_RETURN(MoneyUnit unit, InUnit(default_unit, "default_unit"));
    perfbudget::codec::Decoded<Money> m = perfbudget::codec::DecodeAmount(t, unit);
    if (!m.ok()) return perfbudget::codec::ToStatus(m.failure());
    *out_fen = m->fen();
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_money_format(int64_t fen, int32_t unit, uint32_t flags, int32_t decimals,
                                 char** out, size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    capi::ZeroOptionalOut(out_len);  // first: zeroed even when `out` is NULL
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    perfbudget::MoneyFormat format;
    PFB_ASSIGN_OR_RETURN(format.unit, InUnit(unit, "unit"));
    PFB_RETURN_IF_ERROR(
        capi::CheckFlags(flags, PFB_MONEY_GROUPING | PFB_MONEY_UNIT_SUFFIX, "flags"));
    if (decimals < -1 || decimals > 10) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              capi::Cat("decimals ", decimals, " is not -1 (exact) or 0..10"));
    }
    format.grouping = (flags & PFB_MONEY_GROUPING) != 0;
    format.unit_suffix = (flags & PFB_MONEY_UNIT_SUFFIX) != 0;
    format.decimals = decimals;
    return capi::CopyOut(Money::FromFen(fen).ToString(format), out, out_len);
  });
}

}  // extern "C"
