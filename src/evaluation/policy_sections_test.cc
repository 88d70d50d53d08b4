// policy_sections_test.cc: the policy's "self_evaluation" and
// "result_application" sections in JSON: read, written, round-tripped, and
// every problem reported with its JSON path.
#include <string>

#include "gtest/gtest.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

constexpr std::string_view kProfile = R"({
  "name": "sections",
  "self_evaluation": {
    "points": {"output": 40, "benefit": 30, "satisfaction": 10, "execution": 10, "cost": 10},
    "cost_in_output": false,
    "qualitative_percent": {"partly_achieved": 60},
    "redistribute_missing_blocks": false,
    "far_below_percent": 70,
    "self_score_tolerance": "2.5",
    "grade_bands": [{"grade": "excellent", "min": 85}, {"grade": "good", "min": 75},
                    {"grade": "fair", "min": 60}, {"grade": "poor", "min": 0}]
  },
  "result_application": {
    "grades": {"fair": {"action": "cut", "cut_percent": 20}, "差": {"action": "cut", "cut_percent": 50}},
    "merge_markers": ["归并"],
    "merge_cut_percent": 80,
    "kinds": ["fiscal", "third_party", "self"]
  }
})";

TEST(PolicySections, DefaultsAreTheDomainValues) {
  const Policy p = DefaultPolicy();
  EXPECT_EQ(p.self_evaluation().output_points, Ratio(50));
  EXPECT_EQ(p.self_evaluation().execution_points, Ratio(10));
  EXPECT_TRUE(p.self_evaluation().cost_in_output);
  EXPECT_EQ(p.self_evaluation().partly_achieved_percent, Ratio(80));
  EXPECT_EQ(p.self_evaluation().self_score_tolerance, Ratio(5));
  EXPECT_EQ(p.result_application().by_grade[2].cut_percent, Ratio(10));
  EXPECT_EQ(p.result_application().by_grade[3].action, ResultAction::kCancel);
  for (const std::string& name : BuiltinPolicyNames()) {
    auto b = BuiltinPolicy(name);
    ASSERT_TRUE(b.ok()) << name;
    EXPECT_EQ(b->self_evaluation().benefit_points, Ratio(30)) << name;
    EXPECT_EQ(b->result_application().merge_cut_percent, Ratio(100)) << name;
  }
}

TEST(PolicySections, ReadAndRoundTripped) {
  Diagnostics diags;
  auto p = LoadPolicyJson(kProfile, &diags, "sections.json");
  ASSERT_TRUE(p.ok()) << p.status() << (diags.empty() ? "" : diags.items()[0].ToString());
  const SelfEvaluationPolicy& sp = p->self_evaluation();
  EXPECT_EQ(sp.output_points, Ratio(40));
  EXPECT_EQ(sp.cost_points, Ratio(10));
  EXPECT_FALSE(sp.cost_in_output);
  EXPECT_EQ(sp.partly_achieved_percent, Ratio(60));
  EXPECT_EQ(sp.achieved_percent, Ratio(100));  // not named: kept
  EXPECT_FALSE(sp.redistribute_missing_blocks);
  EXPECT_EQ(sp.far_below_percent, Ratio(70));
  EXPECT_EQ(sp.self_score_tolerance, Ratio(5, 2));
  EXPECT_EQ(sp.grade_bands[0].min, Ratio(85));
  const ResultApplicationPolicy& rp = p->result_application();
  EXPECT_EQ(rp.by_grade[2].cut_percent, Ratio(20));
  EXPECT_EQ(rp.by_grade[3].action, ResultAction::kCut);
  EXPECT_EQ(rp.by_grade[3].cut_percent, Ratio(50));
  EXPECT_EQ(rp.by_grade[0].action, ResultAction::kPriority);  // not named: kept
  EXPECT_EQ(rp.merge_markers, std::vector<std::string>{"归并"});
  EXPECT_EQ(rp.merge_cut_percent, Ratio(80));
  EXPECT_EQ(rp.kinds.size(), 3u);
  // Written and read back: the same sections.
  const std::string json = PolicyToJson(*p);
  auto back = LoadPolicyJson(json, &diags, "back.json");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(PolicyToJson(*back), json);
  EXPECT_NE(json.find("\"self_score_tolerance\": 2.5"), std::string::npos);
}

TEST(PolicySections, EveryProblemIsReportedWithItsPath) {
  constexpr std::string_view kBad = R"({
  "self_evaluation": {"points": {"output": 120, "bonus": 5}, "cost_in_output": "yes",
                      "far_below_percent": -1, "nope": 1,
                      "grade_bands": [{"grade": "good", "min": 80}, {"grade": "excellent", "min": 90}]},
  "result_application": {"grades": {"great": {}, "fair": {"action": "merge", "cut_percent": 101}},
                         "merge_markers": [""], "kinds": ["audit"], "extra": true}
})";
  Diagnostics diags;
  auto p = LoadPolicyJson(kBad, &diags, "bad.json");
  EXPECT_FALSE(p.ok());
  std::string all;
  for (const Diagnostic& d : diags.items()) all += d.where.path + " | " + d.message + "\n";
  for (std::string_view path :
       {"$.self_evaluation.points.output", "$.self_evaluation.points.bonus",
        "$.self_evaluation.cost_in_output", "$.self_evaluation.far_below_percent",
        "$.self_evaluation.nope", "$.self_evaluation.grade_bands[1]",
        "$.result_application.grades.great", "$.result_application.grades.fair.action",
        "$.result_application.grades.fair.cut_percent", "$.result_application.merge_markers[0]",
        "$.result_application.kinds[0]", "$.result_application.extra"}) {
    EXPECT_NE(all.find(std::string(path) + " |"), std::string::npos) << path << "\n" << all;
  }
}

TEST(PolicySections, NotObjectsAreRejected) {
  Diagnostics diags;
  EXPECT_FALSE(LoadPolicyJson(R"({"self_evaluation": 5})", &diags).ok());
  EXPECT_FALSE(LoadPolicyJson(R"({"result_application": []})", &diags).ok());
  EXPECT_TRUE(LoadPolicyJson(R"({"self_evaluation": {}, "result_application": {}})", &diags).ok());
}

}  // namespace
}  // namespace perfbudget
