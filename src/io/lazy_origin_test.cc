// lazy_origin_test.cc: problems found by DatasetBuilder::Build in loaded data
// name the same file, line, column and path as when every record carried its
// origin in full (records now carry a compact locator resolved on demand).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/json.h"

namespace perfbudget {
namespace {

const Diagnostic* FindKind(const Diagnostics& diags, DiagnosticKind kind) {
  for (const Diagnostic& d : diags.items()) {
    if (d.kind == kind) return &d;
  }
  return nullptr;
}

// Line 1 is "{"; each record below sits on its own line.
constexpr char kDoc[] = R"({
"format": "perfbudget-dataset", "version": 1, "fiscal_year": {"year": 2022},
"units": [{"id": "U1", "name": "甲"},
  {"id": "U1", "name": "乙"}],
"projects": [{"id": "P1", "unit": "U1", "name": "路",
  "funds": [{"source": "general_budget", "approved": "10"},
            {"source": "general_budget", "approved": "-5"}]},
  {"id": "P2", "unit": "U9", "name": "桥"}],
"goals": [{"id": "G1", "owner": "project", "project": "P1", "indicators": [
  {"id": "a", "level1": "output", "level2": "quantity", "name": "甲", "target": "≥1"},
    {"id": "a", "level1": "output", "level2": "quantity", "name": "乙", "target": "≥2"}]}],
"disbursements": [{"project": "P1", "date": "2022-01-05", "amount": "1"},
  {"project": "P7", "date": "2022-01-06", "amount": "1"}]
})";

TEST(LazyOriginTest, JsonBuildProblemsNameTheirRecord) {
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetJson(kDoc, {}, &diags, "doc.json");
  ASSERT_FALSE(ds.ok());

  const Diagnostic* dup_unit = FindKind(diags, DiagnosticKind::kDuplicateId);
  ASSERT_NE(dup_unit, nullptr);
  EXPECT_EQ(dup_unit->where.file, "doc.json");
  EXPECT_EQ(dup_unit->where.line, 4);
  EXPECT_EQ(dup_unit->where.column, 3);
  EXPECT_EQ(dup_unit->where.path, "$.units[1].id");
  EXPECT_EQ(dup_unit->where.locator, 0u);
  EXPECT_NE(dup_unit->message.find("first at line 3"), std::string::npos) << dup_unit->message;

  bool saw_unit_ref = false, saw_negative = false, saw_indicator = false, saw_disb = false;
  for (const Diagnostic& d : diags.items()) {
    if (d.kind == DiagnosticKind::kUnknownReference && d.where.path == "$.projects[1].unit") {
      saw_unit_ref = true;
      EXPECT_EQ(d.where.line, 8);
      EXPECT_EQ(d.where.column, 3);
    }
    if (d.kind == DiagnosticKind::kNegativeAmount) {
      saw_negative = true;
      // Build reports it at the project's place.
      EXPECT_EQ(d.where.path, "$.projects[0].funds[1].approved");
      EXPECT_EQ(d.where.line, 5);
      EXPECT_EQ(d.where.column, 14);
    }
    if (d.kind == DiagnosticKind::kDuplicateId && d.where.path.starts_with("$.goals")) {
      saw_indicator = true;
      EXPECT_EQ(d.where.path, "$.goals[0].indicators[1].id");
      EXPECT_EQ(d.where.line, 11);
      EXPECT_EQ(d.where.column, 5);
    }
    if (d.kind == DiagnosticKind::kUnknownReference &&
        d.where.path == "$.disbursements[1].project") {
      saw_disb = true;
      EXPECT_EQ(d.where.line, 13);
      EXPECT_EQ(d.where.column, 3);
    }
  }
  EXPECT_TRUE(saw_unit_ref);
  EXPECT_TRUE(saw_negative);
  EXPECT_TRUE(saw_indicator);
  EXPECT_TRUE(saw_disb);
}

TEST(LazyOriginTest, ValidDocumentLoads) {
  std::string doc = kDoc;
  auto replace = [&](std::string_view from, std::string_view to) {
    const std::size_t at = doc.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    doc.replace(at, from.size(), to);
  };
  // Remove the problems.
  replace(R"({"id": "U1", "name": "乙"})", R"({"id": "U2", "name": "乙"})");
  replace(R"("-5")", R"("5")");
  replace(R"("U9")", R"("U2")");
  replace(R"({"id": "a", "level1": "output", "level2": "quantity", "name": "乙")",
          R"({"id": "b", "level1": "output", "level2": "quantity", "name": "乙")");
  replace(R"("P7")", R"("P2")");
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetJson(doc, {}, &diags, "doc.json");
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_EQ(ds->units().size(), 2u);
  ASSERT_EQ(ds->goals().size(), 1u);
  EXPECT_EQ(ds->goals()[0].indicators.size(), 2u);
  EXPECT_EQ(ds->goals()[0].indicators[1].id, "b");
}

TEST(LazyOriginTest, CsvBuildProblemsNameTheirRow) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("pfb-lazy-origin-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto write = [&](const char* name, const char* text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  };
  write("dataset.csv", "format,version,fiscal_year\nperfbudget-dataset,1,2022\n");
  write("units.csv", "id,name\nU1,甲\nU2,乙\nU1,丙\n");
  write("projects.csv", "id,unit,name\nP1,U1,路\n");
  write("disbursements.csv", "project,date,amount\nP1,2022-01-05,1\nP9,2022-01-06,2\n");
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(dir.string(), {}, &diags);
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(ds.ok());
  const Diagnostic* dup = FindKind(diags, DiagnosticKind::kDuplicateId);
  ASSERT_NE(dup, nullptr);
  EXPECT_EQ(dup->where.file, (dir / "units.csv").string());
  EXPECT_EQ(dup->where.line, 4);
  EXPECT_EQ(dup->where.column, 1);
  EXPECT_EQ(dup->where.path, "units.csv:id");
  EXPECT_NE(dup->message.find("first at line 2"), std::string::npos) << dup->message;
  const Diagnostic* ref = FindKind(diags, DiagnosticKind::kUnknownReference);
  ASSERT_NE(ref, nullptr);
  EXPECT_EQ(ref->where.file, (dir / "disbursements.csv").string());
  EXPECT_EQ(ref->where.line, 3);
  EXPECT_EQ(ref->where.path, "disbursements.csv:project");
}

}  // namespace
}  // namespace perfbudget
