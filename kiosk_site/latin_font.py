"""The Latin and Vietnamese font: one fixed subset of Noto Sans, shipped with
the package and the same in every release.

Lao, Khmer and Chinese are subset per release to the characters the release
uses (fonts.py): their repertoires are large and a release uses a small part
of them. Latin text (Vietnamese, English, and the minority languages written
in Latin letters) draws on about 1,300 characters, and nearly every release
uses many of them. A fixed subset costs a build no font work and never
changes between releases, so it crosses a cluster's 4G link once. A release
that uses Latin-script characters outside it (Greek, Cyrillic, rarer
symbols) gets a small extra subset of those characters (fonts.py).

After changing LATIN_RANGES, or on a new Noto Sans, regenerate the file:

    .venv/bin/python -m kiosk_site.latin_font
"""

from __future__ import annotations

import functools
import sys

from .config import STATIC_DIR
from .errors import FrontendError

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
LATIN_FONT_PATH = STATIC_DIR / "fonts" / "kiosk-sans-latin.woff2"
# Made once, so at Brotli's smallest setting (releases use fonts.BROTLI_QUALITY).
SHIPPED_QUALITY = 11


def unicode_range(codepoints) -> str:
    """A CSS unicode-range naming exactly `codepoints` (runs as ranges)."""
    runs: list[list[int]] = []
    for cp in sorted(codepoints):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return ", ".join(f"U+{lo:X}" if lo == hi else f"U+{lo:X}-{hi:X}" for lo, hi in runs)


LATIN_UNICODE_RANGE = unicode_range(LATIN_CODEPOINTS)


@functools.cache
def latin_font() -> bytes:
    """The shipped WOFF2 subset."""
    try:
        return LATIN_FONT_PATH.read_bytes()
    except FileNotFoundError:
        raise FrontendError(
            f"the Latin font {LATIN_FONT_PATH} is missing from the package; "
            "restore it from the repository or run `python -m kiosk_site.latin_font`"
        ) from None


def latin_font_make() -> bytes:
    """Subset Debian's Noto Sans to LATIN_RANGES (what the shipped file holds)."""
    from .fonts import FONT_FILES, LAYOUT_SCRIPTS, _subset, find_font

    filename, _collection = FONT_FILES["latin"]
    return _subset(
        find_font(filename),
        None,
        set(LATIN_CODEPOINTS),
        scripts=LAYOUT_SCRIPTS["latin"],
        quality=SHIPPED_QUALITY,
    )


def main() -> int:
    data = latin_font_make()
    LATIN_FONT_PATH.parent.mkdir(parents=True, exist_ok=True)
    LATIN_FONT_PATH.write_bytes(data)
    print(f"wrote {LATIN_FONT_PATH} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
