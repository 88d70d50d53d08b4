// synth.cc: the C ABI of the synthetic-dataset generator (pfb_dataset_synth).
#include "perfbudget/synth/synth.h"

#include "capi_internal.hpp"
#include "perfbudget/pfb_core.h"

namespace capi = perfbudget::capi;

extern "C" PFB_API int32_t pfb_dataset_synth(uint64_t seed, int32_t units, int32_t projects,
                                             int32_t indicators_per_goal,
                                             int32_t disbursements_per_project, int32_t fiscal_year,
                                             int32_t start_month, uint32_t flags, pfb_dataset** out,
                                             pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    constexpr std::uint32_t kKnown = PFB_SYNTH_NO_UNIT_GOALS | PFB_SYNTH_NO_ACTUALS |
                                     PFB_SYNTH_NO_PAYMENT_PLANS | PFB_SYNTH_NO_EX_ANTE;
    PFB_RETURN_IF_ERROR(capi::CheckFlags(flags, kKnown, "flags"));
    perfbudget::SynthOptions o;
    o.seed = seed;
    o.units = units;
    o.projects = projects;
    o.indicators_per_goal = indicators_per_goal;
    o.disbursements_per_project = disbursements_per_project;
    o.fiscal_year = fiscal_year;
    o.fiscal_year_start_month = start_month;
    o.unit_goals = (flags & PFB_SYNTH_NO_UNIT_GOALS) == 0;
    o.actuals = (flags & PFB_SYNTH_NO_ACTUALS) == 0;
    o.payment_plans = (flags & PFB_SYNTH_NO_PAYMENT_PLANS) == 0;
    o.ex_ante = (flags & PFB_SYNTH_NO_EX_ANTE) == 0;
    PFB_ASSIGN_OR_RETURN(perfbudget::Dataset ds, perfbudget::Synthesize(o));
    *out = new pfb_dataset{std::move(ds)};
    return absl::OkStatus();
  });
}
