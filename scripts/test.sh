#!/usr/bin/env bash
# Command 2 of the README (and what CI runs): installs what is missing, builds, runs every test.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh" --tests
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure --timeout 1200 "$@"
