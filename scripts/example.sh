#!/usr/bin/env bash
# The main job on the bundled example: the seed park's FY2022 (宿马园区).
# Installs what is missing, builds, then runs the CLI: summary, goal review,
# dual monitoring at 2022-08-31, the dataset's as-of date (with the
# execution-curve chart), and reclaim.
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
echo
echo "chart written to out/suma-park-2022-execution.svg"
