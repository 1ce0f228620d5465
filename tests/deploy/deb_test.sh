#!/usr/bin/env bash
# The .deb from cpack: control fields, file list, conffiles; then installed,
# re-installed (the upgrade path), removed, installed again and purged in a
# throwaway root with dpkg --root --force-script-chrootless, which runs the
# maintainer scripts with DPKG_ROOT set (box-setup and deb-systemd-helper then
# work on the root, never on this machine's /etc).
. "$(dirname "$0")/lib.sh"
need_root "$@"

deb=$(build_deb "$WORK/pkg")
note "built $(basename "$deb")"

# ---- control ------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = annae ] || fail "Package is '$(field Package)', want annae"
[ "$(field Version)" = "$VERSION" ] || fail "Version is '$(field Version)', want the project version $VERSION"
# A cross-build packages for its target (ANNAE_DEB_ARCH, from tests/deploy/CMakeLists.txt).
arch=${ANNAE_DEB_ARCH:-$(dpkg --print-architecture)}
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)', want $arch"
depends=$(field Depends)
note "Depends: $depends"
# depends_on REGEX: a package in Depends whose name matches REGEX (anchored).
depends_on() { printf '%s\n' "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -Eqx "$1"; }
# Every library the packaged player links is this architecture's library, and
# its package is a dependency: dpkg-shlibdeps read the $arch libraries.
triplet=$(dpkg-architecture -a "$arch" -qDEB_HOST_MULTIARCH 2>/dev/null)
dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./usr/bin/annae >"$WORK/annae.packaged"
[ "$(LC_ALL=C readelf -h "$WORK/annae.packaged" | awk -F: '/Machine:/ { gsub(/^ +/, "", $2); print $2 }')" \
  = "$(case $arch in amd64) echo 'Advanced Micro Devices X86-64' ;; arm64) echo AArch64 ;; esac)" ] \
  || fail "usr/bin/annae is not an $arch program: $(LC_ALL=C readelf -h "$WORK/annae.packaged" | grep Machine:)"
for soname in $(LC_ALL=C readelf -d "$WORK/annae.packaged" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  owner=""
  # dpkg names a file by the path its package ships (/lib or /usr/lib, the link or its target).
  for path in "/lib/$triplet/$soname" "/usr/lib/$triplet/$soname" "$(realpath -q "/usr/lib/$triplet/$soname")"; do
    [ -e "$path" ] && owner=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1-2) && [ -n "$owner" ] && break
  done
  [ -n "$owner" ] || fail "no installed $arch package holds $soname (NEEDED by usr/bin/annae)"
  case $owner in *":$arch") ;; *) [ "$arch" = "$(dpkg --print-architecture)" ] || fail "$soname belongs to $owner, not to an $arch package" ;; esac
  depends_on "$(printf '%s' "${owner%%:*}" | sed 's/[+.]/\\&/g')" || fail "usr/bin/annae links $soname ($owner), but Depends lacks ${owner%%:*}: $depends"
done
note "every library usr/bin/annae links is an $arch package in Depends"
# The DRI drivers that Depends brings: kms_swrast on any box; on a Raspberry Pi
# 4/5 the GPU's own, v3d (and vc4 for the display controller).
drivers="kms_swrast"
[ "$arch" = arm64 ] && drivers="kms_swrast v3d vc4"
for driver in $drivers; do
  dpkg -L "libgl1-mesa-dri:$arch" 2>/dev/null | grep -q "/dri/${driver}_dri\.so$" \
    || fail "libgl1-mesa-dri:$arch (in Depends) has no ${driver}_dri.so, or is not installed here to look"
done
note "libgl1-mesa-dri:$arch holds the DRI drivers: $drivers"
# The graphics stack SDL opens with dlopen() (EGL, GBM, GLES/GL, a Mesa DRI
# driver) is invisible to dpkg-shlibdeps; without it KMSDRM shows a black screen.
for want in 'libsdl2-2\.0-0' 'libharfbuzz0b' 'libicu[0-9]+' 'fonts-noto-cjk' 'adduser' 'mount' 'systemd' \
    'libegl1' 'libgbm1' 'libgles2' 'libgl1' 'libgl1-mesa-dri'; do
  depends_on "$want" || fail "Depends lacks $want: $depends"
