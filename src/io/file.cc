// file.cc: ReadFile and WriteFileAtomically (perfbudget/io/file.h), and the
// guarded opening behind them (io/file_internal.h).
#include "perfbudget/io/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "io/file_internal.h"

namespace perfbudget {
namespace file_internal {
namespace {

// `what "path"` or `"path"` for messages.
std::string Subject(std::string_view what, const std::string& path) {
  return what.empty() ? absl::StrCat("\"", path, "\"") : absl::StrCat(AV(what), " \"", path, "\"");
}

absl::Status ErrnoStatus(int err, std::string_view verb, std::string_view what,
                         const std::string& path) {
  const std::string message =
      absl::StrCat(AV(verb), " ", Subject(what, path), ": ", std::strerror(err));
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return absl::NotFoundError(message);
    case EACCES:
    case EPERM:
    case EROFS:
      return absl::PermissionDeniedError(message);
    case EISDIR:
      return absl::FailedPreconditionError(message);
    default:
      return absl::InternalError(message);
  }
}

// What a non-regular file is, for the message refusing it.
std::string_view FileTypeName(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

absl::Status NotRegular(const ReadFileOptions& options, const std::string& path, mode_t mode) {
  return absl::FailedPreconditionError(
      absl::StrCat("cannot read ", Subject(options.what, path), ": not a regular file but ",
                   AV(FileTypeName(mode)), " (only regular files are read)"));
}

std::uint64_t Limit(const ReadFileOptions& options) {
  return std::min(options.max_bytes, kMaxInputFileBytes);
}

absl::Status TooLarge(const ReadFileOptions& options, const std::string& path,
                      std::uint64_t size_or_more) {
  return absl::ResourceExhaustedError(absl::StrCat("cannot read ", Subject(options.what, path),
                                                   ": ", size_or_more, " bytes or more, over the ",
                                                   Limit(options), "-byte limit"));
}

}  // namespace

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

UniqueFd::~UniqueFd() {
  if (fd_ >= 0) ::close(fd_);
}

int UniqueFd::Close() {
  const int fd = fd_;
  fd_ = -1;
  return ::close(fd) == 0 ? 0 : errno;
}

absl::StatusOr<OpenedFile> OpenRegularFile(const std::string& path,
                                           const ReadFileOptions& options) {
  // O_NONBLOCK: opening a FIFO nobody writes to returns at once (it is then
  // refused below); O_NOCTTY: a terminal named by mistake is not adopted.
  int fd_raw;
  do {
    fd_raw = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  } while (fd_raw < 0 && errno == EINTR);
  if (fd_raw < 0) {
    const int err = errno;
    // A socket cannot be opened at all (ENXIO): say what it is.
    struct stat st;
    if ((err == ENXIO || err == ENODEV) && ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      return NotRegular(options, path, st.st_mode);
    }
    return ErrnoStatus(err, "cannot open", options.what, path);
  }
  OpenedFile out;
  out.fd = UniqueFd(fd_raw);
  struct stat st;
  if (::fstat(fd_raw, &st) != 0) return ErrnoStatus(errno, "cannot stat", options.what, path);
  if (S_ISDIR(st.st_mode)) return ErrnoStatus(EISDIR, "cannot read", options.what, path);
  if (!S_ISREG(st.st_mode)) return NotRegular(options, path, st.st_mode);
  out.size = static_cast<std::uint64_t>(st.st_size);
  if (out.size > Limit(options)) return TooLarge(options, path, out.size);
  return out;
}

absl::StatusOr<std::string> ReadAll(const OpenedFile& file, const std::string& path,
                                    const ReadFileOptions& options) {
  const std::uint64_t limit = Limit(options);
  std::string out;
  std::size_t used = 0;
  out.reserve(static_cast<std::size_t>(file.size) + kReadSlack);
  out.resize(out.capacity() - kReadSlack);
  char probe[4096];
  while (true) {
    // Read into the string while it has room, then into `probe` (usually
    // just to see the end of the file; more data means the file grew or its
    // size was unknown, as for files under /proc).
    const bool into_out = used < out.size();
    char* dst = into_out ? out.data() + used : probe;
    const std::size_t room = into_out ? out.size() - used : sizeof(probe);
    const ssize_t n = ::read(file.fd.get(), dst, room);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, "cannot read", options.what, path);
    }
    if (n == 0) break;
    if (used + static_cast<std::size_t>(n) > limit) {
      return TooLarge(options, path, used + static_cast<std::size_t>(n));
    }
    if (!into_out) {
      out.reserve(std::max<std::size_t>(2 * out.size(), 65536) + kReadSlack);
      out.resize(out.capacity() - kReadSlack);
      std::memcpy(out.data() + used, probe, static_cast<std::size_t>(n));
    }
    used += static_cast<std::size_t>(n);
  }
  out.resize(used);
  return out;
}

}  // namespace file_internal

namespace {

std::string ParentDir(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

absl::StatusOr<std::string> ReadFile(const std::string& path, const ReadFileOptions& options) {
  absl::StatusOr<file_internal::OpenedFile> file = file_internal::OpenRegularFile(path, options);
  if (!file.ok()) return file.status();
  return file_internal::ReadAll(*file, path, options);
}

absl::Status WriteFileAtomically(const std::string& path, std::string_view content) {
  using file_internal::ErrnoStatus;
  if (path.empty()) return absl::InvalidArgumentError("cannot write a file with an empty path");
  const std::string dir = ParentDir(path);
  // mkstemp needs a writable template in the same folder, so rename is atomic.
  std::string tmp = path + ".tmp.XXXXXX";
  const int fd_raw = ::mkstemp(tmp.data());
  if (fd_raw < 0) return ErrnoStatus(errno, "cannot create a temporary file beside", "", path);
  file_internal::UniqueFd fd(fd_raw);
  const auto fail = [&](int err, std::string_view what) {
    ::unlink(tmp.c_str());
    return ErrnoStatus(err, what, "", path);
  };
  // Keep the mode of the file being replaced; new files get rw-r--r--.
  struct stat st;
  const mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
  if (::fchmod(fd.get(), mode) != 0) return fail(errno, "cannot set the mode of");
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd.get(), content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(errno, "cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0) return fail(errno, "cannot flush");
  if (const int err = fd.Close(); err != 0) return fail(err, "cannot close");
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail(errno, "cannot replace");
  // Make the rename itself durable (best effort: some file systems refuse).
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return absl::OkStatus();
}

}  // namespace perfbudget
