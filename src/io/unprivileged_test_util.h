// unprivileged_test_util.h: runs a test's check as an unprivileged user, so
// "permission denied" can be tested when the suite runs as root (CI does).
#ifndef PERFBUDGET_IO_UNPRIVILEGED_TEST_UTIL_H_
#define PERFBUDGET_IO_UNPRIVILEGED_TEST_UTIL_H_

#include <grp.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

namespace perfbudget::io_test {

// Runs `fn` as an unprivileged user: in a child process that drops to
// nobody when the test runs as root (root may read any file, so the check
// would otherwise prove nothing), or directly otherwise. Returns fn's result,
// or -1 when the child could not drop its privileges.
inline int RunUnprivileged(const std::function<int()>& fn) {
  if (::geteuid() != 0) return fn();
  const pid_t pid = ::fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    constexpr uid_t kNobody = 65534;
    if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) {
      ::_exit(100);
    }
    ::_exit(fn());
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status) == 100 ? -1 : WEXITSTATUS(status);
}

}  // namespace perfbudget::io_test

#endif  // PERFBUDGET_IO_UNPRIVILEGED_TEST_UTIL_H_
