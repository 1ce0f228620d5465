#!/usr/bin/env bash
# The systemd units and the udev rule, as installed (cmake --install into a
# throwaway root): systemd-analyze verify --root (so ExecStart= programs are
# looked up in the root, and /usr/bin/annae need not be on this machine; no
# running systemd needed); every Exec program is installed; the security
# exposure of annae.service stays at the measured level; the udev rule's syntax.
. "$(dirname "$0")/lib.sh"

# Exposure limits (systemd-analyze security, 0 = locked down … 10 = wide open),
# just above what the units reach with systemd 252 (README.md, "Installing on a lobby box").
declare -A EXPOSURE_LIMIT=(
  [annae.service]=1.2
  [annae-retry@annae.service]=1.5
  [annae-import@sdb1.service]=3.0
  [annae-cage.service]=4.0
  [annae-tidy.service]=0.6
)
UNITS=(annae.service annae-cage.service annae-import@sdb1.service annae-retry@annae.service annae-tidy.service)

[ -f /lib/systemd/system/multi-user.target ] || fail "systemd is not installed here (deploy/setup.sh installs it)"
ROOT=$WORK/root
if ! DESTDIR=$ROOT cmake --install "$BUILD" --prefix /usr >"$WORK/install.log" 2>&1; then
  show_log "$WORK/install.log"
  fail "cmake --install into $ROOT failed"
fi
UNITDIR=$ROOT/lib/systemd/system
for u in annae.service annae-cage.service annae-import@.service annae-retry@.service annae-tidy.service; do
  [ -f "$UNITDIR/$u" ] || fail "cmake --install did not install $u into /lib/systemd/system"
done
# The units the ours refer to (multi-user.target, getty@.service, …) come from
# this machine's systemd; cage, optional, is a stub (annae-cage.service names it).
cp -rn /lib/systemd/system/. "$UNITDIR/"
mkdir -p "$ROOT/usr/bin"
printf '#!/bin/sh\n# stub for systemd-analyze verify\nexit 0\n' >"$ROOT/usr/bin/cage"
chmod 0755 "$ROOT/usr/bin/cage"

# verify UNIT: no message at all (systemd 252 exits 0 on unknown keys and bad
# values, so any output is a finding).
verify() {
  local out rc=0
  out=$(cd "$ROOT" && systemd-analyze verify --man=no --generators=no --root="$ROOT" "$1" 2>&1) || rc=$?
  if [ $rc -ne 0 ] || [ -n "$out" ]; then
    printf '%s\n' "$out" | sed 's/^/   | /' >&2
    return 1
  fi
}

# The check must be able to fail: a unit with a misspelt directive.
mkdir -p "$ROOT/etc/systemd/system"
sed 's/^NoNewPrivileges=yes/NoNewPrivilege=yes/' "$UNITDIR/annae.service" >"$ROOT/etc/systemd/system/annae-canary.service"
grep -q '^NoNewPrivilege=yes' "$ROOT/etc/systemd/system/annae-canary.service" || fail "canary: no NoNewPrivileges=yes in annae.service"
if verify annae-canary.service 2>/dev/null; then
  fail "systemd-analyze verify did not report a misspelt directive; this test cannot check the units"
fi
rm "$ROOT/etc/systemd/system/annae-canary.service"

for u in "${UNITS[@]}"; do
  verify "$u" || fail "systemd-analyze verify $u reports problems (above)"
done
note "systemd-analyze verify: ${UNITS[*]} clean"

