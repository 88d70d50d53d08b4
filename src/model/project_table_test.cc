// project_table_test.cc: the units and projects of a built Dataset, stored
// column-wise over the string arena, read through their row views.
#include "perfbudget/model/project_table.h"

#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "gtest/gtest.h"
#include "perfbudget/model/dataset.h"

namespace perfbudget {
namespace {

Money Yuan(std::int64_t y) { return Money::FromFen(y * 100); }
Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

Project MakeProject(std::string id, std::string unit) {
  Project p;
  p.id = std::move(id);
  p.unit_id = std::move(unit);
  p.name = "项目" + p.id;
  return p;
}

// Two units; P1 with every field set and child rows out of date order; P2
// with nothing but its id, unit and name; P3 in the second unit.
Dataset Build() {
  DatasetInfo info;
  info.fiscal_year = 2022;
  DatasetBuilder b(info);
  b.AddUnit({"U1", "园区管委会"});
  b.AddUnit({"U2", "园区财政局"});
  Project p1 = MakeProject("P1", "U2");
  p1.category = "市政管护";
  p1.kind = ProjectKind::kNew;
  p1.is_key = true;
  p1.status = ProjectStatus::kFinished;
  p1.start_year = 2021;
  p1.requested = Yuan(900);
  p1.funds = {{FundSource::kGeneralBudget, Yuan(500), 0}, {FundSource::kTransfer, Yuan(300), 2021}};
  p1.adjustments = {{D(2022, 9, 1), FundSource::kGeneralBudget, Yuan(-50), "调减"},
                    {D(2022, 3, 1), FundSource::kTransfer, Yuan(20), ""},
                    {D(2022, 9, 1), FundSource::kGeneralBudget, Yuan(-5), "同日第二笔"}};
  p1.payment_plan = {{D(2022, 12, 31), Yuan(100)}, {D(2022, 6, 30), Yuan(200)}};
  p1.disclosure = {true, false};
  b.AddProject(p1);
  b.AddProject(MakeProject("P2", "U1"));
  b.AddProject(MakeProject("P3", "U2"));
  // Child rows given row by row go to their project too.
  b.AddFundLine("P2", {FundSource::kLandTransfer, Yuan(7), 0});
  b.AddAdjustment("P2", {D(2022, 5, 5), FundSource::kLandTransfer, Yuan(1), "补"});
  absl::StatusOr<Dataset> ds = b.Build();
  EXPECT_TRUE(ds.ok()) << ds.status();
  return ds.ok() ? *ds : Dataset();
}

TEST(ProjectTable, TablesAreNotCopyable) {
  // A view points at its table: a copy of a table would leave views dangling.
  static_assert(!std::is_copy_constructible_v<UnitTable>);
  static_assert(!std::is_copy_constructible_v<ProjectTable>);
  static_assert(!std::is_copy_constructible_v<AdjustmentTable>);
  static_assert(!std::is_copy_constructible_v<DisbursementTable>);
}

TEST(ProjectTable, UnitsReadBack) {
  const Dataset ds = Build();
  const UnitTable& units = ds.units();
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].id(), "U1");
  EXPECT_EQ(units[0].name(), "园区管委会");
  EXPECT_EQ(units[1].name(), "园区财政局");
  std::vector<std::string> ids;
  for (const UnitView u : units) ids.emplace_back(u.id());
  EXPECT_EQ(ids, (std::vector<std::string>{"U1", "U2"}));
  const Unit record = units[1].ToRecord();
  EXPECT_EQ(record.id, "U2");
  EXPECT_EQ(record.name, "园区财政局");
}

TEST(ProjectTable, EveryProjectFieldReadsBack) {
  const Dataset ds = Build();
  const ProjectTable& projects = ds.projects();
  ASSERT_EQ(projects.size(), 3u);
  const ProjectView p = projects[0];
  EXPECT_EQ(p.row(), 0u);
  EXPECT_EQ(p.id(), "P1");
  EXPECT_EQ(p.unit_id(), "U2");
  EXPECT_EQ(p.unit_index(), 1u);
  EXPECT_EQ(p.name(), "项目P1");
  EXPECT_EQ(p.category(), "市政管护");
  EXPECT_EQ(p.kind(), ProjectKind::kNew);
  EXPECT_TRUE(p.is_key());
  EXPECT_EQ(p.status(), ProjectStatus::kFinished);
  EXPECT_EQ(p.start_year(), 2021);
  EXPECT_EQ(p.requested(), Yuan(900));
  EXPECT_TRUE(p.disclosure().with_budget);
  EXPECT_FALSE(p.disclosure().with_approval);
  ASSERT_EQ(p.funds().size(), 2u);  // fund lines in input order
  EXPECT_EQ(p.funds()[1].source, FundSource::kTransfer);
  EXPECT_EQ(p.funds()[1].origin_year, 2021);

  const ProjectView q = projects[1];
  EXPECT_EQ(q.category(), "");
  EXPECT_FALSE(q.is_key());
  EXPECT_EQ(q.kind(), ProjectKind::kContinuing);
  ASSERT_EQ(q.funds().size(), 1u);  // added row by row
  EXPECT_EQ(q.funds()[0].approved, Yuan(7));
  ASSERT_EQ(q.adjustments().size(), 1u);
  EXPECT_EQ(q.adjustments()[0].reason(), "补");
  EXPECT_TRUE(projects[2].funds().empty());
  EXPECT_TRUE(projects[2].adjustments().empty());
  EXPECT_TRUE(projects[2].payment_plan().empty());

  EXPECT_EQ(projects.unit_indexes()[2], 1u);
  EXPECT_EQ(projects.statuses()[0], ProjectStatus::kFinished);
}

