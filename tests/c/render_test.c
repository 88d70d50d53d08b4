/* render_test.c: result export (pfb_render.h) from strict C99. Each result
 * handle — review, monitor, reclaim, curve, and the dataset summary — is
 * rendered and compared byte for byte with the CLI's golden output of the
 * same command (tests/cli/golden/<case>.out: the library has one renderer,
 * so C and the CLI must agree); then the error paths: NULL arguments, an
 * unknown options version, format, language, unit, row kind or flag bit, an
 * as-of date outside the year, and the out-parameters zeroed after each.
 * The year-end results — self-evaluation, result application, coverage,
 * rectification, disclosure, the core indicator list — the same way, on
 * tests/cli/data/selfeval.json and the three-year example.
 * Usage: perfbudget_c_render_test [scratch-dir] (unused); the source folder
 * is compiled in (PFB_SOURCE_DIR). Exits non-zero if any check failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "perfbudget/perfbudget.h"

#ifndef PFB_SOURCE_DIR
#error "PFB_SOURCE_DIR must name the source folder (tests/c_api.cmake)"
#endif

#define SUMA PFB_SOURCE_DIR "/examples/suma-park-2022/dataset.json"
#define SMALL PFB_SOURCE_DIR "/tests/cli/data/small.json"
#define AS_OF 20220831
#define SELFEVAL PFB_SOURCE_DIR "/tests/cli/data/selfeval.json"
#define Y21 PFB_SOURCE_DIR "/examples/suma-park-2021/dataset.json"
#define Y22 SUMA
#define Y23 PFB_SOURCE_DIR "/examples/suma-park-2023/dataset.json"

/* The whole file, NUL-terminated; NULL when it cannot be read. Free it. */
static char* read_file(const char* path) {
  FILE* f = fopen(path, "rb");
  char* text = NULL;
  long size = 0;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    text = (char*)malloc((size_t)size + 1);
    if (text != NULL && fread(text, 1, (size_t)size, f) != (size_t)size) {
      free(text);
      text = NULL;
    }
    if (text != NULL) text[size] = '\0';
  }
  fclose(f);
  return text;
}

/* The golden stdout of CLI case `name`. */
static char* golden(const char* name) {
  char path[1024];
  char* text;
  snprintf(path, sizeof path, "%s/tests/cli/golden/%s.out", PFB_SOURCE_DIR, name);
  text = read_file(path);
  if (text == NULL) fprintf(stderr, "cannot read %s\n", path);
  return text;
}

/* The rendered text equals the golden byte for byte (and its length is
 * out_len); on a difference prints where. Frees `got`. */
static void check_golden(const char* file, int line, char* got, size_t got_len, const char* name) {
  char* want = golden(name);
  ++g_checks;
  if (got == NULL || want == NULL) {
    ++g_failures;
    fprintf(stderr, "%s:%d: %s: nothing to compare (%s)\n", file, line, name,
            got == NULL ? "no output" : "no golden");
  } else if (strlen(got) != got_len || strcmp(got, want) != 0) {
    size_t i = 0;
    while (got[i] != '\0' && got[i] == want[i]) ++i;
    ++g_failures;
    fprintf(stderr,
            "%s:%d: %s differs at byte %lu (lengths %lu and %lu):\n  got  \"%.60s\"\n"
            "  want \"%.60s\"\n",
            file, line, name, (unsigned long)i, (unsigned long)got_len, (unsigned long)strlen(want),
            got + i, want + i);
  }
  free(want);
  pfb_string_free(got);
}
#define CHECK_GOLDEN(got, len, name) check_golden(__FILE__, __LINE__, (got), (len), (name))

static pfb_render_options options(int32_t format, int32_t lang) {
  pfb_render_options o = PFB_RENDER_OPTIONS_INIT;
  o.format = format;
  o.lang = lang;
  return o;
}

