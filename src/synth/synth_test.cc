// synth_test.cc: the synthetic generator is deterministic, well-formed and
// validates.
#include "perfbudget/synth/synth.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "gtest/gtest.h"

namespace perfbudget {
namespace {

// A text fingerprint of every generated field that matters, independent of
// the JSON writer.
std::string Fingerprint(const Dataset& ds) {
  std::string out = absl::StrCat(ds.info().title, "|", ds.info().fiscal_year, "\n");
  for (const UnitView u : ds.units()) absl::StrAppend(&out, AV(u.id()), ",", AV(u.name()), "\n");
  for (const ProjectView p : ds.projects()) {
    absl::StrAppend(&out, AV(p.id()), ",", AV(p.unit_id()), ",", AV(p.name()), ",",
                    AV(CodeOf(p.status())), ",", p.requested().fen(), ",", p.is_key());
    for (const FundLine& f : p.funds())
      absl::StrAppend(&out, ",", AV(CodeOf(f.source)), f.approved.fen());
    for (const AdjustmentView a : p.adjustments()) {
      absl::StrAppend(&out, ",adj", a.date().ToString(), a.amount().fen());
    }
    for (const PlannedPayment& pp : p.payment_plan()) {
      absl::StrAppend(&out, ",plan", pp.date.ToString(), pp.amount.fen());
    }
    out += "\n";
  }
  for (const Goal& g : ds.goals()) {
    absl::StrAppend(&out, g.id, ",", g.text, "\n");
    for (const Indicator& i : g.indicators) {
      absl::StrAppend(&out, " ", i.id, ",", AV(CodeOf(i.level2)), ",", i.name, ",",
                      AV(CodeOf(i.comparator)), ",", i.target_text, ",",
                      i.weight ? i.weight->ToExactString() : "-", ",", i.actuals.size(), "\n");
    }
  }
  for (const DisbursementView d : ds.disbursements()) {
    absl::StrAppend(&out, AV(d.id()), ",", AV(d.project_id()), ",", d.date().ToString(), ",",
                    d.amount().fen(), "\n");
  }
  return out;
}

SynthOptions Small(std::uint64_t seed) {
  SynthOptions o;
  o.seed = seed;
  o.units = 4;
  o.projects = 40;
  o.indicators_per_goal = 8;
  o.disbursements_per_project = 5;
  return o;
}

// In one process; across processes: tests/cpp/determinism_test.cc.
TEST(SynthTest, SameSeedSameDataset) {
  absl::StatusOr<Dataset> a = Synthesize(Small(42));
  absl::StatusOr<Dataset> b = Synthesize(Small(42));
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(Fingerprint(*a), Fingerprint(*b));
}

TEST(SynthTest, DifferentSeedsDiffer) {
  absl::StatusOr<Dataset> a = Synthesize(Small(1));
  absl::StatusOr<Dataset> b = Synthesize(Small(2));
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_NE(Fingerprint(*a), Fingerprint(*b));
}

TEST(SynthTest, CountsFollowOptions) {
  absl::StatusOr<Dataset> ds = Synthesize(Small(7));
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_EQ(ds->units().size(), 4u);
  EXPECT_EQ(ds->projects().size(), 40u);
  EXPECT_EQ(ds->info().fiscal_year, 2022);
  std::size_t project_goals = 0, unit_goals = 0, project_indicators = 0;
  for (const Goal& g : ds->goals()) {
    if (g.owner == GoalOwner::kProject) {
      ++project_goals;
      project_indicators += g.indicators.size();
    } else {
      ++unit_goals;
    }
  }
  EXPECT_EQ(project_goals, 40u);
  EXPECT_EQ(unit_goals, 4u);
  EXPECT_EQ(project_indicators, 40u * 8u);
  EXPECT_LE(ds->disbursements().size(), 40u * 5u);
  EXPECT_GT(ds->disbursements().size(), 0u);
  // Every unit has at least one project (projects ≥ units).
  for (std::uint32_t u = 0; u < ds->units().size(); ++u) {
    EXPECT_FALSE(ds->ProjectsOfUnit(u).empty()) << u;
  }
}

TEST(SynthTest, ExecutedNeverExceedsApprovedAndDatesInYear) {
  absl::StatusOr<Dataset> ds = Synthesize(Small(9));
  ASSERT_TRUE(ds.ok()) << ds.status();
  for (std::uint32_t p = 0; p < ds->projects().size(); ++p) {
    std::int64_t executed = 0;
    for (std::uint32_t d : ds->DisbursementsOf(p)) {
      const DisbursementView disb = ds->disbursements()[d];
      executed += disb.amount().fen();
      EXPECT_TRUE(ds->fiscal_year().Contains(disb.date())) << disb.date().ToString();
      EXPECT_GE(disb.amount().fen(), 0);
    }
    EXPECT_LE(executed, ds->ApprovedOf(p).fen()) << ds->projects()[p].id();
  }
}

TEST(SynthTest, IndicatorsCoverKindsComparatorsAndWeights) {
  SynthOptions o = Small(3);
  o.indicators_per_goal = 12;
  absl::StatusOr<Dataset> ds = Synthesize(o);
  ASSERT_TRUE(ds.ok()) << ds.status();
  bool seen_level1[4] = {};
  bool seen_qualitative = false, seen_range = false;
  for (const Goal& g : ds->goals()) {
    Ratio weights;
    for (const Indicator& i : g.indicators) {
      seen_level1[static_cast<int>(i.level1)] = true;
      EXPECT_EQ(i.level1, NaturalLevel1Of(i.level2)) << i.name;
      if (i.comparator == Comparator::kQualitative) {
        seen_qualitative = true;
        EXPECT_FALSE(i.target.has_value());
        EXPECT_FALSE(i.target_text.empty());
      } else {
        EXPECT_TRUE(i.target.has_value()) << i.name;
      }
      if (i.comparator == Comparator::kRange) {
        seen_range = true;
        ASSERT_TRUE(i.target_high.has_value());
        EXPECT_LT(*i.target, *i.target_high);
      }
      ASSERT_TRUE(i.weight.has_value());
      weights += *i.weight;
    }
    if (!g.indicators.empty()) EXPECT_EQ(weights, Ratio(90)) << g.id;
  }
  for (bool b : seen_level1) EXPECT_TRUE(b);
  EXPECT_TRUE(seen_qualitative);
  EXPECT_TRUE(seen_range);
}

TEST(SynthTest, ManyUnitsGetDistinctIds) {
  SynthOptions o = Small(5);
  o.units = 700;
  o.projects = 10;
  absl::StatusOr<Dataset> ds = Synthesize(o);
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_EQ(ds->units().size(), 700u);
  EXPECT_EQ(ds->units()[0].id(), "U001");
  EXPECT_EQ(ds->units()[699].id(), "U700");
}

TEST(SynthTest, RejectsBadOptions) {
  SynthOptions o = Small(1);
  o.units = 0;
  EXPECT_EQ(Synthesize(o).status().code(), absl::StatusCode::kInvalidArgument);
  o = Small(1);
  o.projects = -1;
  EXPECT_EQ(Synthesize(o).status().code(), absl::StatusCode::kInvalidArgument);
  o = Small(1);
  o.indicators_per_goal = 51;
  EXPECT_EQ(Synthesize(o).status().code(), absl::StatusCode::kInvalidArgument);
  o = Small(1);
  o.fiscal_year_start_month = 13;
  EXPECT_EQ(Synthesize(o).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(SynthTest, NonJanuaryFiscalYear) {
  SynthOptions o = Small(11);
  o.fiscal_year_start_month = 4;
  absl::StatusOr<Dataset> ds = Synthesize(o);
  ASSERT_TRUE(ds.ok()) << ds.status();
  for (const Date d : ds->disbursements().dates()) {
    EXPECT_TRUE(ds->fiscal_year().Contains(d)) << d.ToString();
  }
}

}  // namespace
}  // namespace perfbudget
