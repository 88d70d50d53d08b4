// coverage_test.cc: the fiscal-evaluation coverage plan (coverage.h).
#include "perfbudget/evaluation/coverage.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

Money Wan(std::int64_t wan) { return Money::FromFen(wan * 1'000'000); }

// Builds a one-year dataset of key projects (unit U1 unless named).
struct Data {
  explicit Data(int year = 2023) : year(year) {}
  int year;
  std::vector<Project> projects;
  std::vector<Evaluation> evaluations;

  Project& Key(const std::string& id, int start_year, std::int64_t wan = 100,
               const std::string& unit = "U1") {
    Project p;
    p.id = id;
    p.unit_id = unit;
    p.name = "项目" + id;
    p.is_key = true;
    p.start_year = start_year;
    p.funds.push_back({FundSource::kGeneralBudget, Wan(wan), 0});
    projects.push_back(std::move(p));
    return projects.back();
  }
  Dataset Build() const {
    DatasetInfo info;
    info.jurisdiction_code = "J1";
    info.jurisdiction_name = "测试园区";
    info.fiscal_year = year;
    DatasetBuilder b(info);
    b.AddUnit({"U1", "一号单位"});
    b.AddUnit({"U2", "二号单位"});
    for (const Project& p : projects) b.AddProject(p);
    for (const Evaluation& e : evaluations) b.AddEvaluation(e);
    Diagnostics diags;
    absl::StatusOr<Dataset> ds = b.Build({}, &diags);
    EXPECT_TRUE(ds.ok()) << ds.status() << (diags.empty() ? "" : diags.items()[0].ToString());
    return ds.ok() ? *ds : Dataset();
  }
};

// A history evaluation (from another year's dataset), dated mid-year.
Evaluation Eval(const std::string& project, int year,
                EvaluationKind kind = EvaluationKind::kThirdParty,
                std::optional<Grade> grade = Grade::kGood, std::int64_t wan = 100) {
  static int n = 0;
  Evaluation e;
  e.id = "E" + std::to_string(++n);
  e.kind = kind;
  e.project_id = project;
  e.unit_id = "U1";
  e.evaluated_year = year - 1;
  e.date = *Date::FromYmd(year, 7, 1);
  e.amount = Wan(wan);
  e.grade = grade;
  return e;
}

CoverageOptions Capacity(std::uint32_t n) {
  CoverageOptions o;
  o.max_projects = n;
  return o;
}

const CoverageProject& Row(const CoverageReport& r, std::string_view id) {
  for (const CoverageProject& row : r.projects) {
    if (r.dataset.projects()[row.project_index].id() == id) return row;
  }
  ADD_FAILURE() << "no row " << id;
  return r.projects.front();
}

std::vector<std::string> Ids(const CoverageReport& r, const std::vector<std::uint32_t>& rows) {
  std::vector<std::string> out;
  for (std::uint32_t row : rows)
    out.emplace_back(r.dataset.projects()[r.projects[row].project_index].id());
  return out;
}

int CountFindings(const CoverageReport& r, std::string_view code) {
  return static_cast<int>(std::count_if(r.findings.begin(), r.findings.end(),
                                        [&](const CoverageFinding& f) { return f.code == code; }));
}

CoverageReport Plan(const Data& d, const std::vector<Evaluation>& history,
                    const CoverageOptions& options = Capacity(10),
                    const Policy& policy = DefaultPolicy()) {
  absl::StatusOr<CoverageReport> r = PlanCoverage(d.Build(), history, policy, options);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : CoverageReport();
}

TEST(CoverageTest, NeverEvaluatedIsDueWhenAFullWindowEndsThisYear) {
  Data d;
  d.Key("P1", 2019);  // window 2019–2023 lies inside its life: due in 2023
  d.Key("P2", 2020);  // first full window is 2020–2024: not due yet
  CoverageReport r = Plan(d, {}, Capacity(1));
  EXPECT_EQ(Row(r, "P1").deadline, 2023);
  EXPECT_EQ(Row(r, "P1").status, CoverageStatus::kDue);
  EXPECT_EQ(Row(r, "P2").deadline, 2024);
  EXPECT_EQ(Row(r, "P2").status, CoverageStatus::kLater);
  EXPECT_EQ(Row(r, "P2").planned_year, 2024);
  EXPECT_EQ(CountFindings(r, "coverage.due"), 1);
  EXPECT_EQ(CountFindings(r, "coverage.overdue"), 0);
}

