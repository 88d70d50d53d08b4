// self_evaluation_test.cc: each scoring rule fires and does not; comparator
// edge cases; blocks, weights, rounding and the self-score check.
#include "perfbudget/evaluation/self_evaluation.h"

#include <algorithm>
#include <string>

#include "evaluation/evaluation_test_util.h"
#include "gtest/gtest.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

using namespace testing_evaluation;  // NOLINT
using L1 = IndicatorLevel1;
using C = Comparator;

SelfEvaluationReport Score(const Dataset& ds, const Policy& policy = DefaultPolicy(),
                           SelfEvaluationOptions options = {}) {
  auto r = ScoreSelfEvaluations(ds, policy, options);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : SelfEvaluationReport{};
}

bool HasFlag(const SelfEvaluationReport& r, std::string_view code, std::uint32_t indicator = 0,
             bool any_indicator = true) {
  return std::any_of(r.flags.begin(), r.flags.end(), [&](const SelfEvaluationFlag& f) {
    return f.code == code && (any_indicator || f.indicator == indicator);
  });
}

// One project P1 (100 万元, `paid` 万元 paid) with a goal of one weighted
// indicator worth 90 points: score = 90 × attainment + execution.
SelfEvaluationReport One(Indicator ind, std::int64_t paid = 100,
                         const Policy& policy = DefaultPolicy(),
                         SelfEvaluationOptions options = {}) {
  TestData t;
  t.NewProject("P1", Wan(100));
  if (paid > 0) t.Pay("P1", "2022-06-30", Wan(paid));
  ind.weight = Ratio(90);
  t.AddGoal("G1", "P1", {std::move(ind)});
  return Score(t.Build(), policy, options);
}

Ratio Attainment(const SelfEvaluationReport& r) {
  EXPECT_EQ(r.indicators.size(), 1u);
  return r.indicators.empty() ? Ratio() : r.indicators[0].attainment;
}

// ---- execution rate ---------------------------------------------------------

TEST(SelfEvaluation, ExecutionRatePointsAreTenTimesTheRateCappedAtOne) {
  auto r = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(10)), "2022-12-31", Ratio(10)), 80);
  ASSERT_EQ(r.goals.size(), 1u);
  EXPECT_EQ(r.goals[0].execution_rate, Ratio(4, 5));
  EXPECT_EQ(r.goals[0].execution_earned, Ratio(8));
  EXPECT_EQ(r.goals[0].score, Ratio(98));
  EXPECT_NE(r.goals[0].execution_message_zh.find("80.00%"), std::string::npos)
      << r.goals[0].execution_message_zh;

  TestData t;
  t.NewProject("P1", Wan(100));
  t.Pay("P1", "2022-03-01", Wan(130));
  t.AddGoal("G1", "P1",
            {WithActual(Ind(L1::kOutput, C::kGe, Ratio(1), Ratio(90)), "2022-12-31", Ratio(1))});
  auto over = Score(t.Build());
  EXPECT_EQ(over.goals[0].execution_earned, Ratio(10));  // capped
  EXPECT_EQ(over.goals[0].score, Ratio(100));
}

TEST(SelfEvaluation, ZeroBudgetEarnsNoExecutionPoints) {
  TestData t;
  t.NewProject("P1", Money());
  t.AddGoal("G1", "P1",
            {WithActual(Ind(L1::kOutput, C::kGe, Ratio(1), Ratio(90)), "2022-12-31", Ratio(1))});
  auto r = Score(t.Build());
  EXPECT_EQ(r.goals[0].execution_earned, Ratio(0));
  EXPECT_NE(r.goals[0].execution_message_en.find("current budget is 0"), std::string::npos)
      << r.goals[0].execution_message_en;
  auto paid = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(1)), "2022-12-31", Ratio(1)), 50);
  EXPECT_EQ(paid.goals[0].execution_message_en.find("current budget is 0"), std::string::npos);
}

