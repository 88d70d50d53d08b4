/* monitor_test.c: exercises every function of pfb_monitor.h from strict C99:
 * monitoring rows and reasons, reclaim proposals, fund-source splits and unit
 * totals, the execution curve and its SVG, and the error paths (NULL arguments, an as-of date
 * outside the fiscal year, a bad or inconsistent policy, bad kinds, languages and indexes). Usage:
 * perfbudget_c_monitor_test [scratch-dir] (unused). Prints each failed check and exits non-zero if
 * any failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "perfbudget/perfbudget.h"

/* Fiscal year 2022, as of 2022-08-31 (time progress 8/12 = 66.67%):
 *   U01 P001 in progress, 500万 general + 200万 land transfer, 100万 spent by
 *            March, a payment plan of 120万 in December: red gap (66.67 −
 *            14.29 = 52.38 pp), lagging with a plan → reclaim 600 − 120 = 480万
 *            split 500:200 (342857143 / 137142857 fen by largest remainder).
 *   U01 P002 not implemented, 300万 general → reclaim 300万.
 *   U02 P003 in progress, 100万 transfer, 95万 spent → over-spend warning (95%).
 *   U02 P004 in progress, 50万 general, nothing spent → no disbursement after a
 *            quarter (red) and a red gap; lagging without a plan → a warning.
 *   U02 P005 cancelled: out of scope.
 *   A disbursement of P003 after as-of (2022-10-01, 10万) must be ignored. */
static const char kJson[] =
    "{\"format\":\"perfbudget-dataset\",\"version\":1,"
    "\"jurisdiction\":{\"code\":\"341300\",\"name\":\"宿马园区\"},"
    "\"fiscal_year\":{\"year\":2022,\"start_month\":1,\"named_by_end\":false},"
    "\"title\":\"monitor test\","
    "\"units\":[{\"id\":\"U01\",\"name\":\"园区管委会\"},{\"id\":\"U02\",\"name\":\"城市管理局\"}],"
    "\"projects\":["
    "{\"id\":\"P001\",\"unit\":\"U01\",\"name\":\"园区道路维修\",\"status\":\"in_progress\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"500万元\"},"
    "{\"source\":\"land_transfer\",\"approved\":\"200万元\"}],"
    "\"payment_plan\":[{\"date\":\"2022-12-20\",\"amount\":\"120万元\"}]},"
    "{\"id\":\"P002\",\"unit\":\"U01\",\"name\":\"绿化提升\",\"status\":\"not_implemented\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"300万元\"}]},"
    "{\"id\":\"P003\",\"unit\":\"U02\",\"name\":\"环卫保洁\",\"status\":\"in_progress\","
    "\"funds\":[{\"source\":\"transfer\",\"approved\":\"100万元\"}]},"
    "{\"id\":\"P004\",\"unit\":\"U02\",\"name\":\"路灯维护\",\"status\":\"in_progress\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"50万元\"}]},"
    "{\"id\":\"P005\",\"unit\":\"U02\",\"name\":\"已取消项目\",\"status\":\"cancelled\"}],"
    "\"disbursements\":["
    "{\"id\":\"V1\",\"project\":\"P001\",\"date\":\"2022-03-10\",\"source\":\"general_budget\","
    "\"amount\":\"100万元\"},"
    "{\"id\":\"V2\",\"project\":\"P003\",\"date\":\"2022-04-01\",\"source\":\"transfer\","
    "\"amount\":\"60万元\"},"
    "{\"id\":\"V3\",\"project\":\"P003\",\"date\":\"2022-07-15\",\"source\":\"transfer\","
    "\"amount\":\"35万元\"},"
    "{\"id\":\"V4\",\"project\":\"P003\",\"date\":\"2022-10-01\",\"source\":\"transfer\","
    "\"amount\":\"10万元\"}]}";

#define WAN 1000000LL /* 1 万元 in fen */
#define AS_OF 20220831

static pfb_dataset* load(void) {
  pfb_dataset* ds = NULL;
  pfb_error* err = NULL;
  int32_t rc = pfb_dataset_from_json(kJson, strlen(kJson), "monitor.json", &ds, &err);
  if (rc != PFB_OK) {
    fprintf(stderr, "cannot load the test dataset: %s\n", pfb_error_message(err));
    pfb_error_destroy(err);
    return NULL;
  }
  return ds;
}

