/* header_check.c: the public C header compiles on its own as strict C99 and
 * as C++ (tests/c_api.cmake compiles this file both ways with -Werror). */
#include "perfbudget/perfbudget.h"

#if PFB_VERSION_NUMBER != \
    (PFB_VERSION_MAJOR * 1000000 + PFB_VERSION_MINOR * 1000 + PFB_VERSION_PATCH)
#error "PFB_VERSION_NUMBER is inconsistent"
#endif

int pfb_header_check(void);
int pfb_header_check(void) {
  pfb_error* err = NULL;
  pfb_dataset* ds = NULL;
  pfb_builder* b = NULL;
  int64_t fen = 0;
  int32_t rc = pfb_money_parse("1.00", 4, PFB_UNIT_YUAN, &fen, &err);
  pfb_error_destroy(err);
  pfb_dataset_destroy(ds);
  pfb_builder_destroy(b);
  return (int)rc + (int)PFB_ABI_VERSION;
}