TEST(SelfEvaluation, ExecutionStopsAtTheEvaluationDate) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.Pay("P1", "2022-03-01", Wan(40));
  t.Pay("P1", "2022-11-01", Wan(40));
  t.AddGoal("G1", "P1",
            {WithActual(Ind(L1::kOutput, C::kGe, Ratio(1), Ratio(90)), "2022-06-30", Ratio(1))});
  const Dataset ds = t.Build();
  SelfEvaluationOptions o;
  o.as_of = D("2022-08-31");
  EXPECT_EQ(Score(ds, DefaultPolicy(), o).goals[0].executed, Wan(40));
  EXPECT_EQ(Score(ds).goals[0].executed, Wan(80));
}

// ---- comparators ------------------------------------------------------------

TEST(SelfEvaluation, HigherIsBetter) {
  auto r = One(WithActual(Ind(L1::kOutput, C::kGe, R("3.2")), "2022-12-31", R("2.4")));
  EXPECT_EQ(Attainment(r), Ratio(3, 4));
  EXPECT_EQ(r.indicators[0].code, "selfeval.higher_is_better");
  EXPECT_EQ(r.indicators[0].earned, R("67.5"));
  EXPECT_EQ(r.indicators[0].lost(), R("22.5"));
  EXPECT_EQ(r.goals[0].score, R("77.5"));
  EXPECT_EQ(r.goals[0].grade, Grade::kFair);
  // Over-achievement earns nothing extra.
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kGe, R("3.2")), "2022-12-31", R("9")))),
            Ratio(1));
  // > is scored as ≥: equal to the target is full.
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kGt, R("5")), "2022-12-31", R("5")))),
            Ratio(1));
  // Zero target: met by any actual ≥ 0; a negative actual earns 0.
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kGe, R("0")), "2022-12-31", R("0")))),
            Ratio(1));
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kGe, R("0")), "2022-12-31", R("-1")))),
            Ratio(0));
  // A negative actual against a positive target earns 0, not a negative score.
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kGe, R("5")), "2022-12-31", R("-2")))),
            Ratio(0));
}

TEST(SelfEvaluation, LowerIsBetter) {
  auto met = One(WithActual(Ind(L1::kOutput, C::kLe, R("12")), "2022-12-31", R("11")));
  EXPECT_EQ(Attainment(met), Ratio(1));
  EXPECT_EQ(met.indicators[0].code, "selfeval.lower_is_better");
  auto missed = One(WithActual(Ind(L1::kOutput, C::kLe, R("12")), "2022-12-31", R("15")));
  EXPECT_EQ(Attainment(missed), Ratio(4, 5));  // 12 ÷ 15
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kLt, R("12")), "2022-12-31", R("12")))),
            Ratio(1));
  // Zero target exceeded: 0.
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kLe, R("0")), "2022-12-31", R("1")))),
            Ratio(0));
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kLe, R("0")), "2022-12-31", R("0")))),
            Ratio(1));
}

TEST(SelfEvaluation, EqualTo) {
  auto eq = One(WithActual(Ind(L1::kOutput, C::kEq, R("100")), "2022-12-31", R("100")));
  EXPECT_EQ(Attainment(eq), Ratio(1));
  EXPECT_EQ(eq.indicators[0].code, "selfeval.equal");
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kEq, R("100")), "2022-12-31", R("98")))),
            Ratio(49, 50));
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kEq, R("100")), "2022-12-31", R("102")))),
            Ratio(49, 50));
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kEq, R("100")), "2022-12-31", R("250")))),
            Ratio(0));  // max(0, …)
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kEq, R("0")), "2022-12-31", R("0.1")))),
            Ratio(0));  // zero target, not equal
  EXPECT_EQ(Attainment(One(WithActual(Ind(L1::kOutput, C::kEq, R("0")), "2022-12-31", R("0")))),
            Ratio(1));
}

