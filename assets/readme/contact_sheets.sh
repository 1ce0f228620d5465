#!/bin/sh
# Makes the README's contact sheets: every page of the default show, as
# `annae render` draws it at 14:20 on the seminar's day, landscape and
# portrait. Needs ImageMagick's `montage` (apt-get install imagemagick); only
# for these pictures, not for building or testing.
# Usage: assets/readme/contact_sheets.sh [BUILD_DIR]
set -eu
build=${1:-build}
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/src/app/annae" render "$here/../../content" --slide all --size 1920x1080 --at 2020-09-25T14:20 \
  --out "$work/landscape" >/dev/null
"$build/src/app/annae" render "$here/../../content" --slide all --size 1080x1920 --at 2020-09-25T14:20 \
  --out "$work/portrait" >/dev/null
montage "$work"/landscape/*.png -tile 4x -geometry 480x270+6+6 -background "#2a2f36" -colors 256 +dither \
  "PNG8:$here/contact-sheet-landscape.png"
montage "$work"/portrait/*.png -tile 8x -geometry 225x400+5+5 -background "#2a2f36" -colors 256 +dither \
  "PNG8:$here/contact-sheet-portrait.png"
echo "$here/contact-sheet-landscape.png $here/contact-sheet-portrait.png"
