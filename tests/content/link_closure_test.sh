#!/bin/bash
# Content must not link the font engine (issue: content linked FreeType,
# fontconfig and HarfBuzz only to reach NFC and time zones).
#   link_closure_test.sh CONTROL BINARY...
# Every BINARY (built from content and core only) must load none of
# libfreetype, libharfbuzz, libfontconfig, directly or through another
# library; CONTROL (a text-engine test) must load them, which shows that the
# check can see them at all.
# In a cross-build (ANNAE_TEST_EMULATOR set) the target's own loader lists the
# libraries under the emulator: LD_TRACE_LOADED_OBJECTS is what ldd sets.
set -u
fonts='lib(freetype|harfbuzz|fontconfig)\.so'
ldd() {
  if [ -n "${ANNAE_TEST_EMULATOR:-}" ]; then
    # shellcheck disable=SC2086  # the emulator is a command with its options
    LD_TRACE_LOADED_OBJECTS=1 $ANNAE_TEST_EMULATOR "$1"
  else
    command ldd "$1"
  fi
}
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
