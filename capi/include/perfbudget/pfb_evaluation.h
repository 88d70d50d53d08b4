/* pfb_evaluation.h: the perfbudget C ABI, self-evaluation scoring (单位自评)
 * with the self-score check (自评抽查), and result application (结果应用).
 * Conventions: docs/c-abi.md; semantics: docs/evaluation.md.
 *
 * A pfb_self_evaluation / pfb_results is an immutable result: it may be read
 * from many threads at once. Every string it hands out is borrowed from it
 * (valid until it is destroyed). Money is int64 fen; scores, points and
 * percentages are decimal text rounded half-up to two places ("89.995" is
 * handed out as "90.00"; the grade comes from the exact score). The run
 * functions take a versioned options struct: set it with the _INIT macro,
 * then change fields; NULL means the defaults. */
#ifndef PERFBUDGET_PFB_EVALUATION_H_
#define PERFBUDGET_PFB_EVALUATION_H_

#include "perfbudget/pfb_core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pfb_self_evaluation pfb_self_evaluation; /* scores, immutable */
typedef struct pfb_results pfb_results;                 /* result application, immutable */

/* Message languages (as pfb_monitor.h). */
#ifndef PFB_LANG_ZH
#define PFB_LANG_ZH 0
#define PFB_LANG_EN 1
#endif

/* Score blocks (SelfEvaluationPolicy; append only). */
#define PFB_BLOCK_OUTPUT 0       /* 产出 (with cost indicators by default) */
#define PFB_BLOCK_BENEFIT 1      /* 效益 */
#define PFB_BLOCK_SATISFACTION 2 /* 满意度 */
#define PFB_BLOCK_COST 3         /* 成本, when the policy gives cost its own block */

/* Result actions (结果应用; append only). */
#define PFB_RESULT_PRIORITY 0 /* 优先保障 */
#define PFB_RESULT_KEEP 1     /* 保持 */
#define PFB_RESULT_CUT 2      /* 压减 */
#define PFB_RESULT_CANCEL 3   /* 取消 / 暂停 */
#define PFB_RESULT_MERGE 4    /* 优化整合 */

/* ---- Self-evaluation scoring ------------------------------------------------ */

/* Bits of pfb_self_evaluation_options.flags. */
#define PFB_SELFEVAL_NO_PROJECT_GOALS 1u /* leave project goals out */
#define PFB_SELFEVAL_NO_UNIT_GOALS 2u    /* leave unit-level (部门整体) goals out */

typedef struct pfb_self_evaluation_options {
  uint32_t version; /* PFB_SELF_EVALUATION_OPTIONS_VERSION */
  /* The evaluation date yyyymmdd: the latest actual dated on or before it
   * counts, execution runs to it (or the fiscal year's end). 0 = no cut-off
   * (the latest actual, the whole year). */
  int32_t as_of;
  uint32_t flags; /* PFB_SELFEVAL_* bits; unknown bits are PFB_INVALID_ARGUMENT */
  /* Other datasets holding this year's self-evaluation records (a year's
   * self-evaluations are recorded in the next year's dataset): borrowed for
   * the call only (the result keeps its own reference). NULL / 0 = none. */
  const pfb_dataset* const* reports;
  uint32_t report_count;
} pfb_self_evaluation_options;

#define PFB_SELF_EVALUATION_OPTIONS_VERSION 1u
#define PFB_SELF_EVALUATION_OPTIONS_INIT \
  { PFB_SELF_EVALUATION_OPTIONS_VERSION, 0, 0u, NULL, 0u }

/* Scores every goal of `dataset` under `policy_json` (a policy profile's JSON
 * text; NULL / length 0 = the default policy). `options` may be NULL (the
 * defaults); a version other than 1 is PFB_INVALID_ARGUMENT. PFB_INVALID_ARGUMENT
 * also for a bad policy (with diagnostics) or a bad date.
 * *out: owned, free with pfb_self_evaluation_destroy. */
PFB_API int32_t pfb_self_evaluation_run(const pfb_dataset* dataset, const char* policy_json,
                                        size_t policy_len,
                                        const pfb_self_evaluation_options* options,
                                        pfb_self_evaluation** out, pfb_error** err);
/* The same with a loaded policy (pfb_policy_load; NULL = the default policy),
 * as the other analyses take one: prepared once, not re-parsed per call. The
 * policy is borrowed for the call only; the result does not refer to it.
 * *out: owned, free with pfb_self_evaluation_destroy. */
