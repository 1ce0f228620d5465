#!/bin/sh
# /usr/lib/annae/usb-import DEVNAME — run as root by annae-import@DEVNAME.service
# when a USB stick is plugged in (udev: 61-annae-import.rules).
#
# Mounts /dev/DEVNAME read-only (ro,nosuid,nodev,noexec; mount picks the
# filesystem type: FAT, exFAT, NTFS, ext4…) on a fresh folder, and if the stick
# has an annae/ folder at its top, runs (as user annae)
#     annae import --config /etc/annae/annae.toml MOUNTPOINT
# which checks the show, copies it atomically into the content folder, writes
# state/last-import.txt and has the player show a confirmation or the problems.
# The stick is always unmounted again; messages go to the journal
# (journalctl -u 'annae-import@*').
#
# Exit status: 0 imported, or nothing to import; 2 the show has errors and
# nothing changed; 1 the stick could not be mounted or the import failed.
#
# For tests only: ANNAE_BIN, ANNAE_CONFIG and ANNAE_IMPORT_USER (empty: do not
# change user) replace /usr/bin/annae, /etc/annae/annae.toml and annae.
set -eu

log() { echo "usb-import: $*"; }

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: usb-import DEVNAME   (e.g. sdb1)" >&2
  exit 64
fi
case $1 in
  /dev/*) dev=$1 ;;
  */*|.*) echo "usb-import: bad device name '$1'" >&2; exit 64 ;;
  *) dev=/dev/$1 ;;
esac
annae=${ANNAE_BIN:-/usr/bin/annae}
config=${ANNAE_CONFIG:-/etc/annae/annae.toml}
user=${ANNAE_IMPORT_USER-annae}

# In annae-import@.service /tmp is private to the unit, and so is the mount.
mnt=$(mktemp -d "${TMPDIR:-/tmp}/annae-usb.XXXXXX")
chmod 0755 "$mnt"
mounted=no
cleanup() {
  if [ "$mounted" = yes ]; then
    umount "$mnt" || umount -l "$mnt" || log "could not unmount $mnt"
  fi
  rmdir "$mnt" 2>/dev/null || true
}
trap cleanup EXIT
trap 'log "interrupted (stick pulled out?)"; exit 1' HUP INT TERM

opts=ro,nosuid,nodev,noexec
# mount picks the type itself; NTFS sticks need the kernel's ntfs3 driver by
# name when the old read-only "ntfs" driver is not built.
if mount -o "$opts" "$dev" "$mnt" || mount -t ntfs3 -o "$opts" "$dev" "$mnt" 2>/dev/null; then
  mounted=yes
else
  log "could not mount $dev (not a filesystem this box can read?); nothing imported"
  exit 1
fi

if [ ! -d "$mnt/annae" ]; then
  log "no annae/ folder on the stick, nothing to import"
  exit 0
fi

log "importing the show from $dev"
set -- "$annae" import --config "$config" "$mnt"
if [ -n "$user" ]; then
  # Imported files belong to annae like the rest of /var/lib/annae.
  set -- setpriv --reuid="$user" --regid="$user" --init-groups --reset-env -- "$@"
fi
status=0
"$@" || status=$?
case $status in
  0) log "imported from $dev; the screen shows a confirmation" ;;
  1) log "nothing to import from $dev"; status=0 ;;
  2) log "the show on $dev has errors; nothing changed (the screen and /var/lib/annae/state/last-import.txt list them)" ;;
  *) log "annae import failed (exit $status); nothing changed"; status=1 ;;
esac
exit "$status"
