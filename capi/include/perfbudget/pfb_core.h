/* pfb_core.h: the perfbudget C ABI, core part: version, status codes and
 * errors, strings, money, datasets (load, build row by row, query, export).
 *
 * Conventions (docs/c-abi.md has the full text; every pfb_ function follows
 * them):
 *  - Opaque handles (pfb_dataset, pfb_builder, pfb_error) come from a
 *    create/load function and go back through the matching *_destroy, which
 *    accepts NULL.
 *  - Only fixed-width integers, size_t (byte lengths), char and pointers cross
 *    the boundary: no C enums, no bool, no floating point. Enumerations are
 *    int32_t with #define constants; yes/no options are bits of a uint32_t
 *    `flags`. Counts and indexes are uint32_t.
 *  - Money is int64_t fen (分, 0.01 yuan). Rates, targets and weights are
 *    decimal text ("95.5"). Dates are int32_t yyyymmdd (20220831); 0 means
 *    "no date" where the function says so.
 *  - A fallible function returns int32_t status (PFB_OK == 0) and takes a
 *    trailing `pfb_error** err` (may be NULL). On failure *err receives a new
 *    error object the caller frees with pfb_error_destroy; on success *err is
 *    set to NULL. The function never reads *err. Out-parameters are set to
 *    0 / NULL first, so they are 0 / NULL after a failure.
 *  - A getter that cannot fail for a valid handle returns its value directly;
 *    given NULL (or an out-of-range index) it returns 0, -1 or "" as stated.
 *  - Input strings are NUL-terminated UTF-8 (`const char*`); documents are a
 *    (const char* data, size_t len) pair. NULL where not allowed, or invalid
 *    UTF-8, gives PFB_INVALID_ARGUMENT with a message, never a crash.
 *  - Output strings are either borrowed (`const char*`, valid until the
 *    owning handle is destroyed; never free them) or owned (`char**` out,
 *    allocated by the library, freed with pfb_string_free). Each function
 *    says which.
 *  - No C++ exception ever crosses the boundary; out of memory is PFB_NO_MEMORY.
 *  - Threads: the library has no global state. A pfb_dataset is immutable and
 *    may be read from any number of threads at once. A pfb_builder must be
 *    used by one thread at a time (it may move between threads). A pfb_error
 *    belongs to the caller and may be read or destroyed on any thread (safe
 *    for cgo: errors are returned, never kept in thread-local storage). A
 *    pfb_policy is immutable once loaded and may be shared by any number of
 *    threads. Every result handle (pfb_review, pfb_monitor, pfb_reclaim,
 *    pfb_curve, ...) is immutable and may be read from many threads; it owns
 *    everything it hands out and borrows nothing from the dataset or policy it
 *    was made from, which may be destroyed before it.
 */
#ifndef PERFBUDGET_PFB_CORE_H_
#define PERFBUDGET_PFB_CORE_H_

#include <stddef.h>
#include <stdint.h>

/* ---- export macro ------------------------------------------------------ */
#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(PFB_BUILDING_LIBRARY)
#define PFB_API __declspec(dllexport)
#else
#define PFB_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && defined(PFB_BUILDING_LIBRARY)
#define PFB_API __attribute__((visibility("default")))
#else
#define PFB_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* A policy profile (rules as data), loaded once and handed to every analysis;
 * load and destroy it with pfb_policy_load / pfb_policy_destroy (pfb_review.h). */
typedef struct pfb_policy pfb_policy;

/* ---- version ------------------------------------------------------------ */
/* The library version these headers describe. */
#define PFB_VERSION_MAJOR 0
#define PFB_VERSION_MINOR 1
#define PFB_VERSION_PATCH 0
#define PFB_VERSION_STRING "0.1.0"
/* MAJOR * 1000000 + MINOR * 1000 + PATCH, as pfb_version_number() returns. */
#define PFB_VERSION_NUMBER \
  (PFB_VERSION_MAJOR * 1000000 + PFB_VERSION_MINOR * 1000 + PFB_VERSION_PATCH)
/* The ABI major, the SONAME's number (libperfbudget.so.1). Bumped only on an
 * incompatible change of the C ABI. */
#define PFB_ABI_VERSION 1