static pfb_dataset* load(const char* path) {
  pfb_dataset* ds = NULL;
  pfb_error* err = NULL;
  if (pfb_dataset_load(path, PFB_ENCODING_UTF8, &ds, &err) != PFB_OK) {
    fprintf(stderr, "cannot load %s: %s\n", path, pfb_error_message(err));
    pfb_error_destroy(err);
    return NULL;
  }
  return ds;
}

static void test_review(const pfb_dataset* suma) {
  pfb_policy* policy = NULL;
  pfb_review* r = NULL;
  char* out = NULL;
  size_t len = 0;
  pfb_render_options o;
  EXPECT(pfb_policy_load("suma-park", &policy, &err_), PFB_OK);
  EXPECT(pfb_review_dataset(suma, policy, NULL, 0, &r, &err_), PFB_OK);
  /* review --policy suma-park --format json | csv | text (zh, en) */
  o = options(PFB_FORMAT_JSON, PFB_LANG_ZH);
  EXPECT(pfb_review_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "review_suma_json");
  EXPECT(pfb_review_render(r, NULL, &out, &len, &err_), PFB_OK); /* NULL: the defaults (JSON) */
  CHECK_GOLDEN(out, len, "review_suma_json");
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  EXPECT(pfb_review_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "review_suma_csv");
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_review_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "review_suma_text_zh");
  o = options(PFB_FORMAT_TEXT, PFB_LANG_EN);
  EXPECT(pfb_review_render(r, &o, &out, NULL, &err_), PFB_OK); /* out_len may be NULL */
  CHECK_GOLDEN(out, out == NULL ? 0 : strlen(out), "review_suma_text_en");
  pfb_review_destroy(r);
  r = NULL;
  /* review --policy suma-park --project P0217 --all */
  EXPECT(pfb_review_dataset(suma, policy, "P0217", 0, &r, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  o.flags = PFB_RENDER_ALL_GOALS;
  EXPECT(pfb_review_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "review_suma_project");
  pfb_review_destroy(r);
  r = NULL;
  pfb_policy_destroy(policy);
  /* review (the default policy) */
  EXPECT(pfb_review_dataset(suma, NULL, NULL, 0, &r, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_review_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "review_suma_defaults");
  /* Errors: a NULL review or out; the out-parameters zeroed. */
  out = (char*)1;
  len = 99;
  EXPECT(pfb_review_render(NULL, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  len = 99;
  EXPECT(pfb_review_render(r, &o, NULL, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(len == 0);
  pfb_review_destroy(r);
}

static void test_monitor(const pfb_dataset* suma) {
  pfb_monitor* m = NULL;
  char* out = NULL;
  size_t len = 0;
  pfb_render_options o;
  /* monitor --as-of 2022-08-31 --format json | csv | text (zh, en) */
  EXPECT(pfb_monitor_run(suma, NULL, 0, AS_OF, &m, &err_), PFB_OK);
  o = options(PFB_FORMAT_JSON, PFB_LANG_ZH);
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "monitor_suma_json");
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "monitor_suma_csv");
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "monitor_suma_text_zh");
  o = options(PFB_FORMAT_TEXT, PFB_LANG_EN);
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "monitor_suma_text_en");
  /* Without the curve: the same document up to where the curve begins. */
  o = options(PFB_FORMAT_JSON, PFB_LANG_ZH);
  o.flags = PFB_RENDER_NO_CURVE;
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_OK);
  CHECK(out != NULL && strstr(out, "execution_curve") == NULL);
  CHECK_HAS(out, "\"as_of_source\": \"given\"");
  pfb_string_free(out);
  out = NULL;
  /* Bad options: each field, and the out-parameters zeroed. */
  o = options(PFB_FORMAT_TEXT + 1, PFB_LANG_ZH);
  out = (char*)1;
  len = 99;
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  o = options(-1, PFB_LANG_ZH);
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  o = options(PFB_FORMAT_CSV, 2);
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  o.unit = 3;
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  o.rows = PFB_ROW_JURISDICTION; /* the total is always shown: not a filter */
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  o.flags = 4u;
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  o.version = 0;
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  o.version = PFB_RENDER_OPTIONS_VERSION + 1;
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  EXPECT(pfb_monitor_render(NULL, NULL, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  pfb_monitor_destroy(m);
  m = NULL;
  /* The dataset's own as-of date: monitor --format csv; --level unit (text). */
  EXPECT(pfb_monitor_run(suma, NULL, 0, PFB_AS_OF_DATASET, &m, &err_), PFB_OK);
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "monitor_suma_default_as_of");
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  o.rows = PFB_ROW_UNIT;
  EXPECT(pfb_monitor_render(m, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "monitor_suma_default_as_of_unit_text");
  pfb_monitor_destroy(m);
}

static void test_reclaim(const pfb_dataset* suma) {
  pfb_reclaim* r = NULL;
  pfb_policy* policy = NULL;
  pfb_run_options run = PFB_RUN_OPTIONS_INIT;
  char* out = NULL;
  size_t len = 0;
  pfb_render_options o;
  EXPECT(pfb_reclaim_run(suma, NULL, 0, AS_OF, &r, &err_), PFB_OK);
  o = options(PFB_FORMAT_JSON, PFB_LANG_ZH);
  EXPECT(pfb_reclaim_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "reclaim_suma_json");
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  EXPECT(pfb_reclaim_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "reclaim_suma_csv");
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_reclaim_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "reclaim_suma_text_zh");
  o = options(PFB_FORMAT_TEXT, PFB_LANG_EN);
  EXPECT(pfb_reclaim_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "reclaim_suma_text_en");
  o = options(PFB_FORMAT_TEXT, 7);
  out = (char*)1;
  EXPECT(pfb_reclaim_render(r, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL);
  EXPECT(pfb_reclaim_render(NULL, NULL, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  pfb_reclaim_destroy(r);
  r = NULL;
  /* The policy-handle form at the dataset's date: reclaim --format csv;
   * reclaim --lang en (text). */
  EXPECT(pfb_policy_load("defaults", &policy, &err_), PFB_OK);
  EXPECT(pfb_reclaim_run_with_policy(suma, policy, &run, &r, &err_), PFB_OK);
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  EXPECT(pfb_reclaim_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "reclaim_suma_default_as_of");
  o = options(PFB_FORMAT_TEXT, PFB_LANG_EN);
  EXPECT(pfb_reclaim_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "reclaim_suma_default_as_of_en_text");
  pfb_reclaim_destroy(r);
  pfb_policy_destroy(policy);
}

static void test_curve(const pfb_dataset* suma) {
  pfb_curve* c = NULL;
  char* out = NULL;
  size_t len = 0;
  char* want = golden("monitor_suma_json");
  pfb_render_options o;
  EXPECT(pfb_curve_run(suma, NULL, 0, AS_OF, &c, &err_), PFB_OK);
  /* JSON: `execution_curve` is the last member of both documents, and the
   * same text from its key to the end as in monitor --format json. */
  o = options(PFB_FORMAT_JSON, PFB_LANG_ZH);
  EXPECT(pfb_curve_render(c, &o, &out, &len, &err_), PFB_OK);
  CHECK(out != NULL && len == strlen(out));
  if (out != NULL && want != NULL) {
    const char* got_curve = strstr(out, "\"execution_curve\"");
    const char* want_curve = strstr(want, "\"execution_curve\"");
    CHECK(got_curve != NULL && want_curve != NULL && strcmp(got_curve, want_curve) == 0);
    CHECK_HAS(out, "\"as_of\": \"2022-08-31\",\n  \"as_of_is_default\": false");
    CHECK_HAS(out, "\"amount_unit\": \"元\"");
  }
  pfb_string_free(out);
  out = NULL;
  /* CSV: a header and one row per point of every series. */
  o = options(PFB_FORMAT_CSV, PFB_LANG_EN);
  o.unit = PFB_UNIT_YUAN;
  EXPECT(pfb_curve_render(c, &o, &out, &len, &err_), PFB_OK);
  CHECK_HAS(out,
            "series,name,fiscal_month,date,current_budget_元,executed_元,"
            "execution_rate_percent,time_progress_percent\r\n");
  CHECK_HAS(out, ",8,2022-08-31,");
  if (out != NULL) {
    uint32_t lines = 0, points = 0, s, n = 0;
    const char* p;
    for (p = out; *p != '\0'; ++p) lines += *p == '\n';
    for (s = 0; s < pfb_curve_series_count(c); ++s) {
      EXPECT(pfb_curve_series(c, s, NULL, NULL, &n, &err_), PFB_OK);
      points += n;
    }
    CHECK_I64(lines, points + 1);
  }
  pfb_string_free(out);
  out = NULL;
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_curve_render(c, &o, &out, &len, &err_), PFB_OK);
  CHECK_HAS(out, "预算执行进度曲线");
  pfb_string_free(out);
  out = (char*)1;
  o.flags = 1u << 31;
  EXPECT(pfb_curve_render(c, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL);
  EXPECT(pfb_curve_render(NULL, NULL, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  pfb_curve_destroy(c);
  free(want);
}

static void test_summary(const pfb_dataset* suma, const pfb_dataset* small) {
  char* out = NULL;
  size_t len = 0;
  pfb_render_options o;
  /* summary --format json --lang en examples/suma-park-2022 (default as-of) */
  o = options(PFB_FORMAT_JSON, PFB_LANG_EN);
  EXPECT(pfb_dataset_summary_render(suma, PFB_AS_OF_DATASET, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "summary_suma_park_default_as_of_en_json");
  /* summary --format csv --as-of 2022-08-31 small.json */
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  EXPECT(pfb_dataset_summary_render(small, AS_OF, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "summary_csv_zh");
  /* summary --format csv --lang en --unit 元 small.json */
  o = options(PFB_FORMAT_CSV, PFB_LANG_EN);
  o.unit = PFB_UNIT_YUAN;
  EXPECT(pfb_dataset_summary_render(small, PFB_AS_OF_DATASET, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "summary_csv_en");
  /* text: no "数据：" line (it names the CLI's argument) */
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_dataset_summary_render(suma, AS_OF, &o, &out, &len, &err_), PFB_OK);
  CHECK_HAS(out, "截至日期：2022-08-31\n");
  CHECK(out != NULL && strstr(out, "数据：") == NULL);
  pfb_string_free(out);
  /* errors */
  out = (char*)1;
  len = 99;
  EXPECT(pfb_dataset_summary_render(suma, 20230101, &o, &out, &len, &err_), PFB_OUT_OF_RANGE);
  CHECK(out == NULL && len == 0);
  EXPECT(pfb_dataset_summary_render(suma, 20220230, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_summary_render(NULL, 0, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  o.unit = -1;
  EXPECT(pfb_dataset_summary_render(suma, 0, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
}

/* ---- the year-end analyses ---------------------------------------------------- */

static void test_self_evaluation(void) {
  pfb_dataset* selfeval = load(SELFEVAL);
  pfb_dataset* y21 = load(Y21);
  pfb_dataset* y22 = load(Y22);
  pfb_self_evaluation* s = NULL;
  pfb_self_evaluation_options run = PFB_SELF_EVALUATION_OPTIONS_INIT;
  char* out = NULL;
  size_t len = 0;
  pfb_render_options o;
  CHECK(selfeval != NULL && y21 != NULL && y22 != NULL);
  if (selfeval == NULL || y21 == NULL || y22 == NULL) goto done;
  /* evaluate --format json|csv|text (zh, en) selfeval.json */
  EXPECT(pfb_self_evaluation_run(selfeval, NULL, 0, NULL, &s, &err_), PFB_OK);
  o = options(PFB_FORMAT_JSON, PFB_LANG_EN);
  EXPECT(pfb_self_evaluation_render(s, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "evaluate_json_en");
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  EXPECT(pfb_self_evaluation_render(s, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "evaluate_csv_zh");
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_self_evaluation_render(s, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "evaluate_text_zh");
  o = options(PFB_FORMAT_TEXT, PFB_LANG_EN);
  EXPECT(pfb_self_evaluation_render(s, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "evaluate_text_en");
  /* errors: NULL handle or out, a bad option; the out-parameters zeroed */
  out = (char*)1;
  len = 99;
  EXPECT(pfb_self_evaluation_render(NULL, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  EXPECT(pfb_self_evaluation_render(s, &o, NULL, &len, &err_), PFB_INVALID_ARGUMENT);
  o.lang = 2;
  out = (char*)1;
  EXPECT(pfb_self_evaluation_render(s, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  pfb_self_evaluation_destroy(s);
  s = NULL;
  /* evaluate --lang en --as-of 2021-12-31 selfeval.json */
  run.as_of = 20211231;
  EXPECT(pfb_self_evaluation_run(selfeval, NULL, 0, &run, &s, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_EN);
  EXPECT(pfb_self_evaluation_render(s, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "evaluate_as_of_en");
  pfb_self_evaluation_destroy(s);
  s = NULL;
  /* evaluate examples/suma-park-2021 --reports examples/suma-park-2022 */
  run = (pfb_self_evaluation_options)PFB_SELF_EVALUATION_OPTIONS_INIT;
  run.reports = (const pfb_dataset* const*)&y22;
  run.report_count = 1;
  EXPECT(pfb_self_evaluation_run(y21, NULL, 0, &run, &s, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_self_evaluation_render(s, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "evaluate_suma_2021");
  o = options(PFB_FORMAT_JSON, PFB_LANG_EN);
  EXPECT(pfb_self_evaluation_render(s, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "evaluate_suma_2021_json_en");
  pfb_self_evaluation_destroy(s);
done:
  pfb_dataset_destroy(selfeval);
  pfb_dataset_destroy(y21);
  pfb_dataset_destroy(y22);
}

static void test_results(void) {
  pfb_dataset* selfeval = load(SELFEVAL);
  pfb_dataset* y22 = load(Y22);
  pfb_dataset* y23 = load(Y23);
  pfb_results* r = NULL;
  pfb_results_options run = PFB_RESULTS_OPTIONS_INIT;
  char* out = NULL;
  size_t len = 0;
  pfb_render_options o;
  CHECK(selfeval != NULL && y22 != NULL && y23 != NULL);
  if (selfeval == NULL || y22 == NULL || y23 == NULL) goto done;
  /* results --format json|csv|text selfeval.json */
  EXPECT(pfb_results_run(selfeval, NULL, 0, NULL, &r, &err_), PFB_OK);
  o = options(PFB_FORMAT_JSON, PFB_LANG_ZH);
  EXPECT(pfb_results_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "results_json");
  o = options(PFB_FORMAT_CSV, PFB_LANG_EN);
  EXPECT(pfb_results_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "results_csv_en");
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_results_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "results_text_zh");
  o = options(PFB_FORMAT_TEXT, PFB_LANG_EN); /* --lang en --unit 元 */
  o.unit = PFB_UNIT_YUAN;
  EXPECT(pfb_results_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "results_text_en");
  out = (char*)1;
  len = 99;
  EXPECT(pfb_results_render(NULL, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  o.format = 3;
  out = (char*)1;
  EXPECT(pfb_results_render(r, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  pfb_results_destroy(r);
  r = NULL;
  /* results examples/suma-park-2022 [--next examples/suma-park-2023] */
  EXPECT(pfb_results_run(y22, NULL, 0, NULL, &r, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_results_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "results_suma_park");
  pfb_results_destroy(r);
  r = NULL;
  run.next_year = y23;
  EXPECT(pfb_results_run(y22, NULL, 0, &run, &r, &err_), PFB_OK);
  EXPECT(pfb_results_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "results_suma_next_year");
  o = options(PFB_FORMAT_JSON, PFB_LANG_ZH);
  EXPECT(pfb_results_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "results_suma_next_year_json");
  pfb_results_destroy(r);
done:
  pfb_dataset_destroy(selfeval);
  pfb_dataset_destroy(y22);
  pfb_dataset_destroy(y23);
}

static void test_coverage(void) {
  pfb_dataset* y21 = load(Y21);
  pfb_dataset* y22 = load(Y22);
  pfb_dataset* y23 = load(Y23);
  const pfb_dataset* history[2];
  pfb_coverage* c = NULL;
  pfb_coverage_options run = PFB_COVERAGE_OPTIONS_INIT;
  char* out = NULL;
  size_t len = 0;
  pfb_render_options o;
  CHECK(y21 != NULL && y22 != NULL && y23 != NULL);
  if (y21 == NULL || y22 == NULL || y23 == NULL) goto done;
  history[0] = y21;
  history[1] = y22;
  /* coverage [--format json|csv] y23 --history y21 --history y22 */
  EXPECT(pfb_coverage_run(y23, history, 2, NULL, NULL, &c, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_coverage_render(c, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "coverage_suma_2023");
  o = options(PFB_FORMAT_JSON, PFB_LANG_EN);
  EXPECT(pfb_coverage_render(c, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "coverage_suma_2023_en_json");
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  EXPECT(pfb_coverage_render(c, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "coverage_suma_2023_csv");
  out = (char*)1;
  len = 99;
  EXPECT(pfb_coverage_render(NULL, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  o.rows = 7;
  EXPECT(pfb_coverage_render(c, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  pfb_coverage_destroy(c);
  c = NULL;
  /* coverage --max-projects 3 --lang en y23 --history y21 --history y22 */
  run.max_projects = 3;
  EXPECT(pfb_coverage_run(y23, history, 2, NULL, &run, &c, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_EN);
  EXPECT(pfb_coverage_render(c, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "coverage_suma_2023_tight");
  pfb_coverage_destroy(c);
  c = NULL;
  /* coverage --lang en y22 --history y21 */
  EXPECT(pfb_coverage_run(y22, history, 1, NULL, NULL, &c, &err_), PFB_OK);
  EXPECT(pfb_coverage_render(c, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "coverage_suma_2022_en");
  pfb_coverage_destroy(c);
done:
  pfb_dataset_destroy(y21);
  pfb_dataset_destroy(y22);
  pfb_dataset_destroy(y23);
}

static void test_rectification_and_disclosure(void) {
  pfb_dataset* y21 = load(Y21);
  pfb_dataset* y22 = load(Y22);
  pfb_dataset* y23 = load(Y23);
  pfb_rectification* r = NULL;
  pfb_rectification_options run = PFB_RECTIFICATION_OPTIONS_INIT;
  pfb_disclosure* d = NULL;
  char* out = NULL;
  size_t len = 0;
  pfb_render_options o;
  CHECK(y21 != NULL && y22 != NULL && y23 != NULL);
  if (y21 == NULL || y22 == NULL || y23 == NULL) goto done;
  /* rectification [--lang en --format json | --format csv] --as-of 2022-12-31 y22 */
  run.as_of = 20221231;
  EXPECT(pfb_rectification_run(y22, NULL, &run, &r, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_rectification_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "rectification_suma_2022");
  o = options(PFB_FORMAT_JSON, PFB_LANG_EN);
  EXPECT(pfb_rectification_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "rectification_suma_2022_en_json");
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  EXPECT(pfb_rectification_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "rectification_suma_2022_csv");
  out = (char*)1;
  len = 99;
  EXPECT(pfb_rectification_render(NULL, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  o.flags = 8u;
  EXPECT(pfb_rectification_render(r, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  pfb_rectification_destroy(r);
  r = NULL;
  /* rectification --lang en y21 (the dataset's own date) */
  EXPECT(pfb_rectification_run(y21, NULL, NULL, &r, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_EN);
  EXPECT(pfb_rectification_render(r, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "rectification_suma_2021_en");
  pfb_rectification_destroy(r);

  /* disclosure y22; --lang en y23; --format json y23; --format csv --lang en y21 */
  EXPECT(pfb_disclosure_run(y22, NULL, NULL, &d, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_disclosure_render(d, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "disclosure_suma_2022");
  pfb_disclosure_destroy(d);
  d = NULL;
  EXPECT(pfb_disclosure_run(y23, NULL, NULL, &d, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_EN);
  EXPECT(pfb_disclosure_render(d, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "disclosure_suma_2023_en");
  o = options(PFB_FORMAT_JSON, PFB_LANG_ZH);
  EXPECT(pfb_disclosure_render(d, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "disclosure_suma_2023_json");
  out = (char*)1;
  len = 99;
  EXPECT(pfb_disclosure_render(NULL, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  o.version = 0;
  EXPECT(pfb_disclosure_render(d, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  pfb_disclosure_destroy(d);
  d = NULL;
  EXPECT(pfb_disclosure_run(y21, NULL, NULL, &d, &err_), PFB_OK);
  o = options(PFB_FORMAT_CSV, PFB_LANG_EN);
  EXPECT(pfb_disclosure_render(d, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "disclosure_suma_2021_csv");
  pfb_disclosure_destroy(d);
done:
  pfb_dataset_destroy(y21);
  pfb_dataset_destroy(y22);
  pfb_dataset_destroy(y23);
}

static void test_indicator_list(void) {
  pfb_indicator_list* list = NULL;
  pfb_indicators_options io = PFB_INDICATORS_OPTIONS_INIT;
  char* out = NULL;
  size_t len = 0;
  pfb_render_options o;
  /* indicators suggest --category 市政管护 (text) */
  io.category = "市政管护";
  EXPECT(pfb_indicators_suggest(NULL, &io, &list, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_ZH);
  EXPECT(pfb_indicator_list_render(list, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "indicators_suggest_zh");
  out = (char*)1;
  len = 99;
  EXPECT(pfb_indicator_list_render(NULL, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  o.unit = 5;
  EXPECT(pfb_indicator_list_render(list, &o, &out, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(out == NULL && len == 0);
  pfb_indicator_list_destroy(list);
  list = NULL;
  /* --category 高标准农田 --lang en; --category 农机补贴 --format json;
   * --category 疾控 --format csv */
  io.category = "高标准农田";
  EXPECT(pfb_indicators_suggest(NULL, &io, &list, &err_), PFB_OK);
  o = options(PFB_FORMAT_TEXT, PFB_LANG_EN);
  EXPECT(pfb_indicator_list_render(list, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "indicators_suggest_en");
  pfb_indicator_list_destroy(list);
  list = NULL;
  io.category = "农机补贴";
  EXPECT(pfb_indicators_suggest(NULL, &io, &list, &err_), PFB_OK);
  EXPECT(pfb_indicator_list_render(list, NULL, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "indicators_suggest_json");
  pfb_indicator_list_destroy(list);
  list = NULL;
  io.category = "疾控";
  EXPECT(pfb_indicators_suggest(NULL, &io, &list, &err_), PFB_OK);
  o = options(PFB_FORMAT_CSV, PFB_LANG_ZH);
  EXPECT(pfb_indicator_list_render(list, &o, &out, &len, &err_), PFB_OK);
  CHECK_GOLDEN(out, len, "indicators_suggest_csv");
  pfb_indicator_list_destroy(list);
}

int main(void) {
  pfb_dataset* suma = load(SUMA);
  pfb_dataset* small = load(SMALL);
  CHECK(suma != NULL && small != NULL);
  if (suma != NULL && small != NULL) {
    test_review(suma);
    test_monitor(suma);
    test_reclaim(suma);
    test_curve(suma);
    test_summary(suma, small);
  }
  test_self_evaluation();
  test_results();
  test_coverage();
  test_rectification_and_disclosure();
  test_indicator_list();
  pfb_dataset_destroy(suma);
  pfb_dataset_destroy(small);
  return check_report();
}
