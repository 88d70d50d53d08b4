#!/usr/bin/env bash
# Installs the Debian 12 packages perfbudget needs, if any is missing.
# Needs root (or sudo) only when something must be installed.
set -euo pipefail
PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache
  libboost-dev libboost-date-time-dev libabsl-dev libsimdjson-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-pytest python3-pip python3-setuptools python3-wheel python3-pandas abigail-tools
  chromium  # tests/svg_render.cmake renders the monitoring chart headless
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "perfbudget: installing Debian packages: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
