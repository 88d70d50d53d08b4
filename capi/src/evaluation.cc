// evaluation.cc: the C ABI of self-evaluation scoring and result application
// (pfb_evaluation.h).
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capi_internal.hpp"
#include "perfbudget/evaluation/result_application.h"
#include "perfbudget/evaluation/self_evaluation.h"
#include "perfbudget/pfb_evaluation.h"
#include "perfbudget/pfb_render.h"
#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/render/results.h"
#include "perfbudget/render/self_evaluation.h"
#include "render_internal.hpp"

namespace capi = perfbudget::capi;

namespace {

struct GoalText {
  std::string goal_id, owner_id, unit_id, score, rate, exec_earned;
  std::string evaluation_id, reported, difference;
};
struct IndicatorText {
  std::string id, name, points, earned, lost;
};

}  // namespace

struct pfb_self_evaluation {
  perfbudget::SelfEvaluationReport report;
  std::vector<GoalText> goals;
  std::vector<IndicatorText> indicators;
};

struct pfb_results {
  perfbudget::ResultApplicationReport report;
  std::vector<std::array<std::string, 3>> texts;  // project id, evaluation id, cut percent
  std::vector<std::string> unit_ids;
  std::vector<std::string> next_ids;
};

namespace {

absl::StatusOr<perfbudget::Policy> PolicyOf(const char* json, std::size_t len,
                                            perfbudget::Diagnostics& diags) {
  if (json == nullptr || len == 0) return perfbudget::DefaultPolicy();
  auto text = capi::InText(json, len, "policy_json");
  if (!text.ok()) return text.status();
  return perfbudget::LoadPolicyJson(*text, &diags, "policy_json");
}

absl::Status CheckLang(std::int32_t lang) {
  if (lang == PFB_LANG_ZH || lang == PFB_LANG_EN) return absl::OkStatus();
  return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                          capi::Cat("lang ", lang, " is not 0 (zh) or 1 (en)"));
}

template <typename T>
void Set(T* out, T value) {
  if (out != nullptr) *out = value;
}

std::string P(const perfbudget::Ratio& r) { return r.ToDecimalString(2); }

}  // namespace

namespace {

// The analysis behind both run functions (policy text / handle).
absl::Status RunSelfEvaluation(const pfb_dataset* dataset, const perfbudget::Policy& policy,
                               const pfb_self_evaluation_options* options,
                               pfb_self_evaluation** out) {
  PFB_ASSIGN_OR_RETURN(const perfbudget::Dataset* ds, capi::DatasetOf(dataset));
  perfbudget::SelfEvaluationOptions o;
  if (options != nullptr) {
    if (options->version != PFB_SELF_EVALUATION_OPTIONS_VERSION) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              capi::Cat("options->version ", options->version,
                                        " is not PFB_SELF_EVALUATION_OPTIONS_VERSION (1)"));
    }
    PFB_RETURN_IF_ERROR(capi::CheckFlags(options->flags,
                                         PFB_SELFEVAL_NO_PROJECT_GOALS | PFB_SELFEVAL_NO_UNIT_GOALS,
                                         "options->flags"));
    PFB_ASSIGN_OR_RETURN(o.as_of, capi::InOptionalDate(options->as_of, "options->as_of"));
    if (options->report_count > 0 && options->reports == nullptr) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              "options->reports is NULL with a non-zero report_count");
    }
    for (uint32_t k = 0; k < options->report_count; ++k) {
      PFB_ASSIGN_OR_RETURN(const perfbudget::Dataset* rds, capi::DatasetOf(options->reports[k]));
      o.reports.push_back(*rds);
    }
    o.project_goals = (options->flags & PFB_SELFEVAL_NO_PROJECT_GOALS) == 0;
    o.unit_goals = (options->flags & PFB_SELFEVAL_NO_UNIT_GOALS) == 0;
  }
  PFB_ASSIGN_OR_RETURN(perfbudget::SelfEvaluationReport report,
                       perfbudget::ScoreSelfEvaluations(*ds, policy, o));
  auto h = std::make_unique<pfb_self_evaluation>();
  h->report = std::move(report);
  const perfbudget::SelfEvaluationReport& r = h->report;
  for (const perfbudget::GoalScore& g : r.goals) {
    GoalText t;
    t.goal_id = ds->goals()[g.goal_index].id;
    t.owner_id = g.project_index != perfbudget::kNoIndex
                     ? ds->projects()[g.project_index].id()
                     : (g.unit_index != perfbudget::kNoIndex ? ds->units()[g.unit_index].id() : "");
    t.unit_id = g.unit_index != perfbudget::kNoIndex ? ds->units()[g.unit_index].id() : "";
    t.score = P(g.score);
    t.rate = g.execution_rate.ToPercentString(2);
    t.exec_earned = P(g.execution_earned);
    if (const perfbudget::Evaluation* ev = r.SelfEvaluationOf(g); ev != nullptr) {
      t.evaluation_id = ev->id;
    }
    t.reported = g.reported.has_value() ? P(*g.reported) : "";
    t.difference = P(g.difference);
    h->goals.push_back(std::move(t));
  }
  for (const perfbudget::IndicatorScore& is : r.indicators) {
    const perfbudget::Indicator& ind =
        ds->goals()[r.goals[is.goal_row].goal_index].indicators[is.indicator];
    h->indicators.push_back({ind.id, ind.name, P(is.points), P(is.earned), P(is.lost())});
  }
  *out = h.release();
  return absl::OkStatus();
}

}  // namespace

