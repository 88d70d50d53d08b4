// Tests for LoadDatasetJson: good documents, exact numbers, the target
// shorthand, and one test per loader error class of docs/format.md
// "Validation" (fixtures in tests/data/json/).
#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "perfbudget/io/json.h"
#include "perfbudget/io/load.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;

std::string FixturePath(std::string_view rel) {
  return std::string(PERFBUDGET_SOURCE_DIR) + "/tests/data/json/" + std::string(rel);
}

absl::StatusOr<Dataset> LoadFixture(std::string_view rel, Diagnostics* diags,
                                    LoadOptions options = {}) {
  return LoadDatasetJsonFile(FixturePath(rel), options, diags);
}

std::string Dump(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.items()) out += d.ToString() + "\n";
  return out;
}

// The first diagnostic of `kind` (fails the test if none).
const Diagnostic* Find(const Diagnostics& diags, DiagnosticKind kind) {
  for (const Diagnostic& d : diags.items()) {
    if (d.kind == kind) return &d;
  }
  ADD_FAILURE() << "no diagnostic of kind " << CodeOf(kind) << " in:\n" << Dump(diags);
  return nullptr;
}

const Diagnostic* FindPath(const Diagnostics& diags, std::string_view path) {
  for (const Diagnostic& d : diags.items()) {
    if (d.where.path == path) return &d;
  }
  return nullptr;
}

// Loads a bad fixture and returns its diagnostics (the load must fail).
Diagnostics LoadBad(std::string_view rel) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadFixture(rel, &diags);
  EXPECT_FALSE(ds.ok()) << rel;
  if (!ds.ok()) EXPECT_EQ(ds.status().code(), absl::StatusCode::kInvalidArgument) << rel;
  EXPECT_FALSE(diags.empty()) << rel;
  return diags;
}

TEST(JsonReaderTest, LoadsMinimalDocument) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadFixture("good/minimal.json", &diags);
  ASSERT_TRUE(ds.ok()) << ds.status() << "\n" << Dump(diags);
  EXPECT_EQ(ds->info().fiscal_year, 2022);
  EXPECT_EQ(ds->info().fiscal_year_start_month, 1);
  EXPECT_TRUE(ds->units().empty());
  EXPECT_TRUE(diags.empty());
}

