#!/bin/sh
# Renders icons/salesdesk.svg to the icons every platform needs, committed next to it (they are
# small) so a build machine needs no image tools: PNG 16..512 (Linux, the window), .ico (Windows)
# and .icns (macOS). Run after changing the SVG; needs ImageMagick and python3.
set -eu
cd "$(dirname "$0")/icons"
for size in 16 24 32 48 64 128 256 512; do
  # Drawn large then scaled down, so small sizes are anti-aliased rather than rasterised small.
  convert -background none -density 400 salesdesk.svg -resize "${size}x${size}" -depth 8 \
    -define png:exclude-chunks=date,time "salesdesk-$size.png"
done
convert salesdesk-16.png salesdesk-24.png salesdesk-32.png salesdesk-48.png salesdesk-64.png \
  salesdesk-128.png salesdesk-256.png salesdesk.ico
# .icns is a list of (type, length, PNG) entries after an 'icns' header; ImageMagick cannot write it.
python3 - <<'PY'
import struct
entries = [(b'icp4', 16), (b'icp5', 32), (b'icp6', 64), (b'ic07', 128), (b'ic08', 256), (b'ic09', 512),
           (b'ic11', 32), (b'ic12', 64), (b'ic13', 256), (b'ic14', 512)]
body = b''
for kind, size in entries:
    data = open(f'salesdesk-{size}.png', 'rb').read()
    body += kind + struct.pack('>I', len(data) + 8) + data
open('salesdesk.icns', 'wb').write(b'icns' + struct.pack('>I', len(body) + 8) + body)
PY
