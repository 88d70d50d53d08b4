// core_bench.cc: money parse/format/sum, and dataset load (JSON, CSV) in MB/s
// on `synth` data. Scale: PERFBUDGET_BENCH_PROJECTS projects (default
// 100,000, the province scale: 1,000,000 indicators and about 1,000,000
// disbursements). See bench/README.md.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "perfbudget/io/csv.h"
#include "perfbudget/io/json.h"
#include "perfbudget/money/money.h"
#include "perfbudget/synth/synth.h"

namespace {

using perfbudget::Money;

int BenchProjects() {
  const char* env = std::getenv("PERFBUDGET_BENCH_PROJECTS");
  return env != nullptr ? std::atoi(env) : 100000;
}

// The province-scale dataset, made once per process (benchmark fixture only).
const perfbudget::Dataset& ProvinceDataset() {
  static const perfbudget::Dataset ds = [] {
    perfbudget::SynthOptions o;
    o.seed = 42;
    o.units = 1000;
    o.projects = BenchProjects();
    o.indicators_per_goal = 10;
    o.disbursements_per_project = 10;
    auto r = perfbudget::Synthesize(o);
    if (!r.ok()) std::abort();
    return *std::move(r);
  }();
  return ds;
}

const std::string& ProvinceJson() {
  static const std::string json = perfbudget::DatasetToJson(ProvinceDataset(), {.pretty = false});
  return json;
}

const std::string& ProvinceCsvDir() {
  static const std::string dir = [] {
    auto d = std::filesystem::temp_directory_path() / "perfbudget-bench-csv";
    std::filesystem::remove_all(d);
    if (!perfbudget::WriteDatasetCsv(ProvinceDataset(), d.string()).ok()) std::abort();
    return d.string();
  }();
  return dir;
}

std::int64_t DirSize(const std::string& dir) {
  std::int64_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    n += static_cast<std::int64_t>(e.file_size());
  }
  return n;
}

const std::vector<std::string>& AmountTexts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> v;
    for (int i = 0; i < 4096; ++i) {
      switch (i % 4) {
        case 0:
          v.push_back(std::to_string(i * 7919) + "." + std::to_string(10 + i % 90));
          break;
        case 1:
          v.push_back(std::to_string(i) + "万元");
          break;
        case 2:
          v.push_back("1,234," + std::to_string(100 + i % 900) + ".5");
          break;
        default:
          v.push_back("￥" + std::to_string(i * 31) + ".07");
          break;
      }
    }
    return v;
  }();
  return texts;
}

void BM_MoneyParse(benchmark::State& state) {
  const auto& texts = AmountTexts();
  std::size_t i = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& t = texts[i++ & 4095];
    bytes += static_cast<std::int64_t>(t.size());
    auto m = Money::Parse(t);
    benchmark::DoNotOptimize(m);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_MoneyParse);

void BM_MoneyFormat(benchmark::State& state) {
  std::int64_t fen = 123456789;
  for (auto _ : state) {
    std::string s =
        Money::FromFen(fen++).ToString({.unit = perfbudget::MoneyUnit::kWanYuan, .grouping = true});
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MoneyFormat);

void BM_MoneySum(benchmark::State& state) {
  std::vector<Money> v;
  for (int i = 0; i < 1 << 16; ++i) v.push_back(Money::FromFen(i * 1237));
  for (auto _ : state) {
    Money total;
    for (Money m : v) {
      if (!total.TryAdd(m)) std::abort();
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(v.size()));
}
BENCHMARK(BM_MoneySum);

void BM_LoadJsonProvince(benchmark::State& state) {
  const std::string& json = ProvinceJson();
  for (auto _ : state) {
    auto ds = perfbudget::LoadDatasetJson(json);
    if (!ds.ok()) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(ds);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(json.size()));
  state.counters["input_MB"] = static_cast<double>(json.size()) / 1e6;
}
BENCHMARK(BM_LoadJsonProvince)->Unit(benchmark::kMillisecond)->Iterations(3);

// One thread (the load's default is every core; the CPU time of a
// multi-threaded load counts the calling thread only: see BM_LoadCsvThreads).
void LoadProvinceCsv(benchmark::State& state, unsigned threads) {
  const std::string& dir = ProvinceCsvDir();
  const std::int64_t size = DirSize(dir);
  perfbudget::CsvLoadOptions options;
  options.threads = threads;
  for (auto _ : state) {
    auto ds = perfbudget::LoadDatasetCsv(dir, options);
    if (!ds.ok()) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(ds);
  }
  state.SetBytesProcessed(state.iterations() * size);
  state.counters["input_MB"] = static_cast<double>(size) / 1e6;
}
void BM_LoadCsvProvince(benchmark::State& state) { LoadProvinceCsv(state, 1); }
BENCHMARK(BM_LoadCsvProvince)->Unit(benchmark::kMillisecond)->Iterations(3);

// The CSV load with CsvLoadOptions::threads = the argument, in wall time
// (the figure that threads change).
void BM_LoadCsvThreads(benchmark::State& state) {
  LoadProvinceCsv(state, static_cast<unsigned>(state.range(0)));
}
BENCHMARK(BM_LoadCsvThreads)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

void BM_WriteJsonProvince(benchmark::State& state) {
  const auto& ds = ProvinceDataset();
  std::int64_t bytes = 0;
  for (auto _ : state) {
    std::string s = perfbudget::DatasetToJson(ds, {.pretty = false});
    bytes += static_cast<std::int64_t>(s.size());
    benchmark::DoNotOptimize(s);
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_WriteJsonProvince)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
