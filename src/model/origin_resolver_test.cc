// origin_resolver_test.cc: DatasetBuilder keeps locator-only origins compact
// and resolves them through the loader's resolver only for problems reported.
#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "perfbudget/model/dataset.h"

namespace perfbudget {
namespace {

DatasetInfo Info() {
  DatasetInfo info;
  info.fiscal_year = 2022;
  return info;
}

TEST(OriginResolverTest, ResolvesOnlyReportedRecords) {
  DatasetBuilder b(Info());
  std::vector<std::uint64_t> asked;
  b.SetOriginResolver([&](std::uint64_t locator) {
    asked.push_back(locator);
    Origin o;
    o.file = "f.json";
    o.line = static_cast<int>(locator);
    o.path = "$.units[" + std::to_string(locator) + "]";
    return o;
  });
  Unit u1{.id = "U1", .name = "甲"};
  Unit u2{.id = "U2", .name = "乙"};
  Unit u3{.id = "U1", .name = "丙"};
  b.AddUnit(u1, Origin::Locator(11));
  b.AddUnit(u2, Origin::Locator(12));
  b.AddUnit(u3, Origin::Locator(13));
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = b.Build({}, &diags);
  ASSERT_FALSE(ds.ok());
  ASSERT_EQ(diags.size(), 1u);
  const Diagnostic& d = diags.items()[0];
  EXPECT_EQ(d.kind, DiagnosticKind::kDuplicateId);
  EXPECT_EQ(d.where.file, "f.json");
  EXPECT_EQ(d.where.line, 13);
  EXPECT_EQ(d.where.path, "$.units[13].id");
  EXPECT_EQ(d.where.locator, 0u);
  EXPECT_NE(d.message.find("first at line 11"), std::string::npos) << d.message;
  // Only the two records named by the problem were resolved.
  EXPECT_EQ(asked.size(), 2u);
}

TEST(OriginResolverTest, FullOriginsAndGoalIndicatorOrigins) {
  DatasetBuilder b(Info());
  b.SetOriginResolver([](std::uint64_t locator) {
    Origin o;
    o.file = "f.json";
    o.line = static_cast<int>(locator);
    o.path = "$.x[" + std::to_string(locator) + "]";
    return o;
  });
  b.AddUnit(Unit{.id = "U1", .name = "甲"}, Origin{"u.csv", 2, 1, "units.csv"});
  Goal g;
  g.id = "G1";
  g.owner = GoalOwner::kUnit;
  g.unit_id = "U1";
  g.indicators.resize(3);
  g.indicators[0].name = "a";
  g.indicators[1].name = "";  // missing name: reported at its own place
  g.indicators[2].name = "";  // no origin given: the goal's place + indicators[2]
  const std::vector<Origin> ind_origins = {Origin::Locator(31), Origin::Locator(32)};
  b.AddGoal(g, Origin::Locator(30), ind_origins);
  Diagnostics diags;
  ASSERT_FALSE(b.Build({}, &diags).ok());
  ASSERT_EQ(diags.size(), 2u) << diags.ToStatus("x");
  EXPECT_EQ(diags.items()[0].where.line, 32);
  EXPECT_EQ(diags.items()[0].where.path, "$.x[32].name");
  EXPECT_EQ(diags.items()[1].where.line, 30);
  EXPECT_EQ(diags.items()[1].where.path, "$.x[30].indicators[2].name");
}

TEST(OriginResolverTest, WithoutResolverALocatorNamesNoPlace) {
  DatasetBuilder b(Info());
  b.AddUnit(Unit{.id = "", .name = "甲"}, Origin::Locator(5));
  Diagnostics diags;
  ASSERT_FALSE(b.Build({}, &diags).ok());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags.items()[0].where.line, 0);
  EXPECT_EQ(diags.items()[0].where.file, "");
}

}  // namespace
}  // namespace perfbudget