extern "C" PFB_API int32_t pfb_self_evaluation_run(const pfb_dataset* dataset,
                                                   const char* policy_json, size_t policy_len,
                                                   const pfb_self_evaluation_options* options,
                                                   pfb_self_evaluation** out, pfb_error** err) {
  return capi::Guard(err, [&](perfbudget::Diagnostics& diags) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(perfbudget::Policy policy, PolicyOf(policy_json, policy_len, diags));
    return RunSelfEvaluation(dataset, policy, options, out);
  });
}

extern "C" PFB_API int32_t pfb_self_evaluation_run_with_policy(
    const pfb_dataset* dataset, const pfb_policy* policy,
    const pfb_self_evaluation_options* options, pfb_self_evaluation** out, pfb_error** err) {
  return capi::Guard(err, [&](perfbudget::Diagnostics&) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    if (policy == nullptr)
      return RunSelfEvaluation(dataset, perfbudget::DefaultPolicy(), options, out);
    return RunSelfEvaluation(dataset, policy->policy, options, out);
  });
}

extern "C" PFB_API void pfb_self_evaluation_destroy(pfb_self_evaluation* scores) { delete scores; }

extern "C" PFB_API uint32_t pfb_self_evaluation_goal_count(const pfb_self_evaluation* scores) {
  return scores == nullptr ? 0 : static_cast<uint32_t>(scores->goals.size());
}

extern "C" PFB_API int32_t pfb_self_evaluation_goal(
    const pfb_self_evaluation* scores, uint32_t index, const char** goal_id, int32_t* owner,
    const char** owner_id, const char** unit_id, const char** score, int32_t* grade,
    const char** execution_rate_percent, const char** execution_earned, uint32_t* first_indicator,
    uint32_t* indicator_count, pfb_error** err) {
  capi::ZeroOptionalOut(goal_id);
  capi::ZeroOptionalOut(owner);
  capi::ZeroOptionalOut(owner_id);
  capi::ZeroOptionalOut(unit_id);
  capi::ZeroOptionalOut(score);
  capi::ZeroOptionalOut(grade);
  capi::ZeroOptionalOut(execution_rate_percent);
  capi::ZeroOptionalOut(execution_earned);
  capi::ZeroOptionalOut(first_indicator);
  capi::ZeroOptionalOut(indicator_count);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(scores, "scores"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, scores->goals.size(), "goal"));
    const perfbudget::GoalScore& g = scores->report.goals[index];
    const GoalText& t = scores->goals[index];
    Set(goal_id, t.goal_id.c_str());
    Set(owner, static_cast<int32_t>(g.owner));
    Set(owner_id, t.owner_id.c_str());
    Set(unit_id, t.unit_id.c_str());
    Set(score, t.score.c_str());
    Set(grade, static_cast<int32_t>(g.grade));
    Set(execution_rate_percent, t.rate.c_str());
    Set(execution_earned, t.exec_earned.c_str());
    Set(first_indicator, g.first_indicator);
    Set(indicator_count, g.indicator_count);
    return absl::OkStatus();
  });
}

