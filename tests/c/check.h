/* check.h: the check harness shared by the C ABI test programs
 * (tests/c/<name>_test.c, strict C99). Each program includes it once:
 *
 *   CHECK(cond), CHECK_STR(got, want), CHECK_I64(got, want),
 *   CHECK_HAS(got, part)   count a check; print and count a failure;
 *   EXPECT(call, want)     the call's status is `want`; a failure comes with
 *                          a proper error object of the same code, a success
 *                          leaves the error NULL (the error is destroyed);
 *   return check_report(); at the end of main: prints the counts, returns the
 *                          exit status (0 when no check failed).
 *
 * A failure's error object is proper when CHECK_ERROR_IS_PROPER(err, code)
 * holds: by default it has that code and a non-empty message. A program may
 * define CHECK_ERROR_IS_PROPER before including this header to check more. */
#ifndef PERFBUDGET_TESTS_C_CHECK_H_
#define PERFBUDGET_TESTS_C_CHECK_H_

#include <stdio.h>
#include <string.h>

#include "perfbudget/perfbudget.h"

static int g_failures = 0;
static int g_checks = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    ++g_checks;                                                                \
    if (!(cond)) {                                                             \
      ++g_failures;                                                            \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

#define CHECK_STR(got, want)                                                  \
  do {                                                                        \
    const char* got_ = (got);                                                 \
    ++g_checks;                                                               \
    if (got_ == NULL || strcmp(got_, (want)) != 0) {                          \
      ++g_failures;                                                           \
      fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
              got_ == NULL ? "(null)" : got_, (want));                        \
    }                                                                         \
  } while (0)

#define CHECK_I64(got, want)                                                                    \
  do {                                                                                          \
    long long got_ = (long long)(got), want_ = (long long)(want);                               \
    ++g_checks;                                                                                 \
    if (got_ != want_) {                                                                        \
      ++g_failures;                                                                             \
      fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, got_, want_); \
    }                                                                                           \
  } while (0)

/* The text contains `part`. */
#define CHECK_HAS(got, part)                                                         \
  do {                                                                               \
    const char* got_ = (got);                                                        \
    ++g_checks;                                                                      \
    if (got_ == NULL || strstr(got_, (part)) == NULL) {                              \
      ++g_failures;                                                                  \
      fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n", __FILE__, __LINE__, \
              got_ == NULL ? "(null)" : got_, (part));                               \
    }                                                                                \
  } while (0)

#ifndef CHECK_ERROR_IS_PROPER
#define CHECK_ERROR_IS_PROPER(err, code) \
  ((err) != NULL && pfb_error_code(err) == (code) && pfb_error_message(err)[0] != '\0')
#endif

/* Checks a call's status; on an unexpected one prints the error. A failure
 * must come with a proper error object of the same code; a success must
 * leave the error NULL. Destroys the error either way. */
static inline void expect_status(const char* file, int line, int32_t got, int32_t want,
                                 pfb_error* err) {
  ++g_checks;
  if (got != want) {
    ++g_failures;
    fprintf(stderr, "%s:%d: status %s (%d), want %s: %s\n", file, line, pfb_status_name(got),
            (int)got, pfb_status_name(want), pfb_error_message(err));
  } else if (got != PFB_OK && !CHECK_ERROR_IS_PROPER(err, got)) {
    ++g_failures;
    fprintf(stderr, "%s:%d: failure %s without a proper error object\n", file, line,
            pfb_status_name(got));
  } else if (got == PFB_OK && err != NULL) {
    ++g_failures;
    fprintf(stderr, "%s:%d: success left an error object\n", file, line);
  }
  pfb_error_destroy(err);
}
#define EXPECT(call, want)                                \
  do {                                                    \
    pfb_error* err_ = (pfb_error*)1; /* garbage */        \
    int32_t rc_ = (call);                                 \
    expect_status(__FILE__, __LINE__, rc_, (want), err_); \
  } while (0)

/* Prints the counts; returns main's exit status (0 when no check failed). */
static inline int check_report(void) {
  printf("%d checks, %d failed\n", g_checks, g_failures);
  return g_failures == 0 ? 0 : 1;
}

#endif /* PERFBUDGET_TESTS_C_CHECK_H_ */
