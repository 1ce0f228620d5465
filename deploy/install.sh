#!/usr/bin/env bash
# deploy/install.sh — install annae on this box from the source tree, without a
# .deb, into exactly the .deb's layout (README.md, "Installing on a lobby box"). Safe to run again:
# only files that differ are replaced, and it never overwrites the box's
# settings (/etc/annae/annae.toml) or its live show (/var/lib/annae/content).
#
#   sudo deploy/install.sh                 install the packages it needs, build,
#                                          install, enable the service
#   options:
#     --no-deps         do not apt-get install anything
#     --build-dir DIR   use this already built build folder (no build); without
#                       it: a Release build without tests in build-release/
#     --root DIR        install into the system under DIR (an image being
#                       prepared, a test); default /
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
say() { echo "install.sh: $*"; }
die() { echo "install.sh: $*" >&2; exit 1; }

deps=yes
build_dir=
root=/
while [ $# -gt 0 ]; do
  case $1 in
    --no-deps) deps=no ;;
    --build-dir) [ $# -ge 2 ] || die "--build-dir needs a folder"; build_dir=$2; shift ;;
    --build-dir=*) build_dir=${1#*=} ;;
    --root) [ $# -ge 2 ] || die "--root needs a folder"; root=$2; shift ;;
    --root=*) root=${1#*=} ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option '$1'" ;;
  esac
  shift
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ "$(id -u)" -eq 0 ] || die "run me as root: sudo $0 $*"
root=$(realpath -m "$root")
dest=$root
[ "$root" = / ] && dest=
if [ -z "$dest" ] && dpkg-query -W -f='${Status}' annae 2>/dev/null | grep -q "install ok installed"; then
  die "the annae .deb is installed here; upgrade it with a newer .deb (or apt purge annae first)"
fi

# ---- packages -------------------------------------------------------------------
runtime_pkgs=(
  libsdl2-2.0-0 libsdl2-image-2.0-0 libsdl2-ttf-2.0-0 libjpeg62-turbo libharfbuzz0b libfreetype6 libicu72
  libfontconfig1 libqrencode4 libsystemd0 libtomlplusplus3
  libegl1 libgbm1 libgles2 libgl1 libgl1-mesa-dri
  fonts-noto-cjk adduser mount util-linux systemd udev
)
build_pkgs=(
  cmake g++ make pkg-config
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libjpeg62-turbo-dev libharfbuzz-dev libfreetype-dev libicu-dev
  libfontconfig-dev libtomlplusplus-dev libqrencode-dev libsystemd-dev
)
if [ "$deps" = yes ]; then
  pkgs=("${runtime_pkgs[@]}")
  [ -n "$build_dir" ] || pkgs+=("${build_pkgs[@]}")
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# ---- build ----------------------------------------------------------------------
if [ -z "$build_dir" ]; then
  build_dir=$repo/build-release
  say "building annae (Release, no tests) in $build_dir"
  cmake -S "$repo" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DANNAE_TESTS=OFF \
        -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
  cmake --build "$build_dir" --target annae -j"$(nproc)" >/dev/null
fi
[ -f "$build_dir/cmake_install.cmake" ] || die "$build_dir is not an annae build folder"

# ---- files ----------------------------------------------------------------------
# cmake --install into a staging folder, then copy what differs into place, each
# file through a temporary name and a rename (a running player keeps its old
# binary, and nothing is ever half-written).
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
DESTDIR=$stage cmake --install "$build_dir" --prefix /usr --strip >/dev/null

first_install=yes
[ -e "$dest/usr/lib/annae/box-setup" ] && first_install=no
changed=0
unchanged=0
while IFS= read -r -d '' src; do
  rel=${src#"$stage"}
  dst=$dest$rel
  if [ -d "$src" ]; then
    [ -d "$dst" ] || install -d -m 0755 "$dst"
    continue
  fi
  mode=$(stat -c '%a' "$src")
  if [ "$rel" = /etc/annae/annae.toml ] && [ -e "$dst" ]; then
    if ! cmp -s "$src" "$dst"; then
      say "kept your $rel (the shipped one is /usr/share/annae/annae.toml)"
    fi
    unchanged=$((unchanged + 1))
    continue
  fi
  if [ -f "$dst" ] && cmp -s "$src" "$dst" && [ "$(stat -c '%a' "$dst")" = "$mode" ]; then
    unchanged=$((unchanged + 1))
    continue
  fi
  install -m "$mode" "$src" "$dst.annae-new"
  mv -f "$dst.annae-new" "$dst"
  say "installed $rel"
  changed=$((changed + 1))
done < <(find "$stage" -mindepth 1 -print0 | sort -z)
say "$changed files installed or updated, $unchanged unchanged"

# ---- user, folders, service -------------------------------------------------------
# The same steps as the .deb's postinst.
DPKG_ROOT=$dest "$dest/usr/lib/annae/box-setup"

# Enable annae.service so that it starts at boot — on the first install only,
# so a technician's "systemctl disable annae" (to use annae-cage.service, say)
# survives running this script again.
systemctl_root=(systemctl)
[ -n "$dest" ] && systemctl_root=(systemctl --root="$dest")
if [ "$first_install" = yes ]; then
  "${systemctl_root[@]}" --quiet enable annae.service
  say "enabled annae.service (starts at boot)"
fi
enabled=$("${systemctl_root[@]}" is-enabled annae.service 2>/dev/null || true)

running=no
if [ -z "$dest" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  if command -v udevadm >/dev/null 2>&1; then udevadm control --reload || true; fi
  if systemctl --quiet is-active annae.service; then
    running=yes
    if [ "$changed" -gt 0 ]; then
      systemctl restart annae.service
      say "restarted annae.service with the new files"
    fi
  fi
fi

if [ "$enabled" != enabled ]; then
  say "note: annae.service is $enabled; to start it at boot: sudo systemctl enable annae"
fi
if [ "$running" = yes ]; then
  say "done; annae is running (journalctl -u annae -f shows its log)"
elif [ -z "$dest" ]; then
  say "done; next step: reboot, or: sudo systemctl start annae"
else
  say "done; installed into $root"
fi
