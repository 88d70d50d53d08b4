// render_test.cc: the renderers of analysis results (render/*.h): the
// building blocks (display width, text tables, CSV quoting, exact amounts,
// option checks), rounding half-up only when printed, the row filter, and
// byte-for-byte agreement with the CLI's golden files on the bundled example
// (the CLI prints what these functions return).
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "perfbudget/io/json.h"
#include "perfbudget/io/load.h"
#include "perfbudget/monitoring/execution_curve.h"
#include "perfbudget/monitoring/monitor.h"
#include "perfbudget/monitoring/reclaim.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/render/common.h"
#include "perfbudget/render/curve.h"
#include "perfbudget/render/monitor.h"
#include "perfbudget/render/reclaim.h"
#include "perfbudget/render/review.h"
#include "perfbudget/render/summary.h"
#include "perfbudget/report/summary.h"
#include "perfbudget/review/review.h"

namespace perfbudget::render {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Source(const std::string& relative) {
  return std::string(PERFBUDGET_SOURCE_DIR) + "/" + relative;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Golden(const std::string& name) {
  return ReadFile(Source("tests/cli/golden/" + name + ".out"));
}

Dataset Suma() {
  absl::StatusOr<Dataset> ds = LoadDataset(Source("examples/suma-park-2022/dataset.json"));
  EXPECT_TRUE(ds.ok()) << ds.status();
  return *ds;
}

Date D(const char* iso) { return *Date::Parse(iso); }

RenderOptions Opts(Format f, Language lang = Language::kZh) {
  RenderOptions o;
  o.format = f;
  o.lang = lang;
  return o;
}

// ---- building blocks -----------------------------------------------------------

TEST(DisplayWidthTest, CountsWideCharactersTwice) {
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("汉字"), 4);
  EXPECT_EQ(DisplayWidth("（1）"), 5);      // full-width parentheses
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1);  // e + combining acute
  EXPECT_EQ(DisplayWidth("\xFF"), 1);       // an invalid byte counts one
  EXPECT_EQ(DisplayWidth(""), 0);
}

TEST(TextTableTest, PadsToDisplayWidthAndTrimsTrailingSpaces) {
  TextTable t({"编码", "n"}, {Align::kLeft, Align::kRight});
  t.AddRow({"a", "10"});
  t.AddRule();
  t.AddRow({"合计", "5"});
  EXPECT_EQ(t.Render(),
            "编码   n\n"
            "--------\n"
            "a     10\n"
            "--------\n"
            "合计   5\n");
}

TEST(CsvTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
  EXPECT_EQ(CsvField("汉字"), "汉字");
  EXPECT_EQ(CsvRow({"a", "", "b,c"}), "a,,\"b,c\"\r\n");
}

TEST(FormatAmountTest, ExactDigitsInTheUnit) {
  EXPECT_EQ(FormatAmount(Money::FromFen(106705LL * 1000000), MoneyUnit::kWanYuan), "106705");
  EXPECT_EQ(FormatAmount(Money::FromFen(2396800000), MoneyUnit::kWanYuan), "2396.8");
  EXPECT_EQ(FormatAmount(Money::FromFen(1), MoneyUnit::kWanYuan), "0.000001");
  EXPECT_EQ(FormatAmount(Money::FromFen(2396800000), MoneyUnit::kYuan), "23968000.00");
  EXPECT_EQ(FormatAmount(Money::FromFen(12005000000), MoneyUnit::kYiYuan), "1.2005");
}

