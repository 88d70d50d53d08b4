// review.cc: the C ABI of goal review and policies (pfb_review.h).
#include "perfbudget/review/review.h"

#include <cstring>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/absl_compat.h"
#include "capi_internal.hpp"
#include "perfbudget/pfb_indicators.h"
#include "perfbudget/pfb_render.h"
#include "perfbudget/pfb_review.h"
#include "perfbudget/policy/policy.h"
#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/render/indicators.h"
#include "perfbudget/render/review.h"
#include "render_internal.hpp"

struct pfb_review {
  // The whole result (summary, goals, ex-ante, gates, the dataset for names
  // and the policy's decimals) and the policy's name: what pfb_review_render
  // prints.
  perfbudget::ReviewResult result;
  std::string policy_name;
  bool any_blocked = false;
  // Precomputed text and the flat finding index.
  std::vector<std::string> scores;
  std::vector<std::uint32_t> first_finding;
  std::vector<std::pair<std::uint32_t, const perfbudget::Finding*>> findings;
  std::vector<std::string> deductions;
  std::vector<std::string> messages_zh;  // formatted once, borrowed by the caller
  std::vector<std::string> messages_en;
  std::vector<std::string> gate_reasons;
};

struct pfb_indicator_list {
  std::string category;
  std::vector<perfbudget::CoreIndicator> indicators;
  std::vector<std::string> synonyms, low, high;  // text, borrowed by the caller
  // For pfb_indicator_list_render: the whole category (aliases, reference
  // unit costs) and the policy's name.
  perfbudget::CategoryLibrary library;
  std::string policy_name;
};

namespace perfbudget::capi {
namespace {

void Index(pfb_review* r, int decimals) {
  const std::vector<GoalReview>& goals = r->result.goals;
  for (std::uint32_t g = 0; g < goals.size(); ++g) {
    r->scores.push_back(goals[g].score.ToShortString(decimals));
    r->first_finding.push_back(static_cast<std::uint32_t>(r->findings.size()));
    for (const Finding& f : goals[g].findings) {
      r->findings.emplace_back(g, &f);
      r->deductions.push_back(f.deduction.ToShortString(decimals));
      r->messages_zh.push_back(f.message_zh.str());
      r->messages_en.push_back(f.message_en.str());
    }
  }
  for (const ProjectGate& gate : r->result.gates) {
    std::string reasons;
    for (std::string_view code : gate.reasons) {
      if (!reasons.empty()) reasons += ",";
      reasons += code;
    }
    r->gate_reasons.push_back(std::move(reasons));
  }
}

const Policy& PolicyOr(const pfb_policy* p, Policy* fallback) {
  if (p != nullptr) return p->policy;
  *fallback = DefaultPolicy();
  return *fallback;
}

const GoalReview* GoalAt(const pfb_review* r, std::uint32_t g) {
  return (r != nullptr && g < r->result.goals.size()) ? &r->result.goals[g] : nullptr;
}
const Finding* FindingAt(const pfb_review* r, std::uint32_t i) {
  return (r != nullptr && i < r->findings.size()) ? r->findings[i].second : nullptr;
}

std::int64_t CountValue(const GoalCounts& c, std::string_view key) {
  if (key == "goals") return c.reviewed;
  if (key == "excellent") return c.per_grade[0];
  if (key == "good") return c.per_grade[1];
  if (key == "fair") return c.per_grade[2];
  if (key == "poor") return c.per_grade[3];
  if (key == "passed") return c.passed;
  if (key == "passed_after_fixes") return c.passed_after_fixes;
  if (key == "to_revise") return c.to_revise;
  if (key == "blocked") return c.blocked;
  if (key == "comments") return c.comments;
  return -1;
}

absl::Status PolicyOut(absl::StatusOr<Policy> p, pfb_policy** out) {
  if (!p.ok()) return p.status();
  *out = new pfb_policy{*std::move(p)};
  return absl::OkStatus();
}

}  // namespace
}  // namespace perfbudget::capi

using perfbudget::capi::Guard;
using perfbudget::capi::GuardValue;
namespace capi = perfbudget::capi;

extern "C" {

PFB_API int32_t pfb_policy_load(const char* name_or_path, pfb_policy** out, pfb_error** err) {
  return Guard(err, [&](perfbudget::Diagnostics& diags) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(std::string_view name, capi::InString(name_or_path, "name_or_path"));
    return capi::PolicyOut(perfbudget::ResolvePolicy(name, &diags), out);
  });
}

