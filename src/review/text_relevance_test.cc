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

TEST(TextRelevance, SequenceHasBreaksAndSaysWhetherPlain) {
  std::vector<Bigram> seq;
  EXPECT_TRUE(BigramSequence("道路，维修ab", &seq));
  EXPECT_EQ(seq, (std::vector<Bigram>{B(U'道', U'路'), kBigramBreak, B(U'维', U'修'),
                                      B(U'修', U'a'), B(U'a', U'b')}));
  EXPECT_TRUE(BigramSequence("", &seq));
  EXPECT_TRUE(seq.empty());
  EXPECT_FALSE(BigramSequence("道\xFF路", &seq));  // an invalid byte
  EXPECT_FALSE(BigramSequence("é道路", &seq));     // a two-byte sequence
  // A four-byte (overlong) form of 道 decodes to 道 but is not plain.
  EXPECT_FALSE(BigramSequence("\xF0\x89\x81\x93路", &seq));
  EXPECT_EQ(seq, (std::vector<Bigram>{B(U'道', U'路')}));
  // Skipping the breaks gives AppendBigrams' list.
  std::vector<Bigram> plain;
  AppendBigrams("按期完成园区道路维修，群众满意度95%以上", &plain);
  BigramSequence("按期完成园区道路维修，群众满意度95%以上", &seq);
  std::erase(seq, kBigramBreak);
  EXPECT_EQ(seq, plain);
}

TEST(TextRelevance, SpecificCountOnASequenceEqualsTheText) {
  BigramSet set;
  set.Add("园区道路维修改造项目建设");
  set.Seal();
  BigramSet common;
  common.Add("建设");
  common.Add("项目");
  common.Seal();
  for (const char* text : {"道路维修项目建设长度", "建设项目", "", "12", "培训，人员数量",
                           "按期完成园区道路维修改造项目，提升群众满意度，建设美丽园区"}) {
    std::vector<Bigram> seq;
    BigramSequence(text, &seq);
    std::int64_t a = -1, b = -1;
    const BigramCount x = CountSpecificBigrams(text, set, common, &a);
    const BigramCount y = CountSpecificBigrams(seq, set, common, &b);
    EXPECT_EQ(x.found, y.found) << text;
    EXPECT_EQ(x.total, y.total) << text;
    EXPECT_EQ(a, b) << text;
  }
}

TEST(TextRelevance, MergeSealEqualsFullSeal) {
  BigramSet base;
  base.Add("园区主干道维修改造");
  base.Seal();
  BigramSet merged;
  merged.AddAll(base);  // sorted prefix
  merged.Add("道路维修长度");
  merged.Add("主干道");
  merged.Seal();
  BigramSet full;
  full.Add("道路维修长度");
  full.Add("园区主干道维修改造");
  full.Add("主干道");
  full.Seal();
  EXPECT_EQ(merged.size(), full.size());
  for (const char* t : {"园区", "道路", "维修", "长度", "干道", "改造", "培训"}) {
    std::vector<Bigram> b;
    AppendBigrams(t, &b);
    EXPECT_EQ(merged.Contains(b[0]), full.Contains(b[0])) << t;
  }
  EXPECT_FALSE(merged.Contains(B(U'培', U'训')));
  EXPECT_TRUE(merged.Contains(B(U'长', U'度')));
  // Adding after a seal merges too.
  merged.Add("培训");
  merged.Seal();
  EXPECT_TRUE(merged.Contains(B(U'培', U'训')));
  EXPECT_TRUE(merged.Contains(B(U'园', U'区')));
}

}  // namespace
}  // namespace perfbudget