/* The version of the library actually loaded (compare with the macros). */
PFB_API uint32_t pfb_version_number(void);
/* "0.1.0". Static storage: never freed. */
PFB_API const char* pfb_version_string(void);
/* PFB_ABI_VERSION of the library actually loaded. */
PFB_API uint32_t pfb_abi_version(void);

/* ---- status codes --------------------------------------------------------
 * Returned as int32_t by every fallible function. Values never change meaning;
 * new codes are only appended. */
#define PFB_OK 0
#define PFB_INVALID_ARGUMENT 1    /* bad argument or bad input data */
#define PFB_NOT_FOUND 2           /* no such id / file */
#define PFB_OUT_OF_RANGE 3        /* index out of range, amount overflow */
#define PFB_FAILED_PRECONDITION 4 /* call not allowed in this state */
#define PFB_IO 5                  /* file could not be read / written */
#define PFB_INTERNAL 6            /* a bug in perfbudget */
#define PFB_NO_MEMORY 7           /* allocation failed */
#define PFB_UNIMPLEMENTED 8       /* not available in this build */
#define PFB_ALREADY_EXISTS 9      /* target already exists */

/* "OK", "INVALID_ARGUMENT", ...; "UNKNOWN" for other values. Static storage. */
PFB_API const char* pfb_status_name(int32_t status);

/* ---- errors ------------------------------------------------------------- */
typedef struct pfb_error pfb_error;

/* Frees an error. NULL is fine. Any thread. */
PFB_API void pfb_error_destroy(pfb_error* err);
/* The status code (PFB_*); PFB_OK for NULL. */
PFB_API int32_t pfb_error_code(const pfb_error* err);
/* One-line UTF-8 message. Borrowed from `err`; "" for NULL. */
PFB_API const char* pfb_error_message(const pfb_error* err);

/* Input problems behind the error (loading, building): each says what and
 * where. Kinds are the PFB_DIAG_* codes. Strings are UTF-8, borrowed from
 * `err`, "" when unknown or when `i` is out of range; numbers are 0 when
 * unknown (line and column are 1-based) and the kind is -1 when `i` is out of
 * range. */
#define PFB_DIAG_SYNTAX 0
#define PFB_DIAG_TYPE 1
#define PFB_DIAG_MISSING 2
#define PFB_DIAG_ENUM_VALUE 3
#define PFB_DIAG_SUB_FEN 4
#define PFB_DIAG_OVERFLOW 5
#define PFB_DIAG_DATE 6
#define PFB_DIAG_DATE_OUT_OF_YEAR 7
#define PFB_DIAG_DUPLICATE_ID 8
#define PFB_DIAG_UNKNOWN_REFERENCE 9
#define PFB_DIAG_NEGATIVE_AMOUNT 10
#define PFB_DIAG_NEGATIVE_EXECUTED 11
#define PFB_DIAG_FORMAT 12
#define PFB_DIAG_ENCODING 13
#define PFB_DIAG_VALUE 14
#define PFB_DIAG_IO 15

PFB_API uint32_t pfb_error_diagnostic_count(const pfb_error* err);
/* Diagnostics found beyond the limit (counted, not kept). */
PFB_API uint32_t pfb_error_diagnostics_dropped(const pfb_error* err);
PFB_API int32_t pfb_error_diagnostic_kind(const pfb_error* err, uint32_t i);
PFB_API const char* pfb_error_diagnostic_file(const pfb_error* err, uint32_t i);
PFB_API int32_t pfb_error_diagnostic_line(const pfb_error* err, uint32_t i);
PFB_API int32_t pfb_error_diagnostic_column(const pfb_error* err, uint32_t i);
/* JSON path ("$.projects[3].funds[0].approved") or CSV table/column. */
PFB_API const char* pfb_error_diagnostic_path(const pfb_error* err, uint32_t i);
PFB_API const char* pfb_error_diagnostic_field(const pfb_error* err, uint32_t i);
PFB_API const char* pfb_error_diagnostic_value(const pfb_error* err, uint32_t i);
PFB_API const char* pfb_error_diagnostic_expected(const pfb_error* err, uint32_t i);
PFB_API const char* pfb_error_diagnostic_message(const pfb_error* err, uint32_t i);
/* "syntax", "type", ... for a PFB_DIAG_* kind; "" otherwise. Static storage. */
PFB_API const char* pfb_diagnostic_kind_name(int32_t kind);

/* ---- strings ------------------------------------------------------------ */
/* Frees a string the library allocated (every `char**` out-parameter). NULL
 * is fine. */
