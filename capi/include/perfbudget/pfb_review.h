/* pfb_review.h: the perfbudget C ABI, goal-review part: policy profiles,
 * goal review (完整性 · 相关性 · 适当性 · 可行性), ex-ante gating.
 * Conventions: pfb_core.h and docs/c-abi.md. Rule codes and the profile
 * format: docs/policy.md.
 *
 * A pfb_review is immutable once made and may be read from any number of
 * threads. Its strings are borrowed: valid until pfb_review_destroy.
 * Findings are numbered across the whole review (0 .. finding_count-1), in
 * goal order; a goal's findings are the run
 * [pfb_review_goal_first_finding, + pfb_review_goal_finding_count). */
#ifndef PERFBUDGET_PFB_REVIEW_H_
#define PERFBUDGET_PFB_REVIEW_H_

#include "perfbudget/pfb_core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pfb_review pfb_review; /* pfb_policy: pfb_core.h */

/* ---- policies ------------------------------------------------------------ */
/* A built-in profile ("defaults", "central", "suma-park") or a JSON file.
 * A bad profile: PFB_INVALID_ARGUMENT with every problem as diagnostics; an
 * unknown name / missing file: PFB_NOT_FOUND. *out: free with
 * pfb_policy_destroy. */
PFB_API int32_t pfb_policy_load(const char* name_or_path, pfb_policy** out, pfb_error** err);
/* A profile from JSON text (may "extends" a built-in). */
PFB_API int32_t pfb_policy_load_json(const char* data, size_t len, pfb_policy** out,
                                     pfb_error** err);
PFB_API void pfb_policy_destroy(pfb_policy* policy);
/* Borrowed; "" for NULL. */
PFB_API const char* pfb_policy_name(const pfb_policy* policy);
/* The resolved policy as JSON (every rule). Owned: pfb_string_free. */
PFB_API int32_t pfb_policy_to_json(const pfb_policy* policy, char** out, size_t* out_len,
                                   pfb_error** err);

/* ---- reviewing ------------------------------------------------------------ */
/* flags */
#define PFB_REVIEW_NO_UNIT_GOALS 1u /* skip unit-level (部门整体) goals */
#define PFB_REVIEW_NO_MESSAGES 2u   /* codes and locations only (faster) */

/* Reviews a dataset. `policy` NULL = the defaults; `project_id` NULL or "" =
 * every project (else only that project's goals and gate; PFB_NOT_FOUND when
 * unknown). *out: free with pfb_review_destroy. */
PFB_API int32_t pfb_review_dataset(const pfb_dataset* dataset, const pfb_policy* policy,
                                   const char* project_id, uint32_t flags, pfb_review** out,
                                   pfb_error** err);
/* Reviews one goal of a dataset on its own (interactive use: build a small
 * dataset with the goal, its project and unit through pfb_builder), with the
 * project's ex-ante status. PFB_NOT_FOUND for an unknown goal id. The result
 * has one goal and no gates. */
PFB_API int32_t pfb_review_goal(const pfb_dataset* dataset, const pfb_policy* policy,
                                const char* goal_id, uint32_t flags, pfb_review** out,
                                pfb_error** err);
PFB_API void pfb_review_destroy(pfb_review* review);

/* ---- summary -------------------------------------------------------------- */
/* A summary figure by key; -1 for an unknown key or NULL. Keys (amounts in
 * fen): "goals", "excellent", "good", "fair", "poor", "passed" (优: passed
 * without required changes), "passed_after_fixes" (良), "to_revise",
 * "blocked", "comments" (all goals), the same prefixed "project_goals." and
 * "unit_goals.", "projects_blocked_by_review", "amount_blocked_by_review",
 * "ex_ante_assessed", "ex_ante_supported", "ex_ante_after_revision",
 * "ex_ante_not_supported", "ex_ante_cut", "ex_ante_missing",
 * "ex_ante_missing_amount", "projects", "projects_entering",
 * "projects_blocked", "amount_blocked", "any_blocked" (0/1). */
PFB_API int64_t pfb_review_summary_value(const pfb_review* review, const char* key);
/* The keys pfb_review_summary_value knows, in a fixed order, so a caller can
 * list every figure without guessing: key_count keys, key(i) for i below it
 * (borrowed, static; "" past the end). The same for any review (NULL too). */
PFB_API uint32_t pfb_review_summary_key_count(const pfb_review* review);
PFB_API const char* pfb_review_summary_key(const pfb_review* review, uint32_t index);

/* ---- goals ---------------------------------------------------------------- */
/* Grades (as the model's Grade) and consequences. PFB_GRADE_EXCELLENT...
 * are the first names of the same values (kept; PFB_GRADE_ACHIEVED... of
 * pfb_core.h are another enumeration, now PFB_QUALITATIVE_*). */
