/* render_test.c: result export (pfb_render.h) from strict C99. Each result
 * handle — review, monitor, reclaim, curve, and the dataset summary — is
 * rendered and compared byte for byte with the CLI's golden output of the
 * same command (tests/cli/golden/<case>.out: the library has one renderer,
 * so C and the CLI must agree); then the error paths: NULL arguments, an
 * unknown options version, format, language, unit, row kind or flag bit, an
 * as-of date outside the year, and the out-parameters zeroed after each.
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
  pfb_dataset_destroy(suma);
  pfb_dataset_destroy(small);
  return check_report();
}
