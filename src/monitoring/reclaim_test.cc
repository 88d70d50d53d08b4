// reclaim_test.cc: each reclaim reason, fund-source splits that sum to the
// fen (proportional and priority), totals, and scope.
#include "perfbudget/monitoring/reclaim.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "monitoring/monitor_test_util.h"
#include "perfbudget/monitoring/monitor.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

using ::testing::HasSubstr;
using testing_monitor::D;
using testing_monitor::Fen;
using testing_monitor::TestData;
using testing_monitor::Wan;

ReclaimReport RunReclaim(const Dataset& ds, const char* as_of,
                         const Policy& policy = DefaultPolicy()) {
  ReclaimOptions o;
  o.as_of = D(as_of);
  auto r = Reclaim(ds, policy, o);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : ReclaimReport();
}

std::vector<const ReclaimProposal*> Of(const ReclaimReport& rep, const std::string& id) {
  std::vector<const ReclaimProposal*> out;
  for (const ReclaimProposal& p : rep.proposals) {
    if (rep.dataset.projects()[p.project_index].id() == id) out.push_back(&p);
  }
  return out;
}

Money SumSplit(const ReclaimProposal& p) {
  Money s;
  for (const FundSplit& f : p.split) EXPECT_TRUE(s.TryAdd(f.amount));
  return s;
}

TEST(ReclaimTest, UnimplementedProjectGivesBackItsUnspentBudget) {
  TestData t;
  Project& p = t.NewProject("N", 60, ProjectStatus::kNotImplemented);
  p.funds.push_back({FundSource::kLandTransfer, Wan(40), 0});
  p.adjustments.push_back({D("2022-09-10"), FundSource::kGeneralBudget, Wan(-60), "after as-of"});
  t.NewProject("RUN", 100);
  t.Pay("RUN", "2022-01-10", Wan(70));
  const Dataset ds = t.Build();
  const ReclaimReport rep = RunReclaim(ds, "2022-08-31");
  const auto n = Of(rep, "N");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0]->code, "reclaim.unimplemented");
  EXPECT_EQ(n[0]->amount, Wan(100));
  ASSERT_EQ(n[0]->split.size(), 2u);
  EXPECT_EQ(n[0]->split[0].source, FundSource::kGeneralBudget);
  EXPECT_EQ(n[0]->split[0].amount, Wan(60));
  EXPECT_EQ(n[0]->split[1].source, FundSource::kLandTransfer);
  EXPECT_EQ(n[0]->split[1].amount, Wan(40));
  EXPECT_THAT(n[0]->message_zh, HasSubstr("100万元"));
  EXPECT_THAT(n[0]->message_zh, HasSubstr("土地出让收入 40万元"));
  EXPECT_THAT(n[0]->message_en, HasSubstr("not implemented"));
  EXPECT_TRUE(Of(rep, "RUN").empty());
  EXPECT_EQ(rep.total.amount, Wan(100));
  EXPECT_EQ(rep.total.proposals, 1u);
  ASSERT_EQ(rep.units.size(), 1u);
  EXPECT_EQ(rep.units[0].amount, Wan(100));
  EXPECT_EQ(rep.total.by_source[static_cast<int>(FundSource::kLandTransfer)], Wan(40));
}

TEST(ReclaimTest, SurplusOfFinishedAndTerminated) {
  TestData t;
  t.NewProject("F", 100, ProjectStatus::kFinished);
  t.Pay("F", "2022-03-01", Wan(70));
  t.NewProject("T", 50, ProjectStatus::kTerminated);
  t.Pay("T", "2022-03-01", Wan(10));
  t.NewProject("FULL", 50, ProjectStatus::kFinished);
  t.Pay("FULL", "2022-03-01", Wan(50));
  const Dataset ds = t.Build();
  const ReclaimReport rep = RunReclaim(ds, "2022-08-31");
  ASSERT_EQ(Of(rep, "F").size(), 1u);
  EXPECT_EQ(Of(rep, "F")[0]->code, "reclaim.surplus_finished");
  EXPECT_EQ(Of(rep, "F")[0]->amount, Wan(30));
  EXPECT_EQ(Of(rep, "T")[0]->amount, Wan(40));
  EXPECT_TRUE(Of(rep, "FULL").empty());
  EXPECT_EQ(rep.total.amount, Wan(70));
}

