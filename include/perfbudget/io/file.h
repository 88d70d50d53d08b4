// file.h: reading and writing whole files, the one way every input and output
// file of the library goes (datasets, each CSV table, policy profiles, and
// whatever is added later).
//
// Reading is guarded: the file is opened without blocking and checked before
// a byte is read, so a directory, a FIFO, a socket or a device (/dev/zero,
// which never ends) is a clear error at once, never a hang or an allocation
// failure; a file over the size limit is refused from its size.
#ifndef PERFBUDGET_IO_FILE_H_
#define PERFBUDGET_IO_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace perfbudget {

// The largest input file any reader accepts (offsets in diagnostics are
// 32-bit): 4 GiB.
inline constexpr std::uint64_t kMaxInputFileBytes = std::uint64_t{4} << 30;

struct ReadFileOptions {
  // Files larger than this are refused (ResourceExhausted) before reading.
  // Never above kMaxInputFileBytes (a larger value is taken as that).
  std::uint64_t max_bytes = kMaxInputFileBytes;
  // What the file is, for messages: "the policy file" → `cannot read the
  // policy file "p.json": ...`. Empty: `cannot read "p.json": ...`.
  std::string_view what = {};
};

// Reads a whole regular file. Refused at once, before reading: a directory,
// a FIFO or other pipe, a socket, a device, a file over `max_bytes`.
// Errors (each naming the path and the reason):
//   NotFound          the path does not exist (or a component is not a folder)
//   PermissionDenied  the file may not be read
//   FailedPrecondition a directory, FIFO, socket or device
//   ResourceExhausted over the size limit
//   Internal          any other system error
absl::StatusOr<std::string> ReadFile(const std::string& path, const ReadFileOptions& options = {});

// Writes `content` to `path` atomically (temporary file beside it + rename);
// a file being replaced keeps its mode, a new one gets rw-r--r--.
absl::Status WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace perfbudget

#endif  // PERFBUDGET_IO_FILE_H_
