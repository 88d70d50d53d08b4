#!/usr/bin/env bash
# Every test: installs what is missing, builds and runs the whole suite
# (C++ GoogleTest, the C program, CLI goldens, pytest, install and ABI checks)
# through CTest. With --asan, the same suite under AddressSanitizer +
# UndefinedBehaviorSanitizer (benchmarks are not built there).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=release
[ "${1:-}" = "--asan" ] && preset=asan
bash scripts/deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" -j2
