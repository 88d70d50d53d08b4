// result_application_test.cc: grades → next year's budget, merge markers,
// fund-source splits, which evaluation decides.
#include "perfbudget/evaluation/result_application.h"

#include <string>

#include "evaluation/evaluation_test_util.h"
#include "gtest/gtest.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

using namespace testing_evaluation;  // NOLINT

ResultApplicationReport Apply(const Dataset& ds, const Policy& policy = DefaultPolicy()) {
  auto r = ApplyResults(ds, policy);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : ResultApplicationReport{};
}

// One project of `base` fen with one fiscal evaluation graded `g`.
ResultApplicationReport OneGraded(Grade g, Money base = Wan(100)) {
  TestData t;
  t.NewProject("P1", base);
  t.AddEvaluation("E1", EvaluationKind::kFiscal, "P1").grade = g;
  return Apply(t.Build());
}

TEST(ResultApplication, ExcellentIsPriorityWithoutCut) {
  auto r = OneGraded(Grade::kExcellent);
  ASSERT_EQ(r.proposals.size(), 1u);
  EXPECT_EQ(r.proposals[0].code, "results.priority");
  EXPECT_EQ(r.proposals[0].action, ResultAction::kPriority);
  EXPECT_EQ(r.proposals[0].cut, Money());
  EXPECT_EQ(r.proposals[0].proposed, Wan(100));
  EXPECT_EQ(r.budget_year, 2023);
}

TEST(ResultApplication, GoodIsKept) {
  auto r = OneGraded(Grade::kGood);
  EXPECT_EQ(r.proposals[0].code, "results.keep");
  EXPECT_EQ(r.proposals[0].cut, Money());
  EXPECT_TRUE(r.proposals[0].split.empty());
}

TEST(ResultApplication, FairIsCutTenPercentHalfUpToTheFen) {
  auto r = OneGraded(Grade::kFair, Fen(33335));  // 333.35 元 → 33.335 → 33.34
  EXPECT_EQ(r.proposals[0].code, "results.cut");
  EXPECT_EQ(r.proposals[0].cut, Fen(3334));
  EXPECT_EQ(r.proposals[0].proposed, Fen(30001));
  auto down = OneGraded(Grade::kFair, Fen(33334));  // 3333.4 → 3333
  EXPECT_EQ(down.proposals[0].cut, Fen(3333));
  EXPECT_NE(r.proposals[0].message_zh.find("压减10%"), std::string::npos)
      << r.proposals[0].message_zh;
}

TEST(ResultApplication, PoorIsCancelled) {
  auto r = OneGraded(Grade::kPoor);
  EXPECT_EQ(r.proposals[0].code, "results.cancel");
  EXPECT_EQ(r.proposals[0].cut, Wan(100));
  EXPECT_EQ(r.proposals[0].proposed, Money());
}

TEST(ResultApplication, MergeSuggestionCutsWhateverTheGrade) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.NewProject("P2", Wan(100));
  t.NewProject("P3", Wan(100));
  Evaluation& e1 = t.AddEvaluation("E1", EvaluationKind::kFiscal, "P1");
  e1.grade = Grade::kGood;
  e1.suggestions = {"加快实施进度", "优化整合：纳入园区道路项目统筹安排"};
  Evaluation& e2 = t.AddEvaluation("E2", EvaluationKind::kThirdParty, "P2");
  e2.grade = Grade::kGood;
  e2.suggestions = {"建议合并至同类项目"};
  Evaluation& e3 = t.AddEvaluation("E3", EvaluationKind::kFiscal, "P3");
  e3.grade = Grade::kGood;
  e3.suggestions = {"优化资金使用结构"};  // "优化" alone is not a merge marker
  auto r = Apply(t.Build());
  ASSERT_EQ(r.proposals.size(), 3u);
  EXPECT_EQ(r.proposals[0].code, "results.merge");
  EXPECT_EQ(r.proposals[0].suggestion, 1u);
  EXPECT_EQ(r.proposals[0].cut, Wan(100));
  EXPECT_EQ(r.proposals[1].code, "results.merge");
  EXPECT_EQ(r.proposals[2].code, "results.keep");
  EXPECT_EQ(r.total.by_action[static_cast<int>(ResultAction::kMerge)], 2u);
  EXPECT_EQ(r.total.cut_by_action[static_cast<int>(ResultAction::kMerge)], Wan(200));
  EXPECT_NE(r.proposals[0].message_zh.find("优化整合：纳入园区道路项目统筹安排"),
            std::string::npos);
}