extern "C" PFB_API int32_t pfb_self_evaluation_check(const pfb_self_evaluation* scores,
                                                     uint32_t index, const char** evaluation_id,
                                                     const char** reported, const char** difference,
                                                     int32_t* inflated, pfb_error** err) {
  capi::ZeroOptionalOut(evaluation_id);
  capi::ZeroOptionalOut(reported);
  capi::ZeroOptionalOut(difference);
  capi::ZeroOptionalOut(inflated);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(scores, "scores"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, scores->goals.size(), "goal"));
    const GoalText& t = scores->goals[index];
    Set(evaluation_id, t.evaluation_id.c_str());
    Set(reported, t.reported.c_str());
    Set(difference, t.difference.c_str());
    Set(inflated, static_cast<int32_t>(scores->report.goals[index].inflated ? 1 : 0));
    return absl::OkStatus();
  });
}

extern "C" PFB_API uint32_t pfb_self_evaluation_indicator_count(const pfb_self_evaluation* scores) {
  return scores == nullptr ? 0 : static_cast<uint32_t>(scores->indicators.size());
}

extern "C" PFB_API int32_t pfb_self_evaluation_indicator(
    const pfb_self_evaluation* scores, uint32_t index, int32_t lang, uint32_t* goal,
    const char** indicator_id, const char** name, const char** code, int32_t* block,
    const char** points, const char** earned, const char** lost, uint32_t* flags,
    const char** message, pfb_error** err) {
  capi::ZeroOptionalOut(goal);
  capi::ZeroOptionalOut(indicator_id);
  capi::ZeroOptionalOut(name);
  capi::ZeroOptionalOut(code);
  capi::ZeroOptionalOut(block);
  capi::ZeroOptionalOut(points);
  capi::ZeroOptionalOut(earned);
  capi::ZeroOptionalOut(lost);
  capi::ZeroOptionalOut(flags);
  capi::ZeroOptionalOut(message);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(scores, "scores"));
    PFB_RETURN_IF_ERROR(CheckLang(lang));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, scores->indicators.size(), "indicator"));
    const perfbudget::IndicatorScore& is = scores->report.indicators[index];
    const IndicatorText& t = scores->indicators[index];
    Set(goal, is.goal_row);
    Set(indicator_id, t.id.c_str());
    Set(name, t.name.c_str());
    Set(code, is.code.data());  // catalog codes are NUL-terminated literals
    Set(block, static_cast<int32_t>(is.block));
    Set(points, t.points.c_str());
    Set(earned, t.earned.c_str());
    Set(lost, t.lost.c_str());
    Set(flags, (is.scored ? PFB_INDICATOR_SCORED : 0u) |
                   (is.far_below ? PFB_INDICATOR_FAR_BELOW : 0u) |
                   (is.explained ? PFB_INDICATOR_EXPLAINED : 0u));
    Set(message, (lang == PFB_LANG_EN ? is.message_en : is.message_zh).c_str());
    return absl::OkStatus();
  });
}

extern "C" PFB_API uint32_t pfb_self_evaluation_flag_count(const pfb_self_evaluation* scores) {
  return scores == nullptr ? 0 : static_cast<uint32_t>(scores->report.flags.size());
}

