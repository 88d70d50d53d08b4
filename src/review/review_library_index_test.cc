// review_library_index_test.cc: the review library compiled once per policy
// (review_library_index.h) agrees with the library it was built from.
#include "review/review_library_index.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

TEST(ReviewLibraryIndex, FollowsTheLibraryAndIsSharedByCopies) {
  Policy p = DefaultPolicy();
  const ReviewLibraryIndex* before = &p.review_library_index();
  const Policy copy = p;
  EXPECT_EQ(&copy.review_library_index(), before);  // shared, not rebuilt

  ReviewLibrary lib = p.review_library();
  CategoryLibrary extra;
  extra.category = "老旧小区改造";
  extra.aliases = {"旧改", "市政管护"};  // an alias that is another entry's name
  lib.categories.push_back(extra);
  p.set_review_library(lib);
  const ReviewLibraryIndex& ix = p.review_library_index();
  EXPECT_NE(&ix, before);
  const ReviewLibrary& l = p.review_library();
  ASSERT_NE(ix.FindCategory(l, "旧改"), nullptr);
  EXPECT_EQ(ix.FindCategory(l, "旧改")->category, "老旧小区改造");
  // A name wins over another entry's alias, as in ReviewLibrary::FindCategory.
  EXPECT_EQ(ix.FindCategory(l, "市政管护"), l.FindCategory("市政管护"));
  EXPECT_EQ(ix.FindCategory(l, ""), nullptr);
  EXPECT_EQ(ix.FindCategory(l, "无此类别"), nullptr);
  for (const CategoryLibrary& c : l.categories) {
    EXPECT_EQ(ix.FindCategory(l, c.category), l.FindCategory(c.category)) << c.category;
    for (const std::string& a : c.aliases) {
      EXPECT_EQ(ix.FindCategory(l, a), l.FindCategory(a)) << a;
    }
  }
  // The copy keeps the old library and its index.
  EXPECT_EQ(&copy.review_library_index(), before);
  EXPECT_EQ(copy.review_library().FindCategory("旧改"), nullptr);
}

TEST(ReviewLibraryIndex, TermsAndPairs) {
  ReviewLibrary lib;
  lib.domains = {{"road", "道路交通", "roads", {"道路", "车行道", "a", "5G网络", "路\xE9"}}};
  lib.common_terms = {"建设", "x"};
  const auto ix = CompileReviewLibraryIndex(lib);
  // "a" has no bigram: not indexed; the others are, in order.
  ASSERT_EQ(ix->terms, (std::vector<std::string>{"道路", "车行道", "5G网络"}));
  EXPECT_EQ(ix->term_is_pair, (std::vector<std::uint8_t>{1, 0, 0}));
  ASSERT_EQ(ix->common_terms.size(), 1u);
  EXPECT_EQ(ix->common_terms[0].text, "建设");
  EXPECT_TRUE(ix->common.Contains((Bigram{U'建'} << 32) | U'设'));
}

TEST(ReviewLibraryIndex, CharMaskOfASubstringIsInsideTheText) {
  // Whatever the bytes (malformed UTF-8 included), a substring's windows
  // are the text's: MatchCore may skip a term whose mask is not inside.
  const std::vector<std::string> texts = {"道路养护里程（公里）", "ab道路c", "\xE9\x81\x93路\xE8",
                                          "满意度", "x"};
  for (const std::string& t : texts) {
    const std::uint64_t whole = CharMask(t);
    for (std::size_t from = 0; from < t.size(); ++from) {
      for (std::size_t n = 0; from + n <= t.size(); ++n) {
        EXPECT_EQ(CharMask(t.substr(from, n)) & ~whole, 0u) << t << " " << from << "+" << n;
      }
    }
  }
  EXPECT_EQ(CharMask("ab"), 0u);  // no three-byte window
  EXPECT_NE(CharMask("道路") & ~CharMask("养护里程"), 0u);
}

TEST(ReviewLibraryIndex, CoreTermsInMatchOrderAndFirstUnitScale) {
  const Policy p = DefaultPolicy();
  const ReviewLibrary& l = p.review_library();
  const ReviewLibraryIndex& ix = p.review_library_index();
  ASSERT_EQ(ix.category_terms.size(), l.categories.size());
  for (std::size_t c = 0; c < l.categories.size(); ++c) {
    // Entry by entry, the name before its synonyms.
    std::vector<std::string> expected;
    for (const CoreIndicator& ci : l.categories[c].indicators) {
      expected.push_back(ci.name);
      expected.insert(expected.end(), ci.synonyms.begin(), ci.synonyms.end());
    }
    std::vector<std::string> got;
    for (const ReviewLibraryIndex::CoreTerm& t : ix.category_terms[c]) {
      got.push_back(t.text);
      const CoreIndicator& ci = l.categories[c].indicators[t.core];
      EXPECT_TRUE(t.text == ci.name ||
                  std::find(ci.synonyms.begin(), ci.synonyms.end(), t.text) != ci.synonyms.end());
      EXPECT_EQ(t.satisfaction, ci.level1 == IndicatorLevel1::kSatisfaction);
      EXPECT_EQ(t.mask, CharMask(t.text));
    }
    EXPECT_EQ(got, expected) << l.categories[c].category;
  }

  ReviewLibrary lib;
  lib.unit_scales = {
      {"公里", "米", Ratio(1000)}, {"公里", "千米", Ratio(1)}, {"吨", "公斤", Ratio(1000)}};
  const auto own = CompileReviewLibraryIndex(lib);
  ASSERT_EQ(own->scale_by_unit.size(), 2u);
  EXPECT_EQ(own->scale_by_unit.at("公里"), 0u);  // the first entry wins, as NormalizeUnit's scan
  EXPECT_EQ(own->scale_by_unit.at("吨"), 2u);
  EXPECT_EQ(NormalizeUnit("公里", lib.unit_scales).base, "米");
}

}  // namespace
}  // namespace perfbudget
