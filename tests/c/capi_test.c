/* capi_test.c: exercises every function of pfb_core.h from strict C99,
 * success and error paths (NULL arguments, invalid UTF-8, bad JSON, out of
 * range, wrong state). Usage: perfbudget_capi_c_test <scratch-dir>.
 * Prints each failed check and exits non-zero if any failed. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "perfbudget/perfbudget.h"

/* True when no byte of `s` is 0xC0, 0xC1 or 0xF5..0xFF (never in UTF-8). */
static int plausible_utf8(const char* s) {
  for (; *s != '\0'; ++s) {
    unsigned char c = (unsigned char)*s;
    if (c == 0xC0 || c == 0xC1 || c >= 0xF5) return 0;
  }
  return 1;
}

static const char kJson[] =
    "{\"format\":\"perfbudget-dataset\",\"version\":1,"
    "\"jurisdiction\":{\"code\":\"341300\",\"name\":\"宿马园区\"},"
    "\"fiscal_year\":{\"year\":2022,\"start_month\":1,\"named_by_end\":false},"
    "\"title\":\"capi test\","
    "\"units\":[{\"id\":\"U01\",\"name\":\"园区管委会\"},{\"id\":\"U02\",\"name\":\"城市管理局\"}],"
    "\"projects\":["
    "{\"id\":\"P001\",\"unit\":\"U01\",\"name\":\"园区道路维修\",\"kind\":\"continuing\","
    "\"key\":true,\"status\":\"in_progress\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"500万元\"},"
    "{\"source\":\"land_transfer\",\"approved\":\"200万元\"}],"
    "\"adjustments\":[{\"date\":\"2022-09-15\",\"source\":\"general_budget\","
    "\"amount\":\"-100万元\",\"reason\":\"压减\"}]},"
    "{\"id\":\"P002\",\"unit\":\"U01\",\"name\":\"绿化养护\","
    "\"funds\":[{\"source\":\"general_budget\",\"approved\":\"1234.56\"}]},"
    "{\"id\":\"P003\",\"unit\":\"U02\",\"name\":\"环卫保洁\","
    "\"funds\":[{\"source\":\"transfer\",\"approved\":\"80万元\"}]}],"
    "\"goals\":[{\"id\":\"G-P001\",\"owner\":\"project\",\"project\":\"P001\","
    "\"text\":\"完成园区主干道维修\",\"indicators\":["
    "{\"id\":\"1\",\"level1\":\"output\",\"level2\":\"quantity\",\"name\":\"维修道路长度\","
    "\"comparator\":\"ge\",\"target\":\"12\",\"unit_of_measure\":\"公里\",\"weight\":\"20\"},"
    "{\"id\":\"2\",\"level1\":\"satisfaction\",\"level2\":\"beneficiary_satisfaction\","
    "\"name\":\"群众满意度\",\"target\":\"≥90%\"}]},"
    "{\"id\":\"G-U01\",\"owner\":\"unit\",\"unit\":\"U01\",\"text\":\"部门整体目标\","
    "\"indicators\":[]}],"
    "\"disbursements\":["
    "{\"id\":\"V1\",\"project\":\"P001\",\"date\":\"2022-03-10\",\"source\":\"general_budget\","
    "\"amount\":\"35万元\"},"
    "{\"id\":\"V2\",\"project\":\"P001\",\"date\":\"2022-08-31\",\"source\":\"land_transfer\","
    "\"amount\":\"50万元\"},"
    "{\"id\":\"V3\",\"project\":\"P001\",\"date\":\"2022-10-20\",\"source\":\"general_budget\","
    "\"amount\":\"100万元\"},"
    "{\"id\":\"V4\",\"project\":\"P003\",\"date\":\"2022-05-05\",\"source\":\"transfer\","
    "\"amount\":\"0.01\"}]}";

/* The figures of kJson, in fen. */
#define WAN 1000000LL /* 1 万元 in fen */
static const int64_t kApproved = 780 * WAN + 123456;
static const int64_t kCurrent = 680 * WAN + 123456;
static const int64_t kExecuted = 185 * WAN + 1;
static const int64_t kExecutedAug = 85 * WAN + 1;

static void test_version(void) {
  CHECK(pfb_version_number() == PFB_VERSION_NUMBER);
  CHECK_STR(pfb_version_string(), PFB_VERSION_STRING);
  CHECK(pfb_abi_version() == PFB_ABI_VERSION);
  CHECK_STR(pfb_status_name(PFB_OK), "OK");
  CHECK_STR(pfb_status_name(PFB_INVALID_ARGUMENT), "INVALID_ARGUMENT");
  CHECK_STR(pfb_status_name(PFB_NO_MEMORY), "NO_MEMORY");
  CHECK_STR(pfb_status_name(12345), "UNKNOWN");
  CHECK_STR(pfb_diagnostic_kind_name(PFB_DIAG_SYNTAX), "syntax");
  CHECK_STR(pfb_diagnostic_kind_name(99), "");
}