TEST(JsonReaderTest, LoadsFullDocument) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadFixture("good/full.json", &diags);
  ASSERT_TRUE(ds.ok()) << ds.status() << "\n" << Dump(diags);
  const DatasetInfo& info = ds->info();
  EXPECT_EQ(info.jurisdiction_code, "341300");
  EXPECT_EQ(info.jurisdiction_name, "宿马园区");
  EXPECT_EQ(info.title, "宿马园区 2022 年预算绩效 \"样例\"");
  ASSERT_EQ(ds->units().size(), 2u);
  ASSERT_EQ(ds->projects().size(), 2u);
  const Project& p1 = ds->projects()[0];
  EXPECT_EQ(p1.id, "P001");
  EXPECT_EQ(p1.unit_id, "U01");
  EXPECT_EQ(p1.category, "市政管护");
  EXPECT_EQ(p1.kind, ProjectKind::kContinuing);
  EXPECT_TRUE(p1.is_key);
  EXPECT_EQ(p1.status, ProjectStatus::kInProgress);
  EXPECT_EQ(p1.start_year, 2020);
  EXPECT_EQ(p1.requested.fen(), 520'0000'00);
  ASSERT_EQ(p1.funds.size(), 3u);
  EXPECT_EQ(p1.funds[0].approved.fen(), 500'0000'00);
  EXPECT_EQ(p1.funds[1].source, FundSource::kLandTransfer);  // by Chinese label
  EXPECT_EQ(p1.funds[1].approved.fen(), 123456);             // JSON number 1234.56, exact
  EXPECT_EQ(p1.funds[2].approved.fen(), 10);                 // "0.1"
  EXPECT_EQ(p1.funds[2].origin_year, 2021);
  ASSERT_EQ(p1.adjustments.size(), 1u);
  EXPECT_EQ(p1.adjustments[0].amount.fen(), -100'0000'00);
  EXPECT_EQ(p1.adjustments[0].date.ToString(), "2022-09-15");
  EXPECT_EQ(p1.adjustments[0].reason, "压减");
  ASSERT_EQ(p1.payment_plan.size(), 1u);
  EXPECT_EQ(p1.payment_plan[0].amount.fen(), 120'0000'00);
  EXPECT_TRUE(p1.disclosure.with_budget);
  EXPECT_FALSE(p1.disclosure.with_approval);
  const Project& p2 = ds->projects()[1];
  EXPECT_EQ(p2.kind, ProjectKind::kNew);  // "新增"
  EXPECT_EQ(p2.status, ProjectStatus::kPlanned);
  EXPECT_EQ(p2.funds[0].approved.fen(), 1234567890123456);  // 12345678901234.56 yuan

  ASSERT_EQ(ds->goals().size(), 2u);
  const Goal& g = ds->goals()[0];
  EXPECT_EQ(g.owner, GoalOwner::kProject);
  EXPECT_EQ(g.project_id, "P001");
  ASSERT_EQ(g.indicators.size(), 6u);
  const Indicator& i1 = g.indicators[0];
  EXPECT_EQ(i1.comparator, Comparator::kGe);
  EXPECT_EQ(i1.target, Ratio(12));
  EXPECT_EQ(i1.unit_of_measure, "公里");
  EXPECT_EQ(i1.weight, Ratio(20));
  EXPECT_EQ(i1.baseline, Ratio(10));
  EXPECT_EQ(i1.value_source, ValueSource::kPlan);
  EXPECT_EQ(i1.evaluation_standard, "按验收报告");
  ASSERT_EQ(i1.actuals.size(), 2u);
  EXPECT_EQ(i1.actuals[0].date.ToString(), "2022-06-30");  // sorted by date
  EXPECT_EQ(i1.actuals[0].value, Ratio(7, 2));             // JSON number 3.5
  EXPECT_EQ(i1.actuals[1].value, Ratio(8));
  EXPECT_EQ(g.indicators[1].level2, IndicatorLevel2::kQuantity);  // "数量指标"
  EXPECT_EQ(g.indicators[2].weight, Ratio(1, 3));                 // exact fraction
  const Indicator& i4 = g.indicators[3];
  EXPECT_EQ(i4.comparator, Comparator::kQualitative);
  EXPECT_EQ(i4.target_text, "严格执行相关制度规定");
  EXPECT_FALSE(i4.target.has_value());
  ASSERT_EQ(i4.actuals.size(), 1u);
  EXPECT_EQ(i4.actuals[0].grade, QualitativeGrade::kPartlyAchieved);
  EXPECT_EQ(i4.actuals[0].text, "部分路段未完工");
  EXPECT_FALSE(i4.actuals[0].value.has_value());
  const Indicator& i6 = g.indicators[5];
  EXPECT_EQ(i6.comparator, Comparator::kRange);
  EXPECT_EQ(i6.target, Ratio(90));
  EXPECT_EQ(i6.target_high, Ratio(221, 2));  // JSON number 110.5
  EXPECT_EQ(ds->goals()[1].owner, GoalOwner::kUnit);
  EXPECT_EQ(ds->goals()[1].unit_id, "U01");

  ASSERT_EQ(ds->disbursements().size(), 4u);
  EXPECT_EQ(ds->disbursements()[0].amount.fen(), 35'0000'00);
  EXPECT_EQ(ds->disbursements()[3].id, "");
  EXPECT_EQ(ds->disbursements()[3].source, FundSource::kTransfer);
  EXPECT_EQ(ds->disbursements()[3].amount.fen(), 123456);  // "1,234.56"

  ASSERT_EQ(ds->ex_ante_assessments().size(), 1u);
  const ExAnteAssessment& a = ds->ex_ante_assessments()[0];
  EXPECT_EQ(a.requested.fen(), 300'0000'00);
  EXPECT_EQ(a.scores[static_cast<int>(ExAnteDimension::kGoalSoundness)], Ratio(33, 2));
  EXPECT_EQ(a.note, "通过");

  ASSERT_EQ(ds->evaluations().size(), 1u);
  const Evaluation& e = ds->evaluations()[0];
  EXPECT_EQ(e.kind, EvaluationKind::kThirdParty);
  EXPECT_EQ(e.evaluated_year, 2021);
  EXPECT_EQ(e.score, Ratio(173, 2));
  EXPECT_EQ(e.grade, Grade::kGood);
  EXPECT_THAT(e.problems, ::testing::ElementsAre("资金拨付滞后", "绩效目标不够细化"));
  EXPECT_THAT(e.suggestions, ::testing::ElementsAre("加快拨付"));

  ASSERT_EQ(ds->rectifications().size(), 1u);
  const RectificationItem& r = ds->rectifications()[0];
  EXPECT_EQ(r.status, RectificationStatus::kInProgress);
  ASSERT_TRUE(r.due.has_value());
  EXPECT_EQ(r.due->ToString(), "2022-12-31");
  EXPECT_FALSE(r.closed.has_value());  // null = absent
}