PFB_API void pfb_string_free(char* s);

/* ---- enumerations (numbering as include/perfbudget/model/enums.h) -------- */
/* fund source 资金来源 */
#define PFB_FUND_GENERAL_BUDGET 0  /* 一般公共预算 */
#define PFB_FUND_GOVERNMENT_FUND 1 /* 政府性基金预算 */
#define PFB_FUND_LAND_TRANSFER 2   /* 土地出让收入 */
#define PFB_FUND_STATE_CAPITAL 3   /* 国有资本经营预算 */
#define PFB_FUND_TRANSFER 4        /* 上级转移支付 */
#define PFB_FUND_CARRY_OVER 5      /* 结转 */
#define PFB_FUND_OTHER 6           /* 其他 */
#define PFB_FUND_SOURCE_COUNT 7
/* project kind 新增 / 延续 */
#define PFB_PROJECT_NEW 0
#define PFB_PROJECT_CONTINUING 1
/* project status */
#define PFB_STATUS_PLANNED 0         /* 未开始 */
#define PFB_STATUS_IN_PROGRESS 1     /* 实施中 */
#define PFB_STATUS_FINISHED 2        /* 已完成 */
#define PFB_STATUS_TERMINATED 3      /* 已终止 */
#define PFB_STATUS_NOT_IMPLEMENTED 4 /* 未实施 */
#define PFB_STATUS_CANCELLED 5       /* 已取消 */
/* goal owner */
#define PFB_GOAL_PROJECT 0 /* 项目绩效目标 */
#define PFB_GOAL_UNIT 1    /* 部门整体绩效目标 */
/* indicator level 1 一级指标 */
#define PFB_L1_COST 0
#define PFB_L1_OUTPUT 1
#define PFB_L1_BENEFIT 2
#define PFB_L1_SATISFACTION 3
/* indicator level 2 二级指标 */
#define PFB_L2_ECONOMIC_COST 0
#define PFB_L2_SOCIAL_COST 1
#define PFB_L2_ENVIRONMENTAL_COST 2
#define PFB_L2_QUANTITY 3
#define PFB_L2_QUALITY 4
#define PFB_L2_TIMELINESS 5
#define PFB_L2_OUTPUT_COST 6
#define PFB_L2_ECONOMIC_BENEFIT 7
#define PFB_L2_SOCIAL_BENEFIT 8
#define PFB_L2_ECOLOGICAL_BENEFIT 9
#define PFB_L2_SUSTAINABILITY 10
#define PFB_L2_BENEFICIARY_SATISFACTION 11
/* comparator 比较符号 */
#define PFB_CMP_GE 0
#define PFB_CMP_LE 1
#define PFB_CMP_EQ 2
#define PFB_CMP_GT 3
#define PFB_CMP_LT 4
#define PFB_CMP_RANGE 5
#define PFB_CMP_QUALITATIVE 6
/* indicator value source 指标值来源 */
#define PFB_VALUE_SOURCE_UNSPECIFIED 0
#define PFB_VALUE_SOURCE_PLAN 1
#define PFB_VALUE_SOURCE_INDUSTRY 2
#define PFB_VALUE_SOURCE_HISTORY 3
#define PFB_VALUE_SOURCE_OTHER 4
/* qualitative grade 达成 / 部分达成 / 未达成; PFB_QUALITATIVE_NONE = no grade.
 * The PFB_GRADE_ACHIEVED... names are the same values under their first names
 * (kept; they collide in prefix with the review grades PFB_REVIEW_GRADE_*). */
#define PFB_QUALITATIVE_NONE (-1)
#define PFB_QUALITATIVE_ACHIEVED 0
#define PFB_QUALITATIVE_PARTLY_ACHIEVED 1
#define PFB_QUALITATIVE_NOT_ACHIEVED 2
#define PFB_GRADE_NONE PFB_QUALITATIVE_NONE
#define PFB_GRADE_ACHIEVED PFB_QUALITATIVE_ACHIEVED
#define PFB_GRADE_PARTLY_ACHIEVED PFB_QUALITATIVE_PARTLY_ACHIEVED
#define PFB_GRADE_NOT_ACHIEVED PFB_QUALITATIVE_NOT_ACHIEVED
/* Languages of messages and labels: one convention for every function that
 * takes a language as an int32_t; any other value is PFB_INVALID_ARGUMENT. */
