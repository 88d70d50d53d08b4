// fuzz_util.h: what the fuzz targets share (fuzz/README in docs/testing.md).
//
// Each target defines LLVMFuzzerTestOneInput. It is linked either with
// libFuzzer (-fsanitize=fuzzer, the `fuzz` preset) or with replay_main.cc, a
// plain driver that feeds it the files named on its command line (how ctest
// replays the corpora and the crash regressions in every build).
//
// A target aborts (FUZZ_CHECK) when a property that must hold does not: an
// analysis fails on a dataset that loaded, a written dataset does not read
// back the same, and so on. Sanitizers catch the rest.
#ifndef PERFBUDGET_FUZZ_FUZZ_UTIL_H_
#define PERFBUDGET_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace perfbudget::fuzz {

[[noreturn]] inline void Fail(const char* file, int line, const char* what,
                              std::string_view detail) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n%.*s\n", file, line, what,
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

#define FUZZ_CHECK(cond, detail)                                                \
  do {                                                                          \
    if (!(cond)) ::perfbudget::fuzz::Fail(__FILE__, __LINE__, #cond, (detail)); \
  } while (false)

// The source folder (for the example and test data the targets start from).
inline std::string SourceDir() {
  if (const char* env = std::getenv("PERFBUDGET_SOURCE_DIR")) return env;
  return PERFBUDGET_SOURCE_DIR;
}

// A fresh private folder under $TMPDIR (or /tmp), made once per process.
std::string ScratchDir();

// Writes `data` to `path` (replacing it). Aborts when it cannot.
void WriteWholeFile(const std::string& path, std::string_view data);

// Reads a whole file. Aborts when it cannot.
std::string ReadWholeFile(const std::string& path);

// A cheap, stable hash of the input, to choose options deterministically.
inline std::uint32_t Mix(const std::uint8_t* data, std::size_t size) {
  std::uint32_t h = 2166136261u;
  for (std::size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 16777619u;
  return h;
}

}  // namespace perfbudget::fuzz

#endif  // PERFBUDGET_FUZZ_FUZZ_UTIL_H_
