// Tests for LoadDatasetJson: good documents, exact numbers, the target
// shorthand, and one test per loader error class of docs/format.md
// "Validation" (fixtures in tests/data/json/).
#include <ostream>
#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "perfbudget/io/json.h"
#include "perfbudget/io/load.h"

namespace perfbudget {
namespace {

using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Matcher;
using ::testing::StartsWith;

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
  EXPECT_FALSE(ds->info().as_of.has_value());
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
  EXPECT_EQ(info.as_of, Date::Parse("2022-08-31").value());
  ASSERT_EQ(ds->units().size(), 2u);
  ASSERT_EQ(ds->projects().size(), 2u);
  const ProjectView p1 = ds->projects()[0];
  EXPECT_EQ(p1.id(), "P001");
  EXPECT_EQ(p1.unit_id(), "U01");
  EXPECT_EQ(p1.category(), "市政管护");
  EXPECT_EQ(p1.kind(), ProjectKind::kContinuing);
  EXPECT_TRUE(p1.is_key());
  EXPECT_EQ(p1.status(), ProjectStatus::kInProgress);
  EXPECT_EQ(p1.start_year(), 2020);
  EXPECT_EQ(p1.requested().fen(), 520'0000'00);
  ASSERT_EQ(p1.funds().size(), 3u);
  EXPECT_EQ(p1.funds()[0].approved.fen(), 500'0000'00);
  EXPECT_EQ(p1.funds()[1].source, FundSource::kLandTransfer);  // by Chinese label
  EXPECT_EQ(p1.funds()[1].approved.fen(), 123456);             // JSON number 1234.56, exact
  EXPECT_EQ(p1.funds()[2].approved.fen(), 10);                 // "0.1"
  EXPECT_EQ(p1.funds()[2].origin_year, 2021);
  ASSERT_EQ(p1.adjustments().size(), 1u);
  EXPECT_EQ(p1.adjustments()[0].amount().fen(), -100'0000'00);
  EXPECT_EQ(p1.adjustments()[0].date().ToString(), "2022-09-15");
  EXPECT_EQ(p1.adjustments()[0].reason(), "压减");
  ASSERT_EQ(p1.payment_plan().size(), 1u);
  EXPECT_EQ(p1.payment_plan()[0].amount.fen(), 120'0000'00);
  EXPECT_TRUE(p1.disclosure().with_budget);
  EXPECT_FALSE(p1.disclosure().with_approval);
  const ProjectView p2 = ds->projects()[1];
  EXPECT_EQ(p2.kind(), ProjectKind::kNew);  // "新增"
  EXPECT_EQ(p2.status(), ProjectStatus::kPlanned);
  EXPECT_EQ(p2.funds()[0].approved.fen(), 1234567890123456);  // 12345678901234.56 yuan

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
  const DisbursementTable& disb = ds->disbursements();  // input order: RowOfInput
  EXPECT_EQ(disb[disb.RowOfInput(0)].amount().fen(), 35'0000'00);
  EXPECT_EQ(disb[disb.RowOfInput(3)].id(), "");
  EXPECT_EQ(disb[disb.RowOfInput(3)].source(), FundSource::kTransfer);
  EXPECT_EQ(disb[disb.RowOfInput(3)].amount().fen(), 123456);  // "1,234.56"

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
  EXPECT_TRUE(e.published_with_final_accounts);

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
  const ProjectView p = ds->projects()[0];
  EXPECT_EQ(p.funds()[0].approved.fen(), 1234567890123456);
  EXPECT_EQ(p.funds()[1].approved.fen() + p.funds()[2].approved.fen(), 30);
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
      "\xEF\xBB\xBF{\"format\": \"perfbudget-dataset\", \"version\": 1, \"fiscal_year\": "
      "{\"year\": 2022}}";
  absl::StatusOr<Dataset> ds = LoadDatasetJson(doc);
  EXPECT_TRUE(ds.ok()) << ds.status();
}

// ---- one test per error class -------------------------------------------------

// A document that does not load: the first diagnostic of `kind` must match
// every matcher given (a field left out is not checked). A fixture is loaded
// with LoadBad; an inline document as "in.json".
struct BadDocument {
  std::string_view name;           // the test's name
  std::string_view fixture = {};   // under tests/data/json/, or
  std::string_view document = {};  // the text itself
  DiagnosticKind kind;
  Matcher<const std::string&> file = _;
  Matcher<const std::string&> path = _;
  Matcher<const std::string&> field = _;
  Matcher<const std::string&> value = _;
  Matcher<int> line = _;
  Matcher<int> column = _;
  Matcher<const std::string&> message = _;
  Matcher<const std::string&> expected = _;
};

void PrintTo(const BadDocument& c, std::ostream* os) { *os << c.name; }

const BadDocument kBadDocuments[] = {
    {.name = "Syntax",
     .fixture = "bad/syntax.json",
     .kind = DiagnosticKind::kSyntax,
     .file = FixturePath("bad/syntax.json"),
     .value = StartsWith("\"name\""),
     .line = 7,
     // {"id": "P001", "unit": "U01" "name" — the column of the second "name" (in characters).
     .column = 34,
     .message = HasSubstr("expected ',' or '}'")},
    {.name = "SyntaxEmptyDocument",
     .document = "",
     .kind = DiagnosticKind::kSyntax,
     .file = "in.json",
     .line = 1,
     .column = 1,
     .message = HasSubstr("empty")},
    {.name = "SyntaxMissingComma",
     .document = "{\"format\": \"x\",\n  \"version\": 1",
     .kind = DiagnosticKind::kSyntax,
     .file = "in.json",
     .line = 2,
     .column = 15,
     .message = HasSubstr("expected ',' or '}'")},
    {.name = "SyntaxTextAfterTheEnd",
     .document = "{\"format\": \"perfbudget-dataset\"} x",
     .kind = DiagnosticKind::kSyntax,
     .file = "in.json",
     .line = 1,
     .column = 34,
     .message = HasSubstr("after the end")},
    {.name = "SyntaxUnterminatedString",
     .document = "{\"title\": \"abc",
     .kind = DiagnosticKind::kSyntax,
     .file = "in.json",
     .line = 1,
     .column = 11,
     .message = HasSubstr("unterminated string")},
    {.name = "SyntaxInvalidLiteral",
     .document = "{\n  \"title\": tru\n}",
     .kind = DiagnosticKind::kSyntax,
     .file = "in.json",
     .line = 2,
     .column = 12,
     .message = HasSubstr("invalid literal")},
    {.name = "SyntaxLeadingZero",
     .document = "{\"version\": 01}",
     .kind = DiagnosticKind::kSyntax,
     .file = "in.json",
     .line = 1,
     .column = 14,
     .message = HasSubstr("invalid number")},
    {.name = "SyntaxControlCharacter",
     .document = "{\"title\": \"a\x01\"}",
     .kind = DiagnosticKind::kSyntax,
     .file = "in.json",
     .line = 1,
     .column = 13,
     .message = HasSubstr("control character")},
    {.name = "SyntaxInvalidUtf8",
     .document = "{\"title\": \"\xC3\x28\"}",
     .kind = DiagnosticKind::kSyntax,
     .file = "in.json",
     .line = 1,
     .column = 12,
     .message = HasSubstr("invalid UTF-8")},
    {.name = "SyntaxTrailingComma",
     .document = "{\"units\": [1, ]}",
     .kind = DiagnosticKind::kSyntax,
     .file = "in.json",
     .line = 1,
     .column = 15,
     .message = HasSubstr("expected a value")},
    {.name = "RootNotAnObject",
     .document = "[1, 2]",
     .kind = DiagnosticKind::kType,
     .path = "$",
     .message = HasSubstr("an array")},
    {.name = "WrongType",
     .fixture = "bad/type.json",
     .kind = DiagnosticKind::kType,
     .path = "$.projects[0].name",
     .field = "name",
     .value = "42",
     .line = 7,
     .column = 43,
     .message = HasSubstr("a number"),
     .expected = "a string"},
    {.name = "MissingRequiredField",
     .fixture = "bad/missing.json",
     .kind = DiagnosticKind::kMissing,
     .path = "$.projects[0].unit",
     .field = "unit",
     .line = 7,
     .column = 5,  // the record's opening brace
     .message = HasSubstr("required field `unit`")},
    {.name = "UnknownEnumValueListsTheCodes",
     .fixture = "bad/enum_value.json",
     .kind = DiagnosticKind::kEnumValue,
     .path = "$.projects[0].funds[0].source",
     .field = "source",
     .value = "generic",
     .line = 7,
     .expected = HasSubstr("general_budget, government_fund, land_transfer")},
    {.name = "SubFenAmount",
     .fixture = "bad/sub_fen.json",
     .kind = DiagnosticKind::kSubFen,
     .path = "$.projects[0].funds[0].approved",
     .field = "approved",
     .value = "500.001",
     .line = 7},
    {.name = "AmountOverflow",
     .fixture = "bad/overflow.json",
     .kind = DiagnosticKind::kOverflow,
     .path = "$.projects[0].funds[0].approved",
     .value = "99999999999999999999"},
    {.name = "TotalOverflow",
     .fixture = "bad/overflow_total.json",
     .kind = DiagnosticKind::kOverflow,
     .path = StartsWith("$.projects[0]"),
     .line = 7},
    {.name = "BadDate",
     .fixture = "bad/date.json",
     .kind = DiagnosticKind::kDate,
     .path = "$.disbursements[0].date",
     .field = "date",
     .value = "2022-02-30",
     .line = 10},
    {.name = "DateOutsideFiscalYear",
     .fixture = "bad/date_out_of_year.json",
     .kind = DiagnosticKind::kDateOutOfYear,
     .path = StartsWith("$.disbursements[0]"),
     .field = "date",
     .value = "2023-01-05",
     .line = 10},
    {.name = "DuplicateId",
     .fixture = "bad/duplicate_id.json",
     .kind = DiagnosticKind::kDuplicateId,
     .path = StartsWith("$.units[1]"),
     .value = "U01",
     .line = 5},
    {.name = "UnknownReference",
     .fixture = "bad/unknown_reference.json",
     .kind = DiagnosticKind::kUnknownReference,
     .path = StartsWith("$.projects[0]"),
     .field = "unit",
     .value = "U99",
     .line = 7},
    {.name = "NegativeApproved",
     .fixture = "bad/negative_amount.json",
     .kind = DiagnosticKind::kNegativeAmount,
     .path = StartsWith("$.projects[0].funds[0]"),
     .line = 7},
    {.name = "NegativeExecuted",
     .fixture = "bad/negative_executed.json",
     .kind = DiagnosticKind::kNegativeExecuted,
     .path = StartsWith("$.disbursements[0]"),
     .line = 10},
    {.name = "WrongFormatName",
     .fixture = "bad/format.json",
     .kind = DiagnosticKind::kFormat,
     .path = "$.format",
     .value = "budget-data",
     .line = 2,
     .column = 13},
    {.name = "UnsupportedVersion",
     .fixture = "bad/version.json",
     .kind = DiagnosticKind::kFormat,
     .path = "$.version",
     .value = "2",
     .line = 3},
    {.name = "BadAsOfDate",
     .document = "{\"format\": \"perfbudget-dataset\", \"version\": 1,\n"
                 " \"fiscal_year\": {\"year\": 2022}, \"as_of\": \"2022-13-01\"}",
     .kind = DiagnosticKind::kDate,
     .path = "$.as_of",
     .value = "2022-13-01",
     .line = 2,
     .column = 42},
    {.name = "AsOfOutsideTheYear",
     .document = "{\"format\": \"perfbudget-dataset\", \"version\": 1,\n"
                 " \"as_of\": \"2023-01-05\", \"fiscal_year\": {\"year\": 2022}}",
     .kind = DiagnosticKind::kDateOutOfYear,
     .path = "$.as_of",
     .field = "as_of",
     .value = "2023-01-05",
     .line = 2,
     .column = 11,
     .expected = HasSubstr("2022-01-01 .. 2022-12-31")},
};

class JsonReaderBadDocumentTest : public ::testing::TestWithParam<BadDocument> {};

TEST_P(JsonReaderBadDocumentTest, ReportsTheDiagnostic) {
  const BadDocument& c = GetParam();
  Diagnostics diags;
  if (!c.fixture.empty()) {
    diags = LoadBad(c.fixture);
  } else {
    EXPECT_FALSE(LoadDatasetJson(c.document, {}, &diags, "in.json").ok());
  }
  SCOPED_TRACE("diagnostics:\n" + Dump(diags));
  const Diagnostic* d = Find(diags, c.kind);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->where.file, c.file);
  EXPECT_THAT(d->where.path, c.path);
  EXPECT_THAT(d->field, c.field);
  EXPECT_THAT(d->value, c.value);
  EXPECT_THAT(d->where.line, c.line);
  EXPECT_THAT(d->where.column, c.column);
  EXPECT_THAT(d->message, c.message);
  EXPECT_THAT(d->expected, c.expected);
}

INSTANTIATE_TEST_SUITE_P(JsonReaderError, JsonReaderBadDocumentTest,
                         ::testing::ValuesIn(kBadDocuments),
                         [](const ::testing::TestParamInfo<BadDocument>& info) {
                           return std::string(info.param.name);
                         });

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
      {"$.projects[1].requested", DiagnosticKind::kType, 9},  // 1e6: not an amount
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
  std::string doc =
      R"({"format": "perfbudget-dataset", "version": 1, "fiscal_year": {"year": 2022}, "units": [)";
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
