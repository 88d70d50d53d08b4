// replay_main.cc: runs a fuzz target on files, without libFuzzer.
//
//   <target>_replay FILE_OR_FOLDER...
//
// Every file (folders: every file in them, sorted) is passed once to
// LLVMFuzzerTestOneInput. A crash or failed check aborts, so ctest reports
// the failure; the corpus and the crash regressions (fuzz/regressions/) are
// replayed this way in every build, with whatever sanitizers it has.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const fs::path p(argv[i]);
    if (fs::is_directory(p)) {
      for (const auto& e : fs::directory_iterator(p)) {
        if (e.is_regular_file()) files.push_back(e.path().string());
      }
    } else {
      files.push_back(p.string());
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    const std::string data = perfbudget::fuzz::ReadWholeFile(f);
    std::fprintf(stderr, "replay %s (%zu bytes)\n", f.c_str(), data.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
  }
  std::fprintf(stderr, "%zu inputs replayed\n", files.size());
  return 0;
}