static void test_error_accessors_on_null(void) {
  pfb_error_destroy(NULL);
  CHECK(pfb_error_code(NULL) == PFB_OK);
  CHECK_STR(pfb_error_message(NULL), "");
  CHECK(pfb_error_diagnostic_count(NULL) == 0);
  CHECK(pfb_error_diagnostics_dropped(NULL) == 0);
  CHECK(pfb_error_diagnostic_kind(NULL, 0) == -1);
  CHECK_STR(pfb_error_diagnostic_file(NULL, 0), "");
  CHECK(pfb_error_diagnostic_line(NULL, 0) == 0);
  CHECK(pfb_error_diagnostic_column(NULL, 0) == 0);
  CHECK_STR(pfb_error_diagnostic_path(NULL, 0), "");
  CHECK_STR(pfb_error_diagnostic_field(NULL, 0), "");
  CHECK_STR(pfb_error_diagnostic_value(NULL, 0), "");
  CHECK_STR(pfb_error_diagnostic_expected(NULL, 0), "");
  CHECK_STR(pfb_error_diagnostic_message(NULL, 0), "");
  pfb_string_free(NULL);
}

static void test_money(void) {
  int64_t fen = -1;
  char* text = NULL;
  size_t len = 0;
  EXPECT(pfb_money_parse("2400万元", strlen("2400万元"), PFB_UNIT_YUAN, &fen, &err_), PFB_OK);
  CHECK_I64(fen, 2400 * WAN);
  EXPECT(pfb_money_parse("1,234.56", 8, PFB_UNIT_YUAN, &fen, &err_), PFB_OK);
  CHECK_I64(fen, 123456);
  /* (ptr, len): only the first 4 bytes count. */
  EXPECT(pfb_money_parse("12.5xyz", 4, PFB_UNIT_YUAN, &fen, &err_), PFB_OK);
  CHECK_I64(fen, 1250);
  EXPECT(pfb_money_parse("12", 2, PFB_UNIT_WAN_YUAN, &fen, &err_), PFB_OK);
  CHECK_I64(fen, 12 * WAN);
  EXPECT(pfb_money_parse("1.234", 5, PFB_UNIT_YUAN, &fen, &err_), PFB_INVALID_ARGUMENT);
  CHECK_I64(fen, 0); /* out-parameters are zeroed on failure */
  EXPECT(pfb_money_parse("99999999999999999999", 20, PFB_UNIT_YUAN, &fen, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_money_parse("1", 1, 7, &fen, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_parse(NULL, 3, PFB_UNIT_YUAN, &fen, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_parse("12", 2, PFB_UNIT_YUAN, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_parse("\xff\xfe", 2, PFB_UNIT_YUAN, &fen, &err_), PFB_INVALID_ARGUMENT);
  /* err may be NULL: the status alone. */
  CHECK(pfb_money_parse("abc", 3, PFB_UNIT_YUAN, &fen, NULL) == PFB_INVALID_ARGUMENT);

  EXPECT(pfb_money_format(123456, PFB_UNIT_YUAN, 0, -1, &text, &len, &err_), PFB_OK);
  CHECK_STR(text, "1234.56");
  CHECK(len == 7);
  pfb_string_free(text);
  EXPECT(pfb_money_format(123456789, PFB_UNIT_YUAN, PFB_MONEY_GROUPING, -1, &text, NULL, &err_),
         PFB_OK);
  CHECK_STR(text, "1,234,567.89");
  pfb_string_free(text);
  EXPECT(pfb_money_format(2400 * WAN, PFB_UNIT_WAN_YUAN, PFB_MONEY_UNIT_SUFFIX, -1, &text, NULL,
                          &err_),
         PFB_OK);
  CHECK_STR(text, "2400万元");
  pfb_string_free(text);
  EXPECT(pfb_money_format(-5, PFB_UNIT_YUAN, 0, -1, &text, NULL, &err_), PFB_OK);
  CHECK_STR(text, "-0.05");
  pfb_string_free(text);
  EXPECT(pfb_money_format(1, PFB_UNIT_YUAN, 0x80u, -1, &text, NULL, &err_), PFB_INVALID_ARGUMENT);
  CHECK(text == NULL);
  EXPECT(pfb_money_format(1, PFB_UNIT_YUAN, 0, 11, &text, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_format(1, 3, 0, -1, &text, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_money_format(1, PFB_UNIT_YUAN, 0, -1, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
}

/* Checks the figures of kJson on any dataset made from it. */
static void check_figures(const pfb_dataset* ds) {
  int64_t approved = -1, current = -1, executed = -1;
  const char* s = NULL;
  uint32_t index = 99;

  CHECK(pfb_dataset_fiscal_year(ds) == 2022);
  CHECK(pfb_dataset_fiscal_year_start_month(ds) == 1);
  CHECK_STR(pfb_dataset_jurisdiction_code(ds), "341300");
  CHECK_STR(pfb_dataset_jurisdiction_name(ds), "宿马园区");
  CHECK(pfb_dataset_unit_count(ds) == 2);
  CHECK(pfb_dataset_project_count(ds) == 3);
  CHECK(pfb_dataset_goal_count(ds) == 2);
  CHECK(pfb_dataset_indicator_count(ds) == 2);
  CHECK(pfb_dataset_disbursement_count(ds) == 4);

  EXPECT(pfb_dataset_totals(ds, 0, &approved, &current, &executed, &err_), PFB_OK);
  CHECK_I64(approved, kApproved);
  CHECK_I64(current, kCurrent);
  CHECK_I64(executed, kExecuted);
  EXPECT(pfb_dataset_totals(ds, 20220831, &approved, &current, &executed, &err_), PFB_OK);
  CHECK_I64(approved, kApproved);
  CHECK_I64(current, kApproved); /* the September adjustment is later */
  CHECK_I64(executed, kExecutedAug);
  EXPECT(pfb_dataset_totals(ds, 0, NULL, NULL, &executed, &err_), PFB_OK);
  CHECK_I64(executed, kExecuted);
  EXPECT(pfb_dataset_totals(ds, 20220230, &approved, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  CHECK_I64(approved, 0);
  EXPECT(pfb_dataset_totals(ds, 2022, &approved, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);

  EXPECT(pfb_dataset_find_unit(ds, "U01", &index, &err_), PFB_OK);
  CHECK(index == 0);
  EXPECT(pfb_dataset_unit_id(ds, index, &s, &err_), PFB_OK);
  CHECK_STR(s, "U01");
  EXPECT(pfb_dataset_unit_name(ds, 1, &s, &err_), PFB_OK);
  CHECK_STR(s, "城市管理局");
  EXPECT(pfb_dataset_unit_totals(ds, 0, 0, &approved, &current, &executed, &err_), PFB_OK);
  CHECK_I64(approved, 700 * WAN + 123456);
  CHECK_I64(current, 600 * WAN + 123456);
  CHECK_I64(executed, 185 * WAN);
  EXPECT(pfb_dataset_unit_totals(ds, 1, 0, &approved, &current, &executed, &err_), PFB_OK);
  CHECK_I64(approved, 80 * WAN);
  CHECK_I64(executed, 1);
  EXPECT(pfb_dataset_unit_totals(ds, 2, 0, &approved, NULL, NULL, &err_), PFB_OUT_OF_RANGE);

  EXPECT(pfb_dataset_fund_source_totals(ds, PFB_FUND_GENERAL_BUDGET, 0, &approved, &current,
                                        &executed, &err_),
         PFB_OK);
  CHECK_I64(approved, 500 * WAN + 123456);
  CHECK_I64(current, 400 * WAN + 123456);
  CHECK_I64(executed, 135 * WAN);
  EXPECT(pfb_dataset_fund_source_totals(ds, PFB_FUND_LAND_TRANSFER, 20220831, &approved, &current,
                                        &executed, &err_),
         PFB_OK);
  CHECK_I64(approved, 200 * WAN);
  CHECK_I64(executed, 50 * WAN);
  EXPECT(
      pfb_dataset_fund_source_totals(ds, PFB_FUND_CARRY_OVER, 0, &approved, NULL, &executed, &err_),
      PFB_OK);
  CHECK_I64(approved, 0);
  CHECK_I64(executed, 0);
  EXPECT(pfb_dataset_fund_source_totals(ds, PFB_FUND_SOURCE_COUNT, 0, &approved, NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_fund_source_totals(ds, -1, 0, &approved, NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);

  EXPECT(pfb_dataset_find_project(ds, "P003", &index, &err_), PFB_OK);
  EXPECT(pfb_dataset_project_id(ds, index, &s, &err_), PFB_OK);
  CHECK_STR(s, "P003");
  EXPECT(pfb_dataset_project_name(ds, index, &s, &err_), PFB_OK);
  CHECK_STR(s, "环卫保洁");
  {
    uint32_t unit = 99;
    EXPECT(pfb_dataset_project_unit(ds, index, &unit, &err_), PFB_OK);
    CHECK(unit == 1);
    EXPECT(pfb_dataset_project_unit(ds, 3, &unit, &err_), PFB_OUT_OF_RANGE);
    EXPECT(pfb_dataset_project_unit(ds, 0, NULL, &err_), PFB_INVALID_ARGUMENT);
  }
  EXPECT(pfb_dataset_project_totals(ds, index, 0, &approved, &current, &executed, &err_), PFB_OK);
  CHECK_I64(approved, 80 * WAN);
  CHECK_I64(current, 80 * WAN);
  CHECK_I64(executed, 1);
  EXPECT(pfb_dataset_project_totals(ds, 3, 0, &approved, NULL, NULL, &err_), PFB_OUT_OF_RANGE);

  EXPECT(pfb_dataset_find_unit(ds, "U99", &index, &err_), PFB_NOT_FOUND);
  EXPECT(pfb_dataset_find_project(ds, "P999", &index, &err_), PFB_NOT_FOUND);
  EXPECT(pfb_dataset_find_unit(ds, NULL, &index, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_find_unit(ds, "U\xc3", &index, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_find_project(ds, "P001", NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_unit_id(ds, 2, &s, &err_), PFB_OUT_OF_RANGE);
  CHECK(s == NULL);
  EXPECT(pfb_dataset_unit_name(ds, 2, &s, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_dataset_project_id(ds, 3, &s, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_dataset_project_name(ds, 3, &s, &err_), PFB_OUT_OF_RANGE);
  EXPECT(pfb_dataset_unit_id(ds, 0, NULL, &err_), PFB_INVALID_ARGUMENT);
}

static void test_null_dataset(void) {
  const char* s = NULL;
  uint32_t i = 0;
  int64_t fen = 0;
  char* text = NULL;
  pfb_dataset_destroy(NULL);
  CHECK(pfb_dataset_fiscal_year(NULL) == 0);
  CHECK(pfb_dataset_fiscal_year_start_month(NULL) == 0);
  CHECK_STR(pfb_dataset_jurisdiction_code(NULL), "");
  CHECK_STR(pfb_dataset_jurisdiction_name(NULL), "");
  CHECK_STR(pfb_dataset_title(NULL), "");
  CHECK(pfb_dataset_as_of(NULL) == 0);
  CHECK(pfb_dataset_unit_count(NULL) == 0);
  CHECK(pfb_dataset_project_count(NULL) == 0);
  CHECK(pfb_dataset_goal_count(NULL) == 0);
  CHECK(pfb_dataset_indicator_count(NULL) == 0);
  CHECK(pfb_dataset_disbursement_count(NULL) == 0);
  EXPECT(pfb_dataset_unit_id(NULL, 0, &s, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_find_unit(NULL, "U01", &i, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_totals(NULL, 0, &fen, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_unit_totals(NULL, 0, 0, &fen, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_fund_source_totals(NULL, 0, 0, &fen, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_project_totals(NULL, 0, 0, &fen, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_to_json(NULL, 0, &text, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_write_csv(NULL, "x", PFB_ENCODING_UTF8, 0, &err_), PFB_INVALID_ARGUMENT);
}

static void test_load_json(const char* scratch) {
  pfb_dataset* ds = NULL;
  pfb_dataset* again = NULL;
  pfb_error* err = NULL;
  char* json = NULL;
  char* json2 = NULL;
  size_t len = 0;
  char path[4096];
  FILE* f;

  EXPECT(pfb_dataset_from_json(kJson, strlen(kJson), "mem.json", &ds, &err_), PFB_OK);
  CHECK(ds != NULL);
  if (ds == NULL) return;
  CHECK_STR(pfb_dataset_title(ds), "capi test");
  check_figures(ds);

  /* Export JSON and load it again: same figures, same bytes. */
  EXPECT(pfb_dataset_to_json(ds, 0, &json, &len, &err_), PFB_OK);
  CHECK(json != NULL && len == strlen(json));
  EXPECT(pfb_dataset_to_json(ds, PFB_JSON_COMPACT, &json2, NULL, &err_), PFB_OK);
  CHECK(json2 != NULL && strlen(json2) < len);
  pfb_string_free(json2);
  json2 = NULL;
  EXPECT(pfb_dataset_to_json(ds, 0x10u, &json2, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_to_json(ds, 0, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  if (json != NULL) {
    EXPECT(pfb_dataset_from_json(json, len, NULL, &again, &err_), PFB_OK);
    if (again != NULL) {
      check_figures(again);
      EXPECT(pfb_dataset_to_json(again, 0, &json2, NULL, &err_), PFB_OK);
      CHECK(json2 != NULL && strcmp(json, json2) == 0);
      pfb_string_free(json2);
      pfb_dataset_destroy(again);
      again = NULL;
    }
    /* From a file. */
    snprintf(path, sizeof path, "%s/capi.json", scratch);
    f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f != NULL) {
      fwrite(json, 1, len, f);
      fclose(f);
      EXPECT(pfb_dataset_load(path, PFB_ENCODING_UTF8, &again, &err_), PFB_OK);
      if (again != NULL) check_figures(again);
      pfb_dataset_destroy(again);
      again = NULL;
    }
  }
  pfb_string_free(json);

  /* CSV folder: write, load back. */
  snprintf(path, sizeof path, "%s/csv", scratch);
  EXPECT(pfb_dataset_write_csv(ds, path, PFB_ENCODING_UTF8, 0, &err_), PFB_OK);
  EXPECT(pfb_dataset_load(path, PFB_ENCODING_UTF8, &again, &err_), PFB_OK);
  if (again != NULL) check_figures(again);
  pfb_dataset_destroy(again);
  again = NULL;
  snprintf(path, sizeof path, "%s/csv_gb", scratch);
  EXPECT(pfb_dataset_write_csv(ds, path, PFB_ENCODING_GB18030, 0, &err_), PFB_OK);
  EXPECT(pfb_dataset_load(path, PFB_ENCODING_GB18030, &again, &err_), PFB_OK);
  if (again != NULL) check_figures(again);
  pfb_dataset_destroy(again);
  again = NULL;
  EXPECT(pfb_dataset_write_csv(ds, path, 5, 0, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_write_csv(ds, path, PFB_ENCODING_UTF8, 0x8u, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_write_csv(ds, NULL, PFB_ENCODING_UTF8, 0, &err_), PFB_INVALID_ARGUMENT);
  pfb_dataset_destroy(ds);

  /* Error paths of loading. */
  EXPECT(pfb_dataset_from_json(NULL, 0, NULL, &ds, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_from_json(kJson, strlen(kJson), NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_from_json(kJson, strlen(kJson), "\xff", &ds, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_load(NULL, PFB_ENCODING_UTF8, &ds, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_load("x.json", 9, &ds, &err_), PFB_INVALID_ARGUMENT);
  snprintf(path, sizeof path, "%s/does-not-exist.json", scratch);
  EXPECT(pfb_dataset_load(path, PFB_ENCODING_UTF8, &ds, &err_), PFB_NOT_FOUND);
  CHECK(ds == NULL);

  /* Malformed JSON: INVALID_ARGUMENT with a syntax diagnostic. */
  CHECK(pfb_dataset_from_json("{\"format\": ", 11, "bad.json", &ds, &err) == PFB_INVALID_ARGUMENT);
  CHECK(ds == NULL);
  CHECK(pfb_error_code(err) == PFB_INVALID_ARGUMENT);
  CHECK(pfb_error_diagnostic_count(err) >= 1);
  CHECK(pfb_error_diagnostic_kind(err, 0) == PFB_DIAG_SYNTAX);
  CHECK_STR(pfb_error_diagnostic_file(err, 0), "bad.json");
  CHECK(pfb_error_diagnostic_message(err, 0)[0] != '\0');
  CHECK(pfb_error_diagnostic_kind(err, 1000) == -1);
  CHECK_STR(pfb_error_diagnostic_message(err, 1000), "");
  pfb_error_destroy(err);
  err = NULL;

  /* Invalid UTF-8 inside the document: a diagnostic, not a crash. */
  {
    static const char bad[] =
        "{\"format\":\"perfbudget-dataset\",\"version\":1,\"fiscal_year\":{\"year\":2022},"
        "\"units\":[{\"id\":\"U1\",\"name\":\"\xff\xfe\"}]}";
    uint32_t i;
    CHECK(pfb_dataset_from_json(bad, strlen(bad), NULL, &ds, &err) == PFB_INVALID_ARGUMENT);
    CHECK(pfb_error_diagnostic_count(err) >= 1);
    /* Strings out are UTF-8 even when they quote bad input. */
    CHECK(plausible_utf8(pfb_error_message(err)));
    for (i = 0; i < pfb_error_diagnostic_count(err); ++i) {
      CHECK(plausible_utf8(pfb_error_diagnostic_value(err, i)));
      CHECK(plausible_utf8(pfb_error_diagnostic_message(err, i)));
    }
    pfb_error_destroy(err);
    err = NULL;
  }

  /* Several problems at once: every one reported, with place and value. */
  {
    static const char bad[] =
        "{\"format\":\"perfbudget-dataset\",\"version\":1,\"fiscal_year\":{\"year\":2022},"
        "\"units\":[{\"id\":\"U1\",\"name\":\"a\"}],"
        "\"projects\":[{\"id\":\"P1\",\"unit\":\"U9\",\"name\":\"p\","
        "\"funds\":[{\"source\":\"nope\",\"approved\":\"1.234\"}]}]}";
    uint32_t i, n;
    int saw_reference = 0, saw_enum = 0, saw_sub_fen = 0;
    CHECK(pfb_dataset_from_json(bad, strlen(bad), "multi.json", &ds, &err) == PFB_INVALID_ARGUMENT);
    n = pfb_error_diagnostic_count(err);
    CHECK(n >= 3);
    for (i = 0; i < n; ++i) {
      int32_t kind = pfb_error_diagnostic_kind(err, i);
      if (kind == PFB_DIAG_UNKNOWN_REFERENCE) saw_reference = 1;
      if (kind == PFB_DIAG_ENUM_VALUE) {
        saw_enum = 1;
        CHECK_STR(pfb_error_diagnostic_value(err, i), "nope");
        CHECK(pfb_error_diagnostic_expected(err, i)[0] != '\0');
        CHECK(pfb_error_diagnostic_path(err, i)[0] != '\0');
      }
      if (kind == PFB_DIAG_SUB_FEN) {
        saw_sub_fen = 1;
        CHECK_STR(pfb_error_diagnostic_field(err, i), "approved");
      }
      CHECK(pfb_error_diagnostic_line(err, i) >= 0);
      CHECK(pfb_error_diagnostic_column(err, i) >= 0);
    }
    CHECK(saw_enum && saw_sub_fen);
    (void)saw_reference; /* reported at build time, may be cut by earlier errors */
    CHECK(pfb_error_diagnostics_dropped(err) == 0);
    pfb_error_destroy(err);
    err = NULL;
  }
}

/* Builds `b` (and destroys it); the dataset's pfb_dataset_as_of, -1 when the
 * build fails. */
static int32_t build_as_of(pfb_builder* b) {
  pfb_dataset* ds = NULL;
  int32_t as_of = -1;
  EXPECT(pfb_builder_build(b, &ds, &err_), PFB_OK);
  if (ds != NULL) as_of = pfb_dataset_as_of(ds);
  pfb_dataset_destroy(ds);
  pfb_builder_destroy(b);
  return as_of;
}

/* The dataset of kJson, row by row, as a vendor would feed it. */
static void test_builder(void) {
  pfb_builder* b = NULL;
  pfb_dataset* ds = NULL;
  pfb_error* err = NULL;

  EXPECT(pfb_builder_create("341300", "宿马园区", 2022, 1, 0, "capi test", &b, &err_), PFB_OK);
  CHECK(b != NULL);
  if (b == NULL) return;
  EXPECT(pfb_builder_set_origin(b, "vendor.units", 1, &err_), PFB_OK);
  EXPECT(pfb_builder_add_unit(b, "U01", "园区管委会", &err_), PFB_OK);
  EXPECT(pfb_builder_add_unit(b, "U02", "城市管理局", &err_), PFB_OK);
  EXPECT(pfb_builder_set_origin(b, NULL, 0, &err_), PFB_OK);
  /* A fund line before its project: resolved at build. */
  EXPECT(pfb_builder_add_fund_line(b, "P001", PFB_FUND_GENERAL_BUDGET, 500 * WAN, 0, &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_project(b, "P001", "U01", "园区道路维修", "市政管护",
                                 PFB_PROJECT_CONTINUING, PFB_STATUS_IN_PROGRESS, 2020, 0,
                                 PFB_PROJECT_KEY | PFB_PROJECT_DISCLOSED_WITH_BUDGET, &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_fund_line(b, "P001", PFB_FUND_LAND_TRANSFER, 200 * WAN, 0, &err_), PFB_OK);
  EXPECT(pfb_builder_add_adjustment(b, "P001", 20220915, PFB_FUND_GENERAL_BUDGET, -100 * WAN,
                                    "压减", &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_planned_payment(b, "P001", 20221231, 120 * WAN, &err_), PFB_OK);
  EXPECT(pfb_builder_add_project(b, "P002", "U01", "绿化养护", NULL, PFB_PROJECT_NEW,
                                 PFB_STATUS_PLANNED, 0, 0, 0, &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_fund_line(b, "P002", PFB_FUND_GENERAL_BUDGET, 123456, 0, &err_), PFB_OK);
  EXPECT(pfb_builder_add_project(b, "P003", "U02", "环卫保洁", "", PFB_PROJECT_CONTINUING,
                                 PFB_STATUS_IN_PROGRESS, 0, 0, 0, &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_fund_line(b, "P003", PFB_FUND_TRANSFER, 80 * WAN, 0, &err_), PFB_OK);
  EXPECT(pfb_builder_add_goal(b, "G-P001", PFB_GOAL_PROJECT, "P001", NULL, "完成园区主干道维修",
                              &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_indicator(b, "G-P001", "1", PFB_L1_OUTPUT, PFB_L2_QUANTITY, "维修道路长度",
                                   PFB_CMP_GE, "12", NULL, "公里", "20", "10",
                                   PFB_VALUE_SOURCE_PLAN, NULL, &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_indicator(b, "G-P001", "2", PFB_L1_SATISFACTION,
                                   PFB_L2_BENEFICIARY_SATISFACTION, "群众满意度", PFB_CMP_RANGE,
                                   "90", "100", "%", NULL, NULL, PFB_VALUE_SOURCE_UNSPECIFIED,
                                   "问卷调查", &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_actual(b, "G-P001", "1", 20220831, "8", PFB_GRADE_NONE, "8公里", &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_goal(b, "G-U01", PFB_GOAL_UNIT, NULL, "U01", "部门整体目标", &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_disbursement(b, "V1", "P001", 20220310, PFB_FUND_GENERAL_BUDGET, 35 * WAN,
                                      &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_disbursement(b, "V2", "P001", 20220831, PFB_FUND_LAND_TRANSFER, 50 * WAN,
                                      &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_disbursement(b, NULL, "P001", 20221020, PFB_FUND_GENERAL_BUDGET, 100 * WAN,
                                      &err_),
         PFB_OK);
  EXPECT(pfb_builder_add_disbursement(b, "V4", "P003", 20220505, PFB_FUND_TRANSFER, 1, &err_),
         PFB_OK);
  EXPECT(pfb_builder_build(b, &ds, &err_), PFB_OK);
  CHECK(ds != NULL);
  if (ds != NULL) check_figures(ds);
  pfb_dataset_destroy(ds);
  ds = NULL;
  /* Used up. */
  EXPECT(pfb_builder_add_unit(b, "U03", "x", &err_), PFB_FAILED_PRECONDITION);
  EXPECT(pfb_builder_build(b, &ds, &err_), PFB_FAILED_PRECONDITION);
  EXPECT(pfb_builder_set_origin(b, "x", 1, &err_), PFB_FAILED_PRECONDITION);
  pfb_builder_destroy(b);
  pfb_builder_destroy(NULL);

  /* Creation errors. */
  b = (pfb_builder*)&err; /* garbage: must be reset */
  EXPECT(pfb_builder_create("1", "x", 2022, 13, 0, NULL, &b, &err_), PFB_INVALID_ARGUMENT);
  CHECK(b == NULL);
  EXPECT(pfb_builder_create("1", "x", 2022, 1, 0x2u, NULL, &b, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_create("\xc0\x80", "x", 2022, 1, 0, NULL, &b, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_create("1", "x", 2022, 1, 0, NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_create(NULL, NULL, 2022, 4, PFB_NAMED_BY_END, NULL, &b, &err_), PFB_OK);
  pfb_builder_destroy(b);

  /* The dataset's as-of date: inside the fiscal year (April 2022 .. March 2023
   * here), 0 clears it; a rejected date keeps the previous value and does not
   * make the build fail. */
  EXPECT(pfb_builder_create(NULL, NULL, 2022, 4, 0, NULL, &b, &err_), PFB_OK);
  if (b == NULL) return;
  EXPECT(pfb_builder_set_as_of(NULL, 20220831, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_set_as_of(b, 20230331, &err_), PFB_OK);
  CHECK(pfb_builder_set_as_of(b, 20230401, &err) == PFB_INVALID_ARGUMENT);
  CHECK(err != NULL && strstr(pfb_error_message(err), "20230401") != NULL &&
        strstr(pfb_error_message(err), "2023-03-31") != NULL);
  pfb_error_destroy(err);
  err = NULL;
  EXPECT(pfb_builder_set_as_of(b, 20220230, &err_), PFB_INVALID_ARGUMENT);
  CHECK(build_as_of(b) == 20230331);
  EXPECT(pfb_builder_create(NULL, NULL, 2022, 1, 0, NULL, &b, &err_), PFB_OK);
  if (b == NULL) return;
  EXPECT(pfb_builder_set_as_of(b, 20220831, &err_), PFB_OK);
  EXPECT(pfb_builder_set_as_of(b, 0, &err_), PFB_OK);
  CHECK(build_as_of(b) == 0);

  /* Bad rows: each rejected at once, and the build fails with every problem. */
  EXPECT(pfb_builder_create("1", "x", 2022, 1, 0, NULL, &b, &err_), PFB_OK);
  if (b == NULL) return;
  EXPECT(pfb_builder_set_origin(b, "vendor.rows", 7, &err_), PFB_OK);
  EXPECT(pfb_builder_add_unit(b, "U1", "\xff", &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_unit(b, NULL, "x", &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_unit(b, "U1", "单位", &err_), PFB_OK);
  EXPECT(pfb_builder_add_project(b, "P1", "U1", "p", NULL, 2, PFB_STATUS_PLANNED, 0, 0, 0, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_project(b, "P1", "U1", "p", NULL, PFB_PROJECT_NEW, 6, 0, 0, 0, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_project(b, "P1", "U1", "p", NULL, PFB_PROJECT_NEW, 0, 0, 0, 0x100u, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_fund_line(b, "P1", 7, 1, 0, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_fund_line(b, NULL, 0, 1, 0, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_adjustment(b, "P1", 20221301, 0, 1, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_adjustment(b, "P1", 20220101, 9, 1, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_planned_payment(b, "P1", 0, 1, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_goal(b, "G1", 2, "P1", NULL, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_goal(b, "G1", PFB_GOAL_PROJECT, NULL, NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_goal(b, "G1", PFB_GOAL_UNIT, NULL, NULL, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_indicator(b, "G1", "1", 4, 0, "n", 0, "1", NULL, NULL, NULL, NULL, 0, NULL,
                                   &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_indicator(b, "G1", "1", 0, 12, "n", 0, "1", NULL, NULL, NULL, NULL, 0,
                                   NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_indicator(b, "G1", "1", 0, 0, "n", 7, "1", NULL, NULL, NULL, NULL, 0, NULL,
                                   &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_indicator(b, "G1", "1", 0, 0, "n", 0, "1", NULL, NULL, "二十", NULL, 0,
                                   NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_indicator(b, "G1", "1", 0, 0, "n", 0, "1", NULL, NULL, NULL, NULL, 5, NULL,
                                   &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_indicator(b, "G1", "1", 0, 0, NULL, 0, "1", NULL, NULL, NULL, NULL, 0,
                                   NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_actual(b, "G1", "1", 20220101, NULL, PFB_GRADE_NONE, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_actual(b, "G1", "1", 20220101, NULL, 3, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_actual(b, "G1", "1", 20220101, "x", PFB_GRADE_NONE, NULL, &err_),
         PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_disbursement(b, "V1", "P1", 2022, 0, 1, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_disbursement(b, "V1", "P1", 20220101, -1, 1, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_set_origin(b, "x", -1, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_set_origin(b, "\xff", 1, &err_), PFB_INVALID_ARGUMENT);
  /* NULL builder. */
  EXPECT(pfb_builder_add_unit(NULL, "U1", "x", &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_build(NULL, &ds, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_build(b, NULL, &err_), PFB_INVALID_ARGUMENT);
  /* A project referring to an unknown unit: found at build, with the rest. */
  EXPECT(pfb_builder_add_project(b, "P2", "U9", "p", NULL, PFB_PROJECT_NEW, 0, 0, 0, 0, &err_),
         PFB_OK);
  CHECK(pfb_builder_build(b, &ds, &err) == PFB_INVALID_ARGUMENT);
  CHECK(ds == NULL);
  CHECK(pfb_error_diagnostic_count(err) >= 25);
  CHECK_STR(pfb_error_diagnostic_file(err, 0), "vendor.rows");
  CHECK(pfb_error_diagnostic_line(err, 0) == 7);
  pfb_error_destroy(err);
  pfb_builder_destroy(b);
}

/* pfb_dataset_synth: the counts asked for, the same bytes for the same
 * arguments, other bytes for another seed, and every argument checked. */
static void test_synth(void) {
  pfb_dataset* a = NULL;
  pfb_dataset* b = NULL;
  pfb_dataset* bad = (pfb_dataset*)1; /* garbage: must be set to NULL on failure */
  char *ja = NULL, *jb = NULL;
  size_t la = 0, lb = 0;

  EXPECT(pfb_dataset_synth(42, 3, 10, 4, 5, 2022, 1, 0, &a, &err_), PFB_OK);
  EXPECT(pfb_dataset_synth(42, 3, 10, 4, 5, 2022, 1, 0, &b, &err_), PFB_OK);
  CHECK(a != NULL && b != NULL);
  if (a != NULL && b != NULL) {
    CHECK_I64(pfb_dataset_unit_count(a), 3);
    CHECK_I64(pfb_dataset_project_count(a), 10);
    CHECK_I64(pfb_dataset_fiscal_year(a), 2022);
    /* A goal per project and one per unit; 4 indicators a project goal. */
    CHECK_I64(pfb_dataset_goal_count(a), 13);
    CHECK(pfb_dataset_indicator_count(a) >= 40);
    CHECK(pfb_dataset_disbursement_count(a) <= 50);
    EXPECT(pfb_dataset_to_json(a, PFB_JSON_COMPACT, &ja, &la, &err_), PFB_OK);
    EXPECT(pfb_dataset_to_json(b, PFB_JSON_COMPACT, &jb, &lb, &err_), PFB_OK);
    CHECK(ja != NULL && jb != NULL && la == lb && memcmp(ja, jb, la) == 0);
    pfb_string_free(jb);
    jb = NULL;
  }
  pfb_dataset_destroy(b);
  b = NULL;
  EXPECT(pfb_dataset_synth(43, 3, 10, 4, 5, 2022, 1, 0, &b, &err_), PFB_OK);
  if (b != NULL && ja != NULL) {
    EXPECT(pfb_dataset_to_json(b, PFB_JSON_COMPACT, &jb, &lb, &err_), PFB_OK);
    CHECK(jb != NULL && (la != lb || memcmp(ja, jb, la) != 0));
  }
  pfb_string_free(ja);
  pfb_string_free(jb);
  pfb_dataset_destroy(a);
  pfb_dataset_destroy(b);

  /* Flags leave parts out: no unit goals → one goal a project. */
  a = NULL;
  EXPECT(pfb_dataset_synth(1, 2, 5, 3, 2, 2023, 4,
                           PFB_SYNTH_NO_UNIT_GOALS | PFB_SYNTH_NO_ACTUALS |
                               PFB_SYNTH_NO_PAYMENT_PLANS | PFB_SYNTH_NO_EX_ANTE,
                           &a, &err_),
         PFB_OK);
  if (a != NULL) {
    CHECK_I64(pfb_dataset_goal_count(a), 5);
    CHECK_I64(pfb_dataset_fiscal_year_start_month(a), 4);
  }
  pfb_dataset_destroy(a);

  /* Every argument is checked; *out is NULL after a failure. */
  EXPECT(pfb_dataset_synth(1, 0, 5, 3, 2, 2022, 1, 0, &bad, &err_), PFB_INVALID_ARGUMENT);
  CHECK(bad == NULL);
  EXPECT(pfb_dataset_synth(1, 2, -1, 3, 2, 2022, 1, 0, &bad, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_synth(1, 2, 5, 51, 2, 2022, 1, 0, &bad, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_synth(1, 2, 5, 3, 1001, 2022, 1, 0, &bad, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_synth(1, 2, 5, 3, 2, 2022, 13, 0, &bad, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_synth(1, 2, 5, 3, 2, 2022, 1, 16u, &bad, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_dataset_synth(1, 2, 5, 3, 2, 2022, 1, 0, NULL, &err_), PFB_INVALID_ARGUMENT);
  CHECK(bad == NULL);
}

int main(int argc, char** argv) {
  const char* scratch = argc > 1 ? argv[1] : ".";
  if (mkdir(scratch, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "cannot create %s\n", scratch);
    return 2;
  }
  test_version();
  test_error_accessors_on_null();
  test_money();
  test_null_dataset();
  test_load_json(scratch);
  test_builder();
  test_synth();
  return check_report();
}