PFB_API int32_t pfb_policy_load_json(const char* data, size_t len, pfb_policy** out,
                                     pfb_error** err) {
  return Guard(err, [&](perfbudget::Diagnostics& diags) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(std::string_view text, capi::InText(data, len, "data"));
    return capi::PolicyOut(perfbudget::LoadPolicyJson(text, &diags), out);
  });
}

PFB_API void pfb_policy_destroy(pfb_policy* policy) { delete policy; }

PFB_API const char* pfb_policy_name(const pfb_policy* policy) {
  return policy == nullptr ? "" : policy->policy.name().c_str();
}

PFB_API int32_t pfb_policy_to_json(const pfb_policy* policy, char** out, size_t* out_len,
                                   pfb_error** err) {
  return Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    capi::ZeroOptionalOut(out_len);
    PFB_RETURN_IF_ERROR(capi::RequireHandle(policy, "policy"));
    return capi::CopyOut(perfbudget::PolicyToJson(policy->policy), out, out_len);
  });
}

PFB_API int32_t pfb_review_dataset(const pfb_dataset* dataset, const pfb_policy* policy,
                                   const char* project_id, uint32_t flags, pfb_review** out,
                                   pfb_error** err) {
  return Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(const perfbudget::Dataset* ds, capi::DatasetOf(dataset));
    PFB_ASSIGN_OR_RETURN(std::string_view project,
                         capi::InOptionalString(project_id, "project_id"));
    PFB_RETURN_IF_ERROR(
        capi::CheckFlags(flags, PFB_REVIEW_NO_UNIT_GOALS | PFB_REVIEW_NO_MESSAGES, "flags"));
    perfbudget::Policy fallback;
    const perfbudget::Policy& p = capi::PolicyOr(policy, &fallback);
    perfbudget::ReviewOptions options;
    options.project_id = std::string(project);
    options.unit_goals = (flags & PFB_REVIEW_NO_UNIT_GOALS) == 0;
    options.messages = (flags & PFB_REVIEW_NO_MESSAGES) == 0;
    PFB_ASSIGN_OR_RETURN(perfbudget::ReviewResult r, perfbudget::ReviewDataset(*ds, p, options));
    auto review = std::make_unique<pfb_review>();
    review->any_blocked = r.AnyBlocked();
    review->result = std::move(r);
    review->policy_name = p.name();
    capi::Index(review.get(), p.decimals());
    *out = review.release();
    return absl::OkStatus();
  });
}

PFB_API int32_t pfb_review_goal(const pfb_dataset* dataset, const pfb_policy* policy,
                                const char* goal_id, uint32_t flags, pfb_review** out,
                                pfb_error** err) {
  return Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(const perfbudget::Dataset* ds, capi::DatasetOf(dataset));
    PFB_ASSIGN_OR_RETURN(std::string_view id, capi::InString(goal_id, "goal_id"));
    PFB_RETURN_IF_ERROR(
        capi::CheckFlags(flags, PFB_REVIEW_NO_UNIT_GOALS | PFB_REVIEW_NO_MESSAGES, "flags"));
    const std::uint32_t g = ds->FindGoal(id);
    if (g == perfbudget::kNoIndex) {
      return capi::MakeStatus(PFB_NOT_FOUND, capi::Cat("no goal with id \"", id, "\""));
    }
    perfbudget::Policy fallback;
    const perfbudget::Policy& p = capi::PolicyOr(policy, &fallback);
    const perfbudget::Goal& goal = ds->goals()[g];
    perfbudget::GoalContext ctx;
    ctx.fiscal_year = ds->fiscal_year();
    // GoalContext takes records: the goal's unit and project, copied out.
    perfbudget::Unit unit;
    perfbudget::Project project;
    if (goal.unit_index != perfbudget::kNoIndex) {
      unit = ds->units()[goal.unit_index].ToRecord();
      ctx.unit = &unit;
    }
    if (goal.owner == perfbudget::GoalOwner::kProject &&
        goal.project_index != perfbudget::kNoIndex) {
      project = ds->projects()[goal.project_index].ToRecord();
      ctx.project = &project;
      ctx.check_ex_ante = true;
      for (const perfbudget::ExAnteAssessment& a : ds->ex_ante_assessments()) {
        if (a.project_index == goal.project_index) ctx.ex_ante = &a;
      }
    }
    perfbudget::ReviewOptions options;
    options.messages = (flags & PFB_REVIEW_NO_MESSAGES) == 0;
    PFB_ASSIGN_OR_RETURN(perfbudget::GoalReview gr, perfbudget::ReviewGoal(goal, ctx, p, options));
    gr.goal_index = g;
    auto review = std::make_unique<pfb_review>();
    review->any_blocked = gr.blocked();
    review->result.dataset = *ds;
    review->result.decimals = p.decimals();
    review->policy_name = p.name();
    review->result.goals.push_back(std::move(gr));
    const perfbudget::GoalReview& only = review->result.goals.front();
    perfbudget::ReviewSummary& summary = review->result.summary;
    perfbudget::GoalCounts& c =
        only.owner == perfbudget::GoalOwner::kProject ? summary.project_goals : summary.unit_goals;
    for (perfbudget::GoalCounts* counts : {&summary.all, &c}) {
      ++counts->reviewed;
      ++counts->per_grade[static_cast<int>(only.grade)];
      if (only.passed()) {
        ++counts->passed;
      } else if (only.grade == perfbudget::Grade::kGood) {
        ++counts->passed_after_fixes;
      } else if (only.grade == perfbudget::Grade::kFair) {
        ++counts->to_revise;
      } else {
        ++counts->blocked;
      }
      counts->comments += static_cast<std::uint32_t>(only.findings.size());
    }
    capi::Index(review.get(), p.decimals());
    *out = review.release();
    return absl::OkStatus();
  });
}

