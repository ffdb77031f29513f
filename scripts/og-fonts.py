#!/usr/bin/python3
"""Builds the link-preview fonts in lib/og/fonts/ from Debian's fonts-nanum (SIL OFL 1.1).

Run once by hand (needs Debian's `fonttools` package and `fonts-nanum`): `python3 scripts/og-fonts.py`.

- Subset to what the preview images can show: ASCII, Latin-1 (× ·), general punctuation (– — …),
  arrows, CJK brackets (「」), Hangul compatibility jamo and all 11,172 Hangul syllables. Hanja and
  hinting are dropped: 4.7 MB → about 1.3 MB per weight.
- U+2212 MINUS SIGN, which the app uses for every negative number, is added: NanumGothic has none.
  It is drawn as the plus sign's width (so +1.23 and −1.23 line up) with the hyphen's stroke,
  centred where the plus sign's bar is.
- A subset is a Modified Version under the OFL, and "NanumGothic" is a Reserved Font Name, so the
  subset is renamed "AdTarget OG Gothic" (the OFL's condition for modified versions).
"""
from pathlib import Path

from fontTools import subset
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

SRC = Path("/usr/share/fonts/truetype/nanum")
OUT = Path(__file__).resolve().parent.parent / "lib" / "og" / "fonts"
UNICODES = (
    list(range(0x20, 0x7F)) + list(range(0xA0, 0x100)) + list(range(0x2010, 0x2028)) + list(range(0x2030, 0x203B))
    + list(range(0x2190, 0x219A)) + [0x2264, 0x2265] + list(range(0x25A0, 0x25D0)) + list(range(0x3000, 0x3012))
    + list(range(0x3131, 0x318F)) + list(range(0xAC00, 0xD7A4))
)
FAMILY = "AdTarget OG Gothic"

def add_minus(font):
    cmap = font.getBestCmap()
    glyf, hmtx = font["glyf"], font["hmtx"]
    plus, hyphen = glyf[cmap[0x2B]], glyf[cmap[0x2D]]
    plus.recalcBounds(glyf)
    hyphen.recalcBounds(glyf)
    half = (hyphen.yMax - hyphen.yMin) / 2
    mid = (plus.yMin + plus.yMax) / 2
    pen = TTGlyphPen(None)
    y0, y1 = round(mid - half), round(mid + half)
    pen.moveTo((plus.xMin, y0))
    pen.lineTo((plus.xMin, y1))
    pen.lineTo((plus.xMax, y1))
    pen.lineTo((plus.xMax, y0))
    pen.closePath()
    order = font.getGlyphOrder()
    order.append("minus")
    font.setGlyphOrder(order)
    glyf.glyphs["minus"] = pen.glyph()
    glyf.glyphOrder = order
    hmtx.metrics["minus"] = (hmtx[cmap[0x2B]][0], plus.xMin)
    font["maxp"].numGlyphs = len(order)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[0x2212] = "minus"


for source, style, target in [("NanumGothic.ttf", "Regular", "og-gothic-regular.ttf"), ("NanumGothicBold.ttf", "Bold", "og-gothic-bold.ttf")]:
    font = TTFont(SRC / source)
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["DSIG", "GPOS", "GSUB", "TSI0", "TSI1", "TSI2", "TSI3", "TSI5"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=UNICODES)
    sub.subset(font)
    add_minus(font)
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID in (1, 16):
            name.setName(FAMILY, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID in (2, 17):
            name.setName(style, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID in (3, 4):
            name.setName(f"{FAMILY} {style}", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 6:
            name.setName(f"AdTargetOGGothic-{style}", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 13:
            name.setName("This Font Software is licensed under the SIL Open Font License, Version 1.1.", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 14:
            name.setName("https://openfontlicense.org", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
    OUT.mkdir(parents=True, exist_ok=True)
    font.save(OUT / target)
    print(target, (OUT / target).stat().st_size, "bytes")
