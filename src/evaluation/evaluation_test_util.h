// evaluation_test_util.h (tests only): small datasets for self-evaluation
// scoring and result application, built in code.
#ifndef PERFBUDGET_SRC_EVALUATION_EVALUATION_TEST_UTIL_H_
#define PERFBUDGET_SRC_EVALUATION_EVALUATION_TEST_UTIL_H_

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "perfbudget/model/dataset.h"

namespace perfbudget::testing_evaluation {

inline Date D(const char* iso) { return *Date::Parse(iso); }
inline Money Wan(std::int64_t wan) { return Money::FromFen(wan * 1000000); }
inline Money Fen(std::int64_t fen) { return Money::FromFen(fen); }
inline Ratio R(const char* text) { return *Ratio::ParseDecimal(text); }

// An indicator: level 1, comparator, target (and range high), optional weight.
inline Indicator Ind(IndicatorLevel1 l1, Comparator c, std::optional<Ratio> target,
                     std::optional<Ratio> weight = std::nullopt,
                     std::optional<Ratio> high = std::nullopt) {
  Indicator i;
  i.level1 = l1;
  switch (l1) {
    case IndicatorLevel1::kCost:
      i.level2 = IndicatorLevel2::kEconomicCost;
      break;
    case IndicatorLevel1::kOutput:
      i.level2 = IndicatorLevel2::kQuantity;
      break;
    case IndicatorLevel1::kBenefit:
      i.level2 = IndicatorLevel2::kSocialBenefit;
      break;
    case IndicatorLevel1::kSatisfaction:
      i.level2 = IndicatorLevel2::kBeneficiarySatisfaction;
      break;
  }
  i.name = "指标";
  i.comparator = c;
  i.target = target;
  i.target_text = target.has_value() ? target->ToShortString() : "达成年度目标";
  i.target_high = high;
  i.weight = weight;
  i.unit_of_measure = c == Comparator::kQualitative ? "" : "个";
  return i;
}

inline Indicator WithActual(Indicator i, const char* date, std::optional<Ratio> value,
                            std::string text = "") {
  IndicatorActual a;
  a.date = D(date);
  a.value = value;
  a.text = std::move(text);
  i.actuals.push_back(std::move(a));
  return i;
}

inline Indicator WithGrade(Indicator i, const char* date, QualitativeGrade g) {
  IndicatorActual a;
  a.date = D(date);
  a.grade = g;
  i.actuals.push_back(std::move(a));
  return i;
}

// A builder with fiscal year 2022 and unit U1.
struct TestData {
  DatasetBuilder b;
  std::vector<Project> pending;
  int next = 1;
  TestData() {
    DatasetInfo info;
    info.jurisdiction_code = "J1";
    info.jurisdiction_name = "测试园区";
    info.fiscal_year = 2022;
    b.SetInfo(info);
    b.AddUnit({"U1", "一号单位"});
    b.AddUnit({"U2", "二号单位"});
  }
  Project& NewProject(const std::string& id, Money general, const std::string& unit = "U1") {
    Project p;
    p.id = id;
    p.unit_id = unit;
    p.name = "项目" + id;
    if (!general.is_zero()) p.funds.push_back({FundSource::kGeneralBudget, general, 0});
    pending.push_back(std::move(p));
    return pending.back();
  }
  void Pay(const std::string& project, const char* date, Money amount) {
    Disbursement d;
    d.id = "V" + std::to_string(next++);
    d.project_id = project;
    d.date = D(date);
    d.amount = amount;
    b.AddDisbursement(d);
  }
  // A project goal (owner project) or, with project "", a unit goal of `unit`.
  void AddGoal(const std::string& id, const std::string& project, std::vector<Indicator> inds,
               const std::string& unit = "U1") {
    Goal g;
    g.id = id;
    g.owner = project.empty() ? GoalOwner::kUnit : GoalOwner::kProject;
    g.project_id = project;
    g.unit_id = unit;
    g.text = "目标";
    for (std::size_t k = 0; k < inds.size(); ++k) {
      if (inds[k].id.empty()) inds[k].id = std::to_string(k + 1);
      if (inds[k].name == "指标") inds[k].name = "指标" + std::to_string(k + 1);
    }
    g.indicators = std::move(inds);
    b.AddGoal(std::move(g));
  }
  Evaluation& AddEvaluation(const std::string& id, EvaluationKind kind, const std::string& project,
                            const std::string& unit = "U1") {
    Evaluation e;
    e.id = id;
    e.kind = kind;
    e.project_id = project;
    e.unit_id = unit;
    e.evaluated_year = 2022;
    evaluations.push_back(std::move(e));
    return evaluations.back();
  }
  std::vector<Evaluation> evaluations;
  Dataset Build() {
    for (Project& p : pending) b.AddProject(std::move(p));
    pending.clear();
    for (Evaluation& e : evaluations) b.AddEvaluation(std::move(e));
    evaluations.clear();
    Diagnostics diags;
    auto ds = b.Build({}, &diags);
    EXPECT_TRUE(ds.ok()) << ds.status() << (diags.empty() ? "" : diags.items()[0].ToString());
    return ds.ok() ? *ds : Dataset();
  }
};

}  // namespace perfbudget::testing_evaluation

#endif  // PERFBUDGET_SRC_EVALUATION_EVALUATION_TEST_UTIL_H_
