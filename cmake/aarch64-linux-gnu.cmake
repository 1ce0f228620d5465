# Cross-building for arm64 (Raspberry Pi 4/5, other AArch64 boxes) with Debian's
# own toolchain: crossbuild-essential-arm64 and the multiarch :arm64 -dev
# packages (deploy/setup.sh --arm64 installs them; deploy/cross-arm64.sh is the
# whole cross-build, test and package command).
#
#   cmake -S . -B build-arm64 --toolchain cmake/aarch64-linux-gnu.cmake
#
# Programs built here run on this (amd64) machine under qemu-user: CMake puts
# CMAKE_CROSSCOMPILING_EMULATOR in front of every test whose command is one of
# our targets, and the tests that start the player themselves take it from
# ANNAE_TEST_EMULATOR (tests/CMakeLists.txt).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(_annae_triplet aarch64-linux-gnu)

set(CMAKE_C_COMPILER ${_annae_triplet}-gcc)
set(CMAKE_CXX_COMPILER ${_annae_triplet}-g++)
# Debian's multiarch layout: the arm64 libraries live beside the host's, in
# /usr/lib/aarch64-linux-gnu, and the headers are shared (/usr/include, with
# the arch-specific ones under /usr/include/aarch64-linux-gnu). The cross
# compiler searches both itself; pkg-config needs the triplet's wrapper, which
# reads only the arm64 .pc files.
set(CMAKE_LIBRARY_ARCHITECTURE ${_annae_triplet})
set(PKG_CONFIG_EXECUTABLE /usr/bin/${_annae_triplet}-pkg-config CACHE FILEPATH "pkg-config for arm64")
# find_package() configs (tomlplusplus, SDL2) from the arm64 tree only.
set(CMAKE_FIND_ROOT_PATH /usr/lib/${_annae_triplet} /usr/${_annae_triplet})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

find_program(ANNAE_QEMU_AARCH64 qemu-aarch64-static)
if(ANNAE_QEMU_AARCH64)
  # -L: where the emulated program's loader (ld-linux-aarch64.so.1) and
  # libraries are; libc6:arm64 puts them under / already, so this is the root.
  set(CMAKE_CROSSCOMPILING_EMULATOR ${ANNAE_QEMU_AARCH64} -L /)
endif()
