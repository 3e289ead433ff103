#!/usr/bin/env bash
# Makes assets/fonts/NotoSansSC-subset.otf: Noto Sans CJK SC (OFL-1.1) cut down to the GB2312
# level-1 characters, every character in data/ and src/, and the symbols the UI draws.
# Run it after adding text with new characters; the font is committed, so builds never need it.
#
# Needs: Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk) and fonttools (pip install fonttools).
set -euo pipefail
cd "$(dirname "$0")/.."

ttc=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
[[ -f $ttc ]] || { echo "missing $ttc: apt-get install fonts-noto-cjk" >&2; exit 1; }
command -v pyftsubset >/dev/null || { echo "missing pyftsubset: pip install fonttools" >&2; exit 1; }

chars=$(mktemp)
trap 'rm -f "$chars"' EXIT
python3 - "$chars" <<'PY'
import pathlib, sys
out = set()
# GB2312 level 1: rows 0xB0-0xD7 (3,755 hanzi), plus the GB2312 symbol rows 0xA1-0xA9.
for hi in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xD8)):
    for lo in range(0xA1, 0xFF):
        try:
            out.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for root in ("data", "src", "tests/fixtures"):
    for path in pathlib.Path(root).rglob("*"):
        if path.is_file() and path.suffix in (".ron", ".rs"):
            out.update(path.read_text(encoding="utf-8"))
out.update(chr(c) for c in range(0x20, 0x250))           # Latin, Latin-1, Latin Extended
out.update("▲▼△▽◀▶↑↓←→•·…—–≈≤≥×÷±°²³¹⁰™©®✓✗✕●○■□◆◇★☆‹›«»“”‘’、。，；：？！（）【】《》「」")
out = sorted(c for c in out if c.isprintable() or c == " ")
pathlib.Path(sys.argv[1]).write_text("".join(out), encoding="utf-8")
print(f"{len(out)} characters", file=sys.stderr)
PY

# Face 2 of the collection is Simplified Chinese.
pyftsubset "$ttc" --font-number=2 --text-file="$chars" \
  --layout-features='*' --name-IDs='*' --name-languages='*' --notdef-outline \
  --output-file=assets/fonts/NotoSansSC-subset.otf
# The licence travels with the font.
{
  echo "NotoSansSC-subset.otf is a subset of Noto Sans CJK SC (https://github.com/googlefonts/noto-cjk),"
  echo "made by scripts/make-font-subset.sh from Debian's fonts-noto-cjk."
  echo "Copyright © 2014-2021 Adobe (http://www.adobe.com/). No Reserved Font Name is declared."
  echo "Licensed under the SIL Open Font License, Version 1.1, reproduced below."
  echo
  sed -n '/^ SIL OPEN FONT LICENSE Version 1.1/,/OTHER DEALINGS IN THE FONT SOFTWARE/p' /usr/share/doc/fonts-noto-cjk/copyright |
    sed 's/^ //; s/^\.$//'
} > assets/fonts/OFL.txt
ls -l assets/fonts/
