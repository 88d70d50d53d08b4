/* evaluation_test.c: exercises every function of pfb_evaluation.h from strict
 * C99: self-evaluation scores, indicators, flags, the self-score check and
 * totals; result-application proposals, splits and unit totals; the
 * versioned options structs; and the error paths (NULL arguments, bad
 * versions, flags, languages and indexes, a bad policy). Usage:
 * perfbudget_c_evaluation_test [scratch-dir] (unused). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "perfbudget/perfbudget.h"

/* Fiscal year 2021:
 *   U01 P001 300万 general + 100万 land transfer, 400万 paid: goal with one
 *            ≥ 3.2 indicator (weight 90), actual 2.4 → 67.5 + 10 = 77.50 (中);
 *            its self-evaluation reports 90 (+12.5: inflated).
 *            A fiscal evaluation graded fair → cut 10% = 40万, split 30万 / 10万.
 *   U01 P002 200万 general, nothing paid: goal with one indicator without an
 *            actual → 0 (no_actual), execution 0 → score 0 (差).
 *            A fiscal evaluation recommends "优化整合：…" → merge, cut 200万.
 *   U01 unit goal: one ≥ indicator met (weight 90) → 90 + 10 × 400/600. */
static const char kJson[] =
    "{\"format\":\"perfbudget-dataset\",\"version\":1,"
    "\"jurisdiction\":{\"code\":\"341300\",\"name\":\"宿马园区\"},"
    "\"fiscal_year\":{\"year\":2021,\"start_month\":1,\"named_by_end\":false},"
    "\"units\":[{\"id\":\"U01\",\"name\":\"园区管委会\"}],"
    "\"projects\":["
    "{\"id\":\"P001\",\"unit\":\"U01\",\"name\":\"园区道路维修\",\"status\":\"finished\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"300万元\"},"
    "{\"source\":\"land_transfer\",\"approved\":\"100万元\"}]},"
    "{\"id\":\"P002\",\"unit\":\"U01\",\"name\":\"智慧平台\",\"status\":\"not_implemented\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"200万元\"}]}],"
    "\"goals\":["
    "{\"id\":\"G1\",\"owner\":\"project\",\"project\":\"P001\",\"text\":\"道路维修\","
    "\"indicators\":[{\"id\":\"1\",\"level1\":\"output\",\"level2\":\"quantity\","
    "\"name\":\"维修长度\",\"comparator\":\"ge\",\"target\":\"3.2\",\"unit_of_measure\":\"公里\","
    "\"weight\":\"90\",\"actuals\":[{\"date\":\"2021-12-31\",\"value\":\"2.4\"}]}]},"
    "{\"id\":\"G2\",\"owner\":\"project\",\"project\":\"P002\",\"text\":\"平台建设\","
    "\"indicators\":[{\"id\":\"1\",\"level1\":\"output\",\"level2\":\"quantity\","
    "\"name\":\"上线模块\",\"comparator\":\"ge\",\"target\":\"5\",\"unit_of_measure\":\"个\","
    "\"weight\":\"90\"}]},"
    "{\"id\":\"GU\",\"owner\":\"unit\",\"unit\":\"U01\",\"text\":\"部门整体\","
    "\"indicators\":[{\"id\":\"1\",\"level1\":\"output\",\"level2\":\"quantity\","
    "\"name\":\"完成项目数\",\"comparator\":\"ge\",\"target\":\"1\",\"unit_of_measure\":\"个\","
    "\"weight\":\"90\",\"actuals\":[{\"date\":\"2021-12-31\",\"value\":\"1\"}]}]}],"
    "\"disbursements\":["
    "{\"id\":\"V1\",\"project\":\"P001\",\"date\":\"2021-06-10\",\"source\":\"general_budget\","
    "\"amount\":\"400万元\"}],"
    "\"evaluations\":["
    "{\"id\":\"ES1\",\"kind\":\"self\",\"project\":\"P001\",\"unit\":\"U01\","
    "\"evaluated_year\":2021,\"amount\":\"400万元\",\"score\":\"90\",\"grade\":\"excellent\"},"
    "{\"id\":\"EF1\",\"kind\":\"fiscal\",\"project\":\"P001\",\"unit\":\"U01\","
    "\"evaluated_year\":2021,\"score\":\"70\",\"grade\":\"fair\"},"
    "{\"id\":\"EF2\",\"kind\":\"fiscal\",\"project\":\"P002\",\"unit\":\"U01\","
    "\"evaluated_year\":2021,\"grade\":\"good\","
    "\"suggestions\":[\"优化整合：纳入园区信息化项目\"]}]}";

