#!/bin/sh
# /usr/lib/annae/retry UNIT [SECONDS] — run by annae-retry@UNIT.service after
# the player's unit hit its start limit ("Restarts" in annae.service): wait,
# then start it again with a fresh start counter, unless somebody stopped it or
# started it again in the meantime.
set -eu
unit=${1:?usage: retry UNIT [SECONDS]}
delay=${2:-60}
sleep "$delay"
if systemctl is-failed --quiet "$unit"; then
  echo "$unit gave up after repeated failures; starting it again" \
       "(journalctl -u $unit says why it failed)"
  systemctl reset-failed "$unit"
  systemctl --no-block start "$unit"
else
  echo "$unit is $(systemctl is-active "$unit" || true) now; nothing to do"
fi
