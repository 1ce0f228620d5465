#!/bin/sh
# /usr/lib/annae/box-setup — the one place that prepares a box for annae. Run by
# the .deb's postinst and by deploy/install.sh; safe to run again at any time
# (it only changes what is missing or wrong, and says so).
#
#  - the system user and group annae (home /var/lib/annae, no login), member of
#    video, input and render (the screen, touch/keys, GPU render nodes); a
#    missing one of these groups is created as a system group;
#  - /var/lib/annae          annae:annae 0755
#  - /var/lib/annae/content  the live show. Seeded from /usr/share/annae/content
#                            only when it does not exist yet — an upgrade or a
#                            re-install never touches it. Folders annae:annae
#                            2775 (setgid: files copied in by members of group
#                            annae stay in group annae), files 0664.
#  - /var/lib/annae/state    annae:annae 0750 (status.json, last-import.txt, …)
#
# DPKG_ROOT (set by dpkg --root … --force-script-chrootless, and by install.sh
# --root): work on the system under that folder instead of /. Then users and
# groups are made with useradd/groupadd/usermod --prefix, and files are chowned
# to the numeric ids in $DPKG_ROOT/etc/passwd: the host's /etc is never read
# or changed.
set -eu

root=${DPKG_ROOT:-}
[ "$root" = / ] && root=
user=annae
home=/var/lib/annae
groups="video input render"

say() { echo "box-setup: $*"; }

if [ -n "$root" ]; then
  for f in passwd group; do
    [ -f "$root/etc/$f" ] || { echo "box-setup: $root/etc/$f is missing" >&2; exit 1; }
  done
fi

# ---- users and groups ---------------------------------------------------------
group_exists() {
  if [ -n "$root" ]; then grep -q "^$1:" "$root/etc/group"
  else getent group "$1" >/dev/null; fi
}
user_exists() {
  if [ -n "$root" ]; then grep -q "^$1:" "$root/etc/passwd"
  else getent passwd "$1" >/dev/null; fi
}
# in_group USER GROUP: USER is a supplementary member of GROUP.
in_group() {
  if [ -n "$root" ]; then
    awk -F: -v g="$2" -v u="$1" '$1 == g { n = split($4, m, ","); for (i = 1; i <= n; i++) if (m[i] == u) found = 1 }
                                 END { exit !found }' "$root/etc/group"
  else
    id -nG "$1" | tr ' ' '\n' | grep -qx "$2"
  fi
}
uid_of() {
  if [ -n "$root" ]; then awk -F: -v u="$1" '$1 == u { print $3; exit }' "$root/etc/passwd"
  else id -u "$1"; fi
}
gid_of() {
  if [ -n "$root" ]; then awk -F: -v g="$1" '$1 == g { print $3; exit }' "$root/etc/group"
  else getent group "$1" | cut -d: -f3; fi
}

for g in $groups $user; do
  group_exists "$g" && continue
  if [ -n "$root" ]; then groupadd --prefix "$root" --system "$g"
  else addgroup --quiet --system "$g"; fi
  say "created system group $g"
done

if ! user_exists "$user"; then
  if [ -n "$root" ]; then
    useradd --prefix "$root" --system --gid "$user" --home-dir "$home" --no-create-home \
            --shell /usr/sbin/nologin --comment "annae kiosk player" "$user"
  else
    adduser --quiet --system --ingroup "$user" --home "$home" --no-create-home \
            --shell /usr/sbin/nologin --gecos "annae kiosk player" "$user"
  fi
  say "created system user $user"
fi

for g in $groups; do
  in_group "$user" "$g" && continue
  if [ -n "$root" ]; then usermod --prefix "$root" --append --groups "$g" "$user"
  else adduser --quiet "$user" "$g"; fi
  say "added $user to group $g"
done

uid=$(uid_of "$user")
gid=$(gid_of "$user")
if [ -z "$uid" ] || [ -z "$gid" ]; then
  echo "box-setup: cannot find the ids of $user" >&2
  exit 1
fi

# ---- folders ------------------------------------------------------------------
# ensure_dir PATH MODE: PATH exists, belongs to annae:annae and has MODE (4
# digits). chmod gets 5 digits so that a stray setgid bit is cleared too.
ensure_dir() {
  _what="set ${1#"$root"} to $user:$user, mode $2"
  if [ ! -d "$1" ]; then
    mkdir -p "$1"
    _what="created ${1#"$root"} ($user:$user, mode $2)"
  fi
  if [ "$(stat -c '%u:%g' "$1") $(printf '%04d' "$(stat -c '%a' "$1")")" != "$uid:$gid $2" ]; then
    chown "$uid:$gid" "$1"
    chmod "0$2" "$1"
    say "$_what"
  fi
}

ensure_dir "$root$home" 0755
ensure_dir "$root$home/state" 0750

content=$root$home/content
seed=$root/usr/share/annae/content
if [ ! -e "$content" ] && [ ! -L "$content" ]; then
  if [ -d "$seed" ]; then
    # Copy next to it, then rename: a half-copied show is never the live one.
    tmp=$root$home/.content.seeding
    rm -rf "$tmp"
    cp -R -p "$seed" "$tmp"
    chown -R "$uid:$gid" "$tmp"
    find "$tmp" -type d -exec chmod 2775 {} +
    find "$tmp" -type f -exec chmod 0664 {} +
    mv "$tmp" "$content"
    say "seeded $home/content with the default show from /usr/share/annae/content"
  else
    say "no default show at /usr/share/annae/content; $home/content starts empty"
  fi
fi
# A symlink (to a network share, say) is the technician's choice: left alone.
if [ ! -L "$content" ]; then
  ensure_dir "$content" 2775
fi