TEST(ReclaimTest, CarryOverUnspentForTwoYears) {
  TestData t;
  Project& p = t.NewProject("CO", 80);
  p.funds.push_back({FundSource::kCarryOver, Wan(20), 2020});
  p.funds.push_back({FundSource::kCarryOver, Wan(10), 2021});  // one year only
  t.Pay("CO", "2022-02-01", Wan(60));
  t.Pay("CO", "2022-02-01", Wan(5), FundSource::kCarryOver);
  Project& q = t.NewProject("YOUNG", 80);
  q.funds.push_back({FundSource::kCarryOver, Wan(20), 2021});
  t.Pay("YOUNG", "2022-02-01", Wan(60));
  const Dataset ds = t.Build();
  const ReclaimReport rep = RunReclaim(ds, "2022-08-31");
  const auto co = Of(rep, "CO");
  ASSERT_EQ(co.size(), 1u);
  EXPECT_EQ(co[0]->code, "reclaim.carry_over_two_years");
  EXPECT_EQ(co[0]->amount, Wan(15));  // 20 − 5 spent (oldest first)
  EXPECT_EQ(co[0]->origin_year, 2020);
  ASSERT_EQ(co[0]->split.size(), 1u);
  EXPECT_EQ(co[0]->split[0].source, FundSource::kCarryOver);
  EXPECT_THAT(co[0]->message_zh, HasSubstr("2020"));
  EXPECT_TRUE(Of(rep, "YOUNG").empty());
  Policy three = DefaultPolicy();
  three.MutableRule("reclaim.carry_over_two_years").params["min_years"] = Ratio(3);
  EXPECT_TRUE(Of(RunReclaim(ds, "2022-08-31", three), "CO").empty());
}

TEST(ReclaimTest, LaggingWithAndWithoutPlan) {
  TestData t;
  Project& p = t.NewProject("LAG", 100);
  p.payment_plan.push_back({D("2022-06-30"), Wan(50)});
  p.payment_plan.push_back({D("2022-10-31"), Wan(20)});
  p.payment_plan.push_back({D("2022-12-31"), Wan(10)});
  t.Pay("LAG", "2022-02-01", Wan(30));  // 30% against 66.67%: red
  t.NewProject("NOPLAN", 100);
  t.Pay("NOPLAN", "2022-02-01", Wan(30));
  Project& y = t.NewProject("YELLOW", 100);  // 50%: yellow only, not lagging
  y.payment_plan.push_back({D("2022-12-31"), Wan(10)});
  t.Pay("YELLOW", "2022-02-01", Wan(50));
  const Dataset ds = t.Build();
  const ReclaimReport rep = RunReclaim(ds, "2022-08-31");
  const auto lag = Of(rep, "LAG");
  ASSERT_EQ(lag.size(), 1u);
  EXPECT_EQ(lag[0]->code, "reclaim.lagging_with_plan");
  EXPECT_EQ(lag[0]->planned_after, Wan(30));
  EXPECT_EQ(lag[0]->amount, Wan(40));  // 100 − 30 − 30
  EXPECT_EQ(SumSplit(*lag[0]), Wan(40));
  const auto np = Of(rep, "NOPLAN");
  ASSERT_EQ(np.size(), 1u);
  EXPECT_EQ(np[0]->code, "reclaim.lagging_without_plan");
  EXPECT_FALSE(np[0]->has_amount);
  EXPECT_EQ(np[0]->amount, Money());
  EXPECT_EQ(np[0]->severity, Severity::kWarning);
  EXPECT_TRUE(Of(rep, "YELLOW").empty());
  EXPECT_EQ(rep.total.amount, Wan(40));
  EXPECT_EQ(rep.total.proposals, 1u);
  EXPECT_EQ(rep.total.warnings, 1u);
}

TEST(ReclaimTest, ProportionalSplitSumsToTheFen) {
  TestData t;
  Project& p = t.NewProject("N", 0, ProjectStatus::kNotImplemented);
  p.funds.push_back({FundSource::kGeneralBudget, Fen(100), 0});
  p.funds.push_back({FundSource::kTransfer, Fen(100), 0});
  p.funds.push_back({FundSource::kLandTransfer, Fen(100), 0});
  t.Pay("N", "2022-02-01", Fen(1));  // leaves 299 fen over three equal weights
  const Dataset ds = t.Build();
  const ReclaimReport rep = RunReclaim(ds, "2022-08-31");
  ASSERT_EQ(rep.proposals.size(), 1u);
  const ReclaimProposal& pr = rep.proposals[0];
  EXPECT_EQ(pr.amount, Fen(299));
  ASSERT_EQ(pr.split.size(), 3u);
  EXPECT_EQ(SumSplit(pr), Fen(299));
  EXPECT_EQ(pr.split[0].amount, Fen(100));  // ties: lower index first
  EXPECT_EQ(pr.split[1].amount, Fen(100));
  EXPECT_EQ(pr.split[2].amount, Fen(99));
}

