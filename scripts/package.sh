#!/usr/bin/env bash
# Builds the Debian package, installs it with apt (which pulls its dependencies, libopenblas0
# included) and checks the installed programs and desktop files. Needs root or sudo.
#   scripts/package.sh            build, install, check
#   scripts/package.sh --remove   also uninstall again at the end
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${SNAPTION_BUILD_DIR:-$root/build}"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

sudo_cmd=()
[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)

(cd "$build" && rm -f snaption_*.deb && cpack -G DEB >/dev/null)
deb=$(ls "$build"/snaption_*.deb)
echo "Package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb -f "$deb" Depends | tr ',' '\n' | grep -q '^ *libopenblas0' || { echo "error: package does not depend on libopenblas0" >&2; exit 1; }

DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --reinstall "$deb" >/dev/null
echo "Installed: $(dpkg-query -W -f='${Package} ${Version}' snaption)"
/usr/bin/snaption-cli --version
QT_QPA_PLATFORM=offscreen /usr/bin/snaption --version
for f in /usr/share/applications/org.snaption.Snaption.desktop \
         /usr/share/icons/hicolor/scalable/apps/org.snaption.Snaption.svg \
         /usr/share/metainfo/org.snaption.Snaption.metainfo.xml \
         /usr/include/snaption/captioner.h /usr/lib/cmake/Snaption/SnaptionConfig.cmake; do
  [[ -f "$f" ]] || { echo "error: $f is not installed" >&2; exit 1; }
done
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net /usr/share/metainfo/org.snaption.Snaption.metainfo.xml
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/org.snaption.Snaption.desktop
fi
if [[ "${1:-}" == "--remove" ]]; then
  "${sudo_cmd[@]}" apt-get remove -y -q snaption >/dev/null
  echo "Removed again."
fi
echo "Package check passed."
