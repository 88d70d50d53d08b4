/* pfb_render.h: the perfbudget C ABI, result export: every analysis result
 * rendered as JSON, CSV or text, byte for byte what `perfbudget <command>
 * --format json|csv|text` prints (one renderer in the library,
 * include/perfbudget/render/). Conventions: docs/c-abi.md; the JSON schema of
 * each result: docs/format.md, "Analysis results as JSON".
 *
 * Every function here reads its result handle only (results are immutable:
 * any number of threads may render the same handle at once) and hands out an
 * owned, NUL-terminated UTF-8 string: *out is allocated by the library and
 * freed with pfb_string_free; *out_len (may be NULL) receives its length in
 * bytes. Numbers are exact until printed: amounts in JSON are yuan text with
 * two decimals ("1067050000.00"), in CSV and text every significant digit in
 * the unit asked for; rates are rounded half-up to the policy's decimals. */
#ifndef PERFBUDGET_PFB_RENDER_H_
#define PERFBUDGET_PFB_RENDER_H_

#include "perfbudget/pfb_core.h"
#include "perfbudget/pfb_evaluation.h"
#include "perfbudget/pfb_followup.h"
#include "perfbudget/pfb_indicators.h"
#include "perfbudget/pfb_monitor.h"
#include "perfbudget/pfb_review.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Output forms (append only, never renumber). */
#define PFB_FORMAT_JSON 0 /* one document, two-space indentation, final newline */
#define PFB_FORMAT_CSV 1  /* RFC 4180, a header row, CRLF line ends */
#define PFB_FORMAT_TEXT 2 /* the tables the CLI prints */

/* Which monitoring rows pfb_monitor_render shows (the CLI's --level): all of
 * them, or one kind (PFB_ROW_PROJECT, PFB_ROW_UNIT, PFB_ROW_FUND_SOURCE);
 * the jurisdiction's total is always shown. Ignored by the other results. */
#define PFB_RENDER_ROWS_ALL (-1)

/* flags */
#define PFB_RENDER_ALL_GOALS 1u /* review text: every goal, not only those below 优 (--all) */
#define PFB_RENDER_NO_CURVE 2u  /* monitor JSON: leave out `execution_curve` (built on demand) */

/* Options of every pfb_*_render function (libgit2 style: set `version` with
 * PFB_RENDER_OPTIONS_INIT; fields are only ever added at the end). A NULL
 * options pointer means the defaults: JSON, Chinese, 万元, every row, no
 * flags. An unknown version, format, lang, unit or rows value, or an unknown
 * flag bit, is PFB_INVALID_ARGUMENT. */
#define PFB_RENDER_OPTIONS_VERSION 1
typedef struct pfb_render_options {
  uint32_t version; /* PFB_RENDER_OPTIONS_VERSION */
  int32_t format;   /* PFB_FORMAT_* */
  /* PFB_LANG_*: labels and values of CSV and text; messages (reasons,
   * proposals) and the summary's fund-source labels in JSON. JSON keys and
   * codes are English either way. */
  int32_t lang;
  int32_t unit;   /* PFB_UNIT_*: amounts of CSV and text (JSON: always yuan) */
  int32_t rows;   /* PFB_RENDER_ROWS_ALL or a PFB_ROW_* kind (monitor only) */
  uint32_t flags; /* PFB_RENDER_* bits */
} pfb_render_options;
#define PFB_RENDER_OPTIONS_INIT                                                  \
  {                                                                              \
    PFB_RENDER_OPTIONS_VERSION, PFB_FORMAT_JSON, PFB_LANG_ZH, PFB_UNIT_WAN_YUAN, \
        PFB_RENDER_ROWS_ALL, 0u                                                  \
  }

/* The review as `perfbudget review --format F` prints it: JSON (policy,
 * summary, goals with findings and both messages, ex_ante, gates), CSV (one
 * row per finding) or text. A review made with PFB_REVIEW_NO_MESSAGES has
 * empty messages. *out: owned, free with pfb_string_free. */
PFB_API int32_t pfb_review_render(const pfb_review* review, const pfb_render_options* options,
                                  char** out, size_t* out_len, pfb_error** err);

/* The monitoring result as `perfbudget monitor --format F` prints it. JSON
 * includes the execution curve at the same date (`execution_curve`, as the
 * CLI's) unless PFB_RENDER_NO_CURVE; `as_of_source` is "dataset" when the run
 * took PFB_AS_OF_DATASET, "given" otherwise. *out: owned, free with
 * pfb_string_free. */
PFB_API int32_t pfb_monitor_render(const pfb_monitor* monitor, const pfb_render_options* options,
                                   char** out, size_t* out_len, pfb_error** err);

