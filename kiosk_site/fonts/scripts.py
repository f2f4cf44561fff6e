"""Which font subset each character belongs to, and the subsets' CSS ranges.

Latin and Vietnamese come from one fixed subset shipped with the package
(`latin.py`, LATIN_RANGES below); Lao, Khmer, Chinese and any Latin-script
characters beyond that subset are cut per release (`release.py`).
"""

from __future__ import annotations

from collections.abc import Iterable

FAMILIES = {
    "latin": "Kiosk Sans",
    "latin-extra": "Kiosk Sans",
    "lao": "Kiosk Lao",
    "khmer": "Kiosk Khmer",
    "cjk": "Kiosk CJK",
}

# Inclusive code point ranges of the shipped subset (where Noto Sans has them).
LATIN_RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x02B0, 0x036F),  # spacing modifiers and combining diacritical marks
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x2000, 0x22FF),  # punctuation, currency (₫), letterlike, arrows, maths
    (0x25A0, 0x25FF),  # geometric shapes
    (0xFB00, 0xFB06),  # Latin ligatures
)
LATIN_CODEPOINTS = frozenset(cp for lo, hi in LATIN_RANGES for cp in range(lo, hi + 1))

# Scripts whose shaping needs the OpenType layout tables (Lao tone marks stack
# on vowels, Khmer coeng forms subscripts): their subsets keep every feature.
# Han characters are drawn one glyph per code point, so the CJK subset drops
# the layout and vertical-metrics tables, which are half the file.
COMPLEX_SHAPING = {"latin", "latin-extra", "lao", "khmer"}
# The OpenType script tags whose layout rules each subset keeps (Noto Sans
# also carries Greek and Cyrillic rules, which serve no text in the shipped
# Latin subset's range).
LAYOUT_SCRIPTS = {
    "latin": ["latn", "DFLT"],
    "latin-extra": ["latn", "grek", "cyrl", "DFLT"],
    "lao": ["lao ", "DFLT"],
    "khmer": ["khmr", "DFLT"],
}


def unicode_range(codepoints: Iterable[int]) -> str:
    """A CSS unicode-range naming exactly `codepoints` (runs as ranges)."""
    runs: list[list[int]] = []
    for cp in sorted(codepoints):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return ", ".join(f"U+{lo:X}" if lo == hi else f"U+{lo:X}-{hi:X}" for lo, hi in runs)


LATIN_UNICODE_RANGE = unicode_range(LATIN_CODEPOINTS)

# The unicode-range of each subset in fonts.css (latin-extra: its own code points).
UNICODE_RANGES = {
    "latin": LATIN_UNICODE_RANGE,
    "lao": "U+0E80-0EFF",
    "khmer": "U+1780-17FF, U+19E0-19FF",
    "cjk": "U+2E80-9FFF, U+F900-FAFF, U+FF00-FFEF, U+20000-2FFFF",
}


def script_of(cp: int) -> str | None:
    """Which subset a code point belongs to (None for controls/spaces)."""
    if cp < 0x20:
        return None
    if 0x0E80 <= cp <= 0x0EFF:
        return "lao"
    if 0x1780 <= cp <= 0x17FF or 0x19E0 <= cp <= 0x19FF:
        return "khmer"
    if (
        0x2E80 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0xFF00 <= cp <= 0xFFEF
        or 0x3000 <= cp <= 0x303F
        or 0x20000 <= cp <= 0x2FFFF
    ):
        return "cjk"
    return "latin"


def charsets(texts: Iterable[str]) -> dict[str, set[int]]:
    """Code points per subset across all texts: "latin" is the shipped
    subset's (ASCII always), "latin-extra" the Latin-script ones beyond it."""
    out: dict[str, set[int]] = {k: set() for k in FAMILIES}
    out["latin"].update(range(0x20, 0x7F))
    for ch in set().union(*texts):
        cp = ord(ch)
        script = script_of(cp)
        if script == "latin" and cp not in LATIN_CODEPOINTS:
            script = "latin-extra"
        if script:
            out[script].add(cp)
    # Digits and common punctuation appear beside every script.
    for script in ("lao", "khmer", "cjk"):
        if out[script]:
            out[script].update(range(0x20, 0x40))
    return out