TEST(SelfEvaluation, RangeEdges) {
  const auto range = [](const char* actual) {
    return Attainment(One(WithActual(Ind(L1::kOutput, C::kRange, R("90"), std::nullopt, R("100")),
                                     "2022-12-31", R(actual))));
  };
  EXPECT_EQ(range("90"), Ratio(1));
  EXPECT_EQ(range("100"), Ratio(1));
  EXPECT_EQ(range("95"), Ratio(1));
  EXPECT_EQ(range("81"), Ratio(9, 10));  // as ≥ 90
  EXPECT_EQ(range("125"), Ratio(4, 5));  // as ≤ 100
  EXPECT_EQ(range("89.999"), R("89.999") / Ratio(90));
  auto r = One(WithActual(Ind(L1::kOutput, C::kRange, R("90"), std::nullopt, R("100")),
                          "2022-12-31", R("95")));
  EXPECT_EQ(r.indicators[0].code, "selfeval.range");
}

TEST(SelfEvaluation, QualitativeGrades) {
  const auto qual = [](QualitativeGrade g) {
    return One(WithGrade(Ind(L1::kOutput, C::kQualitative, std::nullopt), "2022-12-31", g));
  };
  EXPECT_EQ(Attainment(qual(QualitativeGrade::kAchieved)), Ratio(1));
  EXPECT_EQ(Attainment(qual(QualitativeGrade::kPartlyAchieved)), Ratio(4, 5));
  EXPECT_EQ(Attainment(qual(QualitativeGrade::kNotAchieved)), Ratio(0));
  auto partly = qual(QualitativeGrade::kPartlyAchieved);
  EXPECT_EQ(partly.indicators[0].code, "selfeval.qualitative");
  EXPECT_NE(partly.indicators[0].message_zh.find("部分达成"), std::string::npos)
      << partly.indicators[0].message_zh;
  EXPECT_NE(partly.indicators[0].message_zh.find("80%"), std::string::npos);
  // The policy's percentages.
  Policy p = DefaultPolicy();
  SelfEvaluationPolicy sp = p.self_evaluation();
  sp.partly_achieved_percent = Ratio(60);
  p.set_self_evaluation(sp);
  EXPECT_EQ(Attainment(One(WithGrade(Ind(L1::kOutput, C::kQualitative, std::nullopt), "2022-12-31",
                                     QualitativeGrade::kPartlyAchieved),
                           100, p)),
            Ratio(3, 5));
  // A numeric actual under a qualitative comparator is no actual.
  auto numeric =
      One(WithActual(Ind(L1::kOutput, C::kQualitative, std::nullopt), "2022-12-31", Ratio(1)));
  EXPECT_EQ(numeric.indicators[0].code, "selfeval.no_actual");
}

// ---- missing actuals, unreadable targets ------------------------------------

TEST(SelfEvaluation, NoActualScoresZeroAndIsListed) {
  auto r = One(Ind(L1::kOutput, C::kGe, Ratio(5)));
  EXPECT_EQ(r.indicators[0].code, "selfeval.no_actual");
  EXPECT_FALSE(r.indicators[0].scored);
  EXPECT_EQ(r.indicators[0].earned, Ratio(0));
  EXPECT_TRUE(HasFlag(r, "selfeval.no_actual"));
  EXPECT_FALSE(HasFlag(r, "selfeval.far_below_without_reason"));
  auto with = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(5)), "2022-12-31", Ratio(5)));
  EXPECT_FALSE(HasFlag(with, "selfeval.no_actual"));
  // An actual without a value (text only) is no actual.
  auto text_only =
      One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(5)), "2022-12-31", std::nullopt, "已完成"));
  EXPECT_EQ(text_only.indicators[0].code, "selfeval.no_actual");
  // Switched off: still 0 points, no flag.
  Policy p = DefaultPolicy();
  p.MutableRule("selfeval.no_actual").enabled = false;
  auto off = One(Ind(L1::kOutput, C::kGe, Ratio(5)), 100, p);
  EXPECT_FALSE(HasFlag(off, "selfeval.no_actual"));
  EXPECT_EQ(off.goals[0].score, Ratio(10));
}

