/* columns_test.c: the bulk builder call pfb_builder_add_disbursement_columns
 * from strict C99: plain and dictionary text columns, the totals it gives,
 * bad shapes (refused whole) and bad rows (each reported, placed).
 * Usage: perfbudget_c_columns_test [scratch-dir] (unused). */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "perfbudget/perfbudget.h"

#define WAN 1000000LL /* 1 万元 in fen */

static pfb_builder* new_builder(void) {
  pfb_builder* b = NULL;
  EXPECT(pfb_builder_create("341300", "宿马园区", 2022, 1, 0, "columns", &b, &err_), PFB_OK);
  EXPECT(pfb_builder_add_unit(b, "U01", "园区管委会", &err_), PFB_OK);
  EXPECT(pfb_builder_add_project(b, "P001", "U01", "道路", "", 0, 0, 0, 0, 0, &err_), PFB_OK);
  EXPECT(pfb_builder_add_project(b, "P002", "U01", "绿化", "", 0, 0, 0, 0, 0, &err_), PFB_OK);
  EXPECT(pfb_builder_add_fund_line(b, "P001", 0, 500 * WAN, 0, &err_), PFB_OK);
  EXPECT(pfb_builder_add_fund_line(b, "P002", 0, 300 * WAN, 0, &err_), PFB_OK);
  return b;
}

/* Three rows: P001 100万 (V1), P002 30万 (no id), P001 20万 (V3). */
static const int32_t kDates[] = {20220310, 20220415, 20220520};
static const int32_t kSources[] = {0, 0, 0};
static const int64_t kAmounts[] = {100 * WAN, 30 * WAN, 20 * WAN};

static void test_plain_and_dictionary(void) {
  static const char kProjects[] = "P001P002P001";
  static const uint64_t kProjectOffsets[] = {0, 4, 8, 12};
  static const char kIds[] = "V1V3";
  static const uint64_t kIdOffsets[] = {0, 2, 2, 4};
  static const char kDict[] = "P002P001";
  static const uint64_t kDictOffsets[] = {0, 4, 8};
  static const uint32_t kCodes[] = {1, 0, 1};
  int form;
  for (form = 0; form < 2; ++form) {
    pfb_builder* b = new_builder();
    pfb_dataset* ds = NULL;
    pfb_disbursement_columns c = PFB_DISBURSEMENT_COLUMNS_INIT;
    int64_t executed = 0;
    c.count = 3;
    c.id.data = kIds;
    c.id.size = 4;
    c.id.offsets = kIdOffsets;
    if (form == 0) {
      c.project_id.data = kProjects;
      c.project_id.size = 12;
      c.project_id.offsets = kProjectOffsets;
    } else {
      c.project_id.data = kDict;
      c.project_id.size = 8;
      c.project_id.offsets = kDictOffsets;
      c.project_id.codes = kCodes;
      c.project_id.dictionary_count = 2;
    }
    c.date = kDates;
    c.source = kSources;
    c.amount_fen = kAmounts;
    EXPECT(pfb_builder_add_disbursement_columns(b, &c, &err_), PFB_OK);
    EXPECT(pfb_builder_build(b, &ds, &err_), PFB_OK);
    CHECK_I64(pfb_dataset_disbursement_count(ds), 3);
    EXPECT(pfb_dataset_project_totals(ds, 0, PFB_AS_OF_NO_CUTOFF, NULL, NULL, &executed, &err_),
           PFB_OK);
    CHECK_I64(executed, 120 * WAN); /* P001: 100 + 20 万 */
    EXPECT(pfb_dataset_project_totals(ds, 1, PFB_AS_OF_NO_CUTOFF, NULL, NULL, &executed, &err_),
           PFB_OK);
    CHECK_I64(executed, 30 * WAN);
    pfb_dataset_destroy(ds);
    pfb_builder_destroy(b);
  }
}

