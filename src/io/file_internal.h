// file_internal.h: the guarded opening behind ReadFile, for readers that do
// more than read a file into a string (the JSON reader maps large files).
// Not installed.
#ifndef PERFBUDGET_SRC_IO_FILE_INTERNAL_H_
#define PERFBUDGET_SRC_IO_FILE_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "perfbudget/io/file.h"

namespace perfbudget::file_internal {

// An open descriptor, closed on destruction.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd();
  int get() const { return fd_; }
  // Closes now; returns the close error (0 if none).
  int Close();

 private:
  int fd_ = -1;
};

// A regular file opened for reading, with its size when opened.
struct OpenedFile {
  UniqueFd fd;
  std::uint64_t size = 0;
};

// Opens `path` the way ReadFile does: without blocking (O_NONBLOCK, so a FIFO
// nobody writes to cannot hang), then refuses anything but a regular file
// and a size over the limit. Same errors as ReadFile.
absl::StatusOr<OpenedFile> OpenRegularFile(const std::string& path,
                                           const ReadFileOptions& options = {});

// Reads the rest of an opened file, to its end (more than its size when
// opened if it grew, never over the limit), leaving at least kReadSlack bytes
// of spare capacity after the content (a JSON parser's padding fits without
// another copy). Errors name `path`.
inline constexpr std::size_t kReadSlack = 64;
absl::StatusOr<std::string> ReadAll(const OpenedFile& file, const std::string& path,
                                    const ReadFileOptions& options = {});

}  // namespace perfbudget::file_internal

#endif  // PERFBUDGET_SRC_IO_FILE_INTERNAL_H_