TEST(SelfEvaluation, LatestActualOnOrBeforeTheEvaluationDateCounts) {
  Indicator ind = WithActual(Ind(L1::kOutput, C::kGe, Ratio(10)), "2022-06-30", Ratio(4));
  ind = WithActual(std::move(ind), "2023-01-15", Ratio(8));
  EXPECT_EQ(Attainment(One(ind)), Ratio(4, 5));  // no cut-off: the latest
  SelfEvaluationOptions o;
  o.as_of = D("2022-12-31");
  EXPECT_EQ(Attainment(One(ind, 100, DefaultPolicy(), o)), Ratio(2, 5));
  o.as_of = D("2022-06-29");
  auto none = One(ind, 100, DefaultPolicy(), o);
  EXPECT_EQ(none.indicators[0].code, "selfeval.no_actual");
}

TEST(SelfEvaluation, UnreadableTargetScoresZero) {
  Indicator ind = WithActual(Ind(L1::kOutput, C::kGe, std::nullopt), "2022-12-31", Ratio(3));
  ind.target_text = "较上年提高";
  auto r = One(ind);
  EXPECT_EQ(r.indicators[0].code, "selfeval.target_unreadable");
  EXPECT_TRUE(HasFlag(r, "selfeval.target_unreadable"));
  EXPECT_NE(r.indicators[0].message_zh.find("较上年提高"), std::string::npos);
  // A range without its high end cannot be scored either.
  auto range = One(WithActual(Ind(L1::kOutput, C::kRange, Ratio(3)), "2022-12-31", Ratio(3)));
  EXPECT_EQ(range.indicators[0].code, "selfeval.target_unreadable");
  auto fine = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(3)), "2022-12-31", Ratio(3)));
  EXPECT_FALSE(HasFlag(fine, "selfeval.target_unreadable"));
}

// ---- far below without a reason ----------------------------------------------

TEST(SelfEvaluation, FarBelowWithoutReasonIsFlagged) {
  auto bare = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(10)), "2022-12-31", Ratio(5)));
  EXPECT_TRUE(bare.indicators[0].far_below);
  EXPECT_TRUE(HasFlag(bare, "selfeval.far_below_without_reason"));
  // The value as written is not an explanation.
  auto value_text =
      One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(10)), "2022-12-31", Ratio(5), "5个"));
  EXPECT_TRUE(HasFlag(value_text, "selfeval.far_below_without_reason"));
  auto explained = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(10)), "2022-12-31", Ratio(5),
                                  "偏差原因：受征地拆迁影响，工期顺延"));
  EXPECT_TRUE(explained.indicators[0].explained);
  EXPECT_FALSE(HasFlag(explained, "selfeval.far_below_without_reason"));
  // Exactly at the line (80%) is not far below; just under is.
  auto at_line = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(10)), "2022-12-31", Ratio(8)));
  EXPECT_FALSE(HasFlag(at_line, "selfeval.far_below_without_reason"));
  auto under = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(10)), "2022-12-31", R("7.99")));
  EXPECT_TRUE(HasFlag(under, "selfeval.far_below_without_reason"));
  EXPECT_NE(under.flags[0].message_zh.find("79.90%"), std::string::npos)
      << under.flags[0].message_zh;
}

// ---- weights and blocks -------------------------------------------------------