PFB_API int32_t pfb_self_evaluation_run_with_policy(const pfb_dataset* dataset,
                                                    const pfb_policy* policy,
                                                    const pfb_self_evaluation_options* options,
                                                    pfb_self_evaluation** out, pfb_error** err);
PFB_API void pfb_self_evaluation_destroy(pfb_self_evaluation* scores); /* NULL is fine */

/* Scored goals, in dataset goal order (cancelled projects' goals left out). */
PFB_API uint32_t pfb_self_evaluation_goal_count(const pfb_self_evaluation* scores);
/* One goal: its id, owner (PFB_GOAL_*), the owner's id (project or unit), its
 * unit's id, score ("77.50"), grade (PFB_GRADE_EXCELLENT..POOR), execution rate
 * percent ("95.00"), execution points earned ("9.50"), and its indicators
 * [first_indicator, first_indicator + indicator_count) of
 * pfb_self_evaluation_indicator. Strings borrowed; any out-pointer may be NULL.
 * PFB_OUT_OF_RANGE past the end. */
PFB_API int32_t pfb_self_evaluation_goal(const pfb_self_evaluation* scores, uint32_t index,
                                         const char** goal_id, int32_t* owner,
                                         const char** owner_id, const char** unit_id,
                                         const char** score, int32_t* grade,
                                         const char** execution_rate_percent,
                                         const char** execution_earned, uint32_t* first_indicator,
                                         uint32_t* indicator_count, pfb_error** err);
/* The self-score check (自评抽查) of goal `index`: the matched self-evaluation's
 * id ("" when none), its reported score ("" when none), reported − computed
 * ("0.00" when none) and whether it exceeds the policy's tolerance (0/1).
 * Strings borrowed; any out-pointer may be NULL. */
PFB_API int32_t pfb_self_evaluation_check(const pfb_self_evaluation* scores, uint32_t index,
                                          const char** evaluation_id, const char** reported,
                                          const char** difference, int32_t* inflated,
                                          pfb_error** err);

PFB_API uint32_t pfb_self_evaluation_indicator_count(const pfb_self_evaluation* scores);
/* One indicator's points: the goal it belongs to (index), the indicator's id
 * and name, the scoring rule's code ("selfeval.higher_is_better",
 * "selfeval.no_actual", ...), its block (PFB_BLOCK_*), points available,
 * earned and lost ("22.50"), flags (bit 1: scored, 2: far below the policy's
 * line, 4: the counted actual explains the deviation) and its message in
 * `lang` (PFB_LANG_*). Strings borrowed; any out-pointer may be NULL. */
PFB_API int32_t pfb_self_evaluation_indicator(const pfb_self_evaluation* scores, uint32_t index,
                                              int32_t lang, uint32_t* goal,
                                              const char** indicator_id, const char** name,
                                              const char** code, int32_t* block,
                                              const char** points, const char** earned,
                                              const char** lost, uint32_t* flags,
                                              const char** message, pfb_error** err);
#define PFB_INDICATOR_SCORED 1u
#define PFB_INDICATOR_FAR_BELOW 2u
#define PFB_INDICATOR_EXPLAINED 4u

/* Flags (no actual, far below without a reason, inflated self-score, ...),
 * in goal order. */
PFB_API uint32_t pfb_self_evaluation_flag_count(const pfb_self_evaluation* scores);
/* One flag: rule code, severity (0 info .. 3 blocker), the goal (index), the
 * indicator's index within the goal's indicators (-1 for a goal-level flag)
 * and the message in `lang`. Strings borrowed; any out-pointer may be NULL. */
PFB_API int32_t pfb_self_evaluation_flag(const pfb_self_evaluation* scores, uint32_t index,
                                         int32_t lang, const char** code, int32_t* severity,
                                         uint32_t* goal, int32_t* indicator, const char** message,
                                         pfb_error** err);
/* Totals for the jurisdiction: goals scored (project, unit-level), matched
 * project self-evaluation records and their funds (fen; unit-level records
 * not included), inflated self-scores. Any
 * out-pointer may be NULL. */
PFB_API int32_t pfb_self_evaluation_totals(const pfb_self_evaluation* scores,
                                           uint32_t* project_goals, uint32_t* unit_goals,
                                           uint32_t* self_evaluations, int64_t* amount_fen,
                                           uint32_t* inflated, pfb_error** err);

