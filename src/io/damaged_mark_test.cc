// damaged_mark_test.cc: a problem the readers report is reported once. The
// JSON and CSV readers mark the record (or the header) they could not read
// whole as damaged (Origin::damaged), and the builder does not report its
// default fields again: a default date is not also "outside the fiscal
// year", a default fiscal year not also "not a year" (docs/format.md,
// "Validation"). The builder's side is in model/dataset_test.cc.
#include <filesystem>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/csv_test_util.h"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/json.h"

namespace perfbudget {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<DiagnosticKind> KindsOfJson(const std::string& text, Diagnostics* d) {
  absl::StatusOr<Dataset> ds = LoadDatasetJson(text, {}, d, "d.json");
  EXPECT_FALSE(ds.ok());
  std::vector<DiagnosticKind> kinds;
  for (const Diagnostic& x : d->items()) kinds.push_back(x.kind);
  return kinds;
}

constexpr char kHead[] =
    R"({"format": "perfbudget-dataset", "version": 1, "fiscal_year": {"year": 2022},
 "units": [{"id": "U1", "name": "单位"}],
)";

TEST(DamagedMark, JsonBadDatesAreReportedOnce) {
  Diagnostics d;
  const auto kinds = KindsOfJson(std::string(kHead) + R"(
 "projects": [{"id": "P1", "unit": "U1", "name": "项目",
   "funds": [{"source": "general_budget", "approved": "100"}],
   "adjustments": [{"date": "2022-02-30", "amount": "-1"}],
   "payment_plan": [{"date": "someday", "amount": "1"}]}],
 "disbursements": [{"project": "P1", "date": "2022-13-01", "amount": "1"},
                   {"project": "P1", "date": "2023-01-05", "amount": "1"}]})",
                                 &d);
  // Three unreadable dates, each once; the readable date outside the year
  // is still reported (the mark is per record).
  EXPECT_THAT(kinds, ElementsAre(DiagnosticKind::kDate, DiagnosticKind::kDate,
                                 DiagnosticKind::kDate, DiagnosticKind::kDateOutOfYear))
      << d.items().size();
  EXPECT_EQ(d.items()[3].value, "2023-01-05");
}

TEST(DamagedMark, JsonUnreadableHeaderIsReportedOnce) {
  Diagnostics d;
  EXPECT_THAT(KindsOfJson(R"({"format": "perfbudget-dataset", "version": 1,
 "fiscal_year": {"year": "twenty"}, "units": []})",
                          &d),
              ElementsAre(DiagnosticKind::kType));
  // A document the reader could not finish: the syntax error only.
  Diagnostics t;
  const auto kinds = KindsOfJson(std::string(kHead) + R"( "projects": [{"id": )", &t);
  ASSERT_EQ(kinds.size(), 1u);
  EXPECT_EQ(kinds[0], DiagnosticKind::kSyntax);
}

TEST(DamagedMark, CsvWithoutItsDatasetRowIsReportedOnce) {
  csv_test::TempDir dir;
  std::filesystem::copy(csv_test::FixtureDir("good"), dir.str(),
                        std::filesystem::copy_options::recursive);
  csv_test::WriteAll(dir.str("dataset.csv"),
                     "format,version,jurisdiction_code,jurisdiction_name,fiscal_year,"
                     "start_month,named_by_end,title,as_of\n");
  Diagnostics d;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(dir.str(), {}, &d);
  ASSERT_FALSE(ds.ok());
  ASSERT_EQ(d.items().size(), 1u) << d.items()[1].ToString();
  EXPECT_THAT(d.items()[0].message, HasSubstr("no data row"));

  // An unreadable fiscal year in the row: that cell, once.
  csv_test::WriteAll(dir.str("dataset.csv"),
                     "format,version,fiscal_year\nperfbudget-dataset,1,MMXXII\n");
  Diagnostics d2;
  ASSERT_FALSE(LoadDatasetCsv(dir.str(), {}, &d2).ok());
  ASSERT_EQ(d2.items().size(), 1u) << d2.items()[1].ToString();
  EXPECT_EQ(d2.items()[0].field, "fiscal_year");
}

}  // namespace
}  // namespace perfbudget
