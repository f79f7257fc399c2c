#!/usr/bin/env bash
# ctest entry for the AT-SPI test: makes a model and an image, asks snaption-cli for the caption,
# then checks that a running `snaption` exposes exactly that caption to screen readers.
#   run_atspi_test.sh SNAPTION SNAPTION_CLI WORK_DIR
set -euo pipefail
gui=$1 cli=$2 work=$3
skip() { echo "SKIP: $*"; if [[ "${CI:-}" == "true" ]]; then exit 1; fi; exit 77; }
command -v xvfb-run >/dev/null || skip "xvfb-run is not installed"
command -v dbus-run-session >/dev/null || skip "dbus-run-session is not installed (dbus)"
/usr/bin/python3 -c "import pyatspi" 2>/dev/null || skip "python3-pyatspi is not installed"
[[ -x /usr/libexec/at-spi-bus-launcher ]] || skip "at-spi2-core is not installed"
rm -rf "$work" && mkdir -p "$work"
printf 'a red ball lies on the grass\ntwo dogs play in the snow\n' > "$work/captions.txt"
"$cli" init-model --encoder mobilenet_v2 --layers 1 --dim 32 --heads 2 --ff 32 --vocab-from-captions "$work/captions.txt" --out "$work/model.safetensors" >/dev/null
"$cli" synth --out "$work/images" --count 1 --seed 3 >/dev/null
image="$work/images/00000.png"
expected=$("$cli" caption --model "$work/model.safetensors" "$image")
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
xvfb-run -a dbus-run-session -- /usr/bin/python3 "$(dirname "$0")/atspi_caption.py" "$gui" "$work/model.safetensors" "$image" "$expected"
