#!/bin/sh
# elf-type.sh FILE... — a stand-in for `file FILE...`, for cpack only.
# cpack's DEB generator runs file(1) on every packaged file to find the
# dynamically linked ELF programs it hands to dpkg-shlibdeps (the Depends
# line). A minimal Debian 12 has no file(1); readelf (binutils, needed by
# dpkg-dev anyway) tells the same. Prints what cpack looks for:
#   PATH: ELF executable|shared object, dynamically linked[, not stripped]
# and "PATH: data" for everything else. cmake/Install.cmake uses it only when
# file(1) is missing (or ANNAE_CPACK_WITHOUT_FILE is set, for the tests).
for f in "$@"; do
  header=$(LC_ALL=C readelf -h "$f" 2>/dev/null) || { echo "$f: data"; continue; }
  case $header in
    *"Shared object file"*) kind="shared object" ;;
    *) kind=executable ;;
  esac
  linking="statically linked"
  LC_ALL=C readelf -d "$f" 2>/dev/null | grep -q '(NEEDED)' && linking="dynamically linked"
  stripped=""
  LC_ALL=C readelf -S "$f" 2>/dev/null | grep -q ' \.symtab ' && stripped=", not stripped"
  echo "$f: ELF $kind, $linking$stripped"
done
