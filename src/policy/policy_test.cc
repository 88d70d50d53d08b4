// policy_test.cc: Policy basics, the default policy, template filling, JSON
// profiles (loading errors with their locations, extends, built-ins).
#include "perfbudget/policy/policy.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "perfbudget/policy/rule_catalog.h"
#include "policy/builtin_profiles.h"

namespace perfbudget {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

TEST(Policy, SeverityCodes) {
  EXPECT_EQ(CodeOf(Severity::kBlocker), "blocker");
  EXPECT_EQ(ZhLabelOf(Severity::kWarning), "警告");
  EXPECT_EQ(ParseSeverity("错误"), Severity::kError);
  EXPECT_EQ(ParseSeverity("info"), Severity::kInfo);
  EXPECT_FALSE(ParseSeverity("fatal").has_value());
}

TEST(Policy, GradeOfDefaultBands) {
  Policy p;
  EXPECT_EQ(p.GradeOf(Ratio(90)), Grade::kExcellent);
  EXPECT_EQ(p.GradeOf(Ratio(8999, 100)), Grade::kGood);
  EXPECT_EQ(p.GradeOf(Ratio(80)), Grade::kGood);
  EXPECT_EQ(p.GradeOf(Ratio(60)), Grade::kFair);
  EXPECT_EQ(p.GradeOf(Ratio(5999, 100)), Grade::kPoor);
  EXPECT_EQ(p.GradeOf(Ratio(0)), Grade::kPoor);
}

TEST(Policy, RulesAndParams) {
  Policy p = DefaultPolicy();
  EXPECT_EQ(p.name(), "defaults");
  EXPECT_TRUE(p.Enabled("appropriateness.satisfaction_too_low"));
  EXPECT_FALSE(p.Enabled("completeness.missing_cost"));  // off by default
  EXPECT_FALSE(p.Enabled("no.such_rule"));
  EXPECT_EQ(p.Param("appropriateness.satisfaction_too_low", "min_percent"), Ratio(80));
  EXPECT_EQ(p.Param("appropriateness.satisfaction_too_low", "nope", Ratio(7)), Ratio(7));
  EXPECT_EQ(p.Rule("completeness.missing_output").deduction, Ratio(10));
  // Every catalog rule is present.
  for (std::span<const RuleSpec> c : AllRuleCatalogs()) {
    for (const RuleSpec& s : c) EXPECT_TRUE(p.rules().contains(s.code)) << s.code;
  }
  EXPECT_EQ(FindRuleSpec("feasibility.missing_ex_ante")->area, "exante");
  EXPECT_EQ(FindRuleSpec("nope"), nullptr);
}

TEST(Policy, FillTemplate) {
  std::pair<std::string_view, std::string> v[] = {{"target", "75"}, {"min_percent", "80"}};
  EXPECT_EQ(FillTemplate("满意度指标值 {target}% 低于 {min_percent}%", v),
            "满意度指标值 75% 低于 80%");
  EXPECT_EQ(FillTemplate("{unknown} {target} {", v), "{unknown} 75 {");
}

absl::StatusOr<Policy> Load(std::string_view text, Diagnostics* d) {
  return LoadPolicyJson(text, d, "p.json");
}

TEST(PolicyJson, LoadsOverrides) {
  Diagnostics d;
  absl::StatusOr<Policy> p = Load(R"({
    "format": "perfbudget-policy", "version": 1, "name": "mine", "decimals": 1,
    "time_progress": "days",
    "split": {"method": "priority", "priority": ["land_transfer", "一般公共预算"]},
    "grade_bands": [{"grade": "优", "min": 85}, {"grade": "good", "min": "75.5"},
                    {"grade": "fair", "min": 60}, {"grade": "poor", "min": 0}],
    "rules": {"appropriateness.satisfaction_too_low": {"severity": "error", "deduction": 4.5,
                                                       "params": {"min_percent": 85}},
              "relevance.should_split": {"enabled": false}}
  })",
                                  &d);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->name(), "mine");
  EXPECT_EQ(p->decimals(), 1);
  EXPECT_EQ(p->time_progress_method(), TimeProgressMethod::kDays);
  EXPECT_EQ(p->split_method(), SplitMethod::kPriority);
  EXPECT_EQ(p->split_priority(),
            (std::vector<FundSource>{FundSource::kLandTransfer, FundSource::kGeneralBudget}));
  EXPECT_EQ(p->GradeOf(Ratio(80)), Grade::kGood);
  EXPECT_EQ(p->GradeOf(Ratio(86)), Grade::kExcellent);
  const RuleSetting& r = p->Rule("appropriateness.satisfaction_too_low");
  EXPECT_EQ(r.severity, Severity::kError);
  EXPECT_EQ(r.deduction, Ratio(9, 2));
  EXPECT_EQ(r.params.at("min_percent"), Ratio(85));
  EXPECT_FALSE(p->Enabled("relevance.should_split"));
  EXPECT_TRUE(p->Enabled("relevance.duplicate_indicator"));  // defaults kept
}

