# shellcheck shell=bash disable=SC2034  # sourced: the tests use SRC, VERSION, ANNAE_BUILT
# Shared by tests/deploy/*_test.sh (sourced). Arguments of every test:
#   SOURCE_DIR BUILD_DIR ANNAE_BINARY PROJECT_VERSION
set -euo pipefail

if [ $# -lt 4 ]; then
  echo "usage: $0 SOURCE_DIR BUILD_DIR ANNAE_BINARY PROJECT_VERSION" >&2
  exit 2
fi
SRC=$(cd "$1" && pwd)
BUILD=$(cd "$2" && pwd)
ANNAE_BUILT=$3
VERSION=$4
TEST_NAME=$(basename "$0" .sh)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/annae-$TEST_NAME.XXXXXX")
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

fail() {
  echo "FAIL ($TEST_NAME): $*" >&2
  exit 1
}
note() { echo "-- $*"; }

# show_log FILE: prints FILE (a command's output) indented, for failure messages.
show_log() { sed 's/^/   | /' "$1" >&2; }

# make_root DIR [GROUPS]: a throwaway system root with a dpkg database and a
# minimal /etc/passwd, group, shadow and gshadow. GROUPS (default "video:44
# input:101 render:102") are the device groups the box already has.
make_root() {
  local root=$1 groups=${2-video:44 input:101 render:102} g
  mkdir -p "$root/etc" "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" \
           "$root/var/lib/dpkg/triggers"
  : >"$root/var/lib/dpkg/status"
  : >"$root/var/lib/dpkg/available"
  printf 'root:x:0:0:root:/root:/bin/bash\n' >"$root/etc/passwd"
  printf 'root:*:19000:0:99999:7:::\n' >"$root/etc/shadow"
  printf 'root:x:0:\n' >"$root/etc/group"
  printf 'root:*::\n' >"$root/etc/gshadow"
  for g in $groups; do
    printf '%s:x:%s:\n' "${g%%:*}" "${g#*:}" >>"$root/etc/group"
    printf '%s:*::\n' "${g%%:*}" >>"$root/etc/gshadow"
  done
  chmod 0640 "$root/etc/shadow" "$root/etc/gshadow"
}

# build_deb OUTDIR: runs cpack -G DEB from the build folder; prints the .deb's path.
build_deb() {
  local out=$1 log=$1.cpack.log debs
  mkdir -p "$out"
  if ! cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$out" >"$log" 2>&1; then
    show_log "$log"
    fail "cpack -G DEB failed (output above)"
  fi
  debs=("$out"/annae_*.deb)
  [ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "cpack made no single annae_*.deb in $out: ${debs[*]}"
  echo "${debs[0]}"
}

# check_user ROOT: user annae exists in ROOT and is in video, input and render.
check_user() {
  local root=$1 g
  grep -q '^annae:x:[0-9]*:[0-9]*:[^:]*:/var/lib/annae:/usr/sbin/nologin$' "$root/etc/passwd" \
    || fail "no system user annae (home /var/lib/annae, nologin) in $root/etc/passwd: $(cat "$root/etc/passwd")"
  grep -q '^annae:x:' "$root/etc/group" || fail "no group annae in $root/etc/group"
  for g in video input render; do
    awk -F: -v g="$g" '$1 == g && ("," $4 ",") ~ /,annae,/ { found = 1 } END { exit !found }' "$root/etc/group" \
      || fail "annae is not in group $g: $(grep "^$g:" "$root/etc/group" || echo "(no group $g)")"
  done
}

# check_content ROOT: /var/lib/annae/content is the default show, owned by
# annae, setgid folders; state exists and belongs to annae.
check_content() {
  local root=$1 uid gid
  uid=$(awk -F: '$1 == "annae" { print $3 }' "$root/etc/passwd")
  gid=$(awk -F: '$1 == "annae" { print $3 }' "$root/etc/group")
  [ -d "$root/var/lib/annae/content" ] || fail "/var/lib/annae/content was not created"
  diff -r "$root/usr/share/annae/content" "$root/var/lib/annae/content" >"$WORK/content.diff" 2>&1 \
    || { show_log "$WORK/content.diff"; fail "/var/lib/annae/content differs from /usr/share/annae/content"; }
  [ "$(stat -c '%u:%g %a' "$root/var/lib/annae/content")" = "$uid:$gid 2775" ] \
    || fail "/var/lib/annae/content is $(stat -c '%u:%g %a' "$root/var/lib/annae/content"), want $uid:$gid 2775"
  [ -z "$(find "$root/var/lib/annae/content" ! -uid "$uid" -print -quit)" ] \
    || fail "files in /var/lib/annae/content not owned by annae ($uid)"
  [ "$(stat -c '%u:%g %a' "$root/var/lib/annae/state")" = "$uid:$gid 750" ] \
    || fail "/var/lib/annae/state is $(stat -c '%u:%g %a' "$root/var/lib/annae/state"), want $uid:$gid 750"
}

# check_enabled ROOT: annae.service starts at boot.
check_enabled() {
  local link=$1/etc/systemd/system/multi-user.target.wants/annae.service
  [ -L "$link" ] || fail "annae.service is not enabled (no $link)"
  [ "$(readlink "$link")" = /lib/systemd/system/annae.service ] \
    || fail "$link points to $(readlink "$link"), want /lib/systemd/system/annae.service"
}

# snapshot ROOT: one line per file (path, type, mode, owner, size, mtime, checksum).
snapshot() {
  (cd "$1" && find . -printf '%p %y %m %u:%g %s %T@\n' | sort
   find . -type f -print0 | sort -z | xargs -0 md5sum)
}

# need_root "$@": the rest of the test runs as root — really (CI), or under
# fakeroot, which fakes the chown()s of box-setup and dpkg for a normal user.
need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    command -v fakeroot >/dev/null || fail "needs root or fakeroot (deploy/setup.sh installs it)"
    rm -rf "$WORK"
    trap - EXIT
    exec fakeroot -- bash "$0" "$@"
  fi
}