TEST(ReclaimTest, PrioritySplit) {
  TestData t;
  Project& p = t.NewProject("F", 60, ProjectStatus::kFinished);
  p.funds.push_back({FundSource::kLandTransfer, Wan(40), 0});
  t.Pay("F", "2022-03-01", Wan(30));  // general 30 unspent, land 40 unspent
  const Dataset ds = t.Build();
  const ReclaimReport prop = RunReclaim(ds, "2022-08-31");
  ASSERT_EQ(prop.proposals.size(), 1u);
  EXPECT_EQ(prop.proposals[0].amount, Wan(70));
  EXPECT_EQ(prop.proposals[0].split[0].amount, Wan(42));  // 70 × 60/100
  EXPECT_EQ(prop.proposals[0].split[1].amount, Wan(28));
  Policy pri = DefaultPolicy();
  pri.set_split_method(SplitMethod::kPriority);
  pri.set_split_priority({FundSource::kLandTransfer, FundSource::kGeneralBudget});
  const ReclaimReport rep = RunReclaim(ds, "2022-08-31", pri);
  ASSERT_EQ(rep.proposals.size(), 1u);
  const auto& split = rep.proposals[0].split;
  ASSERT_EQ(split.size(), 2u);
  EXPECT_EQ(split[0].source, FundSource::kLandTransfer);
  EXPECT_EQ(split[0].amount, Wan(40));
  EXPECT_EQ(split[1].source, FundSource::kGeneralBudget);
  EXPECT_EQ(split[1].amount, Wan(30));
}

TEST(ReclaimTest, CancelledProjectsAreOutOfScope) {
  TestData t;
  t.NewProject("C", 100, ProjectStatus::kCancelled);
  const Dataset ds = t.Build();
  const ReclaimReport rep = RunReclaim(ds, "2022-08-31");
  EXPECT_TRUE(rep.proposals.empty());
  EXPECT_EQ(rep.total.amount, Money());
}

TEST(ReclaimTest, AsOfOutsideTheYear) {
  TestData t;
  t.NewProject("P", 100);
  const Dataset ds = t.Build();
  ReclaimOptions o;
  o.as_of = D("2021-12-31");
  EXPECT_EQ(Reclaim(ds, DefaultPolicy(), o).status().code(), absl::StatusCode::kOutOfRange);
}

// Reclaim(dataset), Reclaim(monitor report) and ExplainProposal, each
// against figures and texts worked out by hand from docs/monitoring.md and
// the rule templates (not against each other). As of 2022-08-31 (8/12 =
// 66.67 % time progress), default policy:
//   N    not implemented, 60万 general + 40万 land transfer, nothing paid:
//        reclaim.unimplemented 100 − 0 = 100万, split by current budget
//        60 : 40 → 60万 general, 40万 land transfer.
//   F    finished, 100万 general, paid 70万: reclaim.surplus_finished
//        100 − 70 = 30万, all general.
//   LAG  90万 general + 10万 transfer, paid 5万 (transfer) on 02-01: rate 5 %,
//        gap 66.67 − 5 = 61.67 pp > 20: red, lagging; plan 30万 on 11-30
//        (after as-of): reclaim.lagging_with_plan 100 − 5 − 30 = 65万, split
//        90 : 10 → 58.5万 general, 6.5万 transfer.
//   LAG2 40万 general, nothing paid: lagging, no plan:
//        reclaim.lagging_without_plan, a warning with no amount.
// Total 100 + 30 + 65 = 195万.
Dataset ReclaimHandDataset() {
  TestData t;
  Project& n = t.NewProject("N", 60, ProjectStatus::kNotImplemented);
  n.funds.push_back({FundSource::kLandTransfer, Wan(40), 0});
  t.NewProject("F", 100, ProjectStatus::kFinished);
  t.Pay("F", "2022-03-01", Wan(70));
  Project& lag = t.NewProject("LAG", 90);
  lag.funds.push_back({FundSource::kTransfer, Wan(10), 0});
  lag.payment_plan.push_back({D("2022-11-30"), Wan(30)});
  t.Pay("LAG", "2022-02-01", Wan(5), FundSource::kTransfer);
  t.NewProject("LAG2", 40);
  return t.Build();
}

