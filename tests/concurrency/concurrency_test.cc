// concurrency_test.cc: one dataset and one policy shared by many threads.
//
// The library promises that a loaded Dataset / Policy (C: pfb_dataset,
// pfb_policy) may be read from any number of threads at once and that the
// analyses are pure functions. Here several threads review, monitor,
// reclaim, chart, summarise and write the same dataset under the same
// policy, and load datasets at the same time, through the C++ API and the C
// ABI; every result must be identical to the single-threaded one. Under the
// `tsan` preset (ThreadSanitizer) any data race fails the test too.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/json.h"
#include "perfbudget/monitoring/execution_curve.h"
#include "perfbudget/monitoring/monitor.h"
#include "perfbudget/monitoring/reclaim.h"
#include "perfbudget/monitoring/svg_chart.h"
#include "perfbudget/perfbudget.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/report/summary.h"
#include "perfbudget/review/review.h"
#include "perfbudget/synth/synth.h"

namespace perfbudget {
namespace {

constexpr int kThreads = 6;

std::string Source(const std::string& rel) {
  return std::string(PERFBUDGET_SOURCE_DIR) + "/" + rel;
}
const std::string kExample = "examples/suma-park-2022/dataset.json";

// Runs `work(i)` on kThreads threads at once; returns their results.
std::vector<std::string> OnThreads(const std::function<std::string(int)>& work) {
  std::vector<std::string> results(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&results, &work, i] { results[static_cast<std::size_t>(i)] = work(i); });
  }
  for (std::thread& t : threads) t.join();
  return results;
}

// Everything the analyses say about a dataset, as text.
std::string AnalyseCpp(const Dataset& ds, const Policy& policy) {
  std::string out;
  const auto review = ReviewDataset(ds, policy);
  if (!review.ok()) return "review: " + review.status().ToString();
  for (const GoalReview& g : review->goals) {
    out += g.goal_id + " " + g.score.ToExactString() + " " +
           std::to_string(static_cast<int>(g.grade)) + "\n";
    for (const Finding& f : g.findings)
      out += std::string(f.code) + " " + f.Message("zh") + " " + f.Message("en") + "\n";
  }
  for (const ProjectGate& gate : review->gates)
    out += gate.project_id + (gate.may_enter ? " in\n" : " out\n");
  const Date as_of = *ds.info().as_of;
  MonitorOptions mo;
  mo.as_of = as_of;
  const auto monitor = Monitor(ds, policy, mo);
  if (!monitor.ok()) return "monitor: " + monitor.status().ToString();
  for (const MonitorReason& r : monitor->reasons) out += ExplainReason(*monitor, r, "zh") + "\n";
  ReclaimOptions ro;
  ro.as_of = as_of;
  const auto reclaim = Reclaim(ds, policy, ro);
  if (!reclaim.ok()) return "reclaim: " + reclaim.status().ToString();
  for (const ReclaimProposal& p : reclaim->proposals)
    out += ExplainProposal(*reclaim, p, "en") + "\n";
  const auto curve = BuildExecutionCurve(ds, policy, as_of);
  if (!curve.ok()) return "curve: " + curve.status().ToString();
  out += RenderExecutionCurveSvg(*curve);
  const auto summary = Summarize(ds, as_of);
  if (!summary.ok()) return "summary: " + summary.status().ToString();
  out += DatasetToJson(ds);
  return out;
}

TEST(ConcurrencyTest, CppAnalysesOfOneSharedDataset) {
  const auto ds = LoadDatasetJsonFile(Source(kExample));
  ASSERT_TRUE(ds.ok()) << ds.status();
  const auto policy = BuiltinPolicy("suma-park");
  ASSERT_TRUE(policy.ok()) << policy.status();
  const std::string expected = AnalyseCpp(*ds, *policy);
  ASSERT_GT(expected.size(), 1000u) << expected;
  // Copies of a Dataset share its data: some threads take a copy.
  const std::vector<std::string> got = OnThreads([&](int i) {
    if (i % 2 == 0) return AnalyseCpp(*ds, *policy);
    const Dataset copy = *ds;
    const Policy policy_copy = *policy;
    return AnalyseCpp(copy, policy_copy);
  });
  for (const std::string& g : got) EXPECT_TRUE(g == expected) << g.substr(0, 500);
}