done
# Without file(1) (a minimal Debian 12) cpack uses deploy/debian/elf-type.sh: the same Depends.
deb2=$(ANNAE_CPACK_WITHOUT_FILE=1 build_deb "$WORK/pkg-without-file")
[ "$(dpkg-deb -f "$deb2" Depends)" = "$depends" ] \
  || fail "without file(1) the Depends differ: '$(dpkg-deb -f "$deb2" Depends)' vs '$depends'"
[ -n "$(field Maintainer)" ] && [ -n "$(field Description)" ] && [ -n "$(field Section)" ] \
  || fail "Maintainer, Description or Section is empty"

# ---- files ----------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{ print $1, $NF }' >"$WORK/contents"
has() { grep -q " \./$1\$" "$WORK/contents" || fail "the .deb lacks ./$1"; }
has usr/bin/annae
has usr/share/annae/content/show.toml
has usr/share/annae/content/forum-2023/010-cover.toml
has usr/share/annae/fonts/README.md
has usr/share/annae/annae.toml
has etc/annae/annae.toml
has lib/systemd/system/annae.service
has lib/systemd/system/annae-cage.service
has lib/systemd/system/annae-import@.service
has lib/systemd/system/annae-retry@.service
has lib/systemd/system/annae-tidy.service
has lib/udev/rules.d/61-annae-import.rules
has usr/lib/annae/box-setup
has usr/lib/annae/console-quiet
has usr/lib/annae/usb-import
has usr/lib/annae/retry
has usr/share/doc/annae/README.md
has usr/share/doc/annae/FORMAT.md
grep -q '^-rwxr-xr-x \./usr/bin/annae$' "$WORK/contents" || fail "usr/bin/annae is not 0755"
grep -q ' \./var/' "$WORK/contents" && fail "the .deb ships files under /var (the live show must be made by box-setup, never shipped): $(grep ' \./var/' "$WORK/contents")"
cmp -s "$SRC/deploy/annae.toml" <(dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./etc/annae/annae.toml) \
  || fail "/etc/annae/annae.toml in the .deb is not deploy/annae.toml"

dpkg-deb -e "$deb" "$WORK/control"
[ "$(cat "$WORK/control/conffiles")" = /etc/annae/annae.toml ] \
  || fail "conffiles is '$(cat "$WORK/control/conffiles" 2>/dev/null)', want /etc/annae/annae.toml"
for s in postinst prerm postrm; do
  [ -x "$WORK/control/$s" ] || fail "no executable $s maintainer script"
  sh -n "$WORK/control/$s" || fail "$s is not valid sh"
done

# ---- install into a throwaway root ---------------------------------------------
ROOT=$WORK/root
make_root "$ROOT"
# An arm64 package installs into the throwaway root as a foreign architecture's
# (as on a multiarch Debian); its maintainer scripts are sh, run here.
if [ "$arch" != "$(dpkg --print-architecture)" ]; then
  dpkg --root="$ROOT" --add-architecture "$arch" || fail "cannot add $arch to the throwaway root's dpkg"
fi
dpkg_root() {
  local log=$WORK/dpkg.log
  if ! dpkg --root="$ROOT" --force-script-chrootless --force-depends --force-not-root \
            --log=/dev/null "$@" </dev/null >"$log" 2>&1; then
    show_log "$log"
    fail "dpkg $* failed (output above)"
  fi
  cat "$log" >>"$WORK/dpkg-all.log"
}
dpkg_root -i "$deb"
note "installed into $ROOT"
grep -q '^box-setup: seeded /var/lib/annae/content' "$WORK/dpkg-all.log" \
  || { show_log "$WORK/dpkg-all.log"; fail "postinst did not run box-setup (no 'seeded' message)"; }
