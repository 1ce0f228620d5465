#!/bin/bash
# Content must not link the font engine (issue: content linked FreeType,
# fontconfig and HarfBuzz only to reach NFC and time zones).
#   link_closure_test.sh CONTROL BINARY...
# Every BINARY (built from content and core only) must load none of
# libfreetype, libharfbuzz, libfontconfig, directly or through another
# library; CONTROL (a text-engine test) must load them, which shows that the
# check can see them at all.
set -u
fonts='lib(freetype|harfbuzz|fontconfig)\.so'
control=$1
shift
status=0
if ! ldd "$control" | grep -Eq "$fonts"; then
  echo "FAIL: control $control loads no font library: the check cannot see them" >&2
  status=1
fi
for binary in "$@"; do
  if found=$(ldd "$binary" | grep -E "$fonts"); then
    echo "FAIL: $binary links the font engine:" >&2
    echo "$found" >&2
    status=1
  else
    echo "ok: $(basename "$binary") loads no font library"
  fi
done
exit $status
