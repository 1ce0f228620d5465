#!/usr/bin/env bash
# tests/box/build_image.sh DEB BOX_TOUCH CACHE_DIR
#
# Builds (or finds in CACHE_DIR) the lobby-box VM image for the .deb's
# architecture (amd64, or arm64: a Raspberry-Pi-class box): Debian 12 minbase from
# debootstrap with a kernel, systemd and udev — the smallest Debian a
# technician can have — and annae installed from DEB with `apt-get install
# ./annae_*.deb`, exactly as the README's technician section says. Two cached
# stages, each keyed by what went into it:
#   base-KEY.tar          debootstrap + kernel; KEY = the package list and mirrors
#   image-KEY/            disk.qcow2, vmlinuz, initrd.img; KEY = the base, the
#                         .deb's sha256 and the test harness (agent, box-touch)
# Prints the image folder on its last line. Needs root (debootstrap, chroot,
# mounts), debootstrap, e2fsprogs (mkfs.ext4 -d) and qemu-img; for arm64 also
# qemu-user-static, registered with binfmt_misc here if it is not (the
# foreign system's own programs run in the chroot).
set -euo pipefail

deb=$(realpath "$1")
box_touch=$(realpath "$2")
cache=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$cache"
cache=$(realpath "$cache")

suite=bookworm
mirror=http://deb.debian.org/debian
# What a minimal box has: no desktop, no network tools; the kernel, systemd
# and udev. rsync is the technicians' push tool (README: many screens).
arch=$(dpkg-deb -f "$deb" Architecture)
case $arch in
  amd64) console=ttyS0 ;;
  arm64) console=ttyAMA0 ;;  # QEMU virt's PL011, as a Pi's serial console is
  *) echo "box image: no box for architecture $arch" >&2; exit 1 ;;
esac
base_packages=systemd,systemd-sysv,udev,kmod,linux-image-$arch,rsync
sources="Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"

sha() { sha256sum | cut -c1-16; }
# (amd64's key leaves the architecture out, as it did before arm64 came.)
base_key=$(printf '%s\n' v1 "$suite" "$base_packages" "$sources" $([ "$arch" = amd64 ] || echo "$arch initramfs=list") | sha)
base_tar=$cache/base-$base_key.tar
# The .deb by what it holds (control fields, file contents), not its bytes:
# cpack stamps every build with new times, and an unchanged package need not
# cost a new image.
deb_key=$( (dpkg-deb -f "$deb"; dpkg-deb --fsys-tarfile "$deb" | tar -xOf -) | sha)
image_key=$(cat <(echo "$base_key $deb_key") "$box_touch" "$here/guest/box-agent" "$here/guest/box-agent.service" \
  "$0" | sha)
image_dir=$cache/image-$image_key

if [ -f "$image_dir/disk.qcow2" ]; then
  echo "box image: cached $image_dir" >&2
  echo "$image_dir"
  exit 0
fi

work=$(mktemp -d "$cache/work.XXXXXX")
root=$work/root
mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }
mount_api() {
  for m in proc sys dev dev/pts; do
    case $m in
      proc) mount -t proc proc "$root/proc" ;;
      sys) mount -t sysfs sys "$root/sys" ;;
      dev) mount --bind /dev "$root/dev" ;;
      dev/pts) mount --bind /dev/pts "$root/dev/pts" ;;
    esac
    mounted+=("$root/$m")
  done
  cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
}
unmount_api() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}"; done
  mounted=()
}

