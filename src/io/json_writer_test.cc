// Tests for DatasetToJson: exact output, determinism and round trips through
// LoadDatasetJson.
#include <stdlib.h>

#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/json.h"
#include "perfbudget/io/load.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;

std::string Dump(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.items()) out += d.ToString() + "\n";
  return out;
}

Dataset LoadOrDie(std::string_view text) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetJson(text, {}, &diags);
  EXPECT_TRUE(ds.ok()) << ds.status() << "\n" << Dump(diags) << "\n" << text;
  return ds.ok() ? *ds : Dataset();
}

std::string FixtureText(std::string_view rel) {
  absl::StatusOr<std::string> text =
      ReadFile(std::string(PERFBUDGET_SOURCE_DIR) + "/tests/data/json/" + std::string(rel));
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : std::string();
}

TEST(JsonWriterTest, MinimalDatasetExactText) {
  const Dataset ds = LoadOrDie(FixtureText("good/minimal.json"));
  EXPECT_EQ(DatasetToJson(ds),
            "{\n"
            "  \"format\": \"perfbudget-dataset\",\n"
            "  \"version\": 1,\n"
            "  \"jurisdiction\": {\n"
            "    \"code\": \"\",\n"
            "    \"name\": \"\"\n"
            "  },\n"
            "  \"fiscal_year\": {\n"
            "    \"year\": 2022,\n"
            "    \"start_month\": 1,\n"
            "    \"named_by_end\": false\n"
            "  },\n"
            "  \"title\": \"\",\n"
            "  \"units\": [],\n"
            "  \"projects\": [],\n"
            "  \"goals\": [],\n"
            "  \"disbursements\": [],\n"
            "  \"ex_ante\": [],\n"
            "  \"evaluations\": [],\n"
            "  \"rectifications\": []\n"
            "}\n");
  JsonWriteOptions compact;
  compact.pretty = false;
  EXPECT_EQ(DatasetToJson(ds, compact),
            R"({"format":"perfbudget-dataset","version":1,"jurisdiction":{"code":"","name":""},)"
            R"("fiscal_year":{"year":2022,"start_month":1,"named_by_end":false},"title":"",)"
            R"("units":[],"projects":[],"goals":[],"disbursements":[],"ex_ante":[],)"
            R"("evaluations":[],"rectifications":[]})");
}

TEST(JsonWriterTest, RoundTripIsByteIdentical) {
  for (bool pretty : {true, false}) {
    JsonWriteOptions options;
    options.pretty = pretty;
    const Dataset first = LoadOrDie(FixtureText("good/full.json"));
    const std::string json1 = DatasetToJson(first, options);
    const Dataset second = LoadOrDie(json1);
    const std::string json2 = DatasetToJson(second, options);
    EXPECT_EQ(json1, json2);
    EXPECT_EQ(DatasetToJson(second, options), json2);  // deterministic
  }
}