TEST(ConcurrencyTest, ConcurrentLoads) {
  const auto json_ds = LoadDatasetJsonFile(Source(kExample));
  ASSERT_TRUE(json_ds.ok()) << json_ds.status();
  const auto csv_ds = LoadDatasetCsv(Source("tests/data/csv/good"));
  ASSERT_TRUE(csv_ds.ok()) << csv_ds.status();
  const std::string json_expected = DatasetToJson(*json_ds);
  const std::string csv_expected = DatasetToJson(*csv_ds);
  const std::vector<std::string> got = OnThreads([&](int i) -> std::string {
    if (i % 3 == 2) {  // a policy too: the built-in profiles are parsed on demand
      const auto p = ResolvePolicy("central", nullptr);
      return p.ok() ? PolicyToJson(*p) : p.status().ToString();
    }
    const auto d = i % 3 == 0 ? LoadDatasetJsonFile(Source(kExample))
                              : LoadDatasetCsv(Source("tests/data/csv/good"));
    return d.ok() ? DatasetToJson(*d) : d.status().ToString();
  });
  const auto central = BuiltinPolicy("central");
  ASSERT_TRUE(central.ok());
  for (int i = 0; i < kThreads; ++i) {
    const std::string& want =
        i % 3 == 2 ? PolicyToJson(*central) : (i % 3 == 0 ? json_expected : csv_expected);
    EXPECT_TRUE(got[static_cast<std::size_t>(i)] == want) << i;
  }
}

// One CSV load on several threads (CsvLoadOptions::threads): the tables read
// in parallel and the disbursements in chunks of 16 KiB (a dozen or more),
// two such loads at once; the dataset and the diagnostics are those of a
// one-thread load.
TEST(ConcurrencyTest, ParallelCsvLoad) {
  SynthOptions synth;
  synth.seed = 7;
  synth.units = 40;
  synth.projects = 600;
  synth.disbursements_per_project = 11;
  const auto year = Synthesize(synth);
  ASSERT_TRUE(year.ok()) << year.status();
  const std::string dir = ::testing::TempDir() + "/pfb_parallel_csv_load";
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(WriteDatasetCsv(*year, dir).ok());
  const std::string broken = dir + "_broken";
  std::filesystem::remove_all(broken);
  std::filesystem::copy(dir, broken);
  {
    std::ofstream(broken + "/disbursements.csv", std::ios::app)
        << "V-bad,P-nope,2022-13-45,general_budget,abc\n";
    std::ofstream(broken + "/units.csv", std::ios::app) << "\"U\"x,name\n";
  }
  const auto load = [](const std::string& path, unsigned threads) {
    CsvLoadOptions options;
    options.threads = threads;
    options.chunk_bytes = std::size_t{16} << 10;
    Diagnostics diagnostics;
    const auto d = LoadDatasetCsv(path, options, &diagnostics);
    if (d.ok()) return DatasetToJson(*d);
    std::string out = d.status().ToString();
    for (const Diagnostic& x : diagnostics.items()) out += "\n" + x.ToString();
    return out;
  };
  const std::string good = load(dir, 1);
  const std::string bad = load(broken, 1);
  ASSERT_GT(std::filesystem::file_size(dir + "/disbursements.csv"), std::uintmax_t{12} << 14);
  ASSERT_NE(bad.find("units.csv"), std::string::npos) << bad;
  std::string got_good;
  std::string got_bad;
  std::thread other([&] { got_bad = load(broken, 3); });
  got_good = load(dir, 4);
  other.join();
  EXPECT_TRUE(got_good == good);
  EXPECT_EQ(got_bad, bad);
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(broken);
}

