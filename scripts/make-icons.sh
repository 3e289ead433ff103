#!/usr/bin/env bash
# Renders the app icon, assets/icon.svg, to the PNGs in assets/icons/ (zgc-atlas-SIZE.png at
# 32, 48, 64, 128, 256 and 512 px): the window icon (256 px, embedded in the program) and the
# hicolor theme icons the .deb installs. Re-run it after editing the SVG and commit the PNGs.
#
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin). The SVG is shapes only, so no fonts
# are involved and the PNGs come out the same on every machine with the same librsvg.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rsvg-convert >/dev/null; then
  echo "make-icons.sh needs rsvg-convert: apt-get install librsvg2-bin" >&2
  exit 1
fi

mkdir -p assets/icons
for size in 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio \
    --output "assets/icons/zgc-atlas-$size.png" assets/icon.svg
  echo "assets/icons/zgc-atlas-$size.png"
done