#define PFB_LANG_ZH 0
#define PFB_LANG_EN 1
/* As-of dates (yyyymmdd int32_t). 0 has two meanings, so each function names
 * which it takes: the totals (pfb_dataset_*_totals) take PFB_AS_OF_NO_CUTOFF
 * for "every record"; the analyses (monitor, reclaim, curve) take
 * PFB_AS_OF_DATASET for the dataset's own as-of date (pfb_dataset_as_of). */
#define PFB_AS_OF_NO_CUTOFF 0
#define PFB_AS_OF_DATASET 0
/* text encodings of CSV input and output */
#define PFB_ENCODING_UTF8 0
#define PFB_ENCODING_GB18030 1

/* ---- money ---------------------------------------------------------------
 * Money is int64_t fen. These convert to and from decimal text exactly. */
#define PFB_UNIT_YUAN 0     /* 元 */
#define PFB_UNIT_WAN_YUAN 1 /* 万元 = 10^4 yuan */
#define PFB_UNIT_YI_YUAN 2  /* 亿元 = 10^8 yuan */

/* Parses an amount as written in data: "1234.56", "1,234.56", "￥12.5",
 * "2400万元", "1.2亿元", full-width digits. `default_unit` (PFB_UNIT_*)
 * applies when the text names no unit. More precision than a fen is
 * PFB_INVALID_ARGUMENT; overflow is PFB_OUT_OF_RANGE. */
PFB_API int32_t pfb_money_parse(const char* text, size_t len, int32_t default_unit,
                                int64_t* out_fen, pfb_error** err);

#define PFB_MONEY_GROUPING 1u    /* "1,234.56" */
#define PFB_MONEY_UNIT_SUFFIX 2u /* append 元 / 万元 / 亿元 */
/* Formats `fen` in `unit` (PFB_UNIT_*). `flags`: PFB_MONEY_* bits. `decimals`:
 * -1 exact (all significant digits for 万元/亿元; always 2 for 元), or 0..10
 * rounded half-up. *out: owned, free with pfb_string_free; *out_len (may be
 * NULL) receives its length in bytes. */
PFB_API int32_t pfb_money_format(int64_t fen, int32_t unit, uint32_t flags, int32_t decimals,
                                 char** out, size_t* out_len, pfb_error** err);

/* ---- dataset -------------------------------------------------------------
 * One jurisdiction's fiscal year, validated and immutable. */
typedef struct pfb_dataset pfb_dataset;

/* Loads a dataset from `path`: a .json file, or a folder of CSV tables (a
 * folder holding dataset.json loads that). `encoding`: PFB_ENCODING_* of CSV
 * tables. All-or-nothing: on bad input returns PFB_INVALID_ARGUMENT and the
 * error carries every problem found as diagnostics; a missing file is
 * PFB_NOT_FOUND. *out: owned, free with pfb_dataset_destroy.
 * A .json file of 1 MiB or more is memory-mapped while it loads: a file
 * truncated meanwhile by another process raises SIGBUS; a caller that cannot
 * rule that out reads the file itself and calls pfb_dataset_from_json. */
PFB_API int32_t pfb_dataset_load(const char* path, int32_t encoding, pfb_dataset** out,
                                 pfb_error** err);
/* Options of pfb_dataset_load_with_options: set them with
 * PFB_LOAD_OPTIONS_INIT, then change fields. */
typedef struct pfb_load_options {
  uint32_t version; /* PFB_LOAD_OPTIONS_VERSION */
  int32_t encoding; /* PFB_ENCODING_* of CSV tables */
  /* The most threads the load uses: 0 = one per core. CSV tables are read
   * in parallel and a large table in chunks; a JSON document is read on the
   * calling thread. The dataset and the diagnostics are the same for any
   * count. At most 64 are used. */
  uint32_t threads;
  /* Diagnostics kept in the error (later ones are only counted): >= 1. */
  uint32_t max_errors;
  /* The largest file (a JSON document, each CSV table), in bytes:
   * 1 .. 4 GiB (4294967296). A larger file is a located diagnostic. */
  uint64_t max_file_bytes;
  /* The deepest nesting of JSON arrays and objects: 1 .. 1024 (a dataset
   * needs 7). */
  int32_t max_depth;
} pfb_load_options;

