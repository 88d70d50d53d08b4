/* review_test.c: exercises every function of pfb_review.h from strict C99:
 * policies (built-in, JSON, to_json), a dataset review with its summary,
 * goals, findings and gates, one project's review, a single goal, the
 * no-messages flag, and the error paths (NULL arguments, an unknown policy
 * name, bad policy JSON, an unknown project or goal, bad flags, indexes out
 * of range). Usage: perfbudget_c_review_test [scratch-dir] (unused).
 * Prints each failed check and exits non-zero if any failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "perfbudget/perfbudget.h"

/* Fiscal year 2022:
 *   P001 continuing, 500万元: a sound goal (no findings, 优).
 *   P002 new, applies for 300万元 (≥ 100万元): ex-ante total 43 → not
 *        supported, blocked; its goal's satisfaction target 75% < 80%.
 *   G-U01 a unit-level goal without indicators: missing_level1 (blocker, 差). */
static const char kJson[] =
    "{\"format\":\"perfbudget-dataset\",\"version\":1,"
    "\"jurisdiction\":{\"code\":\"341300\",\"name\":\"宿马园区\"},"
    "\"fiscal_year\":{\"year\":2022,\"start_month\":1,\"named_by_end\":false},"
    "\"units\":[{\"id\":\"U01\",\"name\":\"宿马园区城乡建设局\"}],"
    "\"projects\":["
    "{\"id\":\"P001\",\"unit\":\"U01\",\"name\":\"园区主干道维修改造项目\",\"category\":\"市政管护\","
    "\"kind\":\"continuing\",\"status\":\"in_progress\",\"requested\":\"500万元\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"500万元\"}]},"
    "{\"id\":\"P002\",\"unit\":\"U01\",\"name\":\"园区绿化提升项目\",\"category\":\"园林绿化\","
    "\"kind\":\"new\",\"status\":\"planned\",\"requested\":\"300万元\"}],"
    "\"goals\":["
    "{\"id\":\"G-P001\",\"owner\":\"project\",\"project\":\"P001\","
    "\"text\":\"完成园区主干道维修改造12公里，保障道路通行安全\",\"indicators\":["
    "{\"id\":\"1\",\"level1\":\"output\",\"level2\":\"quantity\",\"name\":\"主干道维修长度\","
    "\"target\":\"≥12公里\"},"
    "{\"id\":\"2\",\"level1\":\"output\",\"level2\":\"quality\",\"name\":\"维修工程验收合格率\","
    "\"target\":\"≥98%\"},"
    "{\"id\":\"3\",\"level1\":\"benefit\",\"level2\":\"social_benefit\",\"name\":\"道路通行能力提升\","
    "\"target\":\"≥20%\"},"
    "{\"id\":\"4\",\"level1\":\"satisfaction\",\"level2\":\"beneficiary_satisfaction\","
    "\"name\":\"沿线群众满意度\",\"target\":\"≥90%\"}]},"
    "{\"id\":\"G-P002\",\"owner\":\"project\",\"project\":\"P002\","
    "\"text\":\"完成园区绿化提升5万平方米，改善园区生态环境\",\"indicators\":["
    "{\"id\":\"1\",\"level1\":\"output\",\"level2\":\"quantity\",\"name\":\"园区绿化提升面积\","
    "\"target\":\"≥5万平方米\"},"
    "{\"id\":\"2\",\"level1\":\"benefit\",\"level2\":\"ecological_benefit\",\"name\":\"园区绿化覆盖率\","
    "\"target\":\"≥40%\"},"
    "{\"id\":\"3\",\"level1\":\"satisfaction\",\"level2\":\"beneficiary_satisfaction\","
    "\"name\":\"园区企业满意度\",\"target\":\"≥75%\"}]},"
    "{\"id\":\"G-U01\",\"owner\":\"unit\",\"unit\":\"U01\","
    "\"text\":\"履行园区城乡建设管理职能\",\"indicators\":[]}],"
    "\"ex_ante\":[{\"project\":\"P002\",\"date\":\"2021-10-20\",\"requested\":\"300万元\","
    "\"scores\":{\"necessity\":\"10\",\"economy\":\"8\",\"goal_soundness\":\"9\","
    "\"feasibility\":\"8\",\"funding_compliance\":\"8\"}}]}";

#define WAN 1000000LL /* 1 万元 in fen */

