#!/usr/bin/env bash
# deploy/install.sh --no-deps --build-dir BUILD --root ROOT: the same files as
# the .deb (names, modes, contents), the user and the seeded show; a second run
# changes nothing and keeps edited settings and content.
. "$(dirname "$0")/lib.sh"
need_root "$@"

ROOT=$WORK/root
# No render group on this box: box-setup must create it.
make_root "$ROOT" "video:44 input:101"
install_sh() {
  local log=$1; shift
  if ! bash "$SRC/deploy/install.sh" --no-deps --build-dir "$BUILD" --root "$ROOT" "$@" >"$log" 2>&1; then
    show_log "$log"
    fail "deploy/install.sh failed (output above)"
  fi
}
install_sh "$WORK/run1.log"
note "first run: $(grep -c 'install.sh: installed ' "$WORK/run1.log") files installed"
grep -q 'box-setup: created system group render' "$WORK/run1.log" \
  || { show_log "$WORK/run1.log"; fail "box-setup did not create the missing render group"; }
check_user "$ROOT"
check_content "$ROOT"
check_enabled "$ROOT"

# ---- the same files as the .deb ----------------------------------------------------
deb=$(build_deb "$WORK/pkg")
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { sub(/^\.\//, "", $NF); print $1, $NF }' | sort >"$WORK/deb.list"
(cd "$ROOT" && find . ! -type d ! -path './var/*' ! -path './etc/systemd/*' \
      ! -path './etc/passwd*' ! -path './etc/group*' ! -path './etc/shadow*' ! -path './etc/gshadow*' \
      -printf '%M %P\n') | sort >"$WORK/installed.list"
if ! diff -u "$WORK/deb.list" "$WORK/installed.list" >"$WORK/list.diff"; then
  show_log "$WORK/list.diff"
  fail "install.sh installed other files or modes than the .deb has (- .deb, + install.sh)"
fi
dpkg-deb -x "$deb" "$WORK/deb-tree"
while read -r _ path; do
  [ "$path" = usr/bin/annae ] && continue   # both stripped, but not necessarily byte-equal
  cmp -s "$WORK/deb-tree/$path" "$ROOT/$path" || fail "$path differs between the .deb and install.sh"
done <"$WORK/deb.list"
out=$("$ROOT/usr/bin/annae" --version 2>&1) || fail "annae --version from install.sh failed: $out"
case $out in *"$VERSION"*) ;; *) fail "installed annae --version says '$out', want $VERSION" ;; esac
note "the same $(wc -l <"$WORK/deb.list") files, modes and contents as the .deb"

# ---- a second run changes nothing, a third keeps the technician's edits -------------
snapshot "$ROOT" >"$WORK/before"
install_sh "$WORK/run2.log"
snapshot "$ROOT" >"$WORK/after"
if ! diff -u "$WORK/before" "$WORK/after" >"$WORK/snapshot.diff"; then
  show_log "$WORK/snapshot.diff"
  fail "a second install.sh run changed the root (above)"
fi
grep -q 'install.sh: 0 files installed or updated' "$WORK/run2.log" \
  || { show_log "$WORK/run2.log"; fail "the second run did not report '0 files installed or updated'"; }
grep -q 'box-setup:\|install.sh: enabled\|install.sh: installed ' "$WORK/run2.log" \
  && { show_log "$WORK/run2.log"; fail "the second run reports changes"; }

echo '# changed by the technician' >>"$ROOT/etc/annae/annae.toml"
echo '# changed by staff' >>"$ROOT/var/lib/annae/content/show.toml"
cp "$ROOT/etc/annae/annae.toml" "$WORK/annae.toml.edited"
cp "$ROOT/var/lib/annae/content/show.toml" "$WORK/show.toml.edited"
install_sh "$WORK/run3.log"
cmp -s "$WORK/annae.toml.edited" "$ROOT/etc/annae/annae.toml" || fail "install.sh overwrote /etc/annae/annae.toml"
cmp -s "$WORK/show.toml.edited" "$ROOT/var/lib/annae/content/show.toml" || fail "install.sh overwrote the live show"
grep -q 'kept your /etc/annae/annae.toml' "$WORK/run3.log" \
  || { show_log "$WORK/run3.log"; fail "install.sh did not say it kept the edited settings"; }
note "second run: no change; third run kept the edited settings and show"
echo "PASS"
