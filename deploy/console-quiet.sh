#!/bin/sh
# /usr/lib/annae/console-quiet [TTY] — run as root by annae.service before the
# player starts (ExecStartPre=+-): hides the console's cursor, switches off its
# screen blanking and power-saving and clears it, so a restart or the moment
# before the first frame shows a clean black screen instead of a blinking
# cursor or boot messages. Failing here never stops the player.
set -eu
tty=${1:-/dev/tty1}
if [ ! -c "$tty" ]; then
  echo "console-quiet: $tty is not a terminal; left as it is" >&2
  exit 1
fi
setterm --term linux --cursor off --blank 0 --powersave off --powerdown 0 \
        --clear all >"$tty" <"$tty"
