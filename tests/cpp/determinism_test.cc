// determinism_test.cc: same input → byte-identical output, checked the ways
// a single call twice in one process cannot:
//  - in another process (a child running this binary again, with glibc's
//    MALLOC_PERTURB_ filling fresh and freed memory, another TZ and locale
//    variables, and its own address-space layout);
//  - from several threads at once;
//  - with the dataset's records added in the reverse order (analyses compared
//    per record id: the figures, levels, rule codes and texts must not
//    depend on the order records arrive in).
// The CLI's own cross-process test is in tests/ (wip/hardening).
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "gtest/gtest.h"
#include "perfbudget/io/json.h"
#include "perfbudget/monitoring/execution_curve.h"
#include "perfbudget/monitoring/monitor.h"
#include "perfbudget/monitoring/reclaim.h"
#include "perfbudget/monitoring/svg_chart.h"
#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/review/review.h"
#include "perfbudget/synth/synth.h"

extern char** environ;

namespace perfbudget {
namespace {

std::string ExamplePath() {
  const char* env = std::getenv("PERFBUDGET_SOURCE_DIR");
  std::string root = (env != nullptr && *env != '\0') ? env : PERFBUDGET_SOURCE_DIR;
  return root + "/examples/suma-park-2022/dataset.json";
}

Dataset Example() {
  absl::StatusOr<Dataset> ds = LoadDatasetJsonFile(ExamplePath());
  EXPECT_TRUE(ds.ok()) << ds.status();
  return ds.ok() ? *ds : Dataset();
}

const Date kAsOf = *Date::Parse("2022-08-31");

// One line per record, keyed by its id (so the lines can be sorted): what
// monitoring, reclaim and review say about it, texts included.
std::vector<std::string> AnalysisLines(const Dataset& ds) {
  std::vector<std::string> out;
  MonitorOptions mo;
  mo.as_of = kAsOf;
  absl::StatusOr<MonitorReport> mon = Monitor(ds, DefaultPolicy(), mo);
  EXPECT_TRUE(mon.ok()) << mon.status();
  if (!mon.ok()) return out;
  for (const MonitorRow& r : mon->projects) {
    std::string line = Cat("monitor|", ds.projects()[r.index].id(), "|", r.current.fen(), "|",
                           r.executed.fen(), "|", static_cast<int>(r.level));
    std::vector<std::string> reasons;
    for (const MonitorReason& x : mon->ReasonsOf(r)) {
      reasons.push_back(absl::StrCat(AV(x.code), "=", ExplainReason(*mon, x, "zh"), "/",
                                     ExplainReason(*mon, x, "en")));
    }
    std::sort(reasons.begin(), reasons.end());
    for (const std::string& x : reasons) absl::StrAppend(&line, "|", x);
    out.push_back(line);
  }
  for (const MonitorRow& r : mon->units) {
    out.push_back(Cat("unit|", ds.units()[r.index].id(), "|", r.current.fen(), "|",
                      r.executed.fen(), "|", static_cast<int>(r.level)));
  }
  out.push_back(absl::StrCat("total|", mon->total.current.fen(), "|", mon->total.executed.fen(),
                             "|", static_cast<int>(mon->total.level)));
  ReclaimOptions ro;
  ro.as_of = kAsOf;
  absl::StatusOr<ReclaimReport> rec = Reclaim(ds, DefaultPolicy(), ro);
  EXPECT_TRUE(rec.ok()) << rec.status();
  if (rec.ok()) {
    for (const ReclaimProposal& p : rec->proposals) {
      std::string line = Cat("reclaim|", ds.projects()[p.project_index].id(), "|", AV(p.code), "|",
                             p.amount.fen());
      for (const FundSplit& f : p.split) {
        absl::StrAppend(&line, "|", AV(CodeOf(f.source)), ":", f.amount.fen());
      }
      absl::StrAppend(&line, "|", p.message_zh, "|", p.message_en);
      out.push_back(line);
    }
    out.push_back(absl::StrCat("reclaim-total|", rec->total.amount.fen()));
  }
  absl::StatusOr<ReviewResult> rev = ReviewDataset(ds, DefaultPolicy());
  EXPECT_TRUE(rev.ok()) << rev.status();
  if (rev.ok()) {
    for (const GoalReview& g : rev->goals) {
      std::string line = absl::StrCat("review|", g.goal_id, "|", g.score.ToExactString(), "|",
                                      static_cast<int>(g.grade));
      std::vector<std::string> findings;
      for (const Finding& f : g.findings) {
        findings.push_back(absl::StrCat(AV(f.code), "@", f.location.indicator_id, "=",
                                        f.Message("zh"), "/", f.Message("en")));
      }
      std::sort(findings.begin(), findings.end());
      for (const std::string& x : findings) absl::StrAppend(&line, "|", x);
      out.push_back(line);
    }
    out.push_back(absl::StrCat("review-blocked|", rev->summary.projects_blocked, "|",
                               rev->summary.amount_blocked_by_review.fen()));
  }
  return out;
}

// Everything this process would print: written datasets, analyses in
// dataset order, the chart.
std::string Fingerprint() {
  std::string out;
  SynthOptions so;
  so.seed = 20220831;
  so.units = 5;
  so.projects = 60;
  absl::StatusOr<Dataset> synth = Synthesize(so);
  EXPECT_TRUE(synth.ok()) << synth.status();
  if (synth.ok()) absl::StrAppend(&out, DatasetToJson(*synth), "\n");
  const Dataset ds = Example();
  absl::StrAppend(&out, DatasetToJson(ds), "\n");
  for (const std::string& line : AnalysisLines(ds)) absl::StrAppend(&out, line, "\n");
  absl::StatusOr<ExecutionCurve> curve = BuildExecutionCurve(ds, DefaultPolicy(), kAsOf);
  EXPECT_TRUE(curve.ok()) << curve.status();
  if (curve.ok()) absl::StrAppend(&out, RenderExecutionCurveSvg(*curve));
  return out;
}

constexpr const char* kChildEnv = "PFB_DETERMINISM_CHILD_OUT";

// In the child (kChildEnv set): writes the fingerprint there. In the parent:
// runs the child and compares its bytes with its own.
TEST(Determinism, SameBytesInAnotherProcess) {
  if (const char* out = std::getenv(kChildEnv); out != nullptr && *out != '\0') {
    std::ofstream f(out, std::ios::binary);
    f << Fingerprint();
    return;
  }
  const std::string mine = Fingerprint();
  ASSERT_GT(mine.size(), 100000u);
  const std::string path = (std::filesystem::path(::testing::TempDir()) /
                            ("pfb_determinism_" + std::to_string(::getpid()) + ".txt"))
                               .string();
  std::vector<std::string> env_s;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string v = *e;
    if (v.rfind("TZ=", 0) == 0 || v.rfind("LC_", 0) == 0 || v.rfind("LANG=", 0) == 0 ||
        v.rfind("MALLOC_PERTURB_=", 0) == 0) {
      continue;
    }
    env_s.push_back(v);
  }
  env_s.push_back(std::string(kChildEnv) + "=" + path);
  env_s.push_back("MALLOC_PERTURB_=165");
  env_s.push_back("TZ=Pacific/Kiritimati");
  env_s.push_back("LANG=zh_CN.GB18030");
  env_s.push_back("LC_ALL=zh_CN.GB18030");
  std::vector<char*> envp;
  for (std::string& v : env_s) envp.push_back(v.data());
  envp.push_back(nullptr);
  std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  std::string filter = "--gtest_filter=Determinism.SameBytesInAnotherProcess";
  std::vector<char*> argv = {self.data(), filter.data(), nullptr};
  pid_t pid = 0;
  ASSERT_EQ(::posix_spawn(&pid, self.c_str(), nullptr, nullptr, argv.data(), envp.data()), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
  std::ifstream in(path, std::ios::binary);
  std::stringstream theirs;
  theirs << in.rdbuf();
  std::filesystem::remove(path);
  ASSERT_EQ(theirs.str().size(), mine.size());
  EXPECT_TRUE(theirs.str() == mine) << "the child process printed other bytes";
}

TEST(Determinism, SameBytesFromFourThreadsAtOnce) {
  const std::string one = Fingerprint();
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&got, i] { got[i] = Fingerprint(); });
  }
  for (std::thread& t : threads) t.join();
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_TRUE(got[i] == one) << "thread " << i;
}