static void test_bad_shapes_add_nothing(void) {
  static const char kProjects[] = "P001P002P001";
  static const uint64_t kDescending[] = {0, 8, 4, 12};
  static const uint64_t kPastEnd[] = {0, 4, 8, 13};
  static const uint64_t kGood[] = {0, 4, 8, 12};
  static const uint32_t kBadCodes[] = {0, 2, 1};
  pfb_builder* b = new_builder();
  pfb_dataset* ds = NULL;
  pfb_disbursement_columns c = PFB_DISBURSEMENT_COLUMNS_INIT;
  pfb_error* err = NULL;
  c.count = 3;
  c.project_id.data = kProjects;
  c.project_id.size = 12;
  c.date = kDates;
  c.source = kSources;
  c.amount_fen = kAmounts;
  /* project_id missing (offsets NULL). */
  EXPECT(pfb_builder_add_disbursement_columns(b, &c, &err_), PFB_INVALID_ARGUMENT);
  c.project_id.offsets = kDescending;
  CHECK(pfb_builder_add_disbursement_columns(b, &c, &err) == PFB_INVALID_ARGUMENT);
  CHECK_HAS(pfb_error_message(err), "ascending");
  pfb_error_destroy(err);
  c.project_id.offsets = kPastEnd;
  EXPECT(pfb_builder_add_disbursement_columns(b, &c, &err_), PFB_INVALID_ARGUMENT);
  c.project_id.offsets = kGood;
  c.project_id.codes = kBadCodes;
  c.project_id.dictionary_count = 2;
  err = NULL;
  CHECK(pfb_builder_add_disbursement_columns(b, &c, &err) == PFB_INVALID_ARGUMENT);
  CHECK_HAS(pfb_error_message(err), "codes[1]");
  pfb_error_destroy(err);
  c.project_id.codes = NULL;
  c.date = NULL;
  EXPECT(pfb_builder_add_disbursement_columns(b, &c, &err_), PFB_INVALID_ARGUMENT);
  c.date = kDates;
  c.version = 2;
  EXPECT(pfb_builder_add_disbursement_columns(b, &c, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_disbursement_columns(b, NULL, &err_), PFB_INVALID_ARGUMENT);
  EXPECT(pfb_builder_add_disbursement_columns(NULL, &c, &err_), PFB_INVALID_ARGUMENT);
  /* None of it added anything: the build succeeds with no disbursement. */
  EXPECT(pfb_builder_build(b, &ds, &err_), PFB_OK);
  CHECK_I64(pfb_dataset_disbursement_count(ds), 0);
  pfb_dataset_destroy(ds);
  pfb_builder_destroy(b);
}

static void test_bad_rows_each_reported(void) {
  static const char kProjects[] = "P001P002P001";
  static const uint64_t kOffsets[] = {0, 4, 8, 12};
  static const int32_t kBadDates[] = {20220310, 20220230, 20220520};
  static const int32_t kBadSources[] = {0, 0, 99};
  pfb_builder* b = new_builder();
  pfb_dataset* ds = (pfb_dataset*)1;
  pfb_disbursement_columns c = PFB_DISBURSEMENT_COLUMNS_INIT;
  pfb_error* err = NULL;
  uint32_t i, n;
  int date_row = 0, source_row = 0;
  c.count = 3;
  c.project_id.data = kProjects;
  c.project_id.size = 12;
  c.project_id.offsets = kOffsets;
  c.date = kBadDates;
  c.source = kBadSources;
  c.amount_fen = kAmounts;
  CHECK(pfb_builder_add_disbursement_columns(b, &c, &err) == PFB_INVALID_ARGUMENT);
  CHECK_HAS(pfb_error_message(err), "2 of 3");
  pfb_error_destroy(err);
  err = NULL;
  CHECK(pfb_builder_build(b, &ds, &err) == PFB_INVALID_ARGUMENT);
  CHECK(ds == NULL);
  n = pfb_error_diagnostic_count(err);
  for (i = 0; i < n; ++i) {
    const char* path = pfb_error_diagnostic_path(err, i);
    const char* field = pfb_error_diagnostic_field(err, i);
    if (strcmp(path, "disbursements[1]") == 0 && strcmp(field, "date") == 0) date_row = 1;
    if (strcmp(path, "disbursements[2]") == 0 && strcmp(field, "source") == 0) source_row = 1;
  }
  CHECK(date_row);
  CHECK(source_row);
  pfb_error_destroy(err);
  pfb_builder_destroy(b);
}

int main(int argc, char** argv) {
  (void)argc;
  (void)argv;
  test_plain_and_dictionary();
  test_bad_shapes_add_nothing();
  test_bad_rows_each_reported();
  return check_report();
}
