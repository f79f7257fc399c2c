#!/usr/bin/env bash
# Command 1 of the README: installs what is missing, builds, and runs Snaption's main job.
# Until the desktop app lands that is: caption a generated sample image, with per-word attention
# heatmaps, using a model this script creates (randomly initialised: its caption is word salad
# until a trained model is used - see the README).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

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
