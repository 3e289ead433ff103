#!/usr/bin/env bash
# Makes assets/fonts/NotoSansSC-subset.otf: Noto Sans CJK SC (OFL-1.1) cut down to
# - the 8,105 characters of the General Standard Chinese Characters table (通用规范汉字表, 2013),
#   listed in scripts/tongyong-guifan-8105.txt (from Unicode's Unihan database; see its header),
# - the GB2312 characters (level-1 hanzi and the symbol rows: kana, Greek, Cyrillic, box drawing…),
# - every character in data/, src/ and tests/fixtures/,
# - Latin (Basic, Latin-1, Extended-A and -B, Extended Additional), General Punctuation,
#   CJK Symbols and Punctuation (U+3000–303F), Halfwidth and Fullwidth Forms (U+FF00–FFEF),
#   and the symbols the UI draws,
# keeping only the OpenType features a shaper applies to horizontal text without a language
# (egui shapes that way), and the hinting, which egui uses.
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
import pathlib, sys, unicodedata
out = set()

# The 8,105 characters of 通用规范汉字表: "N<tab>U+XXXX<tab>character" lines after a # header.
table = {}
for line in pathlib.Path("scripts/tongyong-guifan-8105.txt").read_text(encoding="utf-8").splitlines():
    if line.startswith("#"):
        continue
    number, code_point, char = line.split("\t")
    assert code_point == f"U+{ord(char):04X}", line
    table[int(number)] = char
assert sorted(table) == list(range(1, 8106)), "the table numbers its characters 1 to 8105"
assert len(set(table.values())) == 8105, "no character twice"
out.update(table.values())

# GB2312: the symbol rows 0xA1-0xA9 and level 1, rows 0xB0-0xD7 (3,755 hanzi).
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

blocks = [
    (0x0020, 0x024F),  # Basic Latin, Latin-1 Supplement, Latin Extended-A and -B (pinyin tones)
    (0x1E00, 0x1EFF),  # Latin Extended Additional (ḿ, Vietnamese)
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
for first, last in blocks:
    out.update(chr(c) for c in range(first, last + 1))
out.update("▲▼△▽◀▶↑↓←→•·…—–≈≤≥×÷±°²³¹⁰™©®✓✗✕●○■□◆◇★☆‹›«»“”‘’、。，；：？！（）【】《》「」")

# Characters the font lacks are left out by pyftsubset. Only printable characters and spaces
# (the ideographic space U+3000 too) count, not line breaks and other controls.
out = sorted(c for c in out if c.isprintable() or unicodedata.category(c) == "Zs")
pathlib.Path(sys.argv[1]).write_text("".join(out), encoding="utf-8")
print(f"{len(out)} characters asked for", file=sys.stderr)
PY

# Face 2 of the collection is Simplified Chinese. pyftsubset's default layout features are the
# ones a shaper applies by default; egui lays text out horizontally and sets no language, so the
# vertical features and `locl` (Japanese, Korean and Traditional Chinese glyph forms) only add
# glyphs it never draws.
pyftsubset "$ttc" --font-number=2 --text-file="$chars" \
  --layout-features-='locl,valt,vert,vkrn,vpal,vrt2,vhal,vchw' \
  --name-IDs='*' --name-languages='*' --notdef-outline \
  --output-file=assets/fonts/NotoSansSC-subset.otf
scripts/match-line-metrics.py assets/fonts/NotoSansSC-subset.otf
python3 - <<'PY'
from fontTools.ttLib import TTFont
font = TTFont("assets/fonts/NotoSansSC-subset.otf")
print(f"{len(font.getBestCmap())} characters, {len(font.getGlyphOrder())} glyphs")
PY
# The licence travels with the font.
{
  echo "NotoSansSC-subset.otf is a subset of Noto Sans CJK SC (https://github.com/googlefonts/noto-cjk),"
  echo "made by scripts/make-font-subset.sh from Debian's fonts-noto-cjk, with its line metrics set to"
  echo "those of the Ubuntu font (scripts/match-line-metrics.py); its glyphs are unchanged."
  echo "Copyright © 2014-2021 Adobe (http://www.adobe.com/). No Reserved Font Name is declared."
  echo "Licensed under the SIL Open Font License, Version 1.1, reproduced below."
  echo
  sed -n '/^ SIL OPEN FONT LICENSE Version 1.1/,/OTHER DEALINGS IN THE FONT SOFTWARE/p' /usr/share/doc/fonts-noto-cjk/copyright |
    sed 's/^ //; s/^\.$//'
} > assets/fonts/OFL.txt
ls -l assets/fonts/
