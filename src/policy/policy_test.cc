// policy_test.cc: Policy basics, the default policy, template filling, JSON
// profiles (loading errors with their locations, extends, built-ins).
#include "perfbudget/policy/policy.h"

#include <sys/stat.h>
#include <unistd.h>

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

// Issue 13: a profile whose bands contradict each other is refused where it
// is loaded, each problem at the value that breaks the order.
TEST(PolicyJson, InconsistentBandsAreRefusedWhereLoaded) {
  Diagnostics d;
  absl::StatusOr<Policy> p = Load(R"({
  "rules": {
    "monitoring.gap_yellow": {"params": {"min_gap_pp": 20}},
    "monitoring.overspend_warning": {"params": {"min_usage_percent": "100.5"}}
  }
})",
                                  &d);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(d.size(), 2u);
  const Diagnostic& gap = d.items()[0];
  EXPECT_EQ(gap.kind, DiagnosticKind::kValue);
  EXPECT_EQ(gap.where.file, "p.json");
  EXPECT_EQ(gap.where.line, 3);
  EXPECT_EQ(gap.where.column, 56);
  EXPECT_EQ(gap.where.path, "$.rules[\"monitoring.gap_yellow\"].params.min_gap_pp");
  EXPECT_EQ(gap.value, "20");
  EXPECT_EQ(gap.expected, "monitoring.gap_yellow.min_gap_pp < monitoring.gap_red.min_gap_pp");
  EXPECT_EQ(gap.message,
            "inconsistent policy: overlapping warning bands: "
            "monitoring.gap_yellow.min_gap_pp (20) must be below monitoring.gap_red.min_gap_pp "
            "(20)");
  const Diagnostic& spend = d.items()[1];
  EXPECT_EQ(spend.where.line, 4);
  EXPECT_EQ(spend.where.path, "$.rules[\"monitoring.overspend_warning\"].params.min_usage_percent");
  EXPECT_THAT(spend.message, HasSubstr("overlapping over-spend bands"));
  EXPECT_THAT(spend.message, HasSubstr("(100.5) must not exceed"));

  // Placed at the later of the two values when the profile sets both.
  Diagnostics d2;
  EXPECT_FALSE(
      Load(R"({"rules": {"monitoring.gap_red": {"params": {"min_gap_pp": 5}}}})", &d2).ok());
  ASSERT_EQ(d2.size(), 1u);
  EXPECT_EQ(d2.items()[0].where.path, "$.rules[\"monitoring.gap_red\"].params.min_gap_pp");
  EXPECT_EQ(d2.items()[0].value, "5");

  // A negative gap threshold.
  Diagnostics d3;
  EXPECT_FALSE(
      Load(R"({"rules": {"monitoring.gap_yellow": {"params": {"min_gap_pp": -1}}}})", &d3).ok());
  ASSERT_EQ(d3.size(), 1u);
  EXPECT_THAT(d3.items()[0].message, HasSubstr("may not be negative"));
  EXPECT_EQ(d3.items()[0].expected, "0 ≤ monitoring.gap_yellow.min_gap_pp");
}

TEST(PolicyJson, ConsistentBandsAreAccepted) {
  Diagnostics d;
  // Just below red, warning equal to error, a zero gap: all fine.
  absl::StatusOr<Policy> p = Load(R"({"rules": {
    "monitoring.gap_yellow": {"params": {"min_gap_pp": 0}},
    "monitoring.gap_red": {"params": {"min_gap_pp": "0.01"}},
    "monitoring.overspend_warning": {"params": {"min_usage_percent": 100}}}})",
                                  &d);
  EXPECT_TRUE(p.ok()) << p.status();
  EXPECT_TRUE(d.empty());
  // Orders between two rules hold only while both are enabled.
  Diagnostics d2;
  absl::StatusOr<Policy> p2 = Load(R"({"rules": {
    "monitoring.gap_yellow": {"params": {"min_gap_pp": 30}},
    "monitoring.gap_red": {"enabled": false}}})",
                                   &d2);
  EXPECT_TRUE(p2.ok()) << p2.status();
  // Every built-in profile is consistent (they load).
  for (const std::string& name : BuiltinPolicyNames()) EXPECT_TRUE(BuiltinPolicy(name).ok());
}

TEST(PolicyJson, SyntaxErrorsAreWordedAndPlacedLikeADatasets) {
  Diagnostics d;
  EXPECT_FALSE(Load("{\n  \"name\": \"x\",\n  \"rules\": {,}\n}", &d).ok());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].message,
            "JSON syntax error: unexpected character ','; expected a field name in double quotes");
  EXPECT_EQ(d.items()[0].where.path, "$");
  EXPECT_EQ(d.items()[0].value, ",}\n}");
  // Trailing content, invalid UTF-8, an unterminated string, deep nesting.
  for (const char* bad : {"{} x", "{\"name\": \"\xC3\x28\"}", "{\"name\": \"x}",
                          "{\"a\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                          "[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
                          "]]]]]]]]]]]]}"}) {
    Diagnostics e;
    EXPECT_FALSE(Load(bad, &e).ok()) << bad;
    ASSERT_EQ(e.size(), 1u) << bad;
    EXPECT_EQ(e.items()[0].kind, DiagnosticKind::kSyntax) << bad;
  }
  Diagnostics deep;
  EXPECT_FALSE(Load(std::string(70, '[') + std::string(70, ']'), &deep).ok());
  EXPECT_THAT(deep.items()[0].message, HasSubstr("nesting too deep"));
}

