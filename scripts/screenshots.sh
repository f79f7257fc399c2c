#!/usr/bin/env bash
# Takes the README's screenshots (docs/screenshots/*.png) of the real window under Xvfb, with a
# throwaway settings folder. Look at them before committing.
#   scripts/screenshots.sh MODEL IMAGE...     e.g. a Flickr8k model and a few Flickr8k photos
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ $# -ge 2 ]] || { echo "usage: scripts/screenshots.sh MODEL IMAGE..." >&2; exit 2; }
"$root/scripts/build.sh" --target snaption-screenshots >/dev/null
settings=$(mktemp -d)
trap 'rm -rf "$settings"' EXIT
mkdir -p "$root/docs/screenshots"
XDG_CONFIG_HOME="$settings/config" XDG_DATA_HOME="$settings/data" LANGUAGE=en LANG=C.UTF-8 \
  xvfb-run -a -s "-screen 0 1600x1000x24" "$root/build/tests/snaption-screenshots" "$1" "$root/docs/screenshots" "${@:2}"