TEST(SelfEvaluation, WithoutWeightsEachBlockIsSplitEqually) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.Pay("P1", "2022-06-30", Wan(100));
  t.AddGoal("G1", "P1",
            {WithActual(Ind(L1::kOutput, C::kGe, Ratio(10)), "2022-12-31", Ratio(10)),
             WithActual(Ind(L1::kOutput, C::kGe, Ratio(10)), "2022-12-31", Ratio(5)),
             WithActual(Ind(L1::kCost, C::kLe, Ratio(10)), "2022-12-31", Ratio(9)),
             WithActual(Ind(L1::kBenefit, C::kGe, Ratio(10)), "2022-12-31", Ratio(10)),
             WithActual(Ind(L1::kSatisfaction, C::kGe, Ratio(90)), "2022-12-31", Ratio(90))});
  auto r = Score(t.Build());
  ASSERT_EQ(r.indicators.size(), 5u);
  // Cost shares the output block: 50 ÷ 3 each.
  EXPECT_EQ(r.indicators[0].points, Ratio(50, 3));
  EXPECT_EQ(r.indicators[2].points, Ratio(50, 3));
  EXPECT_EQ(r.indicators[2].block, ScoreBlock::kOutput);
  EXPECT_EQ(r.indicators[3].points, Ratio(30));
  EXPECT_EQ(r.indicators[4].points, Ratio(10));
  EXPECT_EQ(r.goals[0].score, Ratio(100) - Ratio(25, 3));
  EXPECT_FALSE(r.goals[0].weights_given);
  EXPECT_FALSE(HasFlag(r, "selfeval.points_not_100"));
  EXPECT_FALSE(HasFlag(r, "selfeval.block_missing"));
}

TEST(SelfEvaluation, CostBlockOfItsOwnWhenThePolicySaysSo) {
  Policy p = DefaultPolicy();
  SelfEvaluationPolicy sp = p.self_evaluation();
  sp.cost_in_output = false;
  sp.output_points = Ratio(40);
  sp.cost_points = Ratio(10);
  p.set_self_evaluation(sp);
  TestData t;
  t.NewProject("P1", Wan(100));
  t.AddGoal("G1", "P1",
            {Ind(L1::kOutput, C::kGe, Ratio(10)), Ind(L1::kCost, C::kLe, Ratio(10)),
             Ind(L1::kBenefit, C::kGe, Ratio(10)), Ind(L1::kSatisfaction, C::kGe, Ratio(90))});
  auto r = Score(t.Build(), p);
  EXPECT_EQ(r.indicators[0].points, Ratio(40));
  EXPECT_EQ(r.indicators[1].points, Ratio(10));
  EXPECT_EQ(r.indicators[1].block, ScoreBlock::kCost);
}

TEST(SelfEvaluation, MissingBlockIsRedistributedInProportion) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.AddGoal("G1", "P1",
            {WithActual(Ind(L1::kOutput, C::kGe, Ratio(10)), "2022-12-31", Ratio(10)),
             WithActual(Ind(L1::kBenefit, C::kGe, Ratio(10)), "2022-12-31", Ratio(10))});
  const Dataset ds = t.Build();
  auto r = Score(ds);
  EXPECT_EQ(r.indicators[0].points, R("56.25"));  // 50 × 90 ÷ 80
  EXPECT_EQ(r.indicators[1].points, R("33.75"));
  EXPECT_EQ(r.goals[0].score, Ratio(90));  // nothing paid: execution 0
  EXPECT_EQ(r.goals[0].max_score, Ratio(100));
  EXPECT_TRUE(HasFlag(r, "selfeval.block_missing"));
  EXPECT_NE(r.flags[0].message_zh.find("满意度"), std::string::npos) << r.flags[0].message_zh;
  // Not redistributed: the block's points are lost.
  Policy p = DefaultPolicy();
  SelfEvaluationPolicy sp = p.self_evaluation();
  sp.redistribute_missing_blocks = false;
  p.set_self_evaluation(sp);
  auto lost = Score(ds, p);
  EXPECT_EQ(lost.indicators[0].points, Ratio(50));
  EXPECT_EQ(lost.goals[0].score, Ratio(80));
  EXPECT_EQ(lost.goals[0].max_score, Ratio(100));
  EXPECT_NE(lost.flags[0].message_en.find("are lost"), std::string::npos);
}

