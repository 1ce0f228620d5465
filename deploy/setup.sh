#!/usr/bin/env bash
# Installs every Debian 12 package annae needs to build, run and test.
# Non-interactive and idempotent; run as root (or through sudo).
set -euo pipefail

packages=(
  # build
  cmake g++ make pkg-config
  # libraries (see README: dependency table)
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libjpeg62-turbo-dev
  libharfbuzz-dev libfreetype-dev libicu-dev libfontconfig-dev
  libtomlplusplus-dev doctest-dev libqrencode-dev libsystemd-dev libdrm-dev
  # fonts: Noto Sans CJK KR is the default face; DejaVu covers scripts it lacks;
  # Nanum Gothic has no OpenType layout tables (the SDL2_ttf width oracle)
  fonts-noto-cjk fonts-dejavu-core fonts-nanum
  # tests: a virtual X display, Xlib to read its screen back, xdotool to click and drag
  xvfb xauth libx11-dev xdotool
  # tests: the hostile-input suite watches every file the player opens
  strace
  # tests: Chromium (headless) is the oracle for line widths (tests/text/browser_width_test.cpp)
  chromium
  # packaging and deploy tests: cpack's Depends (dpkg-shlibdeps), installing the
  # .deb into a throwaway root, `systemd-analyze verify`, the rsync recipe
  dpkg-dev fakeroot file systemd adduser rsync
  # box tests (tests/box): a Debian 12 image from debootstrap, booted in QEMU
  # (software emulation), USB sticks made with mkfs.vfat and mtools, the driver in Python
  debootstrap qemu-system-x86 qemu-utils e2fsprogs dosfstools mtools python3
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
