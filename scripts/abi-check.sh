#!/bin/sh
# abi-check.sh: checks the C ABI of libperfbudget.so against the committed
# baseline abi/libperfbudget.abi (libabigail), and fails on an incompatible
# change. See docs/c-abi.md, "ABI stability".
#
#   scripts/abi-check.sh [BUILD_DIR]            rebuild the .so in BUILD_DIR (default
#                                               build/abi, configured RelWithDebInfo
#                                               when missing) and compare
#   scripts/abi-check.sh --update [BUILD_DIR]   rewrite the baseline from that build
#
# Policy: added pfb_* functions are compatible (reported, and the baseline
# should then be refreshed with --update in the same commit); a removed
# function, a changed signature or a changed public type is incompatible and
# fails (exit 1) — it needs a new ABI major (PERFBUDGET_ABI_MAJOR, the SONAME).
# Exit 77 (skipped) when libabigail is missing or the library has no debug info.
set -eu

update=0
if [ "${1:-}" = "--update" ]; then
  update=1
  shift
fi
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/abi}
baseline=$root/abi/libperfbudget.abi
headers=$root/capi/include/perfbudget

for tool in abidw abidiff; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "abi-check: $tool not found (install libabigail / abigail-tools); skipped" >&2
    exit 77
  fi
done

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPERFBUDGET_BUILD_BENCH=OFF -DPERFBUDGET_BUILD_TESTS=OFF -DPERFBUDGET_BUILD_CLI=OFF >/dev/null
fi
cmake --build "$build" --target perfbudget_shared -- -j2 >/dev/null
lib=$build/libperfbudget.so.1
if [ ! -e "$lib" ]; then
  echo "abi-check: $lib was not built" >&2
  exit 1
fi
if ! readelf -S "$lib" 2>/dev/null | grep -q '\.debug_info'; then
  echo "abi-check: $lib has no debug info (build with -g, e.g. RelWithDebInfo); skipped" >&2
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Only what the public headers declare: the handles stay opaque, the C++
# internals behind them are not part of the ABI.
abidw --headers-dir "$headers" --drop-private-types --exported-interfaces-only \
  --no-show-locs --no-corpus-path --no-comp-dir-path --no-elf-needed \
  --out-file "$tmp/current.abi" "$lib"

if [ "$update" = 1 ]; then
  cp "$tmp/current.abi" "$baseline"
  echo "abi-check: baseline $baseline updated from $lib"
  exit 0
fi

if [ ! -f "$baseline" ]; then
  echo "abi-check: no baseline $baseline; create it with: scripts/abi-check.sh --update" >&2
  exit 1
fi

status=0
abidiff --no-added-syms "$baseline" "$tmp/current.abi" >"$tmp/report.txt" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  cat "$tmp/report.txt"
  echo "abi-check: INCOMPATIBLE change of the C ABI against $baseline (abidiff status $status)." >&2
  echo "abi-check: keep the old functions (add new ones instead), or bump PERFBUDGET_ABI_MAJOR." >&2
  exit 1
fi
if ! abidiff "$baseline" "$tmp/current.abi" >"$tmp/added.txt" 2>&1; then
  grep "\[A\]" "$tmp/added.txt" || true
  echo "abi-check: compatible: functions were added; refresh the baseline with" \
       "scripts/abi-check.sh --update and commit abi/libperfbudget.abi"
else
  echo "abi-check: the C ABI matches $baseline"
fi