TEST(ResultApplication, CutIsSplitAcrossFundSourcesExactly) {
  TestData t;
  Project& p = t.NewProject("P1", Fen(100));
  p.funds.push_back({FundSource::kLandTransfer, Fen(200), 0});
  p.adjustments.push_back({D("2022-06-30"), FundSource::kGeneralBudget, Fen(1), "调增"});
  t.AddEvaluation("E1", EvaluationKind::kFiscal, "P1").grade = Grade::kPoor;
  const Dataset ds = t.Build();
  auto r = Apply(ds);
  ASSERT_EQ(r.proposals[0].split.size(), 2u);
  EXPECT_EQ(r.proposals[0].base, Fen(301));
  EXPECT_EQ(r.proposals[0].split[0].source, FundSource::kGeneralBudget);
  EXPECT_EQ(r.proposals[0].split[0].amount, Fen(101));
  EXPECT_EQ(r.proposals[0].split[1].amount, Fen(200));
  // Fair: 30.1 fen → 30, split 101:200 → 10 + 20.
  TestData t2;
  Project& p2 = t2.NewProject("P1", Fen(101));
  p2.funds.push_back({FundSource::kLandTransfer, Fen(200), 0});
  t2.AddEvaluation("E1", EvaluationKind::kFiscal, "P1").grade = Grade::kFair;
  auto fair = Apply(t2.Build());
  EXPECT_EQ(fair.proposals[0].cut, Fen(30));
  Money sum;
  for (const FundSplit& f : fair.proposals[0].split) sum.TryAdd(f.amount);
  EXPECT_EQ(sum, Fen(30));
  EXPECT_EQ(fair.total.cut_by_source[static_cast<int>(FundSource::kLandTransfer)], Fen(20));
  // Priority order: land transfer first.
  Policy pol = DefaultPolicy();
  pol.set_split_method(SplitMethod::kPriority);
  pol.set_split_priority({FundSource::kLandTransfer});
  auto prio = Apply(ds, pol);
  EXPECT_EQ(prio.proposals[0].split[0].source, FundSource::kLandTransfer);
  EXPECT_EQ(prio.proposals[0].split[0].amount, Fen(200));
  EXPECT_EQ(prio.proposals[0].split[1].amount, Fen(101));
}

TEST(ResultApplication, SelfEvaluationsCountOnlyWhenThePolicySaysSo) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.AddEvaluation("E1", EvaluationKind::kSelf, "P1").grade = Grade::kPoor;
  const Dataset ds = t.Build();
  EXPECT_TRUE(Apply(ds).proposals.empty());
  Policy p = DefaultPolicy();
  ResultApplicationPolicy rp = p.result_application();
  rp.kinds.push_back(EvaluationKind::kSelf);
  p.set_result_application(rp);
  auto r = Apply(ds, p);
  ASSERT_EQ(r.proposals.size(), 1u);
  EXPECT_EQ(r.proposals[0].code, "results.cancel");
}

TEST(ResultApplication, LatestEvaluationDecides) {
  TestData t;
  t.NewProject("P1", Wan(100));
  Evaluation& a = t.AddEvaluation("E-new", EvaluationKind::kFiscal, "P1");
  a.grade = Grade::kExcellent;
  a.evaluated_year = 2022;
  Evaluation& b = t.AddEvaluation("E-old", EvaluationKind::kThirdParty, "P1");
  b.grade = Grade::kPoor;
  b.evaluated_year = 2021;
  Evaluation& c = t.AddEvaluation("E-early", EvaluationKind::kFiscal, "P1");
  c.grade = Grade::kFair;
  c.evaluated_year = 2022;
  c.date = D("2022-03-01");
  auto r = Apply(t.Build());
  ASSERT_EQ(r.proposals.size(), 1u);
  // E-early has a date, E-new has none: the dated one is taken as later.
  EXPECT_EQ(r.dataset.evaluations()[r.proposals[0].evaluation_index].id, "E-early");
}

