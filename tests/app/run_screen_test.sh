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
  "$cli" train --data synthetic --preset synthetic-demo --seed 1 --out "$work/demo" >/dev/null
fi
rm -rf "$work/scenes" "$work/config" "$work/data" "$work/runtime"
"$cli" synth --out "$work/scenes" --count 2 --seed 11 >/dev/null
scene="$work/scenes/00000.png"
scene_caption=$("$cli" caption --model "$model" "$scene")
# The scene's shapes, from its own descriptions (every description names them all).
scene_shapes=$(tr ' ' '\n' < "$work/scenes/00000.txt" | grep -xE 'circle|square|triangle|star|cross|diamond' | sort -u | tr '\n' ' ')
image2="$work/scenes/00001.png"
expected2=$("$cli" caption --model "$model" "$image2")
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=xcb
mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- /usr/bin/python3 "$(dirname "$0")/screen_capture.py" \
  "$gui" "$viewer" "$model" "$work" "$scene" "$scene_caption" "$scene_shapes" "$image2" "$expected2"
