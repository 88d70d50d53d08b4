// text_relevance_test.cc: character bigrams on code points.
#include "perfbudget/review/text_relevance.h"

#include <vector>

#include "gtest/gtest.h"

namespace perfbudget {
namespace {

Bigram B(char32_t a, char32_t b) { return (static_cast<Bigram>(a) << 32) | b; }

TEST(TextRelevance, BigramsOnCodePoints) {
  std::vector<Bigram> out;
  AppendBigrams("园区道路维修", &out);
  EXPECT_EQ(out, (std::vector<Bigram>{B(U'园', U'区'), B(U'区', U'道'), B(U'道', U'路'),
                                      B(U'路', U'维'), B(U'维', U'修')}));
  out.clear();
  AppendBigrams("新建12公里，ＡB", &out);  // digits and punctuation end runs
  EXPECT_EQ(out, (std::vector<Bigram>{B(U'新', U'建'), B(U'公', U'里'), B(U'Ａ', U'b')}));
  out.clear();
  AppendBigrams("\xFF\xFE维", &out);  // invalid bytes are skipped
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(CodePointCount("维修ab"), 4u);
}

TEST(TextRelevance, Containment) {
  BigramSet set;
  set.Add("园区主干道维修改造项目");
  set.Add("市政管护");
  set.Seal();
  EXPECT_EQ(BigramContainment("主干道维修长度", set), Ratio(4, 6));  // 主干 干道 道维 维修
  EXPECT_EQ(BigramContainment("培训人员数量", set), Ratio(0));
  EXPECT_EQ(BigramContainment("维修维修", set), Ratio(1, 2));  // distinct: 维修 修维
  EXPECT_EQ(BigramContainment("12", set), Ratio(1));           // nothing to judge
}

}  // namespace
}  // namespace perfbudget