TEST(CoverageTest, LastEvaluationFiveYearsAgoMakesItDue) {
  Data d;
  d.Key("P1", 2010);
  d.Key("P2", 2010);
  CoverageReport r = Plan(d, {Eval("P1", 2018), Eval("P2", 2019)}, Capacity(1));
  EXPECT_EQ(Row(r, "P1").deadline, 2023);  // 2019–2023 would have none
  EXPECT_EQ(Row(r, "P1").status, CoverageStatus::kDue);
  EXPECT_FALSE(Row(r, "P1").overdue);
  EXPECT_EQ(Row(r, "P2").deadline, 2024);
  EXPECT_EQ(Row(r, "P2").status, CoverageStatus::kLater);
}

TEST(CoverageTest, OverdueWhenAWindowHasAlreadyEnded) {
  Data d;
  d.Key("P1", 2010);
  d.Key("P2", 2017);  // never evaluated: 2017–2021 already had none
  d.Key("P3", 2019);  // never evaluated, but its first window ends 2023
  CoverageReport r = Plan(d, {Eval("P1", 2017)});
  EXPECT_TRUE(Row(r, "P1").overdue);
  EXPECT_EQ(Row(r, "P1").deadline, 2022);
  EXPECT_TRUE(Row(r, "P2").overdue);
  EXPECT_EQ(Row(r, "P2").deadline, 2021);
  EXPECT_FALSE(Row(r, "P3").overdue);
  EXPECT_EQ(CountFindings(r, "coverage.overdue"), 2);
  EXPECT_EQ(r.total.overdue, 2u);
}

TEST(CoverageTest, UnknownStartNeverEvaluatedIsDueNotOverdue) {
  Data d;
  d.Key("P1", 0);
  CoverageReport r = Plan(d, {});
  EXPECT_EQ(Row(r, "P1").deadline, 2023);
  EXPECT_FALSE(Row(r, "P1").overdue);
  EXPECT_EQ(Row(r, "P1").status, CoverageStatus::kDue);
}

TEST(CoverageTest, SelfEvaluationsDoNotCountThirdPartyOnesDoUnlessThePolicySaysNot) {
  Data d;
  d.Key("P1", 2010);
  d.Key("P2", 2010);
  d.Key("P3", 2010);
  std::vector<Evaluation> h = {Eval("P1", 2022, EvaluationKind::kSelf),
                               Eval("P2", 2022, EvaluationKind::kThirdParty),
                               Eval("P3", 2022, EvaluationKind::kFiscal)};
  CoverageReport r = Plan(d, h);
  EXPECT_EQ(Row(r, "P1").last_year, 0);
  EXPECT_EQ(Row(r, "P2").last_year, 2022);
  EXPECT_EQ(Row(r, "P3").last_year, 2022);
  Policy p = DefaultPolicy();
  p.MutableRule("coverage.plan").params["count_third_party"] = Ratio(0);
  CoverageReport r2 = Plan(d, h, Capacity(10), p);
  EXPECT_EQ(Row(r2, "P2").last_year, 0);
  EXPECT_EQ(Row(r2, "P3").last_year, 2022);
  EXPECT_FALSE(r2.count_third_party);
}

TEST(CoverageTest, YearIsTheYearCarriedOutOrEvaluatedYearPlusOne) {
  Data d;
  d.Key("P1", 2010);
  d.Key("P2", 2010);
  d.Key("P3", 2010);
  Evaluation dated = Eval("P1", 2019);
  dated.evaluated_year = 2017;  // the date decides
  Evaluation undated = Eval("P2", 2019);
  undated.date.reset();
  undated.evaluated_year = 2018;  // carried out in 2019
  Evaluation unknown = Eval("P3", 2019);
  unknown.date.reset();
  unknown.evaluated_year = 0;
  CoverageReport r = Plan(d, {dated, undated, unknown});
  EXPECT_EQ(Row(r, "P1").last_year, 2019);
  EXPECT_EQ(Row(r, "P2").last_year, 2019);
  EXPECT_EQ(Row(r, "P3").last_year, 0);
  EXPECT_EQ(r.ignored_evaluations, 1u);
}

