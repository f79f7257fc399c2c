#!/usr/bin/env bash
# ctest entry for Watch the Clipboard (clipboard_watch.py): makes a model and two images, asks
# snaption-cli for their captions (gui_test_setup.sh), then copies them from another process
# while a minimised `snaption --watch-clipboard` runs, under Xvfb, openbox and a D-Bus session.
#   run_clipboard_test.sh SNAPTION SNAPTION_CLI WORK_DIR
set -euo pipefail
gui=$1 cli=$2 work=$3
skip() { echo "SKIP: $*"; if [[ "${CI:-}" == "true" ]]; then exit 1; fi; exit 77; }
for tool in xvfb-run dbus-run-session xclip xdotool openbox; do
  command -v "$tool" >/dev/null || skip "$tool is not installed"
done
/usr/bin/python3 -c "import dbus, gi, pyatspi" 2>/dev/null || skip "python3-dbus, python3-gi or python3-pyatspi is not installed"
. "$(dirname "$0")/gui_test_setup.sh"
prepare_gui_test "$cli" "$work"
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- /usr/bin/python3 "$(dirname "$0")/clipboard_watch.py" \
  "$gui" "$model" "$work" "$image" "$expected" "$image2" "$expected2"
