#!/usr/bin/env bash
# Builds the .deb with CPack, unpacks it (without installing) and checks what a user gets: the
# programs run from the unpacked tree, the libraries, headers, CMake package, desktop files and the
# OpenBLAS dependency are there. scripts/package.sh does the real `apt-get install`.
#   run_package_test.sh BUILD_DIR WORK_DIR HAVE_SPEECH(ON/OFF)
set -euo pipefail
build=$1
work=$2
have_speech=${3:-OFF}
rm -rf "$work" && mkdir -p "$work"
command -v dpkg-deb >/dev/null && command -v dpkg-shlibdeps >/dev/null || { echo "SKIP: dpkg-dev is not installed"; exit 77; }
cpack --config "$build/CPackConfig.cmake" -B "$work" >/dev/null
deb=$(ls "$work"/snaption_*.deb)
dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//' > "$work/depends"
for dependency in libopenblas0 libtorch libopencv-imgcodecs libqt6widgets6 libqcustomplot libexiv2; do
  grep -q "^$dependency" "$work/depends" || { echo "FAIL: Depends lacks $dependency:"; cat "$work/depends"; exit 1; }
done
dpkg-deb -x "$deb" "$work/root"
root="$work/root/usr"
for file in bin/snaption bin/snaption-cli lib/libsnaption_core.so lib/libsnaption_training.so lib/libsnaption_metadata.so include/snaption/captioner.h \
            include/snaption/metadata/metadatawriter.h \
            lib/cmake/Snaption/SnaptionConfig.cmake share/applications/org.snaption.Snaption.desktop \
            share/icons/hicolor/scalable/apps/org.snaption.Snaption.svg share/metainfo/org.snaption.Snaption.metainfo.xml; do
  [[ -e "$root/$file" ]] || { echo "FAIL: the package lacks /usr/$file"; exit 1; }
done
version=$("$root/bin/snaption-cli" --version)
[[ "$version" == "snaption-cli "* ]] || { echo "FAIL: snaption-cli --version printed '$version'"; exit 1; }
gui_version=$(QT_QPA_PLATFORM=offscreen "$root/bin/snaption" --version 2>/dev/null | head -1)
[[ "$gui_version" == "snaption "* ]] || { echo "FAIL: snaption --version printed '$gui_version'"; exit 1; }
# An optional feature left out is named, never silent; one built in says so and recommends its engine.
if [[ "$have_speech" == "ON" ]]; then
  LANGUAGE=en QT_QPA_PLATFORM=offscreen "$root/bin/snaption" --version 2>/dev/null | grep -q "^Speak captions aloud: yes" \
    || { echo "FAIL: speech is built but snaption --version does not report it with an engine:"; "$root/bin/snaption" --version; exit 1; }
  dpkg-deb -f "$deb" Recommends | grep -q "qt6-speech-speechd-plugin" || { echo "FAIL: Recommends lacks the speech engine plugin"; exit 1; }
else
  LANGUAGE=en QT_QPA_PLATFORM=offscreen "$root/bin/snaption" --version 2>/dev/null | grep -q "^Speak captions aloud: not built" \
    || { echo "FAIL: snaption --version does not say that speech is not built"; exit 1; }
fi
# The unpacked programs must use the unpacked library (RPATH $ORIGIN/../lib), not a build tree's.
loaded=$(ldd "$root/bin/snaption-cli" | awk '/libsnaption_core/ {print $3}')
[[ "$(readlink -f "$loaded")" == "$(readlink -f "$root/lib/libsnaption_core.so")" ]] || { echo "FAIL: snaption-cli loads $loaded, not the packaged library"; exit 1; }
# The German translation is compiled into the programs.
LANGUAGE=de LANG=de_DE.UTF-8 "$root/bin/snaption-cli" --help | grep -q "Modelldatei\|Bild" || { echo "FAIL: no German in snaption-cli --help"; exit 1; }
if command -v appstreamcli >/dev/null; then appstreamcli validate --no-net "$root/share/metainfo/org.snaption.Snaption.metainfo.xml" >/dev/null; fi
echo "PASS: $(basename "$deb") ($(du -h "$deb" | cut -f1)): $version, $gui_version"
