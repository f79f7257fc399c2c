#!/usr/bin/env bash
# ctest entry for the AT-SPI test: makes a model and two images, asks snaption-cli for the
# captions (gui_test_setup.sh), then checks that a running `snaption` exposes exactly that caption to screen readers, and that a
# second `snaption IMAGE2` hands its image to the running one (whose caption field then reads its
# caption) and exits.
#   run_atspi_test.sh SNAPTION SNAPTION_CLI WORK_DIR
set -euo pipefail
gui=$1 cli=$2 work=$3
skip() { echo "SKIP: $*"; if [[ "${CI:-}" == "true" ]]; then exit 1; fi; exit 77; }
command -v xvfb-run >/dev/null || skip "xvfb-run is not installed"
command -v dbus-run-session >/dev/null || skip "dbus-run-session is not installed (dbus)"
/usr/bin/python3 -c "import pyatspi" 2>/dev/null || skip "python3-pyatspi is not installed"
[[ -x /usr/libexec/at-spi-bus-launcher ]] || skip "at-spi2-core is not installed"
. "$(dirname "$0")/gui_test_setup.sh"
prepare_gui_test "$cli" "$work"
xvfb-run -a dbus-run-session -- /usr/bin/python3 "$(dirname "$0")/atspi_caption.py" "$gui" "$model" "$image" "$expected" "$image2" "$expected2"
