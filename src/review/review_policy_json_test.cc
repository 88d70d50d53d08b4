// review_policy_json_test.cc: the review sections of a policy profile
// ("grading", "review_library") load, extend the base profile, and report
// bad entries with their JSON path.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;

TEST(ReviewPolicyJson, GradingAndLibraryExtendTheBase) {
  Diagnostics diags;
  absl::StatusOr<Policy> p = LoadPolicyJson(R"({
    "extends": "suma-park",
    "grading": {"caps": [{"severity": "error", "max_grade": "良"},
                         {"severity": "blocker", "max_grade": "poor"}]},
    "review_library": {
      "common_terms": ["园区"],
      "domains": [{"id": "irrigation", "terms": ["提灌站"]},
                  {"id": "elevator", "label_zh": "电梯加装", "label_en": "lifts", "terms": ["电梯"]}],
      "unit_scales": [{"unit": "万台", "base": "台", "factor": 10000}],
      "categories": [
        {"category": "市政管护", "aliases": ["市政养护"],
         "indicators": [{"name": "井盖完好率", "level1": "output", "level2": "quality",
                         "unit_of_measure": "%", "comparator": "ge", "low": 95, "high": 100,
                         "required": true}]},
        {"category": "老旧小区改造", "domains": ["elevator"],
         "indicators": [{"name": "加装电梯数量", "level1": "产出指标", "level2": "数量指标",
                         "unit_of_measure": "部", "required": true}],
         "unit_costs": [{"quantity_unit": "部", "low_yuan": 200000, "high_yuan": 600000,
                         "basis": "本市加装电梯补助标准", "indicator": "加装电梯数量"}]}]}
  })",
                                            &diags, "my.json");
  ASSERT_TRUE(p.ok()) << p.status();
  ASSERT_EQ(p->review_grading().caps.size(), 2u);
  EXPECT_EQ(p->review_grading().caps[0].max_grade, Grade::kGood);
  const ReviewLibrary& lib = p->review_library();
  const CategoryLibrary* m = lib.FindCategory("市政养护");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->category, "市政管护");
  EXPECT_EQ(m->indicators.back().name, "井盖完好率");
  EXPECT_TRUE(m->indicators.back().required);
  EXPECT_GT(m->indicators.size(), 1u);  // the starter entries kept
  const CategoryLibrary* lift = lib.FindCategory("老旧小区改造");
  ASSERT_NE(lift, nullptr);
  EXPECT_EQ(lift->indicators[0].level2, IndicatorLevel2::kQuantity);
  EXPECT_EQ(lift->unit_costs[0].low_yuan, Ratio(200000));
  ASSERT_NE(lib.FindDomain("elevator"), nullptr);
  const TermDomain* irr = lib.FindDomain("irrigation");
  ASSERT_NE(irr, nullptr);
  EXPECT_EQ(irr->terms.back(), "提灌站");
  EXPECT_GT(irr->terms.size(), 1u);
  EXPECT_EQ(NormalizeUnit("万台", lib.unit_scales).base, "台");
  // The built-in profiles are unchanged.
  EXPECT_EQ(BuiltinPolicy("suma-park")->review_library().FindCategory("老旧小区改造"), nullptr);
}

TEST(ReviewPolicyJson, BadEntriesAreReportedWithTheirPath) {
  Diagnostics diags;
  absl::StatusOr<Policy> p = LoadPolicyJson(R"({
    "grading": {"caps": [{"severity": "fatal", "max_grade": "fair"}], "extra": 1},
    "review_library": {
      "categories": [{"category": "测试", "indicators": [{"name": "x", "level1": "outcome"}],
                      "unit_costs": [{"quantity_unit": "亩", "low_yuan": -1, "high_yuan": 5}]}],
      "nope": []}
  })",
                                            &diags, "bad.json");
  ASSERT_FALSE(p.ok());
  std::string all;
  for (const Diagnostic& d : diags.items()) all += d.where.path + " " + d.message + "\n";
  EXPECT_THAT(all, HasSubstr("$.grading.caps[0].severity unknown severity"));
  EXPECT_THAT(all, HasSubstr("$.grading.extra unknown field"));
  EXPECT_THAT(all, HasSubstr("$.review_library.categories[0].indicators[0].level1 unknown level1"));
  EXPECT_THAT(all, HasSubstr("$.review_library.categories[0].unit_costs[0].low_yuan"));
  EXPECT_THAT(all, HasSubstr("$.review_library.nope unknown field"));
}

}  // namespace
}  // namespace perfbudget