PFB_API void pfb_review_destroy(pfb_review* review) { delete review; }

namespace {

// Every key pfb_review_summary_value knows, in the documented order.
constexpr const char* kSummaryKeys[] = {"goals",
                                        "excellent",
                                        "good",
                                        "fair",
                                        "poor",
                                        "passed",
                                        "passed_after_fixes",
                                        "to_revise",
                                        "blocked",
                                        "comments",
                                        "project_goals.goals",
                                        "project_goals.excellent",
                                        "project_goals.good",
                                        "project_goals.fair",
                                        "project_goals.poor",
                                        "project_goals.passed",
                                        "project_goals.passed_after_fixes",
                                        "project_goals.to_revise",
                                        "project_goals.blocked",
                                        "project_goals.comments",
                                        "unit_goals.goals",
                                        "unit_goals.excellent",
                                        "unit_goals.good",
                                        "unit_goals.fair",
                                        "unit_goals.poor",
                                        "unit_goals.passed",
                                        "unit_goals.passed_after_fixes",
                                        "unit_goals.to_revise",
                                        "unit_goals.blocked",
                                        "unit_goals.comments",
                                        "projects_blocked_by_review",
                                        "amount_blocked_by_review",
                                        "ex_ante_assessed",
                                        "ex_ante_supported",
                                        "ex_ante_after_revision",
                                        "ex_ante_not_supported",
                                        "ex_ante_cut",
                                        "ex_ante_missing",
                                        "ex_ante_missing_amount",
                                        "projects",
                                        "projects_entering",
                                        "projects_blocked",
                                        "amount_blocked",
                                        "any_blocked"};

}  // namespace

PFB_API uint32_t pfb_review_summary_key_count(const pfb_review* /*review*/) {
  return static_cast<uint32_t>(std::size(kSummaryKeys));
}

PFB_API const char* pfb_review_summary_key(const pfb_review* /*review*/, uint32_t index) {
  return index < std::size(kSummaryKeys) ? kSummaryKeys[index] : "";
}

PFB_API int64_t pfb_review_summary_value(const pfb_review* review, const char* key) {
  return GuardValue<int64_t>(-1, [&]() -> int64_t {
    if (review == nullptr || key == nullptr) return -1;
    const perfbudget::ReviewSummary& s = review->result.summary;
    std::string_view k(key);
    if (k.starts_with("project_goals.")) return capi::CountValue(s.project_goals, k.substr(14));
    if (k.starts_with("unit_goals.")) return capi::CountValue(s.unit_goals, k.substr(11));
    if (std::int64_t v = capi::CountValue(s.all, k); v >= 0) return v;
    if (k == "projects_blocked_by_review") return s.projects_blocked_by_review;
    if (k == "amount_blocked_by_review") return s.amount_blocked_by_review.fen();
    if (k == "ex_ante_assessed") return s.ex_ante_assessed;
    if (k == "ex_ante_supported") return s.ex_ante_supported;
    if (k == "ex_ante_after_revision") return s.ex_ante_after_revision;
    if (k == "ex_ante_not_supported") return s.ex_ante_not_supported;
    if (k == "ex_ante_cut") return s.ex_ante_cut.fen();
    if (k == "ex_ante_missing") return s.ex_ante_missing;
    if (k == "ex_ante_missing_amount") return s.ex_ante_missing_amount.fen();
    if (k == "projects") return s.projects;
    if (k == "projects_entering") return s.projects_entering;
    if (k == "projects_blocked") return s.projects_blocked;
    if (k == "amount_blocked") return s.amount_blocked.fen();
    if (k == "any_blocked") return review->any_blocked ? 1 : 0;
    return -1;
  });
}

