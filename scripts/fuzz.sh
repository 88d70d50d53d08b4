#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: Clang 14, ASan + UBSan)
# and runs each for a fixed time on its corpus. docs/testing.md.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 15 s, every target
#   FUZZ_JOBS=2 scripts/fuzz.sh 3600 dataset_json   an hour, two processes
#
# Inputs libFuzzer finds are kept in build/fuzz/corpus/<target> (the repo's
# fuzz/corpus/<target> is only read). A crash stops the target, is saved as
# build/fuzz/crashes/<target>/crash-* and makes the script fail: copy it to
# fuzz/regressions/<target>/ (ctest then replays it in every build, test
# fuzz.replay.<target>) and fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dataset_json csv_table policy_json money_date capi_builder)
bash scripts/deps.sh clang-14 libclang-rt-14-dev
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
failed=()
for t in "${targets[@]}"; do
  work="build/fuzz/corpus/$t"
  crashes="build/fuzz/crashes/$t"
  mkdir -p "$work" "$crashes"
  echo "== fuzz_$t for ${seconds}s"
  jobs=()
  if [ -n "${FUZZ_JOBS:-}" ]; then jobs=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS"); fi
  # -timeout: an input taking over 10 s is a hang; -rss_limit_mb: a runaway
  # allocation is a failure too. UBSan reports abort (no recovery).
  if ! UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
      "build/fuzz/fuzz/fuzz_$t" "$work" "fuzz/corpus/$t" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$crashes/" "${jobs[@]}" 2>"build/fuzz/$t.log"; then
    tail -n 60 "build/fuzz/$t.log"
    failed+=("$t")
  fi
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+[[:space:]]+DONE)" "build/fuzz/$t.log" || true
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: crashes in ${failed[*]} (see build/fuzz/crashes/)" >&2
  exit 1
fi
