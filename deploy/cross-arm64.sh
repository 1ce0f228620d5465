#!/usr/bin/env bash
# deploy/cross-arm64.sh — the arm64 package for a Raspberry Pi 4/5 (or any
# arm64 Debian 12 box), from this amd64 machine, in one command:
#
#   1. installs what the cross-build needs (deploy/setup.sh --arm64);
#   2. builds this machine's player in build/ (only the `annae` target, to
#      compare renders with; a build/ that exists is reused as it is);
#   3. cross-builds everything in build-arm64/ (cmake/aarch64-linux-gnu.cmake);
#   4. runs the cross-build's tests, each arm64 program under qemu-aarch64-static:
#      the text engine, content, slides, render, the app's parts, the watcher and
#      the import, both shows rendered pixel for pixel as on amd64, the arm64
#      .deb's fields and files, and the arm64 box (Debian 12 arm64 with the
#      .deb installed by apt-get) booted in qemu-system-aarch64 to its first slide;
#   5. packages build-arm64/annae_<version>_arm64.deb.
#
# Run from anywhere, as root (or with sudo for step 1; the box test needs root).
# ANNAE_CROSS_CTEST_ARGS adds ctest options, e.g. "-LE box-arm64" to skip the
# emulated box (17-19 minutes with an empty image cache, under 2 with it).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${ANNAE_JOBS:-2}

deploy/setup.sh --arm64
[ -f build/CMakeCache.txt ] || cmake -S . -B build
cmake --build build -j"$jobs" --target annae
cmake -S . -B build-arm64 --toolchain cmake/aarch64-linux-gnu.cmake -DANNAE_HOST_ANNAE="$PWD/build/src/app/annae"
cmake --build build-arm64 -j"$jobs"
# shellcheck disable=SC2086  # word-split options on purpose
ctest --test-dir build-arm64 --output-on-failure -j"$jobs" ${ANNAE_CROSS_CTEST_ARGS:-}
(cd build-arm64 && cpack -G DEB >cpack.log 2>&1) || { tail -20 build-arm64/cpack.log >&2; exit 1; }
deb=$(ls build-arm64/annae_*_arm64.deb)
echo "cross-arm64: $deb"
dpkg-deb -f "$deb" Package Version Architecture Depends