TEST(SelfEvaluation, GivenWeightsAreThePointsAsWritten) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.Pay("P1", "2022-06-30", Wan(100));
  t.AddGoal("G1", "P1",
            {WithActual(Ind(L1::kOutput, C::kGe, Ratio(10), Ratio(60)), "2022-12-31", Ratio(5)),
             WithActual(Ind(L1::kBenefit, C::kGe, Ratio(10), Ratio(30)), "2022-12-31", Ratio(10))});
  auto r = Score(t.Build());
  EXPECT_TRUE(r.goals[0].weights_given);
  EXPECT_EQ(r.indicators[0].points, Ratio(60));
  EXPECT_EQ(r.goals[0].score, Ratio(70));              // 30 + 30 + 10
  EXPECT_FALSE(HasFlag(r, "selfeval.block_missing"));  // weights given: nothing redistributed
  EXPECT_FALSE(HasFlag(r, "selfeval.points_not_100"));
  EXPECT_FALSE(HasFlag(r, "selfeval.weights_partial"));
}

TEST(SelfEvaluation, WeightsNotTotalling100AreFlagged) {
  auto r = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(1)), "2022-12-31", Ratio(1)));
  EXPECT_FALSE(HasFlag(r, "selfeval.points_not_100"));
  TestData t;
  t.NewProject("P1", Wan(100));
  t.AddGoal("G1", "P1",
            {WithActual(Ind(L1::kOutput, C::kGe, Ratio(1), Ratio(100)), "2022-12-31", Ratio(1))});
  auto over = Score(t.Build());
  EXPECT_EQ(over.goals[0].max_score, Ratio(110));
  EXPECT_TRUE(HasFlag(over, "selfeval.points_not_100"));
}

TEST(SelfEvaluation, PartialWeightsAreIgnoredAndFlagged) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.AddGoal("G1", "P1",
            {Ind(L1::kOutput, C::kGe, Ratio(10), Ratio(70)), Ind(L1::kOutput, C::kGe, Ratio(10)),
             Ind(L1::kBenefit, C::kGe, Ratio(10)), Ind(L1::kSatisfaction, C::kGe, Ratio(10))});
  auto r = Score(t.Build());
  EXPECT_FALSE(r.goals[0].weights_given);
  EXPECT_EQ(r.indicators[0].points, Ratio(25));
  EXPECT_TRUE(HasFlag(r, "selfeval.weights_partial"));
}

// ---- score, grade and rounding --------------------------------------------------

TEST(SelfEvaluation, GradeComesFromTheExactScore) {
  // 90 × 79995 ÷ 90000 = 79.995, + 10 execution = 89.995.
  auto r = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(90000)), "2022-12-31", Ratio(79995)));
  EXPECT_EQ(r.goals[0].score, R("89.995"));
  EXPECT_EQ(r.goals[0].score.ToDecimalString(2), "90.00");
  EXPECT_EQ(r.goals[0].grade, Grade::kGood);
  auto ninety = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(90)), "2022-12-31", Ratio(80)));
  EXPECT_EQ(ninety.goals[0].score, Ratio(90));
  EXPECT_EQ(ninety.goals[0].grade, Grade::kExcellent);
  EXPECT_EQ(SelfEvaluationGradeOf(SelfEvaluationPolicy{}, R("59.999")), Grade::kPoor);
  EXPECT_EQ(SelfEvaluationGradeOf(SelfEvaluationPolicy{}, Ratio(60)), Grade::kFair);
}

// ---- unit goals and the self-score check ---------------------------------------

TEST(SelfEvaluation, UnitGoalUsesTheUnitsExecution) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.NewProject("P2", Wan(300));
  t.NewProject("P3", Wan(500), "U2");
  t.Pay("P1", "2022-05-01", Wan(100));
  t.Pay("P2", "2022-05-01", Wan(200));
  t.AddGoal("GU1", "",
            {WithActual(Ind(L1::kOutput, C::kGe, Ratio(1), Ratio(90)), "2022-12-31", Ratio(1))});
  auto r = Score(t.Build());
  ASSERT_EQ(r.goals.size(), 1u);
  EXPECT_EQ(r.goals[0].owner, GoalOwner::kUnit);
  EXPECT_EQ(r.goals[0].current, Wan(400));
  EXPECT_EQ(r.goals[0].executed, Wan(300));
  EXPECT_EQ(r.goals[0].score, R("97.5"));
  EXPECT_EQ(r.total.unit_goals, 1u);
}

