#!/usr/bin/env bash
# ctest entry for describing the screen from outside the window (screen_capture.py): trains the
# small synthetic-scene demo model once (cached in WORK_DIR), makes a scene and asks snaption-cli
# for its caption, then drives a `snaption --background` under Xvfb, openbox, a stand-in system
# tray and notification service, with the global shortcuts and the tray menu.
#   run_screen_test.sh SNAPTION SNAPTION_CLI VIEWER WORK_DIR
set -euo pipefail
gui=$1 cli=$2 viewer=$3 work=$4
skip() { echo "SKIP: $*"; if [[ "${CI:-}" == "true" ]]; then exit 1; fi; exit 77; }
for tool in xvfb-run dbus-run-session xclip xdotool openbox; do
  command -v "$tool" >/dev/null || skip "$tool is not installed"
done
/usr/bin/python3 -c "import dbus, gi" 2>/dev/null || skip "python3-dbus or python3-gi is not installed"
mkdir -p "$work"
model="$work/demo/best.safetensors"
if [[ ! -f "$model" ]]; then
  # A fixed number of epochs, not the preset's one-minute budget: the same model on a busy machine.
  "$cli" train --data synthetic --preset synthetic-demo --seed 1 --config '{"max_minutes": 0, "epochs": 6}' --out "$work/demo" >/dev/null
fi
rm -rf "$work/scenes" "$work/config" "$work/data" "$work/runtime"
"$cli" synth --out "$work/scenes" --count 12 --seed 11 >/dev/null
shapes_of() { tr ' ' '\n' | grep -xE 'circle|square|triangle|star|cross|diamond' | sort -u | tr '\n' ' ' || true; }
# The scene shown: the first the model describes right by snaption-cli (its shapes, no others), so
# that the window's caption is checked against a caption that names the scene's shapes.
scene=""
for candidate in "$work"/scenes/*.png; do
  caption=$("$cli" caption --model "$model" "$candidate")
  truth=$(shapes_of < "${candidate%.png}.txt")
  said=$(echo "$caption" | tr -d '.,' | tr 'A-Z' 'a-z' | shapes_of)
  if [[ -n "$said" && "$said" == "$truth" ]]; then scene=$candidate scene_caption=$caption scene_shapes=$truth; break; fi
done
[[ -n "$scene" ]] || { echo "FAIL: the demo model names the shapes of none of the 12 scenes"; exit 1; }
image2="$work/scenes/00011.png"
[[ "$image2" != "$scene" ]] || image2="$work/scenes/00010.png"
expected2=$("$cli" caption --model "$model" "$image2")
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=xcb
mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- /usr/bin/python3 "$(dirname "$0")/screen_capture.py" \
  "$gui" "$viewer" "$model" "$work" "$scene" "$scene_caption" "$scene_shapes" "$image2" "$expected2"
