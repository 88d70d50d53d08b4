// alloc_failure_test.cc: out of memory at every allocation, one at a time.
//
// This binary replaces the global operator new / delete (every form) and
// wraps malloc with ones that count allocations and, when armed with N, make
// the N-th fail (std::bad_alloc, or nullptr for the nothrow forms and
// malloc); later ones succeed.
// A whole load-and-analyse of a small dataset is a sequence of steps; each
// step, with the steps before it done, is run for N = 1, 2, … until it makes
// fewer than N allocations (RunWithEveryFailure). Each run must end in one of:
//   - the complete, correct result (identical to the run without failures):
//     an allocation failure that the library survived must not change it;
//   - absl::ResourceExhaustedError from the C++ call whose allocation failed
//     (a call returning Status / StatusOr never throws), or std::bad_alloc
//     from a call that returns a plain value (DatasetToJson, the writers);
//   - through the C ABI: PFB_NO_MEMORY from that entry point, with its
//     out-parameters NULL and an error object saying NO_MEMORY (or none, when
//     even that could not be made).
// Under the asan preset, LeakSanitizer checks at exit that nothing leaked.
// (SQLite also has a "persistent" mode where every allocation after the N-th
// fails; that one is not done here: reporting the failure itself allocates.)
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "perfbudget/evaluation/coverage.h"
#include "perfbudget/evaluation/disclosure.h"
#include "perfbudget/evaluation/rectification.h"
#include "perfbudget/evaluation/result_application.h"
#include "perfbudget/evaluation/self_evaluation.h"
#include "perfbudget/io/json.h"
#include "perfbudget/monitoring/execution_curve.h"
#include "perfbudget/monitoring/monitor.h"
#include "perfbudget/monitoring/reclaim.h"
#include "perfbudget/monitoring/svg_chart.h"
#include "perfbudget/perfbudget.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/report/summary.h"
#include "perfbudget/review/review.h"

// ---- the failing allocator ---------------------------------------------------
namespace {

long g_countdown = 0;    // > 0: armed; the allocation that brings it to 0 fails
long g_allocations = 0;  // allocations since Arm()
bool g_failed = false;   // the armed failure happened

bool ShouldFail() {
  ++g_allocations;
  if (g_countdown > 0 && --g_countdown == 0) {
    g_failed = true;
    return true;
  }
  return false;
}

// Suspends the countdown while the test itself allocates (building the
// digest of a result, checking a C call), so that only the library's
// allocations are made to fail.
class Pause {
 public:
  Pause() : saved_(g_countdown) { g_countdown = 0; }
  Pause(const Pause&) = delete;
  Pause& operator=(const Pause&) = delete;
  ~Pause() { g_countdown = saved_; }

 private:
  long saved_;
};

void Arm(long n) {
  g_allocations = 0;
  g_failed = false;
  g_countdown = n;
}
void Disarm() { g_countdown = 0; }

}  // namespace

// malloc too: the link wraps it (-Wl,--wrap=malloc, tests/alloc_failure.cmake)
// for the code linked into this binary, the library's static archive
// included (the C ABI copies strings out with malloc). The replacement
// operator new below takes memory from __real_malloc, so an allocation is
// counted once.
extern "C" void* __real_malloc(std::size_t size);
extern "C" void* __wrap_malloc(std::size_t size) {
  if (ShouldFail()) return nullptr;
  return __real_malloc(size);
}

