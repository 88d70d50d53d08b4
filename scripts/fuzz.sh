#!/usr/bin/env bash
# Runs each libFuzzer target for a fixed time on its corpus. docs/testing.md.
#
#   scripts/fuzz.sh [--preset fuzz|asan] [SECONDS] [TARGET...]
#       default: the `fuzz` preset (Clang 14 -O1, ASan + UBSan, no tests),
#       15 s, every target
#   scripts/fuzz.sh --preset asan 30         what .ci/run does: the targets
#       the asan suite has already built (build/asan), 30 s each
#   FUZZ_JOBS=2 scripts/fuzz.sh 3600 dataset_json   an hour, two processes
#
# FUZZ_PARALLEL=N runs N targets at a time (default 1; CI: 2, one a core).
# FUZZ_CPU_SECONDS=N stops each target (SIGINT: libFuzzer prints its final
# stats) once its process has used N seconds of CPU, for a fair hour on a
# machine shared with other work (then SECONDS is only a wall-clock cap);
# FUZZ_NICE=N runs the targets at that nice level; FUZZ_TIMEOUT=N (default
# 10) is the seconds of wall clock after which one input counts as a hang
# (raise it on a starved machine).
#   FUZZ_PARALLEL=5 FUZZ_NICE=19 FUZZ_TIMEOUT=60 FUZZ_CPU_SECONDS=3600 scripts/fuzz.sh 30000
# Inputs libFuzzer finds are kept in build/<preset>/fuzz-corpus/<target> (the
# repo's fuzz/corpus/<target> is only read). A crash stops the target, is
# saved as build/<preset>/fuzz-crashes/<target>/crash-* and makes the script
# fail: copy it to fuzz/regressions/<target>/ (ctest then replays it in every
# build, test fuzz.replay.<target>) and fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=fuzz
if [ "${1:-}" = "--preset" ]; then
  preset="${2:?--preset needs a name (fuzz or asan)}"
  shift 2
fi
seconds="${1:-15}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dataset_json csv_table policy_json money_date capi_builder)
build="build/$preset"
if [ "$preset" = fuzz ]; then
  bash scripts/deps.sh clang-14 libclang-rt-14-dev
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz
else
  # Another preset's fuzz targets (asan: PERFBUDGET_FUZZ is on there), built
  # by its suite; only the targets themselves are brought up to date here.
  fuzzers=()
  for t in "${targets[@]}"; do fuzzers+=("fuzz_$t"); done
  cmake --build --preset "$preset" --target "${fuzzers[@]}"
fi

# One target: SECONDS on its corpus; the log in $build/fuzz-logs/<target>.log.
run_one() {
  local t=$1
  local work="$build/fuzz-corpus/$t" crashes="$build/fuzz-crashes/$t" log="$build/fuzz-logs/$t.log"
  mkdir -p "$work" "$crashes" "$build/fuzz-logs"
  local jobs=()
  if [ -n "${FUZZ_JOBS:-}" ]; then jobs=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS"); fi
  # -timeout: an input taking over 10 s is a hang; -rss_limit_mb: a runaway
  # allocation is a failure too. UBSan reports abort (no recovery).
  local rc=0
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
    nice -n "${FUZZ_NICE:-0}" "$build/fuzz/fuzz_$t" "$work" "fuzz/corpus/$t" \
    -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
    -print_final_stats=1 \
    -artifact_prefix="$crashes/" "${jobs[@]}" >"$log" 2>&1 &
  local pid=$!
  if [ -n "${FUZZ_CPU_SECONDS:-}" ]; then
    local tick stat cpu=0 stopped=0
    tick=$(getconf CLK_TCK)
    while kill -0 "$pid" 2>/dev/null; do
      # utime + stime (fields 14 and 15 of /proc/PID/stat; the name, field
      # 2, has no spaces here).
      if stat=$(cat "/proc/$pid/stat" 2>/dev/null); then
        cpu=$(echo "$stat" | awk -v t="$tick" '{print int(($14 + $15) / t)}')
        echo "$cpu" >"$log.cpu"
        if [ "$cpu" -ge "$FUZZ_CPU_SECONDS" ]; then
          kill -INT "$pid" 2>/dev/null || true
          stopped=1
        fi
      fi
      sleep 5
    done
  fi
  wait "$pid" || rc=$?
  # 72: libFuzzer's exit code when interrupted (here: by the CPU limit).
  if [ "${stopped:-0}" = 1 ] && [ "$rc" = 72 ]; then rc=0; fi
  {
    if [ $rc -ne 0 ]; then
      echo "== fuzz_$t FAILED (exit $rc):"
      tail -n 60 "$log"
    else
      echo "== fuzz_$t ${seconds}s${FUZZ_CPU_SECONDS:+ (or ${FUZZ_CPU_SECONDS} CPU-s; used $(cat "$log.cpu" 2>/dev/null))}: $(grep -E '^#[0-9]+' "$log" | tail -n 1)"
    fi
    grep -E "^stat::(number_of_executed_units|peak_rss_mb)" "$log" || true
  } >"$log.summary"
  echo $rc >"$log.rc"
}

parallel="${FUZZ_PARALLEL:-1}"
for t in "${targets[@]}"; do
  rm -f "$build/fuzz-logs/$t.log.rc"
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n || true; done
  run_one "$t" &
done
wait
failed=()
for t in "${targets[@]}"; do
  cat "$build/fuzz-logs/$t.log.summary"
  [ "$(cat "$build/fuzz-logs/$t.log.rc" 2>/dev/null)" = 0 ] || failed+=("$t")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: crashes in ${failed[*]} (see $build/fuzz-crashes/)" >&2
  exit 1
fi
