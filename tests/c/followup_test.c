/* followup_test.c: exercises every function of pfb_followup.h from strict
 * C99: the coverage plan (with a history dataset), rectification and
 * disclosure, their versioned options and records, and the error paths (NULL
 * arguments, bad versions and flags, bad languages and indexes, unknown
 * units). Usage: perfbudget_c_followup_test [scratch-dir] (unused). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "perfbudget/perfbudget.h"

/* FY2023: U01 with key projects K1 (started 2019, never evaluated: due in
 * 2023), K2 (started 2015, last evaluated 2021 in the history: later), K3
 * (started 2022: later) and a non-key N1. One rectification item R1 of the
 * 2023 evaluation E3 (of K2) is overdue at 2023-12-31; R2 has no owner. K1's
 * goal was published with the budget, not with the approval. */
static const char kCurrent[] =
    "{\"format\":\"perfbudget-dataset\",\"version\":1,"
    "\"jurisdiction\":{\"code\":\"J1\",\"name\":\"测试园区\"},"
    "\"fiscal_year\":{\"year\":2023},"
    "\"units\":[{\"id\":\"U01\",\"name\":\"一号单位\"},{\"id\":\"U02\",\"name\":\"二号单位\"}],"
    "\"projects\":["
    "{\"id\":\"K1\",\"unit\":\"U01\",\"name\":\"园林绿化养护\",\"key\":true,\"start_year\":2019,"
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"500万元\"}],"
    "\"disclosure\":{\"with_budget\":true,\"with_approval\":false}},"
    "{\"id\":\"K2\",\"unit\":\"U01\",\"name\":\"道路养护\",\"key\":true,\"start_year\":2015,"
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"300万元\"}],"
    "\"disclosure\":{\"with_budget\":true,\"with_approval\":true}},"
    "{\"id\":\"K3\",\"unit\":\"U01\",\"name\":\"新建学校\",\"key\":true,\"start_year\":2022,"
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"800万元\"}],"
    "\"disclosure\":{\"with_budget\":true,\"with_approval\":true}},"
    "{\"id\":\"N1\",\"unit\":\"U01\",\"name\":\"机关运行\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"50万元\"}]}],"
    "\"evaluations\":[{\"id\":\"E3\",\"kind\":\"fiscal\",\"project\":\"K2\",\"unit\":\"U01\","
    "\"evaluated_year\":2022,\"date\":\"2023-06-30\",\"amount\":\"300万元\",\"grade\":\"fair\","
    "\"problems\":[\"问题一\",\"问题二\"],\"suggestions\":[\"建议一\"],"
    "\"published_with_final_accounts\":true}],"
    "\"rectifications\":["
    "{\"id\":\"R1\",\"evaluation\":\"E3\",\"unit\":\"U01\",\"project\":\"K2\","
    "\"description\":\"问题一\",\"owner\":\"财务科\",\"due\":\"2023-09-30\",\"status\":\"open\"},"
    "{\"id\":\"R2\",\"evaluation\":\"E3\",\"unit\":\"U01\",\"project\":\"K2\","
    "\"description\":\"问题二\",\"due\":\"2024-03-31\",\"status\":\"in_progress\"}]}";

static const char kHistory[] =
    "{\"format\":\"perfbudget-dataset\",\"version\":1,"
    "\"jurisdiction\":{\"code\":\"J1\",\"name\":\"测试园区\"},"
    "\"fiscal_year\":{\"year\":2021},"
    "\"units\":[{\"id\":\"U01\",\"name\":\"一号单位\"}],"
    "\"projects\":[{\"id\":\"K2\",\"unit\":\"U01\",\"name\":\"道路养护\",\"key\":true,"
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"280万元\"}]}],"
    "\"evaluations\":[{\"id\":\"E1\",\"kind\":\"third_party\",\"project\":\"K2\",\"unit\":\"U01\","
    "\"evaluated_year\":2020,\"date\":\"2021-07-01\",\"amount\":\"280万元\",\"grade\":\"good\"},"
    "{\"id\":\"E2\",\"kind\":\"fiscal\",\"unit\":\"U01\",\"evaluated_year\":2020,"
    "\"date\":\"2021-08-01\",\"amount\":\"1000万元\"}]}";

