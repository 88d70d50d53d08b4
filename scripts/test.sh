#!/usr/bin/env bash
# Every test: installs what is missing, builds and runs the whole suite
# (C++ GoogleTest, the C program, CLI goldens, pytest, install and ABI checks)
# through CTest. With --asan, the same suite under AddressSanitizer +
# UndefinedBehaviorSanitizer (benchmarks are not built there).
set -euo pipefail
# Goldens are rewritten only by hand (docs/testing.md): with
# PERFBUDGET_UPDATE_GOLDENS set, every golden test would pass by rewriting
# its golden, so the suite refuses to run at all.
if [ -n "${PERFBUDGET_UPDATE_GOLDENS:-}" ]; then
  echo "scripts/test.sh: refusing to run with PERFBUDGET_UPDATE_GOLDENS=${PERFBUDGET_UPDATE_GOLDENS} set:" \
       "golden tests would rewrite their goldens and pass. Unset it (see docs/testing.md)." >&2
  exit 2
fi
cd "$(dirname "$0")/.."
preset=release
[ "${1:-}" = "--asan" ] && preset=asan
bash scripts/deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" -j2