/* ---- Result application -------------------------------------------------------- */

typedef struct pfb_results_options {
  uint32_t version; /* PFB_RESULTS_OPTIONS_VERSION */
  uint32_t flags;   /* none defined yet: must be 0 */
  /* The next year's budget as approved (NULL = none): its projects approved
   * below their request are listed (pfb_results_next_year_*). Borrowed for
   * the call only (the result keeps its own reference). */
  const pfb_dataset* next_year;
} pfb_results_options;

#define PFB_RESULTS_OPTIONS_VERSION 1u
#define PFB_RESULTS_OPTIONS_INIT \
  { PFB_RESULTS_OPTIONS_VERSION, 0u, NULL }

/* Next year's budget proposals from the evaluation grades of `dataset`
 * (docs/evaluation.md). Policy and options as pfb_self_evaluation_run.
 * *out: owned, free with pfb_results_destroy. */
PFB_API int32_t pfb_results_run(const pfb_dataset* dataset, const char* policy_json,
                                size_t policy_len, const pfb_results_options* options,
                                pfb_results** out, pfb_error** err);
/* The same with a loaded policy (NULL = the default policy), borrowed for the
 * call only. *out: owned, free with pfb_results_destroy. */
PFB_API int32_t pfb_results_run_with_policy(const pfb_dataset* dataset, const pfb_policy* policy,
                                            const pfb_results_options* options, pfb_results** out,
                                            pfb_error** err);
PFB_API void pfb_results_destroy(pfb_results* results); /* NULL is fine */

/* The budget year the proposals are for (fiscal year + 1); 0 for NULL. */
PFB_API int32_t pfb_results_budget_year(const pfb_results* results);
/* The jurisdiction's total cut, in fen; 0 for NULL. */
PFB_API int64_t pfb_results_total_cut_fen(const pfb_results* results);
PFB_API uint32_t pfb_results_proposal_count(const pfb_results* results);
/* One proposal: project id, deciding evaluation id, its grade
 * (PFB_GRADE_EXCELLENT..POOR), the rule code ("results.cut"), action
 * (PFB_RESULT_*), cut percent ("10"), base, cut and proposed amounts (fen),
 * the message in `lang`, and its number of fund-source splits. Strings
 * borrowed; any out-pointer may be NULL. */
PFB_API int32_t pfb_results_proposal(const pfb_results* results, uint32_t index, int32_t lang,
                                     const char** project_id, const char** evaluation_id,
                                     int32_t* grade, const char** code, int32_t* action,
                                     const char** cut_percent, int64_t* base_fen, int64_t* cut_fen,
                                     int64_t* proposed_fen, const char** message,
                                     uint32_t* split_count, pfb_error** err);
/* Split `split` of proposal `index`: fund source (PFB_FUND_*) and amount in
 * fen. The splits of a proposal sum to its cut. */
PFB_API int32_t pfb_results_split(const pfb_results* results, uint32_t index, uint32_t split,
                                  int32_t* source, int64_t* amount_fen, pfb_error** err);
/* Units with a proposal: id (borrowed), number of projects, cut in fen. */
PFB_API uint32_t pfb_results_unit_count(const pfb_results* results);
PFB_API int32_t pfb_results_unit(const pfb_results* results, uint32_t index, const char** unit_id,
                                 uint32_t* projects, int64_t* cut_fen, pfb_error** err);

/* With options->next_year: the projects it approved below their request
 * (cancelled ones included) and their total cut (fen); 0 without. */
PFB_API uint32_t pfb_results_next_year_count(const pfb_results* results);
PFB_API int64_t pfb_results_next_year_cut_fen(const pfb_results* results);
/* One of them: project id (borrowed), requested, approved and cut (fen),
 * cancelled (0/1), and this year's proposal for the same project id (an
 * index of pfb_results_proposal, or -1 when none). */
PFB_API int32_t pfb_results_next_year_cut(const pfb_results* results, uint32_t index,
                                          const char** project_id, int64_t* requested_fen,
                                          int64_t* approved_fen, int64_t* cut_fen,
                                          int32_t* cancelled, int32_t* proposal, pfb_error** err);

#ifdef __cplusplus
}
#endif

#endif /* PERFBUDGET_PFB_EVALUATION_H_ */