TEST(SelfEvaluation, SelfScoreCheckFlagsInflatedScores) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.NewProject("P2", Wan(100));
  t.NewProject("P3", Wan(100));
  // Each goal computes to 10 + 90 × 0.75 = 77.5.
  for (const char* p : {"P1", "P2", "P3"}) {
    t.Pay(p, "2022-06-30", Wan(100));
    t.AddGoal(std::string("G") + p, p,
              {WithActual(Ind(L1::kOutput, C::kGe, Ratio(4), Ratio(90)), "2022-12-31", Ratio(3),
                          "原因：工期延误")});
  }
  t.AddGoal(
      "GU1", "",
      {WithActual(Ind(L1::kOutput, C::kGe, Ratio(4), Ratio(90)), "2022-12-31", Ratio(3), "原因")});
  t.AddEvaluation("E1", EvaluationKind::kSelf, "P1").score = R("82.5");  // +5: not flagged
  Evaluation& e2 = t.AddEvaluation("E2", EvaluationKind::kSelf, "P2");
  e2.score = R("82.51");  // +5.01: flagged
  e2.amount = Wan(100);
  Evaluation& e3 = t.AddEvaluation("E3", EvaluationKind::kSelf, "P3");
  e3.score = Ratio(95);
  e3.evaluated_year = 2021;  // another year: not matched
  t.AddEvaluation("E4", EvaluationKind::kFiscal, "P3").score = Ratio(99);  // not a self-evaluation
  t.AddEvaluation("EU", EvaluationKind::kSelf, "").score = Ratio(90);      // unit level: +12.5
  auto r = Score(t.Build());
  ASSERT_EQ(r.goals.size(), 4u);
  EXPECT_EQ(r.goals[0].difference, Ratio(5));
  EXPECT_FALSE(r.goals[0].inflated);
  EXPECT_TRUE(r.goals[1].inflated);
  EXPECT_EQ(r.goals[2].self_evaluation, kNoIndex);
  EXPECT_TRUE(r.goals[3].inflated);
  EXPECT_EQ(r.total.self_evaluations, 2u);  // project records
  EXPECT_EQ(r.total.unit_self_evaluations, 1u);
  EXPECT_EQ(r.total.inflated, 2u);
  EXPECT_EQ(r.total.self_evaluation_amount, Wan(100));
  EXPECT_EQ(r.total.unit_self_evaluation_amount, Money());
  const auto inflated = std::count_if(
      r.flags.begin(), r.flags.end(),
      [](const SelfEvaluationFlag& f) { return f.code == "selfeval.self_score_inflated"; });
  EXPECT_EQ(inflated, 2);
  bool named = false;
  for (const SelfEvaluationFlag& f : r.flags) {
    if (f.code == "selfeval.self_score_inflated" &&
        f.message_zh.find("报告得分82.51分，按数据计算为77.50分，高出5.01分，超过5分") !=
            std::string::npos) {
      named = true;
    }
  }
  EXPECT_TRUE(named);
  // A larger tolerance: nothing flagged.
  Policy p = DefaultPolicy();
  SelfEvaluationPolicy sp = p.self_evaluation();
  sp.self_score_tolerance = Ratio(30);  // 95 − 67.5 = 27.5
  p.set_self_evaluation(sp);
  TestData t2;
  t2.NewProject("P1", Wan(100));
  t2.AddGoal(
      "G1", "P1",
      {WithActual(Ind(L1::kOutput, C::kGe, Ratio(4), Ratio(90)), "2022-12-31", Ratio(3), "原因")});
  t2.AddEvaluation("E1", EvaluationKind::kSelf, "P1").score = Ratio(95);
  EXPECT_EQ(Score(t2.Build(), p).total.inflated, 0u);
}