check_user "$ROOT"
check_content "$ROOT"
check_enabled "$ROOT"
[ -f "$ROOT/var/lib/systemd/deb-systemd-helper-enabled/annae.service.dsh-also" ] \
  || fail "deb-systemd-helper kept no state for annae.service in the root"

# In a cross-build the target's programs run under the emulator (ANNAE_TEST_EMULATOR).
# shellcheck disable=SC2086  # the emulator is a command with its options
annae() { ${ANNAE_TEST_EMULATOR:-} "$@"; }
out=$(annae "$ROOT/usr/bin/annae" --version 2>&1) || fail "installed annae --version failed: $out"
case $out in *"$VERSION"*) ;; *) fail "installed annae --version says '$out', want $VERSION" ;; esac
[ "$out" = "$(annae "$ANNAE_BUILT" --version 2>&1)" ] || fail "installed annae --version '$out' differs from the built one's"
out=$(annae "$ROOT/usr/bin/annae" check "$ROOT/var/lib/annae/content" 2>&1) \
  || fail "installed annae check /var/lib/annae/content exited $?: $out"
note "installed annae: $(annae "$ROOT/usr/bin/annae" --version 2>&1 | head -1); annae check of the seeded show: clean"

# ---- re-install (the upgrade path) keeps the technician's changes ----------------
echo '# changed by the technician' >>"$ROOT/etc/annae/annae.toml"
echo '# changed by staff' >>"$ROOT/var/lib/annae/content/show.toml"
touch "$ROOT/var/lib/annae/content/forum-2023/080-added.toml"
cp "$ROOT/etc/annae/annae.toml" "$WORK/annae.toml.edited"
cp "$ROOT/var/lib/annae/content/show.toml" "$WORK/show.toml.edited"
dpkg_root -i "$deb"
cmp -s "$WORK/annae.toml.edited" "$ROOT/etc/annae/annae.toml" || fail "re-install overwrote /etc/annae/annae.toml"
cmp -s "$WORK/show.toml.edited" "$ROOT/var/lib/annae/content/show.toml" || fail "re-install overwrote /var/lib/annae/content/show.toml"
[ -e "$ROOT/var/lib/annae/content/forum-2023/080-added.toml" ] || fail "re-install removed a file staff added to the content"
check_enabled "$ROOT"
note "re-install kept the edited settings and show"

# ---- remove, install again, purge --------------------------------------------
dpkg_root -r annae
[ ! -e "$ROOT/usr/bin/annae" ] || fail "remove left /usr/bin/annae"
cmp -s "$WORK/show.toml.edited" "$ROOT/var/lib/annae/content/show.toml" || fail "remove deleted the live show"
[ -f "$ROOT/etc/annae/annae.toml" ] || fail "remove deleted the settings (only purge may)"
dpkg_root -i "$deb"
check_enabled "$ROOT"
[ ! -e "$ROOT/etc/systemd/system/annae.service" ] || fail "annae.service is still masked after installing again"
cmp -s "$WORK/show.toml.edited" "$ROOT/var/lib/annae/content/show.toml" || fail "install after remove overwrote the live show"

dpkg_root --purge annae
[ ! -e "$ROOT/var/lib/annae" ] || fail "purge left /var/lib/annae"
[ ! -e "$ROOT/etc/annae/annae.toml" ] || fail "purge left /etc/annae/annae.toml"
[ ! -e "$ROOT/etc/systemd/system/multi-user.target.wants/annae.service" ] || fail "purge left annae.service enabled"
[ ! -e "$ROOT/etc/systemd/system/annae.service" ] || fail "purge left annae.service masked"
[ -z "$(find "$ROOT/var/lib/systemd" -name 'annae*' 2>/dev/null)" ] \
  || fail "purge left deb-systemd-helper state for annae"
grep -q '^annae:' "$ROOT/etc/passwd" || fail "purge removed the user annae (Debian keeps it)"
note "remove kept settings and show; purge removed them; the user stays"
echo "PASS"