#define PFB_REVIEW_GRADE_EXCELLENT 0 /* 优 */
#define PFB_REVIEW_GRADE_GOOD 1      /* 良 */
#define PFB_REVIEW_GRADE_FAIR 2      /* 中 */
#define PFB_REVIEW_GRADE_POOR 3      /* 差 */
#define PFB_GRADE_EXCELLENT PFB_REVIEW_GRADE_EXCELLENT
#define PFB_GRADE_GOOD PFB_REVIEW_GRADE_GOOD
#define PFB_GRADE_FAIR PFB_REVIEW_GRADE_FAIR
#define PFB_GRADE_POOR PFB_REVIEW_GRADE_POOR
#define PFB_CONSEQUENCE_PROCEED 0
#define PFB_CONSEQUENCE_PROCEED_AFTER_FIXES 1
#define PFB_CONSEQUENCE_REVISE_AND_RESUBMIT 2
#define PFB_CONSEQUENCE_BLOCKED 3

PFB_API uint32_t pfb_review_goal_count(const pfb_review* review);
/* Borrowed strings; "" when out of range. */
PFB_API const char* pfb_review_goal_id(const pfb_review* review, uint32_t g);
PFB_API const char* pfb_review_goal_project(const pfb_review* review, uint32_t g);
PFB_API const char* pfb_review_goal_unit(const pfb_review* review, uint32_t g);
/* PFB_GOAL_OWNER-style 0 project / 1 unit; -1 when out of range. */
PFB_API int32_t pfb_review_goal_owner(const pfb_review* review, uint32_t g);
/* Score 0..100 as exact decimal text ("97", "89.5"). */
PFB_API const char* pfb_review_goal_score(const pfb_review* review, uint32_t g);
PFB_API int32_t pfb_review_goal_grade(const pfb_review* review, uint32_t g);
PFB_API int32_t pfb_review_goal_consequence(const pfb_review* review, uint32_t g);
PFB_API uint32_t pfb_review_goal_first_finding(const pfb_review* review, uint32_t g);
PFB_API uint32_t pfb_review_goal_finding_count(const pfb_review* review, uint32_t g);

/* ---- findings ------------------------------------------------------------- */
#define PFB_DIMENSION_COMPLETENESS 0    /* 完整性 */
#define PFB_DIMENSION_RELEVANCE 1       /* 相关性 */
#define PFB_DIMENSION_APPROPRIATENESS 2 /* 适当性 */
#define PFB_DIMENSION_FEASIBILITY 3     /* 可行性 */
#define PFB_DIMENSION_OTHER 4
#define PFB_SEVERITY_INFO 0
#define PFB_SEVERITY_WARNING 1
#define PFB_SEVERITY_ERROR 2
#define PFB_SEVERITY_BLOCKER 3
#define PFB_NO_INDEX 0xFFFFFFFFu

PFB_API uint32_t pfb_review_finding_count(const pfb_review* review);
/* The goal (position in the review) a finding belongs to; PFB_NO_INDEX when
 * out of range. */
PFB_API uint32_t pfb_review_finding_goal(const pfb_review* review, uint32_t i);
/* "appropriateness.satisfaction_too_low". Borrowed; "" when out of range. */
PFB_API const char* pfb_review_finding_code(const pfb_review* review, uint32_t i);
PFB_API int32_t pfb_review_finding_dimension(const pfb_review* review, uint32_t i);
PFB_API int32_t pfb_review_finding_severity(const pfb_review* review, uint32_t i);
/* Points deducted, exact decimal text. */
PFB_API const char* pfb_review_finding_deduction(const pfb_review* review, uint32_t i);
/* The explanation naming the values, lang "zh" (default, also for NULL) or
 * "en"; "" with PFB_REVIEW_NO_MESSAGES. Kept for compatibility: any other
 * text also gives Chinese. Prefer pfb_review_finding_message_lang. */
PFB_API const char* pfb_review_finding_message(const pfb_review* review, uint32_t i,
                                               const char* lang);
/* The explanation in `lang` (PFB_LANG_*), borrowed from the review ("" with
 * PFB_REVIEW_NO_MESSAGES). PFB_INVALID_ARGUMENT for another lang or a NULL
 * review, PFB_OUT_OF_RANGE past the last finding. */
PFB_API int32_t pfb_review_finding_message_lang(const pfb_review* review, uint32_t i, int32_t lang,
                                                const char** message, pfb_error** err);
/* Position of the indicator in its goal; PFB_NO_INDEX for the goal itself. */
PFB_API uint32_t pfb_review_finding_indicator(const pfb_review* review, uint32_t i);
PFB_API const char* pfb_review_finding_indicator_id(const pfb_review* review, uint32_t i);
/* The field concerned ("target", "unit_of_measure", "weight", "text", ...). */
PFB_API const char* pfb_review_finding_field(const pfb_review* review, uint32_t i);

/* ---- gates (which projects may enter the project library) ----------------- */
PFB_API uint32_t pfb_review_gate_count(const pfb_review* review);
PFB_API const char* pfb_review_gate_project(const pfb_review* review, uint32_t i);
/* 1 may enter, 0 blocked, -1 out of range. */
PFB_API int32_t pfb_review_gate_may_enter(const pfb_review* review, uint32_t i);
/* Amount (fen) blocked or admitted: requested, or approved when none requested. */
PFB_API int64_t pfb_review_gate_amount(const pfb_review* review, uint32_t i);
/* Reasons as comma-separated rule codes; "" when none. Borrowed. */
PFB_API const char* pfb_review_gate_reasons(const pfb_review* review, uint32_t i);

#ifdef __cplusplus
}
#endif

#endif /* PERFBUDGET_PFB_REVIEW_H_ */