# A foreign system's programs (dpkg's scripts, the initramfs) run through
# qemu-user; "F" opens the interpreter now, so it works inside the chroot.
foreign_programs_run() {
  [ "$arch" = "$(dpkg --print-architecture)" ] && return 0
  local name=qemu-aarch64 conf=/usr/lib/binfmt.d/qemu-aarch64.conf
  [ -f "$conf" ] || { echo "box image: $conf is missing: run deploy/setup.sh --arm64" >&2; return 1; }
  [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  [ -e "/proc/sys/fs/binfmt_misc/$name" ] || cat "$conf" >/proc/sys/fs/binfmt_misc/register
  grep -q '^flags: .*F' "/proc/sys/fs/binfmt_misc/$name" || {
    echo "box image: binfmt_misc's $name has no F flag: arm64 programs cannot run in a chroot" >&2
    return 1
  }
}
foreign_programs_run

started=$(date +%s)
if [ ! -f "$base_tar" ]; then
  echo "box image: debootstrap $suite $arch (minbase + $base_packages)" >&2
  if [ "$arch" = "$(dpkg --print-architecture)" ]; then
    debootstrap --variant=minbase --include="$base_packages" "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1
  else
    # Under qemu-user every program runs emulated, and an initramfs of
    # MODULES=most (a thousand modules, each copied by shell functions) took
    # 8-9 min, three times over. This one holds what QEMU's `virt` board needs
    # to mount the root (virtio, ext4); the rest load from the root as usual.
    debootstrap --foreign --arch="$arch" --variant=minbase --include="$base_packages" "$suite" "$root" "$mirror" \
      >"$work/debootstrap.log" 2>&1 &&
      mkdir -p "$root/etc/initramfs-tools/conf.d" &&
      echo MODULES=list >"$root/etc/initramfs-tools/conf.d/box.conf" &&
      printf '%s\n' virtio_pci virtio_mmio virtio_blk ext4 >"$root/etc/initramfs-tools/modules" &&
      chroot "$root" /debootstrap/debootstrap --second-stage >>"$work/debootstrap.log" 2>&1
  fi || {
    tail -20 "$work/debootstrap.log" >&2
    exit 1
  }
  rm -f "$root/etc/apt/sources.list"
  printf '%s\n' "$sources" >"$root/etc/apt/sources.list.d/debian.sources"
  mount_api
  in_root apt-get update -qq
  in_root apt-get -y -qq dist-upgrade >/dev/null
  in_root apt-get clean
  unmount_api
  tar -C "$root" -cf "$base_tar.part" . && mv "$base_tar.part" "$base_tar"
  rm -rf "$root"
fi

echo "box image: installing $(basename "$deb") into the base image" >&2
mkdir -p "$root"
tar -C "$root" -xf "$base_tar"
mount_api
# No services start inside a chroot (the .deb's scripts check for a running
# systemd too); this only keeps other packages' scripts quiet.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d"
cp "$deb" "$root/root/"
# The technician's command (README: Install), as root on the box.
in_root sh -c "cd /root && apt-get update -qq && apt-get install -y -qq ./$(basename "$deb")" >"$work/apt.log" 2>&1 || {
  tail -30 "$work/apt.log" >&2
  exit 1
}
rm -f "$root/usr/sbin/policy-rc.d" "$root/root/$(basename "$deb")"
in_root apt-get clean
unmount_api

# The box itself: one disk, a name, no password prompts on the serial console.
echo "/dev/vda / ext4 rw,errors=remount-ro 0 1" >"$root/etc/fstab"
echo lobby-box >"$root/etc/hostname"
in_root passwd -d root >/dev/null
# The harness (tests only): the agent on a virtio-serial port, the touchscreen.
install -m 0755 "$here/guest/box-agent" "$root/usr/local/sbin/box-agent"
install -m 0644 "$here/guest/box-agent.service" "$root/etc/systemd/system/box-agent.service"
ln -sf /etc/systemd/system/box-agent.service "$root/etc/systemd/system/multi-user.target.wants/box-agent.service"
install -m 0755 "$box_touch" "$root/usr/local/bin/box-touch"
# The player's debug log (which slide is on screen) is what the scenarios wait on.
mkdir -p "$root/etc/systemd/system/annae.service.d"
# A player that crashes leaves a core dump in its state folder, for gdb on the host.
printf '[Service]\nEnvironment=ANNAE_LOG=debug\nLimitCORE=infinity\n' >"$root/etc/systemd/system/annae.service.d/box-tests.conf"
echo 'kernel.core_pattern=/var/lib/annae/state/core.%e.%p' >"$root/etc/sysctl.d/box-tests.conf"
# The journal is also written to the serial console, where the host reads it
# as it happens (the kernel command line sets /dev/console to the serial port).
mkdir -p "$root/etc/systemd/journald.conf.d"
printf '[Journal]\nForwardToConsole=yes\nMaxLevelConsole=debug\nTTYPath=/dev/%s\n' "$console" \
  >"$root/etc/systemd/journald.conf.d/box-tests.conf"

mkdir -p "$work/image"
cp "$(ls "$root"/boot/vmlinuz-* | tail -1)" "$work/image/vmlinuz"
cp "$(ls "$root"/boot/initrd.img-* | tail -1)" "$work/image/initrd.img"
truncate -s 3G "$work/disk.raw"
mkfs.ext4 -q -F -L annae-box -d "$root" "$work/disk.raw"
qemu-img convert -O qcow2 "$work/disk.raw" "$work/image/disk.qcow2"
dpkg-deb -f "$deb" Version >"$work/image/annae-version"
echo "$arch" >"$work/image/arch"
rm -rf "$image_dir"
mv "$work/image" "$image_dir"
# Older images of this architecture are of no further use.
for old in "$cache"/image-*; do
  [ "$old" = "$image_dir" ] || [ "$(cat "$old/arch" 2>/dev/null || echo amd64)" != "$arch" ] || rm -rf "$old"
done
echo "box image: built in $(($(date +%s) - started)) s: $image_dir" >&2
echo "$image_dir"