namespace {

void* Allocate(std::size_t size, std::size_t align) {
  if (ShouldFail()) return nullptr;
  if (size == 0) size = 1;
  if (align <= alignof(std::max_align_t)) return __real_malloc(size);
  void* p = nullptr;
  return posix_memalign(&p, align, size) == 0 ? p : nullptr;
}
void* AllocateOrThrow(std::size_t size, std::size_t align) {
  void* p = Allocate(size, align);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

}  // namespace

void* operator new(std::size_t n) { return AllocateOrThrow(n, 0); }
void* operator new[](std::size_t n) { return AllocateOrThrow(n, 0); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return Allocate(n, 0); }
// Not made to fail: simdjson 3.1 (Debian 12) allocates its buffers this way
// and does not check one of them (ondemand::parser::allocate's string buffer
// — it then parses into a null buffer). docs/testing.md.
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  return __real_malloc(n == 0 ? 1 : n);
}
void* operator new(std::size_t n, std::align_val_t a) {
  return AllocateOrThrow(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a) {
  return AllocateOrThrow(n, static_cast<std::size_t>(a));
}
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return Allocate(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return Allocate(n, static_cast<std::size_t>(a));
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }

// ---- the runs -------------------------------------------------------------------
namespace perfbudget {
namespace {

std::string ReadSource(const std::string& rel) {
  std::ifstream f(std::string(PERFBUDGET_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// How one run ended.
struct Outcome {
  bool complete = false;  // every step succeeded
  std::string result;     // what the steps produced (when complete)
  std::string problem;    // a broken promise (empty: none)
  std::string failed_step;
};

// A step of a run: returns a status (Status / StatusOr calls, C ABI calls
// mapped to a status) and appends what it produced to `out`. `may_throw`:
// the step calls functions that return plain values, for which std::bad_alloc
// is the documented way to fail.
struct Step {
  std::string name;
  bool may_throw;
  std::function<absl::Status(std::string& out)> run;
};

// One step's outcome: the status it returned (or the problem it caused).
Outcome RunStep(const Step& s) {
  Outcome o;
  absl::Status status;
  try {
    status = s.run(o.result);
  } catch (const std::bad_alloc&) {
    o.failed_step = s.name;
    if (!s.may_throw) o.problem = s.name + ": threw std::bad_alloc instead of returning a status";
    return o;
  } catch (const std::exception& e) {
    o.failed_step = s.name;
    o.problem = s.name + ": threw " + e.what();
    return o;
  }
  if (!status.ok()) {
    o.failed_step = s.name;
    if (status.code() != absl::StatusCode::kResourceExhausted) {
      o.problem = s.name + ": " + status.ToString();
    }
    return o;
  }
  o.complete = true;
  return o;
}

// Runs `steps` in order, each first without failures, then, with the steps
// before it done, with the N-th allocation of that step failing for every N
// (the last, unfailed run leaves its state for the next step); returns the
// number of runs. Every allocation of the whole sequence fails once, as if
// the sequence were replayed from the start for each, but without the
// replay: the cost grows with the sum of the squares of the steps'
// allocation counts, not with the square of their sum. A step therefore
// resets what it makes before making it (a failed attempt may have left it
// empty) and reads the earlier steps' results without changing them.
long RunWithEveryFailure(const std::vector<Step>& steps) {
  long runs = 0;
  long total = 0;
  for (const Step& s : steps) {
    Arm(0);
    const Outcome clean = RunStep(s);
    total += g_allocations;
    EXPECT_TRUE(clean.complete) << clean.problem << clean.failed_step;
    if (!clean.complete) return runs;
    for (long n = 1;; ++n) {
      ++runs;
      Arm(n);
      const Outcome o = RunStep(s);
      const bool failed = g_failed;
      Disarm();
      if (!failed) {
        EXPECT_TRUE(o.complete && o.result == clean.result)
            << s.name << " run " << n << ": " << o.problem;
        break;  // fewer than n allocations: every one has failed once
      }
      EXPECT_TRUE(o.problem.empty()) << s.name << ": allocation " << n << " failed: " << o.problem;
      if (o.complete) {
        EXPECT_TRUE(o.result == clean.result)
            << s.name << ": allocation " << n
            << " failed, the step completed with a different result";
      }
      if (::testing::Test::HasFailure()) return runs;  // one report is enough
    }
  }
  EXPECT_GT(total, 100) << "too few allocations: is the allocator replaced?";
  return runs;
}

absl::Status Ok() { return absl::OkStatus(); }

// A step loading `text` as a JSON dataset (named `name`) into `ds`.
Step LoadDatasetStep(const std::string& text, const char* name, std::optional<Dataset>& ds) {
  return {"LoadDatasetJson", false, [&text, name, &ds](std::string&) -> absl::Status {
            ds.reset();
            Diagnostics d;
            auto r = LoadDatasetJson(text, {}, &d, name);
            if (!r.ok()) return r.status();
            ds = *std::move(r);
            return Ok();
          }};
}

// A step loading the policy JSON `json` into `policy`.
Step LoadPolicyStep(const char* json, std::optional<Policy>& policy) {
  return {"LoadPolicyJson", false, [json, &policy](std::string&) -> absl::Status {
            policy.reset();
            Diagnostics d;
            auto r = LoadPolicyJson(json, &d, "p.json");
            if (!r.ok()) return r.status();
            policy = *std::move(r);
            return Ok();
          }};
}

TEST(AllocFailureTest, CppLoadAndAnalyse) {
  const std::string text = ReadSource("tests/cli/data/small.json");
  ASSERT_FALSE(text.empty());
  std::optional<Dataset> ds;
  std::optional<Policy> policy;
  std::optional<MonitorReport> monitor;
  std::optional<ExecutionCurve> curve;
  const Date as_of = *Date::Parse("2022-08-31");
  const std::vector<Step> steps = {
      LoadDatasetStep(text, "small.json", ds),
      LoadPolicyStep(R"({"extends": "suma-park", "decimals": 1})", policy),
      {"ReviewDataset", false,
       [&](std::string& out) -> absl::Status {
         auto r = ReviewDataset(*ds, *policy);
         if (!r.ok()) return r.status();
         const Pause pause;
         for (const GoalReview& g : r->goals) {
           out += g.goal_id + " " + g.score.ToExactString() + "\n";
           for (const Finding& f : g.findings) out += std::string(f.code) + "\n";
         }
         return Ok();
       }},
      {"review messages", true,
       [&](std::string& out) -> absl::Status {
         auto r = ReviewDataset(*ds, *policy);
         if (!r.ok()) return r.status();
         for (const GoalReview& g : r->goals) {
           for (const Finding& f : g.findings) out += f.Message("zh") + f.Message("en") + "\n";
         }
         return Ok();
       }},
      {"Monitor", false,
       [&](std::string& out) -> absl::Status {
         monitor.reset();
         MonitorOptions o;
         o.as_of = as_of;
         auto r = Monitor(*ds, *policy, o);
         if (!r.ok()) return r.status();
         const Pause pause;
         out += r->time_progress.ToExactString() + " " + std::to_string(r->reasons.size()) + "\n";
         monitor = *std::move(r);
         return Ok();
       }},
      {"ExplainReason", true,
       [&](std::string& out) -> absl::Status {
         for (const MonitorReason& r : monitor->reasons) out += ExplainReason(*monitor, r) + "\n";
         return Ok();
       }},
      {"Reclaim", false,
       [&](std::string& out) -> absl::Status {
         ReclaimOptions o;
         o.as_of = as_of;
         o.messages = false;
         auto r = Reclaim(*ds, *policy, o);
         if (!r.ok()) return r.status();
         {
           const Pause pause;
           out += std::to_string(r->total.amount.fen()) + "\n";
         }
         auto from_monitor = Reclaim(*monitor, *policy, o);
         if (!from_monitor.ok()) return from_monitor.status();
         const Pause pause;
         out += std::to_string(from_monitor->proposals.size()) + "\n";
         return Ok();
       }},
      {"BuildExecutionCurve", false,
       [&](std::string& out) -> absl::Status {
         curve.reset();
         auto r = BuildExecutionCurve(*ds, *policy, as_of);
         if (!r.ok()) return r.status();
         const Pause pause;
         out += std::to_string(r->total.points.size()) + "\n";
         curve = *std::move(r);
         return Ok();
       }},
      {"RenderExecutionCurveSvg", true,
       [&](std::string& out) -> absl::Status {
         out += RenderExecutionCurveSvg(*curve);
         return Ok();
       }},
      {"Summarize", false,
       [&](std::string& out) -> absl::Status {
         auto r = Summarize(*ds, as_of);
         if (!r.ok()) return r.status();
         const Pause pause;
         out += std::to_string(r->overall.executed.fen()) + "\n";
         return Ok();
       }},
      {"DatasetToJson", true,
       [&](std::string& out) -> absl::Status {
         out += DatasetToJson(*ds);
         return Ok();
       }},
  };
  const long runs = RunWithEveryFailure(steps);
  std::printf("%ld runs: each allocation of each step made to fail, one a run\n", runs);
}

// The year-end half on its own small dataset (self-evaluation, result
// application, the coverage plan, rectification, disclosure; messages on).
TEST(AllocFailureTest, CppYearEnd) {
  const std::string text = ReadSource("tests/cli/data/selfeval.json");
  ASSERT_FALSE(text.empty());
  std::optional<Dataset> ds;
  std::optional<Policy> policy;
  const auto count = [](std::string& out, std::size_t a, std::size_t b) {
    const Pause pause;
    out += std::to_string(a) + " " + std::to_string(b) + "\n";
  };
  const std::vector<Step> steps = {
      LoadDatasetStep(text, "selfeval.json", ds),
      LoadPolicyStep(R"({"extends": "suma-park"})", policy),
      {"ScoreSelfEvaluations", false,
       [&](std::string& out) -> absl::Status {
         auto r = ScoreSelfEvaluations(*ds, *policy, SelfEvaluationOptions{});
         if (!r.ok()) return r.status();
         count(out, r->indicators.size(), r->flags.size());
         return Ok();
       }},
      {"ApplyResults", false,
       [&](std::string& out) -> absl::Status {
         auto r = ApplyResults(*ds, *policy);
         if (!r.ok()) return r.status();
         count(out, r->proposals.size(), r->units.size());
         return Ok();
       }},
      {"PlanCoverage", false,
       [&](std::string& out) -> absl::Status {
         auto r = PlanCoverage(*ds, {}, *policy);
         if (!r.ok()) return r.status();
         count(out, r->projects.size(), r->findings.size());
         return Ok();
       }},
      {"TrackRectification", false,
       [&](std::string& out) -> absl::Status {
         RectificationOptions o;
         o.as_of = *Date::Parse("2021-12-31");
         auto r = TrackRectification(*ds, *policy, o);
         if (!r.ok()) return r.status();
         count(out, r->items.size(), r->findings.size());
         return Ok();
       }},
      {"CheckDisclosure", false,
       [&](std::string& out) -> absl::Status {
         auto r = CheckDisclosure(*ds, *policy);
         if (!r.ok()) return r.status();
         count(out, r->key_projects.size(), r->findings.size());
         return Ok();
       }},
  };
  const long runs = RunWithEveryFailure(steps);
  std::printf("%ld runs: each allocation of each step made to fail, one a run\n", runs);
}

// ---- the C ABI ---------------------------------------------------------------------

// A C call's result as a status; checks the error object and out-parameter.
absl::Status FromC(const char* what, std::int32_t rc, pfb_error* err, const void* out) {
  const Pause pause;
  absl::Status s;
  if (rc != PFB_OK) {
    if (out != nullptr)
      s = absl::InternalError(std::string(what) + ": out-parameter set after failure");
    else if (rc != PFB_NO_MEMORY)
      s = absl::InternalError(std::string(what) + ": " + pfb_status_name(rc) + ": " +
                              (err != nullptr ? pfb_error_message(err) : ""));
    else if (err != nullptr && pfb_error_code(err) != PFB_NO_MEMORY)
      s = absl::InternalError(std::string(what) + ": error object code differs");
    else
      s = absl::ResourceExhaustedError(what);
  } else if (err != nullptr) {
    s = absl::InternalError(std::string(what) + ": error object on success");
  }
  pfb_error_destroy(err);
  return s;
}

TEST(AllocFailureTest, CAbiLoadAndAnalyse) {
  const std::string text = ReadSource("tests/cli/data/small.json");
  ASSERT_FALSE(text.empty());
  struct Handles {
    pfb_dataset* ds = nullptr;
    pfb_policy* policy = nullptr;
    pfb_builder* builder = nullptr;
    pfb_dataset* built = nullptr;
    ~Handles() { Reset(); }
    void Reset() {
      pfb_dataset_destroy(ds);
      pfb_policy_destroy(policy);
      pfb_builder_destroy(builder);
      pfb_dataset_destroy(built);
      ds = nullptr;
      policy = nullptr;
      builder = nullptr;
      built = nullptr;
    }
  };
  Handles h;
  // The builder rows, made before the runs (only the library is made to fail).
  const std::vector<std::function<std::int32_t(pfb_error**)>> rows = {
      [&](pfb_error** e) { return pfb_builder_set_origin(h.builder, "rows", 1, e); },
      [&](pfb_error** e) { return pfb_builder_set_as_of(h.builder, 20220831, e); },
      [&](pfb_error** e) { return pfb_builder_add_unit(h.builder, "U1", "单位", e); },
      [&](pfb_error** e) {
        return pfb_builder_add_project(h.builder, "P1", "U1", "项目", "基建", PFB_PROJECT_NEW,
                                       PFB_STATUS_IN_PROGRESS, 2022, 0, 0, e);
      },
      [&](pfb_error** e) { return pfb_builder_add_fund_line(h.builder, "P1", 0, 5000000, 0, e); },
      [&](pfb_error** e) {
        return pfb_builder_add_adjustment(h.builder, "P1", 20220601, 0, 100000, "追加", e);
      },
      [&](pfb_error** e) {
        return pfb_builder_add_planned_payment(h.builder, "P1", 20221231, 1000000, e);
      },
      [&](pfb_error** e) {
        return pfb_builder_add_goal(h.builder, "G1", PFB_GOAL_PROJECT, "P1", nullptr, "目标", e);
      },
      [&](pfb_error** e) {
        return pfb_builder_add_indicator(h.builder, "G1", "1", 0, 0, "长度", PFB_CMP_GE, "12",
                                         nullptr, "公里", "50", nullptr, 0, nullptr, e);
      },
      [&](pfb_error** e) {
        return pfb_builder_add_actual(h.builder, "G1", "1", 20220630, "5", PFB_GRADE_NONE, nullptr,
                                      e);
      },
      [&](pfb_error** e) {
        return pfb_builder_add_disbursement(h.builder, "V1", "P1", 20220501, 0, 200000, e);
      },
  };
  const std::vector<Step> steps = {
      {"pfb_dataset_from_json", false,
       [&](std::string&) {
         pfb_dataset_destroy(h.ds);
         h.ds = nullptr;
         pfb_error* err = nullptr;
         const auto rc = pfb_dataset_from_json(text.data(), text.size(), "small.json", &h.ds, &err);
         return FromC("pfb_dataset_from_json", rc, err, rc == PFB_OK ? nullptr : h.ds);
       }},
      {"pfb_policy_load", false,
       [&](std::string&) {
         pfb_policy_destroy(h.policy);
         h.policy = nullptr;
         pfb_error* err = nullptr;
         const auto rc = pfb_policy_load("suma-park", &h.policy, &err);
         return FromC("pfb_policy_load", rc, err, rc == PFB_OK ? nullptr : h.policy);
       }},
      {"pfb_review_dataset", false,
       [&](std::string& out) {
         pfb_review* r = nullptr;
         pfb_error* err = nullptr;
         const auto rc = pfb_review_dataset(h.ds, h.policy, nullptr, 0, &r, &err);
         if (rc == PFB_OK) {
           const Pause pause;
           for (uint32_t i = 0; i < pfb_review_finding_count(r); ++i) {
             out += std::string(pfb_review_finding_code(r, i)) + " " +
                    pfb_review_finding_message(r, i, "en") + "\n";
           }
         }
         pfb_review_destroy(r);
         return FromC("pfb_review_dataset", rc, err, nullptr);
       }},
      {"pfb_monitor_run", false,
       [&](std::string& out) {
         pfb_monitor* m = nullptr;
         pfb_error* err = nullptr;
         const auto rc = pfb_monitor_run(h.ds, nullptr, 0, 20220831, &m, &err);
         if (rc == PFB_OK) {
           const Pause pause;
           out += std::string(pfb_monitor_time_progress(m)) + "\n";
         }
         const absl::Status s = FromC("pfb_monitor_run", rc, err, rc == PFB_OK ? nullptr : m);
         pfb_monitor_destroy(m);
         return s;
       }},
      {"pfb_reclaim_run_with_policy", false,
       [&](std::string& out) {
         pfb_reclaim* r = nullptr;
         pfb_error* err = nullptr;
         // The loaded policy: a NULL one compiles the default review
         // library again (pfb_monitor_run above covers that path), and
         // every compile multiplies the runs' allocations.
         pfb_run_options options = PFB_RUN_OPTIONS_INIT;
         options.as_of = 20220831;
         const auto rc = pfb_reclaim_run_with_policy(h.ds, h.policy, &options, &r, &err);
         if (rc == PFB_OK) {
           const Pause pause;
           out += std::to_string(pfb_reclaim_total_fen(r)) + "\n";
         }
         const absl::Status s =
             FromC("pfb_reclaim_run_with_policy", rc, err, rc == PFB_OK ? nullptr : r);
         pfb_reclaim_destroy(r);
         return s;
       }},
      {"pfb_curve_run_with_policy + svg", false,
       [&](std::string& out) {
         pfb_curve* c = nullptr;
         pfb_error* err = nullptr;
         pfb_run_options options = PFB_RUN_OPTIONS_INIT;
         options.as_of = 20220831;
         auto rc = pfb_curve_run_with_policy(h.ds, h.policy, &options, &c, &err);
         absl::Status s = FromC("pfb_curve_run_with_policy", rc, err, rc == PFB_OK ? nullptr : c);
         if (s.ok()) {
           char* svg = nullptr;
           size_t len = 0;
           err = nullptr;
           rc = pfb_curve_svg(c, PFB_LANG_ZH, nullptr, 0, &svg, &len, &err);
           if (rc == PFB_OK) {
             const Pause pause;
             out.append(svg, len);
           }
           s = FromC("pfb_curve_svg", rc, err, rc == PFB_OK ? nullptr : svg);
           pfb_string_free(svg);
         }
         pfb_curve_destroy(c);
         return s;
       }},
      {"pfb_dataset_to_json", false,
       [&](std::string& out) {
         char* json = nullptr;
         size_t len = 0;
         pfb_error* err = nullptr;
         const auto rc = pfb_dataset_to_json(h.ds, 0, &json, &len, &err);
         if (rc == PFB_OK) {
           const Pause pause;
           out.append(json, len);
         }
         const absl::Status s =
             FromC("pfb_dataset_to_json", rc, err, rc == PFB_OK ? nullptr : json);
         pfb_string_free(json);
         return s;
       }},
      {"pfb_money_parse + format", false,
       [&](std::string& out) {
         int64_t fen = 0;
         pfb_error* err = nullptr;
         auto rc =
             pfb_money_parse("1,234.5万元", std::strlen("1,234.5万元"), PFB_UNIT_YUAN, &fen, &err);
         absl::Status s = FromC("pfb_money_parse", rc, err, nullptr);
         if (!s.ok()) return s;
         char* text_out = nullptr;
         size_t len = 0;
         err = nullptr;
         rc = pfb_money_format(fen, PFB_UNIT_WAN_YUAN, PFB_MONEY_GROUPING | PFB_MONEY_UNIT_SUFFIX,
                               -1, &text_out, &len, &err);
         if (rc == PFB_OK) {
           const Pause pause;
           out.append(text_out, len);
         }
         s = FromC("pfb_money_format", rc, err, rc == PFB_OK ? nullptr : text_out);
         pfb_string_free(text_out);
         return s;
       }},
      {"pfb_builder", false,
       [&](std::string& out) {
         pfb_builder_destroy(h.builder);
         pfb_dataset_destroy(h.built);
         h.builder = nullptr;
         h.built = nullptr;
         pfb_error* err = nullptr;
         auto rc = pfb_builder_create("340000", "测试园区", 2022, 1, 0, "t", &h.builder, &err);
         absl::Status s = FromC("pfb_builder_create", rc, err, rc == PFB_OK ? nullptr : h.builder);
         if (!s.ok()) return s;
         for (const auto& row : rows) {
           err = nullptr;
           s = FromC("pfb_builder_add_*", row(&err), err, nullptr);
           if (!s.ok()) return s;
         }
         err = nullptr;
         rc = pfb_builder_build(h.builder, &h.built, &err);
         s = FromC("pfb_builder_build", rc, err, rc == PFB_OK ? nullptr : h.built);
         if (s.ok()) {
           const Pause pause;
           out += std::to_string(pfb_dataset_project_count(h.built)) + "\n";
         }
         return s;
       }},
  };
  const long runs = RunWithEveryFailure(steps);
  std::printf("%ld runs: each allocation of each step made to fail, one a run\n", runs);
}

}  // namespace
}  // namespace perfbudget