// The example's records added in the reverse order (units, projects with
// their fund lines, adjustments and plan reversed, goals with their
// indicators, disbursements, ex-ante assessments, evaluations,
// rectifications): every per-record figure, level, code and text is the
// same, and so are the totals.
TEST(Determinism, RecordOrderDoesNotChangeTheAnalyses) {
  const Dataset ds = Example();
  DatasetBuilder b(ds.info());
  auto reversed = [](const auto& rows) {
    std::vector<typename std::remove_cvref_t<decltype(rows)>::value_type> v(rows.begin(),
                                                                            rows.end());
    std::reverse(v.begin(), v.end());
    return v;
  };
  for (const UnitView u : reversed(ds.units())) b.AddUnit(u.ToRecord());
  for (const ProjectView view : reversed(ds.projects())) {
    Project p = view.ToRecord();
    std::reverse(p.funds.begin(), p.funds.end());
    std::reverse(p.adjustments.begin(), p.adjustments.end());
    std::reverse(p.payment_plan.begin(), p.payment_plan.end());
    b.AddProject(std::move(p));
  }
  for (const Goal& g : reversed(ds.goals())) b.AddGoal(g);
  const DisbursementTable& disb = ds.disbursements();
  for (std::uint32_t row = static_cast<std::uint32_t>(disb.size()); row-- > 0;) {
    b.AddDisbursement(disb[row].ToRecord());
  }
  for (const ExAnteAssessment& a : reversed(ds.ex_ante_assessments())) b.AddExAnteAssessment(a);
  for (const Evaluation& e : reversed(ds.evaluations())) b.AddEvaluation(e);
  for (const RectificationItem& r : reversed(ds.rectifications())) b.AddRectification(r);
  Diagnostics diags;
  absl::StatusOr<Dataset> back = b.Build({}, &diags);
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_NE(back->projects()[0].id(), ds.projects()[0].id());  // really reversed
  std::vector<std::string> a = AnalysisLines(ds);
  std::vector<std::string> c = AnalysisLines(*back);
  ASSERT_GT(a.size(), 100u);
  std::sort(a.begin(), a.end());
  std::sort(c.begin(), c.end());
  ASSERT_EQ(a.size(), c.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i], c[i]);
}

}  // namespace
}  // namespace perfbudget
