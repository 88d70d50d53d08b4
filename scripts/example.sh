#!/usr/bin/env bash
# The main job on the bundled example: the seed park's FY2022 (宿马园区).
# Installs what is missing, builds, then runs the CLI: summary, goal review,
# dual monitoring at 2022-08-31, the dataset's as-of date (with the
# execution-curve chart), and reclaim; then the year-end half on the
# example's three years.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release
pb=build/release/perfbudget
data=examples/suma-park-2022/dataset.json
mkdir -p out
run() { echo; echo "\$ perfbudget $*"; "$pb" "$@" || echo "(exit status $?)"; }
run check "$data"
run summary "$data"  # as of the dataset's own as_of, 2022-08-31
run review "$data" --policy suma-park
run monitor "$data" --as-of 2022-08-31 --policy suma-park --chart out/suma-park-2022-execution.svg
run reclaim "$data" --as-of 2022-08-31 --policy suma-park

# ---- The year-end half (the example's three years, docs/format.md "Several
# fiscal years"): FY2021's self-evaluations scored and checked against the
# self-scores reported in FY2022 (F2–F4); the results of the 2022 evaluations
# applied to FY2023's budget (F26); the 5-year coverage plan for FY2023 with
# 2021 and 2022 as history (F5–F8); rectification of the 2022 findings (F25);
# disclosure (F17, F27).
y21=examples/suma-park-2021/dataset.json
y23=examples/suma-park-2023/dataset.json
run evaluate "$y21" --reports "$data"
run results "$data" --next "$y23"
run coverage "$y23" --history "$y21" --history "$data"
run rectification "$data" --as-of 2022-12-31
run disclosure "$data"
run disclosure "$y23"
# ---- end of the year-end half
echo
echo "chart written to out/suma-park-2022-execution.svg"