TEST(CoverageTest, EvaluatedThisYearCountsAndUsesCapacity) {
  Data d;
  d.Key("P1", 2010);
  d.Key("P2", 2010);
  d.Key("P3", 2010);
  d.evaluations.push_back(Eval("P1", 2023));  // in the current dataset itself
  CoverageReport r = Plan(d, {}, Capacity(2));
  EXPECT_EQ(Row(r, "P1").status, CoverageStatus::kEvaluated);
  ASSERT_EQ(r.years[0].evaluated.size(), 1u);
  EXPECT_EQ(r.years[0].due.size(), 1u);  // one slot left for two due projects
  EXPECT_EQ(r.years[0].breaches.size(), 1u);
  EXPECT_EQ(r.total.covered, 1u);
}

TEST(CoverageTest, PriorityNeverThenOldestThenPoorGradeThenBudgetThenId) {
  Data d;
  d.Key("A", 2021, 50);   // never evaluated (not due: started 2021)
  d.Key("B", 2010, 900);  // last 2020
  d.Key("C", 2010, 100);  // last 2019, graded 良
  d.Key("D", 2010, 50);   // last 2019, graded 中
  d.Key("E", 2010, 300);  // last 2019, graded 良, larger budget than C
  d.Key("F", 2010, 300);  // same as E: the id decides
  std::vector<Evaluation> h = {Eval("B", 2020), Eval("C", 2019),
                               Eval("D", 2019, EvaluationKind::kFiscal, Grade::kFair),
                               Eval("E", 2019), Eval("F", 2019)};
  CoverageReport r = Plan(d, h, Capacity(6));
  EXPECT_EQ(Ids(r, r.years[0].recommended),
            (std::vector<std::string>{"A", "D", "E", "F", "C", "B"}));
  EXPECT_TRUE(r.years[0].due.empty());
}

TEST(CoverageTest, DueComeBeforeRecommendedEarliestDeadlineFirst) {
  Data d;
  d.Key("N", 2022, 5000);  // never evaluated, not due: a recommendation
  d.Key("D1", 2010, 10);   // due: deadline 2023
  d.Key("D0", 2010, 10);   // overdue: deadline 2021
  CoverageReport r = Plan(d, {Eval("D1", 2018), Eval("D0", 2016)}, Capacity(2));
  EXPECT_EQ(Ids(r, r.years[0].due), (std::vector<std::string>{"D0", "D1"}));
  EXPECT_TRUE(r.years[0].recommended.empty());
  EXPECT_EQ(Row(r, "N").status, CoverageStatus::kLater);
}

TEST(CoverageTest, CapacityTooSmallBreachesAndCarriesOver) {
  Data d;
  d.Key("P1", 2010, 300);
  d.Key("P2", 2010, 200);
  d.Key("P3", 2010, 100);
  std::vector<Evaluation> h = {Eval("P1", 2018), Eval("P2", 2018), Eval("P3", 2018)};
  CoverageReport r = Plan(d, h, Capacity(2));
  EXPECT_EQ(Ids(r, r.years[0].due), (std::vector<std::string>{"P1", "P2"}));  // larger budgets
  EXPECT_EQ(Ids(r, r.years[0].breaches), (std::vector<std::string>{"P3"}));
  EXPECT_EQ(Row(r, "P3").status, CoverageStatus::kBreach);
  EXPECT_EQ(Row(r, "P3").breach_year, 2023);
  EXPECT_EQ(Row(r, "P3").planned_year, 2024);  // first the next year
  EXPECT_EQ(Ids(r, r.years[1].due), (std::vector<std::string>{"P3"}));
  EXPECT_EQ(CountFindings(r, "coverage.breach"), 1);
  EXPECT_EQ(r.total.breaches, 1u);
  // Enough capacity: no breach.
  CoverageReport ok = Plan(d, h, Capacity(3));
  EXPECT_EQ(CountFindings(ok, "coverage.breach"), 0);
  EXPECT_EQ(ok.total.breaches, 0u);
}

TEST(CoverageTest, AmountCapacitySkipsWhatDoesNotFit) {
  Data d;
  d.Key("BIG", 2010, 900);
  d.Key("S1", 2010, 100);
  d.Key("S2", 2010, 100);
  std::vector<Evaluation> h = {Eval("BIG", 2018), Eval("S1", 2018), Eval("S2", 2018)};
  CoverageOptions o = Capacity(10);
  o.max_amount = Wan(250);
  CoverageReport r = Plan(d, h, o);
  EXPECT_EQ(Ids(r, r.years[0].due), (std::vector<std::string>{"S1", "S2"}));
  EXPECT_EQ(Ids(r, r.years[0].breaches), (std::vector<std::string>{"BIG"}));
  EXPECT_EQ(r.years[0].amount, Wan(200));
}