#define PFB_LOAD_OPTIONS_VERSION 1u
#define PFB_LOAD_OPTIONS_INIT \
  { PFB_LOAD_OPTIONS_VERSION, PFB_ENCODING_UTF8, 0u, 100u, UINT64_C(4294967296), 64 }

/* As pfb_dataset_load, with options. `options` may be NULL (the defaults of
 * PFB_LOAD_OPTIONS_INIT: UTF-8, every core, 100 diagnostics, 4 GiB, depth
 * 64). A version other than 1, an encoding that is not PFB_ENCODING_*, or a
 * limit outside its range is PFB_INVALID_ARGUMENT naming the field.
 * *out: owned, free with pfb_dataset_destroy. */
PFB_API int32_t pfb_dataset_load_with_options(const char* path, const pfb_load_options* options,
                                              pfb_dataset** out, pfb_error** err);
/* Loads a dataset from JSON text in memory (`len` bytes, need not be
 * NUL-terminated). `file_name` (may be NULL) names the input in diagnostics.
 * As pfb_dataset_load otherwise. */
PFB_API int32_t pfb_dataset_from_json(const char* json, size_t len, const char* file_name,
                                      pfb_dataset** out, pfb_error** err);
/* A synthetic dataset (`perfbudget synth`): realistic units, projects with
 * Chinese names, goals with indicators, fund lines and dated disbursements,
 * for tests, benchmarks and demos. Deterministic: the same arguments give
 * the same dataset on every platform. Limits: 1 <= units <= 100000,
 * 0 <= projects <= 10000000, 0 <= indicators_per_goal <= 50,
 * 0 <= disbursements_per_project <= 1000, start_month 1..12; anything else is
 * PFB_INVALID_ARGUMENT naming the argument. `flags`: PFB_SYNTH_* bits that
 * leave parts out. *out: owned, free with pfb_dataset_destroy. */
#define PFB_SYNTH_NO_UNIT_GOALS 1u    /* no unit-level (部门整体) goals */
#define PFB_SYNTH_NO_ACTUALS 2u       /* no indicator actuals */
#define PFB_SYNTH_NO_PAYMENT_PLANS 4u /* no payment plans (用款计划) */
#define PFB_SYNTH_NO_EX_ANTE 8u       /* no ex-ante assessments */
PFB_API int32_t pfb_dataset_synth(uint64_t seed, int32_t units, int32_t projects,
                                  int32_t indicators_per_goal, int32_t disbursements_per_project,
                                  int32_t fiscal_year, int32_t start_month, uint32_t flags,
                                  pfb_dataset** out, pfb_error** err);
/* Frees a dataset. NULL is fine. Borrowed strings from it die with it. */
PFB_API void pfb_dataset_destroy(pfb_dataset* dataset);

/* Header. Strings are borrowed from the dataset; "" for NULL. */
PFB_API int32_t pfb_dataset_fiscal_year(const pfb_dataset* dataset); /* 0 for NULL */
PFB_API int32_t pfb_dataset_fiscal_year_start_month(const pfb_dataset* dataset);
PFB_API const char* pfb_dataset_jurisdiction_code(const pfb_dataset* dataset);
PFB_API const char* pfb_dataset_jurisdiction_name(const pfb_dataset* dataset);
PFB_API const char* pfb_dataset_title(const pfb_dataset* dataset);
/* The dataset's as-of date (数据截至日期) as yyyymmdd: the date the data were
 * drawn up as of, which the CLI's analyses use when given none; 0 when the
 * dataset states none, and for NULL. */
PFB_API int32_t pfb_dataset_as_of(const pfb_dataset* dataset);

/* Record counts; 0 for NULL. */
PFB_API uint32_t pfb_dataset_unit_count(const pfb_dataset* dataset);
PFB_API uint32_t pfb_dataset_project_count(const pfb_dataset* dataset);
PFB_API uint32_t pfb_dataset_goal_count(const pfb_dataset* dataset);
PFB_API uint32_t pfb_dataset_indicator_count(const pfb_dataset* dataset); /* over all goals */
PFB_API uint32_t pfb_dataset_disbursement_count(const pfb_dataset* dataset);

/* Records by index (0 .. count-1). *out strings are borrowed from the dataset.
 * An index out of range is PFB_OUT_OF_RANGE. */
