// coverage_bench.cc: the fiscal-evaluation coverage plan at scale.
//
// 100,000 key projects in 1,000 units (start years 2005–2022, budgets 10–5,000
// 万元), a 2023 plan over 5 years at the default (even-pace) capacity, with 10
// years of evaluation history (2013–2022): BM_PlanCoverage/<per mille>
// gives each project an evaluation in a given year with that probability
// (200 ‰ ≈ 200,000 evaluations, one every five years; 1000 ‰ = 1,000,000,
// one every year). Reported: key projects per second ("projects/s").
// Results: bench/README.md.
#include <cstdint>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "perfbudget/evaluation/coverage.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

constexpr int kProjects = 100'000;
constexpr int kUnits = 1'000;

std::uint64_t Mix(std::uint64_t x) {  // splitmix64
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

std::string ProjectId(int p) { return "P" + std::to_string(1'000'000 + p); }

const Dataset& Current() {
  static const Dataset ds = [] {
    DatasetInfo info;
    info.jurisdiction_code = "B1";
    info.jurisdiction_name = "bench";
    info.fiscal_year = 2023;
    DatasetBuilder b(info);
    for (int u = 0; u < kUnits; ++u) b.AddUnit({"U" + std::to_string(u), "单位"});
    for (int p = 0; p < kProjects; ++p) {
      const std::uint64_t r = Mix(static_cast<std::uint64_t>(p));
      Project proj;
      proj.id = ProjectId(p);
      proj.unit_id = "U" + std::to_string(p % kUnits);
      proj.name = "重点项目";
      proj.is_key = true;
      proj.start_year = 2005 + static_cast<int>(r % 18);
      proj.funds.push_back(
          {FundSource::kGeneralBudget,
           Money::FromFen(static_cast<std::int64_t>(10 + (r >> 8) % 4991) * 1'000'000), 0});
      b.AddProject(std::move(proj));
    }
    auto built = b.Build();
    return built.ok() ? *built : Dataset();
  }();
  return ds;
}

std::vector<Evaluation> History(int per_mille) {
  std::vector<Evaluation> out;
  for (int p = 0; p < kProjects; ++p) {
    for (int year = 2013; year <= 2022; ++year) {
      const std::uint64_t r =
          Mix(static_cast<std::uint64_t>(p) * 31 + static_cast<std::uint64_t>(year));
      if (static_cast<int>(r % 1000) >= per_mille) continue;
      Evaluation e;
      e.id = "E" + std::to_string(year) + "-" + std::to_string(p);
      e.kind = (r >> 12) % 2 == 0 ? EvaluationKind::kFiscal : EvaluationKind::kThirdParty;
      e.project_id = ProjectId(p);
      e.unit_id = "U" + std::to_string(p % kUnits);
      e.evaluated_year = year - 1;
      e.date = *Date::FromYmd(year, 7, 1);
      e.grade = static_cast<Grade>((r >> 20) % 4);
      e.amount = Money::FromFen(100'000'000);
      out.push_back(std::move(e));
    }
  }
  return out;
}

void BM_PlanCoverage(benchmark::State& state) {
  const Dataset& ds = Current();
  const std::vector<Evaluation> history = History(static_cast<int>(state.range(0)));
  const Policy policy = DefaultPolicy();
  CoverageOptions options;
  options.messages = state.range(1) != 0;
  for (auto _ : state) {
    absl::StatusOr<CoverageReport> r = PlanCoverage(ds, history, policy, options);
    benchmark::DoNotOptimize(r);
  }
  state.counters["projects/s"] =
      benchmark::Counter(kProjects, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["evaluations"] = static_cast<double>(history.size());
}
BENCHMARK(BM_PlanCoverage)
    ->Args({200, 1})
    ->Args({200, 0})
    ->Args({1000, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace perfbudget

BENCHMARK_MAIN();
