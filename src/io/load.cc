// load.cc: LoadDataset (a .json file or a folder of CSV tables), and the file
// helpers every reader and writer uses: ReadFile and WriteFileAtomically.
#include "perfbudget/io/load.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"

namespace perfbudget {
namespace {

// Spare bytes ReadFile leaves after the content, so that a JSON parser's
// padding fits without another copy.
constexpr std::size_t kReadSlack = 64;
// The largest input read (offsets in diagnostics are 32-bit).
constexpr std::size_t kMaxInputBytes = std::size_t{4} << 30;

absl::Status ErrnoStatus(int err, std::string_view what, const std::string& path) {
  const std::string message = absl::StrCat(AV(what), " \"", path, "\": ", std::strerror(err));
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

// Closes a descriptor on scope exit.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closes now; returns the close error (0 if none).
  int Close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

std::string ParentDir(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

absl::StatusOr<std::string> ReadFile(const std::string& path, const ReadFileOptions& options) try {
  const int flags = O_RDONLY | O_CLOEXEC | (options.regular_files_only ? O_NONBLOCK : 0);
  int fd_raw;
  do {
    fd_raw = ::open(path.c_str(), flags);
  } while (fd_raw < 0 && errno == EINTR);
  if (fd_raw < 0) return ErrnoStatus(errno, "cannot open", path);
  Fd fd(fd_raw);
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) return ErrnoStatus(errno, "cannot stat", path);
  if (S_ISDIR(st.st_mode)) return ErrnoStatus(EISDIR, "cannot read", path);
  // Regular files and pipes only: a device such as /dev/zero never ends.
  if (options.regular_files_only && !S_ISREG(st.st_mode)) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot read \"", path,
                     "\": not a regular file (a pipe, device or socket is refused here)"));
  }
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot read \"", path, "\": not a regular file or a pipe"));
  }
  std::string out;
  std::size_t used = 0;
  out.reserve((S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) : 0) + kReadSlack);
  out.resize(out.capacity() - kReadSlack);
  char probe[4096];
  while (true) {
    // Read into the string while it has room, then into `probe` (usually
    // just to see the end of the file; more data means the file grew or
    // its size was unknown).
    const bool into_out = used < out.size();
    char* dst = into_out ? out.data() + used : probe;
    const std::size_t room = into_out ? out.size() - used : sizeof(probe);
    const ssize_t n = ::read(fd.get(), dst, room);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, "cannot read", path);
    }
    if (n == 0) break;
    if (!into_out) {
      out.reserve(std::max<std::size_t>(2 * out.size(), 65536) + kReadSlack);
      out.resize(out.capacity() - kReadSlack);
      std::memcpy(out.data() + used, probe, static_cast<std::size_t>(n));
    }
    used += static_cast<std::size_t>(n);
    if (used > kMaxInputBytes) {
      return absl::ResourceExhaustedError(
          absl::StrCat("cannot read \"", path, "\": larger than ", kMaxInputBytes >> 30, " GiB"));
    }
  }
  out.resize(used);
  return out;
} catch (const std::bad_alloc&) {
  return OutOfMemory("reading a file");
}

absl::Status WriteFileAtomically(const std::string& path, std::string_view content) try {
  if (path.empty()) return absl::InvalidArgumentError("cannot write a file with an empty path");
  const std::string dir = ParentDir(path);
  // mkstemp needs a writable template in the same folder, so rename is atomic.
  std::string tmp = path + ".tmp.XXXXXX";
  const int fd_raw = ::mkstemp(tmp.data());
  if (fd_raw < 0) return ErrnoStatus(errno, "cannot create a temporary file beside", path);
  Fd fd(fd_raw);
  const auto fail = [&](int err, std::string_view what) {
    ::unlink(tmp.c_str());
    return ErrnoStatus(err, what, path);
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
} catch (const std::bad_alloc&) {
  return OutOfMemory("writing a file");
}

absl::StatusOr<Dataset> LoadDataset(const std::string& path, const CsvLoadOptions& options,
                                    Diagnostics* diagnostics) try {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    absl::Status status = ErrnoStatus(errno, "cannot load the dataset", path);
    if (diagnostics != nullptr) {
      Diagnostic d;
      d.kind = DiagnosticKind::kIo;
      d.where.file = path;
      d.expected = "a .json file or a folder of CSV tables";
      d.message = std::string(status.message());
      diagnostics->Add(std::move(d));
    }
    return status;
  }
  LoadOptions json_options;
  json_options.max_errors = options.max_errors;
  if (S_ISDIR(st.st_mode)) {
    const std::string json = absl::StrCat(path, path.ends_with('/') ? "" : "/", "dataset.json");
    struct stat js;
    if (::stat(json.c_str(), &js) == 0 && !S_ISDIR(js.st_mode)) {
      return LoadDatasetJsonFile(json, json_options, diagnostics);
    }
    return LoadDatasetCsv(path, options, diagnostics);
  }
  return LoadDatasetJsonFile(path, json_options, diagnostics);
} catch (const std::bad_alloc&) {
  return OutOfMemory("loading a dataset");
}

}  // namespace perfbudget