struct HandProposal {
  const char* project;
  const char* code;
  bool has_amount;
  std::int64_t amount_fen;
  std::vector<std::pair<FundSource, std::int64_t>> split;  // fen
  const char* zh;
  const char* en;
};

const std::vector<HandProposal>& HandProposals() {
  static const std::vector<HandProposal> kHand = {
      {"N",
       "reclaim.unimplemented",
       true,
       100'000'000,
       {{FundSource::kGeneralBudget, 60'000'000}, {FundSource::kLandTransfer, 40'000'000}},
       "项目N（N）未实施，收回未支出的全年预算100万元（全年预算100万元，已支出0万元）；"
       "按资金来源：一般公共预算 60万元，土地出让收入 40万元",
       "项目N (N) is not implemented: reclaim the unspent current budget 100万元 (current "
       "100万元, executed 0万元); split: general_budget 60万元, land_transfer 40万元"},
      {"F",
       "reclaim.surplus_finished",
       true,
       30'000'000,
       {{FundSource::kGeneralBudget, 30'000'000}},
       "项目F（F）已完成或终止，收回结余30万元（全年预算100万元，已支出70万元）；"
       "按资金来源：一般公共预算 30万元",
       "项目F (F) is finished or terminated: reclaim the surplus 30万元 (current 100万元, "
       "executed 70万元); split: general_budget 30万元"},
      {"LAG",
       "reclaim.lagging_with_plan",
       true,
       65'000'000,
       {{FundSource::kGeneralBudget, 58'500'000}, {FundSource::kTransfer, 6'500'000}},
       "项目LAG（LAG）执行滞后，按用款计划2022-08-31后尚需支付30万元，预计年末结转65万元"
       "（全年预算100万元，已支出5万元），建议收回或调剂；按资金来源：一般公共预算 58.5万元，"
       "上级转移支付 6.5万元",
       "项目LAG (LAG) is lagging; its payment plan still needs 30万元 after 2022-08-31, so "
       "65万元 is expected to be carried over (current 100万元, executed 5万元): reclaim or "
       "re-allocate; split: general_budget 58.5万元, transfer 6.5万元"},
      {"LAG2",
       "reclaim.lagging_without_plan",
       false,
       0,
       {},
       "项目LAG2（LAG2）执行滞后（全年预算40万元，已支出0万元），但未报送用款计划，"
       "无法测算收回金额，请督促单位报送",
       "项目LAG2 (LAG2) is lagging (current 40万元, executed 0万元) but has no payment plan: "
       "no amount can be proposed; ask the unit for one"},
  };
  return kHand;
}

// `stored`: the report was made with messages on, so message_zh/en are set.
void ExpectHandReclaim(const ReclaimReport& rep, bool stored) {
  ASSERT_EQ(rep.proposals.size(), HandProposals().size());
  for (std::size_t i = 0; i < rep.proposals.size(); ++i) {
    const ReclaimProposal& p = rep.proposals[i];
    const HandProposal& h = HandProposals()[i];
    SCOPED_TRACE(h.project);
    EXPECT_EQ(rep.dataset.projects()[p.project_index].id(), h.project);
    EXPECT_EQ(p.code, h.code);
    EXPECT_EQ(p.has_amount, h.has_amount);
    if (h.has_amount) EXPECT_EQ(p.amount, Fen(h.amount_fen));
    ASSERT_EQ(p.split.size(), h.split.size());
    for (std::size_t k = 0; k < h.split.size(); ++k) {
      EXPECT_EQ(p.split[k].source, h.split[k].first);
      EXPECT_EQ(p.split[k].amount, Fen(h.split[k].second));
    }
    EXPECT_EQ(ExplainProposal(rep, p, "zh"), h.zh);
    EXPECT_EQ(ExplainProposal(rep, p, "en"), h.en);
    EXPECT_EQ(p.message_zh, stored ? h.zh : "");
    EXPECT_EQ(p.message_en, stored ? h.en : "");
  }
  EXPECT_EQ(rep.total.amount, Wan(195));
  EXPECT_EQ(rep.total.by_source[static_cast<int>(FundSource::kGeneralBudget)],
            Fen(60'000'000 + 30'000'000 + 58'500'000));
  EXPECT_EQ(rep.total.by_source[static_cast<int>(FundSource::kLandTransfer)], Wan(40));
  EXPECT_EQ(rep.total.by_source[static_cast<int>(FundSource::kTransfer)], Fen(6'500'000));
}

