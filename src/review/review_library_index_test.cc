// review_library_index_test.cc: the review library compiled once per policy
// (review_library_index.h) agrees with the library it was built from.
#include "review/review_library_index.h"

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

}  // namespace
}  // namespace perfbudget