TEST(JsonReaderTest, NumbersAreReadExactlyFromTheirText) {
  // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; here it is 30 fen.
  constexpr std::string_view kDoc = R"({
    "format": "perfbudget-dataset", "version": 1, "fiscal_year": {"year": 2022},
    "units": [{"id": "U", "name": "u"}],
    "projects": [{"id": "P", "unit": "U", "name": "p",
                  "funds": [{"source": "general_budget", "approved": 12345678901234.56},
                            {"source": "transfer", "approved": 0.1},
                            {"source": "other", "approved": 0.2}]}],
    "goals": [{"id": "G", "owner": "project", "project": "P", "indicators": [
      {"level1": "output", "level2": "quantity", "name": "n",
       "target": 0.12345678901234567890123, "weight": 33.333333333333333333}]}]
  })";
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetJson(kDoc, {}, &diags);
  ASSERT_TRUE(ds.ok()) << ds.status() << "\n" << Dump(diags);
  const Project& p = ds->projects()[0];
  EXPECT_EQ(p.funds[0].approved.fen(), 1234567890123456);
  EXPECT_EQ(p.funds[1].approved.fen() + p.funds[2].approved.fen(), 30);
  EXPECT_EQ(ds->ApprovedOf(0).fen(), 1234567890123486);
  const Indicator& ind = ds->goals()[0].indicators[0];
  EXPECT_EQ(ind.target_text, "0.12345678901234567890123");
  ASSERT_TRUE(ind.target.has_value());
  EXPECT_EQ(*ind.target, *Ratio::ParseDecimal("0.12345678901234567890123"));
  EXPECT_EQ(ind.weight, *Ratio::ParseDecimal("33.333333333333333333"));
}

TEST(JsonReaderTest, TargetShorthand) {
  constexpr std::string_view kDoc = R"({
    "format": "perfbudget-dataset", "version": 1, "fiscal_year": {"year": 2022},
    "units": [{"id": "U", "name": "u"}],
    "goals": [{"id": "G", "owner": "unit", "unit": "U", "indicators": [
      {"id": "a", "level1": "output", "level2": "quantity", "name": "n", "target": "≥50个"},
      {"id": "b", "level1": "output", "level2": "quantity", "name": "n", "target": "≤90万元"},
      {"id": "c", "level1": "output", "level2": "quality", "name": "n", "comparator": "range",
       "target": "[90, 100]", "unit_of_measure": "%"},
      {"id": "d", "level1": "output", "level2": "quality", "name": "n", "comparator": "range",
       "target": "90", "target_high": "100"},
      {"id": "e", "level1": "benefit", "level2": "social_benefit", "name": "n",
       "comparator": "qualitative", "target": "严格执行相关制度规定"},
      {"id": "f", "level1": "output", "level2": "timeliness", "name": "n", "comparator": "le",
       "target": "年底前完成"},
      {"id": "g", "level1": "output", "level2": "quantity", "name": "n", "comparator": "le",
       "target": "≥50个", "unit_of_measure": "台"},
      {"id": "h", "level1": "output", "level2": "quality", "name": "n", "target": "≥100%"}
    ]}]
  })";
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetJson(kDoc, {}, &diags);
  ASSERT_TRUE(ds.ok()) << ds.status() << "\n" << Dump(diags);
  const auto& inds = ds->goals()[0].indicators;
  ASSERT_EQ(inds.size(), 8u);
  // "≥50个" → ge, 50, 个, text kept.
  EXPECT_EQ(inds[0].comparator, Comparator::kGe);
  EXPECT_EQ(inds[0].target, Ratio(50));
  EXPECT_EQ(inds[0].unit_of_measure, "个");
  EXPECT_EQ(inds[0].target_text, "≥50个");
  EXPECT_EQ(inds[1].comparator, Comparator::kLe);
  EXPECT_EQ(inds[1].target, Ratio(90));
  EXPECT_EQ(inds[1].unit_of_measure, "万元");
  // Ranges, bracket form and target_high form.
  EXPECT_EQ(inds[2].comparator, Comparator::kRange);
  EXPECT_EQ(inds[2].target, Ratio(90));
  EXPECT_EQ(inds[2].target_high, Ratio(100));
  EXPECT_EQ(inds[2].unit_of_measure, "%");
  EXPECT_EQ(inds[3].comparator, Comparator::kRange);
  EXPECT_EQ(inds[3].target, Ratio(90));
  EXPECT_EQ(inds[3].target_high, Ratio(100));
  // Qualitative text kept, no number.
  EXPECT_EQ(inds[4].comparator, Comparator::kQualitative);
  EXPECT_EQ(inds[4].target_text, "严格执行相关制度规定");
  EXPECT_FALSE(inds[4].target.has_value());
  // Unreadable numeric target: kept as text, target empty, not an error.
  EXPECT_EQ(inds[5].comparator, Comparator::kLe);
  EXPECT_EQ(inds[5].target_text, "年底前完成");
  EXPECT_FALSE(inds[5].target.has_value());
  // Explicit comparator and unit win over the shorthand's.
  EXPECT_EQ(inds[6].comparator, Comparator::kLe);
  EXPECT_EQ(inds[6].target, Ratio(50));
  EXPECT_EQ(inds[6].unit_of_measure, "台");
  EXPECT_EQ(inds[7].target, Ratio(100));
  EXPECT_EQ(inds[7].unit_of_measure, "%");
}

