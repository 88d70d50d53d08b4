/* capi_robustness_test.c: adversarial use of the pfb_core.h C ABI from
 * strict C99. Every call here gets bad input: NULL for each pointer argument,
 * zero lengths, invalid UTF-8 in each string argument, every prefix of a
 * valid JSON document, byte-mutated and oddly shaped JSON, amounts at the
 * int64 limits, dates outside the fiscal year, a builder used after build,
 * NULL handles everywhere. Each call must fail cleanly: a PFB_* status, an
 * error object with the same code and a UTF-8 message, out-parameters left
 * 0 / NULL. Never a crash. Run it under valgrind or an ASan build
 * (-DPERFBUDGET_SANITIZE=ON) to catch leaks and bad reads as well.
 * Usage: perfbudget_c_capi_robustness_test [scratch-dir]. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "perfbudget/perfbudget.h"

/* EXPECT checks a failure's error object in full (every accessor, UTF-8). */
static int error_is_proper(const pfb_error* err, int32_t want);
#define CHECK_ERROR_IS_PROPER(err, code) error_is_proper((err), (code))
#include "check.h"

/* Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). */
static int valid_utf8(const char* s) {
  const unsigned char* p = (const unsigned char*)s;
  while (*p != 0) {
    unsigned c = *p;
    int n;
    unsigned min;
    unsigned cp;
    int k;
    if (c < 0x80) {
      ++p;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      min = 0x80;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      min = 0x800;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      min = 0x10000;
      cp = c & 0x07;
    } else {
      return 0;
    }
    for (k = 1; k <= n; ++k) {
      if ((p[k] & 0xC0) != 0x80) return 0;
      cp = (cp << 6) | (p[k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    p += n + 1;
  }
  return 1;
}

/* Checks every accessor of an error object: code, message, diagnostics (in
 * and out of range). Returns 1 when it is a proper error with code `want`. */
static int error_is_proper(const pfb_error* err, int32_t want) {
  uint32_t i, n;
  if (err == NULL) return 0;
  if (pfb_error_code(err) != want) return 0;
  if (pfb_error_message(err)[0] == '\0' || !valid_utf8(pfb_error_message(err))) return 0;
  n = pfb_error_diagnostic_count(err);
  for (i = 0; i <= n; ++i) { /* i == n: out of range */
    int32_t kind = pfb_error_diagnostic_kind(err, i);
    const char* strings[7];
    int k;
    strings[0] = pfb_error_diagnostic_file(err, i);
    strings[1] = pfb_error_diagnostic_path(err, i);
    strings[2] = pfb_error_diagnostic_field(err, i);
    strings[3] = pfb_error_diagnostic_value(err, i);
    strings[4] = pfb_error_diagnostic_expected(err, i);
    strings[5] = pfb_error_diagnostic_message(err, i);
    strings[6] = pfb_diagnostic_kind_name(kind);
    for (k = 0; k < 7; ++k) {
      if (strings[k] == NULL || !valid_utf8(strings[k])) return 0;
    }
    if (i < n) {
      if (kind < PFB_DIAG_SYNTAX || kind > PFB_DIAG_IO) return 0;
      if (strings[5][0] == '\0') return 0; /* every diagnostic says what */
      if (pfb_error_diagnostic_line(err, i) < 0 || pfb_error_diagnostic_column(err, i) < 0) {
        return 0;
      }
    } else {
      if (kind != -1 || strings[5][0] != '\0' || pfb_error_diagnostic_line(err, i) != 0) return 0;
    }
  }
  if (pfb_error_diagnostic_kind(err, UINT32_MAX) != -1) return 0;
  return 1;
}

/* The same call with err == NULL must give the same status (and leak nothing). */
#define EXPECT2(call_with_err, call_without_err, want) \
  do {                                                 \
    EXPECT(call_with_err, want);                       \
    CHECK((call_without_err) == (want));               \
  } while (0)

/* Any failure, with a proper error object. */
static void expect_failure(int line, int32_t got, pfb_error* err) {
  ++g_checks;
  if (got == PFB_OK || !error_is_proper(err, got)) {
    ++g_failures;
    fprintf(stderr, "%s:%d: status %s, want a proper failure\n", __FILE__, line,
            pfb_status_name(got));
  }
  pfb_error_destroy(err);
}
#define EXPECT_FAIL(call)                \
  do {                                   \
    pfb_error* err_ = NULL;              \
    int32_t rc_ = (call);                \
    expect_failure(__LINE__, rc_, err_); \
  } while (0)

/* A valid dataset (the same figures as capi_test.c, shorter). */
static const char kJson[] =
    "{\"format\":\"perfbudget-dataset\",\"version\":1,"
    "\"jurisdiction\":{\"code\":\"341300\",\"name\":\"宿马园区\"},"
    "\"fiscal_year\":{\"year\":2022,\"start_month\":1,\"named_by_end\":false},"
    "\"title\":\"robustness\","
    "\"units\":[{\"id\":\"U01\",\"name\":\"园区管委会\"}],"
    "\"projects\":["
    "{\"id\":\"P001\",\"unit\":\"U01\",\"name\":\"园区道路维修\",\"kind\":\"continuing\","
    "\"key\":true,\"status\":\"in_progress\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"500万元\"}],"
    "\"adjustments\":[{\"date\":\"2022-09-15\",\"source\":\"general_budget\","
    "\"amount\":\"-100万元\",\"reason\":\"压减\"}]}],"
    "\"goals\":[{\"id\":\"G1\",\"owner\":\"project\",\"project\":\"P001\",\"text\":\"维修\","
    "\"indicators\":[{\"id\":\"1\",\"level1\":\"output\",\"level2\":\"quantity\","
    "\"name\":\"长度\",\"comparator\":\"ge\",\"target\":\"12\",\"weight\":\"20\"}]}],"
    "\"disbursements\":[{\"id\":\"V1\",\"project\":\"P001\",\"date\":\"2022-03-10\","
    "\"source\":\"general_budget\",\"amount\":\"35万元\"}]}";

/* Loads `len` bytes copied into a buffer of exactly that size (so a read past
 * the end shows under ASan / valgrind). Returns the status; checks the
 * invariants of success and failure. */
static int32_t load_exact(const char* bytes, size_t len, int line) {
  char* copy = (char*)malloc(len == 0 ? 1 : len);
  pfb_dataset* ds = (pfb_dataset*)&g_checks; /* junk: must be reset */
  pfb_error* err = (pfb_error*)&g_checks;
  int32_t rc;
  if (copy == NULL) return -1;
  if (len > 0) memcpy(copy, bytes, len);
  rc = pfb_dataset_from_json(copy, len, "fuzz.json", &ds, &err);
  ++g_checks;
  if (rc == PFB_OK) {
    if (ds == NULL || err != NULL) {
      ++g_failures;
      fprintf(stderr, "%s:%d: success without a dataset\n", __FILE__, line);
    }
  } else if (ds != NULL || !error_is_proper(err, rc)) {
    ++g_failures;
    fprintf(stderr, "%s:%d: bad failure (len %lu, status %d, dataset %p)\n", __FILE__, line,
            (unsigned long)len, (int)rc, (void*)ds);
  }
  if (rc == PFB_OK) pfb_dataset_destroy(ds);
  pfb_error_destroy(rc == PFB_OK ? NULL : err);
  free(copy);
  return rc;
}

/* ---- JSON ---------------------------------------------------------------- */

static void test_json_prefixes(void) {
  size_t len = strlen(kJson), n;
  int bad = 0;
  CHECK(load_exact(kJson, len, __LINE__) == PFB_OK);
  for (n = 0; n < len; ++n) {
    int32_t rc = load_exact(kJson, n, __LINE__);
    if (rc != PFB_INVALID_ARGUMENT && bad++ < 5) {
      ++g_failures;
      fprintf(stderr, "prefix of %lu bytes: status %d, want INVALID_ARGUMENT\n", (unsigned long)n,
              (int)rc);
    }
  }
  /* Also every suffix (a document that starts in the middle). */
  for (n = 1; n < len; ++n) load_exact(kJson + n, len - n, __LINE__);
}

static void test_json_mutations(void) {
  static const char kReplacements[] = {'"', '}', ']', '\0', '\\', (char)0xFF, '9', ','};
  size_t len = strlen(kJson), i, r;
  char* buf = (char*)malloc(len);
  if (buf == NULL) return;
  for (i = 0; i < len; ++i) {
    for (r = 0; r < sizeof kReplacements; ++r) {
      memcpy(buf, kJson, len);
      buf[i] = kReplacements[r];
      load_exact(buf, len, __LINE__);
    }
    /* Drop byte i. */
    memcpy(buf, kJson, i);
    memcpy(buf + i, kJson + i + 1, len - i - 1);
    load_exact(buf, len - 1, __LINE__);
  }
  free(buf);
}

static void test_json_shapes(void) {
  static const char* const kShapes[] = {
      "",
      " ",
      "\n\t ",
      "null",
      "true",
      "0",
      "-1",
      "1e999999",
      "\"x\"",
      "[]",
      "{}",
      "[{}]",
      "{\"format\":1}",
      "{\"format\":\"perfbudget-dataset\"}",
      "{\"format\":\"perfbudget-dataset\",\"version\":99}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"units\":{}}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"units\":[1,2,3]}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"units\":[{\"id\":[]}]}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"fiscal_year\":{\"year\":1e308}}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,"
      "\"fiscal_year\":{\"year\":99999999999999999999999}}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"fiscal_year\":{\"year\":-2022}}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"fiscal_year\":{\"year\":2022.5}}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"title\":\"\\ud800\"}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"title\":\"\\u0000\"}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"title\":\"\xff\xfe\"}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"title\":\"\xe4\xb8\"}",
      "{\"format\":\"perfbudget-dataset\",\"format\":\"perfbudget-dataset\",\"version\":1}",
      "\xef\xbb\xbf{}",
      "{}{}",
      "{} x",
      "{\"a\":}",
      "{\"a\" 1}",
      "{,}",
      "[,]",
      "{\"a\":1,}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"projects\":[{\"id\":\"P\","
      "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"99999999999999999999万元\"}]}]}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"projects\":[{\"id\":\"P\","
      "\"funds\":[{\"source\":\"general_budget\",\"approved\":9.5e20}]}]}",
      "{\"format\":\"perfbudget-dataset\",\"version\":1,\"projects\":[{\"id\":\"P\","
      "\"funds\":[{\"source\":\"general_budget\",\"approved\":0.001}]}]}",
  };
  size_t i;
  for (i = 0; i < sizeof kShapes / sizeof kShapes[0]; ++i) {
    CHECK(load_exact(kShapes[i], strlen(kShapes[i]), __LINE__) != PFB_OK);
  }
  /* Embedded NUL bytes: the length counts, not the terminator. */
  {
    static const char kNul[] = "{\"format\":\"perfbudget-\0dataset\",\"version\":1}";
    CHECK(load_exact(kNul, sizeof kNul - 1, __LINE__) != PFB_OK);
  }
  /* Deep nesting and long runs. */
  {
    size_t depth = 100000, k;
    char* deep = (char*)malloc(2 * depth);
    if (deep != NULL) {
      for (k = 0; k < depth; ++k) deep[k] = '[';
      for (k = 0; k < depth; ++k) deep[depth + k] = ']';
      CHECK(load_exact(deep, 2 * depth, __LINE__) != PFB_OK);
      CHECK(load_exact(deep, depth, __LINE__) != PFB_OK);
      for (k = 0; k < depth; ++k) deep[k] = '{';
      CHECK(load_exact(deep, depth, __LINE__) != PFB_OK);
      memset(deep, '"', 2 * depth);
      CHECK(load_exact(deep, 2 * depth - 1, __LINE__) != PFB_OK);
      free(deep);
    }
  }
  /* Every byte value alone. */
  {
    int b;
    for (b = 0; b < 256; ++b) {
      char c = (char)b;
      CHECK(load_exact(&c, 1, __LINE__) != PFB_OK);
    }
  }
}

/* ---- CSV tables: truncated and mutated -------------------------------------- */

static char* read_file(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* data;
  long n;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return NULL;
  }
  data = (char*)malloc((size_t)n + 1);
  if (data != NULL && fread(data, 1, (size_t)n, f) != (size_t)n) {
    free(data);
    data = NULL;
  }
  fclose(f);
  *len = (size_t)n;
  return data;
}

static int write_file(const char* path, const char* data, size_t len) {
  FILE* f = fopen(path, "wb");
  int ok;
  if (f == NULL) return 0;
  ok = fwrite(data, 1, len, f) == len;
  return fclose(f) == 0 && ok;
}

/* Loads the CSV folder `dir`; checks the invariants of success and failure. */
static void load_dir(const char* dir, int32_t encoding, int line) {
  pfb_dataset* ds = (pfb_dataset*)&g_checks;
  pfb_error* err = (pfb_error*)&g_checks;
  int32_t rc = pfb_dataset_load(dir, encoding, &ds, &err);
  ++g_checks;
  if (rc == PFB_OK ? (ds == NULL || err != NULL) : (ds != NULL || !error_is_proper(err, rc))) {
    ++g_failures;
    fprintf(stderr, "%s:%d: bad outcome loading %s (status %d)\n", __FILE__, line, dir, (int)rc);
  }
  if (rc == PFB_OK) {
    pfb_dataset_destroy(ds);
  } else {
    pfb_error_destroy(err);
  }
}

static void test_csv_mutations(const char* scratch) {
  static const char* const kTables[] = {"dataset.csv", "units.csv",      "projects.csv",
                                        "funds.csv",   "indicators.csv", "disbursements.csv"};
  static const char kReplacements[] = {'"', ',', '\n', (char)0xFF, '\0'};
  char dir[400], path[512];
  pfb_dataset* ds = NULL;
  size_t t;
  snprintf(dir, sizeof dir, "%s/fuzz_csv", scratch);
  EXPECT(pfb_dataset_from_json(kJson, strlen(kJson), NULL, &ds, &err_), PFB_OK);
  EXPECT(pfb_dataset_write_csv(ds, dir, PFB_ENCODING_UTF8, 0, &err_), PFB_OK);
  pfb_dataset_destroy(ds);
  load_dir(dir, PFB_ENCODING_UTF8, __LINE__);
  for (t = 0; t < sizeof kTables / sizeof kTables[0]; ++t) {
    size_t len = 0, i, r;
    char* original;
    char* buf;
    snprintf(path, sizeof path, "%s/%s", dir, kTables[t]);
    original = read_file(path, &len);
    CHECK(original != NULL);
    if (original == NULL) continue;
    buf = (char*)malloc(len + 1);
    if (buf == NULL) {
      free(original);
      continue;
    }
    for (i = 0; i <= len; ++i) { /* every truncation, both encodings */
      CHECK(write_file(path, original, i));
      load_dir(dir, PFB_ENCODING_UTF8, __LINE__);
      load_dir(dir, PFB_ENCODING_GB18030, __LINE__);
    }
    for (i = 0; i < len; ++i) { /* every byte replaced */
      for (r = 0; r < sizeof kReplacements; ++r) {
        memcpy(buf, original, len);
        buf[i] = kReplacements[r];
        CHECK(write_file(path, buf, len));
        load_dir(dir, PFB_ENCODING_UTF8, __LINE__);
      }
    }
    /* Gone entirely. */
    CHECK(remove(path) == 0);
    load_dir(dir, PFB_ENCODING_UTF8, __LINE__);
    CHECK(write_file(path, original, len));
    free(buf);
    free(original);
  }
  load_dir(dir, PFB_ENCODING_UTF8, __LINE__);
}

/* ---- NULL everywhere ------------------------------------------------------ */

static void test_nulls(const char* scratch) {
  pfb_dataset* ds = NULL;
  pfb_builder* b = NULL;
  const char* s = "junk";
  char* owned = (char*)&g_checks;
  uint32_t u = 7;
  int64_t fen = 7;
  size_t len = 7;
  char path[512];

  /* destroy / free accept NULL. */
  pfb_error_destroy(NULL);
  pfb_dataset_destroy(NULL);
  pfb_builder_destroy(NULL);
  pfb_string_free(NULL);

  /* Getters on NULL. */
  CHECK(pfb_dataset_fiscal_year(NULL) == 0);
  CHECK(pfb_dataset_fiscal_year_start_month(NULL) == 0);
  CHECK(strcmp(pfb_dataset_jurisdiction_code(NULL), "") == 0);
  CHECK(strcmp(pfb_dataset_jurisdiction_name(NULL), "") == 0);
  CHECK(strcmp(pfb_dataset_title(NULL), "") == 0);
  CHECK(pfb_dataset_unit_count(NULL) == 0);
  CHECK(pfb_dataset_project_count(NULL) == 0);
  CHECK(pfb_dataset_goal_count(NULL) == 0);
  CHECK(pfb_dataset_indicator_count(NULL) == 0);
  CHECK(pfb_dataset_disbursement_count(NULL) == 0);
  CHECK(pfb_error_code(NULL) == PFB_OK);
  CHECK(strcmp(pfb_error_message(NULL), "") == 0);
  CHECK(pfb_error_diagnostic_count(NULL) == 0);
  CHECK(pfb_error_diagnostics_dropped(NULL) == 0);
  CHECK(pfb_error_diagnostic_kind(NULL, 0) == -1);
  CHECK(strcmp(pfb_error_diagnostic_file(NULL, 0), "") == 0);
  CHECK(pfb_error_diagnostic_line(NULL, 0) == 0);
  CHECK(pfb_error_diagnostic_column(NULL, 0) == 0);
  CHECK(strcmp(pfb_error_diagnostic_path(NULL, 0), "") == 0);
  CHECK(strcmp(pfb_error_diagnostic_field(NULL, 0), "") == 0);
  CHECK(strcmp(pfb_error_diagnostic_value(NULL, 0), "") == 0);
  CHECK(strcmp(pfb_error_diagnostic_expected(NULL, 0), "") == 0);
  CHECK(strcmp(pfb_error_diagnostic_message(NULL, 0), "") == 0);
  CHECK(strcmp(pfb_diagnostic_kind_name(-1), "") == 0);
  CHECK(strcmp(pfb_diagnostic_kind_name(INT32_MIN), "") == 0);
  CHECK(strcmp(pfb_diagnostic_kind_name(INT32_MAX), "") == 0);
  CHECK(strcmp(pfb_status_name(INT32_MIN), "UNKNOWN") == 0);
  CHECK(strcmp(pfb_status_name(-1), "UNKNOWN") == 0);

  /* Money. */
  EXPECT2(pfb_money_parse(NULL, 1, PFB_UNIT_YUAN, &fen, &err_),
          pfb_money_parse(NULL, 1, PFB_UNIT_YUAN, &fen, NULL), PFB_INVALID_ARGUMENT);
  CHECK(fen == 0);
  EXPECT(pfb_money_parse(NULL, 0, PFB_UNIT_YUAN, &fen, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_parse("", 0, PFB_UNIT_YUAN, &fen, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_parse("12", 0, PFB_UNIT_YUAN, &fen, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_parse("12", 2, PFB_UNIT_YUAN, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT2(pfb_money_format(1, PFB_UNIT_YUAN, 0, -1, NULL, &len, &err_),
          pfb_money_format(1, PFB_UNIT_YUAN, 0, -1, NULL, &len, NULL), PFB_INVALID_ARGUMENT);
  CHECK(len == 0);

  /* Dataset load / export. */
  ds = (pfb_dataset*)&g_checks;
  EXPECT2(pfb_dataset_from_json(NULL, 0, NULL, &ds, &err_),
          pfb_dataset_from_json(NULL, 0, NULL, &ds, NULL), PFB_INVALID_ARGUMENT);
  CHECK(ds == NULL);
  EXPECT(pfb_dataset_from_json(NULL, 5, NULL, &ds, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_from_json(kJson, 0, NULL, &ds, &err_), PFB_INVALID_ARGUMENT);
  CHECK(ds == NULL);
  EXPECT(pfb_dataset_from_json(kJson, strlen(kJson), NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_load(NULL, PFB_ENCODING_UTF8, &ds, &err_), PFB_INVALID_ARGUMENT);
  EXPECT_FAIL(pfb_dataset_load("", PFB_ENCODING_UTF8, &ds, &err_));
  CHECK(ds == NULL);
  EXPECT(pfb_dataset_load("x.json", PFB_ENCODING_UTF8, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT_FAIL(pfb_dataset_load(scratch, PFB_ENCODING_UTF8, &ds, &err_));
  CHECK(ds == NULL);
  snprintf(path, sizeof path, "%s/nul-\xff.json", scratch);
  EXPECT(pfb_dataset_load(path, PFB_ENCODING_UTF8, &ds, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_from_json(kJson, strlen(kJson), NULL, &ds, &err_), PFB_OK);
  if (ds == NULL) return;

  EXPECT(pfb_dataset_to_json(NULL, 0, &owned, &len, &err_), PFB_INVALID_ARGUMENT);
  CHECK(owned == NULL && len == 0);
  EXPECT(pfb_dataset_to_json(ds, 0, NULL, &len, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_to_json(ds, 0, &owned, NULL, &err_), PFB_OK);
  pfb_string_free(owned);
  EXPECT(pfb_dataset_to_json(ds, UINT32_MAX, &owned, NULL, &err_), PFB_INVALID_ARGUMENT);
  CHECK(owned == NULL);
  EXPECT(pfb_dataset_write_csv(ds, NULL, PFB_ENCODING_UTF8, 0, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_write_csv(ds, "\xc3\x28", PFB_ENCODING_UTF8, 0, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_write_csv(ds, path, INT32_MIN, 0, &err_), PFB_INVALID_ARGUMENT);
  CHECK(pfb_dataset_write_csv(NULL, NULL, PFB_ENCODING_UTF8, 0, NULL) == PFB_INVALID_ARGUMENT);

  /* Records. */
  s = "junk";
  EXPECT(pfb_dataset_unit_id(ds, 0, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_unit_name(ds, 0, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_project_id(ds, 0, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_project_name(ds, 0, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_project_unit(ds, 0, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_unit_id(NULL, 0, &s, &err_), PFB_INVALID_ARGUMENT);
  CHECK(s == NULL);
  EXPECT(pfb_dataset_unit_name(NULL, 0, &s, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_project_id(NULL, 0, &s, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_project_name(NULL, 0, &s, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_project_unit(NULL, 0, &u, &err_), PFB_INVALID_ARGUMENT);
  CHECK(u == 0);
  EXPECT(pfb_dataset_unit_id(ds, UINT32_MAX, &s, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_dataset_unit_name(ds, 1, &s, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_dataset_project_id(ds, UINT32_MAX, &s, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_dataset_project_name(ds, 1, &s, &err_), PFB_OUT_OF_RANGE);
  u = 7;
  EXPECT(pfb_dataset_project_unit(ds, UINT32_MAX, &u, &err_), PFB_OUT_OF_RANGE);
  CHECK(u == 0);
  u = 7;
  EXPECT(pfb_dataset_find_unit(ds, NULL, &u, &err_), PFB_INVALID_ARGUMENT);
  CHECK(u == 0);
  EXPECT(pfb_dataset_find_unit(ds, "U01", NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_find_unit(ds, "", &u, &err_), PFB_NOT_FOUND);
  EXPECT(pfb_dataset_find_unit(ds, "\xed\xa0\x80", &u, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_find_project(ds, NULL, &u, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_find_project(ds, "P001", NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_find_project(NULL, "P001", &u, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_find_project(ds, "\xf4\x90\x80\x80", &u, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_find_project(ds, "P001\xe4\xb8", &u, &err_), PFB_INVALID_ARGUMENT);

  /* Totals: all out pointers may be NULL; bad dates and indexes fail. */
  EXPECT(pfb_dataset_totals(ds, 0, NULL, NULL, NULL, &err_), PFB_OK);
  EXPECT(pfb_dataset_unit_totals(ds, 0, 0, NULL, NULL, NULL, &err_), PFB_OK);
  EXPECT(pfb_dataset_project_totals(ds, 0, 0, NULL, NULL, NULL, &err_), PFB_OK);
  EXPECT(pfb_dataset_fund_source_totals(ds, 0, 0, NULL, NULL, NULL, &err_), PFB_OK);
  fen = 7;
  EXPECT(pfb_dataset_totals(ds, -20220101, &fen, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  CHECK(fen == 0);
  EXPECT(pfb_dataset_totals(ds, INT32_MAX, &fen, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_totals(ds, INT32_MIN, &fen, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_totals(ds, 13991231, &fen, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_totals(ds, 20220000, &fen, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_totals(ds, 99991231, &fen, NULL, NULL, &err_), PFB_OK);
  EXPECT(pfb_dataset_unit_totals(ds, UINT32_MAX, 0, &fen, NULL, NULL, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_dataset_project_totals(ds, UINT32_MAX, 0, &fen, NULL, NULL, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_dataset_fund_source_totals(ds, INT32_MIN, 0, &fen, NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_fund_source_totals(ds, INT32_MAX, 0, &fen, NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_fund_source_totals(ds, 0, 1, &fen, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);

  /* Builder. */
  EXPECT(pfb_builder_create(NULL, NULL, 2022, 1, 0, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  b = (pfb_builder*)&g_checks;
  EXPECT(pfb_builder_create(NULL, NULL, 2022, 0, 0, NULL, &b, &err_), PFB_INVALID_ARGUMENT);
  CHECK(b == NULL);
  EXPECT(pfb_builder_create(NULL, NULL, INT32_MIN, 1, 0, NULL, &b, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_create(NULL, NULL, INT32_MAX, 1, 0, NULL, &b, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_create(NULL, NULL, 2022, INT32_MIN, 0, NULL, &b, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_create(NULL, NULL, 1400, 4, PFB_NAMED_BY_END, NULL, &b, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_create(NULL, NULL, 2022, 1, UINT32_MAX, NULL, &b, &err_),
         PFB_INVALID_ARGUMENT);
  CHECK(b == NULL);
  EXPECT(pfb_builder_set_origin(NULL, "x", 1, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_unit(NULL, "U", "n", &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_project(NULL, "P", "U", "n", NULL, 0, 0, 0, 0, 0, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_fund_line(NULL, "P", 0, 1, 0, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_adjustment(NULL, "P", 20220101, 0, 1, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_planned_payment(NULL, "P", 20220101, 1, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_goal(NULL, "G", PFB_GOAL_PROJECT, "P", NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_indicator(NULL, "G", "1", 0, 0, "n", 0, "1", NULL, NULL, NULL, NULL, 0,
                                   NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_actual(NULL, "G", "1", 20220101, "1", PFB_GRADE_NONE, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_disbursement(NULL, NULL, "P", 20220101, 0, 1, &err_),
         PFB_INVALID_ARGUMENT);
  pfb_dataset_destroy(ds);
  {
    pfb_dataset* out = (pfb_dataset*)&g_checks;
    EXPECT(pfb_builder_build(NULL, &out, &err_), PFB_INVALID_ARGUMENT);
    CHECK(out == NULL);
    CHECK(pfb_builder_build(NULL, NULL, NULL) == PFB_INVALID_ARGUMENT);
  }
}

/* ---- builder: every string argument bad in turn -------------------------- */

enum {
  kUnit,
  kProject,
  kFundLine,
  kAdjustment,
  kPayment,
  kGoal,
  kIndicator,
  kActual,
  kDisbursement,
  kOrigin,
  kFunctionCount
};
/* Number of string arguments of each, and which may be NULL ("" = optional). */
static const char* const kOptional[kFunctionCount] = {"rr",   "rrro",     "r",    "ro", "r",
                                                      "rroo", "rorooooo", "rooo", "or", "o"};

/* Calls builder function `f` with string arguments `s` (valid elsewhere). */
static int32_t call_builder(pfb_builder* b, int f, const char* const* s, pfb_error** err) {
  switch (f) {
    case kUnit:
      return pfb_builder_add_unit(b, s[0], s[1], err);
    case kProject:
      return pfb_builder_add_project(b, s[0], s[1], s[2], s[3], PFB_PROJECT_NEW,
                                     PFB_STATUS_IN_PROGRESS, 2022, 0, 0, err);
    case kFundLine:
      return pfb_builder_add_fund_line(b, s[0], PFB_FUND_GENERAL_BUDGET, 1, 0, err);
    case kAdjustment:
      return pfb_builder_add_adjustment(b, s[0], 20220601, PFB_FUND_GENERAL_BUDGET, 1, s[1], err);
    case kPayment:
      return pfb_builder_add_planned_payment(b, s[0], 20220601, 1, err);
    case kGoal:
      return pfb_builder_add_goal(b, s[0], PFB_GOAL_PROJECT, s[1], s[2], s[3], err);
    case kIndicator:
      return pfb_builder_add_indicator(b, s[0], s[1], PFB_L1_OUTPUT, PFB_L2_QUANTITY, s[2],
                                       PFB_CMP_RANGE, s[3], s[4], s[5], s[6], s[7],
                                       PFB_VALUE_SOURCE_PLAN, "x", err);
    case kActual:
      return pfb_builder_add_actual(b, s[0], s[1], 20220601, s[2], PFB_GRADE_ACHIEVED, s[3], err);
    case kDisbursement:
      return pfb_builder_add_disbursement(b, s[0], s[1], 20220601, PFB_FUND_GENERAL_BUDGET, 1, err);
    case kOrigin:
      return pfb_builder_set_origin(b, s[0], 3, err);
    default:
      return -1;
  }
}

static void test_builder_strings(void) {
  static const char* const kGood[kFunctionCount][8] = {
      {"U1", "单位"},
      {"P1", "U1", "项目", "类别"},
      {"P1"},
      {"P1", "压减"},
      {"P1"},
      {"G1", "P1", "U1", "目标"},
      {"G1", "1", "长度", "12", "15", "公里", "20", "10"},
      {"G1", "1", "8", "8公里"},
      {"V1", "P1"},
      {"vendor.rows"},
  };
  static const char* const kBadUtf8[] = {
      "\xff",      "\xc0\x80",         "\xed\xa0\x80",         "\xf4\x90\x80\x80",
      "a\xe4\xb8", "\xe4\xb8\xad\x80", "\xf8\x88\x80\x80\x80", "ok\xc3"};
  int f;
  size_t nbad = sizeof kBadUtf8 / sizeof kBadUtf8[0];
  for (f = 0; f < kFunctionCount; ++f) {
    size_t nargs = strlen(kOptional[f]), a, k;
    for (a = 0; a < nargs; ++a) {
      for (k = 0; k <= nbad; ++k) { /* k == nbad: NULL */
        const char* args[8];
        pfb_builder* b = NULL;
        pfb_dataset* ds = (pfb_dataset*)&g_checks;
        pfb_error* err = NULL;
        int32_t rc, want;
        int rejected;
        memcpy(args, kGood[f], sizeof args);
        args[a] = k < nbad ? kBadUtf8[k] : NULL;
        rejected = k < nbad || kOptional[f][a] == 'r';
        want = rejected ? PFB_INVALID_ARGUMENT : PFB_OK;
        if (pfb_builder_create("1", "x", 2022, 1, 0, NULL, &b, NULL) != PFB_OK) {
          CHECK(0);
          return;
        }
        rc = call_builder(b, f, args, &err);
        ++g_checks;
        if (rc != want || (rc != PFB_OK && !error_is_proper(err, rc))) {
          ++g_failures;
          fprintf(stderr, "builder function %d, argument %lu, bad value %lu: status %d, want %d\n",
                  f, (unsigned long)a, (unsigned long)k, (int)rc, (int)want);
        }
        pfb_error_destroy(err);
        err = NULL;
        /* A rejected row makes the build fail (set_origin names no row). */
        if (rejected && f != kOrigin) {
          rc = pfb_builder_build(b, &ds, &err);
          CHECK(rc == PFB_INVALID_ARGUMENT && ds == NULL && error_is_proper(err, rc));
          CHECK(pfb_error_diagnostic_count(err) >= 1);
          pfb_error_destroy(err);
        }
        pfb_builder_destroy(b);
      }
    }
  }
}

/* ---- builder: state, amounts, dates ---------------------------------------- */

static pfb_builder* new_builder(void) {
  pfb_builder* b = NULL;
  EXPECT(pfb_builder_create("341300", "宿马园区", 2022, 1, 0, "t", &b, &err_), PFB_OK);
  if (b == NULL) return NULL;
  EXPECT(pfb_builder_add_unit(b, "U1", "单位", &err_), PFB_OK);
  EXPECT(pfb_builder_add_project(b, "P1", "U1", "项目", NULL, PFB_PROJECT_NEW,
                                 PFB_STATUS_IN_PROGRESS, 2022, 0, 0, &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_project(b, "P2", "U1", "项目2", NULL, PFB_PROJECT_NEW,
                                 PFB_STATUS_IN_PROGRESS, 2022, 0, 0, &err_),
         PFB_OK);
  return b;
}

static void test_builder_used_up(void) {
  pfb_builder* b = new_builder();
  pfb_dataset* ds = NULL;
  pfb_dataset* again = (pfb_dataset*)&g_checks;
  int pass;
  if (b == NULL) return;
  EXPECT(pfb_builder_build(b, &ds, &err_), PFB_OK);
  CHECK(ds != NULL);
  /* Every function of a used-up builder: FAILED_PRECONDITION, twice over. */
  for (pass = 0; pass < 2; ++pass) {
    int f;
    for (f = 0; f < kFunctionCount; ++f) {
      static const char* const kArgs[8] = {"G1", "P1", "U1", "1", "2", "3", "4", "5"};
      pfb_error* err = NULL;
      int32_t rc = call_builder(b, f, kArgs, &err);
      CHECK(rc == PFB_FAILED_PRECONDITION && error_is_proper(err, rc));
      pfb_error_destroy(err);
    }
    EXPECT(pfb_builder_build(b, &again, &err_), PFB_FAILED_PRECONDITION);
    CHECK(again == NULL);
  }
  pfb_builder_destroy(b);
  /* The dataset outlives its builder. */
  CHECK(pfb_dataset_project_count(ds) == 2);
  pfb_dataset_destroy(ds);

  /* A failed build also uses the builder up. */
  b = new_builder();
  if (b == NULL) return;
  EXPECT(pfb_builder_add_project(b, "P3", "U404", "x", NULL, 0, 0, 0, 0, 0, &err_), PFB_OK);
  again = (pfb_dataset*)&g_checks;
  EXPECT(pfb_builder_build(b, &again, &err_), PFB_INVALID_ARGUMENT);
  CHECK(again == NULL);
  EXPECT(pfb_builder_add_unit(b, "U404", "x", &err_), PFB_FAILED_PRECONDITION);
  EXPECT(pfb_builder_build(b, &again, &err_), PFB_FAILED_PRECONDITION);
  pfb_builder_destroy(b);

  /* Destroying a builder that was never built frees its rows. */
  b = new_builder();
  pfb_builder_destroy(b);
}

static void test_amounts(void) {
  pfb_builder* b = new_builder();
  pfb_dataset* ds = NULL;
  int64_t approved = 7, current = 7, executed = 7, fen = 7;
  char* text = NULL;
  if (b == NULL) return;
  /* Two lines of INT64_MAX each: valid rows, but their sum overflows. */
  EXPECT(pfb_builder_add_fund_line(b, "P1", PFB_FUND_GENERAL_BUDGET, INT64_MAX, 0, &err_), PFB_OK);
  EXPECT(pfb_builder_add_fund_line(b, "P2", PFB_FUND_GENERAL_BUDGET, INT64_MAX, 0, &err_), PFB_OK);
  {
    pfb_error* err = NULL;
    int32_t rc = pfb_builder_build(b, &ds, &err);
    /* Either the build refuses the overflowing totals, or the totals say so. */
    if (rc == PFB_OK) {
      CHECK(ds != NULL && err == NULL);
      EXPECT(pfb_dataset_totals(ds, 0, &approved, &current, &executed, &err_), PFB_OUT_OF_RANGE);
      CHECK(approved == 0 && current == 0 && executed == 0);
      EXPECT(pfb_dataset_fund_source_totals(ds, 0, 0, &approved, NULL, NULL, &err_),
             PFB_OUT_OF_RANGE);
      EXPECT(pfb_dataset_unit_totals(ds, 0, 0, &approved, NULL, NULL, &err_), PFB_OUT_OF_RANGE);
      EXPECT(pfb_dataset_project_totals(ds, 0, 0, &approved, NULL, NULL, &err_), PFB_OK);
      CHECK(approved == INT64_MAX);
      EXPECT(pfb_dataset_to_json(ds, 0, &text, NULL, &err_), PFB_OK);
      if (text != NULL) {
        pfb_dataset* again = NULL;
        EXPECT(pfb_dataset_from_json(text, strlen(text), NULL, &again, &err_), PFB_OK);
        pfb_dataset_destroy(again);
      }
      pfb_string_free(text);
      pfb_dataset_destroy(ds);
    } else {
      CHECK(ds == NULL && error_is_proper(err, rc));
      pfb_error_destroy(err);
    }
  }
  pfb_builder_destroy(b);

  /* Extremes through the money functions. */
  EXPECT(pfb_money_format(INT64_MIN, PFB_UNIT_YUAN, PFB_MONEY_GROUPING, -1, &text, NULL, &err_),
         PFB_OK);
  CHECK(text != NULL && strcmp(text, "-92,233,720,368,547,758.08") == 0);
  pfb_string_free(text);
  EXPECT(
      pfb_money_format(INT64_MAX, PFB_UNIT_YI_YUAN, PFB_MONEY_UNIT_SUFFIX, 0, &text, NULL, &err_),
      PFB_OK);
  CHECK(text != NULL && strcmp(text, "922337204亿元") == 0);
  pfb_string_free(text);
  EXPECT(pfb_money_format(INT64_MIN, PFB_UNIT_WAN_YUAN, 0, 10, &text, NULL, &err_), PFB_OK);
  CHECK(text != NULL && strcmp(text, "-9223372036854.7758080000") == 0);
  pfb_string_free(text);
  EXPECT(pfb_money_format(0, PFB_UNIT_YUAN, 0, INT32_MIN, &text, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_format(0, PFB_UNIT_YUAN, 0, INT32_MAX, &text, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_format(0, INT32_MIN, 0, -1, &text, NULL, &err_), PFB_INVALID_ARGUMENT);
  CHECK(text == NULL);
  EXPECT(pfb_money_parse("92233720368547758.07", 20, PFB_UNIT_YUAN, &fen, &err_), PFB_OK);
  CHECK(fen == INT64_MAX);
  EXPECT(pfb_money_parse("-92233720368547758.08", 21, PFB_UNIT_YUAN, &fen, &err_), PFB_OK);
  CHECK(fen == INT64_MIN);
  EXPECT(pfb_money_parse("92233720368547758.08", 20, PFB_UNIT_YUAN, &fen, &err_), PFB_OUT_OF_RANGE);
  CHECK(fen == 0);
  EXPECT(pfb_money_parse("922337203.6854775808亿元", strlen("922337203.6854775808亿元"),
                         PFB_UNIT_YUAN, &fen, &err_),
         PFB_OUT_OF_RANGE);
  EXPECT(pfb_money_parse("922337203.6854775807亿元", strlen("922337203.6854775807亿元"),
                         PFB_UNIT_YUAN, &fen, &err_),
         PFB_OK);
  CHECK(fen == INT64_MAX);
  {
    /* A very long run of digits, and of zeros. */
    char digits[4096];
    memset(digits, '9', sizeof digits);
    EXPECT(pfb_money_parse(digits, sizeof digits, PFB_UNIT_YUAN, &fen, &err_), PFB_OUT_OF_RANGE);
    memset(digits, '0', sizeof digits);
    digits[sizeof digits - 1] = '7';
    EXPECT(pfb_money_parse(digits, sizeof digits, PFB_UNIT_YUAN, &fen, &err_), PFB_OK);
    CHECK(fen == 700);
  }
  EXPECT(pfb_money_parse("12\0"
                         "34",
                         5, PFB_UNIT_YUAN, &fen, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_parse("12", 2, INT32_MIN, &fen, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_parse("--1", 3, PFB_UNIT_YUAN, &fen, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_parse("1e5", 3, PFB_UNIT_YUAN, &fen, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_parse("NaN", 3, PFB_UNIT_YUAN, &fen, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_parse("￥", strlen("￥"), PFB_UNIT_YUAN, &fen, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_parse("万元", strlen("万元"), PFB_UNIT_YUAN, &fen, &err_), PFB_INVALID_ARGUMENT);
}

static void test_dates(void) {
  pfb_builder* b = new_builder();
  pfb_dataset* ds = (pfb_dataset*)&g_checks;
  pfb_error* err = NULL;
  uint32_t i, n, out_of_year = 0;
  int32_t rc;
  if (b == NULL) return;
  EXPECT(pfb_builder_add_fund_line(b, "P1", PFB_FUND_GENERAL_BUDGET, 100, 0, &err_), PFB_OK);
  /* Real dates, but outside fiscal year 2022: rows accepted, build refuses. */
  EXPECT(pfb_builder_add_disbursement(b, "V1", "P1", 20230101, PFB_FUND_GENERAL_BUDGET, 1, &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_adjustment(b, "P1", 20211231, PFB_FUND_GENERAL_BUDGET, 1, NULL, &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_planned_payment(b, "P1", 99991231, 1, &err_), PFB_OK);
  /* Not dates at all: rejected at once. */
  EXPECT(pfb_builder_add_disbursement(b, "V2", "P1", INT32_MAX, 0, 1, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_disbursement(b, "V2", "P1", INT32_MIN, 0, 1, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_disbursement(b, "V2", "P1", -20220101, 0, 1, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_disbursement(b, "V2", "P1", 20220229, 0, 1, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_disbursement(b, "V2", "P1", 13991231, 0, 1, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_adjustment(b, "P1", 0, 0, 1, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_actual(b, "G1", "1", 20221232, "1", PFB_GRADE_NONE, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  rc = pfb_builder_build(b, &ds, &err);
  CHECK(rc == PFB_INVALID_ARGUMENT && ds == NULL && error_is_proper(err, rc));
  n = pfb_error_diagnostic_count(err);
  for (i = 0; i < n; ++i) {
    if (pfb_error_diagnostic_kind(err, i) == PFB_DIAG_DATE_OUT_OF_YEAR) ++out_of_year;
  }
  CHECK(out_of_year == 3);
  pfb_error_destroy(err);
  pfb_builder_destroy(b);
}

static void test_many_bad_rows(void) {
  /* Far more rejected rows than the diagnostics limit: bounded, counted. */
  pfb_builder* b = new_builder();
  pfb_dataset* ds = NULL;
  pfb_error* err = NULL;
  int k;
  if (b == NULL) return;
  for (k = 0; k < 5000; ++k) {
    CHECK(pfb_builder_add_unit(b, "U\xff", "x", NULL) == PFB_INVALID_ARGUMENT);
  }
  CHECK(pfb_builder_build(b, &ds, &err) == PFB_INVALID_ARGUMENT);
  CHECK(ds == NULL);
  CHECK(pfb_error_diagnostic_count(err) >= 1 && pfb_error_diagnostic_count(err) <= 1000);
  CHECK(pfb_error_diagnostic_count(err) + pfb_error_diagnostics_dropped(err) >= 5000);
  pfb_error_destroy(err);
  pfb_builder_destroy(b);
}

int main(int argc, char** argv) {
  const char* scratch = argc > 1 ? argv[1] : ".";
  if (mkdir(scratch, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "cannot create %s\n", scratch);
    return 2;
  }
  test_nulls(scratch);
  test_json_prefixes();
  test_json_shapes();
  test_json_mutations();
  test_csv_mutations(scratch);
  test_builder_strings();
  test_builder_used_up();
  test_amounts();
  test_dates();
  test_many_bad_rows();
  return check_report();
}