/* Position of the project row with this id, or -1. */
static int find_project_row(const pfb_monitor* m, const char* id) {
  uint32_t i;
  for (i = 0; i < pfb_monitor_row_count(m, PFB_ROW_PROJECT); ++i) {
    const char* got = NULL;
    if (pfb_monitor_row(m, PFB_ROW_PROJECT, i, &got, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                        NULL) == PFB_OK &&
        strcmp(got, id) == 0) {
      return (int)i;
    }
  }
  return -1;
}

/* True when the row has a reason with this code. */
static int row_has_reason(const pfb_monitor* m, int32_t kind, uint32_t row, const char* code) {
  uint32_t first = 0, count = 0, i;
  if (pfb_monitor_row(m, kind, row, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &first, &count,
                      NULL) != PFB_OK) {
    return 0;
  }
  for (i = first; i < first + count; ++i) {
    const char* c = NULL;
    int32_t rk = -1;
    uint32_t ri = 99;
    if (pfb_monitor_reason(m, i, PFB_LANG_ZH, &c, NULL, &rk, &ri, NULL, NULL) != PFB_OK) return 0;
    if (rk != kind || ri != row) return 0; /* reasons are grouped by row */
    if (strcmp(c, code) == 0) return 1;
  }
  return 0;
}

static void test_monitor(const pfb_dataset* ds) {
  pfb_monitor* m = NULL;
  const char *id = NULL, *name = NULL, *rate = NULL, *gap = NULL;
  int64_t current = -1, executed = -1;
  int32_t level = -1;
  uint32_t first = 99, count = 99, i;
  int p1, p3, p4;

  EXPECT(pfb_monitor_run(ds, NULL, 0, AS_OF, &m, &err_), PFB_OK);
  CHECK(m != NULL);
  if (m == NULL) return;
  CHECK_STR(pfb_monitor_time_progress(m), "66.67");

  /* Row counts: 4 projects in scope (P005 cancelled), 2 units, 3 fund sources. */
  CHECK_I64(pfb_monitor_row_count(m, PFB_ROW_PROJECT), 4);
  CHECK_I64(pfb_monitor_row_count(m, PFB_ROW_UNIT), 2);
  CHECK_I64(pfb_monitor_row_count(m, PFB_ROW_FUND_SOURCE), 3);
  CHECK_I64(pfb_monitor_row_count(m, PFB_ROW_JURISDICTION), 1);
  CHECK_I64(pfb_monitor_row_count(m, 4), 0);
  CHECK_I64(pfb_monitor_row_count(m, -1), 0);

  /* Jurisdiction: 1150万 current, 195万 executed to 2022-08-31 (V4 is later). */
  EXPECT(pfb_monitor_row(m, PFB_ROW_JURISDICTION, 0, &id, &name, &current, &executed, &rate, &gap,
                         &level, &first, &count, &err_),
         PFB_OK);
  CHECK_STR(id, "341300");
  CHECK_STR(name, "宿马园区");
  CHECK_I64(current, 1150 * WAN);
  CHECK_I64(executed, 195 * WAN);
  CHECK_STR(rate, "16.96");
  CHECK_STR(gap, "49.71");
  CHECK_I64(level, PFB_WARNING_RED);

  /* P001: red gap, 14.29%. */
  p1 = find_project_row(m, "P001");
  CHECK(p1 >= 0);
  EXPECT(pfb_monitor_row(m, PFB_ROW_PROJECT, (uint32_t)p1, &id, &name, &current, &executed, &rate,
                         &gap, &level, &first, &count, &err_),
         PFB_OK);
  CHECK_STR(id, "P001");
  CHECK_STR(name, "园区道路维修");
  CHECK_I64(current, 700 * WAN);
  CHECK_I64(executed, 100 * WAN);
  CHECK_STR(rate, "14.29");
  CHECK_STR(gap, "52.38");
  CHECK_I64(level, PFB_WARNING_RED);
  CHECK(row_has_reason(m, PFB_ROW_PROJECT, (uint32_t)p1, "monitoring.gap_red"));

  /* P003: 95% used → over-spend warning naming V3; yellow. */
  p3 = find_project_row(m, "P003");
  CHECK(p3 >= 0);
  EXPECT(pfb_monitor_row(m, PFB_ROW_PROJECT, (uint32_t)p3, NULL, NULL, &current, &executed, &rate,
                         NULL, &level, NULL, NULL, &err_),
         PFB_OK);
  CHECK_I64(executed, 95 * WAN);
  CHECK_STR(rate, "95.00");
  CHECK_I64(level, PFB_WARNING_YELLOW);
  CHECK(row_has_reason(m, PFB_ROW_PROJECT, (uint32_t)p3, "monitoring.overspend_warning"));

  /* P004: nothing spent after a quarter. */
  p4 = find_project_row(m, "P004");
  CHECK(p4 >= 0);
  CHECK(
      row_has_reason(m, PFB_ROW_PROJECT, (uint32_t)p4, "monitoring.no_disbursement_after_quarter"));
  CHECK(find_project_row(m, "P005") < 0);

  /* Every reason: a code, a severity, a row, messages in both languages. */
  CHECK(pfb_monitor_reason_count(m) >= 4);
  for (i = 0; i < pfb_monitor_reason_count(m); ++i) {
    const char *code = NULL, *zh = NULL, *en = NULL;
    int32_t severity = -1, row_kind = -1;
    uint32_t row_index = 99;
    EXPECT(
        pfb_monitor_reason(m, i, PFB_LANG_ZH, &code, &severity, &row_kind, &row_index, &zh, &err_),
        PFB_OK);
    EXPECT(pfb_monitor_reason(m, i, PFB_LANG_EN, NULL, NULL, NULL, NULL, &en, &err_), PFB_OK);
    CHECK(code != NULL && strncmp(code, "monitoring.", 11) == 0);
    CHECK(severity >= 0 && severity <= 3);
    CHECK(row_kind >= 0 && row_kind <= 3);
    CHECK(row_index < pfb_monitor_row_count(m, row_kind));
    CHECK(zh != NULL && zh[0] != '\0');
    CHECK(en != NULL && en[0] != '\0' && strcmp(zh, en) != 0);
    if (code != NULL && strcmp(code, "monitoring.overspend_warning") == 0) {
      CHECK_HAS(zh, "V3");
      CHECK_HAS(en, "V3");
    }
  }

  /* Error paths of the accessors: every out-pointer is reset first. */
  id = "x";
  current = 5;
  level = 5;
  EXPECT(pfb_monitor_row(m, PFB_ROW_PROJECT, 4, &id, NULL, &current, NULL, NULL, NULL, &level, NULL,
                         NULL, &err_),
         PFB_OUT_OF_RANGE);
  CHECK(id == NULL);
  CHECK_I64(current, 0);
  CHECK_I64(level, 0);
  EXPECT(pfb_monitor_row(m, PFB_ROW_JURISDICTION, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                         NULL, &err_),
         PFB_OUT_OF_RANGE);
  EXPECT(pfb_monitor_row(m, 7, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_monitor_row(NULL, PFB_ROW_PROJECT, 0, &id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                         NULL, &err_),
         PFB_INVALID_ARGUMENT);
  CHECK(id == NULL);
  /* A NULL err is allowed: the status alone reports the failure. */
  CHECK(pfb_monitor_row(m, PFB_ROW_UNIT, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                        NULL) == PFB_OUT_OF_RANGE);
  {
    const char* code = "x";
    const char* msg = "x";
    EXPECT(pfb_monitor_reason(m, pfb_monitor_reason_count(m), PFB_LANG_ZH, &code, NULL, NULL, NULL,
                              &msg, &err_),
           PFB_OUT_OF_RANGE);
    CHECK(code == NULL);
    CHECK(msg == NULL);
    EXPECT(pfb_monitor_reason(m, 0, 2, &code, NULL, NULL, NULL, &msg, &err_), PFB_INVALID_ARGUMENT);
    EXPECT(pfb_monitor_reason(NULL, 0, PFB_LANG_ZH, &code, NULL, NULL, NULL, &msg, &err_),
           PFB_INVALID_ARGUMENT);
  }
  pfb_monitor_destroy(m);
}

static void test_monitor_errors(const pfb_dataset* ds) {
  pfb_monitor* m = (pfb_monitor*)1; /* garbage: must be set to NULL on failure */
  static const char kOverlapping[] =
      "{\"format\":\"perfbudget-policy\",\"version\":1,\"name\":\"overlap\","
      "\"rules\":{\"monitoring.gap_yellow\":{\"params\":{\"min_gap_pp\":30}}}}";
  static const char kNotJson[] = "{\"format\":";
  static const char kBadUtf8[] = "{\"name\":\"\xff\"}";
  pfb_error* err = NULL;

  /* As-of outside the fiscal year: OUT_OF_RANGE naming the year's bounds. */
  CHECK(pfb_monitor_run(ds, NULL, 0, 20230101, &m, &err) == PFB_OUT_OF_RANGE);
  CHECK(m == NULL);
  CHECK_I64(pfb_error_code(err), PFB_OUT_OF_RANGE);
  CHECK_HAS(pfb_error_message(err), "2023-01-01");
  CHECK_HAS(pfb_error_message(err), "2022-12-31");
  pfb_error_destroy(err);
  EXPECT(pfb_monitor_run(ds, NULL, 0, 20211231, &m, &err_), PFB_OUT_OF_RANGE);
  /* Not a date at all. */
  EXPECT(pfb_monitor_run(ds, NULL, 0, 20220230, &m, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_monitor_run(ds, NULL, 0, -1, &m, &err_), PFB_INVALID_ARGUMENT);
  /* NULL arguments. */
  EXPECT(pfb_monitor_run(NULL, NULL, 0, AS_OF, &m, &err_), PFB_INVALID_ARGUMENT);
  CHECK(m == NULL);
  EXPECT(pfb_monitor_run(ds, NULL, 0, AS_OF, NULL, &err_), PFB_INVALID_ARGUMENT);
  /* NULL / length 0 is the default policy; any other text must parse. */
  EXPECT(pfb_monitor_run(ds, kNotJson, strlen(kNotJson), AS_OF, &m, &err_), PFB_INVALID_ARGUMENT);
  CHECK(m == NULL);
  EXPECT(pfb_monitor_run(ds, kBadUtf8, strlen(kBadUtf8), AS_OF, &m, &err_), PFB_INVALID_ARGUMENT);
  /* Overlapping warning bands (yellow 30 pp ≥ red 20 pp). */
  err = NULL;
  CHECK(pfb_monitor_run(ds, kOverlapping, strlen(kOverlapping), AS_OF, &m, &err) ==
        PFB_INVALID_ARGUMENT);
  CHECK_HAS(pfb_error_message(err), "overlapping");
  pfb_error_destroy(err);
  CHECK(m == NULL);

  /* Accessors on NULL. */
  pfb_monitor_destroy(NULL);
  CHECK_STR(pfb_monitor_time_progress(NULL), "");
  CHECK_I64(pfb_monitor_row_count(NULL, PFB_ROW_PROJECT), 0);
  CHECK_I64(pfb_monitor_reason_count(NULL), 0);

  /* A policy given as JSON text is used: with the yellow band off and the red
   * one at 60 pp, P001's 52.38 pp gap no longer warns. */
  {
    static const char kLenient[] =
        "{\"format\":\"perfbudget-policy\",\"version\":1,\"name\":\"lenient\","
        "\"rules\":{\"monitoring.gap_yellow\":{\"enabled\":false},"
        "\"monitoring.gap_red\":{\"params\":{\"min_gap_pp\":60}}}}";
    pfb_monitor* lenient = NULL;
    int p1;
    EXPECT(pfb_monitor_run(ds, kLenient, strlen(kLenient), AS_OF, &lenient, &err_), PFB_OK);
    if (lenient != NULL) {
      p1 = find_project_row(lenient, "P001");
      CHECK(p1 >= 0);
      CHECK(!row_has_reason(lenient, PFB_ROW_PROJECT, (uint32_t)p1, "monitoring.gap_red"));
      CHECK(!row_has_reason(lenient, PFB_ROW_PROJECT, (uint32_t)p1, "monitoring.gap_yellow"));
    }
    pfb_monitor_destroy(lenient);
  }
}

/* Position of the proposal of `project` with `code`, or -1. */
static int find_proposal(const pfb_reclaim* r, const char* project, const char* code) {
  uint32_t i;
  for (i = 0; i < pfb_reclaim_proposal_count(r); ++i) {
    const char *p = NULL, *c = NULL;
    if (pfb_reclaim_proposal(r, i, PFB_LANG_ZH, &p, &c, NULL, NULL, NULL, NULL, NULL) == PFB_OK &&
        strcmp(p, project) == 0 && strcmp(c, code) == 0) {
      return (int)i;
    }
  }
  return -1;
}

static void test_reclaim(const pfb_dataset* ds) {
  pfb_reclaim* r = NULL;
  const char *project = NULL, *code = NULL, *zh = NULL, *en = NULL, *unit = NULL;
  int64_t amount = -1, sum;
  int32_t has_amount = -1, source = -1;
  uint32_t splits = 99, i, s;
  int at;

  EXPECT(pfb_reclaim_run(ds, NULL, 0, AS_OF, &r, &err_), PFB_OK);
  CHECK(r != NULL);
  if (r == NULL) return;
  /* P002 300万 (unimplemented) + P001 480万 (lagging, with a plan); P004 a
   * warning without amount. */
  CHECK_I64(pfb_reclaim_total_fen(r), 780 * WAN);
  CHECK_I64(pfb_reclaim_proposal_count(r), 3);

  at = find_proposal(r, "P002", "reclaim.unimplemented");
  CHECK(at >= 0);
  EXPECT(pfb_reclaim_proposal(r, (uint32_t)at, PFB_LANG_ZH, &project, &code, &amount, &has_amount,
                              &zh, &splits, &err_),
         PFB_OK);
  CHECK_I64(amount, 300 * WAN);
  CHECK_I64(has_amount, 1);
  CHECK_I64(splits, 1);
  CHECK_HAS(zh, "300万元");
  EXPECT(
      pfb_reclaim_proposal(r, (uint32_t)at, PFB_LANG_EN, NULL, NULL, NULL, NULL, &en, NULL, &err_),
      PFB_OK);
  CHECK_HAS(en, "not implemented");
  EXPECT(pfb_reclaim_split(r, (uint32_t)at, 0, &source, &amount, &err_), PFB_OK);
  CHECK_I64(source, PFB_FUND_GENERAL_BUDGET);
  CHECK_I64(amount, 300 * WAN);

  at = find_proposal(r, "P001", "reclaim.lagging_with_plan");
  CHECK(at >= 0);
  EXPECT(pfb_reclaim_proposal(r, (uint32_t)at, PFB_LANG_ZH, NULL, NULL, &amount, &has_amount, NULL,
                              &splits, &err_),
         PFB_OK);
  CHECK_I64(amount, 480 * WAN);
  CHECK_I64(splits, 2);
  sum = 0;
  for (s = 0; s < splits; ++s) {
    int64_t part = 0;
    EXPECT(pfb_reclaim_split(r, (uint32_t)at, s, &source, &part, &err_), PFB_OK);
    CHECK(source == PFB_FUND_GENERAL_BUDGET || source == PFB_FUND_LAND_TRANSFER);
    sum += part;
  }
  CHECK_I64(sum, 480 * WAN); /* exact to the fen */
  EXPECT(pfb_reclaim_split(r, (uint32_t)at, 0, &source, &amount, &err_), PFB_OK);
  CHECK_I64(source, PFB_FUND_GENERAL_BUDGET);
  CHECK_I64(amount, 342857143); /* 480万 × 500/700 = 342857142.86 fen, largest remainder */

  at = find_proposal(r, "P004", "reclaim.lagging_without_plan");
  CHECK(at >= 0);
  EXPECT(pfb_reclaim_proposal(r, (uint32_t)at, PFB_LANG_EN, NULL, NULL, &amount, &has_amount, &en,
                              &splits, &err_),
         PFB_OK);
  CHECK_I64(has_amount, 0);
  CHECK_I64(amount, 0);
  CHECK_I64(splits, 0);
  CHECK(en != NULL && en[0] != '\0');

  /* Unit totals: U01 780万; U02 a warning only, amount 0. */
  CHECK_I64(pfb_reclaim_unit_count(r), 2);
  sum = 0;
  for (i = 0; i < pfb_reclaim_unit_count(r); ++i) {
    EXPECT(pfb_reclaim_unit(r, i, &unit, &amount, &err_), PFB_OK);
    if (strcmp(unit, "U01") == 0) CHECK_I64(amount, 780 * WAN);
    if (strcmp(unit, "U02") == 0) CHECK_I64(amount, 0);
    sum += amount;
  }
  CHECK_I64(sum, pfb_reclaim_total_fen(r));

  /* Error paths: out-pointers reset, bad index, bad language, NULL handle. */
  project = "x";
  amount = 7;
  EXPECT(pfb_reclaim_proposal(r, 3, PFB_LANG_ZH, &project, NULL, &amount, NULL, NULL, NULL, &err_),
         PFB_OUT_OF_RANGE);
  CHECK(project == NULL);
  CHECK_I64(amount, 0);
  EXPECT(pfb_reclaim_proposal(r, 0, 5, NULL, NULL, NULL, NULL, NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_reclaim_proposal(NULL, 0, PFB_LANG_ZH, NULL, NULL, NULL, NULL, NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  source = 9;
  EXPECT(pfb_reclaim_split(r, 0, 99, &source, &amount, &err_), PFB_OUT_OF_RANGE);
  CHECK_I64(source, 0);
  EXPECT(pfb_reclaim_split(r, 3, 0, &source, &amount, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_reclaim_split(NULL, 0, 0, &source, &amount, &err_), PFB_INVALID_ARGUMENT);
  unit = "x";
  EXPECT(pfb_reclaim_unit(r, 2, &unit, &amount, &err_), PFB_OUT_OF_RANGE);
  CHECK(unit == NULL);
  EXPECT(pfb_reclaim_unit(NULL, 0, &unit, &amount, &err_), PFB_INVALID_ARGUMENT);
  pfb_reclaim_destroy(r);

  /* Runs that fail. */
  r = (pfb_reclaim*)1;
  EXPECT(pfb_reclaim_run(ds, NULL, 0, 20230101, &r, &err_), PFB_OUT_OF_RANGE);
  CHECK(r == NULL);
  EXPECT(pfb_reclaim_run(ds, NULL, 0, 20221301, &r, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_reclaim_run(NULL, NULL, 0, AS_OF, &r, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_reclaim_run(ds, NULL, 0, AS_OF, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_reclaim_run(ds, "{", 1, AS_OF, &r, &err_), PFB_INVALID_ARGUMENT);
  CHECK(r == NULL);

  /* Accessors on NULL. */
  pfb_reclaim_destroy(NULL);
  CHECK_I64(pfb_reclaim_total_fen(NULL), 0);
  CHECK_I64(pfb_reclaim_proposal_count(NULL), 0);
  CHECK_I64(pfb_reclaim_unit_count(NULL), 0);
}

/* The execution curve: the total and a series per unit, a point per fiscal
 * month up to as-of, each agreeing with pfb_monitor_run at that date; the SVG. */
static void test_curve(const pfb_dataset* ds) {
  pfb_curve* c = NULL;
  pfb_curve* bad = (pfb_curve*)1; /* garbage: must be set to NULL on failure */
  const char *id = NULL, *name = NULL, *rate = NULL, *progress = NULL;
  char* svg = NULL;
  size_t svg_len = 99;
  uint32_t points = 0;
  int32_t month = 0, date = 0;
  int64_t executed = -1, current = -1;

  EXPECT(pfb_curve_run(ds, NULL, 0, AS_OF, &c, &err_), PFB_OK);
  CHECK(c != NULL);
  if (c == NULL) return;
  CHECK_I64(pfb_curve_series_count(c), 3); /* the total, U01, U02 */

  /* The total: 8 points; month 3 has V1 (100万 of 1150万), month 8 all 195万. */
  EXPECT(pfb_curve_series(c, 0, &id, &name, &points, &err_), PFB_OK);
  CHECK_STR(id, "341300");
  CHECK_STR(name, "合计");
  CHECK_I64(points, 8);
  EXPECT(pfb_curve_point(c, 0, 0, &month, &date, &executed, &current, &rate, &progress, &err_),
         PFB_OK);
  CHECK_I64(month, 1);
  CHECK_I64(date, 20220131);
  CHECK_I64(executed, 0);
  CHECK_STR(rate, "0.00");
  CHECK_STR(progress, "8.33");
  EXPECT(pfb_curve_point(c, 0, 2, &month, &date, &executed, &current, &rate, &progress, &err_),
         PFB_OK);
  CHECK_I64(month, 3);
  CHECK_I64(date, 20220331);
  CHECK_I64(executed, 100 * WAN);
  CHECK_I64(current, 1150 * WAN);
  CHECK_STR(rate, "8.70");
  CHECK_STR(progress, "25.00");
  EXPECT(pfb_curve_point(c, 0, 7, &month, &date, &executed, &current, &rate, &progress, &err_),
         PFB_OK);
  CHECK_I64(month, 8);
  CHECK_I64(date, AS_OF);
  CHECK_I64(executed, 195 * WAN); /* as pfb_monitor_run's jurisdiction row */
  CHECK_STR(rate, "16.96");
  CHECK_STR(progress, "66.67");
  /* Any out-pointer may be NULL. */
  EXPECT(pfb_curve_point(c, 0, 7, NULL, NULL, NULL, NULL, NULL, NULL, &err_), PFB_OK);

  /* U02 (P003 and P004: 150万): 60万 in April, 95万 from July. */
  EXPECT(pfb_curve_series(c, 2, &id, &name, NULL, &err_), PFB_OK);
  CHECK_STR(id, "U02");
  CHECK_STR(name, "城市管理局");
  EXPECT(pfb_curve_point(c, 2, 3, &month, NULL, &executed, &current, &rate, NULL, &err_), PFB_OK);
  CHECK_I64(month, 4);
  CHECK_I64(executed, 60 * WAN);
  CHECK_I64(current, 150 * WAN);
  CHECK_STR(rate, "40.00");
  EXPECT(pfb_curve_point(c, 2, 7, NULL, NULL, &executed, NULL, &rate, NULL, &err_), PFB_OK);
  CHECK_I64(executed, 95 * WAN);
  CHECK_STR(rate, "63.33");

  /* Out of range: a series, a point; outputs zeroed. */
  EXPECT(pfb_curve_series(c, 3, &id, &name, &points, &err_), PFB_OUT_OF_RANGE);
  CHECK(id == NULL && name == NULL && points == 0);
  EXPECT(pfb_curve_point(c, 0, 8, &month, NULL, NULL, NULL, &rate, NULL, &err_), PFB_OUT_OF_RANGE);
  CHECK(month == 0 && rate == NULL);
  EXPECT(pfb_curve_point(c, 3, 0, NULL, NULL, NULL, NULL, NULL, NULL, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_curve_series(NULL, 0, &id, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_curve_point(NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  CHECK_I64(pfb_curve_series_count(NULL), 0);

  /* The chart: XML, a line per unit unless PFB_CHART_NO_UNITS, titles, languages. */
  EXPECT(pfb_curve_svg(c, PFB_LANG_ZH, NULL, 0, &svg, &svg_len, &err_), PFB_OK);
  CHECK(svg != NULL);
  if (svg != NULL) {
    CHECK_I64(svg_len, strlen(svg));
    CHECK(strncmp(svg, "<?xml", 5) == 0);
    CHECK_HAS(svg, "<svg");
    CHECK_HAS(svg, "预算执行进度曲线");
    CHECK_HAS(svg, "城市管理局");
    CHECK_HAS(svg, "序时进度");
    CHECK_HAS(svg, "</svg>");
  }
  pfb_string_free(svg);
  svg = NULL;
  EXPECT(pfb_curve_svg(c, PFB_LANG_EN, "Test &amp; title", PFB_CHART_NO_UNITS, &svg, NULL, &err_),
         PFB_OK);
  CHECK(svg != NULL);
  if (svg != NULL) {
    CHECK_HAS(svg, "Test &amp;amp; title"); /* escaped as XML text */
    CHECK_HAS(svg, "Time progress");
    CHECK(strstr(svg, "城市管理局") == NULL);
  }
  pfb_string_free(svg);
  svg = (char*)1; /* garbage: must be set to NULL on failure */
  svg_len = 99;
  EXPECT(pfb_curve_svg(c, 2, NULL, 0, &svg, &svg_len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(svg == NULL && svg_len == 0);
  EXPECT(pfb_curve_svg(c, PFB_LANG_ZH, NULL, 2u, &svg, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_curve_svg(c, PFB_LANG_ZH, "\xff", 0, &svg, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_curve_svg(c, PFB_LANG_ZH, NULL, 0, NULL, &svg_len, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_curve_svg(NULL, PFB_LANG_ZH, NULL, 0, &svg, NULL, &err_), PFB_INVALID_ARGUMENT);
  CHECK(svg == NULL);
  pfb_curve_destroy(c);
  pfb_curve_destroy(NULL);

  /* As of a date inside July: 7 points, the last at that date. */
  c = NULL;
  EXPECT(pfb_curve_run(ds, NULL, 0, 20220715, &c, &err_), PFB_OK);
  if (c != NULL) {
    EXPECT(pfb_curve_series(c, 0, NULL, NULL, &points, &err_), PFB_OK);
    CHECK_I64(points, 7);
    EXPECT(pfb_curve_point(c, 0, 6, &month, &date, &executed, NULL, NULL, NULL, &err_), PFB_OK);
    CHECK_I64(month, 7);
    CHECK_I64(date, 20220715);
    CHECK_I64(executed, 195 * WAN); /* V3 is dated 2022-07-15 */
  }
  pfb_curve_destroy(c);

  /* Errors as pfb_monitor_run; *out is NULL after a failure. */
  EXPECT(pfb_curve_run(ds, NULL, 0, 20230101, &bad, &err_), PFB_OUT_OF_RANGE);
  CHECK(bad == NULL);
  EXPECT(pfb_curve_run(NULL, NULL, 0, AS_OF, &bad, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_curve_run(ds, NULL, 0, AS_OF, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_curve_run(ds, "{", 1, AS_OF, &bad, &err_), PFB_INVALID_ARGUMENT);
  CHECK(bad == NULL);
}

/* as_of 0 is the dataset's own as-of date: an error when it states none (as
 * kJson does); with one, every run equals the run at that date. */
static void test_dataset_as_of(const pfb_dataset* ds) {
  static const char kTitle[] = "\"title\":\"monitor test\",";
  static const char kAsOf[] = "\"as_of\":\"2022-08-31\",";
  char text[sizeof kJson + sizeof kAsOf];
  const char* at = strstr(kJson, kTitle);
  size_t head;
  pfb_dataset* dated = NULL;
  pfb_monitor* m = NULL;
  pfb_monitor* m0 = NULL;
  pfb_reclaim* r = NULL;
  pfb_reclaim* r0 = NULL;
  pfb_curve* c = NULL;
  pfb_error* err = NULL;

  CHECK(pfb_monitor_run(ds, NULL, 0, 0, &m, &err) == PFB_INVALID_ARGUMENT);
  CHECK_HAS(pfb_error_message(err), "states none");
  pfb_error_destroy(err);
  EXPECT(pfb_reclaim_run(ds, NULL, 0, 0, &r, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_curve_run(ds, NULL, 0, 0, &c, &err_), PFB_INVALID_ARGUMENT);

  CHECK(at != NULL);
  if (at == NULL) return;
  head = (size_t)(at - kJson) + strlen(kTitle);
  memcpy(text, kJson, head);
  memcpy(text + head, kAsOf, strlen(kAsOf));
  memcpy(text + head + strlen(kAsOf), kJson + head, sizeof kJson - head);
  EXPECT(pfb_dataset_from_json(text, strlen(text), "dated.json", &dated, &err_), PFB_OK);
  if (dated == NULL) return;
  CHECK(pfb_dataset_as_of(dated) == AS_OF);
  EXPECT(pfb_monitor_run(dated, NULL, 0, 0, &m0, &err_), PFB_OK);
  EXPECT(pfb_monitor_run(dated, NULL, 0, AS_OF, &m, &err_), PFB_OK);
  CHECK_STR(pfb_monitor_time_progress(m0), pfb_monitor_time_progress(m));
  CHECK(pfb_monitor_reason_count(m0) == pfb_monitor_reason_count(m));
  EXPECT(pfb_reclaim_run(dated, NULL, 0, 0, &r0, &err_), PFB_OK);
  EXPECT(pfb_reclaim_run(dated, NULL, 0, AS_OF, &r, &err_), PFB_OK);
  CHECK_I64(pfb_reclaim_total_fen(r0), pfb_reclaim_total_fen(r));
  CHECK(pfb_reclaim_total_fen(r0) > 0);
  EXPECT(pfb_curve_run(dated, NULL, 0, 0, &c, &err_), PFB_OK);
  pfb_curve_destroy(c);
  pfb_reclaim_destroy(r);
  pfb_reclaim_destroy(r0);
  pfb_monitor_destroy(m);
  pfb_monitor_destroy(m0);
  pfb_dataset_destroy(dated);
}

int main(int argc, char** argv) {
  pfb_dataset* ds;
  (void)argc;
  (void)argv;
  ds = load();
  if (ds == NULL) return 1;
  test_monitor(ds);
  test_monitor_errors(ds);
  test_reclaim(ds);
  test_curve(ds);
  test_dataset_as_of(ds);
  pfb_dataset_destroy(ds);
  return check_report();
}