TEST(ProjectTable, AdjustmentsAndPlanInDateOrderStably) {
  const Dataset ds = Build();
  const ProjectView p = ds.projects()[0];
  const AdjustmentRange adj = p.adjustments();
  ASSERT_EQ(adj.size(), 3u);
  EXPECT_EQ(adj[0].date(), D(2022, 3, 1));
  EXPECT_EQ(adj[0].source(), FundSource::kTransfer);
  EXPECT_EQ(adj[0].amount(), Yuan(20));
  EXPECT_EQ(adj[0].reason(), "");
  EXPECT_EQ(adj[1].reason(), "调减");  // same day: input order kept
  EXPECT_EQ(adj[2].reason(), "同日第二笔");
  std::vector<std::int64_t> amounts;
  for (const AdjustmentView a : adj) amounts.push_back(a.amount().fen());
  EXPECT_EQ(amounts, (std::vector<std::int64_t>{2000, -5000, -500}));
  ASSERT_EQ(p.payment_plan().size(), 2u);
  EXPECT_EQ(p.payment_plan()[0].date, D(2022, 6, 30));
}

TEST(ProjectTable, TextsAreNulTerminatedForC) {
  const Dataset ds = Build();
  for (const ProjectView p : ds.projects()) {
    for (std::string_view text : {p.id(), p.name(), p.category(), p.unit_id()}) {
      EXPECT_EQ(text.data()[text.size()], '\0') << p.id();
      EXPECT_EQ(std::strlen(text.data()), text.size()) << p.id();
    }
    for (const AdjustmentView a : p.adjustments()) {
      EXPECT_EQ(a.reason().data()[a.reason().size()], '\0');
    }
  }
  for (const UnitView u : ds.units()) EXPECT_EQ(u.name().data()[u.name().size()], '\0');
}

TEST(ProjectTable, RecordRoundTripsThroughTheBuilder) {
  const Dataset ds = Build();
  const Project p = ds.projects()[0].ToRecord();
  EXPECT_EQ(p.id, "P1");
  EXPECT_EQ(p.unit_id, "U2");
  EXPECT_EQ(p.unit_index, 1u);
  ASSERT_EQ(p.adjustments.size(), 3u);
  EXPECT_EQ(p.adjustments[1].reason, "调减");
  ASSERT_EQ(p.payment_plan.size(), 2u);

  DatasetBuilder b(ds.info());
  for (const UnitView u : ds.units()) b.AddUnit(u.ToRecord());
  for (const ProjectView v : ds.projects()) b.AddProject(v.ToRecord());
  absl::StatusOr<Dataset> again = b.Build();
  ASSERT_TRUE(again.ok()) << again.status();
  ASSERT_EQ(again->projects().size(), 3u);
  for (std::uint32_t i = 0; i < 3; ++i) {
    const ProjectView x = ds.projects()[i], y = again->projects()[i];
    EXPECT_EQ(x.id(), y.id());
    EXPECT_EQ(x.name(), y.name());
    EXPECT_EQ(x.funds().size(), y.funds().size());
    EXPECT_EQ(x.adjustments().size(), y.adjustments().size());
    EXPECT_EQ(ds.ApprovedOf(i), again->ApprovedOf(i));
  }
}

TEST(ProjectTable, ViewsOutliveTheFirstCopyOfTheDataset) {
  ProjectView view = [] {
    const Dataset ds = Build();
    static Dataset keep;  // a copy keeps the shared data alive
    keep = ds;
    return keep.projects()[0];
  }();
  EXPECT_EQ(view.name(), "项目P1");
}

TEST(ProjectTable, AnEmptyDatasetHasEmptyTables) {
  const Dataset empty;
  EXPECT_TRUE(empty.units().empty());
  EXPECT_TRUE(empty.projects().empty());
  EXPECT_EQ(empty.projects().begin(), empty.projects().end());
}

}  // namespace
}  // namespace perfbudget