PFB_API uint32_t pfb_review_goal_count(const pfb_review* review) {
  return review == nullptr ? 0 : static_cast<uint32_t>(review->result.goals.size());
}
PFB_API const char* pfb_review_goal_id(const pfb_review* review, uint32_t g) {
  const perfbudget::GoalReview* x = capi::GoalAt(review, g);
  return x == nullptr ? "" : x->goal_id.c_str();
}
PFB_API const char* pfb_review_goal_project(const pfb_review* review, uint32_t g) {
  const perfbudget::GoalReview* x = capi::GoalAt(review, g);
  return x == nullptr ? "" : x->project_id.c_str();
}
PFB_API const char* pfb_review_goal_unit(const pfb_review* review, uint32_t g) {
  const perfbudget::GoalReview* x = capi::GoalAt(review, g);
  return x == nullptr ? "" : x->unit_id.c_str();
}
PFB_API int32_t pfb_review_goal_owner(const pfb_review* review, uint32_t g) {
  const perfbudget::GoalReview* x = capi::GoalAt(review, g);
  return x == nullptr ? -1 : static_cast<int32_t>(x->owner);
}
PFB_API const char* pfb_review_goal_score(const pfb_review* review, uint32_t g) {
  return capi::GoalAt(review, g) == nullptr ? "" : review->scores[g].c_str();
}
PFB_API int32_t pfb_review_goal_grade(const pfb_review* review, uint32_t g) {
  const perfbudget::GoalReview* x = capi::GoalAt(review, g);
  return x == nullptr ? -1 : static_cast<int32_t>(x->grade);
}
PFB_API int32_t pfb_review_goal_consequence(const pfb_review* review, uint32_t g) {
  const perfbudget::GoalReview* x = capi::GoalAt(review, g);
  return x == nullptr ? -1 : static_cast<int32_t>(x->consequence);
}
PFB_API uint32_t pfb_review_goal_first_finding(const pfb_review* review, uint32_t g) {
  return capi::GoalAt(review, g) == nullptr ? 0 : review->first_finding[g];
}
PFB_API uint32_t pfb_review_goal_finding_count(const pfb_review* review, uint32_t g) {
  const perfbudget::GoalReview* x = capi::GoalAt(review, g);
  return x == nullptr ? 0 : static_cast<uint32_t>(x->findings.size());
}

PFB_API uint32_t pfb_review_finding_count(const pfb_review* review) {
  return review == nullptr ? 0 : static_cast<uint32_t>(review->findings.size());
}
PFB_API uint32_t pfb_review_finding_goal(const pfb_review* review, uint32_t i) {
  return capi::FindingAt(review, i) == nullptr ? PFB_NO_INDEX : review->findings[i].first;
}
PFB_API const char* pfb_review_finding_code(const pfb_review* review, uint32_t i) {
  const perfbudget::Finding* f = capi::FindingAt(review, i);
  return f == nullptr ? "" : f->code.data();  // catalog codes are NUL-terminated literals
}
PFB_API int32_t pfb_review_finding_dimension(const pfb_review* review, uint32_t i) {
  const perfbudget::Finding* f = capi::FindingAt(review, i);
  return f == nullptr ? -1 : static_cast<int32_t>(f->dimension);
}
PFB_API int32_t pfb_review_finding_severity(const pfb_review* review, uint32_t i) {
  const perfbudget::Finding* f = capi::FindingAt(review, i);
  return f == nullptr ? -1 : static_cast<int32_t>(f->severity);
}
PFB_API const char* pfb_review_finding_deduction(const pfb_review* review, uint32_t i) {
  return capi::FindingAt(review, i) == nullptr ? "" : review->deductions[i].c_str();
}
PFB_API const char* pfb_review_finding_message(const pfb_review* review, uint32_t i,
                                               const char* lang) {
  if (capi::FindingAt(review, i) == nullptr) return "";
  const bool en = lang != nullptr && std::strcmp(lang, "en") == 0;
  return en ? review->messages_en[i].c_str() : review->messages_zh[i].c_str();
}
PFB_API int32_t pfb_review_finding_message_lang(const pfb_review* review, uint32_t i, int32_t lang,
                                                const char** message, pfb_error** err) {
  return capi::Guard(err, [&](perfbudget::Diagnostics&) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(message, "message"));
    if (review == nullptr) return capi::MakeStatus(PFB_INVALID_ARGUMENT, "review is NULL");
    if (lang != PFB_LANG_ZH && lang != PFB_LANG_EN) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              capi::Cat("lang ", lang, " is not 0 (zh) or 1 (en)"));
    }
    if (capi::FindingAt(review, i) == nullptr) {
      return capi::MakeStatus(PFB_OUT_OF_RANGE, capi::Cat("finding ", i, " is past the last (",
                                                          pfb_review_finding_count(review), ")"));
    }
    *message =
        lang == PFB_LANG_EN ? review->messages_en[i].c_str() : review->messages_zh[i].c_str();
    return absl::OkStatus();
  });
}

