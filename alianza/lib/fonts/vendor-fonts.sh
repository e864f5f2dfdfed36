#!/bin/sh
# Vendor the DejaVu Sans fonts that every PDF of Alianza embeds (alianza/lib/pdf.py).
#
# DejaVu Sans covers Latin Extended-A and -B and Latin Extended Additional: the
# names the app accepts (Łukasz, Nguyễn Thị Hương, Ñ, Ç, Œ, ß…), which the 14
# standard PDF fonts do not. The files come unchanged from Debian's package
# fonts-dejavu-core (2.37-6), with its copyright file (the Bitstream Vera licence;
# DejaVu's changes are in the public domain) as LICENSE.
#
#     sh alianza/lib/fonts/vendor-fonts.sh [VERSION]
set -eu
VERSION="${1:-2.37-6}"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
apt-get download "fonts-dejavu-core=$VERSION"
dpkg -x fonts-dejavu-core_*.deb unpacked
for font in DejaVuSans.ttf DejaVuSans-Bold.ttf DejaVuSansMono-Bold.ttf; do
    cp "unpacked/usr/share/fonts/truetype/dejavu/$font" "$HERE/$font"
done
cp unpacked/usr/share/doc/fonts-dejavu-core/copyright "$HERE/LICENSE"
echo "fonts-dejavu-core $VERSION" > "$HERE/VERSION"
