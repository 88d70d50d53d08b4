// entry_points_test.cc: the same texts through every entry point that reads
// them — the JSON dataset reader, the CSV dataset reader, the C ABI (builder
// and pfb_money_parse) and target parsing — with the same verdict and the
// same kind of error everywhere (issue 9, "one codec per value kind").
//
// Each table row is a text, the codec's verdict (a value or a CodecError)
// and, where it matters, the value. Every entry point must accept exactly the
// rows the codec accepts, with the same value, and refuse the others with a
// diagnostic of DiagnosticKindOf(that error) at the field.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/amount.h"
#include "codec/bool.h"
#include "codec/date.h"
#include "codec/enum.h"
#include "codec/integer.h"
#include "codec/ratio.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/csv_test_util.h"
#include "model/target_text.h"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/json.h"
#include "perfbudget/io/json_text.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/pfb_core.h"

namespace perfbudget::codec {
namespace {

using csv_test::TempDir;
using csv_test::WriteAll;

// ---- the tables --------------------------------------------------------------

struct Case {
  std::string text;
  std::optional<CodecError> error;  // nullopt: accepted
};

std::string Digits(int n) { return std::string(static_cast<std::size_t>(n), '9'); }

const std::vector<Case>& RatioCases() {
  static const auto* cases = new std::vector<Case>{
      {"0.5", {}},
      {" 2 ", {}},
      {"-1", {}},
      {"20", {}},
      {"1/3", {}},
      {"-7/2", {}},
      {" 2 / 4 ", {}},
      {"1,234.5", {}},
      {"\xEF\xBC\x91\xEF\xBC\x92", {}},  // full-width １２
      {"\xE3\x80\x80"
       "95.5",
       {}},  // U+3000 before
      {Digits(38), {}},
      {"1.5/2", CodecError::kSyntax},
      {"1/-2", CodecError::kSyntax},
      {"1/0", CodecError::kSyntax},
      {"1/2.0", CodecError::kSyntax},
      {"1e3", CodecError::kSyntax},
      {"1E-2", CodecError::kSyntax},
      {"abc", CodecError::kSyntax},
      {"1.", CodecError::kSyntax},
      {".5", CodecError::kSyntax},
      {"--1", CodecError::kSyntax},
      {"1,23", CodecError::kSyntax},
      {Digits(39), CodecError::kOverflow},
      {"1/" + Digits(39), CodecError::kOverflow},
  };
  return *cases;
}

const std::vector<Case>& AmountCases() {
  static const auto* cases = new std::vector<Case>{
      {"1234.56", {}},
      {" 2400万元 ", {}},
      {"1.2亿元", {}},
      {"1,234.5", {}},
      {"-12.5", {}},
      {"￥100", {}},
      {"\xEF\xBC\x91\xEF\xBC\x92", {}},  // full-width １２
      {"92233720368547658.07", {}},      // + the approved 100 元 = the largest total
      {"1.234", CodecError::kSubFen},
      {"0.001", CodecError::kSubFen},
      {"12.3456789万元", CodecError::kSubFen},
      {"92233720368547758.08", CodecError::kOverflow},
      {"1" + std::string(25, '0'), CodecError::kOverflow},
      {"abc", CodecError::kSyntax},
      {"1e3", CodecError::kSyntax},
      {"1/2", CodecError::kSyntax},
      {"12元5角", CodecError::kSyntax},
      {"1.", CodecError::kSyntax},
      {"", CodecError::kEmpty},
      {"  ", CodecError::kEmpty},
  };
  return *cases;
}

const std::vector<Case>& DateCases() {
  static const auto* cases = new std::vector<Case>{
      {"2022-08-31", {}},
      {" 2022-08-31 ", {}},
      {"2024-02-29", {}},
      {"2022-02-30", CodecError::kOutOfRange},
      {"2022-13-01", CodecError::kOutOfRange},
      {"2022-00-10", CodecError::kOutOfRange},
      {"2022/08/31", CodecError::kSyntax},
      {"20220831", CodecError::kSyntax},
      {"2022-8-31", CodecError::kSyntax},
      {"2022年8月31日", CodecError::kSyntax},
      {"", CodecError::kEmpty},
  };
  return *cases;
}

const std::vector<Case>& FundSourceCases() {
  static const auto* cases = new std::vector<Case>{
      {"general_budget", {}},
      {" General_Budget ", {}},
      {"一般公共预算", {}},
      {"一般公共预算资金", {}},  // an alias
      {"\xE3\x80\x80transfer", {}},
      {"上级转移支付", {}},
      {"lottery", CodecError::kUnknownCode},
      {"general budget", CodecError::kUnknownCode},
      {"0", CodecError::kUnknownCode},
      {"", CodecError::kEmpty},
  };
  return *cases;
}

// projects[0].start_year(): 0..9999 (an optional field: empty is absent).
const std::vector<Case>& YearCases() {
  static const auto* cases = new std::vector<Case>{
      {"2020", {}},
      {" 2020 ", {}},
      {"+2020", {}},
      {"0", {}},
      {"9999", {}},
      {"10000", CodecError::kOutOfRange},
      {"-1", CodecError::kOutOfRange},
      {"99999999999999999999", CodecError::kOutOfRange},
      {"2020.0", CodecError::kSyntax},
      {"2020.5", CodecError::kSyntax},
      {"2e3", CodecError::kSyntax},
      {"2,020", CodecError::kSyntax},
      {"二〇二〇", CodecError::kSyntax},
  };
  return *cases;
}

const std::vector<Case>& BoolCases() {
  static const auto* cases = new std::vector<Case>{
      {"true", {}},
      {"否", {}},
      {" Y ", {}},
      {"0", {}},
      {"maybe", CodecError::kSyntax},
      {"2", CodecError::kSyntax},
  };
  return *cases;
}

// Whether a text is a JSON number (then the JSON entry point also gets it
// unquoted).
bool IsJsonNumberText(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  if (s[i] == '0' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') return false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
  }
  return i == s.size();
}

// ---- one small dataset, in each form -------------------------------------------

// The fields a case may set (text as written); the rest keep good defaults.
struct Fields {
  std::string unit_id = "U01";
  std::string source = "general_budget";   // funds[0].source
  std::string amount = "-100";             // adjustments[0].amount (may be negative)
  std::string weight = "20";               // indicators[0].weight
  std::optional<std::string> target_high;  // then comparator range, target -1000
  std::string date = "2022-08-31";         // actuals[0].date
  std::string key = "true";                // projects[0].key (CSV only)
  std::string start_year = "2020";         // projects[0].start_year() (a JSON number)
  bool json_numbers = false;               // amount, weight, target_high as JSON numbers
};

std::string JsonDoc(const Fields& f) {
  const auto num = [&](const std::string& s) { return f.json_numbers ? s : JsonQuote(s); };
  std::string target = R"("comparator": "ge", "target": "1")";
  if (f.target_high) {
    target = R"("comparator": "range", "target": "-1000", "target_high": )" + num(*f.target_high);
  }
  return R"({"format": "perfbudget-dataset", "version": 1, "fiscal_year": {"year": 2022},
  "units": [{"id": )" +
         JsonQuote(f.unit_id) + R"(, "name": "u"}],
  "projects": [{"id": "P1", "unit": "U01", "name": "p", "key": true, "start_year": )" +
         f.start_year + R"(,
    "funds": [{"source": )" +
         JsonQuote(f.source) + R"(, "approved": "100"}],
    "adjustments": [{"date": "2022-03-01", "amount": )" +
         num(f.amount) + R"(}]}],
  "goals": [{"id": "G1", "owner": "project", "project": "P1", "text": "t",
    "indicators": [{"id": "1", "level1": "output", "level2": "quantity", "name": "n",
      )" +
         target + R"(, "unit_of_measure": "个", "weight": )" + num(f.weight) + R"(,
      "actuals": [{"date": )" +
         JsonQuote(f.date) + R"(, "value": "8"}]}]}]})";
}

std::string Cell(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void WriteCsv(const std::filesystem::path& dir, const Fields& f) {
  std::filesystem::create_directories(dir);
  WriteAll(dir / "dataset.csv", "format,version,fiscal_year\nperfbudget-dataset,1,2022\n");
  WriteAll(dir / "units.csv", "id,name\n" + Cell(f.unit_id) + ",u\n");
  WriteAll(dir / "projects.csv", "id,unit,name,key,start_year\nP1,U01,p," + Cell(f.key) + "," +
                                     Cell(f.start_year) + "\n");
  WriteAll(dir / "funds.csv", "project,source,approved\nP1," + Cell(f.source) + ",100\n");
  WriteAll(dir / "adjustments.csv", "project,date,amount\nP1,2022-03-01," + Cell(f.amount) + "\n");
  WriteAll(dir / "goals.csv", "id,owner,project,text\nG1,project,P1,t\n");
  const std::string target =
      f.target_high ? "range,-1000," + Cell(*f.target_high) : std::string("ge,1,");
  WriteAll(dir / "indicators.csv",
           "goal,id,level1,level2,name,comparator,target,target_high,unit_of_measure,weight\n"
           "G1,1,output,quantity,n," +
               target + ",个," + Cell(f.weight) + "\n");
  WriteAll(dir / "actuals.csv", "goal,indicator,date,value\nG1,1," + Cell(f.date) + ",8\n");
}

// What an entry point made of a dataset: the dataset, or its diagnostics.
struct Outcome {
  std::optional<Dataset> dataset;
  Diagnostics diagnostics;
};

Outcome LoadJson(const Fields& f) {
  Outcome o;
  absl::StatusOr<Dataset> ds = LoadDatasetJson(JsonDoc(f), {}, &o.diagnostics);
  if (ds.ok()) o.dataset = *std::move(ds);
  return o;
}

Outcome LoadCsv(const Fields& f, const std::filesystem::path& dir) {
  WriteCsv(dir, f);
  Outcome o;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(dir.string(), {}, &o.diagnostics);
  if (ds.ok()) o.dataset = *std::move(ds);
  return o;
}

// The same dataset through the C builder; the diagnostics are the build
// error's (a rejected add_* row is one of them).
Outcome BuildC(const Fields& f) {
  Outcome o;
  pfb_builder* b = nullptr;
  EXPECT_EQ(pfb_builder_create("", "", 2022, 1, 0, "", &b, nullptr), PFB_OK);
  pfb_builder_add_unit(b, f.unit_id.c_str(), "u", nullptr);
  pfb_builder_add_project(b, "P1", "U01", "p", nullptr, PFB_PROJECT_NEW, PFB_STATUS_IN_PROGRESS, 0,
                          0, PFB_PROJECT_KEY, nullptr);
  pfb_builder_add_fund_line(b, "P1", PFB_FUND_GENERAL_BUDGET, 10000, 0, nullptr);
  pfb_builder_add_goal(b, "G1", PFB_GOAL_PROJECT, "P1", nullptr, "t", nullptr);
  const bool range = f.target_high.has_value();
  pfb_builder_add_indicator(b, "G1", "1", PFB_L1_OUTPUT, PFB_L2_QUANTITY, "n",
                            range ? PFB_CMP_RANGE : PFB_CMP_GE, range ? "-1000" : "1",
                            range ? f.target_high->c_str() : nullptr, "个", f.weight.c_str(),
                            nullptr, PFB_VALUE_SOURCE_UNSPECIFIED, nullptr, nullptr);
  pfb_builder_add_actual(b, "G1", "1", 20220831, "8", PFB_GRADE_NONE, nullptr, nullptr);
  pfb_dataset* ds = nullptr;
  pfb_error* err = nullptr;
  if (pfb_builder_build(b, &ds, &err) == PFB_OK) {
    // Read it back through the JSON writer and reader (both exact).
    char* json = nullptr;
    std::size_t len = 0;
    EXPECT_EQ(pfb_dataset_to_json(ds, 0, &json, &len, nullptr), PFB_OK);
    absl::StatusOr<Dataset> back = LoadDatasetJson(std::string_view(json, len));
    EXPECT_TRUE(back.ok()) << back.status();
    if (back.ok()) o.dataset = *std::move(back);
    pfb_string_free(json);
  } else {
    for (std::uint32_t i = 0; i < pfb_error_diagnostic_count(err); ++i) {
      Diagnostic d;
      d.kind = static_cast<DiagnosticKind>(pfb_error_diagnostic_kind(err, i));
      d.field = pfb_error_diagnostic_field(err, i);
      d.message = pfb_error_diagnostic_message(err, i);
      o.diagnostics.Add(d);
    }
  }
  pfb_error_destroy(err);
  pfb_dataset_destroy(ds);
  pfb_builder_destroy(b);
  return o;
}

std::string Dump(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.items()) out += "  " + d.ToString() + "\n";
  return out;
}

// Checks an outcome against the codec's verdict: accepted with `check`
// passing on the dataset, or refused with a first diagnostic at `field` (its
// field, or named in its message). The readers report only that one; the C
// builder may report follow-on problems of the rejected row (an actual of an
// indicator that was not added).
void Expect(const std::string& entry, const Case& c, const Outcome& o, std::string_view field,
            const std::function<void(const Dataset&)>& check) {
  SCOPED_TRACE(entry + " \"" + c.text + "\"");
  if (!c.error) {
    ASSERT_TRUE(o.dataset.has_value()) << "refused:\n" << Dump(o.diagnostics);
    check(*o.dataset);
    return;
  }
  ASSERT_FALSE(o.dataset.has_value()) << "accepted";
  ASSERT_FALSE(o.diagnostics.empty());
  if (entry.find("C builder") == std::string::npos) {
    EXPECT_EQ(o.diagnostics.size(), 1u) << Dump(o.diagnostics);
  }
  const Diagnostic& d = o.diagnostics.items()[0];
  EXPECT_TRUE(d.field == field || d.message.find(std::string(field)) != std::string::npos)
      << Dump(o.diagnostics);
}

void ExpectKind(const std::string& entry, const Case& c, const Outcome& o, DiagnosticKind kind) {
  if (!c.error || o.diagnostics.empty()) return;
  EXPECT_EQ(CodeOf(o.diagnostics.items()[0].kind), CodeOf(kind))
      << entry << " \"" << c.text << "\"\n"
      << Dump(o.diagnostics);
}

// ---- the tests -------------------------------------------------------------------

TEST(EntryPointsTest, Ratio) {
  TempDir tmp;
  int n = 0;
  for (const Case& c : RatioCases()) {
    Decoded<Ratio> codec = DecodeRatio(c.text);
    ASSERT_EQ(codec.ok(), !c.error.has_value()) << c.text << ": " << codec.message();
    if (c.error) ASSERT_EQ(codec.error(), *c.error) << c.text;
    const DiagnosticKind kind =
        c.error ? DiagnosticKindOf(codec.failure()) : DiagnosticKind::kValue;
    const auto weight_is = [&](const Dataset& ds) {
      EXPECT_EQ(ds.goals()[0].indicators[0].weight, *codec) << c.text;
    };
    const auto high_is = [&](const Dataset& ds) {
      EXPECT_EQ(ds.goals()[0].indicators[0].target_high, *codec) << c.text;
    };
    for (bool high : {false, true}) {
      Fields f;
      if (high) {
        f.target_high = c.text;
      } else {
        f.weight = c.text;
      }
      const std::string field = high ? "target_high" : "weight";
      const auto check = [&](const Dataset& ds) { high ? high_is(ds) : weight_is(ds); };
      const std::string where = " (" + field + ")";
      Outcome json = LoadJson(f);
      Expect("JSON" + where, c, json, field, check);
      ExpectKind("JSON" + where, c, json, kind);
      if (IsJsonNumberText(c.text)) {
        f.json_numbers = true;
        Outcome number = LoadJson(f);
        Expect("JSON number" + where, c, number, field, check);
        ExpectKind("JSON number" + where, c, number, kind);
        f.json_numbers = false;
      }
      Outcome csv = LoadCsv(f, tmp.path() / std::to_string(n++));
      Expect("CSV" + where, c, csv, field, check);
      ExpectKind("CSV" + where, c, csv, kind);
      Outcome capi = BuildC(f);
      Expect("C builder" + where, c, capi, field, check);
      ExpectKind("C builder" + where, c, capi, kind);
    }
    // Target parsing: the explicit high end, and a bare target.
    Indicator ind;
    CodecFailure failure;
    absl::Status resolved =
        ResolveIndicatorTarget("1", c.text, Comparator::kRange, "", &ind, &failure);
    EXPECT_EQ(resolved.ok(), !c.error.has_value()) << c.text;
    if (c.error && !resolved.ok()) EXPECT_EQ(failure.error, *c.error) << c.text;
    if (!c.error) EXPECT_EQ(ind.target_high, *codec) << c.text;
    Decoded<ParsedTarget> target = DecodeTargetText(c.text);
    EXPECT_EQ(target.ok(), !c.error.has_value()) << c.text;
    if (c.error && !target.ok()) EXPECT_EQ(target.error(), *c.error) << c.text;
    if (!c.error && target.ok()) {
      EXPECT_EQ(target->value, *codec) << c.text;
      EXPECT_FALSE(target->comparator.has_value()) << c.text;
      EXPECT_EQ(target->unit_of_measure, "") << c.text;
    }
  }
}

TEST(EntryPointsTest, Amount) {
  TempDir tmp;
  int n = 0;
  for (const Case& c : AmountCases()) {
    Decoded<Money> codec = DecodeAmount(c.text);
    ASSERT_EQ(codec.ok(), !c.error.has_value()) << c.text << ": " << codec.message();
    if (c.error) ASSERT_EQ(codec.error(), *c.error) << c.text;
    const DiagnosticKind kind =
        c.error ? DiagnosticKindOf(codec.failure()) : DiagnosticKind::kValue;
    const auto check = [&](const Dataset& ds) {
      EXPECT_EQ(ds.projects()[0].adjustments()[0].amount(), *codec) << c.text;
    };
    Fields f;
    f.amount = c.text;
    Outcome json = LoadJson(f);
    Expect("JSON", c, json, "amount", check);
    ExpectKind("JSON", c, json, kind);
    if (IsJsonNumberText(c.text)) {
      f.json_numbers = true;
      Outcome number = LoadJson(f);
      Expect("JSON number", c, number, "amount", check);
      ExpectKind("JSON number", c, number, kind);
      f.json_numbers = false;
    }
    Outcome csv = LoadCsv(f, tmp.path() / std::to_string(n++));
    Expect("CSV", c, csv, "amount", check);
    ExpectKind("CSV", c, csv, kind);
    // The C ABI takes fen; its amount text entry point is pfb_money_parse.
    std::int64_t fen = 0;
    pfb_error* err = nullptr;
    const std::int32_t code =
        pfb_money_parse(c.text.data(), c.text.size(), PFB_UNIT_YUAN, &fen, &err);
    if (!c.error) {
      EXPECT_EQ(code, PFB_OK) << c.text;
      EXPECT_EQ(fen, codec->fen()) << c.text;
    } else {
      EXPECT_EQ(code, *c.error == CodecError::kOverflow ? PFB_OUT_OF_RANGE : PFB_INVALID_ARGUMENT)
          << c.text;
      EXPECT_EQ(std::string(pfb_error_message(err)), codec.message()) << c.text;
    }
    pfb_error_destroy(err);
  }
}

TEST(EntryPointsTest, Date) {
  TempDir tmp;
  int n = 0;
  for (const Case& c : DateCases()) {
    Decoded<Date> codec = DecodeDate(c.text);
    ASSERT_EQ(codec.ok(), !c.error.has_value()) << c.text << ": " << codec.message();
    if (c.error) ASSERT_EQ(codec.error(), *c.error) << c.text;
    const DiagnosticKind kind =
        c.error ? DiagnosticKindOf(codec.failure()) : DiagnosticKind::kValue;
    const auto check = [&](const Dataset& ds) {
      EXPECT_EQ(ds.goals()[0].indicators[0].actuals[0].date, *codec) << c.text;
    };
    Fields f;
    f.date = c.text;
    Outcome json = LoadJson(f);
    Expect("JSON", c, json, "date", check);
    ExpectKind("JSON", c, json, kind);
    Outcome csv = LoadCsv(f, tmp.path() / std::to_string(n++));
    Expect("CSV", c, csv, "date", check);
    ExpectKind("CSV", c, csv, kind);
    // (The C ABI takes dates as int32 yyyymmdd, not as text.)
  }
}

TEST(EntryPointsTest, Enum) {
  TempDir tmp;
  int n = 0;
  for (const Case& c : FundSourceCases()) {
    Decoded<FundSource> codec = DecodeEnum(&ParseFundSource, c.text);
    ASSERT_EQ(codec.ok(), !c.error.has_value()) << c.text << ": " << codec.message();
    if (c.error) ASSERT_EQ(codec.error(), *c.error) << c.text;
    const DiagnosticKind kind =
        c.error ? DiagnosticKindOf(codec.failure()) : DiagnosticKind::kValue;
    const auto check = [&](const Dataset& ds) {
      EXPECT_EQ(ds.projects()[0].funds()[0].source, *codec) << c.text;
    };
    Fields f;
    f.source = c.text;
    Outcome json = LoadJson(f);
    Expect("JSON", c, json, "source", check);
    ExpectKind("JSON", c, json, kind);
    Outcome csv = LoadCsv(f, tmp.path() / std::to_string(n++));
    Expect("CSV", c, csv, "source", check);
    ExpectKind("CSV", c, csv, kind);
    // (The C ABI takes enums as int32 PFB_* constants, not as text.)
  }
}

TEST(EntryPointsTest, Integer) {
  TempDir tmp;
  int n = 0;
  for (const Case& c : YearCases()) {
    Decoded<int> codec = DecodeInteger(c.text, 0, 9999);
    ASSERT_EQ(codec.ok(), !c.error.has_value()) << c.text << ": " << codec.message();
    if (c.error) ASSERT_EQ(codec.error(), *c.error) << c.text;
    const DiagnosticKind kind =
        c.error ? DiagnosticKindOf(codec.failure()) : DiagnosticKind::kValue;
    const auto check = [&](const Dataset& ds) {
      EXPECT_EQ(ds.projects()[0].start_year(), *codec) << c.text;
    };
    Fields f;
    f.start_year = c.text;
    // JSON takes a JSON number here (a string is a type error, not a year).
    if (IsJsonNumberText(c.text)) {
      Outcome json = LoadJson(f);
      Expect("JSON", c, json, "start_year", check);
      ExpectKind("JSON", c, json, kind);
    }
    Outcome csv = LoadCsv(f, tmp.path() / std::to_string(n++));
    Expect("CSV", c, csv, "start_year", check);
    ExpectKind("CSV", c, csv, kind);
    // (The C ABI takes int32.)
  }
}

TEST(EntryPointsTest, Bool) {
  TempDir tmp;
  int n = 0;
  for (const Case& c : BoolCases()) {
    Decoded<bool> codec = DecodeBool(c.text);
    ASSERT_EQ(codec.ok(), !c.error.has_value()) << c.text;
    const DiagnosticKind kind =
        c.error ? DiagnosticKindOf(codec.failure()) : DiagnosticKind::kValue;
    Fields f;
    f.key = c.text;
    // Only CSV reads booleans from text (JSON has true/false, C has flags).
    Outcome csv = LoadCsv(f, tmp.path() / std::to_string(n++));
    Expect("CSV", c, csv, "key",
           [&](const Dataset& ds) { EXPECT_EQ(ds.projects()[0].is_key(), *codec) << c.text; });
    ExpectKind("CSV", c, csv, kind);
  }
}

TEST(EntryPointsTest, IdsAreTrimmedEverywhere) {
  TempDir tmp;
  int n = 0;
  for (const Case& c : std::vector<Case>{{"U01", {}},
                                         {" U01 ", {}},
                                         {"\xE3\x80\x80U01\xC2\xA0", {}},
                                         {"", CodecError::kEmpty},
                                         {"  ", CodecError::kEmpty}}) {
    const auto check = [&](const Dataset& ds) {
      EXPECT_EQ(ds.units()[0].id(), "U01");
      EXPECT_EQ(ds.FindUnit("U01"), 0u);
    };
    Fields f;
    f.unit_id = c.text;
    for (auto [entry, o] : {std::pair<std::string, Outcome>{"JSON", LoadJson(f)},
                            {"CSV", LoadCsv(f, tmp.path() / std::to_string(n++))},
                            {"C builder", BuildC(f)}}) {
      // An empty unit id also leaves the project's reference unresolved.
      if (c.error) {
        SCOPED_TRACE(entry + " \"" + c.text + "\"");
        ASSERT_FALSE(o.dataset.has_value());
        ASSERT_FALSE(o.diagnostics.empty());
        EXPECT_EQ(CodeOf(o.diagnostics.items()[0].kind), CodeOf(DiagnosticKind::kMissing))
            << Dump(o.diagnostics);
      } else {
        Expect(entry, c, o, "id", check);
      }
    }
  }
}

}  // namespace
}  // namespace perfbudget::codec