TEST(CheckOptionsTest, RefusesValuesOutsideEachList) {
  EXPECT_TRUE(CheckOptions(RenderOptions{}).ok());
  RenderOptions o;
  o.format = static_cast<Format>(3);
  EXPECT_THAT(std::string(CheckOptions(o).message()), HasSubstr("format is 3"));
  o = {};
  o.lang = static_cast<Language>(2);
  EXPECT_THAT(std::string(CheckOptions(o).message()), HasSubstr("lang is 2"));
  o = {};
  o.unit = static_cast<MoneyUnit>(7);
  EXPECT_THAT(std::string(CheckOptions(o).message()), HasSubstr("unit is 7"));
  o = {};
  o.rows = static_cast<RowFilter>(4);
  EXPECT_EQ(CheckOptions(o).code(), absl::StatusCode::kInvalidArgument);
  o = {};
  o.as_of_source = static_cast<AsOfSource>(9);
  EXPECT_EQ(CheckOptions(o).code(), absl::StatusCode::kInvalidArgument);
  // The dispatchers check before rendering.
  absl::StatusOr<DatasetSummary> s = Summarize(Suma(), D("2022-08-31"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(RenderSummary(Suma(), *s, o).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(AsOfTest, SaysWhereADefaultedDateCameFrom) {
  EXPECT_EQ(AsOfText(D("2022-08-31"), AsOfSource::kGiven, true), "2022-08-31");
  EXPECT_EQ(AsOfText(D("2022-08-31"), AsOfSource::kDataset, true),
            "2022-08-31 (default: the dataset's as-of date)");
  EXPECT_EQ(AsOfText(D("2022-08-31"), AsOfSource::kYearEnd, false),
            "2022-08-31（默认：年度最后一天）");
  JsonWriter w;
  w.BeginObject();
  WriteAsOfJson(w, D("2022-08-31"), AsOfSource::kLatestDisbursement);
  w.EndObject();
  EXPECT_EQ(w.Finish(),
            "{\n  \"as_of\": \"2022-08-31\",\n  \"as_of_is_default\": true,\n"
            "  \"as_of_source\": \"latest_disbursement\"\n}\n");
}

// ---- rounding: exact until printed, half-up ---------------------------------------

// One unit, one project: 8.00 yuan approved, 0.01 spent → 1/800 = 0.125 %.
Dataset Tiny() {
  const char* json =
      R"({"format":"perfbudget-dataset","version":1,
      "jurisdiction":{"code":"1","name":"测试"},
      "fiscal_year":{"year":2022,"start_month":1,"named_by_end":false},
      "units":[{"id":"U1","name":"甲, \"乙\" 局"}],
      "projects":[{"id":"P1","unit":"U1","name":"道路","status":"in_progress",
        "funds":[{"source":"general_budget","approved":"8.00"}]}],
      "disbursements":[{"id":"V1","project":"P1","date":"2022-03-01",
        "source":"general_budget","amount":"0.01"}]})";
  absl::StatusOr<Dataset> ds = LoadDatasetJson(json);
  EXPECT_TRUE(ds.ok()) << ds.status();
  return *ds;
}

TEST(SummaryRenderTest, RoundsHalfUpOnlyWhenPrinted) {
  const Dataset ds = Tiny();
  absl::StatusOr<DatasetSummary> s = Summarize(ds, D("2022-08-31"));
  ASSERT_TRUE(s.ok()) << s.status();
  RenderOptions o = Opts(Format::kJson, Language::kEn);
  const std::string json = SummaryJson(ds, *s, o);
  // 0.125 → "0.13" (half-up, not half-even "0.12"); the exact ratio beside it.
  EXPECT_THAT(json, HasSubstr("\"percent\": \"0.13\",\n      \"exact\": \"1/800\""));
  EXPECT_THAT(json, HasSubstr("\"approved\": \"8.00\""));
  o.unit = MoneyUnit::kYuan;
  const std::string csv = SummaryCsv(*s, o);
  EXPECT_THAT(csv,
              HasSubstr("unit,U1,\"甲, \"\"乙\"\" 局\",2022-08-31,1,8.00,0.00,8.00,0.01,0.13\r\n"));
  EXPECT_THAT(csv, HasSubstr("total,,Total,2022-08-31,1,8.00,0.00,8.00,0.01,0.13\r\n"));
  o.data_label = "tiny.json";
  EXPECT_THAT(SummaryText(ds, *s, o), HasSubstr("Data: tiny.json\n"));
  o.data_label.clear();
  EXPECT_THAT(SummaryText(ds, *s, o), Not(HasSubstr("Data:")));
  EXPECT_THAT(SummaryText(ds, *s, o), HasSubstr("0.13%"));
}

// ---- the CLI's goldens (the CLI prints these functions' output) -----------------------

TEST(GoldenTest, SummaryAsTheCliPrintsIt) {
  const Dataset ds = Suma();
  absl::StatusOr<DatasetSummary> s = Summarize(ds, std::nullopt);
  ASSERT_TRUE(s.ok());
  absl::StatusOr<std::string> json = RenderSummary(ds, *s, Opts(Format::kJson, Language::kEn));
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(*json, Golden("summary_suma_park_default_as_of_en_json"));
  // summary --as-of 2022-08-31 examples/suma-park-2022/dataset.json (text)
  s = Summarize(ds, D("2022-08-31"));
  ASSERT_TRUE(s.ok());
  RenderOptions text = Opts(Format::kText);
  text.data_label = "examples/suma-park-2022/dataset.json";
  EXPECT_EQ(*RenderSummary(ds, *s, text), Golden("summary_suma_park"));
}

TEST(GoldenTest, ReviewAsTheCliPrintsIt) {
  Diagnostics diags;
  absl::StatusOr<Policy> policy = ResolvePolicy("suma-park", &diags);
  ASSERT_TRUE(policy.ok());
  absl::StatusOr<ReviewResult> r = ReviewDataset(Suma(), *policy);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*RenderReview(*r, policy->name(), Opts(Format::kJson)), Golden("review_suma_json"));
  EXPECT_EQ(*RenderReview(*r, policy->name(), Opts(Format::kCsv)), Golden("review_suma_csv"));
  EXPECT_EQ(*RenderReview(*r, policy->name(), Opts(Format::kText, Language::kEn)),
            Golden("review_suma_text_en"));
}

TEST(GoldenTest, MonitorReclaimAndCurveAsTheCliPrintsThem) {
  const Dataset ds = Suma();
  const Policy policy = DefaultPolicy();
  MonitorOptions mo;
  mo.as_of = D("2022-08-31");
  absl::StatusOr<MonitorReport> m = Monitor(ds, policy, mo);
  ASSERT_TRUE(m.ok());
  absl::StatusOr<ExecutionCurve> curve = BuildExecutionCurve(ds, policy, mo.as_of);
  ASSERT_TRUE(curve.ok());
  const std::string monitor_json = *RenderMonitor(*m, &*curve, Opts(Format::kJson));
  EXPECT_EQ(monitor_json, Golden("monitor_suma_json"));
  EXPECT_EQ(*RenderMonitor(*m, nullptr, Opts(Format::kCsv)), Golden("monitor_suma_csv"));
  EXPECT_EQ(*RenderMonitor(*m, nullptr, Opts(Format::kText)), Golden("monitor_suma_text_zh"));

  ReclaimOptions ro;
  ro.as_of = mo.as_of;
  absl::StatusOr<ReclaimReport> rc = Reclaim(ds, policy, ro);
  ASSERT_TRUE(rc.ok());
  EXPECT_EQ(*RenderReclaim(*rc, Opts(Format::kJson)), Golden("reclaim_suma_json"));
  EXPECT_EQ(*RenderReclaim(*rc, Opts(Format::kText, Language::kEn)),
            Golden("reclaim_suma_text_en"));

  // The curve's own JSON ends with the same `execution_curve` member.
  const std::string curve_json = *RenderCurve(*curve, policy.decimals(), Opts(Format::kJson));
  const auto at = [](const std::string& s) { return s.substr(s.find("\"execution_curve\"")); };
  EXPECT_EQ(at(curve_json), at(monitor_json));
  EXPECT_EQ(RenderCurve(*curve, 11, Opts(Format::kJson)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(MonitorRenderTest, RowFilterKeepsTheTotal) {
  const Dataset ds = Suma();
  MonitorOptions mo;
  mo.as_of = D("2022-08-31");
  absl::StatusOr<MonitorReport> m = Monitor(ds, DefaultPolicy(), mo);
  ASSERT_TRUE(m.ok());
  RenderOptions o = Opts(Format::kJson);
  o.rows = RowFilter::kUnits;
  const std::string json = MonitorJson(*m, nullptr, o);
  EXPECT_THAT(json, HasSubstr("\"units\": ["));
  EXPECT_THAT(json, Not(HasSubstr("\"projects\": [")));
  EXPECT_THAT(json, Not(HasSubstr("\"fund_sources\": [")));
  EXPECT_THAT(json, Not(HasSubstr("execution_curve")));
  o.format = Format::kCsv;
  const std::string csv = MonitorCsv(*m, o);
  std::size_t lines = 0;
  for (char c : csv) lines += c == '\n' ? 1 : 0;
  EXPECT_EQ(lines, 1 + m->units.size() + 1);  // header, units, total
  EXPECT_THAT(csv, HasSubstr("\r\n合计,"));
  // Same result, same options: the same bytes.
  EXPECT_EQ(MonitorCsv(*m, o), csv);
}

}  // namespace
}  // namespace perfbudget::render
