/* policy_handle_test.c: the consistent C ABI of issue 11, from strict C99:
 * monitoring, reclaim and the curve with a loaded pfb_policy and versioned
 * options (pfb_*_run_with_policy), one language convention (PFB_LANG_*,
 * anything else PFB_INVALID_ARGUMENT), the named as-of constants, the
 * non-colliding enum names, and the enumerable review summary keys.
 * Usage: perfbudget_c_policy_handle_test [scratch-dir] (unused). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "perfbudget/perfbudget.h"

/* FY2022, as_of 2022-08-31 stated by the dataset (time progress 8/12):
 *   P001 700万 (500 general + 200 land), 100万 spent, plan 120万 in December:
 *        gap 66.67 − 14.29 = 52.38 pp (red); reclaim 700 − 100 − 120 = 480万.
 *   P002 not implemented, 300万: reclaim 300万.
 * Total to reclaim 780万 = 780,000,000 fen. */
static const char kJson[] =
    "{\"format\":\"perfbudget-dataset\",\"version\":1,"
    "\"jurisdiction\":{\"code\":\"341300\",\"name\":\"宿马园区\"},"
    "\"fiscal_year\":{\"year\":2022,\"start_month\":1,\"named_by_end\":false},"
    "\"as_of\":\"2022-08-31\","
    "\"units\":[{\"id\":\"U01\",\"name\":\"园区管委会\"}],"
    "\"projects\":["
    "{\"id\":\"P001\",\"unit\":\"U01\",\"name\":\"园区道路维修\",\"status\":\"in_progress\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"500万元\"},"
    "{\"source\":\"land_transfer\",\"approved\":\"200万元\"}],"
    "\"payment_plan\":[{\"date\":\"2022-12-20\",\"amount\":\"120万元\"}]},"
    "{\"id\":\"P002\",\"unit\":\"U01\",\"name\":\"绿化提升\",\"status\":\"not_implemented\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"300万元\"}]}],"
    "\"disbursements\":["
    "{\"id\":\"V1\",\"project\":\"P001\",\"date\":\"2022-03-10\",\"source\":\"general_budget\","
    "\"amount\":\"100万元\"}]}";

#define WAN 1000000LL /* 1 万元 in fen */

static const char kLenient[] =
    "{\"format\":\"perfbudget-policy\",\"version\":1,\"name\":\"lenient\","
    "\"rules\":{\"monitoring.gap_yellow\":{\"enabled\":false},"
    "\"monitoring.gap_red\":{\"params\":{\"min_gap_pp\":60}}}}";

/* 1 when row 0 of the project rows (P001) carries `code`. */
static int p001_has(const pfb_monitor* m, const char* code) {
  uint32_t first = 0, count = 0, k;
  const char* id = NULL;
  if (pfb_monitor_row(m, PFB_ROW_PROJECT, 0, &id, NULL, NULL, NULL, NULL, NULL, NULL, &first,
                      &count, NULL) != PFB_OK) {
    return 0;
  }
  if (id == NULL || strcmp(id, "P001") != 0) return 0;
  for (k = first; k < first + count; ++k) {
    const char* c = NULL;
    if (pfb_monitor_reason(m, k, PFB_LANG_ZH, &c, NULL, NULL, NULL, NULL, NULL) == PFB_OK &&
        c != NULL && strcmp(c, code) == 0) {
      return 1;
    }
  }
  return 0;
}

