#!/usr/bin/env bash
# Installs dependencies if missing, then configures and builds a preset
# (default: release). Usage: scripts/build.sh [release|dev|asan]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
bash scripts/deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
