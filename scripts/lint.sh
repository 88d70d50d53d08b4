#!/usr/bin/env bash
# Checks the tree against .clang-format and .clang-tidy (needs the Debian
# packages clang-format and clang-tidy, and a configured build for the
# compile commands). Usage: scripts/lint.sh [--format-only] [BUILD_DIR]
# Exit 0 when clean; 1 with the findings otherwise. Not part of the test
# suite (clang-tidy takes minutes); run it before sending a change.
set -euo pipefail
cd "$(dirname "$0")/.."
format_only=0
if [ "${1:-}" = "--format-only" ]; then
  format_only=1
  shift
fi
build=${1:-build/release}
status=0

mapfile -t sources < <(git ls-files '*.cc' '*.h' '*.hpp' '*.c')
if ! clang-format --dry-run --Werror "${sources[@]}"; then
  echo "lint: clang-format: the files above are not formatted (clang-format -i FILE)" >&2
  status=1
fi
[ "$format_only" = 1 ] && exit "$status"

if [ ! -f "$build/compile_commands.json" ]; then
  echo "lint: no $build/compile_commands.json; configure first (cmake --preset release)" >&2
  exit 2
fi
mapfile -t units < <(git ls-files 'src/*.cc' 'capi/src/*.cc' 'cli/*.cc' | grep -v '_test\.cc$')
out=$(printf '%s\n' "${units[@]}" | xargs -P "$(nproc)" -n 1 clang-tidy -p "$build" --quiet 2>/dev/null || true)
if printf '%s\n' "$out" | grep -q "warning:"; then
  printf '%s\n' "$out" >&2
  echo "lint: clang-tidy has findings (above)" >&2
  status=1
fi
exit "$status"
