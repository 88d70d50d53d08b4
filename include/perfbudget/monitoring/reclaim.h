// reclaim.h: in-year fund reclaim proposals (收回 / 结转结余, DOMAIN.md §7).
//
// Reclaim() proposes, as of a date, the money the finance bureau can take
// back, each proposal with its reason code (rules "reclaim.*"), the values
// behind it and an exact split across the project's fund sources:
//   reclaim.unimplemented          status not_implemented (未实施): the unspent
//                                  current budget (current − executed).
//   reclaim.surplus_finished       status finished / terminated: the surplus
//                                  (结余 = current − executed).
//   reclaim.carry_over_two_years   carry-over lines (source carry_over) with
//                                  origin_year ≤ fiscal year − min_years: what
//                                  is unspent of them (carry-over spending is
//                                  taken from the oldest lines first).
//   reclaim.lagging_with_plan      a lagging project (a red lag warning:
//                                  monitoring.gap_red, .no_disbursement_after_quarter
//                                  or .q3_summons) with a payment plan: the
//                                  expected year-end carry-over
//                                  = current − executed − Σ planned payments dated
//                                  after as_of (less any two-year carry-over
//                                  already proposed), when positive.
//   reclaim.lagging_without_plan   a lagging project without a payment plan:
//                                  a warning, no amount (a cut needs a basis).
// Splits are proportional to each fund source's current budget, or follow
// the policy's priority order (Policy::split_method()), and always sum to the
// proposal's amount to the fen. Cancelled projects are out of scope.
#ifndef PERFBUDGET_MONITORING_RECLAIM_H_
#define PERFBUDGET_MONITORING_RECLAIM_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/model/enums.h"
#include "perfbudget/money/money.h"
#include "perfbudget/policy/policy.h"

namespace perfbudget {

struct MonitorReport;

struct ReclaimOptions {
  Date as_of;
  // Fill ReclaimProposal::message_zh / message_en. Without them (false),
  // render a proposal's message on demand with ExplainProposal().
  bool messages = true;
};

struct FundSplit {
  FundSource source = FundSource::kGeneralBudget;
  Money amount;
};

struct ReclaimProposal {
  std::string_view code;  // "reclaim.unimplemented" (static storage)
  Severity severity = Severity::kInfo;
  std::uint32_t project_index = 0;
  bool has_amount = true;  // false for reclaim.lagging_without_plan
  Money amount;            // to reclaim (0 without an amount)
  // The values behind the rule.
  Money current;                 // current budget as of as_of
  Money executed;                // executed to as_of
  Money planned_after;           // Σ payment plan dated after as_of (lagging rules)
  int origin_year = 0;           // carry_over_two_years: the newest origin year reclaimed
  Ratio threshold;               // the rule's parameter (min_years), else 0
  std::vector<FundSplit> split;  // sums to `amount`, fen-exact
  std::string message_zh;        // when ReclaimOptions::messages, else ""
  std::string message_en;        // (ExplainProposal() renders either on demand)
};

struct ReclaimTotal {
  std::uint32_t unit_index = kNoIndex;  // kNoIndex for the jurisdiction
  Money amount;
  std::uint32_t proposals = 0;  // with an amount
  std::uint32_t warnings = 0;   // without an amount
  std::uint32_t projects = 0;   // distinct projects with a proposal
  std::array<Money, kFundSourceCount> by_source{};
};

struct ReclaimReport {
  Dataset dataset;
  Date as_of;
  std::vector<ReclaimProposal> proposals;  // by project (dataset order), then rule
  std::vector<ReclaimTotal> units;         // units with a proposal, dataset order
  ReclaimTotal total;
  // Σ by reason code, in catalog order: (code, count, amount).
  struct ByCode {
    std::string_view code;
    std::uint32_t count = 0;
    Money amount;
  };
  std::vector<ByCode> by_code;
};

// Errors: as Monitor() (OutOfRange for an as-of outside the fiscal year, etc.);
// FailedPrecondition when a split cannot be made.
absl::StatusOr<ReclaimReport> Reclaim(const Dataset& dataset, const Policy& policy,
                                      const ReclaimOptions& options);

// The same from a monitoring report made by Monitor() with the same policy
// (goals on or off): its dataset, as-of date, project rows and lag warnings
// are reused, so monitoring plus reclaim walk the disbursements once (only
// projects whose split needs per-source spending are walked again).
// options.as_of is ignored (the report's date is used).
absl::StatusOr<ReclaimReport> Reclaim(const MonitorReport& monitoring, const Policy& policy,
                                      const ReclaimOptions& options = {});

// The message of a proposal in "zh" or "en", naming the values behind it
// (what message_zh / message_en hold when ReclaimOptions::messages).
std::string ExplainProposal(const ReclaimReport& report, const ReclaimProposal& proposal,
                            std::string_view lang = "zh");

}  // namespace perfbudget

#endif  // PERFBUDGET_MONITORING_RECLAIM_H_
