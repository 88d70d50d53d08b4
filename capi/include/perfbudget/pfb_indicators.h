/* pfb_indicators.h: the perfbudget C ABI, core indicator library part: the
 * core indicators (核心绩效指标体系) of a project category, from a policy's
 * review library, to start a new goal from (docs/policy.md, "Core indicator
 * library"). Conventions: pfb_core.h and docs/c-abi.md.
 *
 * A pfb_indicator_list is immutable once made; its strings are borrowed:
 * valid until pfb_indicator_list_destroy. */
#ifndef PERFBUDGET_PFB_INDICATORS_H_
#define PERFBUDGET_PFB_INDICATORS_H_

#include "perfbudget/pfb_core.h"
#include "perfbudget/pfb_review.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pfb_indicator_list pfb_indicator_list;

/* Options of pfb_indicators_suggest. Start from PFB_INDICATORS_OPTIONS_INIT
 * (a later version may add fields after these; the library reads `version`
 * to know which are there). */
typedef struct pfb_indicators_options {
  uint32_t version;     /* PFB_INDICATORS_OPTIONS_VERSION */
  const char* category; /* project category, e.g. "市政管护" (or an alias); required */
} pfb_indicators_options;
#define PFB_INDICATORS_OPTIONS_VERSION 1u
#define PFB_INDICATORS_OPTIONS_INIT \
  { PFB_INDICATORS_OPTIONS_VERSION, NULL }

/* The core indicators of options->category under `policy` (NULL = the
 * defaults). PFB_NOT_FOUND for a category the library does not know (the
 * message lists the known ones); PFB_INVALID_ARGUMENT for a NULL or
 * unknown-version options. *out: free with pfb_indicator_list_destroy. */
PFB_API int32_t pfb_indicators_suggest(const pfb_policy* policy,
                                       const pfb_indicators_options* options,
                                       pfb_indicator_list** out, pfb_error** err);
PFB_API void pfb_indicator_list_destroy(pfb_indicator_list* list);

/* The category the list is for (its library name, also when asked by an
 * alias). Borrowed; "" for NULL. */
PFB_API const char* pfb_indicator_list_category(const pfb_indicator_list* list);
PFB_API uint32_t pfb_indicator_list_count(const pfb_indicator_list* list);
/* Borrowed strings; "" when out of range. */
PFB_API const char* pfb_indicator_list_name(const pfb_indicator_list* list, uint32_t i);
/* Synonyms joined by "|". */
PFB_API const char* pfb_indicator_list_synonyms(const pfb_indicator_list* list, uint32_t i);
/* "" = dimensionless (e.g. a 系数). */
PFB_API const char* pfb_indicator_list_unit(const pfb_indicator_list* list, uint32_t i);
/* Benchmark range ends as exact decimal text; "" when open. */
PFB_API const char* pfb_indicator_list_low(const pfb_indicator_list* list, uint32_t i);
PFB_API const char* pfb_indicator_list_high(const pfb_indicator_list* list, uint32_t i);
/* Level 1, level 2 and comparator as PFB_L1_*, PFB_L2_*, PFB_CMP_* of
 * pfb_core.h; -1 when out of range. */
PFB_API int32_t pfb_indicator_list_level1(const pfb_indicator_list* list, uint32_t i);
PFB_API int32_t pfb_indicator_list_level2(const pfb_indicator_list* list, uint32_t i);
PFB_API int32_t pfb_indicator_list_comparator(const pfb_indicator_list* list, uint32_t i);
/* 1 when a goal of the category must carry it, 0 if not, -1 out of range. */
PFB_API int32_t pfb_indicator_list_required(const pfb_indicator_list* list, uint32_t i);

#ifdef __cplusplus
}
#endif

#endif /* PERFBUDGET_PFB_INDICATORS_H_ */