static void test_monitor_with_policy(const pfb_dataset* ds) {
  pfb_policy* lenient = NULL;
  pfb_monitor* m = NULL;
  pfb_run_options options = PFB_RUN_OPTIONS_INIT;
  CHECK_I64(options.version, PFB_RUN_OPTIONS_VERSION);
  CHECK_I64(options.as_of, PFB_AS_OF_DATASET);

  /* NULL policy = the default; NULL options = the dataset's own date. */
  EXPECT(pfb_monitor_run_with_policy(ds, NULL, NULL, &m, &err_), PFB_OK);
  CHECK_STR(pfb_monitor_time_progress(m), "66.67");
  CHECK(p001_has(m, "monitoring.gap_red"));
  pfb_monitor_destroy(m);
  m = NULL;

  /* A loaded policy is used: P001's 52.38 pp gap is under its 60 pp red. */
  EXPECT(pfb_policy_load_json(kLenient, strlen(kLenient), &lenient, &err_), PFB_OK);
  EXPECT(pfb_monitor_run_with_policy(ds, lenient, &options, &m, &err_), PFB_OK);
  CHECK(m != NULL);
  CHECK(!p001_has(m, "monitoring.gap_red"));
  CHECK(!p001_has(m, "monitoring.gap_yellow"));
  pfb_monitor_destroy(m);
  m = NULL;

  /* A given date: 2022-06-30 is 6/12 = 50.00%. */
  options.as_of = 20220630;
  EXPECT(pfb_monitor_run_with_policy(ds, lenient, &options, &m, &err_), PFB_OK);
  CHECK_STR(pfb_monitor_time_progress(m), "50.00");
  /* The result borrows nothing from the policy. */
  pfb_policy_destroy(lenient);
  CHECK_STR(pfb_monitor_time_progress(m), "50.00");
  pfb_monitor_destroy(m);
  m = (pfb_monitor*)1;

  /* Versions this library does not know. */
  options.version = 0;
  EXPECT(pfb_monitor_run_with_policy(ds, NULL, &options, &m, &err_), PFB_INVALID_ARGUMENT);
  CHECK(m == NULL);
  options.version = PFB_RUN_OPTIONS_VERSION + 1;
  {
    pfb_error* err = NULL;
    CHECK(pfb_monitor_run_with_policy(ds, NULL, &options, &m, &err) == PFB_INVALID_ARGUMENT);
    CHECK_HAS(pfb_error_message(err), "PFB_RUN_OPTIONS_INIT");
    pfb_error_destroy(err);
  }
  options.version = PFB_RUN_OPTIONS_VERSION;
  options.as_of = 20230101;
  EXPECT(pfb_monitor_run_with_policy(ds, NULL, &options, &m, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_monitor_run_with_policy(NULL, NULL, NULL, &m, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_monitor_run_with_policy(ds, NULL, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
}

/* pfb_monitor_row_detail: the figures pfb_monitor_row leaves out. */
static void test_row_detail(const pfb_dataset* ds) {
  pfb_monitor* m = NULL;
  pfb_monitor_row_info info = PFB_MONITOR_ROW_INFO_INIT;
  uint32_t i, n;
  int found = 0;
  EXPECT(pfb_monitor_run_with_policy(ds, NULL, NULL, &m, &err_), PFB_OK);
  n = pfb_monitor_row_count(m, PFB_ROW_PROJECT);
  for (i = 0; i < n; ++i) {
    EXPECT(pfb_monitor_row_detail(m, PFB_ROW_PROJECT, i, &info, &err_), PFB_OK);
    CHECK_I64(info.version, PFB_MONITOR_ROW_INFO_VERSION);
    if (strcmp(info.id, "P001") != 0) continue;
    found = 1;
    CHECK_STR(info.name, "园区道路维修");
    CHECK_STR(info.unit_id, "U01");
    CHECK_I64(info.project_count, 1);
    CHECK_I64(info.approved_fen, 700 * WAN);
    CHECK_I64(info.adjustments_fen, 0);
    CHECK_I64(info.current_fen, 700 * WAN);
    CHECK_I64(info.executed_fen, 100 * WAN);
    CHECK_I64(info.disbursement_count, 1);
    CHECK_I64(info.level, PFB_WARNING_RED);
    CHECK_STR(info.rate_percent, "14.29");
    CHECK_STR(info.gap_pp, "52.38");
    CHECK(info.reason_count >= 1);
  }
  CHECK(found);
  /* The unit row: its own id as unit_id; the jurisdiction: "". */
  EXPECT(pfb_monitor_row_detail(m, PFB_ROW_UNIT, 0, &info, &err_), PFB_OK);
  CHECK_STR(info.unit_id, "U01");
  CHECK_I64(info.approved_fen, 1000 * WAN);
  CHECK_I64(info.project_count, 2);
  EXPECT(pfb_monitor_row_detail(m, PFB_ROW_JURISDICTION, 0, &info, &err_), PFB_OK);
  CHECK_STR(info.unit_id, "");
  CHECK_I64(info.executed_fen, 100 * WAN);
  /* Errors. */
  EXPECT(pfb_monitor_row_detail(m, PFB_ROW_UNIT, 1, &info, &err_), PFB_OUT_OF_RANGE);
  CHECK(info.id == NULL && info.version == PFB_MONITOR_ROW_INFO_VERSION);
  EXPECT(pfb_monitor_row_detail(m, 9, 0, &info, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_monitor_row_detail(m, PFB_ROW_UNIT, 0, NULL, &err_), PFB_INVALID_ARGUMENT);
  info.version = 0;
  EXPECT(pfb_monitor_row_detail(m, PFB_ROW_UNIT, 0, &info, &err_), PFB_INVALID_ARGUMENT);
  info.version = PFB_MONITOR_ROW_INFO_VERSION;
  EXPECT(pfb_monitor_row_detail(NULL, PFB_ROW_UNIT, 0, &info, &err_), PFB_INVALID_ARGUMENT);
  pfb_monitor_destroy(m);
}

static void test_reclaim_and_curve_with_policy(const pfb_dataset* ds) {
  pfb_policy* defaults = NULL;
  pfb_reclaim* r = NULL;
  pfb_curve* c = NULL;
  pfb_run_options options = PFB_RUN_OPTIONS_INIT;
  uint32_t points = 0;
  int64_t executed = -1;
  EXPECT(pfb_policy_load("defaults", &defaults, &err_), PFB_OK);
  EXPECT(pfb_reclaim_run_with_policy(ds, defaults, &options, &r, &err_), PFB_OK);
  CHECK_I64(pfb_reclaim_total_fen(r), 780 * WAN);
  pfb_reclaim_destroy(r);
  r = (pfb_reclaim*)1;
  options.version = 7;
  EXPECT(pfb_reclaim_run_with_policy(ds, defaults, &options, &r, &err_), PFB_INVALID_ARGUMENT);
  CHECK(r == NULL);

  options.version = PFB_RUN_OPTIONS_VERSION;
  EXPECT(pfb_curve_run_with_policy(ds, defaults, &options, &c, &err_), PFB_OK);
  CHECK_I64(pfb_curve_series_count(c), 2);
  EXPECT(pfb_curve_series(c, 0, NULL, NULL, &points, &err_), PFB_OK);
  CHECK_I64(points, 8); /* January..August */
  EXPECT(pfb_curve_point(c, 0, 7, NULL, NULL, &executed, NULL, NULL, NULL, &err_), PFB_OK);
  CHECK_I64(executed, 100 * WAN);
  pfb_curve_destroy(c);
  c = (pfb_curve*)1;
  options.version = 0;
  EXPECT(pfb_curve_run_with_policy(ds, defaults, &options, &c, &err_), PFB_INVALID_ARGUMENT);
  CHECK(c == NULL);
  pfb_policy_destroy(defaults);
}

static void test_review_language_and_keys(const pfb_dataset* ds) {
  static const char kGoal[] =
      "{\"format\":\"perfbudget-dataset\",\"version\":1,"
      "\"jurisdiction\":{\"code\":\"1\",\"name\":\"x\"},"
      "\"fiscal_year\":{\"year\":2022,\"start_month\":1,\"named_by_end\":false},"
      "\"units\":[{\"id\":\"U01\",\"name\":\"园区管委会\"}],"
      "\"projects\":[{\"id\":\"P001\",\"unit\":\"U01\",\"name\":\"园区道路维修\","
      "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"50万元\"}]}],"
      "\"goals\":[{\"id\":\"G1\",\"owner\":\"project\",\"project\":\"P001\","
      "\"text\":\"维修园区道路\",\"indicators\":[{\"level1\":\"output\",\"level2\":\"quantity\","
      "\"name\":\"维修道路长度\",\"target\":\"≥5公里\"}]}]}";
  pfb_dataset* goal_ds = NULL;
  pfb_policy* policy = NULL;
  pfb_review* review = NULL;
  uint32_t k, n;
  const char* message = NULL;
  (void)ds;
  EXPECT(pfb_dataset_from_json(kGoal, strlen(kGoal), "goal.json", &goal_ds, &err_), PFB_OK);
  EXPECT(pfb_policy_load("defaults", &policy, &err_), PFB_OK);
  EXPECT(pfb_review_dataset(goal_ds, policy, NULL, 0, &review, &err_), PFB_OK);
  CHECK(pfb_review_finding_count(review) > 0);

  /* One language convention: PFB_LANG_ZH / PFB_LANG_EN, nothing else. */
  EXPECT(pfb_review_finding_message_lang(review, 0, PFB_LANG_ZH, &message, &err_), PFB_OK);
  CHECK(message != NULL && message[0] != '\0');
  CHECK_STR(message, pfb_review_finding_message(review, 0, "zh"));
  EXPECT(pfb_review_finding_message_lang(review, 0, PFB_LANG_EN, &message, &err_), PFB_OK);
  CHECK_STR(message, pfb_review_finding_message(review, 0, "en"));
  EXPECT(pfb_review_finding_message_lang(review, 0, 2, &message, &err_), PFB_INVALID_ARGUMENT);
  CHECK(message == NULL);
  EXPECT(pfb_review_finding_message_lang(review, 0, -1, &message, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_review_finding_message_lang(review, pfb_review_finding_count(review), PFB_LANG_ZH,
                                         &message, &err_),
         PFB_OUT_OF_RANGE);
  EXPECT(pfb_review_finding_message_lang(NULL, 0, PFB_LANG_ZH, &message, &err_),
         PFB_INVALID_ARGUMENT);

  /* Summary keys: enumerable, each known to pfb_review_summary_value. */
  n = pfb_review_summary_key_count(review);
  CHECK(n >= 40);
  CHECK_I64(pfb_review_summary_key_count(NULL), n);
  CHECK_STR(pfb_review_summary_key(review, 0), "goals");
  CHECK_STR(pfb_review_summary_key(review, n), "");
  for (k = 0; k < n; ++k) {
    const char* key = pfb_review_summary_key(review, k);
    CHECK(key[0] != '\0');
    CHECK(pfb_review_summary_value(review, key) >= 0);
  }
  CHECK_I64(pfb_review_summary_value(review, "goals"), 1);
  CHECK_I64(pfb_review_summary_value(review, "no_such_key"), -1);
  pfb_review_destroy(review);
  pfb_policy_destroy(policy);
  pfb_dataset_destroy(goal_ds);
}

static void test_names(void) {
  /* The colliding names stay, as aliases of the new ones. */
  CHECK_I64(PFB_QUALITATIVE_ACHIEVED, PFB_GRADE_ACHIEVED);
  CHECK_I64(PFB_QUALITATIVE_NONE, PFB_GRADE_NONE);
  CHECK_I64(PFB_REVIEW_GRADE_EXCELLENT, PFB_GRADE_EXCELLENT);
  CHECK_I64(PFB_REVIEW_GRADE_POOR, 3);
  CHECK_I64(PFB_AS_OF_NO_CUTOFF, 0);
  CHECK_I64(PFB_LANG_EN, 1);
}

static void test_totals_no_cutoff(const pfb_dataset* ds) {
  int64_t approved = 0, executed = 0;
  EXPECT(pfb_dataset_totals(ds, PFB_AS_OF_NO_CUTOFF, &approved, NULL, &executed, &err_), PFB_OK);
  CHECK_I64(approved, 1000 * WAN);
  CHECK_I64(executed, 100 * WAN);
}

int main(int argc, char** argv) {
  pfb_dataset* ds = NULL;
  pfb_error* err = NULL;
  (void)argc;
  (void)argv;
  if (pfb_dataset_from_json(kJson, strlen(kJson), "handles.json", &ds, &err) != PFB_OK) {
    fprintf(stderr, "cannot load the test dataset: %s\n", pfb_error_message(err));
    pfb_error_destroy(err);
    return 1;
  }
  test_names();
  test_totals_no_cutoff(ds);
  test_monitor_with_policy(ds);
  test_row_detail(ds);
  test_reclaim_and_curve_with_policy(ds);
  test_review_language_and_keys(ds);
  pfb_dataset_destroy(ds);
  return check_report();
}
