/* A downstream C program: loads a dataset through the C ABI and prints its
 * approved total in fen. Built by the install test three ways: with
 * pkg-config against the shared library, with pkg-config --static against
 * the archive, and with CMake's find_package(perfbudget COMPONENTS C). */
#include <inttypes.h>
#include <stdio.h>

#include "perfbudget/perfbudget.h"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  pfb_dataset* ds = NULL;
  pfb_error* err = NULL;
  if (pfb_dataset_load(argv[1], PFB_ENCODING_UTF8, &ds, &err) != PFB_OK) {
    fprintf(stderr, "%s\n", pfb_error_message(err));
    pfb_error_destroy(err);
    return 1;
  }
  int64_t approved = 0, current = 0, executed = 0;
  int32_t rc = pfb_dataset_totals(ds, 0, &approved, &current, &executed, &err);
  if (rc != PFB_OK) {
    fprintf(stderr, "%s\n", pfb_error_message(err));
    pfb_error_destroy(err);
    pfb_dataset_destroy(ds);
    return 1;
  }
  printf("c approved %" PRId64 " fen, abi %" PRIu32 "\n", approved, pfb_abi_version());
  pfb_dataset_destroy(ds);
  return 0;
}