# Every program the units run is installed (verify skips ExecStartPre=- lines).
for f in "$UNITDIR"/annae*.service; do
  while IFS= read -r line; do
    prog=${line#*=}
    prog=${prog##[-+!@:|]}; prog=${prog##[-+!@:|]}; prog=${prog##[-+!@:|]}
    prog=${prog%% *}
    [ -x "$ROOT$prog" ] || fail "$(basename "$f"): '$line' runs $prog, which is not installed"
  done < <(grep -E '^Exec[A-Za-z]*=' "$f")
  for dep in $(sed -n 's/^OnFailure=//p' "$f"); do
    [ -f "$UNITDIR/${dep%%@*}@.service" ] || [ -f "$UNITDIR/$dep" ] \
      || fail "$(basename "$f"): OnFailure=$dep is not installed"
  done
done
# The settings, the units and box-setup agree on the folders and the user.
grep -q '^content = "/var/lib/annae/content"$' "$ROOT/etc/annae/annae.toml" || fail "annae.toml: content is not /var/lib/annae/content"
grep -q '^state = "/var/lib/annae/state"$' "$ROOT/etc/annae/annae.toml" || fail "annae.toml: state is not /var/lib/annae/state"
grep -q '^StateDirectory=annae/state$' "$UNITDIR/annae.service" || fail "annae.service does not make /var/lib/annae/state writable"
grep -q '^User=annae$' "$UNITDIR/annae.service" || fail "annae.service does not run as annae"
grep -q '^ExecStart=/usr/bin/annae --config /etc/annae/annae.toml$' "$UNITDIR/annae.service" \
  || fail "annae.service does not start /usr/bin/annae --config /etc/annae/annae.toml"

# ---- security exposure -------------------------------------------------------------
for u in "${UNITS[@]}"; do
  out=$(cd "$ROOT" && systemd-analyze security --offline=yes --root="$ROOT" --no-pager "$u" 2>&1) \
    || { printf '%s\n' "$out" >&2; fail "systemd-analyze security $u failed"; }
  level=$(printf '%s\n' "$out" | sed -n "s/^→ Overall exposure level for $u: \([0-9.]*\).*/\1/p")
  [ -n "$level" ] || { printf '%s\n' "$out" >&2; fail "no exposure level for $u in the output above"; }
  limit=${EXPOSURE_LIMIT[$u]}
  if awk -v l="$level" -v m="$limit" 'BEGIN { exit !(l > m) }'; then
    printf '%s\n' "$out" | grep -v '^✓' >&2
    fail "$u: exposure $level is above $limit (a sandboxing line was lost? see the ✗ lines above)"
  fi
  note "systemd-analyze security $u: $level (limit $limit)"
done

# ---- udev rule ------------------------------------------------------------------------
RULES_DIR=$ROOT/lib/udev/rules.d
rules=("$RULES_DIR"/*annae*.rules)
[ ${#rules[@]} -eq 1 ] && [ -f "${rules[0]}" ] || fail "no single annae udev rule in /lib/udev/rules.d: ${rules[*]}"
rule=${rules[0]}
name=$(basename "$rule")
# ID_BUS and ID_FS_USAGE are set by 60-persistent-storage.rules: ours must come later.
[[ "$name" > "60-persistent-storage.rules" ]] || fail "$name sorts before 60-persistent-storage.rules, which sets ID_BUS and ID_FS_USAGE"
if udevadm verify --help >/dev/null 2>&1; then
  udevadm verify "$rule" >"$WORK/udev.log" 2>&1 || { show_log "$WORK/udev.log"; fail "udevadm verify $name"; }
fi
token='[A-Z_]+(\{[A-Za-z0-9_]+\})?(==|!=|=|\+=|-=|:=)"[^"]*"'
n=0
while IFS= read -r line; do
  case $line in ''|'#'*) continue ;; esac
  n=$((n + 1))
  printf '%s\n' "$line" | grep -Eqx "$token(, $token)*" || fail "$name: not KEY==\"value\", … : $line"
  for want in 'ACTION=="add"' 'SUBSYSTEM=="block"' 'ENV{ID_BUS}=="usb"' 'ENV{ID_FS_USAGE}=="filesystem"' \
              'TAG+="systemd"' 'ENV{SYSTEMD_WANTS}+="annae-import@%k.service"'; do
    case $line in *"$want"*) ;; *) fail "$name: the rule lacks $want: $line" ;; esac
  done
done <"$rule"
[ $n -ge 1 ] || fail "$name has no rule"
note "udev rule $name: $n rule(s), syntax and keys fine"
echo "PASS"