extern "C" PFB_API int32_t pfb_self_evaluation_flag(const pfb_self_evaluation* scores,
                                                    uint32_t index, int32_t lang, const char** code,
                                                    int32_t* severity, uint32_t* goal,
                                                    int32_t* indicator, const char** message,
                                                    pfb_error** err) {
  capi::ZeroOptionalOut(code);
  capi::ZeroOptionalOut(severity);
  capi::ZeroOptionalOut(goal);
  capi::ZeroOptionalOut(indicator);
  capi::ZeroOptionalOut(message);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(scores, "scores"));
    PFB_RETURN_IF_ERROR(CheckLang(lang));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, scores->report.flags.size(), "flag"));
    const perfbudget::SelfEvaluationFlag& f = scores->report.flags[index];
    Set(code, f.code.data());
    Set(severity, static_cast<int32_t>(f.severity));
    Set(goal, f.goal_row);
    Set(indicator,
        f.indicator == perfbudget::kNoIndex ? int32_t{-1} : static_cast<int32_t>(f.indicator));
    Set(message, (lang == PFB_LANG_EN ? f.message_en : f.message_zh).c_str());
    return absl::OkStatus();
  });
}

extern "C" PFB_API int32_t pfb_self_evaluation_totals(const pfb_self_evaluation* scores,
                                                      uint32_t* project_goals, uint32_t* unit_goals,
                                                      uint32_t* self_evaluations,
                                                      int64_t* amount_fen, uint32_t* inflated,
                                                      pfb_error** err) {
  capi::ZeroOptionalOut(project_goals);
  capi::ZeroOptionalOut(unit_goals);
  capi::ZeroOptionalOut(self_evaluations);
  capi::ZeroOptionalOut(amount_fen);
  capi::ZeroOptionalOut(inflated);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(scores, "scores"));
    const perfbudget::SelfEvaluationTotal& t = scores->report.total;
    Set(project_goals, t.project_goals);
    Set(unit_goals, t.unit_goals);
    Set(self_evaluations, t.self_evaluations);
    Set(amount_fen, static_cast<int64_t>(t.self_evaluation_amount.fen()));
    Set(inflated, t.inflated);
    return absl::OkStatus();
  });
}

// ---- result application ------------------------------------------------------------

namespace {

// The analysis behind both run functions (policy text / handle).
absl::Status RunResults(const pfb_dataset* dataset, const perfbudget::Policy& policy,
                        const pfb_results_options* options, pfb_results** out) {
  PFB_ASSIGN_OR_RETURN(const perfbudget::Dataset* ds, capi::DatasetOf(dataset));
  if (options != nullptr) {
    if (options->version != PFB_RESULTS_OPTIONS_VERSION) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              capi::Cat("options->version ", options->version,
                                        " is not PFB_RESULTS_OPTIONS_VERSION (1)"));
    }
    PFB_RETURN_IF_ERROR(capi::CheckFlags(options->flags, 0u, "options->flags"));
  }
  perfbudget::ResultApplicationOptions o;
  if (options != nullptr && options->next_year != nullptr) {
    PFB_ASSIGN_OR_RETURN(const perfbudget::Dataset* next, capi::DatasetOf(options->next_year));
    o.next_year = *next;
  }
  PFB_ASSIGN_OR_RETURN(perfbudget::ResultApplicationReport report,
                       perfbudget::ApplyResults(*ds, policy, o));
  auto h = std::make_unique<pfb_results>();
  h->report = std::move(report);
  for (const perfbudget::ResultProposal& p : h->report.proposals) {
    h->texts.push_back({std::string(ds->projects()[p.project_index].id()),
                        ds->evaluations()[p.evaluation_index].id, p.cut_percent.ToShortString()});
  }
  for (const perfbudget::ResultTotal& t : h->report.units) {
    h->unit_ids.emplace_back(ds->units()[t.unit_index].id());
  }
  for (const perfbudget::NextYearCut& c : h->report.next_year_cuts) {
    h->next_ids.emplace_back(h->report.next_year->projects()[c.project_index].id());
  }
  *out = h.release();
  return absl::OkStatus();
}

}  // namespace

extern "C" PFB_API int32_t pfb_results_run(const pfb_dataset* dataset, const char* policy_json,
                                           size_t policy_len, const pfb_results_options* options,
                                           pfb_results** out, pfb_error** err) {
  return capi::Guard(err, [&](perfbudget::Diagnostics& diags) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(perfbudget::Policy policy, PolicyOf(policy_json, policy_len, diags));
    return RunResults(dataset, policy, options, out);
  });
}

