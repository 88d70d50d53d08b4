#include "analyses.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "fuzz_util.h"
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
#include "perfbudget/report/summary.h"
#include "perfbudget/review/review.h"

namespace perfbudget::fuzz {
namespace {

// An analysis may refuse a dataset (an as-of outside the year, a payment plan
// outside it, an overflow), but never with an internal error.
void CheckStatus(const absl::Status& status) {
  FUZZ_CHECK(
      status.code() != absl::StatusCode::kInternal && status.code() != absl::StatusCode::kUnknown,
      status.ToString());
}

}  // namespace

void RunAnalyses(const Dataset& dataset, const Policy& policy, std::uint32_t choice) {
  const std::string lang = (choice & 1) != 0 ? "en" : "zh";

  ReviewOptions review_options;
  review_options.messages = (choice & 2) == 0;
  const auto review = ReviewDataset(dataset, policy, review_options);
  CheckStatus(review.status());
  if (review.ok()) {
    for (const GoalReview& g : review->goals) {
      for (const Finding& f : g.findings) (void)f.Message(lang);
    }
  }

  // The dataset's own date, and one chosen in its fiscal year.
  std::vector<Date> dates;
  if (const std::optional<Date> own = GivenOrDatasetAsOf(dataset, std::nullopt)) {
    dates.push_back(*own);
  }
  const FiscalYear& year = dataset.fiscal_year();
  const std::int32_t span = year.last_day().day_number() - year.first_day().day_number() + 1;
  if (span > 0)
    dates.push_back(year.first_day().PlusDays(
        static_cast<std::int32_t>((choice >> 2) % static_cast<std::uint32_t>(span))));

  for (const Date as_of : dates) {
    MonitorOptions monitor_options;
    monitor_options.as_of = as_of;
    monitor_options.goals = (choice & 4) == 0;
    const auto monitor = Monitor(dataset, policy, monitor_options);
    CheckStatus(monitor.status());
    if (monitor.ok()) {
      for (const MonitorReason& r : monitor->reasons) {
        (void)ExplainReason(*monitor, r, lang);
        (void)RowId(*monitor, monitor->RowOf(r));
        (void)RowName(*monitor, monitor->RowOf(r));
      }
      const auto from_monitor = Reclaim(*monitor, policy);
      CheckStatus(from_monitor.status());
    }
    ReclaimOptions reclaim_options;
    reclaim_options.as_of = as_of;
    reclaim_options.messages = (choice & 8) == 0;
    const auto reclaim = Reclaim(dataset, policy, reclaim_options);
    CheckStatus(reclaim.status());
    if (reclaim.ok()) {
      for (const ReclaimProposal& p : reclaim->proposals) (void)ExplainProposal(*reclaim, p, lang);
    }
    const auto curve = BuildExecutionCurve(dataset, policy, as_of);
    CheckStatus(curve.status());
    if (curve.ok()) {
      SvgChartOptions svg;
      svg.lang = lang;
      svg.units = (choice & 16) == 0;
      (void)RenderExecutionCurveSvg(*curve, svg);
    }
    const auto summary = Summarize(dataset, as_of);
    CheckStatus(summary.status());

    // The year-end analyses (docs/evaluation.md).
    RectificationOptions rectification_options;
    rectification_options.as_of = as_of;
    rectification_options.messages = (choice & 2) == 0;
    const auto rectification = TrackRectification(dataset, policy, rectification_options);
    CheckStatus(rectification.status());
    if (rectification.ok()) {
      for (const RectificationFinding& f : rectification->findings) {
        (void)ExplainRectificationFinding(*rectification, f, lang);
      }
    }
    SelfEvaluationOptions self_options;
    self_options.as_of = as_of;
    self_options.messages = (choice & 2) == 0;
    self_options.project_goals = (choice & 64) == 0;
    CheckStatus(ScoreSelfEvaluations(dataset, policy, self_options).status());
  }
  DisclosureOptions disclosure_options;
  disclosure_options.messages = (choice & 2) == 0;
  const auto disclosure = CheckDisclosure(dataset, policy, disclosure_options);
  CheckStatus(disclosure.status());
  if (disclosure.ok()) {
    for (const DisclosureFinding& f : disclosure->findings) {
      (void)ExplainDisclosureFinding(*disclosure, f, lang);
    }
  }
  ResultApplicationOptions results_options;
  results_options.messages = (choice & 2) == 0;
  CheckStatus(ApplyResults(dataset, policy, results_options).status());
  CoverageOptions coverage_options;
  coverage_options.messages = (choice & 2) == 0;
  const auto coverage = PlanCoverage(dataset, dataset.evaluations(), policy, coverage_options);
  CheckStatus(coverage.status());
  if (coverage.ok()) {
    for (const CoverageFinding& f : coverage->findings)
      (void)ExplainCoverageFinding(*coverage, f, lang);
  }
  CheckStatus(Summarize(dataset, std::nullopt).status());

  // The JSON writer's output reads back to the same dataset.
  JsonWriteOptions write_options;
  write_options.pretty = (choice & 32) == 0;
  const std::string json = DatasetToJson(dataset, write_options);
  Diagnostics diagnostics;
  const auto again = LoadDatasetJson(json, {}, &diagnostics, "round-trip.json");
  FUZZ_CHECK(again.ok(), again.status().ToString() + "\n" + json);
  FUZZ_CHECK(DatasetToJson(*again, write_options) == json, json);
}

void RunAnalysesWithBuiltinPolicy(const Dataset& dataset, std::uint32_t choice) {
  static const std::vector<Policy> policies = [] {
    std::vector<Policy> all;
    for (const std::string& name : BuiltinPolicyNames()) {
      auto p = BuiltinPolicy(name);
      FUZZ_CHECK(p.ok(), p.status().ToString());
      all.push_back(*std::move(p));
    }
    return all;
  }();
  RunAnalyses(dataset, policies[(choice >> 8) % policies.size()], choice);
}

}  // namespace perfbudget::fuzz