TEST(CoverageTest, DefaultCapacityIsTheEvenPace) {
  Data d;
  for (int i = 0; i < 11; ++i) d.Key("P" + std::to_string(10 + i), 2022);
  CoverageReport r = Plan(d, {}, CoverageOptions{});
  EXPECT_TRUE(r.max_projects_auto);
  EXPECT_EQ(r.max_projects, 3u);  // ⌈11 ÷ 5⌉
  EXPECT_EQ(r.years[0].recommended.size(), 3u);
  EXPECT_EQ(r.years.size(), 5u);
  // Every project is planned within one window at that pace.
  for (const CoverageProject& row : r.projects) EXPECT_NE(row.planned_year, 0);
  Policy p = DefaultPolicy();
  p.MutableRule("coverage.plan").params["max_projects"] = Ratio(4);
  p.MutableRule("coverage.plan").params["horizon_years"] = Ratio(2);
  CoverageReport r2 = Plan(d, {}, CoverageOptions{}, p);
  EXPECT_FALSE(r2.max_projects_auto);
  EXPECT_EQ(r2.max_projects, 4u);
  EXPECT_EQ(r2.years.size(), 2u);
}

TEST(CoverageTest, WindowFromThePolicy) {
  Data d;
  d.Key("P1", 2010);
  Policy p = DefaultPolicy();
  p.MutableRule("coverage.plan").params["window_years"] = Ratio(3);
  CoverageReport r = Plan(d, {Eval("P1", 2020)}, Capacity(1), p);
  EXPECT_EQ(Row(r, "P1").deadline, 2023);
  EXPECT_EQ(Row(r, "P1").status, CoverageStatus::kDue);
  CoverageReport r5 = Plan(d, {Eval("P1", 2020)}, Capacity(1));
  EXPECT_EQ(Row(r5, "P1").deadline, 2025);
}

TEST(CoverageTest, HistoryOrderAndDuplicatesDoNotMatter) {
  Data d;
  d.Key("P1", 2010, 100);
  d.Key("P2", 2010, 100);
  d.Key("P3", 2015, 100);
  Evaluation a = Eval("P1", 2019, EvaluationKind::kFiscal, Grade::kPoor);
  Evaluation b = Eval("P1", 2021, EvaluationKind::kFiscal, Grade::kGood);
  Evaluation c = Eval("P2", 2020);
  Evaluation u = Eval("", 2022, EvaluationKind::kFiscal);
  u.unit_id = "U2";
  std::vector<Evaluation> h1 = {a, b, c, u};
  std::vector<Evaluation> h2 = {u, c, b, a, b, c};
  CoverageReport r1 = Plan(d, h1, Capacity(1));
  CoverageReport r2 = Plan(d, h2, Capacity(1));
  EXPECT_EQ(Row(r1, "P1").last_year, 2021);
  EXPECT_EQ(Row(r1, "P1").last_grade, Grade::kGood);
  EXPECT_EQ(Row(r1, "P1").evaluations, 2);
  EXPECT_EQ(Row(r2, "P1").evaluations, 2);
  ASSERT_EQ(r1.findings.size(), r2.findings.size());
  for (std::size_t i = 0; i < r1.findings.size(); ++i) {
    EXPECT_EQ(r1.findings[i].message_en, r2.findings[i].message_en);
  }
  ASSERT_EQ(r2.history.size(), 4u);
  EXPECT_EQ(r2.history[3].year, 2022);
  EXPECT_EQ(r2.history[3].projects, 0u);
  EXPECT_EQ(r2.history[3].unit_ids, (std::vector<std::string>{"U2"}));
  EXPECT_EQ(r2.history[1].project_amount, Wan(100));  // 2020: c once
}

TEST(CoverageTest, CancelledAndNonKeyProjectsAreOutOfScope) {
  Data d;
  d.Key("P1", 2010);
  d.Key("P2", 2010).status = ProjectStatus::kCancelled;
  d.Key("P3", 2010).is_key = false;
  CoverageReport r = Plan(d, {});
  ASSERT_EQ(r.projects.size(), 1u);
  EXPECT_EQ(r.total.key_projects, 1u);
}

