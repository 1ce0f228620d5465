#!/usr/bin/env bash
# deploy/usb-import.sh with stand-ins for mount, umount and annae (no stick,
# no root needed): a stick without annae/ is left alone, one with annae/ is
# imported with the right command line, exit codes are mapped, the stick is
# always unmounted and the mount point removed.
. "$(dirname "$0")/lib.sh"

SCRIPT=$SRC/deploy/usb-import.sh
BIN=$WORK/bin
mkdir -p "$BIN" "$WORK/tmp"
export CALLS=$WORK/calls STICK=$WORK/stick
# mount [-t TYPE] -o OPTS DEV DIR: "mounts" $STICK on DIR, or fails if MOUNT_RC says so.
cat >"$BIN/mount" <<'STUB'
#!/bin/sh
echo "mount $*" >>"$CALLS"
[ "${MOUNT_RC:-0}" -eq 0 ] || exit "$MOUNT_RC"
for dir; do :; done
cp -R "$STICK/." "$dir/"
STUB
cat >"$BIN/umount" <<'STUB'
#!/bin/sh
echo "umount $*" >>"$CALLS"
for dir; do :; done
find "$dir" -mindepth 1 -delete
STUB
# usb-import may run annae through setpriv --reset-env: no environment, so
# the stand-in's paths are written into it, and its exit status is in a file.
cat >"$BIN/annae" <<STUB
#!/bin/sh
echo "annae \$*" >>"$CALLS"
exit "\$(cat "$WORK/import_rc")"
STUB
chmod +x "$BIN"/*

# The real setpriv runs when we are root (as root → root); otherwise no change of user.
import_user=
[ "$(id -u)" -eq 0 ] && import_user=root

# run EXPECTED_EXIT DEV: runs usb-import; its output is in $WORK/out.
run() {
  local want=$1 rc=0; shift
  : >"$CALLS"
  echo "${IMPORT_RC:-0}" >"$WORK/import_rc"
  PATH=$BIN:$PATH TMPDIR=$WORK/tmp ANNAE_BIN=$BIN/annae ANNAE_CONFIG=/etc/annae/annae.toml \
    ANNAE_IMPORT_USER=$import_user sh "$SCRIPT" "$@" >"$WORK/out" 2>&1 || rc=$?
  if [ $rc -ne "$want" ]; then
    show_log "$WORK/out"
    fail "usb-import $* exited $rc, want $want"
  fi
  [ -z "$(ls -A "$WORK/tmp")" ] || fail "usb-import $* left its mount point behind: $(ls "$WORK/tmp")"
}
said() { grep -q "$1" "$WORK/out" || { show_log "$WORK/out"; fail "usb-import did not say '$1'"; }; }
called() { grep -q "$1" "$CALLS" || { show_log "$CALLS"; fail "expected a call matching '$1'"; }; }
not_called() { ! grep -q "$1" "$CALLS" || { show_log "$CALLS"; fail "unexpected call matching '$1'"; }; }

# A stick without annae/.
mkdir -p "$STICK/photos"
run 0 sdb1
said "no annae/ folder on the stick, nothing to import"
called "^mount -o ro,nosuid,nodev,noexec /dev/sdb1 "
called "^umount "
not_called "^annae "

# A stick with annae/: imported.
mkdir -p "$STICK/annae/forum-2024"
run 0 sdb1
called "^annae import --config /etc/annae/annae.toml $WORK/tmp/annae-usb\.[A-Za-z0-9]*\$"
called "^umount "
said "imported from /dev/sdb1"

# Nothing new (1) is fine; errors (2) fail the unit; anything else is 1.
IMPORT_RC=1 run 0 sdb1
said "nothing to import"
IMPORT_RC=2 run 2 sdb1
said "has errors; nothing changed"
called "^umount "
IMPORT_RC=70 run 1 sdb1

# A stick that cannot be mounted: no import, no unmount.
MOUNT_RC=32 run 1 sdc
said "could not mount /dev/sdc"
not_called "^annae "
not_called "^umount "

# Bad arguments.
run 64
run 64 ../etc
note "usb-import: no annae/ folder, import, exit codes, unmount, bad names"
echo "PASS"
