// monitor_bench.cc: dual monitoring and reclaim at province scale.
//
// synth data: 1,000 units, 100,000 projects, ~1,010,000 disbursements (11 a
// started project; projects not started get none), 6 indicators a goal.
// Reported: disbursements per second (counter "disb/s") for a monitoring
// pass, for monitoring + reclaim, and 12 month-ends in one MonitorSeries call
// against 3 separate passes. Results: docs/monitoring.md.
#include <vector>

#include "benchmark/benchmark.h"
#include "perfbudget/monitoring/monitor.h"
#include "perfbudget/monitoring/reclaim.h"
#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/synth/synth.h"

namespace perfbudget {
namespace {

const Dataset& Province() {
  static const Dataset ds = [] {
    SynthOptions o;
    o.units = 1000;
    o.projects = 100000;
    o.disbursements_per_project = 11;  // at most; 92% of projects started: ~1.01M in all
    o.indicators_per_goal = 6;
    auto r = Synthesize(o);
    return r.ok() ? *r : Dataset();
  }();
  return ds;
}

Date AsOf() { return *Date::Parse("2022-08-31"); }

void SetRate(benchmark::State& state, std::size_t passes) {
  state.counters["disb/s"] =
      benchmark::Counter(static_cast<double>(Province().disbursements().size() * passes),
                         benchmark::Counter::kIsIterationInvariantRate);
  state.counters["disbursements"] = static_cast<double>(Province().disbursements().size());
}

void BM_Monitor(benchmark::State& state) {
  const Dataset& ds = Province();
  const Policy policy = DefaultPolicy();
  MonitorOptions o;
  o.as_of = AsOf();
  o.goals = state.range(0) != 0;
  for (auto _ : state) {
    auto r = Monitor(ds, policy, o);
    benchmark::DoNotOptimize(r);
  }
  SetRate(state, 1);
}
BENCHMARK(BM_Monitor)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// A full monitoring pass (goals off / on) and reclaim computed from its rows;
// the proposals' messages are rendered on demand (ExplainProposal), not here.
void BM_MonitorPlusReclaim(benchmark::State& state) {
  const Dataset& ds = Province();
  const Policy policy = DefaultPolicy();
  MonitorOptions o;
  o.as_of = AsOf();
  o.goals = state.range(0) != 0;
  ReclaimOptions ro;
  ro.messages = false;
  for (auto _ : state) {
    auto r = Monitor(ds, policy, o);
    if (!r.ok()) state.SkipWithError("monitor failed");
    auto rc = Reclaim(*r, policy, ro);
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(rc);
  }
  SetRate(state, 1);
}
BENCHMARK(BM_MonitorPlusReclaim)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The stand-alone calls as before: Monitor, then Reclaim(dataset) (its own
// monitoring pass, goals off) with every message rendered in zh and en.
void BM_MonitorPlusReclaimStandalone(benchmark::State& state) {
  const Dataset& ds = Province();
  const Policy policy = DefaultPolicy();
  MonitorOptions o;
  o.as_of = AsOf();
  ReclaimOptions ro;
  ro.as_of = AsOf();
  for (auto _ : state) {
    auto r = Monitor(ds, policy, o);
    auto rc = Reclaim(ds, policy, ro);
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(rc);
  }
  SetRate(state, 1);
}
BENCHMARK(BM_MonitorPlusReclaimStandalone)->Unit(benchmark::kMillisecond);

// 12 month-ends in one call. Arg 1: full per-project reports at every date;
// arg 0: without project rows (units, fund sources and the jurisdiction
// only), what BuildExecutionCurve asks for.
void BM_TwelveMonthEndsOneCall(benchmark::State& state) {
  const Dataset& ds = Province();
  const Policy policy = DefaultPolicy();
  std::vector<Date> dates;
  for (int m = 1; m <= 12; ++m) dates.push_back(ds.fiscal_year().EndOfFiscalMonth(m));
  MonitorOptions o;
  o.goals = false;
  o.project_rows = state.range(0) != 0;
  for (auto _ : state) {
    auto r = MonitorSeries(ds, policy, dates, o);
    benchmark::DoNotOptimize(r);
  }
  SetRate(state, 1);
}
BENCHMARK(BM_TwelveMonthEndsOneCall)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

void BM_ThreeSeparatePasses(benchmark::State& state) {
  const Dataset& ds = Province();
  const Policy policy = DefaultPolicy();
  MonitorOptions o;
  o.goals = false;
  for (auto _ : state) {
    for (int m : {4, 8, 12}) {
      o.as_of = ds.fiscal_year().EndOfFiscalMonth(m);
      auto r = Monitor(ds, policy, o);
      benchmark::DoNotOptimize(r);
    }
  }
  SetRate(state, 3);
}
BENCHMARK(BM_ThreeSeparatePasses)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace perfbudget

BENCHMARK_MAIN();