PFB_API int32_t pfb_dataset_unit_id(const pfb_dataset* dataset, uint32_t index, const char** out,
                                    pfb_error** err);
PFB_API int32_t pfb_dataset_unit_name(const pfb_dataset* dataset, uint32_t index, const char** out,
                                      pfb_error** err);
PFB_API int32_t pfb_dataset_project_id(const pfb_dataset* dataset, uint32_t index, const char** out,
                                       pfb_error** err);
PFB_API int32_t pfb_dataset_project_name(const pfb_dataset* dataset, uint32_t index,
                                         const char** out, pfb_error** err);
/* The index of the project's unit. */
PFB_API int32_t pfb_dataset_project_unit(const pfb_dataset* dataset, uint32_t index,
                                         uint32_t* out_unit_index, pfb_error** err);
/* Index of the unit / project with this id; PFB_NOT_FOUND when absent. */
PFB_API int32_t pfb_dataset_find_unit(const pfb_dataset* dataset, const char* id,
                                      uint32_t* out_index, pfb_error** err);
PFB_API int32_t pfb_dataset_find_project(const pfb_dataset* dataset, const char* id,
                                         uint32_t* out_index, pfb_error** err);

/* Totals in fen. `as_of` (yyyymmdd, or 0 for "everything": not the dataset's
 * own as-of date, unlike pfb_monitor_run) limits dated records (adjustments,
 * disbursements) to those on or before it:
 *   approved  年初预算 the sum of fund lines;
 *   current   全年预算数 approved + adjustments up to as_of;
 *   executed  执行数 disbursements up to as_of.
 * Any out pointer may be NULL. A sum beyond int64 is PFB_OUT_OF_RANGE. */
PFB_API int32_t pfb_dataset_totals(const pfb_dataset* dataset, int32_t as_of, int64_t* out_approved,
                                   int64_t* out_current, int64_t* out_executed, pfb_error** err);
/* The same for one unit (by index) or one fund source (PFB_FUND_*: fund lines,
 * adjustments and disbursements of that source). */
PFB_API int32_t pfb_dataset_unit_totals(const pfb_dataset* dataset, uint32_t unit_index,
                                        int32_t as_of, int64_t* out_approved, int64_t* out_current,
                                        int64_t* out_executed, pfb_error** err);
PFB_API int32_t pfb_dataset_fund_source_totals(const pfb_dataset* dataset, int32_t source,
                                               int32_t as_of, int64_t* out_approved,
                                               int64_t* out_current, int64_t* out_executed,
                                               pfb_error** err);
PFB_API int32_t pfb_dataset_project_totals(const pfb_dataset* dataset, uint32_t project_index,
                                           int32_t as_of, int64_t* out_approved,
                                           int64_t* out_current, int64_t* out_executed,
                                           pfb_error** err);

/* Export. */
#define PFB_JSON_COMPACT 1u /* one line instead of two-space indentation */
/* The dataset as JSON (docs/format.md), deterministic. *out: owned, free with
 * pfb_string_free; *out_len (may be NULL) receives its length in bytes. */
PFB_API int32_t pfb_dataset_to_json(const pfb_dataset* dataset, uint32_t flags, char** out,
                                    size_t* out_len, pfb_error** err);
#define PFB_CSV_BOM 1u /* write a UTF-8 byte-order mark (helps Excel) */
/* Writes the CSV tables into folder `dir` (created if missing), atomically.
 * `encoding`: PFB_ENCODING_*; `flags`: PFB_CSV_* bits. */
PFB_API int32_t pfb_dataset_write_csv(const pfb_dataset* dataset, const char* dir, int32_t encoding,
                                      uint32_t flags, pfb_error** err);

/* ---- builder -------------------------------------------------------------
 * How a vendor feeds rows from its own database. Rows may come in any order
 * (a fund line before its project); references are resolved by pfb_builder_build.
 * Each add_* checks its arguments at once (NULL, UTF-8, enum range, date,
 * decimal text) and returns PFB_INVALID_ARGUMENT for a bad row; a rejected
 * row is also recorded so that pfb_builder_build fails: ignoring a row error
 * cannot yield a silently partial dataset. Optional text: NULL or "". Ids
 * and the references naming them are trimmed of white space at both ends
 * ("P001 " from a fixed-width column names P001), as the readers do. */
typedef struct pfb_builder pfb_builder;

