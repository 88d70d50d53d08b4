#!/bin/sh
# threads_same_output.sh CLI SCRATCH: `--threads 1` and `--threads 4` give
# byte-identical output and exit codes (docs/cli.md, --threads): on a
# synthesized year written as CSV (its disbursements over 2 MiB, so read in
# chunks), for `convert` (the whole dataset loaded, written back: every
# analysis is a pure function of it) and a few commands that load it, and on
# a broken copy (diagnostics from several tables, with and without a
# --max-errors cut-off). One indicator a goal and no review/monitor run keep
# it quick under the sanitizers; the C++ tests (src/io/csv_parallel_test.cc)
# try many thread counts and chunk sizes.
set -eu
cli=$1
tmp=$2
rm -rf "$tmp"
mkdir -p "$tmp"
"$cli" synth --seed 7 --units 40 --projects 6000 --disbursements-per-project 11 --indicators-per-goal 1 "$tmp/year" >/dev/null
cp -r "$tmp/year" "$tmp/broken"
printf 'V-bad,P-nope,2022-13-45,general_budget,abc\n' >>"$tmp/broken/disbursements.csv"
printf '"P-x"y,U01\n' >>"$tmp/broken/projects.csv"
printf 'U-z,\n' >>"$tmp/broken/units.csv"

fail=0
same() {  # same NAME ARGS...: runs ARGS with --threads 1 and 4, compares
  name=$1
  shift
  rc1=0
  rc4=0
  "$cli" "$@" --threads 1 >"$tmp/$name.1.out" 2>"$tmp/$name.1.err" || rc1=$?
  "$cli" "$@" --threads 4 >"$tmp/$name.4.out" 2>"$tmp/$name.4.err" || rc4=$?
  if [ "$rc1" != "$rc4" ] || ! cmp -s "$tmp/$name.1.out" "$tmp/$name.4.out" ||
    ! cmp -s "$tmp/$name.1.err" "$tmp/$name.4.err"; then
    echo "FAIL $name: --threads 1 and --threads 4 differ (exit $rc1 / $rc4; see $tmp/$name.*)"
    fail=1
  elif [ ! -s "$tmp/$name.1.out" ] && [ ! -s "$tmp/$name.1.err" ]; then
    echo "FAIL $name: no output"
    fail=1
  else
    echo "ok $name (exit $rc1)"
  fi
}

same check check "$tmp/year"
same summary summary --format json --as-of 2022-08-31 "$tmp/year"
same reclaim reclaim --format csv --as-of 2022-08-31 "$tmp/year"
same convert convert "$tmp/year" -
same check_broken check --format json "$tmp/broken"
same check_broken_cut check --max-errors 2 "$tmp/broken"
same summary_broken summary "$tmp/broken"
same global_first --threads 2 check "$tmp/broken"
# Not a count: a usage error (exit 2).
rc=0
"$cli" check --threads lots "$tmp/year" >/dev/null 2>&1 || rc=$?
if [ "$rc" != 2 ]; then
  echo "FAIL --threads lots: exit $rc, want 2"
  fail=1
fi
exit $fail