TEST(JsonReaderTest, AcceptsUtf8Bom) {
  const std::string doc =
      "\xEF\xBB\xBF{\"format\": \"perfbudget-dataset\", \"version\": 1, \"fiscal_year\": {\"year\": 2022}}";
  absl::StatusOr<Dataset> ds = LoadDatasetJson(doc);
  EXPECT_TRUE(ds.ok()) << ds.status();
}

// ---- one test per error class -------------------------------------------------

TEST(JsonReaderErrorTest, Syntax) {
  Diagnostics diags = LoadBad("bad/syntax.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kSyntax);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.file, FixturePath("bad/syntax.json"));
  EXPECT_EQ(d->where.line, 7);
  // {"id": "P001", "unit": "U01" "name" — the column of the second "name" (in characters).
  EXPECT_EQ(d->where.column, 34);
  EXPECT_THAT(d->message, HasSubstr("expected ',' or '}'"));
  EXPECT_THAT(d->value, ::testing::StartsWith("\"name\""));
}

TEST(JsonReaderErrorTest, SyntaxVariants) {
  struct Case {
    std::string_view doc;
    int line;
    int column;
    std::string_view message;
  };
  const Case cases[] = {
      {"", 1, 1, "empty"},
      {"{\"format\": \"x\",\n  \"version\": 1", 2, 15, "expected ',' or '}'"},
      {"{\"format\": \"perfbudget-dataset\"} x", 1, 34, "after the end"},
      {"{\"title\": \"abc", 1, 11, "unterminated string"},
      {"{\n  \"title\": tru\n}", 2, 12, "invalid literal"},
      {"{\"version\": 01}", 1, 14, "invalid number"},
      {"{\"title\": \"a\x01\"}", 1, 13, "control character"},
      {"{\"title\": \"\xC3\x28\"}", 1, 12, "invalid UTF-8"},
      {"{\"units\": [1, ]}", 1, 15, "expected a value"},
  };
  for (const Case& c : cases) {
    Diagnostics diags;
    absl::StatusOr<Dataset> ds = LoadDatasetJson(c.doc, {}, &diags, "in.json");
    EXPECT_FALSE(ds.ok()) << c.doc;
    const Diagnostic* d = Find(diags, DiagnosticKind::kSyntax);
    ASSERT_NE(d, nullptr) << c.doc;
    EXPECT_EQ(d->where.file, "in.json");
    EXPECT_EQ(d->where.line, c.line) << c.doc << "\n" << Dump(diags);
    EXPECT_EQ(d->where.column, c.column) << c.doc << "\n" << Dump(diags);
    EXPECT_THAT(d->message, HasSubstr(std::string(c.message))) << c.doc;
  }
}

TEST(JsonReaderErrorTest, RootNotAnObject) {
  Diagnostics diags;
  EXPECT_FALSE(LoadDatasetJson("[1, 2]", {}, &diags).ok());
  const Diagnostic* d = Find(diags, DiagnosticKind::kType);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.path, "$");
  EXPECT_THAT(d->message, HasSubstr("an array"));
}