TEST(ReclaimTest, StandaloneGivesTheHandWorkedProposals) {
  const Dataset ds = ReclaimHandDataset();
  ExpectHandReclaim(RunReclaim(ds, "2022-08-31"), /*stored=*/true);
}

TEST(ReclaimTest, FromAMonitorReportGivesTheHandWorkedProposals) {
  const Dataset ds = ReclaimHandDataset();
  MonitorOptions mo;
  mo.as_of = D("2022-08-31");
  for (bool goals : {true, false}) {
    mo.goals = goals;
    auto mon = Monitor(ds, DefaultPolicy(), mo);
    ASSERT_TRUE(mon.ok()) << mon.status();
    for (bool messages : {true, false}) {
      ReclaimOptions o;
      o.messages = messages;
      auto rep = Reclaim(*mon, DefaultPolicy(), o);
      ASSERT_TRUE(rep.ok()) << rep.status();
      ExpectHandReclaim(*rep, messages);
    }
  }
}

// An extra: the two calls agree on a field-by-field comparison.
TEST(ReclaimTest, FromAMonitorReportEqualsTheStandaloneCall) {
  TestData t;
  Project& n = t.NewProject("N", 60, ProjectStatus::kNotImplemented);
  n.funds.push_back({FundSource::kLandTransfer, Wan(40), 0});
  t.NewProject("F", 100, ProjectStatus::kFinished);
  t.Pay("F", "2022-03-01", Wan(70));
  Project& lag = t.NewProject("LAG", 90);
  lag.funds.push_back({FundSource::kTransfer, Wan(10), 0});
  lag.payment_plan.push_back({D("2022-11-30"), Wan(30)});
  t.Pay("LAG", "2022-02-01", Wan(5), FundSource::kTransfer);
  t.NewProject("LAG2", 40);
  const Dataset ds = t.Build();
  const ReclaimReport standalone = RunReclaim(ds, "2022-08-31");
  MonitorOptions mo;
  mo.as_of = D("2022-08-31");
  auto mon = Monitor(ds, DefaultPolicy(), mo);  // goals on: no effect on reclaim
  ASSERT_TRUE(mon.ok()) << mon.status();
  ReclaimOptions lazy;
  lazy.messages = false;
  auto rep = Reclaim(*mon, DefaultPolicy(), lazy);
  ASSERT_TRUE(rep.ok()) << rep.status();
  ASSERT_EQ(rep->proposals.size(), standalone.proposals.size());
  EXPECT_GE(rep->proposals.size(), 4u);
  for (std::size_t i = 0; i < standalone.proposals.size(); ++i) {
    const ReclaimProposal& a = rep->proposals[i];
    const ReclaimProposal& b = standalone.proposals[i];
    EXPECT_EQ(a.code, b.code);
    EXPECT_EQ(a.project_index, b.project_index);
    EXPECT_EQ(a.amount, b.amount);
    EXPECT_EQ(a.has_amount, b.has_amount);
    ASSERT_EQ(a.split.size(), b.split.size());
    for (std::size_t k = 0; k < a.split.size(); ++k) {
      EXPECT_EQ(a.split[k].source, b.split[k].source);
      EXPECT_EQ(a.split[k].amount, b.split[k].amount);
    }
    EXPECT_TRUE(a.message_zh.empty());
    EXPECT_EQ(ExplainProposal(*rep, a, "zh"), b.message_zh);
    EXPECT_EQ(ExplainProposal(*rep, a, "en"), b.message_en);
  }
  EXPECT_EQ(rep->total.amount, standalone.total.amount);
  EXPECT_EQ(rep->units.size(), standalone.units.size());
  ASSERT_EQ(rep->by_code.size(), standalone.by_code.size());
  for (std::size_t i = 0; i < rep->by_code.size(); ++i) {
    EXPECT_EQ(rep->by_code[i].count, standalone.by_code[i].count);
    EXPECT_EQ(rep->by_code[i].amount, standalone.by_code[i].amount);
  }
}

}  // namespace
}  // namespace perfbudget
