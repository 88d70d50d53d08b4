// Line and column counters of the JSON and CSV readers near INT_MAX: a 4 GiB
// input (the largest read) may hold more lines, or a longer line, than an int
// counts. The counters run in 64 bits and report at most INT_MAX, never a
// wrapped (negative) number.
#include <limits>
#include <string>
#include <utility>

#include "gtest/gtest.h"
#include "io/csv_table.h"
#include "io/json_syntax.h"

namespace perfbudget {
namespace {

constexpr int kMax = std::numeric_limits<int>::max();

TEST(LineCounters, JsonLineTrackerSaturatesAtIntMax) {
  const std::string text = "{\n\n\n \"a\": 1}";
  // Resumed at the first newline as if it were line INT_MAX - 1.
  json_internal::LineTracker lines(text, 1, kMax - 1, 2);
  EXPECT_EQ(lines.At(2), std::make_pair(kMax, 1));
  EXPECT_EQ(lines.At(4), std::make_pair(kMax, 1));  // two lines past INT_MAX
  EXPECT_EQ(lines.At(5), std::make_pair(kMax, 2));
  // Backwards again: the exact line once it fits.
  EXPECT_EQ(lines.At(1), std::make_pair(kMax - 1, 2));
  // A column past INT_MAX the same way: resumed at the '"' (offset 5) as if
  // it were column INT_MAX - 1.
  json_internal::LineTracker columns(text, 5, 4, kMax - 1);
  EXPECT_EQ(columns.At(6), std::make_pair(4, kMax));
  EXPECT_EQ(columns.At(8), std::make_pair(4, kMax));
}

TEST(LineCounters, CsvTokenizerCountsLinesOnSmallInputsAsBefore) {
  CsvTokenizer rows("a,b\n\n\r\n1,\"x\ny\"\n2,3\n");
  ASSERT_TRUE(rows.Next());
  EXPECT_EQ(rows.line(), 1);
  ASSERT_TRUE(rows.Next());
  EXPECT_EQ(rows.line(), 4);
  EXPECT_EQ(rows.PlaceOf(rows.fields()[1].offset), std::make_pair(4, 3));
  ASSERT_TRUE(rows.Next());
  EXPECT_EQ(rows.line(), 6);
  EXPECT_FALSE(rows.Next());
}

}  // namespace
}  // namespace perfbudget