PFB_API uint32_t pfb_review_finding_indicator(const pfb_review* review, uint32_t i) {
  const perfbudget::Finding* f = capi::FindingAt(review, i);
  return f == nullptr ? PFB_NO_INDEX : f->location.indicator_index;
}
PFB_API const char* pfb_review_finding_indicator_id(const pfb_review* review, uint32_t i) {
  const perfbudget::Finding* f = capi::FindingAt(review, i);
  return f == nullptr ? "" : f->location.indicator_id.c_str();
}
PFB_API const char* pfb_review_finding_field(const pfb_review* review, uint32_t i) {
  const perfbudget::Finding* f = capi::FindingAt(review, i);
  return f == nullptr ? "" : f->location.field.c_str();
}

PFB_API uint32_t pfb_review_gate_count(const pfb_review* review) {
  return review == nullptr ? 0 : static_cast<uint32_t>(review->result.gates.size());
}
PFB_API const char* pfb_review_gate_project(const pfb_review* review, uint32_t i) {
  return (review == nullptr || i >= review->result.gates.size())
             ? ""
             : review->result.gates[i].project_id.c_str();
}
PFB_API int32_t pfb_review_gate_may_enter(const pfb_review* review, uint32_t i) {
  if (review == nullptr || i >= review->result.gates.size()) return -1;
  return review->result.gates[i].may_enter ? 1 : 0;
}
PFB_API int64_t pfb_review_gate_amount(const pfb_review* review, uint32_t i) {
  return (review == nullptr || i >= review->result.gates.size())
             ? 0
             : review->result.gates[i].amount.fen();
}
PFB_API const char* pfb_review_gate_reasons(const pfb_review* review, uint32_t i) {
  return (review == nullptr || i >= review->result.gates.size()) ? ""
                                                                 : review->gate_reasons[i].c_str();
}

PFB_API int32_t pfb_indicators_suggest(const pfb_policy* policy,
                                       const pfb_indicators_options* options,
                                       pfb_indicator_list** out, pfb_error** err) {
  return Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    if (options == nullptr) return absl::InvalidArgumentError("options: NULL");
    if (options->version != PFB_INDICATORS_OPTIONS_VERSION) {
      return absl::InvalidArgumentError(absl::StrCat("options->version: ", options->version,
                                                     ", expected ", PFB_INDICATORS_OPTIONS_VERSION,
                                                     " (start from PFB_INDICATORS_OPTIONS_INIT)"));
    }
    PFB_ASSIGN_OR_RETURN(std::string_view category,
                         capi::InString(options->category, "options->category"));
    perfbudget::Policy fallback;
    const perfbudget::Policy& p = capi::PolicyOr(policy, &fallback);
    const perfbudget::ReviewLibrary& lib = p.review_library();
    const perfbudget::CategoryLibrary* cat = lib.FindCategory(category);
    if (cat == nullptr) {
      std::string known;
      for (const perfbudget::CategoryLibrary& c : lib.categories) {
        if (!known.empty()) known += ", ";
        known += c.category;
      }
      return absl::NotFoundError(absl::StrCat("options->category: no core indicators for \"",
                                              perfbudget::AV(category),
                                              "\"; known categories: ", known));
    }
    auto list = std::make_unique<pfb_indicator_list>();
    list->category = cat->category;
    list->indicators = cat->indicators;
    list->library = *cat;
    list->policy_name = p.name();
    for (const perfbudget::CoreIndicator& c : list->indicators) {
      std::string syn;
      for (const std::string& s : c.synonyms) {
        if (!syn.empty()) syn += "|";
        syn += s;
      }
      list->synonyms.push_back(std::move(syn));
      list->low.push_back(c.low.has_value() ? c.low->ToShortString(6) : std::string());
      list->high.push_back(c.high.has_value() ? c.high->ToShortString(6) : std::string());
    }
    *out = list.release();
    return absl::OkStatus();
  });
}

