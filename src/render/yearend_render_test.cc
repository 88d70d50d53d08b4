// yearend_render_test.cc: the renderers of the year-end analyses
// (render/self_evaluation.h, results.h, coverage.h, rectification.h,
// disclosure.h, indicators.h): byte-for-byte agreement with the CLI's golden
// files (the CLI prints what these functions return), the dispatchers'
// option checks, and the same bytes for the same result.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "perfbudget/io/load.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/render/common.h"
#include "perfbudget/render/coverage.h"
#include "perfbudget/render/disclosure.h"
#include "perfbudget/render/indicators.h"
#include "perfbudget/render/rectification.h"
#include "perfbudget/render/results.h"
#include "perfbudget/render/self_evaluation.h"

namespace perfbudget::render {
namespace {

using ::testing::HasSubstr;

std::string Source(const std::string& relative) {
  return std::string(PERFBUDGET_SOURCE_DIR) + "/" + relative;
}

std::string Golden(const std::string& name) {
  std::ifstream in(Source("tests/cli/golden/" + name + ".out"), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Dataset Load(const std::string& relative) {
  absl::StatusOr<Dataset> ds = LoadDataset(Source(relative));
  EXPECT_TRUE(ds.ok()) << relative << ": " << ds.status();
  return ds.ok() ? *std::move(ds) : Dataset();
}

RenderOptions Opts(Format f, Language lang = Language::kZh) {
  RenderOptions o;
  o.format = f;
  o.lang = lang;
  return o;
}

constexpr const char* kSelfEval = "tests/cli/data/selfeval.json";
constexpr const char* kY21 = "examples/suma-park-2021/dataset.json";
constexpr const char* kY22 = "examples/suma-park-2022/dataset.json";
constexpr const char* kY23 = "examples/suma-park-2023/dataset.json";

// ---- self-evaluation (evaluate) ------------------------------------------------------

TEST(SelfEvaluationRenderTest, AsTheCliPrintsIt) {
  const Dataset ds = Load(kSelfEval);
  absl::StatusOr<SelfEvaluationReport> r = ScoreSelfEvaluations(ds, DefaultPolicy(), {});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(*RenderSelfEvaluation(*r, Opts(Format::kJson, Language::kEn)),
            Golden("evaluate_json_en"));
  EXPECT_EQ(*RenderSelfEvaluation(*r, Opts(Format::kCsv)), Golden("evaluate_csv_zh"));
  EXPECT_EQ(*RenderSelfEvaluation(*r, Opts(Format::kText)), Golden("evaluate_text_zh"));
  EXPECT_EQ(SelfEvaluationText(*r, Opts(Format::kText, Language::kEn)), Golden("evaluate_text_en"));
  // Same result, same options: the same bytes; another unit changes only amounts.
  EXPECT_EQ(SelfEvaluationJson(*r, Opts(Format::kJson)),
            SelfEvaluationJson(*r, Opts(Format::kJson)));
  RenderOptions yuan = Opts(Format::kText, Language::kEn);
  yuan.unit = MoneyUnit::kYuan;
  EXPECT_THAT(SelfEvaluationText(*r, yuan), HasSubstr("amounts in 元"));
  RenderOptions bad = Opts(Format::kCsv);
  bad.lang = static_cast<Language>(5);
  EXPECT_EQ(RenderSelfEvaluation(*r, bad).status().code(), absl::StatusCode::kInvalidArgument);

  // The three-year example: FY2021 scored, its self-evaluations recorded in FY2022.
  SelfEvaluationOptions so;
  so.reports.push_back(Load(kY22));
  const Dataset y21 = Load(kY21);
  absl::StatusOr<SelfEvaluationReport> r21 = ScoreSelfEvaluations(y21, DefaultPolicy(), so);
  ASSERT_TRUE(r21.ok()) << r21.status();
  EXPECT_EQ(*RenderSelfEvaluation(*r21, Opts(Format::kText)), Golden("evaluate_suma_2021"));
  EXPECT_EQ(*RenderSelfEvaluation(*r21, Opts(Format::kJson, Language::kEn)),
            Golden("evaluate_suma_2021_json_en"));
}

// ---- result application (results) ------------------------------------------------------

TEST(ResultsRenderTest, AsTheCliPrintsIt) {
  const Dataset ds = Load(kSelfEval);
  absl::StatusOr<ResultApplicationReport> r = ApplyResults(ds, DefaultPolicy(), {});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(*RenderResults(*r, Opts(Format::kJson)), Golden("results_json"));
  EXPECT_EQ(*RenderResults(*r, Opts(Format::kCsv, Language::kEn)), Golden("results_csv_en"));
  EXPECT_EQ(ResultsText(*r, Opts(Format::kText)), Golden("results_text_zh"));
  RenderOptions yuan = Opts(Format::kText, Language::kEn);
  yuan.unit = MoneyUnit::kYuan;
  EXPECT_EQ(ResultsText(*r, yuan), Golden("results_text_en"));
  RenderOptions bad = Opts(Format::kText);
  bad.unit = static_cast<MoneyUnit>(9);
  EXPECT_EQ(RenderResults(*r, bad).status().code(), absl::StatusCode::kInvalidArgument);

  ResultApplicationOptions next;
  next.next_year = Load(kY23);
  absl::StatusOr<ResultApplicationReport> r22 = ApplyResults(Load(kY22), DefaultPolicy(), next);
  ASSERT_TRUE(r22.ok()) << r22.status();
  EXPECT_EQ(*RenderResults(*r22, Opts(Format::kText)), Golden("results_suma_next_year"));
  EXPECT_EQ(*RenderResults(*r22, Opts(Format::kJson)), Golden("results_suma_next_year_json"));
}

// ---- the coverage plan (coverage) ----------------------------------------------------------

TEST(CoverageRenderTest, AsTheCliPrintsIt) {
  const std::vector<Dataset> history = {Load(kY21), Load(kY22)};
  const std::vector<Evaluation> evaluations = CollectEvaluations(history);
  absl::StatusOr<CoverageReport> r = PlanCoverage(Load(kY23), evaluations, DefaultPolicy());
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(*RenderCoverage(*r, Opts(Format::kText)), Golden("coverage_suma_2023"));
  EXPECT_EQ(*RenderCoverage(*r, Opts(Format::kJson, Language::kEn)),
            Golden("coverage_suma_2023_en_json"));
  EXPECT_EQ(CoverageCsv(*r, Opts(Format::kCsv)), Golden("coverage_suma_2023_csv"));
  RenderOptions bad = Opts(Format::kJson);
  bad.format = static_cast<Format>(3);
  EXPECT_EQ(RenderCoverage(*r, bad).status().code(), absl::StatusCode::kInvalidArgument);
  // In 元 the amounts keep two decimals, in the header too.
  RenderOptions yuan = Opts(Format::kCsv, Language::kEn);
  yuan.unit = MoneyUnit::kYuan;
  EXPECT_THAT(CoverageCsv(*r, yuan), HasSubstr("current_budget_元"));
}

// ---- rectification and disclosure ------------------------------------------------------------

TEST(RectificationRenderTest, AsTheCliPrintsIt) {
  RectificationOptions ro;
  ro.as_of = *Date::Parse("2022-12-31");
  absl::StatusOr<RectificationReport> r = TrackRectification(Load(kY22), DefaultPolicy(), ro);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(*RenderRectification(*r, Opts(Format::kText)), Golden("rectification_suma_2022"));
  EXPECT_EQ(*RenderRectification(*r, Opts(Format::kJson, Language::kEn)),
            Golden("rectification_suma_2022_en_json"));
  EXPECT_EQ(RectificationCsv(*r, Opts(Format::kCsv)), Golden("rectification_suma_2022_csv"));
  // No amounts: the unit changes nothing.
  RenderOptions yi = Opts(Format::kText);
  yi.unit = MoneyUnit::kYiYuan;
  EXPECT_EQ(RectificationText(*r, yi), Golden("rectification_suma_2022"));
  RenderOptions bad = Opts(Format::kText);
  bad.rows = static_cast<RowFilter>(8);
  EXPECT_EQ(RenderRectification(*r, bad).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(DisclosureRenderTest, AsTheCliPrintsIt) {
  absl::StatusOr<DisclosureReport> d23 = CheckDisclosure(Load(kY23), DefaultPolicy());
  ASSERT_TRUE(d23.ok()) << d23.status();
  EXPECT_EQ(*RenderDisclosure(*d23, Opts(Format::kText, Language::kEn)),
            Golden("disclosure_suma_2023_en"));
  EXPECT_EQ(*RenderDisclosure(*d23, Opts(Format::kJson)), Golden("disclosure_suma_2023_json"));
  absl::StatusOr<DisclosureReport> d21 = CheckDisclosure(Load(kY21), DefaultPolicy());
  ASSERT_TRUE(d21.ok()) << d21.status();
  EXPECT_EQ(DisclosureCsv(*d21, Opts(Format::kCsv, Language::kEn)),
            Golden("disclosure_suma_2021_csv"));
  RenderOptions bad = Opts(Format::kText);
  bad.as_of_source = static_cast<AsOfSource>(9);
  EXPECT_EQ(RenderDisclosure(*d21, bad).status().code(), absl::StatusCode::kInvalidArgument);
}

// ---- the core indicator library (indicators suggest) -------------------------------------------

TEST(IndicatorsRenderTest, AsTheCliPrintsIt) {
  const Policy policy = DefaultPolicy();
  const ReviewLibrary& lib = policy.review_library();
  const CategoryLibrary* city = lib.FindCategory("市政管护");
  const CategoryLibrary* farm = lib.FindCategory("高标准农田");
  const CategoryLibrary* machines = lib.FindCategory("农机补贴");
  const CategoryLibrary* cdc = lib.FindCategory("疾控");
  ASSERT_TRUE(city != nullptr && farm != nullptr && machines != nullptr && cdc != nullptr);
  EXPECT_EQ(*RenderIndicators(*city, policy.name(), Opts(Format::kText)),
            Golden("indicators_suggest_zh"));
  EXPECT_EQ(IndicatorsText(*farm, policy.name(), Opts(Format::kText, Language::kEn)),
            Golden("indicators_suggest_en"));
  EXPECT_EQ(*RenderIndicators(*machines, policy.name(), Opts(Format::kJson)),
            Golden("indicators_suggest_json"));
  EXPECT_EQ(IndicatorsCsv(*cdc, Opts(Format::kCsv)), Golden("indicators_suggest_csv"));
  // JSON and CSV are codes: the language changes nothing.
  EXPECT_EQ(IndicatorsJson(*machines, policy.name(), Opts(Format::kJson, Language::kEn)),
            Golden("indicators_suggest_json"));
  RenderOptions bad = Opts(Format::kCsv);
  bad.lang = static_cast<Language>(3);
  EXPECT_EQ(RenderIndicators(*cdc, policy.name(), bad).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace perfbudget::render
