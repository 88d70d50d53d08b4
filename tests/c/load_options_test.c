/* load_options_test.c: pfb_dataset_load_with_options and its versioned
 * pfb_load_options, from strict C99: the _INIT defaults, NULL options, the
 * version and range checks, and the same dataset and the same diagnostics
 * for any thread count (a synthesized year written as CSV, its
 * disbursements large enough to be read in chunks).
 * Usage: perfbudget_c_load_options_test [scratch-dir]. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "perfbudget/perfbudget.h"

static char g_dir[4096];

/* The dataset at g_dir loaded with `options`, as JSON (owned), or NULL. */
static char* load_json(const pfb_load_options* options) {
  pfb_dataset* ds = NULL;
  pfb_error* err = NULL;
  char* json = NULL;
  if (pfb_dataset_load_with_options(g_dir, options, &ds, &err) != PFB_OK) {
    fprintf(stderr, "load: %s\n", pfb_error_message(err));
    pfb_error_destroy(err);
    return NULL;
  }
  if (pfb_dataset_to_json(ds, PFB_JSON_COMPACT, &json, NULL, &err) != PFB_OK) {
    pfb_error_destroy(err);
    json = NULL;
  }
  pfb_dataset_destroy(ds);
  return json;
}

/* The diagnostics of a failed load, one a line (owned), or NULL. */
static char* load_diagnostics(const pfb_load_options* options) {
  pfb_dataset* ds = NULL;
  pfb_error* err = NULL;
  size_t size = 1, used = 0;
  char* text = NULL;
  uint32_t i;
  if (pfb_dataset_load_with_options(g_dir, options, &ds, &err) != PFB_INVALID_ARGUMENT) {
    pfb_dataset_destroy(ds);
    pfb_error_destroy(err);
    return NULL;
  }
  for (i = 0; i < pfb_error_diagnostic_count(err); ++i) {
    size += strlen(pfb_error_diagnostic_file(err, i)) +
            strlen(pfb_error_diagnostic_message(err, i)) + 64;
  }
  text = (char*)malloc(size);
  if (text == NULL) abort();
  text[0] = '\0';
  for (i = 0; i < pfb_error_diagnostic_count(err); ++i) {
    used += (size_t)sprintf(text + used, "%s:%d:%d %s\n", pfb_error_diagnostic_file(err, i),
                            (int)pfb_error_diagnostic_line(err, i),
                            (int)pfb_error_diagnostic_column(err, i),
                            pfb_error_diagnostic_message(err, i));
  }
  sprintf(text + used, "dropped %u\n", (unsigned)pfb_error_diagnostics_dropped(err));
  pfb_error_destroy(err);
  return text;
}

