#!/usr/bin/env bash
# Installs every Debian 12 package annae needs to build, run and test.
# Non-interactive and idempotent; run as root (or through sudo).
#
#   deploy/setup.sh           this machine's build, run and tests
#   deploy/setup.sh --arm64   also the arm64 cross-build (deploy/cross-arm64.sh):
#                             Debian's cross toolchain, the :arm64 libraries
#                             (multiarch), and QEMU to run what it builds
set -euo pipefail

arm64=false
for arg in "$@"; do
  case $arg in
    --arm64) arm64=true ;;
    -h | --help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

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

# The arm64 cross-build: the same libraries as above, for arm64, beside this
# machine's (Debian multiarch); the test-only ones too (SDL2_ttf, Xlib), since
# the cross-build builds the same test programs. doctest and the fonts are
# architecture-independent and already listed.
arm64_packages=(
  crossbuild-essential-arm64
  libsdl2-dev:arm64 libsdl2-ttf-dev:arm64 libsdl2-image-dev:arm64 libjpeg62-turbo-dev:arm64
  libharfbuzz-dev:arm64 libfreetype-dev:arm64 libicu-dev:arm64 libfontconfig-dev:arm64
  libtomlplusplus-dev:arm64 libqrencode-dev:arm64 libsystemd-dev:arm64 libdrm-dev:arm64 libx11-dev:arm64
  # the Pi's DRI drivers (v3d, vc4), which the deb test looks for in the package the .deb depends on
  libgl1-mesa-dri:arm64
  # arm64 programs on this machine: the tests under qemu-user; the arm64 box
  # (tests/box, label box-arm64) in qemu-system-aarch64, its image made with
  # debootstrap through qemu-user (binfmt)
  qemu-user-static qemu-system-arm
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

if $arm64; then
  packages+=("${arm64_packages[@]}")
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    echo "setup: adding the arm64 architecture (multiarch)"
    "${sudo_cmd[@]}" dpkg --add-architecture arm64
  fi
fi

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