#define PFB_NAMED_BY_END 1u /* fiscal year N ends in calendar year N */
/* A builder for one fiscal year. `start_month` 1..12 (1 in China); `flags`:
 * PFB_NAMED_BY_END. *out: owned, free with pfb_builder_destroy. */
PFB_API int32_t pfb_builder_create(const char* jurisdiction_code, const char* jurisdiction_name,
                                   int32_t fiscal_year, int32_t start_month, uint32_t flags,
                                   const char* title, pfb_builder** out, pfb_error** err);
/* Frees a builder. NULL is fine. */
PFB_API void pfb_builder_destroy(pfb_builder* builder);

/* Names where the following rows come from, for diagnostics: `source` (a
 * table or file name; NULL or "" for none) and its 1-based `row` (0 = unknown).
 * A rejected call keeps the previous origin (it is not a row: the build does
 * not fail because of it). */
PFB_API int32_t pfb_builder_set_origin(pfb_builder* builder, const char* source, int32_t row,
                                       pfb_error** err);
/* Sets the dataset's as-of date (数据截至日期, yyyymmdd; 0 = none, the
 * default). It must lie in the builder's fiscal year: otherwise
 * PFB_INVALID_ARGUMENT and the previous value stays (like set_origin, a
 * rejected call does not make the build fail). */
PFB_API int32_t pfb_builder_set_as_of(pfb_builder* builder, int32_t as_of, pfb_error** err);

PFB_API int32_t pfb_builder_add_unit(pfb_builder* builder, const char* id, const char* name,
                                     pfb_error** err);

#define PFB_PROJECT_KEY 1u                     /* 重点项目 */
#define PFB_PROJECT_DISCLOSED_WITH_BUDGET 2u   /* goal published with the budget */
#define PFB_PROJECT_DISCLOSED_WITH_APPROVAL 4u /* goal published with the approval */
/* `kind`: PFB_PROJECT_NEW / _CONTINUING; `status`: PFB_STATUS_*; `start_year`
 * 0 = unknown; `requested_fen` 申报数 (0 = not recorded); `flags`:
 * PFB_PROJECT_* bits. */
PFB_API int32_t pfb_builder_add_project(pfb_builder* builder, const char* id, const char* unit_id,
                                        const char* name, const char* category, int32_t kind,
                                        int32_t status, int32_t start_year, int64_t requested_fen,
                                        uint32_t flags, pfb_error** err);
/* `origin_year`: 0 = this fiscal year; a carry-over line names its year. */
PFB_API int32_t pfb_builder_add_fund_line(pfb_builder* builder, const char* project_id,
                                          int32_t source, int64_t approved_fen, int32_t origin_year,
                                          pfb_error** err);
PFB_API int32_t pfb_builder_add_adjustment(pfb_builder* builder, const char* project_id,
                                           int32_t date, int32_t source, int64_t amount_fen,
                                           const char* reason, pfb_error** err);
PFB_API int32_t pfb_builder_add_planned_payment(pfb_builder* builder, const char* project_id,
                                                int32_t date, int64_t amount_fen, pfb_error** err);
/* `owner`: PFB_GOAL_*; `project_id` required for a project goal (NULL/"" for a
 * unit goal); `unit_id` required for a unit goal (NULL/"": the project's). */
PFB_API int32_t pfb_builder_add_goal(pfb_builder* builder, const char* id, int32_t owner,
                                     const char* project_id, const char* unit_id, const char* text,
                                     pfb_error** err);
/* Adds an indicator to goal `goal_id`. `target`: the target as written
 * ("50", "95.5", or qualitative text); under a numeric comparator a decimal
 * target is read exactly, other text is kept as written (the goal review
 * reports it). `target_high`: the range's high end (PFB_CMP_RANGE). `weight`,
 * `baseline`, `target_high`: number text, read as the JSON and CSV readers
 * read it (a decimal "95.5" or a fraction "1/3"; docs/format.md), or NULL/"".
 * `value_source`: PFB_VALUE_SOURCE_*. */
PFB_API int32_t pfb_builder_add_indicator(pfb_builder* builder, const char* goal_id,
                                          const char* indicator_id, int32_t level1, int32_t level2,
                                          const char* name, int32_t comparator, const char* target,
                                          const char* target_high, const char* unit_of_measure,
                                          const char* weight, const char* baseline,
                                          int32_t value_source, const char* evaluation_standard,
                                          pfb_error** err);
