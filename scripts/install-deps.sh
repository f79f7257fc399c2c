#!/usr/bin/env bash
# Installs the Debian 12 packages Snaption Desktop needs. Idempotent: when every package is
# already installed it returns at once without touching apt.
#   scripts/install-deps.sh          build + run dependencies
#   scripts/install-deps.sh --tests  also what the test suite needs (PyTorch reference fixtures)
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config python3 dpkg-dev
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
  libtorch-dev libopenblas0 libopencv-dev libqcustomplot-dev nlohmann-json3-dev libzip-dev
  xvfb xauth libgif-dev
  # Captions into photos' XMP/IPTC/Exif (metadata/).
  libexiv2-dev
  # Data-parallel training: LibTorch's c10d includes Gloo's headers.
  libgloo-dev
  # Subword vocabularies for languages with long compounds (German): SentencePiece.
  libsentencepiece-dev
  # Speaking captions: Qt TextToSpeech's CMake package needs Qt6QmlIntegration (qt6-declarative-dev);
  # at run time it needs an engine plugin and the speech-dispatcher service with a voice.
  qt6-speech-dev qt6-declarative-dev qt6-speech-speechd-plugin speech-dispatcher speech-dispatcher-espeak-ng
  # Global shortcuts and the active window on X11: key grabs and window properties through xcb.
  libxcb1-dev
)
if [[ "${1:-}" == "--tests" ]]; then
  # exiftool reads back what the metadata tests write: the independent reader.
  # orca, xdotool and openbox: the screen-reader test runs Orca against the app and types into it.
  # xclip and python3-dbus: the clipboard-watch test copies an image from another process and
  # records the desktop notifications on a D-Bus service of its own.
  packages+=(python3 python3-torch python3-torchvision python3-pil at-spi2-core python3-pyatspi dbus-x11 dbus libimage-exiftool-perl
             orca xdotool openbox xclip python3-dbus)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing: ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "error: need root or sudo to install packages" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
