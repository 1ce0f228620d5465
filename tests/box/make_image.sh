#!/usr/bin/env bash
# tests/box/make_image.sh BUILD_DIR BOX_TOUCH CACHE_DIR IMAGE_FILE [QEMU]
# The box_image test (ctest fixture): packages this build with cpack (the
# cross-build's: the arm64 .deb, booted by QEMU=qemu-system-aarch64), then has
# build_image.sh find or build the VM image for that .deb; writes the image
# folder's path to IMAGE_FILE for the scenarios.
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
qemu=${5:-qemu-system-x86_64}
setup=deploy/setup.sh
[ "$qemu" = qemu-system-x86_64 ] || setup="deploy/setup.sh --arm64"
for tool in $qemu qemu-img debootstrap mkfs.ext4 mkfs.vfat mcopy; do
  command -v "$tool" >/dev/null || { echo "box_image: $tool is missing: run $setup" >&2; exit 1; }
done
[ "$(id -u)" -eq 0 ] || { echo "box_image: building the image needs root (debootstrap, chroot)" >&2; exit 1; }
out=$build/tests/box/deb
rm -rf "$out" && mkdir -p "$out"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 || {
  tail -20 "$out/cpack.log" >&2
  exit 1
}
debs=("$out"/annae_*.deb)
echo "box_image: $(basename "${debs[0]}")"
image=$(bash "$here/build_image.sh" "${debs[0]}" "$2" "$3" | tail -1)
echo "$image" >"$4"
echo "box_image: $image"