/* An actual (完成值) of indicator `indicator_id` of goal `goal_id` on `date`:
 * `value` decimal text (NULL/"" for none) and/or `grade` (PFB_GRADE_*,
 * PFB_GRADE_NONE for none); `text` as written (may be NULL). */
PFB_API int32_t pfb_builder_add_actual(pfb_builder* builder, const char* goal_id,
                                       const char* indicator_id, int32_t date, const char* value,
                                       int32_t grade, const char* text, pfb_error** err);
/* `id` voucher number (NULL/"" for none); `amount_fen` negative = refund. */
PFB_API int32_t pfb_builder_add_disbursement(pfb_builder* builder, const char* id,
                                             const char* project_id, int32_t date, int32_t source,
                                             int64_t amount_fen, pfb_error** err);

/* ---- bulk (column arrays) -------------------------------------------------
 * For millions of rows (a DataFrame, a database cursor): one call per table
 * with its columns as arrays, no call per row.
 *
 * A text column is every row's text back to back in `data` (UTF-8, no NUL
 * needed) with `count + 1` ascending `offsets` into it: row i is
 * data[offsets[i] .. offsets[i+1]), and offsets[count] <= size.
 * Dictionary form (ids repeat: a million disbursements of ten thousand
 * projects): `codes` gives each row's entry, and data/offsets hold
 * `dictionary_count` entries (dictionary_count + 1 offsets); row i is entry
 * codes[i], which must be below dictionary_count. */
typedef struct pfb_text_column {
  const char* data;          /* may be NULL when every text is empty */
  uint64_t size;             /* bytes in data */
  const uint64_t* offsets;   /* count + 1 entries (or dictionary_count + 1); NULL = absent */
  const uint32_t* codes;     /* NULL: plain form; else one entry index per row */
  uint64_t dictionary_count; /* entries, in the dictionary form */
} pfb_text_column;

/* Disbursements as columns (versioned record: set `version` with
 * PFB_DISBURSEMENT_COLUMNS_INIT; fields are only ever added at the end).
 * `id` may be absent (offsets NULL: no voucher numbers); every other column
 * is required. */
#define PFB_DISBURSEMENT_COLUMNS_VERSION 1
typedef struct pfb_disbursement_columns {
  uint32_t version;           /* PFB_DISBURSEMENT_COLUMNS_VERSION */
  uint64_t count;             /* rows */
  pfb_text_column id;         /* voucher numbers; optional */
  pfb_text_column project_id; /* required */
  const int32_t* date;        /* yyyymmdd */
  const int32_t* source;      /* PFB_FUND_* */
  const int64_t* amount_fen;  /* negative = refund */
} pfb_disbursement_columns;
#define PFB_DISBURSEMENT_COLUMNS_INIT \
  {PFB_DISBURSEMENT_COLUMNS_VERSION, 0, {NULL, 0, NULL, NULL, 0}, {NULL, 0, NULL, NULL, 0}, \
   NULL, NULL, NULL}

/* Adds `columns->count` disbursements, as pfb_builder_add_disbursement would
 * one by one. The arrays are only read during the call (not kept). A bad
 * shape (unknown version, a required column missing, offsets not ascending or
 * past `size`, a dictionary code out of range) is PFB_INVALID_ARGUMENT and
 * adds nothing. Bad rows (a bad date
 * or source, invalid UTF-8, an empty project id) are each recorded in the
 * builder as a diagnostic placed at "<origin source>: disbursements[i]" (the
 * source set by pfb_builder_set_origin), every one of them, so that
 * pfb_builder_build fails and reports them all; the good rows are added and
 * the call returns PFB_INVALID_ARGUMENT saying how many rows were rejected. */
PFB_API int32_t pfb_builder_add_disbursement_columns(pfb_builder* builder,
                                                     const pfb_disbursement_columns* columns,
                                                     pfb_error** err);
/* Validates everything and makes the dataset (*out: owned, free with
 * pfb_dataset_destroy). On bad data returns PFB_INVALID_ARGUMENT with every
 * problem as diagnostics. Either way the builder is used up: later calls on
 * it return PFB_FAILED_PRECONDITION; destroy it. */
PFB_API int32_t pfb_builder_build(pfb_builder* builder, pfb_dataset** out, pfb_error** err);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* PERFBUDGET_PFB_CORE_H_ */
