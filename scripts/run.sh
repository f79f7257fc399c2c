#!/usr/bin/env bash
# Command 1 of the README: installs what is missing, builds, and opens the desktop app with any
# arguments given (snaption [--model MODEL] [IMAGE|FOLDER]...). Without a display (a server, an SSH
# session) it shows the pipeline on the command line instead: it captions a generated sample image,
# with per-word attention heatmaps, using a model it creates (randomly initialised, so the caption
# is word salad; train one with the app's "Create a demo model" or `snaption-cli train`).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" || -n "${QT_QPA_PLATFORM:-}" ]]; then
  exec "$root/build/app/snaption" "$@"
fi

echo "No display found (DISPLAY/WAYLAND_DISPLAY unset): showing the command-line pipeline instead."
cli="$root/build/app/snaption-cli"
data="${XDG_DATA_HOME:-$HOME/.local/share}/snaption"
model="$data/models/demo-random.safetensors"
out="${SNAPTION_DEMO_DIR:-$root/build/demo}"
mkdir -p "$data/models" "$out"
if [[ ! -f "$model" ]]; then
  "$cli" init-model --vocab-from-captions "$root/scripts/demo-captions.txt" --seed 1 --out "$model"
fi
python3 "$root/scripts/make-sample-image.py" "$out/sample.png"
echo "Caption of $out/sample.png:"
"$cli" caption --model "$model" --heatmaps "$out/heatmaps" "$out/sample.png"
echo "Per-word attention overlays: $out/heatmaps/"