extern "C" PFB_API int32_t pfb_results_run_with_policy(const pfb_dataset* dataset,
                                                       const pfb_policy* policy,
                                                       const pfb_results_options* options,
                                                       pfb_results** out, pfb_error** err) {
  return capi::Guard(err, [&](perfbudget::Diagnostics&) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    if (policy == nullptr) return RunResults(dataset, perfbudget::DefaultPolicy(), options, out);
    return RunResults(dataset, policy->policy, options, out);
  });
}

extern "C" PFB_API void pfb_results_destroy(pfb_results* results) { delete results; }

extern "C" PFB_API int32_t pfb_results_budget_year(const pfb_results* results) {
  return results == nullptr ? 0 : static_cast<int32_t>(results->report.budget_year);
}

extern "C" PFB_API int64_t pfb_results_total_cut_fen(const pfb_results* results) {
  return results == nullptr ? 0 : static_cast<int64_t>(results->report.total.cut.fen());
}

extern "C" PFB_API uint32_t pfb_results_proposal_count(const pfb_results* results) {
  return results == nullptr ? 0 : static_cast<uint32_t>(results->report.proposals.size());
}

extern "C" PFB_API int32_t pfb_results_proposal(
    const pfb_results* results, uint32_t index, int32_t lang, const char** project_id,
    const char** evaluation_id, int32_t* grade, const char** code, int32_t* action,
    const char** cut_percent, int64_t* base_fen, int64_t* cut_fen, int64_t* proposed_fen,
    const char** message, uint32_t* split_count, pfb_error** err) {
  capi::ZeroOptionalOut(project_id);
  capi::ZeroOptionalOut(evaluation_id);
  capi::ZeroOptionalOut(grade);
  capi::ZeroOptionalOut(code);
  capi::ZeroOptionalOut(action);
  capi::ZeroOptionalOut(cut_percent);
  capi::ZeroOptionalOut(base_fen);
  capi::ZeroOptionalOut(cut_fen);
  capi::ZeroOptionalOut(proposed_fen);
  capi::ZeroOptionalOut(message);
  capi::ZeroOptionalOut(split_count);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(results, "results"));
    PFB_RETURN_IF_ERROR(CheckLang(lang));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, results->report.proposals.size(), "proposal"));
    const perfbudget::ResultProposal& p = results->report.proposals[index];
    const auto& t = results->texts[index];
    Set(project_id, t[0].c_str());
    Set(evaluation_id, t[1].c_str());
    Set(grade, static_cast<int32_t>(p.grade));
    Set(code, p.code.data());
    Set(action, static_cast<int32_t>(p.action));
    Set(cut_percent, t[2].c_str());
    Set(base_fen, static_cast<int64_t>(p.base.fen()));
    Set(cut_fen, static_cast<int64_t>(p.cut.fen()));
    Set(proposed_fen, static_cast<int64_t>(p.proposed.fen()));
    Set(message, (lang == PFB_LANG_EN ? p.message_en : p.message_zh).c_str());
    Set(split_count, static_cast<uint32_t>(p.split.size()));
    return absl::OkStatus();
  });
}

extern "C" PFB_API int32_t pfb_results_split(const pfb_results* results, uint32_t index,
                                             uint32_t split, int32_t* source, int64_t* amount_fen,
                                             pfb_error** err) {
  capi::ZeroOptionalOut(source);
  capi::ZeroOptionalOut(amount_fen);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(results, "results"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, results->report.proposals.size(), "proposal"));
    const perfbudget::ResultProposal& p = results->report.proposals[index];
    PFB_RETURN_IF_ERROR(capi::CheckIndex(split, p.split.size(), "split"));
    Set(source, static_cast<int32_t>(p.split[split].source));
    Set(amount_fen, static_cast<int64_t>(p.split[split].amount.fen()));
    return absl::OkStatus();
  });
}

