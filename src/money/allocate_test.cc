// allocate_test.cc: largest-remainder and priority allocation.
#include "perfbudget/money/allocate.h"

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace perfbudget {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

std::vector<std::int64_t> Fen(const std::vector<Money>& parts) {
  std::vector<std::int64_t> out;
  for (Money m : parts) out.push_back(m.fen());
  return out;
}

std::vector<std::int64_t> ByWeights(std::int64_t total, std::vector<std::int64_t> weights) {
  absl::StatusOr<std::vector<Money>> parts = AllocateByWeights(Money::FromFen(total), weights);
  EXPECT_TRUE(parts.ok()) << parts.status();
  if (!parts.ok()) return {};
  EXPECT_EQ(parts->size(), weights.size());
  __int128 sum = 0;
  for (Money m : *parts) sum += m.fen();
  EXPECT_TRUE(sum == total) << "parts do not sum to the total " << total;
  return Fen(*parts);
}

TEST(AllocateByWeights, Proportional) {
  EXPECT_THAT(ByWeights(1000, {1, 1, 2}), ElementsAre(250, 250, 500));
  EXPECT_THAT(ByWeights(0, {1, 2}), ElementsAre(0, 0));
  EXPECT_THAT(ByWeights(7, {1}), ElementsAre(7));
  EXPECT_THAT(ByWeights(10, {0, 1, 0}), ElementsAre(0, 10, 0));
}

TEST(AllocateByWeights, LargestRemainderTiesGoToLowerIndex) {
  EXPECT_THAT(ByWeights(100, {1, 1, 1}), ElementsAre(34, 33, 33));
  EXPECT_THAT(ByWeights(2, {1, 1, 1}), ElementsAre(1, 1, 0));
  // Remainders 0.4, 0.6 → the larger remainder wins even at a higher index.
  EXPECT_THAT(ByWeights(1, {2, 3}), ElementsAre(0, 1));
  EXPECT_THAT(ByWeights(10, {3, 3, 4}), ElementsAre(3, 3, 4));
  EXPECT_THAT(ByWeights(11, {3, 3, 4}), ElementsAre(3, 3, 5));  // 3.3, 3.3, 4.4: .4 largest
  EXPECT_THAT(ByWeights(12, {3, 3, 4}),
              ElementsAre(4, 3, 5));  // 3.6, 3.6, 4.8: .8, then the lower .6
}

TEST(AllocateByWeights, NegativeTotalMirrorsPositive) {
  EXPECT_THAT(ByWeights(-100, {1, 1, 1}), ElementsAre(-34, -33, -33));
  EXPECT_THAT(ByWeights(-1, {2, 3}), ElementsAre(0, -1));
}

TEST(AllocateByWeights, UglyWeightsAndExtremeTotals) {
  ByWeights(kMax, {kMax, kMax, 1, 3, kMax - 17});
  ByWeights(kMin, {kMax, kMax, 1, 3, kMax - 17});
  ByWeights(kMin, {1});
  ByWeights(240000000, {7, 11, 13, 17, 19, 23, 29});  // 2400 万元 over odd weights
  ByWeights(12345678901, {999999937, 999999929, 3, 1});
  EXPECT_THAT(ByWeights(kMin, {1, 1}), ElementsAre(kMin / 2, kMin / 2));
  std::vector<std::int64_t> many(1000, 1);
  std::vector<std::int64_t> parts = ByWeights(999, many);
  EXPECT_EQ(parts.front(), 1);
  EXPECT_EQ(parts.back(), 0);
}

TEST(AllocateByWeights, RandomCasesSumAndStayWithinAFen) {
  std::mt19937_64 rng(20220831);  // fixed seed: deterministic
  for (int round = 0; round < 300; ++round) {
    const size_t n = 1 + rng() % 12;
    std::vector<std::int64_t> weights(n);
    __int128 sum = 0;
    for (auto& w : weights) {
      w = static_cast<std::int64_t>(rng() >> (1 + rng() % 63));
      sum += w;
    }
    if (sum == 0) weights[0] = 1, sum = 1;
    const auto total = static_cast<std::int64_t>(rng());  // any sign, any size
    const std::vector<std::int64_t> parts = ByWeights(total, weights);
    ASSERT_EQ(parts.size(), n);
    for (size_t i = 0; i < n; ++i) {
      // |part × Σw − total × w| < Σw: each part is within one fen of exact.
      __int128 diff =
          static_cast<__int128>(parts[i]) * sum - static_cast<__int128>(total) * weights[i];
      if (diff < 0) diff = -diff;
      EXPECT_TRUE(diff < sum) << "round " << round << " part " << i;
    }
  }
}

TEST(AllocateByWeights, Errors) {
  EXPECT_EQ(AllocateByWeights(Money::FromFen(1), {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  std::vector<std::int64_t> zeros{0, 0};
  EXPECT_EQ(AllocateByWeights(Money::FromFen(1), zeros).status().code(),
            absl::StatusCode::kInvalidArgument);
  std::vector<std::int64_t> negative{1, -2};
  absl::Status s = AllocateByWeights(Money::FromFen(1), negative).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), HasSubstr("weight 1"));
}

std::vector<Money> Caps(std::vector<std::int64_t> fen) {
  std::vector<Money> out;
  for (std::int64_t f : fen) out.push_back(Money::FromFen(f));
  return out;
}

TEST(AllocateByPriority, FillsInOrder) {
  std::vector<Money> caps = Caps({100, 50, 200});
  EXPECT_THAT(Fen(*AllocateByPriority(Money::FromFen(120), caps)), ElementsAre(100, 20, 0));
  EXPECT_THAT(Fen(*AllocateByPriority(Money::FromFen(350), caps)), ElementsAre(100, 50, 200));
  EXPECT_THAT(Fen(*AllocateByPriority(Money::FromFen(0), caps)), ElementsAre(0, 0, 0));
  EXPECT_THAT(Fen(*AllocateByPriority(Money::FromFen(-120), caps)), ElementsAre(-100, -20, 0));
}

TEST(AllocateByPriority, Remainder) {
  std::vector<Money> caps = Caps({100, 50});
  absl::Status s = AllocateByPriority(Money::FromFen(175), caps).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(s.message()), HasSubstr("0.25"));
  EXPECT_THAT(Fen(*AllocateByPriority(Money::FromFen(175), caps, true)), ElementsAre(100, 75));
  EXPECT_THAT(Fen(*AllocateByPriority(Money::FromFen(-175), caps, true)), ElementsAre(-100, -75));
  EXPECT_EQ(AllocateByPriority(Money::FromFen(1), {}, true).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(AllocateByPriority(Money::FromFen(0), {}).ok());
  EXPECT_THAT(Fen(*AllocateByPriority(Money::FromFen(kMin), Caps({kMax}), true)),
              ElementsAre(kMin));
}

TEST(AllocateByPriority, NegativeCapIsAnError) {
  EXPECT_EQ(AllocateByPriority(Money::FromFen(1), Caps({5, -1})).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace perfbudget
