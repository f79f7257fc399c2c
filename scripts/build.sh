#!/usr/bin/env bash
# Configures (once) and builds Snaption Desktop in build/ (Release). Extra args go to cmake --build.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${SNAPTION_BUILD_DIR:-$root/build}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSNAPTION_REQUIRE_ALL_FEATURES=ON "${launcher[@]}"
fi
# Each LibTorch translation unit needs about 1 GB of RAM; two jobs fit every supported machine.
cmake --build "$build" --parallel "${SNAPTION_JOBS:-2}" "$@"
