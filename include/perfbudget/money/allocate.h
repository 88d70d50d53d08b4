// allocate.h: exact allocation of an amount over weights (largest remainder).
//
// The parts always sum to the whole, to the fen. Used to split a reclaim
// across fund sources, a cut across projects, and so on.
#ifndef PERFBUDGET_MONEY_ALLOCATE_H_
#define PERFBUDGET_MONEY_ALLOCATE_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "perfbudget/money/money.h"

namespace perfbudget {

// Splits `total` proportionally to `weights` (each ≥ 0, sum > 0) by the
// largest-remainder method: each part gets floor(total × w ÷ Σw), and the
// fen left over go one each to the largest remainders (ties: lower index
// first). Negative totals are split as the negation of the positive split.
// Errors: InvalidArgument (empty, negative weight, all-zero weights).
absl::StatusOr<std::vector<Money>> AllocateByWeights(Money total,
                                                     absl::Span<const std::int64_t> weights);

// Fills `caps` in order: part i gets min(remaining, caps[i]). Whatever is left
// after the last cap is reported as an error (FailedPrecondition) unless
// `allow_remainder`; with it, the remainder goes to the last part.
absl::StatusOr<std::vector<Money>> AllocateByPriority(Money total, absl::Span<const Money> caps,
                                                      bool allow_remainder = false);

}  // namespace perfbudget

#endif  // PERFBUDGET_MONEY_ALLOCATE_H_