TEST(PolicyJson, RejectsUnknownCodeParamNegativeDeductionWithPaths) {
  Diagnostics d;
  absl::StatusOr<Policy> p = Load(R"({
  "rules": {
    "completeness.no_such": {},
    "appropriateness.satisfaction_too_low": {"deduction": -1, "params": {"min_pct": 80}},
    "relevance.should_split": {"severity": "fatal", "enabled": "yes", "colour": 1}
  },
  "bogus": 1
})",
                                  &d);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> all;
  for (const Diagnostic& x : d.items()) all.push_back(x.ToString());
  ASSERT_EQ(d.size(), 7u) << ::testing::PrintToString(all);
  EXPECT_EQ(d.items()[0].kind, DiagnosticKind::kUnknownReference);
  EXPECT_EQ(d.items()[0].where.path, "$.rules[\"completeness.no_such\"]");
  EXPECT_EQ(d.items()[0].where.line, 3);
  EXPECT_EQ(d.items()[0].where.file, "p.json");
  EXPECT_EQ(d.items()[1].where.path, "$.rules[\"appropriateness.satisfaction_too_low\"].deduction");
  EXPECT_THAT(d.items()[1].message, HasSubstr("negative"));
  EXPECT_EQ(d.items()[1].where.line, 4);
  EXPECT_THAT(d.items()[2].message, HasSubstr("unknown parameter \"min_pct\""));
  EXPECT_THAT(d.items()[2].expected, HasSubstr("min_percent"));
  EXPECT_EQ(d.items()[3].kind, DiagnosticKind::kEnumValue);
  EXPECT_EQ(d.items()[4].kind, DiagnosticKind::kType);
  EXPECT_THAT(d.items()[5].message, HasSubstr("unknown field \"colour\""));
  EXPECT_EQ(d.items()[6].where.path, "$.bogus");
}

TEST(PolicyJson, RejectsOverlappingOrUnsortedBands) {
  Diagnostics d;
  EXPECT_FALSE(Load(R"({"grade_bands": [{"grade": "excellent", "min": 80},
                                         {"grade": "good", "min": 85},
                                         {"grade": "poor", "min": 0}]})",
                    &d)
                   .ok());
  ASSERT_FALSE(d.empty());
  EXPECT_THAT(d.items()[0].message, HasSubstr("overlap or are not sorted"));
  EXPECT_EQ(d.items()[0].where.path, "$.grade_bands[1]");
  Diagnostics d2;
  EXPECT_FALSE(
      Load(R"({"grade_bands": [{"grade": "good", "min": 80}, {"grade": "excellent", "min": 70},
                                        {"grade": "poor", "min": 0}]})",
           &d2)
          .ok());
  Diagnostics d3;
  EXPECT_FALSE(
      Load(R"({"grade_bands": [{"grade": "excellent", "min": 90}, {"grade": "poor", "min": 10}]})",
           &d3)
          .ok());
  EXPECT_THAT(d3.items()[0].message, HasSubstr("ungraded"));
  Diagnostics d4;
  EXPECT_FALSE(
      Load(R"({"grade_bands": [{"grade": "excellent", "min": 120}, {"grade": "poor", "min": 0}]})",
           &d4)
          .ok());
  Diagnostics d5;  // ex-ante bands the wrong way round
  EXPECT_FALSE(Load(R"({"rules": {"feasibility.ex_ante_not_supported":
                                   {"params": {"supported_min": 50, "revision_min": 70}}}})",
                    &d5)
                   .ok());
  EXPECT_THAT(d5.items()[0].message, HasSubstr("ex-ante bands overlap"));
}

TEST(PolicyJson, SyntaxErrorHasLineAndColumn) {
  Diagnostics d;
  EXPECT_FALSE(Load("{\n  \"name\": \"x\",\n  \"rules\": {,}\n}", &d).ok());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].kind, DiagnosticKind::kSyntax);
  EXPECT_EQ(d.items()[0].where.line, 3);
  EXPECT_EQ(d.items()[0].where.column, 13);
  Diagnostics d2;
  EXPECT_FALSE(Load(R"({"decimals": 1e2})", &d2).ok());  // no exponent: exact numbers only
  EXPECT_EQ(d2.items()[0].kind, DiagnosticKind::kType);
  Diagnostics d3;
  EXPECT_FALSE(Load(R"([1, 2])", &d3).ok());
}