/* The reclaim proposals as `perfbudget reclaim --format F` prints them.
 * *out: owned, free with pfb_string_free. */
PFB_API int32_t pfb_reclaim_render(const pfb_reclaim* reclaim, const pfb_render_options* options,
                                   char** out, size_t* out_len, pfb_error** err);

/* The execution curve: JSON {as_of, as_of_is_default, as_of_source,
 * start_month, amount_unit, execution_curve} (the array exactly as the
 * monitoring JSON holds it), CSV (one row per point of every series) or text
 * (a table per series). *out: owned, free with pfb_string_free. */
PFB_API int32_t pfb_curve_render(const pfb_curve* curve, const pfb_render_options* options,
                                 char** out, size_t* out_len, pfb_error** err);

/* The dataset summary as `perfbudget summary --format F` prints it: counts
 * and totals per unit, per fund source and overall, as of `as_of` (yyyymmdd;
 * PFB_AS_OF_DATASET = as the CLI without --as-of: the dataset's own as-of
 * date, else the latest disbursement date, else the year's last day).
 * PFB_OUT_OF_RANGE for a date outside the fiscal year or a total that
 * overflows. The text form leaves out the CLI's "数据：" line (it names the
 * CLI's DATA argument). *out: owned, free with pfb_string_free. */
PFB_API int32_t pfb_dataset_summary_render(const pfb_dataset* dataset, int32_t as_of,
                                           const pfb_render_options* options, char** out,
                                           size_t* out_len, pfb_error** err);

/* ---- the year-end analyses ---------------------------------------------------- */

/* The self-evaluation scores as `perfbudget evaluate --format F` prints them:
 * JSON (fiscal_year, as_of, execution_to, total, units, goals with their
 * execution, self-evaluation check and indicators, flags), CSV (one row per
 * goal's execution rate and per indicator; no amounts: `unit` is not used)
 * or text. *out: owned, free with pfb_string_free. */
PFB_API int32_t pfb_self_evaluation_render(const pfb_self_evaluation* scores,
                                           const pfb_render_options* options, char** out,
                                           size_t* out_len, pfb_error** err);

/* Result application as `perfbudget results --format F` prints it: JSON
 * (fiscal_year, budget_year, total, units, proposals with their fund-source
 * split, ungraded_evaluations, and next_year when the run had
 * options->next_year), CSV (one row per proposal and fund source of its cut)
 * or text. *out: owned, free with pfb_string_free. */
PFB_API int32_t pfb_results_render(const pfb_results* results, const pfb_render_options* options,
                                   char** out, size_t* out_len, pfb_error** err);

/* The evaluation coverage plan as `perfbudget coverage --format F` prints
 * it: JSON (the rule, the capacity, history, total, units, years, projects,
 * findings), CSV (one row per key project) or text. A plan run with
 * PFB_FOLLOWUP_NO_MESSAGES has empty messages. *out: owned, free with
 * pfb_string_free. */
PFB_API int32_t pfb_coverage_render(const pfb_coverage* coverage, const pfb_render_options* options,
                                    char** out, size_t* out_len, pfb_error** err);

/* Rectification as `perfbudget rectification --format F` prints it: JSON
 * (as_of, grace_days, total counts, evaluations, units, items, findings),
 * CSV (one row per item) or text; no amounts (`unit` is not used). A result
 * run with PFB_FOLLOWUP_NO_MESSAGES has empty messages. *out: owned, free
 * with pfb_string_free. */
PFB_API int32_t pfb_rectification_render(const pfb_rectification* rectification,
                                         const pfb_render_options* options, char** out,
                                         size_t* out_len, pfb_error** err);

/* The disclosure check as `perfbudget disclosure --format F` prints it: JSON
 * (total counts, units, key_projects, results, findings), CSV (one row per
 * key project goal and per evaluation result) or text; no amounts. *out:
 * owned, free with pfb_string_free. */
PFB_API int32_t pfb_disclosure_render(const pfb_disclosure* disclosure,
                                      const pfb_render_options* options, char** out,
                                      size_t* out_len, pfb_error** err);

/* The core indicators of a category as `perfbudget indicators suggest
 * --format F` prints them: JSON (policy, category, aliases, indicators,
 * unit_costs), CSV (one row per indicator, codes whatever the language) or
 * text. No amounts (`unit` is not used). *out: owned, free with
 * pfb_string_free. */
PFB_API int32_t pfb_indicator_list_render(const pfb_indicator_list* list,
                                          const pfb_render_options* options, char** out,
                                          size_t* out_len, pfb_error** err);

#ifdef __cplusplus
}
#endif

#endif /* PERFBUDGET_PFB_RENDER_H_ */
