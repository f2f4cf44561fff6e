"""Subset the Noto fonts to the characters a release uses, as WOFF2.

Latin and Vietnamese come from one fixed subset shipped with the package
(latin_font.py); Lao, Khmer, Chinese and any Latin-script characters beyond
that subset are cut per release.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from .config import FONT_DIRS, FONT_FILES
from .errors import FrontendError
from .latin_font import LATIN_CODEPOINTS, LATIN_UNICODE_RANGE, latin_font, unicode_range

logging.getLogger("fontTools").setLevel(logging.WARNING)

SUBSET_VERSION = "5"  # bump when subsetting options change

FAMILIES = {
    "latin": "Kiosk Sans",
    "latin-extra": "Kiosk Sans",
    "lao": "Kiosk Lao",
    "khmer": "Kiosk Khmer",
    "cjk": "Kiosk CJK",
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


# The unicode-range of each subset in fonts.css (latin-extra: its own code points).
UNICODE_RANGES = {
    "latin": LATIN_UNICODE_RANGE,
    "lao": "U+0E80-0EFF",
    "khmer": "U+1780-17FF, U+19E0-19FF",
    "cjk": "U+2E80-9FFF, U+F900-FAFF, U+FF00-FFEF, U+20000-2FFFF",
}


class FontFile(NamedTuple):
    family: str  # CSS font-family
    key: str  # subset name (FAMILIES)
    data: bytes  # WOFF2
    unicode_range: str  # CSS unicode-range of the characters it is for


@functools.cache
def find_font(name: str) -> Path:
    for base in FONT_DIRS:
        for path in sorted(base.rglob(name)):
            return path
    raise FrontendError(
        f"font file {name} not found under {[str(d) for d in FONT_DIRS]}; install "
        "Debian's fonts-noto-core and fonts-noto-cjk"
    )


# Scripts whose shaping needs the OpenType layout tables (Lao tone marks stack
# on vowels, Khmer coeng forms subscripts). Han characters are drawn one glyph
# per code point, so the CJK subset drops layout and vertical-metrics tables,
# which are most of the subsetting work and half the file.
COMPLEX_SHAPING = {"latin", "latin-extra", "lao", "khmer"}
# The OpenType script tags whose layout rules each subset keeps (Noto Sans
# also carries Greek and Cyrillic rules, which cost time and serve no text
# shown in its unicode-range here).
LAYOUT_SCRIPTS = {
    "latin": ["latn", "DFLT"],
    "latin-extra": ["latn", "grek", "cyrl", "DFLT"],
    "lao": ["lao ", "DFLT"],
    "khmer": ["khmr", "DFLT"],
}
CJK_DROPPED_TABLES = ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"]

# fontTools compresses WOFF2 with Brotli's slowest setting (11). Quality 9
# gives files within 8 % of that size (CJK subset: 45.6 KB against 42.2 KB) in
# a seventh of the time, and a release is rebuilt often.
BROTLI_QUALITY = 9


class _BrotliAt:
    """The brotli module, compressing at a set quality (see _brotli_quality)."""

    def __init__(self, module, quality: int) -> None:
        self._module = module
        self._quality = quality

    def __getattr__(self, name: str):
        return getattr(self._module, name)

    def compress(self, data: bytes, mode: int = 0, **kwargs) -> bytes:
        return self._module.compress(data, mode=mode, quality=self._quality)


@contextlib.contextmanager
def _brotli_quality(quality: int):
    from fontTools.ttLib import woff2

    real = woff2.brotli
    woff2.brotli = _BrotliAt(real, quality)
    try:
        yield
    finally:
        woff2.brotli = real


def _subset(
    path: Path,
    collection_name: str | None,
    codepoints: set[int],
    *,
    shaping: bool = True,
    scripts: list[str] | None = None,
    quality: int = BROTLI_QUALITY,
) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    if collection_name:
        number = next(
            (
                i
                for i, f in enumerate(TTCollection(str(path), lazy=True).fonts)
                if f["name"].getDebugName(1) == collection_name
            ),
            None,
        )
        if number is None:
            raise FrontendError(
                f"{path} has no font named {collection_name!r}; install fonts-noto-cjk"
            )
        font = _open(path, fontNumber=number)
    else:
        font = _open(path)
    options = subset.Options()
    options.flavor = "woff2"
    if shaping:
        options.layout_features = ["*"]  # Lao and Khmer need every shaping feature
        if scripts:
            options.layout_scripts = scripts
    else:
        options.layout_features = []
        options.drop_tables += CJK_DROPPED_TABLES
        # Deleted before subsetting, they are never even read.
        for tag in CJK_DROPPED_TABLES:
            if tag in font:
                del font[tag]
    options.hinting = False
    options.desubroutinize = True
    # Copyright, names, version, and the OFL's license text and URL (13, 14),
    # which the licence asks to travel with every copy.
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    buf = io.BytesIO()
    font.flavor = "woff2"
    with _brotli_quality(quality):
        font.save(buf, reorderTables=True)
    return buf.getvalue()


def _open(path: Path, **kwargs):
    """Open a font lazily. Bounding boxes are not recalculated on save: the
    whole font's box still bounds a subset, and recalculating it would draw
    every CFF glyph again."""
    from fontTools.ttLib import TTFont

    return TTFont(
        str(path), recalcTimestamp=False, recalcBBoxes=False, lazy=True, **kwargs
    )


def fonts_build(
    texts: Iterable[str], *, cache_dir: Path, only: set[str] | None = None
) -> list[FontFile]:
    """The font files of the subsets in use: the shipped Latin subset, and
    the per-release ones.

    Per-release subsets are cached by font file and character set, so a
    rebuild whose characters did not change does no font work.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    out = []
    for key, cps in charsets(texts).items():
        if not cps or (only is not None and key not in only):
            continue
        if key == "latin":
            out.append(FontFile(FAMILIES[key], key, latin_font(), UNICODE_RANGES[key]))
            continue
        filename, collection = FONT_FILES["latin" if key == "latin-extra" else key]
        path = find_font(filename)
        stat = path.stat()
        ident = hashlib.sha256(
            f"{SUBSET_VERSION}|{path}|{stat.st_size}|{collection}|".encode()
            + ",".join(map(str, sorted(cps))).encode()
        ).hexdigest()[:24]
        cached = cache_dir / f"{key}-{ident}.woff2"
        if cached.exists():
            data = cached.read_bytes()
        else:
            data = _subset(
                path,
                collection,
                cps,
                shaping=key in COMPLEX_SHAPING,
                scripts=LAYOUT_SCRIPTS.get(key),
            )
            cached.write_bytes(data)
        rng = UNICODE_RANGES.get(key) or unicode_range(cps)
        out.append(FontFile(FAMILIES[key], key, data, rng))
    return out
