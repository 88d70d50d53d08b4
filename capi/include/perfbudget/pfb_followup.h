/* pfb_followup.h: the perfbudget C ABI, the evaluation follow-up: the
 * fiscal-evaluation coverage plan (财政评价5年全覆盖), rectification (整改) and
 * disclosure (公开). Conventions: docs/c-abi.md; semantics:
 * docs/evaluation-followup.md.
 *
 * A pfb_coverage / pfb_rectification / pfb_disclosure is an immutable result:
 * it may be read from many threads at once. Every string it hands out is
 * borrowed from it (valid until it is destroyed). Money is int64 fen; years
 * are int32 (0 = none); dates are int32 yyyymmdd.
 *
 * New entry points take versioned options structs (set `version` with the
 * PFB_*_OPTIONS_INIT macro; a NULL options pointer means the defaults) and
 * fill versioned record structs (set `struct_size` = sizeof before the call:
 * the library fills what both sides know and never writes past it). */
#ifndef PERFBUDGET_PFB_FOLLOWUP_H_
#define PERFBUDGET_PFB_FOLLOWUP_H_
#include "perfbudget/pfb_core.h"
#include "perfbudget/pfb_review.h" /* pfb_policy */
#ifdef __cplusplus
extern "C" {
#endif

typedef struct pfb_coverage pfb_coverage;           /* a coverage plan, immutable */
typedef struct pfb_rectification pfb_rectification; /* rectification follow-up, immutable */
typedef struct pfb_disclosure pfb_disclosure;       /* disclosure check, immutable */

/* Languages of messages (as PFB_LANG_* of pfb_monitor.h). */
#define PFB_FOLLOWUP_LANG_ZH 0
#define PFB_FOLLOWUP_LANG_EN 1

/* Option flags (all three analyses). */
#define PFB_FOLLOWUP_NO_MESSAGES 1u /* findings carry codes only (messages "") */

/* Coverage status of a key project in the first plan year (append only). */
#define PFB_COVERAGE_EVALUATED 0   /* already evaluated that year */
#define PFB_COVERAGE_DUE 1         /* due and planned */
#define PFB_COVERAGE_RECOMMENDED 2 /* planned, not yet due */
#define PFB_COVERAGE_BREACH 3      /* due, capacity spent */
#define PFB_COVERAGE_LATER 4       /* not this year */

/* ---- coverage plan --------------------------------------------------------- */

typedef struct pfb_coverage_options {
  uint32_t version;       /* PFB_COVERAGE_OPTIONS_VERSION */
  int32_t year;           /* first plan year; 0 = the dataset's fiscal year */
  int64_t max_projects;   /* per year; -1 = the policy's; 0 = even pace ceil(key / window) */
  int64_t max_amount_fen; /* per year; -1 = the policy's; 0 = no limit */
  int32_t horizon_years;  /* 0 = the policy's (default: the window) */
  uint32_t flags;         /* PFB_FOLLOWUP_* */
} pfb_coverage_options;
#define PFB_COVERAGE_OPTIONS_VERSION 1u
#define PFB_COVERAGE_OPTIONS_INIT \
  { PFB_COVERAGE_OPTIONS_VERSION, 0, -1, -1, 0, 0u }

/* Plans the fiscal evaluations of `current`'s key projects. The evaluations
 * of `current` and of the `history_count` datasets in `history` (earlier
 * years; may be NULL when history_count is 0; NULL entries are an error) are
 * the history. `policy` NULL = the defaults; `options` NULL = the defaults.
 * PFB_INVALID_ARGUMENT for an unknown options version, unknown flags, an
 * option out of range (horizon 1..100, amounts ≥ 0) or a policy parameter
 * out of range. *out: owned, free with pfb_coverage_destroy. */
PFB_API int32_t pfb_coverage_run(const pfb_dataset* current, const pfb_dataset* const* history,
                                 uint32_t history_count, const pfb_policy* policy,
                                 const pfb_coverage_options* options, pfb_coverage** out,
                                 pfb_error** err);
PFB_API void pfb_coverage_destroy(pfb_coverage* coverage); /* NULL is fine */

/* The plan's settings; 0 for NULL. */
PFB_API int32_t pfb_coverage_year(const pfb_coverage* coverage); /* first plan year */
PFB_API int32_t pfb_coverage_window_years(const pfb_coverage* coverage);
PFB_API int32_t pfb_coverage_horizon_years(const pfb_coverage* coverage);
PFB_API uint32_t pfb_coverage_max_projects(const pfb_coverage* coverage);  /* resolved */
PFB_API int64_t pfb_coverage_max_amount_fen(const pfb_coverage* coverage); /* 0 = none */

typedef struct pfb_coverage_project_row {
  uint32_t struct_size;   /* sizeof(pfb_coverage_project_row), set by the caller */
  const char* project_id; /* borrowed */
  const char* unit_id;    /* borrowed */
  int64_t current_fen;    /* approved + adjustments */
  int32_t first_year;     /* start_year; 0 unknown */
  int32_t last_year;      /* last counted evaluation before the plan year; 0 never */
  int32_t last_grade;     /* PFB grade numbering (0 优 .. 3 差); -1 none */
  int32_t evaluations;    /* counted evaluations before the plan year */
  int32_t deadline;       /* last year the next evaluation may take place */
  int32_t overdue;        /* 1 when the deadline is before the plan year */
  int32_t status;         /* PFB_COVERAGE_* in the first plan year */
  int32_t planned_year;   /* 0 = not within the horizon */
  int32_t breach_year;    /* 0 = none within the horizon */
} pfb_coverage_project_row;

/* Key projects (dataset order). PFB_OUT_OF_RANGE past the end;
 * PFB_INVALID_ARGUMENT when row is NULL or row->struct_size is too small for
 * its first two fields. */
PFB_API uint32_t pfb_coverage_project_count(const pfb_coverage* coverage);
PFB_API int32_t pfb_coverage_project(const pfb_coverage* coverage, uint32_t index,
                                     pfb_coverage_project_row* row, pfb_error** err);

typedef struct pfb_coverage_year_row {
  uint32_t struct_size;
  int32_t year;
  uint32_t evaluated;   /* already evaluated (first plan year only) */
  uint32_t due;         /* planned because due */
  uint32_t recommended; /* planned by priority */
  uint32_t breaches;    /* due, not planned */
  int64_t amount_fen;   /* current budgets of evaluated + due + recommended */
} pfb_coverage_year_row;
/* Plan years, first to last. */
PFB_API uint32_t pfb_coverage_year_count(const pfb_coverage* coverage);
PFB_API int32_t pfb_coverage_year_row_get(const pfb_coverage* coverage, uint32_t index,
                                          pfb_coverage_year_row* row, pfb_error** err);

/* Evaluations per year (history, ascending): year, distinct projects given a
 * counted evaluation, Σ their amounts, units given a unit-level one (ids via
 * pfb_coverage_history_unit). Any out-pointer may be NULL. */
PFB_API uint32_t pfb_coverage_history_count(const pfb_coverage* coverage);
PFB_API int32_t pfb_coverage_history(const pfb_coverage* coverage, uint32_t index, int32_t* year,
                                     uint32_t* projects, int64_t* amount_fen, uint32_t* unit_count,
                                     pfb_error** err);
PFB_API int32_t pfb_coverage_history_unit(const pfb_coverage* coverage, uint32_t index,
                                          uint32_t unit, const char** unit_id, pfb_error** err);

typedef struct pfb_coverage_total {
  uint32_t struct_size;
  uint32_t key_projects;
  uint32_t covered; /* evaluated within the window ending in the plan year */
  uint32_t never;
  uint32_t overdue;
  uint32_t planned; /* due + recommended in the first plan year */
  uint32_t breaches;
  int64_t key_amount_fen;
} pfb_coverage_total;
/* The jurisdiction's totals (unit_id NULL or "") or a unit's (PFB_NOT_FOUND
 * for a unit without key projects). */
PFB_API int32_t pfb_coverage_totals(const pfb_coverage* coverage, const char* unit_id,
                                    pfb_coverage_total* total, pfb_error** err);

/* Findings: rule code ("coverage.due"), severity (0 info .. 3 blocker), the
 * plan year, the project id ("" for coverage.plan) and the message in `lang`.
 * Strings borrowed; any out-pointer may be NULL. */
PFB_API uint32_t pfb_coverage_finding_count(const pfb_coverage* coverage);
PFB_API int32_t pfb_coverage_finding(const pfb_coverage* coverage, uint32_t index, int32_t lang,
                                     const char** code, int32_t* severity, int32_t* year,
                                     const char** project_id, const char** message,
                                     pfb_error** err);

/* ---- rectification ---------------------------------------------------------- */

typedef struct pfb_rectification_options {
  uint32_t version; /* PFB_RECTIFICATION_OPTIONS_VERSION */
  int32_t as_of;    /* yyyymmdd; 0 = the dataset's as_of, else its fiscal year's last day */
  uint32_t flags;   /* PFB_FOLLOWUP_* */
} pfb_rectification_options;
#define PFB_RECTIFICATION_OPTIONS_VERSION 1u
#define PFB_RECTIFICATION_OPTIONS_INIT \
  { PFB_RECTIFICATION_OPTIONS_VERSION, 0, 0u }

PFB_API int32_t pfb_rectification_run(const pfb_dataset* dataset, const pfb_policy* policy,
                                      const pfb_rectification_options* options,
                                      pfb_rectification** out, pfb_error** err);
PFB_API void pfb_rectification_destroy(pfb_rectification* r); /* NULL is fine */
/* The as-of date used (yyyymmdd); 0 for NULL. */
PFB_API int32_t pfb_rectification_as_of(const pfb_rectification* r);

typedef struct pfb_rectification_counts {
  uint32_t struct_size;
  uint32_t evaluations; /* with a problem, a suggestion or an item */
  uint32_t problems;
  uint32_t suggestions;
  uint32_t items;
  uint32_t open;
  uint32_t in_progress;
  uint32_t done;
  uint32_t overdue;
  uint32_t no_owner;
  uint32_t no_due_date;
} pfb_rectification_counts;
/* Totals (unit_id NULL or "") or a unit's (PFB_NOT_FOUND when it has none). */
PFB_API int32_t pfb_rectification_totals(const pfb_rectification* r, const char* unit_id,
                                         pfb_rectification_counts* counts, pfb_error** err);
/* Items, dataset order: id (borrowed), status (PFB rectification status
 * numbering: 0 open, 1 in progress, 2 done), overdue 0/1 and days overdue. */
PFB_API uint32_t pfb_rectification_item_count(const pfb_rectification* r);
PFB_API int32_t pfb_rectification_item(const pfb_rectification* r, uint32_t index, const char** id,
                                       int32_t* status, int32_t* overdue, int32_t* days_overdue,
                                       pfb_error** err);
/* Findings: code, severity, item id and evaluation id ("" when none), message. */
PFB_API uint32_t pfb_rectification_finding_count(const pfb_rectification* r);
PFB_API int32_t pfb_rectification_finding(const pfb_rectification* r, uint32_t index, int32_t lang,
                                          const char** code, int32_t* severity,
                                          const char** item_id, const char** evaluation_id,
                                          const char** message, pfb_error** err);

/* ---- disclosure ----------------------------------------------------------------- */

typedef struct pfb_disclosure_options {
  uint32_t version; /* PFB_DISCLOSURE_OPTIONS_VERSION */
  uint32_t flags;   /* PFB_FOLLOWUP_* */
} pfb_disclosure_options;
#define PFB_DISCLOSURE_OPTIONS_VERSION 1u
#define PFB_DISCLOSURE_OPTIONS_INIT \
  { PFB_DISCLOSURE_OPTIONS_VERSION, 0u }

PFB_API int32_t pfb_disclosure_run(const pfb_dataset* dataset, const pfb_policy* policy,
                                   const pfb_disclosure_options* options, pfb_disclosure** out,
                                   pfb_error** err);
PFB_API void pfb_disclosure_destroy(pfb_disclosure* d); /* NULL is fine */

typedef struct pfb_disclosure_counts {
  uint32_t struct_size;
  uint32_t projects; /* budgeted */
  uint32_t key_projects;
  uint32_t key_with_budget;
  uint32_t key_with_approval;
  uint32_t with_budget;
  uint32_t with_approval;
  uint32_t results; /* fiscal / third-party evaluations */
  uint32_t results_published;
} pfb_disclosure_counts;
/* Totals (unit_id NULL or "") or a unit's (PFB_NOT_FOUND for an unknown unit). */
PFB_API int32_t pfb_disclosure_totals(const pfb_disclosure* d, const char* unit_id,
                                      pfb_disclosure_counts* counts, pfb_error** err);
/* Findings: code, severity, project id and evaluation id ("" when none), message. */
PFB_API uint32_t pfb_disclosure_finding_count(const pfb_disclosure* d);
PFB_API int32_t pfb_disclosure_finding(const pfb_disclosure* d, uint32_t index, int32_t lang,
                                       const char** code, int32_t* severity,
                                       const char** project_id, const char** evaluation_id,
                                       const char** message, pfb_error** err);

#ifdef __cplusplus
}
#endif
#endif /* PERFBUDGET_PFB_FOLLOWUP_H_ */