TEST(ResultApplication, ScoreWithoutGradeIsGradedAndUngradedListed) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.NewProject("P2", Wan(100));
  t.AddEvaluation("E1", EvaluationKind::kFiscal, "P1").score = R("79.999");
  t.AddEvaluation("E2", EvaluationKind::kFiscal, "P2");  // neither
  auto r = Apply(t.Build());
  ASSERT_EQ(r.proposals.size(), 1u);
  EXPECT_TRUE(r.proposals[0].grade_from_score);
  EXPECT_EQ(r.proposals[0].grade, Grade::kFair);
  EXPECT_EQ(r.ungraded.size(), 1u);
}

TEST(ResultApplication, TotalsPerUnitAndOverall) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.NewProject("P2", Wan(300), "U2");
  t.NewProject("P3", Wan(50), "U2");
  t.AddEvaluation("E1", EvaluationKind::kFiscal, "P1").grade = Grade::kFair;
  t.AddEvaluation("E2", EvaluationKind::kFiscal, "P2", "U2").grade = Grade::kPoor;
  t.AddEvaluation("E3", EvaluationKind::kFiscal, "P3", "U2").grade = Grade::kGood;
  t.AddEvaluation("EU", EvaluationKind::kFiscal, "", "U2").grade = Grade::kPoor;  // unit level
  auto r = Apply(t.Build());
  ASSERT_EQ(r.units.size(), 2u);
  EXPECT_EQ(r.units[0].cut, Wan(10));
  EXPECT_EQ(r.units[1].cut, Wan(300));
  EXPECT_EQ(r.units[1].projects, 2u);
  EXPECT_EQ(r.total.cut, Wan(310));
  EXPECT_EQ(r.total.base, Wan(450));
  EXPECT_EQ(r.total.proposed, Wan(140));
}

TEST(ResultApplication, BadPercentIsRejected) {
  Policy p = DefaultPolicy();
  ResultApplicationPolicy rp = p.result_application();
  rp.by_grade[2].cut_percent = Ratio(101);
  p.set_result_application(rp);
  TestData t;
  EXPECT_FALSE(ApplyResults(t.Build(), p).ok());
}

TEST(ResultApplication, CancelledProjectsMakeNoProposal) {
  TestData t;
  t.NewProject("P1", Money()).status = ProjectStatus::kCancelled;
  t.AddEvaluation("E1", EvaluationKind::kFiscal, "P1").grade = Grade::kPoor;
  EXPECT_TRUE(Apply(t.Build()).proposals.empty());
}

}  // namespace
}  // namespace perfbudget

namespace perfbudget {
namespace {

using namespace testing_evaluation;  // NOLINT

TEST(ResultApplication, NextYearBudgetBelowRequestIsListed) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.AddEvaluation("E1", EvaluationKind::kFiscal, "P1").grade = Grade::kFair;
  const Dataset ds = t.Build();
  TestData n;
  n.NewProject("P1", Wan(80)).requested = Wan(100);  // cut 20
  n.NewProject("P2", Wan(50)).requested = Wan(50);   // as requested: not listed
  Project& c = n.NewProject("P3", Money());          // cancelled: cut 30
  c.requested = Wan(30);
  c.status = ProjectStatus::kCancelled;
  ResultApplicationOptions o;
  o.next_year = n.Build();
  auto r = ApplyResults(ds, DefaultPolicy(), o);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->next_year_cuts.size(), 2u);
  EXPECT_EQ(r->next_year_cuts[0].cut, Wan(20));
  EXPECT_EQ(r->next_year_cuts[0].proposal, 0u);
  EXPECT_TRUE(r->next_year_cuts[1].cancelled);
  EXPECT_EQ(r->next_year_cuts[1].proposal, kNoIndex);
  EXPECT_EQ(r->next_year_cut, Wan(50));
  // Without a next year: nothing listed.
  EXPECT_TRUE(ApplyResults(ds, DefaultPolicy())->next_year_cuts.empty());
}

}  // namespace
}  // namespace perfbudget