TEST(PolicyJson, NumbersKeepTheirExactTextAndStringsTheirEscapes) {
  Diagnostics d;
  absl::StatusOr<Policy> p = Load(
      "\xEF\xBB\xBF{\"name\": \"\\u7701 \\\"x\\\"\", \"rules\": {\"appropriateness.satisfaction_too_low\":"
      " {\"params\": {\"min_percent\": 85.123456789012345678}}}}",
      &d);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->name(), "省 \"x\"");
  EXPECT_EQ(p->Param("appropriateness.satisfaction_too_low", "min_percent"),
            *Ratio::ParseDecimal("85.123456789012345678"));
}

TEST(PolicyJson, FilesThatAreNotRegularAreRefusedAtOnce) {
  for (const std::string path : {"/dev/zero", "/dev/null", "/"}) {
    Diagnostics d;
    absl::StatusOr<Policy> p = LoadPolicyFile(path, &d);
    ASSERT_FALSE(p.ok()) << path;
    EXPECT_EQ(p.status().code(), absl::StatusCode::kFailedPrecondition) << p.status();
    EXPECT_THAT(std::string(p.status().message()), HasSubstr("the policy file \"" + path + "\""));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d.items()[0].kind, DiagnosticKind::kIo);
    EXPECT_EQ(d.items()[0].where.file, path);
  }
  std::string dir = ::testing::TempDir() + "/pfb_policy_fifo_XXXXXX";
  ASSERT_NE(::mkdtemp(dir.data()), nullptr);
  const std::string fifo = dir + "/p.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Diagnostics d;
  absl::StatusOr<Policy> p = ResolvePolicy(fifo, &d);
  ASSERT_FALSE(p.ok());
  EXPECT_THAT(std::string(p.status().message()), HasSubstr("FIFO"));
}

// docs/format.md "Limits": a profile's size and nesting, configurable in
// PolicyLoadOptions, each refused with a located diagnostic.
TEST(PolicyJson, SizeAndNestingLimits) {
  const std::string text = *BuiltinPolicyJson("central");
  std::string dir = ::testing::TempDir() + "/pfb_policy_limits_XXXXXX";
  ASSERT_NE(::mkdtemp(dir.data()), nullptr);
  const std::string path = dir + "/p.json";
  std::ofstream(path, std::ios::binary) << text;

  PolicyLoadOptions options;
  options.max_file_bytes = text.size() - 1;
  Diagnostics d1;
  absl::StatusOr<Policy> p1 = LoadPolicyFile(path, options, &d1);
  ASSERT_FALSE(p1.ok());
  EXPECT_EQ(p1.status().code(), absl::StatusCode::kResourceExhausted);
  ASSERT_EQ(d1.size(), 1u);
  EXPECT_EQ(d1.items()[0].kind, DiagnosticKind::kIo);
  EXPECT_EQ(d1.items()[0].where.file, path);
  EXPECT_THAT(d1.items()[0].message, HasSubstr("-byte limit"));
  Diagnostics d2;
  absl::StatusOr<Policy> p2 = LoadPolicyJson(text, options, &d2, "mem.json");
  ASSERT_FALSE(p2.ok());
  EXPECT_EQ(p2.status().code(), absl::StatusCode::kResourceExhausted);
  ASSERT_EQ(d2.size(), 1u);
  EXPECT_EQ(d2.items()[0].where.file, "mem.json");
  options.max_file_bytes = text.size();
  EXPECT_TRUE(LoadPolicyFile(path, options, nullptr).ok());
  EXPECT_TRUE(LoadPolicyJson(text, options, nullptr).ok());
  // The default: 1 MiB.
  const std::string big = "{\"name\": \"" + std::string(kDefaultMaxPolicyFileBytes, 'x') + "\"}";
  Diagnostics d3;
  EXPECT_EQ(LoadPolicyJson(big, &d3, "big.json").status().code(),
            absl::StatusCode::kResourceExhausted);

  // Nesting: 3 levels of arrays inside the profile's object.
  const std::string deep = "{\"x\": [[[]]]}";
  options = {};
  options.max_depth = 3;
  Diagnostics d4;
  ASSERT_FALSE(LoadPolicyJson(deep, options, &d4, "deep.json").ok());
  ASSERT_EQ(d4.size(), 1u);
  EXPECT_EQ(d4.items()[0].kind, DiagnosticKind::kSyntax);
  EXPECT_EQ(d4.items()[0].message,
            "JSON syntax error: nesting too deep: more than 3 levels of arrays and objects");
  EXPECT_EQ(d4.items()[0].where.line, 1);
  EXPECT_EQ(d4.items()[0].where.column, 9);  // the third '['
  options.max_depth = 4;
  Diagnostics d5;
  EXPECT_FALSE(LoadPolicyJson(deep, options, &d5, "deep.json").ok());  // x is unknown
  ASSERT_FALSE(d5.empty());
  EXPECT_NE(d5.items()[0].kind, DiagnosticKind::kSyntax) << d5.items()[0].ToString();
  // The default (64), and a depth over kMaxJsonDepth taken as 1024.
  const std::string very_deep = "{\"x\": " + std::string(2000, '[') + std::string(2000, ']') + "}";
  Diagnostics d6;
  EXPECT_FALSE(LoadPolicyJson(very_deep, &d6).ok());
  ASSERT_EQ(d6.size(), 1u);
  EXPECT_THAT(d6.items()[0].message, HasSubstr("more than 64 levels"));
  options.max_depth = 1 << 30;
  Diagnostics d7;
  EXPECT_FALSE(LoadPolicyJson(very_deep, options, &d7).ok());
  ASSERT_EQ(d7.size(), 1u);
  EXPECT_THAT(d7.items()[0].message, HasSubstr("more than 1024 levels"));
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
