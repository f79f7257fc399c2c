#!/usr/bin/env bash
# ctest entry for Qt Test executables that need a real X server and D-Bus session (global key
# grabs, screenshots, the desktop portal): runs TEST under a fresh Xvfb and dbus-run-session.
#   run_x11_test.sh TEST [ARGS...]
set -euo pipefail
skip() { echo "SKIP: $*"; if [[ "${CI:-}" == "true" ]]; then exit 1; fi; exit 77; }
for tool in xvfb-run dbus-run-session xdotool; do
  command -v "$tool" >/dev/null || skip "$tool is not installed"
done
/usr/bin/python3 -c "import dbus, gi" 2>/dev/null || skip "python3-dbus or python3-gi is not installed"
export QT_QPA_PLATFORM=xcb
exec xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- "$@"