PFB_API void pfb_indicator_list_destroy(pfb_indicator_list* list) { delete list; }

PFB_API const char* pfb_indicator_list_category(const pfb_indicator_list* list) {
  return list == nullptr ? "" : list->category.c_str();
}
PFB_API uint32_t pfb_indicator_list_count(const pfb_indicator_list* list) {
  return list == nullptr ? 0 : static_cast<uint32_t>(list->indicators.size());
}
static const perfbudget::CoreIndicator* CoreAt(const pfb_indicator_list* list, uint32_t i) {
  return (list != nullptr && i < list->indicators.size()) ? &list->indicators[i] : nullptr;
}
PFB_API const char* pfb_indicator_list_name(const pfb_indicator_list* list, uint32_t i) {
  return CoreAt(list, i) == nullptr ? "" : list->indicators[i].name.c_str();
}
PFB_API const char* pfb_indicator_list_synonyms(const pfb_indicator_list* list, uint32_t i) {
  return CoreAt(list, i) == nullptr ? "" : list->synonyms[i].c_str();
}
PFB_API const char* pfb_indicator_list_unit(const pfb_indicator_list* list, uint32_t i) {
  return CoreAt(list, i) == nullptr ? "" : list->indicators[i].unit.c_str();
}
PFB_API const char* pfb_indicator_list_low(const pfb_indicator_list* list, uint32_t i) {
  return CoreAt(list, i) == nullptr ? "" : list->low[i].c_str();
}
PFB_API const char* pfb_indicator_list_high(const pfb_indicator_list* list, uint32_t i) {
  return CoreAt(list, i) == nullptr ? "" : list->high[i].c_str();
}
PFB_API int32_t pfb_indicator_list_level1(const pfb_indicator_list* list, uint32_t i) {
  const perfbudget::CoreIndicator* c = CoreAt(list, i);
  return c == nullptr ? -1 : static_cast<int32_t>(c->level1);
}
PFB_API int32_t pfb_indicator_list_level2(const pfb_indicator_list* list, uint32_t i) {
  const perfbudget::CoreIndicator* c = CoreAt(list, i);
  return c == nullptr ? -1 : static_cast<int32_t>(c->level2);
}
PFB_API int32_t pfb_indicator_list_comparator(const pfb_indicator_list* list, uint32_t i) {
  const perfbudget::CoreIndicator* c = CoreAt(list, i);
  return c == nullptr ? -1 : static_cast<int32_t>(c->comparator);
}
PFB_API int32_t pfb_indicator_list_required(const pfb_indicator_list* list, uint32_t i) {
  const perfbudget::CoreIndicator* c = CoreAt(list, i);
  return c == nullptr ? -1 : (c->required ? 1 : 0);
}

}  // extern "C"

// ---- export (pfb_render.h) ----------------------------------------------------

extern "C" PFB_API int32_t pfb_review_render(const pfb_review* review,
                                             const pfb_render_options* options, char** out,
                                             size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroRenderOut(out, out_len));
    PFB_RETURN_IF_ERROR(capi::RequireHandle(review, "review"));
    PFB_ASSIGN_OR_RETURN(perfbudget::render::RenderOptions o, capi::ReadRenderOptions(options));
    PFB_ASSIGN_OR_RETURN(std::string text,
                         perfbudget::render::RenderReview(review->result, review->policy_name, o));
    return capi::CopyOut(text, out, out_len);
  });
}

extern "C" PFB_API int32_t pfb_indicator_list_render(const pfb_indicator_list* list,
                                                     const pfb_render_options* options, char** out,
                                                     size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroRenderOut(out, out_len));
    PFB_RETURN_IF_ERROR(capi::RequireHandle(list, "list"));
    PFB_ASSIGN_OR_RETURN(perfbudget::render::RenderOptions o, capi::ReadRenderOptions(options));
    PFB_ASSIGN_OR_RETURN(std::string text,
                         perfbudget::render::RenderIndicators(list->library, list->policy_name, o));
    return capi::CopyOut(text, out, out_len);
  });
}
