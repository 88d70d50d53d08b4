// rectification_test.cc: follow-up of evaluation findings (rectification.h).
#include "perfbudget/evaluation/rectification.h"

#include <algorithm>
#include <string>

#include "gtest/gtest.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

// One unit, one project, one evaluation E1 with `problems` problems.
struct Data {
  int problems = 2;
  std::vector<RectificationItem> items;
  bool dataset_as_of = false;

  RectificationItem& Item(const std::string& id, RectificationStatus status,
                          std::optional<Date> due = D(2022, 10, 31),
                          const std::string& owner = "财务科") {
    RectificationItem r;
    r.id = id;
    r.evaluation_id = "E1";
    r.unit_id = "U1";
    r.project_id = "P1";
    r.description = "问题" + id;
    r.owner = owner;
    r.due = due;
    r.status = status;
    if (status == RectificationStatus::kDone) r.closed = D(2022, 10, 1);
    items.push_back(r);
    return items.back();
  }
  Dataset Build() const {
    DatasetInfo info;
    info.jurisdiction_code = "J1";
    info.jurisdiction_name = "测试园区";
    info.fiscal_year = 2022;
    if (dataset_as_of) info.as_of = D(2022, 8, 31);
    DatasetBuilder b(info);
    b.AddUnit({"U1", "一号单位"});
    Project p;
    p.id = "P1";
    p.unit_id = "U1";
    p.name = "园林绿化养护";
    p.is_key = true;
    b.AddProject(p);
    Evaluation e;
    e.id = "E1";
    e.kind = EvaluationKind::kThirdParty;
    e.project_id = "P1";
    e.unit_id = "U1";
    for (int i = 0; i < problems; ++i) e.problems.push_back("问题" + std::to_string(i));
    e.suggestions = {"建议一"};
    b.AddEvaluation(e);
    Evaluation quiet;  // nothing found: left out
    quiet.id = "E2";
    quiet.kind = EvaluationKind::kSelf;
    quiet.project_id = "P1";
    quiet.unit_id = "U1";
    b.AddEvaluation(quiet);
    for (const RectificationItem& r : items) b.AddRectification(r);
    Diagnostics diags;
    absl::StatusOr<Dataset> ds = b.Build({}, &diags);
    EXPECT_TRUE(ds.ok()) << ds.status() << (diags.empty() ? "" : diags.items()[0].ToString());
    return ds.ok() ? *ds : Dataset();
  }
};

RectificationReport Track(const Data& d, std::optional<Date> as_of = D(2022, 12, 31),
                          const Policy& policy = DefaultPolicy()) {
  RectificationOptions o;
  o.as_of = as_of;
  absl::StatusOr<RectificationReport> r = TrackRectification(d.Build(), policy, o);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : RectificationReport();
}

int Count(const RectificationReport& r, std::string_view code) {
  return static_cast<int>(
      std::count_if(r.findings.begin(), r.findings.end(),
                    [&](const RectificationFinding& f) { return f.code == code; }));
}

TEST(RectificationTest, CountsByStatusPerEvaluationUnitAndTotal) {
  Data d;
  d.problems = 3;
  d.Item("R1", RectificationStatus::kOpen, D(2023, 3, 31));
  d.Item("R2", RectificationStatus::kInProgress, D(2023, 3, 31));
  d.Item("R3", RectificationStatus::kDone);
  RectificationReport r = Track(d);
  ASSERT_EQ(r.evaluations.size(), 1u);  // E2 has nothing
  EXPECT_EQ(r.evaluations[0].items.size(), 3u);
  EXPECT_EQ(r.total.evaluations, 1u);
  EXPECT_EQ(r.total.problems, 3u);
  EXPECT_EQ(r.total.suggestions, 1u);
  EXPECT_EQ(r.total.open, 1u);
  EXPECT_EQ(r.total.in_progress, 1u);
  EXPECT_EQ(r.total.done, 1u);
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_EQ(r.units[0].counts.items, 3u);
  EXPECT_EQ(r.units[0].counts.problems, 3u);
  EXPECT_TRUE(r.findings.empty());
}