TEST(JsonWriterTest, AmountsAndRatiosAreExactText) {
  const Dataset ds = LoadOrDie(FixtureText("good/full.json"));
  const std::string json = DatasetToJson(ds);
  EXPECT_THAT(json, HasSubstr(R"("approved": "5000000.00")"));  // 500万元
  EXPECT_THAT(json, HasSubstr(R"("approved": "1234.56")"));     // JSON number
  EXPECT_THAT(json, HasSubstr(R"("approved": "0.10")"));
  EXPECT_THAT(json, HasSubstr(R"("approved": "12345678901234.56")"));
  EXPECT_THAT(json, HasSubstr(R"("amount": "-1000000.00")"));
  EXPECT_THAT(json, HasSubstr(R"("weight": "1/3")"));  // not a terminating decimal
  EXPECT_THAT(json, HasSubstr(R"("value": "3.5")"));
  EXPECT_THAT(json, HasSubstr(R"("target_high": "110.5")"));
  EXPECT_THAT(json, HasSubstr(R"("target": "≥50个")"));          // as written
  EXPECT_THAT(json, HasSubstr(R"("source": "land_transfer")"));  // codes, not labels
  EXPECT_THAT(json, HasSubstr(R"("title": "宿马园区 2022 年预算绩效 \"样例\"")"));
  EXPECT_THAT(json, ::testing::Not(HasSubstr("closed")));  // absent stays absent
}

// An indicator whose text and numbers disagree (as a C ABI caller may build
// it) is written in the exact form and reads back unchanged.
TEST(JsonWriterTest, InconsistentTargetUsesExactForm) {
  DatasetInfo info;
  info.fiscal_year = 2022;
  DatasetBuilder b(info);
  b.AddUnit(Unit{"U", "单位"});
  Goal g;
  g.id = "G";
  g.owner = GoalOwner::kUnit;
  g.unit_id = "U";
  Indicator a;
  a.id = "a";
  a.name = "n";
  a.comparator = Comparator::kGe;
  a.target_text = "about fifty";
  a.target = Ratio(50);
  a.unit_of_measure = "";
  Indicator c;
  c.id = "c";
  c.name = "n";
  c.comparator = Comparator::kGe;
  c.target = Ratio(1, 3);  // no text at all
  Indicator d;
  d.id = "d";
  d.name = "n";
  d.comparator = Comparator::kGe;
  d.target_text = "50个";  // the shorthand would give unit 个; the indicator has none
  d.target = Ratio(50);
  g.indicators = {a, c, d};
  b.AddGoal(g);
  absl::StatusOr<Dataset> ds = b.Build();
  ASSERT_TRUE(ds.ok()) << ds.status();
  const std::string json = DatasetToJson(*ds);
  EXPECT_THAT(json, HasSubstr(R"("target_text": "about fifty")"));
  EXPECT_THAT(json, HasSubstr(R"("target": "1/3")"));
  const Dataset back = LoadOrDie(json);
  const auto& inds = back.goals()[0].indicators;
  ASSERT_EQ(inds.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    const Indicator& want = ds->goals()[0].indicators[i];
    EXPECT_EQ(inds[i].target_text, want.target_text) << i;
    EXPECT_EQ(inds[i].target.has_value(), want.target.has_value()) << i;
    if (want.target) EXPECT_EQ(*inds[i].target, *want.target) << i;
    EXPECT_EQ(inds[i].unit_of_measure, want.unit_of_measure) << i;
    EXPECT_EQ(inds[i].comparator, want.comparator) << i;
  }
  EXPECT_EQ(DatasetToJson(back), json);
}

TEST(JsonWriterTest, EscapesControlCharacters) {
  DatasetInfo info;
  info.fiscal_year = 2022;
  info.title = std::string("a\"b\\c\nd\te\x01", 10);
  DatasetBuilder b(info);
  absl::StatusOr<Dataset> ds = b.Build();
  ASSERT_TRUE(ds.ok()) << ds.status();
  const std::string json = DatasetToJson(*ds);
  EXPECT_THAT(json, HasSubstr(R"("title": "a\"b\\c\nd\te\u0001")"));
  EXPECT_EQ(LoadOrDie(json).info().title, info.title);
}

}  // namespace
}  // namespace perfbudget

namespace perfbudget {
namespace {

TEST(JsonWriterTest, RoundTripsTheExampleDataset) {
  const std::string path =
      std::string(PERFBUDGET_SOURCE_DIR) + "/examples/suma-park-2022/dataset.json";
  absl::StatusOr<std::string> text = ReadFile(path);
  // The bundled example is required (docs/testing.md): missing, this fails.
  ASSERT_TRUE(text.ok()) << "the bundled example is required: " << text.status();
  const std::string json1 = DatasetToJson(LoadOrDie(*text));
  const std::string json2 = DatasetToJson(LoadOrDie(json1));
  EXPECT_EQ(json1, json2);
}

// JSON → CSV → JSON gives the same JSON bytes (perfbudget convert).
TEST(JsonWriterTest, JsonCsvJsonIsByteIdentical) {
  const Dataset first = LoadOrDie(FixtureText("good/full.json"));
  const std::string json1 = DatasetToJson(first);
  std::string dir = ::testing::TempDir() + "/pfb_json_csv_XXXXXX";
  ASSERT_NE(::mkdtemp(dir.data()), nullptr);
  ASSERT_TRUE(WriteDatasetCsv(first, dir + "/csv").ok());
  Diagnostics diags;
  absl::StatusOr<Dataset> back = LoadDatasetCsv(dir + "/csv", {}, &diags);
  ASSERT_TRUE(back.ok()) << back.status() << "\n" << Dump(diags);
  EXPECT_EQ(DatasetToJson(*back), json1);
}

}  // namespace
}  // namespace perfbudget