TEST(PolicyJson, ExtendsBuiltin) {
  Diagnostics d;
  absl::StatusOr<Policy> p = Load(R"({"extends": "central", "name": "my-province",
      "rules": {"completeness.missing_cost": {"deduction": 8}}})",
                                  &d);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_TRUE(p->Enabled("completeness.missing_cost"));  // from central
  EXPECT_EQ(p->Rule("completeness.missing_cost").deduction, Ratio(8));
  EXPECT_EQ(p->name(), "my-province");
  Diagnostics d2;
  EXPECT_FALSE(Load(R"({"extends": "atlantis"})", &d2).ok());
  EXPECT_EQ(d2.items()[0].where.path, "$.extends");
  EXPECT_THAT(d2.items()[0].expected, HasSubstr("central"));
}

TEST(PolicyJson, Builtins) {
  std::vector<std::string> names = BuiltinPolicyNames();
  EXPECT_THAT(names, Contains("central"));
  EXPECT_THAT(names, Contains("suma-park"));
  EXPECT_THAT(names, Contains("defaults"));
  for (const std::string& n : names) {
    absl::StatusOr<Policy> p = BuiltinPolicy(n);
    ASSERT_TRUE(p.ok()) << n << ": " << p.status();
    EXPECT_EQ(p->name(), n);
    EXPECT_TRUE(BuiltinPolicyJson(n).ok());
  }
  EXPECT_TRUE(BuiltinPolicy("central")->Enabled("completeness.missing_cost"));
  EXPECT_EQ(BuiltinPolicy("suma-park")->Param("feasibility.missing_ex_ante", "threshold"),
            Ratio(1000000));
  EXPECT_EQ(BuiltinPolicy("nope").status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(BuiltinPolicy("nope").status().message()), HasSubstr("suma-park"));
}

TEST(PolicyJson, RoundTripsThroughJson) {
  Policy p = *BuiltinPolicy("central");
  p.MutableRule("appropriateness.satisfaction_too_low").params["min_percent"] = Ratio(165, 2);
  std::string json = PolicyToJson(p);
  Diagnostics d;
  absl::StatusOr<Policy> back = LoadPolicyJson(json, &d);
  ASSERT_TRUE(back.ok()) << back.status() << "\n" << json;
  EXPECT_EQ(PolicyToJson(*back), json);
}

TEST(PolicyJson, ResolveAndFiles) {
  Diagnostics d;
  EXPECT_TRUE(ResolvePolicy("central", &d).ok());
  EXPECT_FALSE(ResolvePolicy("/no/such/policy.json", &d).ok());
  EXPECT_EQ(d.items().back().kind, DiagnosticKind::kIo);
}

// The embedded profiles are the files in profiles/ (re-run embed_profiles.py).
TEST(PolicyJson, EmbeddedProfilesMatchFiles) {
  const char* env = std::getenv("PERFBUDGET_SOURCE_DIR");
  std::string root = (env != nullptr && *env != '\0') ? env : PERFBUDGET_SOURCE_DIR;
  for (const BuiltinProfile& b : BuiltinProfiles()) {
    std::ifstream in(root + "/profiles/" + std::string(b.name) + ".json", std::ios::binary);
    ASSERT_TRUE(in) << b.name;
    std::stringstream s;
    s << in.rdbuf();
    EXPECT_EQ(s.str(), b.json) << "re-run src/policy/embed_profiles.py";
  }
}

// The other way: every profiles/*.json is embedded (a profile added to the
// folder without re-running embed_profiles.py would not be built in).
TEST(PolicyJson, EveryProfileFileIsEmbedded) {
  const char* env = std::getenv("PERFBUDGET_SOURCE_DIR");
  std::string root = (env != nullptr && *env != '\0') ? env : PERFBUDGET_SOURCE_DIR;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(root + "/profiles")) {
    if (e.path().extension() == ".json") files.push_back(e.path().stem().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> embedded;
  for (const BuiltinProfile& b : BuiltinProfiles()) embedded.emplace_back(b.name);
  EXPECT_EQ(files, embedded) << "re-run src/policy/embed_profiles.py";
  EXPECT_GE(files.size(), 2u);  // central and suma-park at least
}

}  // namespace
}  // namespace perfbudget
