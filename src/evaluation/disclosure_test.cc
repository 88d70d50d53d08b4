// disclosure_test.cc: what was published (disclosure.h).
#include "perfbudget/evaluation/disclosure.h"

#include <algorithm>
#include <string>

#include "gtest/gtest.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

struct Data {
  std::vector<Project> projects;
  std::vector<Evaluation> evaluations;
  Project& Add(const std::string& id, bool key, bool with_budget, bool with_approval,
               ProjectStatus status = ProjectStatus::kInProgress) {
    Project p;
    p.id = id;
    p.unit_id = "U1";
    p.name = "项目" + id;
    p.is_key = key;
    p.status = status;
    p.disclosure = {with_budget, with_approval};
    projects.push_back(p);
    return projects.back();
  }
  Evaluation& Result(const std::string& id, EvaluationKind kind, bool published,
                     const std::string& project = "P1") {
    Evaluation e;
    e.id = id;
    e.kind = kind;
    e.project_id = project;
    e.unit_id = "U1";
    e.published_with_final_accounts = published;
    evaluations.push_back(e);
    return evaluations.back();
  }
  Dataset Build() const {
    DatasetInfo info;
    info.jurisdiction_code = "J1";
    info.jurisdiction_name = "测试园区";
    info.fiscal_year = 2022;
    DatasetBuilder b(info);
    b.AddUnit({"U1", "一号单位"});
    for (const Project& p : projects) b.AddProject(p);
    for (const Evaluation& e : evaluations) b.AddEvaluation(e);
    Diagnostics diags;
    absl::StatusOr<Dataset> ds = b.Build({}, &diags);
    EXPECT_TRUE(ds.ok()) << ds.status() << (diags.empty() ? "" : diags.items()[0].ToString());
    return ds.ok() ? *ds : Dataset();
  }
};

DisclosureReport Check(const Data& d, const Policy& policy = DefaultPolicy()) {
  absl::StatusOr<DisclosureReport> r = CheckDisclosure(d.Build(), policy);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : DisclosureReport();
}

int Count(const DisclosureReport& r, std::string_view code) {
  return static_cast<int>(
      std::count_if(r.findings.begin(), r.findings.end(),
                    [&](const DisclosureFinding& f) { return f.code == code; }));
}

TEST(DisclosureTest, CountsKeyGoalsPublishedWithBudgetAndApproval) {
  Data d;
  d.Add("P1", true, true, true);
  d.Add("P2", true, true, false);
  d.Add("P3", false, true, false);
  d.Add("P4", true, false, false, ProjectStatus::kCancelled);  // out of scope
  DisclosureReport r = Check(d);
  EXPECT_EQ(r.total.projects, 3u);
  EXPECT_EQ(r.total.key_projects, 2u);
  EXPECT_EQ(r.total.key_with_budget, 2u);
  EXPECT_EQ(r.total.key_with_approval, 1u);
  EXPECT_EQ(r.total.with_budget, 3u);
  EXPECT_EQ(r.units[0].counts.key_projects, 2u);
  EXPECT_EQ(Count(r, "disclosure.goal_not_with_budget"), 0);
  ASSERT_EQ(Count(r, "disclosure.goal_not_with_approval"), 1);  // P2; P3 is not key
  EXPECT_EQ(r.findings[0].message_zh, "重点项目项目P2（P2）2022年绩效目标未随预算批复公开");
}

TEST(DisclosureTest, KeyOnlyZeroAsksForEveryBudgetedProject) {
  Data d;
  d.Add("P1", true, true, true);
  d.Add("P3", false, false, true);
  Policy p = DefaultPolicy();
  EXPECT_EQ(Count(Check(d, p), "disclosure.goal_not_with_budget"), 0);
  p.MutableRule("disclosure.goal_not_with_budget").params["key_only"] = Ratio(0);
  DisclosureReport r = Check(d, p);
  ASSERT_EQ(Count(r, "disclosure.goal_not_with_budget"), 1);
  EXPECT_EQ(r.findings[0].message_en,
            "the 2022 goal of project 项目P3 (P3) was not published with the department budget");
}

TEST(DisclosureTest, ResultsPublishedWithTheFinalAccounts) {
  Data d;
  d.Add("P1", true, true, true);
  d.Result("E1", EvaluationKind::kThirdParty, true);
  d.Result("E2", EvaluationKind::kFiscal, false);
  d.Result("E3", EvaluationKind::kSelf, false);  // self-evaluations are not results to publish
  d.Result("E4", EvaluationKind::kFiscal, false, "");  // unit level
  DisclosureReport r = Check(d);
  EXPECT_EQ(r.total.results, 3u);
  EXPECT_EQ(r.total.results_published, 1u);
  EXPECT_EQ(Count(r, "disclosure.result_not_with_final_accounts"), 2);
  Policy p = DefaultPolicy();
  p.MutableRule("disclosure.result_not_with_final_accounts").params["unit_level"] = Ratio(0);
  EXPECT_EQ(Count(Check(d, p), "disclosure.result_not_with_final_accounts"), 1);
  p.MutableRule("disclosure.result_not_with_final_accounts").enabled = false;
  DisclosureReport off = Check(d, p);
  EXPECT_EQ(Count(off, "disclosure.result_not_with_final_accounts"), 0);
  EXPECT_EQ(off.total.results_published, 1u);
}

TEST(DisclosureTest, BadFlagIsAnError) {
  Data d;
  Policy p = DefaultPolicy();
  p.MutableRule("disclosure.goal_not_with_budget").params["key_only"] = Ratio(2);
  EXPECT_EQ(CheckDisclosure(d.Build(), p).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace perfbudget