static void test_init_and_checks(void) {
  pfb_load_options o = PFB_LOAD_OPTIONS_INIT;
  pfb_dataset* ds = NULL;
  CHECK_I64(o.version, PFB_LOAD_OPTIONS_VERSION);
  CHECK_I64(o.encoding, PFB_ENCODING_UTF8);
  CHECK_I64(o.threads, 0);
  CHECK_I64(o.max_errors, 100);
  CHECK_I64(o.max_file_bytes, 4294967296LL);
  CHECK_I64(o.max_depth, 64);

  o.version = 2;
  EXPECT(pfb_dataset_load_with_options(g_dir, &o, &ds, &err_), PFB_INVALID_ARGUMENT);
  CHECK(ds == NULL);
  o.version = PFB_LOAD_OPTIONS_VERSION;
  o.encoding = 7;
  EXPECT(pfb_dataset_load_with_options(g_dir, &o, &ds, &err_), PFB_INVALID_ARGUMENT);
  o.encoding = PFB_ENCODING_UTF8;
  o.max_errors = 0;
  EXPECT(pfb_dataset_load_with_options(g_dir, &o, &ds, &err_), PFB_INVALID_ARGUMENT);
  o.max_errors = 100;
  o.max_file_bytes = 0;
  EXPECT(pfb_dataset_load_with_options(g_dir, &o, &ds, &err_), PFB_INVALID_ARGUMENT);
  o.max_file_bytes = 4294967297ULL;
  EXPECT(pfb_dataset_load_with_options(g_dir, &o, &ds, &err_), PFB_INVALID_ARGUMENT);
  o.max_file_bytes = 4294967296ULL;
  o.max_depth = 0;
  EXPECT(pfb_dataset_load_with_options(g_dir, &o, &ds, &err_), PFB_INVALID_ARGUMENT);
  o.max_depth = 1025;
  EXPECT(pfb_dataset_load_with_options(g_dir, &o, &ds, &err_), PFB_INVALID_ARGUMENT);
  o.max_depth = 64;
  EXPECT(pfb_dataset_load_with_options(NULL, &o, &ds, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_load_with_options(g_dir, &o, NULL, &err_), PFB_INVALID_ARGUMENT);

  /* A limit that holds: a table above 1000 bytes is a located diagnostic. */
  {
    pfb_error* err = NULL;
    o.max_file_bytes = 1000;
    CHECK(pfb_dataset_load_with_options(g_dir, &o, &ds, &err) == PFB_INVALID_ARGUMENT);
    CHECK(ds == NULL);
    CHECK(pfb_error_diagnostic_count(err) > 0);
    pfb_error_destroy(err);
  }

  /* Good options load; NULL options are the defaults. */
  o.max_file_bytes = 4294967296ULL;
  o.threads = 2;
  EXPECT(pfb_dataset_load_with_options(g_dir, &o, &ds, &err_), PFB_OK);
  CHECK(ds != NULL);
  pfb_dataset_destroy(ds);
  ds = NULL;
  EXPECT(pfb_dataset_load_with_options(g_dir, NULL, &ds, &err_), PFB_OK);
  CHECK(ds != NULL);
  pfb_dataset_destroy(ds);
}

static void test_same_for_any_thread_count(void) {
  /* A few counts: the C++ tests (ParallelCsvTest) try many thread counts and
   * chunk sizes; this one that the option reaches the library. */
  static const uint32_t kThreads[] = {3, 0};
  pfb_load_options o = PFB_LOAD_OPTIONS_INIT;
  char* one = NULL;
  size_t k;
  o.threads = 1;
  one = load_json(&o);
  CHECK(one != NULL);
  if (one == NULL) return;
  for (k = 0; k < sizeof kThreads / sizeof kThreads[0]; ++k) {
    char* json = NULL;
    o.threads = kThreads[k];
    json = load_json(&o);
    CHECK(json != NULL && strcmp(json, one) == 0);
    pfb_string_free(json);
  }
  pfb_string_free(one);
}

static void test_same_diagnostics_for_any_thread_count(void) {
  static const uint32_t kThreads[] = {3};
  char path[4200];
  FILE* f = NULL;
  pfb_load_options o = PFB_LOAD_OPTIONS_INIT;
  char* one = NULL;
  size_t k;
  /* Bad rows at the end of two tables. */
  sprintf(path, "%s/disbursements.csv", g_dir);
  f = fopen(path, "ab");
  CHECK(f != NULL);
  if (f == NULL) return;
  fputs("V-bad,P-nope,2022-13-45,general_budget,abc\n", f);
  fclose(f);
  sprintf(path, "%s/units.csv", g_dir);
  f = fopen(path, "ab");
  CHECK(f != NULL);
  if (f == NULL) return;
  fputs("\"broken\"x,unit\n", f);
  fclose(f);

  o.threads = 1;
  o.max_errors = 2;
  one = load_diagnostics(&o);
  CHECK(one != NULL);
  if (one == NULL) return;
  CHECK_HAS(one, "units.csv");
  CHECK_HAS(one, "dropped 1");
  for (k = 0; k < sizeof kThreads / sizeof kThreads[0]; ++k) {
    char* text = NULL;
    o.threads = kThreads[k];
    text = load_diagnostics(&o);
    CHECK(text != NULL && strcmp(text, one) == 0);
    free(text);
  }
  free(one);
}

int main(int argc, char** argv) {
  const char* scratch = argc > 1 ? argv[1] : ".";
  pfb_dataset* ds = NULL;
  if (mkdir(scratch, 0777) != 0 && errno != EEXIST) {
    perror(scratch);
    return 1;
  }
  if (strlen(scratch) > 4000) return 1;
  sprintf(g_dir, "%s/year", scratch);
  /* ~66,000 disbursements: over 2 MiB of CSV, read in chunks; one indicator
   * a goal keeps the load quick under the sanitizers. */
  EXPECT(pfb_dataset_synth(7, 40, 6000, 1, 11, 2022, 1, 0u, &ds, &err_), PFB_OK);
  EXPECT(pfb_dataset_write_csv(ds, g_dir, PFB_ENCODING_UTF8, 0u, &err_), PFB_OK);
  pfb_dataset_destroy(ds);

  test_init_and_checks();
  test_same_for_any_thread_count();
  test_same_diagnostics_for_any_thread_count();
  return check_report();
}