TEST(SelfEvaluation, CancelledProjectsAreNotScored) {
  TestData t;
  t.NewProject("P1", Money()).status = ProjectStatus::kCancelled;
  t.AddGoal("G1", "P1", {Ind(L1::kOutput, C::kGe, Ratio(1))});
  EXPECT_TRUE(Score(t.Build()).goals.empty());
}

TEST(SelfEvaluation, MessagesOffGiveTheSameScores) {
  auto on = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(10)), "2022-12-31", Ratio(5)));
  SelfEvaluationOptions o;
  o.messages = false;
  auto off = One(WithActual(Ind(L1::kOutput, C::kGe, Ratio(10)), "2022-12-31", Ratio(5)), 100,
                 DefaultPolicy(), o);
  EXPECT_EQ(on.goals[0].score, off.goals[0].score);
  EXPECT_EQ(on.flags.size(), off.flags.size());
  EXPECT_TRUE(off.indicators[0].message_zh.empty());
  EXPECT_FALSE(on.indicators[0].message_zh.empty());
}

TEST(SelfEvaluation, BadSectionIsRejected) {
  Policy p = DefaultPolicy();
  SelfEvaluationPolicy sp = p.self_evaluation();
  sp.benefit_points = Ratio(-1);
  p.set_self_evaluation(sp);
  TestData t;
  EXPECT_FALSE(ScoreSelfEvaluations(t.Build(), p, {}).ok());
}

TEST(SelfEvaluation, EveryCodeIsInTheCatalog) {
  for (std::string_view code :
       {"selfeval.execution_rate", "selfeval.zero_budget", "selfeval.higher_is_better",
        "selfeval.lower_is_better", "selfeval.equal", "selfeval.range", "selfeval.qualitative",
        "selfeval.no_actual", "selfeval.target_unreadable", "selfeval.far_below_without_reason",
        "selfeval.block_missing", "selfeval.weights_partial", "selfeval.points_not_100",
        "selfeval.self_score_inflated"}) {
    EXPECT_NE(FindRuleSpec(code), nullptr) << code;
  }
}

}  // namespace
}  // namespace perfbudget

namespace perfbudget {
namespace {

using namespace testing_evaluation;  // NOLINT

TEST(SelfEvaluation, SelfEvaluationsRecordedInAnotherDatasetAreMatchedById) {
  TestData t;
  t.NewProject("P1", Wan(100));
  t.Pay("P1", "2022-06-30", Wan(100));
  t.AddGoal("G1", "P1",
            {WithActual(Ind(IndicatorLevel1::kOutput, Comparator::kGe, Ratio(4), Ratio(90)),
                        "2022-12-31", Ratio(3), "原因")});
  const Dataset scored = t.Build();  // 77.5
  TestData next;
  next.NewProject("P1", Wan(100));
  Evaluation& e = next.AddEvaluation("ES", EvaluationKind::kSelf, "P1");
  e.score = Ratio(90);
  e.amount = Wan(100);
  e.evaluated_year = 2022;
  Evaluation& other = next.AddEvaluation("ES-old", EvaluationKind::kSelf, "P1");
  other.score = Ratio(99);
  other.evaluated_year = 2021;  // another year: ignored
  SelfEvaluationOptions o;
  o.reports.push_back(next.Build());
  auto r = ScoreSelfEvaluations(scored, DefaultPolicy(), o);
  ASSERT_TRUE(r.ok());
  ASSERT_NE(r->SelfEvaluationOf(r->goals[0]), nullptr);
  EXPECT_EQ(r->SelfEvaluationOf(r->goals[0])->id, "ES");
  EXPECT_EQ(r->goals[0].self_evaluation_source, 1u);
  EXPECT_TRUE(r->goals[0].inflated);
  EXPECT_EQ(r->total.self_evaluation_amount, Wan(100));
  // Without the other dataset: nothing matched.
  auto alone = ScoreSelfEvaluations(scored, DefaultPolicy(), {});
  EXPECT_EQ(alone->goals[0].self_evaluation, kNoIndex);
}

}  // namespace
}  // namespace perfbudget