TEST(RectificationTest, OverdueFiresOnlyWhenNotDoneAndPastTheGrace) {
  Data d;
  d.Item("R1", RectificationStatus::kOpen, D(2022, 12, 30));        // 1 day late
  d.Item("R2", RectificationStatus::kDone, D(2022, 9, 30));         // done: never overdue
  d.Item("R3", RectificationStatus::kInProgress, D(2022, 12, 31));  // due today: not yet
  RectificationReport r = Track(d);
  EXPECT_EQ(Count(r, "rectification.overdue"), 1);
  EXPECT_TRUE(r.items[0].overdue);
  EXPECT_EQ(r.items[0].days_overdue, 1);
  EXPECT_FALSE(r.items[1].overdue);
  EXPECT_FALSE(r.items[2].overdue);
  EXPECT_EQ(
      r.findings[0].message_zh,
      "整改事项R1（园林绿化养护，P1）“问题R1”整改期限2022-12-30，截至2022-12-31仍为未整改，已逾期1天");
  Policy p = DefaultPolicy();
  p.MutableRule("rectification.overdue").params["grace_days"] = Ratio(1);
  EXPECT_EQ(Count(Track(d, D(2022, 12, 31), p), "rectification.overdue"), 0);
  EXPECT_EQ(Count(Track(d, D(2023, 1, 1), p), "rectification.overdue"), 1);
  EXPECT_EQ(Count(Track(d, D(2023, 1, 2), p), "rectification.overdue"), 2);
}

TEST(RectificationTest, AsOfDefaultsToTheDatasetThenTheYearEnd) {
  Data d;
  d.Item("R1", RectificationStatus::kOpen, D(2022, 10, 31));
  d.Item("R2", RectificationStatus::kOpen, D(2022, 7, 31));
  RectificationReport year_end = Track(d, std::nullopt);
  EXPECT_EQ(year_end.as_of, D(2022, 12, 31));
  EXPECT_TRUE(year_end.as_of_is_default);
  EXPECT_EQ(year_end.total.overdue, 2u);
  d.dataset_as_of = true;
  RectificationReport mid = Track(d, std::nullopt);
  EXPECT_EQ(mid.as_of, D(2022, 8, 31));
  EXPECT_EQ(mid.total.overdue, 1u);
}

TEST(RectificationTest, ItemsWithoutOwnerOrDueDate) {
  Data d;
  d.Item("R1", RectificationStatus::kOpen, std::nullopt);
  d.Item("R2", RectificationStatus::kOpen, D(2023, 6, 30), "");
  RectificationReport r = Track(d);
  EXPECT_EQ(Count(r, "rectification.no_due_date"), 1);
  EXPECT_EQ(Count(r, "rectification.no_owner"), 1);
  EXPECT_EQ(r.total.no_due_date, 1u);
  EXPECT_EQ(r.total.no_owner, 1u);
  EXPECT_EQ(r.total.overdue, 0u);  // no due date: cannot be overdue
}

TEST(RectificationTest, ProblemsWithoutItems) {
  Data d;
  d.problems = 2;
  d.Item("R1", RectificationStatus::kOpen, D(2023, 6, 30));
  RectificationReport r = Track(d);
  ASSERT_EQ(Count(r, "rectification.problem_without_item"), 1);
  EXPECT_EQ(r.findings[0].message_en,
            "evaluation E1 (园林绿化养护, P1) found 2 problems but has only 1 rectification items");
  d.Item("R2", RectificationStatus::kOpen, D(2023, 6, 30));
  EXPECT_EQ(Count(Track(d), "rectification.problem_without_item"), 0);
}

TEST(RectificationTest, DisabledRulesKeepTheCounts) {
  Data d;
  d.Item("R1", RectificationStatus::kOpen, D(2022, 1, 31), "");
  Policy p = DefaultPolicy();
  p.MutableRule("rectification.overdue").enabled = false;
  p.MutableRule("rectification.no_owner").enabled = false;
  RectificationReport r = Track(d, D(2022, 12, 31), p);
  EXPECT_EQ(Count(r, "rectification.overdue"), 0);
  EXPECT_EQ(Count(r, "rectification.no_owner"), 0);
  EXPECT_EQ(r.total.overdue, 1u);
  EXPECT_EQ(r.total.no_owner, 1u);
}

TEST(RectificationTest, BadGraceIsAnError) {
  Data d;
  Policy p = DefaultPolicy();
  p.MutableRule("rectification.overdue").params["grace_days"] = Ratio(1, 2);
  absl::StatusOr<RectificationReport> r = TrackRectification(d.Build(), p, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(std::string(r.status().message()).find("grace_days = 1/2"), std::string::npos)
      << r.status();
}

}  // namespace
}  // namespace perfbudget
