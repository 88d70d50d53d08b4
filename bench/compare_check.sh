#!/usr/bin/env bash
# compare_check.sh: checks that the pandas and DuckDB passes print the same
# totals as perfbudget on one CSV folder at one or more as-of dates.
#
#   bash bench/compare_check.sh CSV_FOLDER DATE [DATE ...]
#
# PERFBUDGET (default build/release/perfbudget), PYTHON (default
# /usr/bin/python3, Debian's, which has pandas) and NODE (default node) may be
# set; TIME_PROGRESS=days runs the passes with the days method (give
# perfbudget a policy with "time_progress": "days" then, e.g. through a
# wrapper script as PERFBUDGET). bench/duckdb needs `npm install` first. Exits 1 on any mismatch (the
# diff is printed), 0 when every total agrees.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
pb=${PERFBUDGET:-$root/build/release/perfbudget}
py=${PYTHON:-/usr/bin/python3}
node=${NODE:-node}
tp=(--time-progress "${TIME_PROGRESS:-months}")

if [[ $# -lt 2 ]]; then
  echo "usage: $0 CSV_FOLDER DATE [DATE ...]" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The monitoring tables only (links): with goals and actuals in the folder,
# `monitor` also runs the goal side (monitoring.indicator_behind), which the
# pandas and DuckDB passes do not reproduce, and project levels would differ.
data=$work/data
mkdir "$data"
for t in dataset units projects funds adjustments payment_plan disbursements; do
  if [[ -f $1/$t.csv ]]; then ln -s "$(cd "$1" && pwd)/$t.csv" "$data/$t.csv"; fi
done
shift

status=0
for as_of in "$@"; do
  # monitor exits 1 when a red warning fired: that is its normal output here.
  rc=0
  "$pb" --format json monitor "$data" --as-of "$as_of" >"$work/monitor.json" || rc=$?
  if [[ $rc -gt 1 ]]; then
    echo "perfbudget monitor failed (exit $rc)" >&2
    exit 1
  fi
  "$pb" --format json reclaim "$data" --as-of "$as_of" >"$work/reclaim.json"
  "$py" "$here/perfbudget_totals.py" "$work/monitor.json" "$work/reclaim.json" >"$work/perfbudget.txt"
  "$py" "$here/compare_pandas.py" "$data" --as-of "$as_of" "${tp[@]}" >"$work/pandas.txt" 2>/dev/null
  "$node" "$here/duckdb/compare_duckdb.mjs" "$data" --as-of "$as_of" "${tp[@]}" >"$work/duckdb.txt" 2>/dev/null
  for other in pandas duckdb; do
    if diff -u "$work/perfbudget.txt" "$work/$other.txt" >"$work/diff.txt"; then
      echo "$as_of: $other totals = perfbudget's ($(wc -l <"$work/perfbudget.txt") lines)"
    else
      echo "$as_of: $other totals DIFFER from perfbudget's:"
      cat "$work/diff.txt"
      status=1
    fi
  done
done
exit $status
