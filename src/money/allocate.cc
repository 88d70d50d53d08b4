// allocate.cc: exact allocation by weights (largest remainder) and by priority.
#include "perfbudget/money/allocate.h"

#include <algorithm>
#include <cstdint>
#include <new>
#include <numeric>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/out_of_memory.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget {

absl::StatusOr<std::vector<Money>> AllocateByWeights(Money total,
                                                     absl::Span<const std::int64_t> weights) try {
  if (weights.empty()) {
    return absl::InvalidArgumentError("cannot allocate over an empty list of weights");
  }
  int128_t sum = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("weight ", i, " is negative (", weights[i], "); weights must be >= 0"));
    }
    sum += weights[i];  // n × 2^63 cannot overflow 128 bits for any span size
  }
  if (sum == 0) {
    return absl::InvalidArgumentError("cannot allocate over weights that are all zero");
  }
  // Split |total| (≤ 2^63, so |total| × w < 2^126), then give the sign back.
  const bool negative = total.fen() < 0;
  const int128_t magnitude =
      negative ? -static_cast<int128_t>(total.fen()) : static_cast<int128_t>(total.fen());
  std::vector<int128_t> parts(weights.size());
  std::vector<int128_t> remainders(weights.size());
  int128_t given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const int128_t product = magnitude * weights[i];
    parts[i] = product / sum;
    remainders[i] = product % sum;
    given += parts[i];
  }
  // Fewer than weights.size() fen are left over.
  auto left = static_cast<size_t>(magnitude - given);
  if (left > 0) {
    std::vector<size_t> order(weights.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
    for (size_t k = 0; k < left; ++k) ++parts[order[k]];
  }
  std::vector<Money> out;
  out.reserve(parts.size());
  for (int128_t p : parts) {
    out.push_back(Money::FromFen(static_cast<std::int64_t>(negative ? -p : p)));
  }
  return out;
} catch (const std::bad_alloc&) {
  return OutOfMemory("splitting an amount");
}

absl::StatusOr<std::vector<Money>> AllocateByPriority(Money total, absl::Span<const Money> caps,
                                                      bool allow_remainder) try {
  for (size_t i = 0; i < caps.size(); ++i) {
    if (caps[i].is_negative()) {
      return absl::InvalidArgumentError(
          absl::StrCat("cap ", i, " is negative (", caps[i].ToString(), " 元); caps must be >= 0"));
    }
  }
  // A negative total is split as the negation of the positive split.
  const bool negative = total.is_negative();
  const int128_t magnitude =
      negative ? -static_cast<int128_t>(total.fen()) : static_cast<int128_t>(total.fen());
  std::vector<int128_t> parts(caps.size(), 0);
  int128_t remaining = magnitude;
  for (size_t i = 0; i < caps.size() && remaining > 0; ++i) {
    const int128_t cap = caps[i].fen();
    parts[i] = std::min(remaining, cap);
    remaining -= parts[i];
  }
  if (remaining > 0) {
    const Money left = Money::FromFen(static_cast<std::int64_t>(negative ? -remaining : remaining));
    if (!allow_remainder || caps.empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "allocating ", total.ToString(), " 元 over caps totalling ",
          Money::FromFen(static_cast<std::int64_t>(negative ? -(magnitude - remaining)
                                                            : magnitude - remaining))
              .ToString(),
          " 元 leaves ", left.ToString(), " 元 unallocated", caps.empty() ? " (no parts)" : ""));
    }
    parts.back() += remaining;
  }
  std::vector<Money> out;
  out.reserve(parts.size());
  for (int128_t p : parts) {
    out.push_back(Money::FromFen(static_cast<std::int64_t>(negative ? -p : p)));
  }
  return out;
} catch (const std::bad_alloc&) {
  return OutOfMemory("splitting an amount");
}

}  // namespace perfbudget
