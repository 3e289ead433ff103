#!/usr/bin/env python3
"""Sets a font's line metrics (ascender, descender, line gap) to those of Ubuntu Light, egui's
own Latin font, in place: python3 scripts/match-line-metrics.py FONT.otf

Why: egui takes a line's height and baseline from the first font of a family. In Chinese the
bundled Noto Sans SC comes first (so digits and Latin letters are drawn in its weight, not in
Ubuntu Light's thinner strokes beside the characters), and with its own metrics (1.448 em
against Ubuntu's 1.149) every row of the window would grow by a quarter and move its text.
With Ubuntu's metrics, both languages lay out rows of one height, and Chinese characters sit on
the same baseline as Latin text in either order. Only the metrics change, not a glyph.

Needs fonttools (Debian: apt-get install python3-fonttools; else pip install fonttools).
"""
import sys

from fontTools.ttLib import TTFont

# Ubuntu Light's hhea and OS/2 Windows metrics, in units of a 1000-unit em (both fonts' em).
ASCENDER, DESCENDER, LINE_GAP = 932, -189, 28

path = sys.argv[1]
font = TTFont(path)
assert font["head"].unitsPerEm == 1000, "the metrics above are for a 1000-unit em"
hhea, os2 = font["hhea"], font["OS/2"]
hhea.ascent, hhea.descent, hhea.lineGap = ASCENDER, DESCENDER, LINE_GAP
os2.usWinAscent, os2.usWinDescent = ASCENDER, -DESCENDER
# The typographic metrics stay the ideographic em box they describe; they are read only when
# USE_TYPO_METRICS is set, which this font does not set.
assert not os2.fsSelection & (1 << 7), "USE_TYPO_METRICS is set: the typo metrics would be read"
font.save(path)
print(f"{path}: line metrics {ASCENDER}/{DESCENDER}/{LINE_GAP}")
