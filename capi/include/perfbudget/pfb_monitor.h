/* pfb_monitor.h: the perfbudget C ABI, dual monitoring (双监控), in-year
 * reclaim (收回) and the execution curve (执行进度曲线). Conventions:
 * docs/c-abi.md; semantics: docs/monitoring.md.
 *
 * A pfb_monitor / pfb_reclaim / pfb_curve is an immutable result: it may be
 * read from many threads at once. Every string it hands out is borrowed from it (valid until
 * it is destroyed). Money is int64 fen; rates and gaps are decimal text
 * rounded half-up to the policy's decimals ("59.84"). */
#ifndef PERFBUDGET_PFB_MONITOR_H_
#define PERFBUDGET_PFB_MONITOR_H_
#include "perfbudget/pfb_core.h"
#ifdef __cplusplus
extern "C" {
#endif

typedef struct pfb_monitor pfb_monitor; /* a monitoring result, immutable */
typedef struct pfb_reclaim pfb_reclaim; /* reclaim proposals, immutable */

/* Warning levels (append only, never renumber). */
#define PFB_WARNING_NONE 0
#define PFB_WARNING_YELLOW 1
#define PFB_WARNING_RED 2

/* Row kinds. */
#define PFB_ROW_PROJECT 0
#define PFB_ROW_UNIT 1
#define PFB_ROW_FUND_SOURCE 2
#define PFB_ROW_JURISDICTION 3

/* Message languages: PFB_LANG_ZH / PFB_LANG_EN (pfb_core.h). */

/* Monitors `dataset` as of `as_of` (yyyymmdd; 0 = the dataset's own as-of
 * date, pfb_dataset_as_of, and PFB_INVALID_ARGUMENT when it states none)
 * under `policy_json` (a policy profile's JSON text; NULL / length 0 = the
 * default policy).
 * PFB_OUT_OF_RANGE for an as-of date outside the fiscal year;
 * PFB_INVALID_ARGUMENT for a bad policy (with diagnostics) or overlapping
 * warning bands. *out: owned, free with pfb_monitor_destroy. */
PFB_API int32_t pfb_monitor_run(const pfb_dataset* dataset, const char* policy_json,
                                size_t policy_len, int32_t as_of, pfb_monitor** out,
                                pfb_error** err);
PFB_API void pfb_monitor_destroy(pfb_monitor* monitor); /* NULL is fine */

/* Options of the policy-handle forms of monitor, reclaim and curve (libgit2
 * style: set `version` with PFB_RUN_OPTIONS_INIT, fields are only ever
 * added). A NULL options pointer means the defaults. */
#define PFB_RUN_OPTIONS_VERSION 1
typedef struct pfb_run_options {
  uint32_t version; /* PFB_RUN_OPTIONS_VERSION */
  int32_t as_of;    /* yyyymmdd, or PFB_AS_OF_DATASET (the dataset's own date) */
} pfb_run_options;
#define PFB_RUN_OPTIONS_INIT {PFB_RUN_OPTIONS_VERSION, PFB_AS_OF_DATASET}

/* As pfb_monitor_run, with a loaded policy (`policy` NULL = the default
 * policy; shared, not taken: the result borrows nothing from it). A version
 * of `options` this library does not know is PFB_INVALID_ARGUMENT. */
PFB_API int32_t pfb_monitor_run_with_policy(const pfb_dataset* dataset, const pfb_policy* policy,
                                            const pfb_run_options* options, pfb_monitor** out,
                                            pfb_error** err);

/* Time progress (序时进度) as percent text, "66.67"; "" for NULL. Borrowed. */
PFB_API const char* pfb_monitor_time_progress(const pfb_monitor* monitor);
/* Rows of a kind (PFB_ROW_*): 1 for the jurisdiction; 0 for NULL or a bad kind. */
PFB_API uint32_t pfb_monitor_row_count(const pfb_monitor* monitor, int32_t kind);
/* One row. id / name / rate_percent / gap_pp are borrowed (gap_pp is "" for a
 * zero budget); level is PFB_WARNING_*; the row's reasons are
 * [first_reason, first_reason + reason_count) of pfb_monitor_reason.
 * Any out-pointer may be NULL. PFB_OUT_OF_RANGE past the end. */
PFB_API int32_t pfb_monitor_row(const pfb_monitor* monitor, int32_t kind, uint32_t index,
                                const char** id, const char** name, int64_t* current_fen,
                                int64_t* executed_fen, const char** rate_percent,
                                const char** gap_pp, int32_t* level, uint32_t* first_reason,
                                uint32_t* reason_count, pfb_error** err);
/* One row with every figure (versioned record, libgit2 style: the caller
 * sets `version` with PFB_MONITOR_ROW_INFO_INIT; fields are only ever added
 * at the end, and the library fills those of the version asked for). Strings
 * are borrowed from the monitor. unit_id: the project's unit for a project
 * row, the unit itself for a unit row, "" otherwise. On failure the record is
 * zeroed (its version kept). PFB_INVALID_ARGUMENT for a NULL info, an unknown
 * version or kind; PFB_OUT_OF_RANGE past the end. */
#define PFB_MONITOR_ROW_INFO_VERSION 1
typedef struct pfb_monitor_row_info {
  uint32_t version;            /* PFB_MONITOR_ROW_INFO_VERSION */
  uint32_t project_count;      /* projects in scope behind the row */
  const char* id;              /* project / unit id, fund source code, jurisdiction */
  const char* name;
  const char* unit_id;
  int64_t approved_fen;        /* 年初预算 */
  int64_t adjustments_fen;     /* Σ adjustments dated on or before as_of */
  int64_t current_fen;         /* 全年预算数 = approved + adjustments */
  int64_t executed_fen;        /* 执行数 to as_of */
  uint32_t disbursement_count; /* disbursements dated on or before as_of */
  int32_t level;               /* PFB_WARNING_* */
  const char* rate_percent;    /* "59.84" */
  const char* gap_pp;          /* "" for a zero budget */
  uint32_t first_reason;       /* into pfb_monitor_reason */
  uint32_t reason_count;
} pfb_monitor_row_info;
#define PFB_MONITOR_ROW_INFO_INIT \
  {PFB_MONITOR_ROW_INFO_VERSION, 0, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0}
PFB_API int32_t pfb_monitor_row_detail(const pfb_monitor* monitor, int32_t kind, uint32_t index,
                                       pfb_monitor_row_info* info, pfb_error** err);
/* All fired rules, grouped by row. */
PFB_API uint32_t pfb_monitor_reason_count(const pfb_monitor* monitor);
/* One reason: its rule code ("monitoring.gap_red"), severity (0 info, 1
 * warning, 2 error, 3 blocker), the row it belongs to, and its message in
 * `lang` (PFB_LANG_*). Strings borrowed. Any out-pointer may be NULL. */
PFB_API int32_t pfb_monitor_reason(const pfb_monitor* monitor, uint32_t index, int32_t lang,
                                   const char** code, int32_t* severity, int32_t* row_kind,
                                   uint32_t* row_index, const char** message, pfb_error** err);

/* Reclaim proposals as of `as_of` (yyyymmdd, or 0 as pfb_monitor_run);
 * policy as pfb_monitor_run.
 * *out: owned, free with pfb_reclaim_destroy. */
PFB_API int32_t pfb_reclaim_run(const pfb_dataset* dataset, const char* policy_json,
                                size_t policy_len, int32_t as_of, pfb_reclaim** out,
                                pfb_error** err);
PFB_API void pfb_reclaim_destroy(pfb_reclaim* reclaim); /* NULL is fine */
/* As pfb_reclaim_run, with a loaded policy and options as
 * pfb_monitor_run_with_policy. */
PFB_API int32_t pfb_reclaim_run_with_policy(const pfb_dataset* dataset, const pfb_policy* policy,
                                            const pfb_run_options* options, pfb_reclaim** out,
                                            pfb_error** err);
/* The jurisdiction's total to reclaim, in fen; 0 for NULL. */
PFB_API int64_t pfb_reclaim_total_fen(const pfb_reclaim* reclaim);
PFB_API uint32_t pfb_reclaim_proposal_count(const pfb_reclaim* reclaim);
/* One proposal. has_amount is 0 for a warning without amount
 * (reclaim.lagging_without_plan). Strings borrowed; any out-pointer may be NULL. */
PFB_API int32_t pfb_reclaim_proposal(const pfb_reclaim* reclaim, uint32_t index, int32_t lang,
                                     const char** project_id, const char** code,
                                     int64_t* amount_fen, int32_t* has_amount, const char** message,
                                     uint32_t* split_count, pfb_error** err);
/* Split `split` of proposal `index`: fund source (PFB_FUND_* numbering of
 * model/enums.h) and amount in fen. The splits of a proposal sum to its amount. */
PFB_API int32_t pfb_reclaim_split(const pfb_reclaim* reclaim, uint32_t index, uint32_t split,
                                  int32_t* source, int64_t* amount_fen, pfb_error** err);
/* Units with a proposal: id (borrowed) and amount in fen. */
PFB_API uint32_t pfb_reclaim_unit_count(const pfb_reclaim* reclaim);
PFB_API int32_t pfb_reclaim_unit(const pfb_reclaim* reclaim, uint32_t index, const char** unit_id,
                                 int64_t* amount_fen, pfb_error** err);

/* ---- Execution curve (执行进度曲线) -------------------------------------- */

typedef struct pfb_curve pfb_curve; /* an execution curve, immutable */

/* The execution curve as of `as_of` (yyyymmdd, or 0 as pfb_monitor_run):
 * series 0 is the jurisdiction's total, series 1.. the units in dataset
 * order; each has one point per fiscal month up to as_of (the last one at
 * as_of when it is not a month end). Every point agrees with pfb_monitor_run at that date. Policy
 * and errors as pfb_monitor_run. *out: owned, free with pfb_curve_destroy. */
PFB_API int32_t pfb_curve_run(const pfb_dataset* dataset, const char* policy_json,
                              size_t policy_len, int32_t as_of, pfb_curve** out, pfb_error** err);
PFB_API void pfb_curve_destroy(pfb_curve* curve); /* NULL is fine */
/* As pfb_curve_run, with a loaded policy and options as
 * pfb_monitor_run_with_policy. */
PFB_API int32_t pfb_curve_run_with_policy(const pfb_dataset* dataset, const pfb_policy* policy,
                                          const pfb_run_options* options, pfb_curve** out,
                                          pfb_error** err);
/* 1 + the number of units; 0 for NULL. */
PFB_API uint32_t pfb_curve_series_count(const pfb_curve* curve);
/* One series: unit id and name (the total: the jurisdiction code, or "total",
 * and "合计"), borrowed; its number of points. Any out-pointer may be NULL.
 * PFB_OUT_OF_RANGE past the end. */
PFB_API int32_t pfb_curve_series(const pfb_curve* curve, uint32_t series, const char** id,
                                 const char** name, uint32_t* point_count, pfb_error** err);
/* One point: fiscal month (1..12), its date (yyyymmdd), cumulative executed
 * amount and the current budget at that date (fen), the execution rate and
 * the time progress as percent text rounded half-up to the policy's decimals
 * ("59.84", "66.67"), borrowed. Any out-pointer may be NULL.
 * PFB_OUT_OF_RANGE past the end of the series or of its points. */
PFB_API int32_t pfb_curve_point(const pfb_curve* curve, uint32_t series, uint32_t point,
                                int32_t* fiscal_month, int32_t* date, int64_t* executed_fen,
                                int64_t* current_fen, const char** rate_percent,
                                const char** progress_percent, pfb_error** err);
/* The curve as a self-contained SVG line chart (valid XML, no scripts,
 * deterministic). `lang`: PFB_LANG_*; `title`: NULL or "" for the default
 * ("预算执行进度曲线" / "Budget execution curve"); `flags`: PFB_CHART_*.
 * *svg: owned, NUL-terminated, free with pfb_string_free; *svg_len (may be
 * NULL) its length in bytes. */
#define PFB_CHART_NO_UNITS 1u /* draw the total only, no line per unit */
PFB_API int32_t pfb_curve_svg(const pfb_curve* curve, int32_t lang, const char* title,
                              uint32_t flags, char** svg, size_t* svg_len, pfb_error** err);

#ifdef __cplusplus
}
#endif
#endif /* PERFBUDGET_PFB_MONITOR_H_ */