TEST(JsonReaderErrorTest, WrongType) {
  Diagnostics diags = LoadBad("bad/type.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kType);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.path, "$.projects[0].name");
  EXPECT_EQ(d->field, "name");
  EXPECT_EQ(d->value, "42");
  EXPECT_EQ(d->where.line, 7);
  EXPECT_EQ(d->where.column, 43);
  EXPECT_THAT(d->message, HasSubstr("a number"));
  EXPECT_EQ(d->expected, "a string");
}

TEST(JsonReaderErrorTest, MissingRequiredField) {
  Diagnostics diags = LoadBad("bad/missing.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kMissing);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.path, "$.projects[0].unit");
  EXPECT_EQ(d->field, "unit");
  EXPECT_EQ(d->where.line, 7);
  EXPECT_EQ(d->where.column, 5);  // the record's opening brace
  EXPECT_THAT(d->message, HasSubstr("required field `unit`"));
}

TEST(JsonReaderErrorTest, UnknownField) {
  Diagnostics diags = LoadBad("bad/unknown_field.json");
  ASSERT_EQ(diags.size(), 1u) << Dump(diags);
  const Diagnostic& d = diags.items()[0];
  EXPECT_EQ(d.kind, DiagnosticKind::kValue);
  EXPECT_EQ(d.where.path, "$.projects[0].budget");
  EXPECT_EQ(d.field, "budget");
  EXPECT_EQ(d.value, "budget");
  EXPECT_EQ(d.where.line, 7);
  EXPECT_THAT(d.expected, HasSubstr("category"));
  EXPECT_THAT(d.message, HasSubstr("unknown field"));
}

TEST(JsonReaderErrorTest, UnknownEnumValueListsTheCodes) {
  Diagnostics diags = LoadBad("bad/enum_value.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kEnumValue);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.path, "$.projects[0].funds[0].source");
  EXPECT_EQ(d->field, "source");
  EXPECT_EQ(d->value, "generic");
  EXPECT_EQ(d->where.line, 7);
  EXPECT_THAT(d->expected, HasSubstr("general_budget, government_fund, land_transfer"));
}

TEST(JsonReaderErrorTest, SubFenAmount) {
  Diagnostics diags = LoadBad("bad/sub_fen.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kSubFen);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.path, "$.projects[0].funds[0].approved");
  EXPECT_EQ(d->field, "approved");
  EXPECT_EQ(d->value, "500.001");
  EXPECT_EQ(d->where.line, 7);
}

TEST(JsonReaderErrorTest, AmountOverflow) {
  Diagnostics diags = LoadBad("bad/overflow.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kOverflow);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.path, "$.projects[0].funds[0].approved");
  EXPECT_EQ(d->value, "99999999999999999999");
}

TEST(JsonReaderErrorTest, TotalOverflow) {
  Diagnostics diags = LoadBad("bad/overflow_total.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kOverflow);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->where.path, ::testing::StartsWith("$.projects[0]"));
  EXPECT_EQ(d->where.line, 7);
}

TEST(JsonReaderErrorTest, BadDate) {
  Diagnostics diags = LoadBad("bad/date.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kDate);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.path, "$.disbursements[0].date");
  EXPECT_EQ(d->field, "date");
  EXPECT_EQ(d->value, "2022-02-30");
  EXPECT_EQ(d->where.line, 10);
}

TEST(JsonReaderErrorTest, DateOutsideFiscalYear) {
  Diagnostics diags = LoadBad("bad/date_out_of_year.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kDateOutOfYear);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->where.path, ::testing::StartsWith("$.disbursements[0]"));
  EXPECT_EQ(d->field, "date");
  EXPECT_EQ(d->value, "2023-01-05");
  EXPECT_EQ(d->where.line, 10);
}

TEST(JsonReaderErrorTest, DuplicateId) {
  Diagnostics diags = LoadBad("bad/duplicate_id.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kDuplicateId);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->where.path, ::testing::StartsWith("$.units[1]"));
  EXPECT_EQ(d->value, "U01");
  EXPECT_EQ(d->where.line, 5);
}

TEST(JsonReaderErrorTest, UnknownReference) {
  Diagnostics diags = LoadBad("bad/unknown_reference.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kUnknownReference);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->where.path, ::testing::StartsWith("$.projects[0]"));
  EXPECT_EQ(d->field, "unit");
  EXPECT_EQ(d->value, "U99");
  EXPECT_EQ(d->where.line, 7);
}

TEST(JsonReaderErrorTest, NegativeApproved) {
  Diagnostics diags = LoadBad("bad/negative_amount.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kNegativeAmount);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->where.path, ::testing::StartsWith("$.projects[0].funds[0]"));
  EXPECT_EQ(d->where.line, 7);
}

TEST(JsonReaderErrorTest, NegativeExecuted) {
  Diagnostics diags = LoadBad("bad/negative_executed.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kNegativeExecuted);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->where.path, ::testing::StartsWith("$.disbursements[0]"));
  EXPECT_EQ(d->where.line, 10);
}

TEST(JsonReaderErrorTest, WrongFormatName) {
  Diagnostics diags = LoadBad("bad/format.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kFormat);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.path, "$.format");
  EXPECT_EQ(d->value, "budget-data");
  EXPECT_EQ(d->where.line, 2);
  EXPECT_EQ(d->where.column, 13);
}

TEST(JsonReaderErrorTest, UnsupportedVersion) {
  Diagnostics diags = LoadBad("bad/version.json");
  const Diagnostic* d = Find(diags, DiagnosticKind::kFormat);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.path, "$.version");
  EXPECT_EQ(d->value, "2");
  EXPECT_EQ(d->where.line, 3);
}

TEST(JsonReaderErrorTest, ExponentIsRefused) {
  Diagnostics diags;
  EXPECT_FALSE(LoadDatasetJson(R"({"format": "perfbudget-dataset", "version": 1,
      "fiscal_year": {"year": 2022}, "units": [{"id": "U", "name": "u"}],
      "projects": [{"id": "P", "unit": "U", "name": "p", "requested": 1e6}]})",
                               {}, &diags)
                   .ok());
  const Diagnostic* d = FindPath(diags, "$.projects[0].requested");
  ASSERT_NE(d, nullptr) << Dump(diags);
  EXPECT_EQ(d->value, "1e6");
  EXPECT_THAT(d->message, HasSubstr("exponent"));
}

TEST(JsonReaderErrorTest, ReportsEveryProblem) {
  Diagnostics diags = LoadBad("bad/multi.json");
  struct Expected {
    std::string_view path;
    DiagnosticKind kind;
    int line;
  };
  const Expected expected[] = {
      {"$.fiscal_year.start_month", DiagnosticKind::kValue, 4},
      {"$.units[0].name", DiagnosticKind::kMissing, 5},
      {"$.units[1].nmae", DiagnosticKind::kValue, 5},
      {"$.projects[0].kind", DiagnosticKind::kEnumValue, 7},
      {"$.projects[0].key", DiagnosticKind::kType, 7},
      {"$.projects[0].funds[0].approved", DiagnosticKind::kSubFen, 8},
      {"$.projects[0].funds[1].source", DiagnosticKind::kMissing, 8},
      {"$.projects[1].requested", DiagnosticKind::kValue, 9},
      {"$.goals[0].project", DiagnosticKind::kMissing, 11},
      {"$.goals[0].indicators[0].level2", DiagnosticKind::kMissing, 11},
      {"$.disbursements[0].date", DiagnosticKind::kDate, 13},
      {"$.disbursements[1].amount", DiagnosticKind::kType, 14},
      {"$.evaluations[0].id", DiagnosticKind::kMissing, 16},
  };
  for (const Expected& e : expected) {
    const Diagnostic* d = FindPath(diags, e.path);
    ASSERT_NE(d, nullptr) << e.path << " not reported in:\n" << Dump(diags);
    EXPECT_EQ(d->kind, e.kind) << e.path;
    EXPECT_EQ(d->where.line, e.line) << e.path;
    EXPECT_GT(d->where.column, 0) << e.path;
  }
}

TEST(JsonReaderErrorTest, ErrorsAreBounded) {
  std::string doc = R"({"format": "perfbudget-dataset", "version": 1, "fiscal_year": {"year": 2022}, "units": [)";
  for (int i = 0; i < 50; ++i) doc += std::string(i ? "," : "") + R"({"id": 1, "name": 2})";
  doc += "]}";
  LoadOptions options;
  options.max_errors = 5;
  Diagnostics diags;
  EXPECT_FALSE(LoadDatasetJson(doc, options, &diags).ok());
  EXPECT_EQ(diags.size(), 5u);
  EXPECT_GE(diags.dropped(), 95u);
}

TEST(JsonReaderErrorTest, MissingFileIsAnIoError) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetJsonFile("/nonexistent/x.json", {}, &diags);
  ASSERT_FALSE(ds.ok());
  EXPECT_EQ(ds.status().code(), absl::StatusCode::kNotFound);
  const Diagnostic* d = Find(diags, DiagnosticKind::kIo);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.file, "/nonexistent/x.json");
}

}  // namespace
}  // namespace perfbudget