extern "C" PFB_API uint32_t pfb_results_unit_count(const pfb_results* results) {
  return results == nullptr ? 0 : static_cast<uint32_t>(results->report.units.size());
}

extern "C" PFB_API int32_t pfb_results_unit(const pfb_results* results, uint32_t index,
                                            const char** unit_id, uint32_t* projects,
                                            int64_t* cut_fen, pfb_error** err) {
  capi::ZeroOptionalOut(unit_id);
  capi::ZeroOptionalOut(projects);
  capi::ZeroOptionalOut(cut_fen);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(results, "results"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, results->report.units.size(), "unit"));
    const perfbudget::ResultTotal& t = results->report.units[index];
    Set(unit_id, results->unit_ids[index].c_str());
    Set(projects, t.projects);
    Set(cut_fen, static_cast<int64_t>(t.cut.fen()));
    return absl::OkStatus();
  });
}

extern "C" PFB_API uint32_t pfb_results_next_year_count(const pfb_results* results) {
  return results == nullptr ? 0 : static_cast<uint32_t>(results->report.next_year_cuts.size());
}

extern "C" PFB_API int64_t pfb_results_next_year_cut_fen(const pfb_results* results) {
  return results == nullptr ? 0 : static_cast<int64_t>(results->report.next_year_cut.fen());
}

extern "C" PFB_API int32_t pfb_results_next_year_cut(const pfb_results* results, uint32_t index,
                                                     const char** project_id,
                                                     int64_t* requested_fen, int64_t* approved_fen,
                                                     int64_t* cut_fen, int32_t* cancelled,
                                                     int32_t* proposal, pfb_error** err) {
  capi::ZeroOptionalOut(project_id);
  capi::ZeroOptionalOut(requested_fen);
  capi::ZeroOptionalOut(approved_fen);
  capi::ZeroOptionalOut(cut_fen);
  capi::ZeroOptionalOut(cancelled);
  capi::ZeroOptionalOut(proposal);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(results, "results"));
    PFB_RETURN_IF_ERROR(
        capi::CheckIndex(index, results->report.next_year_cuts.size(), "next-year cut"));
    const perfbudget::NextYearCut& c = results->report.next_year_cuts[index];
    Set(project_id, results->next_ids[index].c_str());
    Set(requested_fen, static_cast<int64_t>(c.requested.fen()));
    Set(approved_fen, static_cast<int64_t>(c.approved.fen()));
    Set(cut_fen, static_cast<int64_t>(c.cut.fen()));
    Set(cancelled, static_cast<int32_t>(c.cancelled ? 1 : 0));
    Set(proposal,
        c.proposal == perfbudget::kNoIndex ? int32_t{-1} : static_cast<int32_t>(c.proposal));
    return absl::OkStatus();
  });
}

// ---- export (pfb_render.h) ----------------------------------------------------

extern "C" PFB_API int32_t pfb_self_evaluation_render(const pfb_self_evaluation* scores,
                                                      const pfb_render_options* options, char** out,
                                                      size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroRenderOut(out, out_len));
    PFB_RETURN_IF_ERROR(capi::RequireHandle(scores, "scores"));
    PFB_ASSIGN_OR_RETURN(perfbudget::render::RenderOptions o, capi::ReadRenderOptions(options));
    PFB_ASSIGN_OR_RETURN(std::string text,
                         perfbudget::render::RenderSelfEvaluation(scores->report, o));
    return capi::CopyOut(text, out, out_len);
  });
}

extern "C" PFB_API int32_t pfb_results_render(const pfb_results* results,
                                              const pfb_render_options* options, char** out,
                                              size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroRenderOut(out, out_len));
    PFB_RETURN_IF_ERROR(capi::RequireHandle(results, "results"));
    PFB_ASSIGN_OR_RETURN(perfbudget::render::RenderOptions o, capi::ReadRenderOptions(options));
    PFB_ASSIGN_OR_RETURN(std::string text, perfbudget::render::RenderResults(results->report, o));
    return capi::CopyOut(text, out, out_len);
  });
}