// The same through the C ABI: one pfb_dataset and one pfb_policy.
std::string AnalyseC(const pfb_dataset* ds, const pfb_policy* policy,
                     const std::string& policy_json) {
  std::string out;
  pfb_review* review = nullptr;
  if (pfb_review_dataset(ds, policy, nullptr, 0, &review, nullptr) != PFB_OK)
    return "review failed";
  for (uint32_t g = 0; g < pfb_review_goal_count(review); ++g) {
    out +=
        std::string(pfb_review_goal_id(review, g)) + " " + pfb_review_goal_score(review, g) + "\n";
  }
  for (uint32_t f = 0; f < pfb_review_finding_count(review); ++f) {
    out += std::string(pfb_review_finding_code(review, f)) + " " +
           pfb_review_finding_message(review, f, "en") + "\n";
  }
  out += std::to_string(pfb_review_summary_value(review, "amount_blocked")) + "\n";
  pfb_review_destroy(review);

  pfb_monitor* monitor = nullptr;
  if (pfb_monitor_run(ds, policy_json.data(), policy_json.size(), 0, &monitor, nullptr) != PFB_OK) {
    return "monitor failed";
  }
  out += std::string(pfb_monitor_time_progress(monitor)) + "\n";
  for (uint32_t r = 0; r < pfb_monitor_reason_count(monitor); ++r) {
    const char* code = nullptr;
    const char* message = nullptr;
    pfb_monitor_reason(monitor, r, PFB_LANG_ZH, &code, nullptr, nullptr, nullptr, &message,
                       nullptr);
    out += std::string(code) + " " + message + "\n";
  }
  pfb_monitor_destroy(monitor);

  pfb_reclaim* reclaim = nullptr;
  if (pfb_reclaim_run(ds, policy_json.data(), policy_json.size(), 0, &reclaim, nullptr) != PFB_OK) {
    return "reclaim failed";
  }
  out += std::to_string(pfb_reclaim_total_fen(reclaim)) + "\n";
  pfb_reclaim_destroy(reclaim);

  pfb_curve* curve = nullptr;
  if (pfb_curve_run(ds, policy_json.data(), policy_json.size(), 0, &curve, nullptr) != PFB_OK) {
    return "curve failed";
  }
  char* svg = nullptr;
  size_t svg_len = 0;
  if (pfb_curve_svg(curve, PFB_LANG_EN, nullptr, 0, &svg, &svg_len, nullptr) == PFB_OK) {
    out.append(svg, svg_len);
  }
  pfb_string_free(svg);
  pfb_curve_destroy(curve);

  int64_t approved = 0, current = 0, executed = 0;
  pfb_dataset_totals(ds, 0, &approved, &current, &executed, nullptr);
  out += std::to_string(approved) + " " + std::to_string(current) + " " + std::to_string(executed) +
         "\n";
  char* json = nullptr;
  size_t json_len = 0;
  if (pfb_dataset_to_json(ds, 0, &json, &json_len, nullptr) == PFB_OK) out.append(json, json_len);
  pfb_string_free(json);
  return out;
}

TEST(ConcurrencyTest, CAbiAnalysesOfOneSharedDataset) {
  pfb_dataset* ds = nullptr;
  ASSERT_EQ(pfb_dataset_load(Source(kExample).c_str(), PFB_ENCODING_UTF8, &ds, nullptr), PFB_OK);
  pfb_policy* policy = nullptr;
  ASSERT_EQ(pfb_policy_load("suma-park", &policy, nullptr), PFB_OK);
  char* pj = nullptr;
  size_t pj_len = 0;
  ASSERT_EQ(pfb_policy_to_json(policy, &pj, &pj_len, nullptr), PFB_OK);
  const std::string policy_json(pj, pj_len);
  pfb_string_free(pj);

  const std::string expected = AnalyseC(ds, policy, policy_json);
  ASSERT_GT(expected.size(), 1000u) << expected;
  const std::vector<std::string> got = OnThreads([&](int i) -> std::string {
    if (i % 3 != 2) return AnalyseC(ds, policy, policy_json);
    // Concurrent loads beside the analyses.
    pfb_dataset* mine = nullptr;
    if (pfb_dataset_load(Source(kExample).c_str(), PFB_ENCODING_UTF8, &mine, nullptr) != PFB_OK) {
      return "load failed";
    }
    std::string r = AnalyseC(mine, policy, policy_json);
    pfb_dataset_destroy(mine);
    return r;
  });
  for (const std::string& g : got) EXPECT_TRUE(g == expected) << g.substr(0, 500);
  pfb_policy_destroy(policy);
  pfb_dataset_destroy(ds);
}

}  // namespace
}  // namespace perfbudget
