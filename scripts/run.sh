#!/usr/bin/env bash
# Command 1 of the README: installs what is missing, builds, and opens the desktop app with any
# arguments given (snaption [--model MODEL] [IMAGE|FOLDER]...). Without a display (a server, an SSH
# session) it runs the real job on the command line instead: it trains the one-minute demo model
# once (cached in the XDG data folder), generates a few new scenes, and captions them with
# per-word attention heatmaps, printing each scene's own description beside the caption.
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
model="$data/models/demo.safetensors"
out="${SNAPTION_DEMO_DIR:-$root/build/demo}"
mkdir -p "$data/models" "$out"
if [[ ! -f "$model" ]]; then
  echo "Training the demo model once (about a minute; cached as $model)..."
  run="$data/training/demo-$(date +%Y%m%d-%H%M%S)"
  "$cli" train --data synthetic --preset synthetic-demo --out "$run"
  cp "$run/best.safetensors" "$model.tmp" && mv "$model.tmp" "$model"
fi
# Scenes the model has never seen (a seed of their own), drawn the way its training scenes were.
rm -rf "$out/scenes" "$out/heatmaps"
"$cli" synth --out "$out/scenes" --count 3 --seed "$(date +%s)" --size 128 >/dev/null
for scene in "$out"/scenes/*.png; do
  echo "Scene $(basename "$scene"): $(head -n 1 "${scene%.png}.txt")"
  printf '  caption: '
  "$cli" caption --model "$model" --heatmaps "$out/heatmaps" "$scene" | sed 's/^[^:]*: //'
done
echo "Per-word attention overlays: $out/heatmaps/"
