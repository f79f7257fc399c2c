#!/usr/bin/env bash
# ctest entry for the Orca test: runs the real screen reader against snaption in a private X
# display and D-Bus session and checks what it says (tests/app/orca_speech.py).
#   run_orca_test.sh SNAPTION SNAPTION_CLI WORK_DIR
set -euo pipefail
gui=$1 cli=$2 work=$3
skip() { echo "SKIP: $*"; if [[ "${CI:-}" == "true" ]]; then exit 1; fi; exit 77; }
for tool in xvfb-run dbus-run-session orca xdotool openbox speech-dispatcher; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (scripts/install-deps.sh --tests)"
done
[[ -x /usr/lib/speech-dispatcher-modules/sd_generic ]] || skip "speech-dispatcher's generic module is missing"
rm -rf "$work" && mkdir -p "$work"/{config,data,home,runtime}
chmod 700 "$work/runtime"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime" HOME="$work/home"
exec xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- /usr/bin/python3 "$(dirname "$0")/orca_speech.py" "$gui" "$cli" "$work"