#define WAN 1000000LL

static pfb_dataset* load(void) {
  pfb_dataset* ds = NULL;
  pfb_error* err = NULL;
  int32_t rc = pfb_dataset_from_json(kJson, strlen(kJson), "evaluation.json", &ds, &err);
  if (rc != PFB_OK) {
    fprintf(stderr, "load failed: %s\n", pfb_error_message(err));
    pfb_error_destroy(err);
    exit(1);
  }
  return ds;
}

static void test_self_evaluation(const pfb_dataset* ds) {
  pfb_self_evaluation* s = NULL;
  const char *goal_id, *owner_id, *unit_id, *score, *rate, *earned, *eval_id, *reported, *diff;
  int32_t owner, grade, inflated, block, severity, indicator;
  uint32_t first, count, goal, flags, pg, ug, se, infl, i;
  int64_t amount;
  const char *code, *name, *points, *earned_i, *lost, *message, *ind_id;

  EXPECT(pfb_self_evaluation_run(ds, NULL, 0, NULL, &s, &err_), PFB_OK);
  CHECK(s != NULL);
  CHECK(pfb_self_evaluation_goal_count(s) == 3);

  EXPECT(pfb_self_evaluation_goal(s, 0, &goal_id, &owner, &owner_id, &unit_id, &score, &grade,
                                  &rate, &earned, &first, &count, &err_),
         PFB_OK);
  CHECK_STR(goal_id, "G1");
  CHECK(owner == PFB_GOAL_PROJECT);
  CHECK_STR(owner_id, "P001");
  CHECK_STR(unit_id, "U01");
  CHECK_STR(score, "77.50");
  CHECK(grade == PFB_GRADE_FAIR);
  CHECK_STR(rate, "100.00");
  CHECK_STR(earned, "10.00");
  CHECK(first == 0 && count == 1);

  EXPECT(pfb_self_evaluation_check(s, 0, &eval_id, &reported, &diff, &inflated, &err_), PFB_OK);
  CHECK_STR(eval_id, "ES1");
  CHECK_STR(reported, "90.00");
  CHECK_STR(diff, "12.50");
  CHECK(inflated == 1);
  EXPECT(pfb_self_evaluation_check(s, 1, &eval_id, &reported, &diff, &inflated, &err_), PFB_OK);
  CHECK_STR(eval_id, "");
  CHECK_STR(reported, "");
  CHECK(inflated == 0);

  EXPECT(pfb_self_evaluation_goal(s, 2, &goal_id, &owner, &owner_id, NULL, &score, &grade, &rate,
                                  NULL, NULL, NULL, &err_),
         PFB_OK);
  CHECK(owner == PFB_GOAL_UNIT);
  CHECK_STR(owner_id, "U01");
  CHECK_STR(rate, "66.67");
  CHECK_STR(score, "96.67");
  CHECK(grade == PFB_GRADE_EXCELLENT);

  CHECK(pfb_self_evaluation_indicator_count(s) == 3);
  EXPECT(pfb_self_evaluation_indicator(s, 0, PFB_LANG_ZH, &goal, &ind_id, &name, &code, &block,
                                       &points, &earned_i, &lost, &flags, &message, &err_),
         PFB_OK);
  CHECK(goal == 0);
  CHECK_STR(ind_id, "1");
  CHECK_STR(name, "维修长度");
  CHECK_STR(code, "selfeval.higher_is_better");
  CHECK(block == PFB_BLOCK_OUTPUT);
  CHECK_STR(points, "90.00");
  CHECK_STR(earned_i, "67.50");
  CHECK_STR(lost, "22.50");
  CHECK(flags == (PFB_INDICATOR_SCORED | PFB_INDICATOR_FAR_BELOW));
  CHECK_HAS(message, "完成率75.00%");
  EXPECT(pfb_self_evaluation_indicator(s, 1, PFB_LANG_EN, NULL, NULL, NULL, &code, NULL, NULL, NULL,
                                       NULL, &flags, &message, &err_),
         PFB_OK);
  CHECK_STR(code, "selfeval.no_actual");
  CHECK(flags == 0);
  CHECK_HAS(message, "has no actual");

  /* Flags: G1 far below without reason; G1 inflated; G2 no actual. */
  CHECK(pfb_self_evaluation_flag_count(s) == 3);
  for (i = 0; i < pfb_self_evaluation_flag_count(s); ++i) {
    EXPECT(pfb_self_evaluation_flag(s, i, PFB_LANG_EN, &code, &severity, &goal, &indicator,
                                    &message, &err_),
           PFB_OK);
    if (strcmp(code, "selfeval.self_score_inflated") == 0) {
      CHECK(goal == 0);
      CHECK(indicator == -1);
      CHECK(severity == 2);
      CHECK_HAS(message, "reports 90.00 points; the data give 77.50");
    } else if (strcmp(code, "selfeval.no_actual") == 0) {
      CHECK(goal == 1);
      CHECK(indicator == 0);
    } else {
      CHECK_STR(code, "selfeval.far_below_without_reason");
    }
  }

  EXPECT(pfb_self_evaluation_totals(s, &pg, &ug, &se, &amount, &infl, &err_), PFB_OK);
  CHECK(pg == 2 && ug == 1 && se == 1 && infl == 1);
  CHECK_I64(amount, 400 * WAN);

  /* Errors: indexes, languages, NULL handles. */
  EXPECT(pfb_self_evaluation_goal(s, 3, &goal_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                  NULL, &err_),
         PFB_OUT_OF_RANGE);
  CHECK(goal_id == NULL);
  EXPECT(pfb_self_evaluation_indicator(s, 0, 7, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                       NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_self_evaluation_flag(s, 99, PFB_LANG_ZH, NULL, NULL, NULL, NULL, NULL, &err_),
         PFB_OUT_OF_RANGE);
  EXPECT(pfb_self_evaluation_check(NULL, 0, NULL, NULL, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_self_evaluation_totals(NULL, NULL, NULL, NULL, NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  CHECK(pfb_self_evaluation_goal_count(NULL) == 0);
  CHECK(pfb_self_evaluation_indicator_count(NULL) == 0);
  CHECK(pfb_self_evaluation_flag_count(NULL) == 0);
  pfb_self_evaluation_destroy(s);
  pfb_self_evaluation_destroy(NULL);
}

static void test_self_evaluation_options(const pfb_dataset* ds) {
  pfb_self_evaluation* s = NULL;
  pfb_self_evaluation_options o = PFB_SELF_EVALUATION_OPTIONS_INIT;
  const char* code = NULL;
  static const char kPolicy[] =
      "{\"rules\": {\"selfeval.self_score_inflated\": {\"enabled\": false}}}";
  static const char kBadPolicy[] = "{\"rules\": {\"selfeval.nope\": {}}}";

  /* Unit goals only. */
  o.flags = PFB_SELFEVAL_NO_PROJECT_GOALS;
  EXPECT(pfb_self_evaluation_run(ds, NULL, 0, &o, &s, &err_), PFB_OK);
  CHECK(pfb_self_evaluation_goal_count(s) == 1);
  pfb_self_evaluation_destroy(s);
  s = NULL;

  /* An evaluation date before the actuals: every indicator lacks one. */
  o.flags = 0;
  o.as_of = 20211130;
  EXPECT(pfb_self_evaluation_run(ds, NULL, 0, &o, &s, &err_), PFB_OK);
  EXPECT(pfb_self_evaluation_indicator(s, 0, PFB_LANG_ZH, NULL, NULL, NULL, &code, NULL, NULL, NULL,
                                       NULL, NULL, NULL, &err_),
         PFB_OK);
  CHECK_STR(code, "selfeval.no_actual");
  pfb_self_evaluation_destroy(s);
  s = NULL;

  /* A policy switching the check off. */
  EXPECT(pfb_self_evaluation_run(ds, kPolicy, strlen(kPolicy), NULL, &s, &err_), PFB_OK);
  CHECK(pfb_self_evaluation_flag_count(s) == 2);
  pfb_self_evaluation_destroy(s);
  s = NULL;

  o.as_of = 0;
  o.version = 99;
  EXPECT(pfb_self_evaluation_run(ds, NULL, 0, &o, &s, &err_), PFB_INVALID_ARGUMENT);
  CHECK(s == NULL);
  o.version = PFB_SELF_EVALUATION_OPTIONS_VERSION;
  o.flags = 8u;
  EXPECT(pfb_self_evaluation_run(ds, NULL, 0, &o, &s, &err_), PFB_INVALID_ARGUMENT);
  o.flags = 0;
  o.as_of = 20210230;
  EXPECT(pfb_self_evaluation_run(ds, NULL, 0, &o, &s, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_self_evaluation_run(ds, kBadPolicy, strlen(kBadPolicy), NULL, &s, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_self_evaluation_run(NULL, NULL, 0, NULL, &s, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_self_evaluation_run(ds, NULL, 0, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
}

static void test_results(const pfb_dataset* ds) {
  pfb_results* r = NULL;
  pfb_results_options o = PFB_RESULTS_OPTIONS_INIT;
  const char *project, *evaluation, *code, *percent, *message, *unit;
  int32_t grade, action, source;
  int64_t base, cut, proposed, amount;
  uint32_t splits, projects;

  EXPECT(pfb_results_run(ds, NULL, 0, &o, &r, &err_), PFB_OK);
  CHECK(pfb_results_budget_year(r) == 2022);
  CHECK(pfb_results_proposal_count(r) == 2);
  CHECK_I64(pfb_results_total_cut_fen(r), 240 * WAN);

  EXPECT(pfb_results_proposal(r, 0, PFB_LANG_ZH, &project, &evaluation, &grade, &code, &action,
                              &percent, &base, &cut, &proposed, &message, &splits, &err_),
         PFB_OK);
  CHECK_STR(project, "P001");
  CHECK_STR(evaluation, "EF1");
  CHECK(grade == PFB_GRADE_FAIR);
  CHECK_STR(code, "results.cut");
  CHECK(action == PFB_RESULT_CUT);
  CHECK_STR(percent, "10");
  CHECK_I64(base, 400 * WAN);
  CHECK_I64(cut, 40 * WAN);
  CHECK_I64(proposed, 360 * WAN);
  CHECK_HAS(message, "压减10%");
  CHECK(splits == 2);
  EXPECT(pfb_results_split(r, 0, 0, &source, &amount, &err_), PFB_OK);
  CHECK(source == PFB_FUND_GENERAL_BUDGET);
  CHECK_I64(amount, 30 * WAN);
  EXPECT(pfb_results_split(r, 0, 1, &source, &amount, &err_), PFB_OK);
  CHECK(source == PFB_FUND_LAND_TRANSFER);
  CHECK_I64(amount, 10 * WAN);
  EXPECT(pfb_results_split(r, 0, 2, &source, &amount, &err_), PFB_OUT_OF_RANGE);

  EXPECT(pfb_results_proposal(r, 1, PFB_LANG_EN, NULL, NULL, &grade, &code, &action, NULL, NULL,
                              &cut, NULL, &message, NULL, &err_),
         PFB_OK);
  CHECK(grade == PFB_GRADE_GOOD);
  CHECK_STR(code, "results.merge");
  CHECK(action == PFB_RESULT_MERGE);
  CHECK_I64(cut, 200 * WAN);
  CHECK_HAS(message, "merged or optimised");

  CHECK(pfb_results_unit_count(r) == 1);
  EXPECT(pfb_results_unit(r, 0, &unit, &projects, &amount, &err_), PFB_OK);
  CHECK_STR(unit, "U01");
  CHECK(projects == 2);
  CHECK_I64(amount, 240 * WAN);

  EXPECT(pfb_results_proposal(r, 2, PFB_LANG_ZH, &project, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                              NULL, NULL, NULL, &err_),
         PFB_OUT_OF_RANGE);
  CHECK(project == NULL);
  EXPECT(pfb_results_proposal(r, 0, 5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                              NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_results_unit(r, 1, NULL, NULL, NULL, &err_), PFB_OUT_OF_RANGE);
  pfb_results_destroy(r);
  pfb_results_destroy(NULL);
  r = NULL;

  CHECK(pfb_results_budget_year(NULL) == 0);
  CHECK(pfb_results_total_cut_fen(NULL) == 0);
  CHECK(pfb_results_proposal_count(NULL) == 0);
  CHECK(pfb_results_unit_count(NULL) == 0);
  o.version = 2;
  EXPECT(pfb_results_run(ds, NULL, 0, &o, &r, &err_), PFB_INVALID_ARGUMENT);
  o.version = PFB_RESULTS_OPTIONS_VERSION;
  o.flags = 1u;
  EXPECT(pfb_results_run(ds, NULL, 0, &o, &r, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_results_run(NULL, NULL, 0, NULL, &r, &err_), PFB_INVALID_ARGUMENT);
  CHECK(r == NULL);
  EXPECT(pfb_results_split(NULL, 0, 0, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
}

/* The next year's budget: P001 requested 400万, approved 350万; P003 (new)
 * cancelled, requested 20万. */
static const char kNextJson[] =
    "{\"format\":\"perfbudget-dataset\",\"version\":1,"
    "\"jurisdiction\":{\"code\":\"341300\",\"name\":\"宿马园区\"},"
    "\"fiscal_year\":{\"year\":2022,\"start_month\":1,\"named_by_end\":false},"
    "\"units\":[{\"id\":\"U01\",\"name\":\"园区管委会\"}],"
    "\"projects\":["
    "{\"id\":\"P001\",\"unit\":\"U01\",\"name\":\"园区道路维修\",\"requested\":\"400万元\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"350万元\"}]},"
    "{\"id\":\"P003\",\"unit\":\"U01\",\"name\":\"新项目\",\"status\":\"cancelled\","
    "\"requested\":\"20万元\"}]}";

static void test_results_next_year(const pfb_dataset* ds) {
  pfb_dataset* next = NULL;
  pfb_results* r = NULL;
  pfb_error* err = NULL;
  pfb_results_options o = PFB_RESULTS_OPTIONS_INIT;
  const char* project = NULL;
  int64_t requested, approved, cut;
  int32_t cancelled, proposal;
  if (pfb_dataset_from_json(kNextJson, strlen(kNextJson), "next.json", &next, &err) != PFB_OK) {
    fprintf(stderr, "load failed: %s\n", pfb_error_message(err));
    pfb_error_destroy(err);
    exit(1);
  }
  o.next_year = next;
  EXPECT(pfb_results_run(ds, NULL, 0, &o, &r, &err_), PFB_OK);
  pfb_dataset_destroy(next); /* the result keeps its own reference */
  CHECK(pfb_results_next_year_count(r) == 2);
  CHECK_I64(pfb_results_next_year_cut_fen(r), 70 * WAN);
  EXPECT(pfb_results_next_year_cut(r, 0, &project, &requested, &approved, &cut, &cancelled,
                                   &proposal, &err_),
         PFB_OK);
  CHECK_STR(project, "P001");
  CHECK_I64(requested, 400 * WAN);
  CHECK_I64(approved, 350 * WAN);
  CHECK_I64(cut, 50 * WAN);
  CHECK(cancelled == 0);
  CHECK(proposal == 0);
  EXPECT(pfb_results_next_year_cut(r, 1, &project, NULL, NULL, &cut, &cancelled, &proposal, &err_),
         PFB_OK);
  CHECK_STR(project, "P003");
  CHECK(cancelled == 1 && proposal == -1);
  EXPECT(pfb_results_next_year_cut(r, 2, &project, NULL, NULL, NULL, NULL, NULL, &err_),
         PFB_OUT_OF_RANGE);
  CHECK(project == NULL);
  pfb_results_destroy(r);
  CHECK(pfb_results_next_year_count(NULL) == 0);
  CHECK(pfb_results_next_year_cut_fen(NULL) == 0);
}

/* The _with_policy forms take a loaded policy handle (NULL = the default) and
 * give what the text forms give under the same policy. */
static void test_with_policy_handle(const pfb_dataset* ds) {
  static const char kPolicy[] =
      "{\"rules\": {\"selfeval.self_score_inflated\": {\"enabled\": false}},"
      " \"result_application\": {\"grades\": {\"fair\": {\"action\": \"cut\","
      " \"cut_percent\": 20}}}}";
  pfb_policy* policy = NULL;
  pfb_self_evaluation* s = NULL;
  pfb_results* r = NULL;
  pfb_results_options ro = PFB_RESULTS_OPTIONS_INIT;
  pfb_self_evaluation_options so = PFB_SELF_EVALUATION_OPTIONS_INIT;

  EXPECT(pfb_policy_load_json(kPolicy, strlen(kPolicy), &policy, &err_), PFB_OK);
  /* NULL policy: the default, as the text form with no text. */
  EXPECT(pfb_self_evaluation_run_with_policy(ds, NULL, NULL, &s, &err_), PFB_OK);
  CHECK(pfb_self_evaluation_flag_count(s) == 3);
  pfb_self_evaluation_destroy(s);
  s = NULL;
  /* The handle switches the self-score check off: one flag fewer. */
  EXPECT(pfb_self_evaluation_run_with_policy(ds, policy, &so, &s, &err_), PFB_OK);
  CHECK(pfb_self_evaluation_flag_count(s) == 2);
  pfb_self_evaluation_destroy(s);
  s = NULL;
  so.version = 99;
  EXPECT(pfb_self_evaluation_run_with_policy(ds, policy, &so, &s, &err_), PFB_INVALID_ARGUMENT);
  CHECK(s == NULL);
  EXPECT(pfb_self_evaluation_run_with_policy(ds, policy, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);

  EXPECT(pfb_results_run_with_policy(ds, NULL, &ro, &r, &err_), PFB_OK);
  CHECK_I64(pfb_results_total_cut_fen(r), 240 * WAN);
  pfb_results_destroy(r);
  r = NULL;
  /* 中 (fair) cut by 20% instead of 10%: P001 loses 80万, not 40万. */
  EXPECT(pfb_results_run_with_policy(ds, policy, &ro, &r, &err_), PFB_OK);
  CHECK_I64(pfb_results_total_cut_fen(r), 280 * WAN);
  pfb_results_destroy(r);
  r = NULL;
  EXPECT(pfb_results_run_with_policy(NULL, policy, NULL, &r, &err_), PFB_INVALID_ARGUMENT);
  CHECK(r == NULL);
  pfb_policy_destroy(policy); /* results do not borrow from the policy */
}

int main(void) {
  pfb_dataset* ds = load();
  test_self_evaluation(ds);
  test_self_evaluation_options(ds);
  test_results(ds);
  test_results_next_year(ds);
  test_with_policy_handle(ds);
  pfb_dataset_destroy(ds);
  return check_report();
}