TEST(CoverageTest, PerUnitTotals) {
  Data d;
  d.Key("A1", 2010, 100, "U1");
  d.Key("B1", 2010, 200, "U2");
  d.Key("B2", 2010, 300, "U2");
  CoverageReport r = Plan(d, {Eval("B1", 2022)});
  ASSERT_EQ(r.units.size(), 2u);
  EXPECT_EQ(r.units[0].key_projects, 1u);
  EXPECT_EQ(r.units[0].never, 1u);
  EXPECT_EQ(r.units[1].key_projects, 2u);
  EXPECT_EQ(r.units[1].covered, 1u);
  EXPECT_EQ(r.units[1].key_amount, Wan(500));
  EXPECT_EQ(r.total.key_amount, Wan(600));
}

TEST(CoverageTest, DisabledRuleDropsItsFindingsNotThePlan) {
  Data d;
  d.Key("P1", 2010);
  d.Key("P2", 2010);
  std::vector<Evaluation> h = {Eval("P1", 2018), Eval("P2", 2018)};
  Policy p = DefaultPolicy();
  p.MutableRule("coverage.breach").enabled = false;
  CoverageReport off = Plan(d, h, Capacity(1), p);
  CoverageReport on = Plan(d, h, Capacity(1));
  EXPECT_EQ(CountFindings(on, "coverage.breach"), 1);
  EXPECT_EQ(CountFindings(off, "coverage.breach"), 0);
  EXPECT_EQ(off.years[0].breaches, on.years[0].breaches);
}

TEST(CoverageTest, MessagesNameTheValues) {
  Data d;
  d.Key("P1", 2010, 1200).name = "园林绿化养护";
  d.Key("P2", 2010, 300);
  CoverageReport r = Plan(d, {Eval("P1", 2018), Eval("P2", 2018)}, Capacity(1));
  std::string due_zh, breach_en, plan_zh;
  for (const CoverageFinding& f : r.findings) {
    if (f.code == "coverage.due") due_zh = f.message_zh;
    if (f.code == "coverage.breach") breach_en = f.message_en;
    if (f.code == "coverage.plan" && f.year == 2023) plan_zh = f.message_zh;
  }
  EXPECT_EQ(due_zh,
            "园林绿化养护（P1，一号单位）最近一次财政评价在2018年（良），2023年不开展财政评价则"
            "2019—2023年5年内没有财政评价");
  EXPECT_EQ(breach_en,
            "with a capacity of 1 projects a year, 项目P2 (P2, 一号单位) cannot be evaluated in "
            "2023: the 5 years 2019–2023 will have no fiscal evaluation");
  EXPECT_NE(plan_zh.find("2023年计划对1个重点项目开展财政评价"), std::string::npos) << plan_zh;
  EXPECT_NE(plan_zh.find("1200万元"), std::string::npos) << plan_zh;
}

TEST(CoverageTest, BadParametersAreErrors) {
  Data d;
  d.Key("P1", 2010);
  Policy p = DefaultPolicy();
  p.MutableRule("coverage.plan").params["window_years"] = Ratio(0);
  absl::StatusOr<CoverageReport> r = PlanCoverage(d.Build(), {}, p, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(std::string(r.status().message()).find("window_years = 0"), std::string::npos);
  CoverageOptions o;
  o.horizon_years = 0;
  EXPECT_EQ(PlanCoverage(d.Build(), {}, DefaultPolicy(), o).status().code(),
            absl::StatusCode::kInvalidArgument);
  o = {};
  o.max_amount = Money::FromFen(-1);
  EXPECT_EQ(PlanCoverage(d.Build(), {}, DefaultPolicy(), o).status().code(),
            absl::StatusCode::kInvalidArgument);
  Policy q = DefaultPolicy();
  q.MutableRule("coverage.plan").params["max_amount_wan"] = *Ratio::ParseDecimal("0.0000001");
  EXPECT_EQ(PlanCoverage(d.Build(), {}, q, {}).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(CoverageTest, PlanYearFromTheOptions) {
  Data d;
  d.Key("P1", 2015);
  CoverageOptions o = Capacity(1);
  o.year = 2019;
  CoverageReport r = Plan(d, {}, o);
  EXPECT_EQ(r.year, 2019);
  EXPECT_EQ(Row(r, "P1").deadline, 2019);
  EXPECT_EQ(Row(r, "P1").status, CoverageStatus::kDue);
}

}  // namespace
}  // namespace perfbudget