static pfb_dataset* load(void) {
  pfb_dataset* ds = NULL;
  pfb_error* err = NULL;
  int32_t rc = pfb_dataset_from_json(kJson, strlen(kJson), "review.json", &ds, &err);
  if (rc != PFB_OK) {
    uint32_t i;
    fprintf(stderr, "cannot load the test dataset: %s\n", pfb_error_message(err));
    for (i = 0; i < pfb_error_diagnostic_count(err); ++i) {
      fprintf(stderr, "  %s\n", pfb_error_diagnostic_message(err, i));
    }
    pfb_error_destroy(err);
    return NULL;
  }
  return ds;
}

/* The position of the finding with `code` in goal `g`, or PFB_NO_INDEX. */
static uint32_t find_code(const pfb_review* r, uint32_t g, const char* code) {
  uint32_t first = pfb_review_goal_first_finding(r, g);
  uint32_t n = pfb_review_goal_finding_count(r, g);
  uint32_t i;
  for (i = first; i < first + n; ++i) {
    if (strcmp(pfb_review_finding_code(r, i), code) == 0) return i;
  }
  return PFB_NO_INDEX;
}

static void test_policies(void) {
  pfb_policy* p = NULL;
  char* json = NULL;
  size_t len = 0;
  static const char kOwn[] =
      "{\"name\":\"strict\",\"extends\":\"central\","
      "\"rules\":{\"appropriateness.satisfaction_too_low\":{\"params\":{\"min_percent\":85}}}}";
  static const char kBad[] =
      "{\"name\":\"bad\",\"rules\":{\"completeness.nope\":{},"
      "\"appropriateness.satisfaction_too_low\":{\"deduction\":-1}}}";

  EXPECT(pfb_policy_load("suma-park", &p, &err_), PFB_OK);
  CHECK_STR(pfb_policy_name(p), "suma-park");
  EXPECT(pfb_policy_to_json(p, &json, &len, &err_), PFB_OK);
  CHECK(json != NULL && len == strlen(json));
  CHECK_HAS(json, "\"feasibility.missing_ex_ante\"");
  pfb_string_free(json);
  pfb_policy_destroy(p);

  p = NULL;
  EXPECT(pfb_policy_load_json(kOwn, strlen(kOwn), &p, &err_), PFB_OK);
  CHECK_STR(pfb_policy_name(p), "strict");
  json = NULL;
  EXPECT(pfb_policy_to_json(p, &json, NULL, &err_), PFB_OK);
  CHECK_HAS(json, "\"completeness.missing_cost\"");
  pfb_string_free(json);
  pfb_policy_destroy(p);

  /* Errors. */
  p = (pfb_policy*)1;
  EXPECT(pfb_policy_load("no-such-profile", &p, &err_), PFB_NOT_FOUND);
  CHECK(p == NULL);
  EXPECT(pfb_policy_load(NULL, &p, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_policy_load("defaults", NULL, &err_), PFB_INVALID_ARGUMENT);
  {
    pfb_error* err = NULL;
    p = (pfb_policy*)1;
    CHECK_I64(pfb_policy_load_json(kBad, strlen(kBad), &p, &err), PFB_INVALID_ARGUMENT);
    CHECK(p == NULL);
    CHECK(pfb_error_diagnostic_count(err) >= 2); /* unknown rule code; negative deduction */
    CHECK_HAS(pfb_error_diagnostic_path(err, 0), "completeness.nope");
    pfb_error_destroy(err);
  }
  EXPECT(pfb_policy_load_json("{", 1, &p, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_policy_load_json(NULL, 3, &p, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_policy_to_json(NULL, &json, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK_STR(pfb_policy_name(NULL), "");
  pfb_policy_destroy(NULL);
}

static void test_dataset_review(const pfb_dataset* ds) {
  pfb_review* r = NULL;
  uint32_t g, i, n;
  EXPECT(pfb_review_dataset(ds, NULL, NULL, 0, &r, &err_), PFB_OK);
  if (r == NULL) return;
  CHECK_I64(pfb_review_summary_value(r, "goals"), 3);
  CHECK_I64(pfb_review_summary_value(r, "project_goals.goals"), 2);
  CHECK_I64(pfb_review_summary_value(r, "unit_goals.goals"), 1);
  CHECK_I64(pfb_review_summary_value(r, "excellent"), 1); /* G-P001 */
  CHECK_I64(pfb_review_summary_value(r, "poor"), 2);      /* G-P002 (ex-ante), G-U01 */
  CHECK_I64(pfb_review_summary_value(r, "passed"), 1);
  CHECK_I64(pfb_review_summary_value(r, "blocked"), 2);
  CHECK_I64(pfb_review_summary_value(r, "ex_ante_assessed"), 1);
  CHECK_I64(pfb_review_summary_value(r, "ex_ante_not_supported"), 1);
  CHECK_I64(pfb_review_summary_value(r, "ex_ante_cut"), 300 * WAN);
  CHECK_I64(pfb_review_summary_value(r, "projects"), 2);
  CHECK_I64(pfb_review_summary_value(r, "projects_entering"), 1);
  CHECK_I64(pfb_review_summary_value(r, "projects_blocked"), 1);
  CHECK_I64(pfb_review_summary_value(r, "amount_blocked"), 300 * WAN);
  CHECK_I64(pfb_review_summary_value(r, "any_blocked"), 1);
  CHECK_I64(pfb_review_summary_value(r, "no_such_key"), -1);
  CHECK_I64(pfb_review_summary_value(r, NULL), -1);
  CHECK_I64(pfb_review_summary_value(NULL, "goals"), -1);

  CHECK_I64(pfb_review_goal_count(r), 3);
  CHECK_STR(pfb_review_goal_id(r, 0), "G-P001");
  CHECK_STR(pfb_review_goal_project(r, 0), "P001");
  CHECK_STR(pfb_review_goal_unit(r, 0), "U01");
  CHECK_I64(pfb_review_goal_owner(r, 0), 0);
  CHECK_STR(pfb_review_goal_score(r, 0), "100");
  CHECK_I64(pfb_review_goal_grade(r, 0), PFB_GRADE_EXCELLENT);
  CHECK_I64(pfb_review_goal_consequence(r, 0), PFB_CONSEQUENCE_PROCEED);
  CHECK_I64(pfb_review_goal_finding_count(r, 0), 0);

  /* G-P002: satisfaction 75% < 80% (3 points, 97) and the ex-ante blocker:
   * 差, the score capped to the top of 差 (59). */
  CHECK_STR(pfb_review_goal_id(r, 1), "G-P002");
  CHECK_STR(pfb_review_goal_score(r, 1), "59");
  CHECK_I64(pfb_review_goal_grade(r, 1), PFB_GRADE_POOR);
  CHECK_I64(pfb_review_goal_consequence(r, 1), PFB_CONSEQUENCE_BLOCKED);
  i = find_code(r, 1, "appropriateness.satisfaction_too_low");
  CHECK(i != PFB_NO_INDEX);
  CHECK_I64(pfb_review_finding_goal(r, i), 1);
  CHECK_I64(pfb_review_finding_dimension(r, i), PFB_DIMENSION_APPROPRIATENESS);
  CHECK_I64(pfb_review_finding_severity(r, i), PFB_SEVERITY_WARNING);
  CHECK_STR(pfb_review_finding_deduction(r, i), "3");
  CHECK_HAS(pfb_review_finding_message(r, i, "zh"), "满意度指标“园区企业满意度”的指标值75%低于80%");
  CHECK_HAS(pfb_review_finding_message(r, i, NULL), "75%低于80%");
  CHECK_HAS(pfb_review_finding_message(r, i, "en"), "the target 75% is below 80%");
  CHECK_I64(pfb_review_finding_indicator(r, i), 2);
  CHECK_STR(pfb_review_finding_indicator_id(r, i), "3");
  CHECK_STR(pfb_review_finding_field(r, i), "target");
  i = find_code(r, 1, "feasibility.ex_ante_not_supported");
  CHECK(i != PFB_NO_INDEX);
  CHECK_I64(pfb_review_finding_severity(r, i), PFB_SEVERITY_BLOCKER);
  CHECK_I64(pfb_review_finding_dimension(r, i), PFB_DIMENSION_FEASIBILITY);
  CHECK_I64(pfb_review_finding_indicator(r, i), PFB_NO_INDEX);
  CHECK_HAS(pfb_review_finding_message(r, i, "zh"), "得分43分，低于60分");

  /* G-U01: no indicators at all. */
  CHECK_I64(pfb_review_goal_owner(r, 2), 1);
  CHECK_STR(pfb_review_goal_project(r, 2), "");
  CHECK_I64(pfb_review_goal_grade(r, 2), PFB_GRADE_POOR);
  CHECK(find_code(r, 2, "completeness.missing_level1") != PFB_NO_INDEX);

  /* Findings are numbered across the review, in goal order. */
  n = 0;
  for (g = 0; g < pfb_review_goal_count(r); ++g) {
    CHECK_I64(pfb_review_goal_first_finding(r, g), n);
    n += pfb_review_goal_finding_count(r, g);
  }
  CHECK_I64(pfb_review_finding_count(r), n);
  CHECK_I64(pfb_review_summary_value(r, "comments"), n);

  /* Gates. */
  CHECK_I64(pfb_review_gate_count(r), 2);
  CHECK_STR(pfb_review_gate_project(r, 0), "P001");
  CHECK_I64(pfb_review_gate_may_enter(r, 0), 1);
  CHECK_I64(pfb_review_gate_amount(r, 0), 500 * WAN);
  CHECK_STR(pfb_review_gate_reasons(r, 0), "");
  CHECK_STR(pfb_review_gate_project(r, 1), "P002");
  CHECK_I64(pfb_review_gate_may_enter(r, 1), 0);
  CHECK_I64(pfb_review_gate_amount(r, 1), 300 * WAN);
  /* Blocked by the assessment (its goal is 差 only because of it). */
  CHECK_STR(pfb_review_gate_reasons(r, 1), "feasibility.ex_ante_not_supported");

  /* Out of range. */
  CHECK_STR(pfb_review_goal_id(r, 3), "");
  CHECK_STR(pfb_review_goal_project(r, 3), "");
  CHECK_STR(pfb_review_goal_unit(r, 3), "");
  CHECK_I64(pfb_review_goal_owner(r, 3), -1);
  CHECK_STR(pfb_review_goal_score(r, 3), "");
  CHECK_I64(pfb_review_goal_grade(r, 3), -1);
  CHECK_I64(pfb_review_goal_consequence(r, 3), -1);
  CHECK_I64(pfb_review_finding_goal(r, n), PFB_NO_INDEX);
  CHECK_STR(pfb_review_finding_code(r, n), "");
  CHECK_I64(pfb_review_finding_dimension(r, n), -1);
  CHECK_I64(pfb_review_finding_severity(r, n), -1);
  CHECK_STR(pfb_review_finding_deduction(r, n), "");
  CHECK_STR(pfb_review_finding_message(r, n, "zh"), "");
  CHECK_I64(pfb_review_finding_indicator(r, n), PFB_NO_INDEX);
  CHECK_STR(pfb_review_finding_indicator_id(r, n), "");
  CHECK_STR(pfb_review_finding_field(r, n), "");
  CHECK_STR(pfb_review_gate_project(r, 2), "");
  CHECK_I64(pfb_review_gate_may_enter(r, 2), -1);
  CHECK_I64(pfb_review_gate_amount(r, 2), 0);
  CHECK_STR(pfb_review_gate_reasons(r, 2), "");
  pfb_review_destroy(r);

  /* NULL review: empty answers. */
  CHECK_I64(pfb_review_goal_count(NULL), 0);
  CHECK_I64(pfb_review_goal_first_finding(NULL, 0), 0);
  CHECK_I64(pfb_review_goal_finding_count(NULL, 0), 0);
  CHECK_I64(pfb_review_finding_count(NULL), 0);
  CHECK_I64(pfb_review_gate_count(NULL), 0);
  CHECK_STR(pfb_review_finding_message(NULL, 0, "en"), "");
  pfb_review_destroy(NULL);
}

static void test_scoped_and_flags(const pfb_dataset* ds) {
  pfb_review* r = NULL;
  pfb_policy* p = NULL;
  uint32_t i;
  /* One project: its goal and gate only. */
  EXPECT(pfb_review_dataset(ds, NULL, "P001", 0, &r, &err_), PFB_OK);
  CHECK_I64(pfb_review_goal_count(r), 1);
  CHECK_I64(pfb_review_gate_count(r), 1);
  CHECK_I64(pfb_review_summary_value(r, "any_blocked"), 0);
  pfb_review_destroy(r);

  /* No unit goals, no messages, a policy with a stricter satisfaction bar. */
  {
    static const char kFour[] =
        "{\"rules\":{\"appropriateness.satisfaction_too_low\":{\"deduction\":4}}}";
    EXPECT(pfb_policy_load_json(kFour, strlen(kFour), &p, &err_), PFB_OK);
  }
  r = NULL;
  EXPECT(
      pfb_review_dataset(ds, p, "", PFB_REVIEW_NO_UNIT_GOALS | PFB_REVIEW_NO_MESSAGES, &r, &err_),
      PFB_OK);
  CHECK_I64(pfb_review_goal_count(r), 2);
  i = find_code(r, 1, "appropriateness.satisfaction_too_low");
  CHECK(i != PFB_NO_INDEX);
  CHECK_STR(pfb_review_finding_deduction(r, i), "4");
  CHECK_STR(pfb_review_finding_message(r, i, "zh"), "");
  CHECK_STR(pfb_review_goal_score(r, 1), "59"); /* 96 points, capped by the blocker */
  pfb_review_destroy(r);
  pfb_policy_destroy(p);

  /* One goal on its own, with its project's ex-ante status. */
  r = NULL;
  EXPECT(pfb_review_goal(ds, NULL, "G-P002", 0, &r, &err_), PFB_OK);
  CHECK_I64(pfb_review_goal_count(r), 1);
  CHECK_I64(pfb_review_gate_count(r), 0);
  CHECK_STR(pfb_review_goal_score(r, 0), "59");
  CHECK_I64(pfb_review_goal_grade(r, 0), PFB_GRADE_POOR);
  CHECK(find_code(r, 0, "feasibility.ex_ante_not_supported") != PFB_NO_INDEX);
  CHECK_I64(pfb_review_summary_value(r, "goals"), 1);
  CHECK_I64(pfb_review_summary_value(r, "blocked"), 1);
  CHECK_I64(pfb_review_summary_value(r, "any_blocked"), 1);
  pfb_review_destroy(r);

  /* Errors. */
  r = (pfb_review*)1;
  EXPECT(pfb_review_dataset(ds, NULL, "P999", 0, &r, &err_), PFB_NOT_FOUND);
  CHECK(r == NULL);
  EXPECT(pfb_review_dataset(NULL, NULL, NULL, 0, &r, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_review_dataset(ds, NULL, NULL, 0, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_review_dataset(ds, NULL, NULL, 64u, &r, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_review_goal(ds, NULL, "G-NOPE", 0, &r, &err_), PFB_NOT_FOUND);
  EXPECT(pfb_review_goal(ds, NULL, NULL, 0, &r, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_review_goal(NULL, NULL, "G-P001", 0, &r, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_review_goal(ds, NULL, "G-P001", 0, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_review_goal(ds, NULL, "G-P001", 64u, &r, &err_), PFB_INVALID_ARGUMENT);
  /* A NULL error pointer is fine. */
  CHECK_I64(pfb_review_dataset(ds, NULL, "P999", 0, &r, NULL), PFB_NOT_FOUND);
}

static void test_indicators(void) {
  pfb_indicator_list* l = NULL;
  pfb_indicators_options o = PFB_INDICATORS_OPTIONS_INIT;
  uint32_t i, n;
  int found = 0;
  EXPECT(pfb_indicators_suggest(NULL, &o, &l, &err_), PFB_INVALID_ARGUMENT); /* no category */
  o.category = "无此类别";
  EXPECT(pfb_indicators_suggest(NULL, &o, &l, &err_), PFB_NOT_FOUND);
  CHECK(l == NULL);
  o.category = "高标准农田";
  EXPECT(pfb_indicators_suggest(NULL, &o, &l, &err_), PFB_OK);
  if (l == NULL) return;
  CHECK_STR(pfb_indicator_list_category(l), "高标准农田");
  n = pfb_indicator_list_count(l);
  CHECK(n >= 3);
  for (i = 0; i < n; ++i) {
    if (strcmp(pfb_indicator_list_name(l, i), "农田灌溉水有效利用系数") != 0) continue;
    found = 1;
    CHECK_STR(pfb_indicator_list_unit(l, i), "");
    CHECK_STR(pfb_indicator_list_low(l, i), "0.45");
    CHECK_STR(pfb_indicator_list_high(l, i), "0.75");
    CHECK_I64(pfb_indicator_list_level1(l, i), PFB_L1_BENEFIT);
    CHECK_I64(pfb_indicator_list_comparator(l, i), PFB_CMP_GE);
  }
  CHECK(found);
  CHECK_STR(pfb_indicator_list_name(l, n), "");
  CHECK_I64(pfb_indicator_list_required(l, n), -1);
  pfb_indicator_list_destroy(l);
  pfb_indicator_list_destroy(NULL);
  o.version = 99;
  EXPECT(pfb_indicators_suggest(NULL, &o, &l, &err_), PFB_INVALID_ARGUMENT);
}

int main(int argc, char** argv) {
  pfb_dataset* ds;
  (void)argc;
  (void)argv;
  test_policies();
  test_indicators();
  ds = load();
  if (ds == NULL) return 1;
  test_dataset_review(ds);
  test_scoped_and_flags(ds);
  pfb_dataset_destroy(ds);
  return check_report();
}
