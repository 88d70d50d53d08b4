#!/usr/bin/env bash
# compare.sh: perfbudget reclaim vs the same pass in pandas and in DuckDB,
# side by side (issue 9, "Speed and memory"; figures in bench/README.md).
#
#   bash bench/compare.sh [--million] [--no-100k] [--runs N] [--dir DIR] [--as-of DATE]
#
# Generates the province data once into DIR (default /tmp/perfbudget-compare;
# never inside the repo):
#   perfbudget synth --seed 1 --units 1000 --projects 100000 --disbursements-per-project 11
# as CSV, and with --million also 1,000,000 projects (--indicators-per-goal 0:
# synth would otherwise hold ≈ 13 GB while generating; the monitoring tables
# have the same shape). Every tool reads the same folder of the seven
# monitoring tables (dataset, units, projects, funds, adjustments,
# payment_plan, disbursements; hard links into the generated folder): the
# tables `reclaim` reads and the passes need. Then, per size:
#   1. bench/compare_check.sh: the totals of all three must agree (exit 1 if not);
#   2. N runs (default 3) of each tool, interleaved, under /usr/bin/time -v:
#      - perfbudget --format json reclaim DIR --as-of DATE > /dev/null
#        (end to end: load, monitor, reclaim, zh messages, JSON out);
#      - /usr/bin/python3 bench/compare_pandas.py DIR --as-of DATE
#      - node bench/duckdb/compare_duckdb.mjs DIR --as-of DATE (DuckDB's default threads,
#        then again with DUCKDB_THREADS=1: perfbudget's pass uses one core)
#   and prints the median and range of CPU time (user + sys: the main figure on
#   a shared machine), wall time and peak RSS, with the load average before
#   and after and the folder's size.
#
# PERFBUDGET (default build/release/perfbudget), PYTHON (/usr/bin/python3:
# Debian's, with pandas) and NODE (node) may be set. Needs /usr/bin/time (the
# Debian package `time`) and `npm install` in bench/duckdb.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
export PERFBUDGET=${PERFBUDGET:-$root/build/release/perfbudget}
export PYTHON=${PYTHON:-/usr/bin/python3}
export NODE=${NODE:-node}
dir=/tmp/perfbudget-compare
runs=3
as_of=2022-08-31
with_100k=1
with_million=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --million) with_million=1 ;;
    --no-100k) with_100k=0 ;;
    --runs) runs=$2; shift ;;
    --dir) dir=$2; shift ;;
    --as-of) as_of=$2; shift ;;
    *) echo "usage: $0 [--million] [--no-100k] [--runs N] [--dir DIR] [--as-of DATE]" >&2; exit 2 ;;
  esac
  shift
done
sizes=()
[[ $with_100k == 1 ]] && sizes+=(100000)
[[ $with_million == 1 ]] && sizes+=(1000000)
[[ -x $PERFBUDGET ]] || { echo "no perfbudget at $PERFBUDGET (build it, or set PERFBUDGET)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 2; }
[[ -d $here/duckdb/node_modules/@duckdb/node-api ]] ||
  { echo "needs DuckDB's Node package: (cd bench/duckdb && npm install)" >&2; exit 2; }
mkdir -p "$dir"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# One timed run: appends "tool cpu wall rss_kb" to $dir/times.txt.
timed() {
  local tool=$1
  shift
  local log=$dir/time.log
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || {
    echo "$tool failed:" >&2
    cat "$log" >&2
    exit 1
  }
  awk -v tool="$tool" -F': ' '
    /User time/ {u = $2} /System time/ {s = $2} /Maximum resident/ {m = $2}
    /Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i]
    }
    END {printf "%s %.2f %.2f %d\n", tool, u + s, w, m}' "$log" >>"$dir/times.txt"
}

summary() {
  # median (min–max) per tool and column
  awk '
    function sort(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t } }
    function med(a, n) { return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    { k = $1; n[k]++; c[k, n[k]] = $2; w[k, n[k]] = $3; r[k, n[k]] = $4; if (!(k in seen)) { seen[k] = 1; order[++m] = k } }
    END {
      print "| tool | runs | CPU user+sys, s: median (min–max) | wall, s: median (min–max) | peak RSS, MB: median (min–max) |"
      print "|---|---|---|---|---|"
      for (i = 1; i <= m; i++) {
        k = order[i]; cnt = n[k]
        for (j = 1; j <= cnt; j++) { a[j] = c[k, j]; b[j] = w[k, j]; d[j] = r[k, j] / 1000 }
        sort(a, cnt); sort(b, cnt); sort(d, cnt)
        printf "| %s | %d | %.2f (%.2f–%.2f) | %.2f (%.2f–%.2f) | %.0f (%.0f–%.0f) |\n", k, cnt,
          med(a, cnt), a[1], a[cnt], med(b, cnt), b[1], b[cnt], med(d, cnt), d[1], d[cnt]
      }
    }' "$dir/times.txt"
}

for n in "${sizes[@]}"; do
  full=$dir/synth-$n
  data=$dir/monitoring-$n
  if [[ ! -f $full/disbursements.csv ]]; then
    extra=()
    [[ $n -gt 100000 ]] && extra=(--indicators-per-goal 0)
    echo "generating $full ..."
    "$PERFBUDGET" synth --seed 1 --units 1000 --projects "$n" --disbursements-per-project 11 \
      "${extra[@]}" --to csv --force "$full" >/dev/null
  fi
  rm -rf "$data"
  mkdir -p "$data"
  for t in dataset units projects funds adjustments payment_plan disbursements; do
    ln "$full/$t.csv" "$data/$t.csv"
  done
  bytes=$(cat "$data"/*.csv | wc -c)
  echo
  echo "== $n projects: $data, $bytes bytes of CSV ($(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB), as of $as_of"
  echo "totals check:"
  bash "$here/compare_check.sh" "$data" "$as_of"
  : >"$dir/times.txt"
  echo "load average before: $(loadavg) ($(nproc) cores); $(date -u '+%F %T UTC')"
  for ((i = 1; i <= runs; i++)); do
    timed "perfbudget_reclaim" "$PERFBUDGET" --format json reclaim "$data" --as-of "$as_of"
    timed "pandas" "$PYTHON" "$here/compare_pandas.py" "$data" --as-of "$as_of"
    timed "DuckDB" "$NODE" "$here/duckdb/compare_duckdb.mjs" "$data" --as-of "$as_of"
    DUCKDB_THREADS=1 timed "DuckDB_1_thread" "$NODE" "$here/duckdb/compare_duckdb.mjs" "$data" --as-of "$as_of"
  done
  echo "load average after: $(loadavg); $(date -u '+%F %T UTC')"
  summary
  cp "$dir/times.txt" "$dir/times-$n.txt"
done
