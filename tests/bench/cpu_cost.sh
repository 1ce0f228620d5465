#!/usr/bin/env bash
# tests/bench/cpu_cost.sh [HOST_BUILD [ARM64_BUILD]]   (defaults: build, build-arm64)
#
# Instructions per unit of the player's hot paths, counted by callgrind, for
# this machine's build and the arm64 cross-build (deploy/cross-arm64.sh makes
# both). Callgrind counts executed instructions, not time: the same binary on
# the same input gives the same count on any machine, under any load. The
# arm64 count comes from arm64 valgrind (Debian's valgrind:arm64, unpacked into
# a cache, not installed) running under qemu-aarch64-static, which emulates
# the CPU instruction by instruction.
#
# Prints a Markdown table for the README. A frame time on a small box is then
# an estimate: instructions / (instructions per cycle x clock), and a
# cross-fade is also bounded by memory bandwidth (it reads two frames and
# writes one).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
host_build=$(realpath "${1:-$root/build}")
arm64_build=$(realpath "${2:-$root/build-arm64}")
frames=${ANNAE_COST_FRAMES:-10}
cache=${ANNAE_VALGRIND_ARM64_CACHE:-$HOME/.cache/annae-valgrind-arm64}

for bench in "$host_build/tests/bench/cpu_cost_bench" "$arm64_build/tests/bench/cpu_cost_bench"; do
  [ -x "$bench" ] || { echo "cpu_cost: no $bench: build it (deploy/cross-arm64.sh builds both)" >&2; exit 1; }
done
command -v valgrind >/dev/null || { echo "cpu_cost: valgrind is missing (apt-get install valgrind)" >&2; exit 1; }
command -v qemu-aarch64-static >/dev/null || { echo "cpu_cost: qemu-aarch64-static is missing (deploy/setup.sh --arm64)" >&2; exit 1; }

# valgrind:arm64 cannot be installed beside valgrind:amd64 (not multiarch): unpack it.
vg_root=$cache/root
if [ ! -x "$vg_root/usr/libexec/valgrind/callgrind-arm64-linux" ]; then
  rm -rf "$cache" && mkdir -p "$cache"
  (cd "$cache" && apt-get download valgrind:arm64 >/dev/null 2>&1) \
    || { echo "cpu_cost: apt-get download valgrind:arm64 failed (is arm64 added? deploy/setup.sh --arm64)" >&2; exit 1; }
  dpkg -x "$cache"/valgrind_*_arm64.deb "$vg_root"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# count ARCH PHASE N: the instructions callgrind collected in annae_cost_phase.
count() {
  local arch=$1 phase=$2 n=$3 out=$work/$1-$2.out log=$work/$1-$2.log
  if [ "$arch" = amd64 ]; then
    valgrind --tool=callgrind --toggle-collect=annae_cost_phase --callgrind-out-file="$out" \
      "$host_build/tests/bench/cpu_cost_bench" "$phase" "$n" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  else
    # The launcher (valgrind) only execs the tool, which would need binfmt for
    # an arm64 program: start the tool under the emulator directly, with the
    # --tool the launcher would pass (without it the tool preloads memcheck's
    # malloc, and every malloc fails).
    VALGRIND_LIB=$vg_root/usr/libexec/valgrind VALGRIND_LAUNCHER=$vg_root/usr/bin/valgrind \
      qemu-aarch64-static -L / "$vg_root/usr/libexec/valgrind/callgrind-arm64-linux" --tool=callgrind \
      --toggle-collect=annae_cost_phase --callgrind-out-file="$out" \
      "$arm64_build/tests/bench/cpu_cost_bench" "$phase" "$n" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  fi
  local total
  total=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$out" 2>/dev/null)
  [ -n "$total" ] || { echo "cpu_cost: no counts for $arch $phase" >&2; cat "$log" >&2; exit 1; }
  echo $((total / n))
}

millions() { awk -v n="$1" 'BEGIN { printf "%.1f M", n / 1e6 }'; }

echo "| what (1920x1080, the default show) | amd64 instructions | arm64 instructions | arm64 / amd64 |"
echo "| --- | --- | --- | --- |"
for row in "crossfade:$frames:one cross-fade frame (software presenter)" \
           "layout:3:layout of the whole show (15 slides), warm" \
           "compose:3:lay out and compose one slide (strategies), warm"; do
  IFS=: read -r phase n what <<<"$row"
  a=$(count amd64 "$phase" "$n")
  b=$(count arm64 "$phase" "$n")
  echo "| $what | $(millions "$a") | $(millions "$b") | $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }') |"
done