static pfb_dataset* load(const char* json) {
  pfb_dataset* ds = NULL;
  pfb_error* err = NULL;
  if (pfb_dataset_from_json(json, strlen(json), "test", &ds, &err) != PFB_OK) {
    fprintf(stderr, "load failed: %s\n", pfb_error_message(err));
    pfb_error_destroy(err);
    exit(2);
  }
  return ds;
}

static const char* project_status_name(int32_t s) {
  switch (s) {
    case PFB_COVERAGE_EVALUATED:
      return "evaluated";
    case PFB_COVERAGE_DUE:
      return "due";
    case PFB_COVERAGE_RECOMMENDED:
      return "recommended";
    case PFB_COVERAGE_BREACH:
      return "breach";
    default:
      return "later";
  }
}

static void test_coverage(const pfb_dataset* current, const pfb_dataset* history) {
  const pfb_dataset* hist[1];
  pfb_coverage* c = NULL;
  pfb_coverage_options o = PFB_COVERAGE_OPTIONS_INIT;
  pfb_coverage_project_row row;
  pfb_coverage_year_row yr;
  pfb_coverage_total tot;
  int32_t year = 0, severity = -1;
  uint32_t projects = 0, units = 0, i;
  int64_t amount = 0;
  const char *code = NULL, *pid = NULL, *msg = NULL, *uid = NULL;
  int due_findings = 0;
  hist[0] = history;

  o.max_projects = 1;
  EXPECT(pfb_coverage_run(current, hist, 1, NULL, &o, &c, &err_), PFB_OK);
  CHECK(c != NULL);
  CHECK_I64(pfb_coverage_year(c), 2023);
  CHECK_I64(pfb_coverage_window_years(c), 5);
  CHECK_I64(pfb_coverage_horizon_years(c), 5);
  CHECK_I64(pfb_coverage_max_projects(c), 1);
  CHECK_I64(pfb_coverage_max_amount_fen(c), 0);
  CHECK_I64(pfb_coverage_project_count(c), 3); /* N1 is not key */

  memset(&row, 0, sizeof row);
  row.struct_size = sizeof row;
  EXPECT(pfb_coverage_project(c, 0, &row, &err_), PFB_OK);
  CHECK_STR(row.project_id, "K1");
  CHECK_STR(row.unit_id, "U01");
  CHECK_I64(row.current_fen, 500000000);
  CHECK_I64(row.first_year, 2019);
  CHECK_I64(row.last_year, 0);
  CHECK_I64(row.last_grade, -1);
  CHECK_I64(row.deadline, 2023);
  CHECK_I64(row.overdue, 0);
  CHECK_STR(project_status_name(row.status), "breach");
  CHECK_I64(row.planned_year, 2024);
  EXPECT(pfb_coverage_project(c, 1, &row, &err_), PFB_OK);
  CHECK_STR(row.project_id, "K2");
  CHECK_I64(row.last_year, 2021); /* E3 of 2023 is this year's, not history */
  CHECK_I64(row.last_grade, 1);   /* good */
  CHECK_STR(project_status_name(row.status), "evaluated");
  CHECK_I64(row.evaluations, 1);
  /* An older, smaller record: only struct_size and project_id are filled. */
  {
    struct {
      uint32_t struct_size;
      const char* project_id;
    } small;
    small.struct_size = sizeof small;
    small.project_id = NULL;
    EXPECT(pfb_coverage_project(c, 2, (pfb_coverage_project_row*)(void*)&small, &err_), PFB_OK);
    CHECK_STR(small.project_id, "K3");
    CHECK_I64(small.struct_size, sizeof small);
  }
  row.struct_size = 0;
  EXPECT(pfb_coverage_project(c, 0, &row, &err_), PFB_INVALID_ARGUMENT);
  row.struct_size = sizeof row;
  EXPECT(pfb_coverage_project(c, 3, &row, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_coverage_project(c, 0, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_coverage_project(NULL, 0, &row, &err_), PFB_INVALID_ARGUMENT);

  /* Capacity 1: K2's evaluation of 2023 takes it, so K1 (due) breaches. */
  CHECK(pfb_coverage_year_count(c) == 5);
  yr.struct_size = sizeof yr;
  EXPECT(pfb_coverage_year_row_get(c, 0, &yr, &err_), PFB_OK);
  CHECK_I64(yr.year, 2023);
  CHECK_I64(yr.evaluated, 1);
  CHECK_I64(yr.due, 0);
  CHECK_I64(yr.breaches, 1);
  CHECK_I64(yr.amount_fen, 300000000);
  EXPECT(pfb_coverage_year_row_get(c, 5, &yr, &err_), PFB_OUT_OF_RANGE);

  CHECK_I64(pfb_coverage_history_count(c), 2);
  EXPECT(pfb_coverage_history(c, 0, &year, &projects, &amount, &units, &err_), PFB_OK);
  CHECK_I64(year, 2021);
  CHECK_I64(projects, 1);
  CHECK_I64(amount, 280000000);
  CHECK_I64(units, 1);
  EXPECT(pfb_coverage_history_unit(c, 0, 0, &uid, &err_), PFB_OK);
  CHECK_STR(uid, "U01");
  EXPECT(pfb_coverage_history_unit(c, 0, 1, &uid, &err_), PFB_OUT_OF_RANGE);
  CHECK(uid == NULL);
  EXPECT(pfb_coverage_history(c, 2, &year, NULL, NULL, NULL, &err_), PFB_OUT_OF_RANGE);
  CHECK_I64(year, 0);

  tot.struct_size = sizeof tot;
  EXPECT(pfb_coverage_totals(c, NULL, &tot, &err_), PFB_OK);
  CHECK_I64(tot.key_projects, 3);
  CHECK_I64(tot.breaches, 1);
  CHECK_I64(tot.key_amount_fen, 1600000000);
  EXPECT(pfb_coverage_totals(c, "U01", &tot, &err_), PFB_OK);
  CHECK_I64(tot.key_projects, 3);
  EXPECT(pfb_coverage_totals(c, "U02", &tot, &err_), PFB_NOT_FOUND);

  for (i = 0; i < pfb_coverage_finding_count(c); ++i) {
    EXPECT(pfb_coverage_finding(c, i, PFB_FOLLOWUP_LANG_EN, &code, &severity, &year, &pid, &msg,
                                &err_),
           PFB_OK);
    if (strcmp(code, "coverage.breach") == 0) {
      ++due_findings;
      CHECK_STR(pid, "K1");
      CHECK_I64(severity, 2);
      CHECK_HAS(msg, "cannot be evaluated in 2023");
    }
  }
  CHECK_I64(due_findings, 1);
  EXPECT(pfb_coverage_finding(c, 0, 7, &code, NULL, NULL, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  CHECK(code == NULL);
  EXPECT(pfb_coverage_finding(c, 999, 0, &code, NULL, NULL, NULL, NULL, &err_), PFB_OUT_OF_RANGE);
  pfb_coverage_destroy(c);
  c = NULL;

  /* Defaults: no options, no history. */
  EXPECT(pfb_coverage_run(current, NULL, 0, NULL, NULL, &c, &err_), PFB_OK);
  CHECK_I64(pfb_coverage_max_projects(c), 1); /* ceil(3 / 5) */
  pfb_coverage_destroy(c);
  c = NULL;

  /* Errors. */
  o.version = 99;
  EXPECT(pfb_coverage_run(current, NULL, 0, NULL, &o, &c, &err_), PFB_INVALID_ARGUMENT);
  CHECK(c == NULL);
  o.version = PFB_COVERAGE_OPTIONS_VERSION;
  o.flags = 8u;
  EXPECT(pfb_coverage_run(current, NULL, 0, NULL, &o, &c, &err_), PFB_INVALID_ARGUMENT);
  o.flags = 0u;
  o.horizon_years = 500;
  EXPECT(pfb_coverage_run(current, NULL, 0, NULL, &o, &c, &err_), PFB_INVALID_ARGUMENT);
  o.horizon_years = 0;
  o.max_amount_fen = -5;
  EXPECT(pfb_coverage_run(current, NULL, 0, NULL, &o, &c, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_coverage_run(current, NULL, 1, NULL, NULL, &c, &err_), PFB_INVALID_ARGUMENT);
  hist[0] = NULL;
  EXPECT(pfb_coverage_run(current, hist, 1, NULL, NULL, &c, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_coverage_run(NULL, NULL, 0, NULL, NULL, &c, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_coverage_run(current, NULL, 0, NULL, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  CHECK(pfb_coverage_project_count(NULL) == 0);
  CHECK(pfb_coverage_year(NULL) == 0);
  pfb_coverage_destroy(NULL);
}

static void test_rectification(const pfb_dataset* current) {
  pfb_rectification* r = NULL;
  pfb_rectification_options o = PFB_RECTIFICATION_OPTIONS_INIT;
  pfb_rectification_counts counts;
  const char *id = NULL, *code = NULL, *item = NULL, *ev = NULL, *msg = NULL;
  int32_t status = -1, overdue = -1, days = -1, severity = -1;
  uint32_t i;
  int overdue_findings = 0, no_owner = 0;

  o.as_of = 20231231;
  EXPECT(pfb_rectification_run(current, NULL, &o, &r, &err_), PFB_OK);
  CHECK_I64(pfb_rectification_as_of(r), 20231231);
  counts.struct_size = sizeof counts;
  EXPECT(pfb_rectification_totals(r, NULL, &counts, &err_), PFB_OK);
  CHECK_I64(counts.evaluations, 1);
  CHECK_I64(counts.problems, 2);
  CHECK_I64(counts.suggestions, 1);
  CHECK_I64(counts.items, 2);
  CHECK_I64(counts.open, 1);
  CHECK_I64(counts.in_progress, 1);
  CHECK_I64(counts.overdue, 1);
  CHECK_I64(counts.no_owner, 1);
  EXPECT(pfb_rectification_totals(r, "U01", &counts, &err_), PFB_OK);
  CHECK_I64(counts.items, 2);
  EXPECT(pfb_rectification_totals(r, "U02", &counts, &err_), PFB_NOT_FOUND);
  CHECK_I64(pfb_rectification_item_count(r), 2);
  EXPECT(pfb_rectification_item(r, 0, &id, &status, &overdue, &days, &err_), PFB_OK);
  CHECK_STR(id, "R1");
  CHECK_I64(status, 0);
  CHECK_I64(overdue, 1);
  CHECK_I64(days, 92);
  EXPECT(pfb_rectification_item(r, 2, &id, NULL, NULL, NULL, &err_), PFB_OUT_OF_RANGE);
  CHECK(id == NULL);
  for (i = 0; i < pfb_rectification_finding_count(r); ++i) {
    EXPECT(pfb_rectification_finding(r, i, PFB_FOLLOWUP_LANG_ZH, &code, &severity, &item, &ev, &msg,
                                     &err_),
           PFB_OK);
    CHECK_STR(ev, "E3");
    if (strcmp(code, "rectification.overdue") == 0) {
      ++overdue_findings;
      CHECK_STR(item, "R1");
      CHECK_HAS(msg, "已逾期92天");
    }
    if (strcmp(code, "rectification.no_owner") == 0) ++no_owner;
  }
  CHECK_I64(overdue_findings, 1);
  CHECK_I64(no_owner, 1);
  pfb_rectification_destroy(r);
  r = NULL;

  /* Default as-of: the last day of the fiscal year. */
  EXPECT(pfb_rectification_run(current, NULL, NULL, &r, &err_), PFB_OK);
  CHECK_I64(pfb_rectification_as_of(r), 20231231);
  pfb_rectification_destroy(r);
  r = NULL;
  o.as_of = 20231332;
  EXPECT(pfb_rectification_run(current, NULL, &o, &r, &err_), PFB_INVALID_ARGUMENT);
  o.as_of = 0;
  o.version = 0;
  EXPECT(pfb_rectification_run(current, NULL, &o, &r, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_rectification_run(NULL, NULL, NULL, &r, &err_), PFB_INVALID_ARGUMENT);
  CHECK(pfb_rectification_as_of(NULL) == 0);
  pfb_rectification_destroy(NULL);
}

static void test_disclosure(const pfb_dataset* current) {
  pfb_disclosure* d = NULL;
  pfb_disclosure_options o = PFB_DISCLOSURE_OPTIONS_INIT;
  pfb_disclosure_counts counts;
  pfb_policy* policy = NULL;
  const char *code = NULL, *pid = NULL, *ev = NULL, *msg = NULL;
  int32_t severity = -1;

  EXPECT(pfb_disclosure_run(current, NULL, &o, &d, &err_), PFB_OK);
  counts.struct_size = sizeof counts;
  EXPECT(pfb_disclosure_totals(d, NULL, &counts, &err_), PFB_OK);
  CHECK_I64(counts.projects, 4);
  CHECK_I64(counts.key_projects, 3);
  CHECK_I64(counts.key_with_budget, 3);
  CHECK_I64(counts.key_with_approval, 2);
  CHECK_I64(counts.results, 1);
  CHECK_I64(counts.results_published, 1);
  EXPECT(pfb_disclosure_totals(d, "U02", &counts, &err_), PFB_OK);
  CHECK_I64(counts.projects, 0);
  EXPECT(pfb_disclosure_totals(d, "U09", &counts, &err_), PFB_NOT_FOUND);
  CHECK_I64(pfb_disclosure_finding_count(d), 1);
  EXPECT(
      pfb_disclosure_finding(d, 0, PFB_FOLLOWUP_LANG_EN, &code, &severity, &pid, &ev, &msg, &err_),
      PFB_OK);
  CHECK_STR(code, "disclosure.goal_not_with_approval");
  CHECK_STR(pid, "K1");
  CHECK_STR(ev, "");
  CHECK_I64(severity, 1);
  CHECK_HAS(msg, "was not published with the budget approval");
  EXPECT(pfb_disclosure_finding(d, 1, 0, &code, NULL, NULL, NULL, NULL, &err_), PFB_OUT_OF_RANGE);
  pfb_disclosure_destroy(d);
  d = NULL;

  /* A policy that does not ask for publication with the approval. */
  {
    static const char kPolicy[] =
        "{\"name\":\"t\",\"rules\":{\"disclosure.goal_not_with_approval\":{\"enabled\":false}}}";
    EXPECT(pfb_policy_load_json(kPolicy, strlen(kPolicy), &policy, &err_), PFB_OK);
    EXPECT(pfb_disclosure_run(current, policy, NULL, &d, &err_), PFB_OK);
    CHECK_I64(pfb_disclosure_finding_count(d), 0);
    pfb_disclosure_destroy(d);
    d = NULL;
    pfb_policy_destroy(policy);
  }
  o.flags = 4u;
  EXPECT(pfb_disclosure_run(current, NULL, &o, &d, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_disclosure_run(NULL, NULL, NULL, &d, &err_), PFB_INVALID_ARGUMENT);
  CHECK(pfb_disclosure_finding_count(NULL) == 0);
  pfb_disclosure_destroy(NULL);
}

int main(void) {
  pfb_dataset* current = load(kCurrent);
  pfb_dataset* history = load(kHistory);
  test_coverage(current, history);
  test_rectification(current);
  test_disclosure(current);
  pfb_dataset_destroy(history);
  pfb_dataset_destroy(current);
  return check_report();
}
