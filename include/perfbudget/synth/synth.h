// synth.h: a deterministic generator of realistic synthetic datasets, for
// tests, benchmarks and demos (`perfbudget synth`).
//
// The same options (seed included) always give the same Dataset, hence the
// same bytes once written. Names come from small Chinese word tables (units
// like "城东新区交通运输局", projects like "城东片区主干道维修改造项目");
// indicators cover every level-1 kind with natural level-2 kinds, all
// comparators including qualitative (定性); fund lines use several fund
// sources; disbursements are spread over the fiscal year. Randomness comes
// from a SplitMix64 generator coded here (no std distributions, whose output
// differs between standard libraries).
//
// Province scale (100,000 projects, 10 indicators a goal, 10 disbursements a
// project: 1,000,000 indicators and 1,000,000 disbursements) generates in
// seconds.
#ifndef PERFBUDGET_SYNTH_SYNTH_H_
#define PERFBUDGET_SYNTH_SYNTH_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "perfbudget/model/dataset.h"

namespace perfbudget {

struct SynthOptions {
  std::uint64_t seed = 1;
  int units = 6;
  int projects = 80;
  int indicators_per_goal = 6;        // per project goal (0..50); unit goals get 4
  int disbursements_per_project = 6;  // at most; projects not started get none (0..1000)
  int fiscal_year = 2022;
  int fiscal_year_start_month = 1;
  bool unit_goals = true;     // one unit-level goal (部门整体) per unit
  bool actuals = true;        // mid-year actuals for about half the indicators
  bool payment_plans = true;  // quarterly payment plans for about half the projects
  bool ex_ante = true;        // ex-ante assessments for new projects ≥ 100 万元
};

// Limits: 1 ≤ units ≤ 100,000; 0 ≤ projects ≤ 10,000,000; counts as noted
// above. Errors: InvalidArgument naming the bad option; whatever
// DatasetBuilder::Build reports (a bug in the generator).
absl::StatusOr<Dataset> Synthesize(const SynthOptions& options);

}  // namespace perfbudget

#endif  // PERFBUDGET_SYNTH_SYNTH_H_
