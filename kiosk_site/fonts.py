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

SUBSET_VERSION = "6"  # bump when subsetting options change

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
CJK_DROPPED_TABLES = ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"]
# Copyright, names and version, and the OFL's licence text and URL (13, 14),
# which the licence asks to travel with every copy.
NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]

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


def _tag(name: str) -> int:
    return int.from_bytes(name.encode("ascii"), "big")


def _face(path: Path, collection_name: str | None):
    """The HarfBuzz face of a font file, or of the named font of a collection."""
    import uharfbuzz as hb

    blob = hb.Blob.from_file_path(str(path))
    if not collection_name:
        return hb.Face(blob)
    for index in range(hb.Face(blob).count):
        face = hb.Face(blob, index)
        if face.get_name(hb.OTNameIdPredefined.FONT_FAMILY) == collection_name:
            return face
    raise FrontendError(
        f"{path} has no font named {collection_name!r}; install fonts-noto-cjk"
    )


def _subset(
    path: Path,
    collection_name: str | None,
    codepoints: set[int],
    *,
    shaping: bool = True,
    scripts: list[str] | None = None,
    quality: int = BROTLI_QUALITY,
) -> bytes:
    """A WOFF2 subset of a font for `codepoints`.

    HarfBuzz's subsetter (the one behind Google Fonts) cuts the font: its
    layout closure keeps every glyph a shaping rule can reach from the kept
    characters, and it drops hinting and CFF subroutines. fontTools writes
    the WOFF2. (fontTools' own subsetter took 0.6 s for the three scripts of a
    5,000-page release; HarfBuzz takes about 10 ms.)
    """
    import uharfbuzz as hb
    from fontTools.ttLib import woff2

    spec = hb.SubsetInput()
    spec.unicode_set.update(codepoints)
    spec.flags = (
        hb.SubsetFlags.NO_HINTING
        | hb.SubsetFlags.DESUBROUTINIZE
        | hb.SubsetFlags.NOTDEF_OUTLINE
    )
    names = spec.sets(hb.SubsetInputSets.NAME_ID)
    names.clear()
    names.update(NAME_IDS)
    if shaping:
        features = spec.sets(hb.SubsetInputSets.LAYOUT_FEATURE_TAG)
        features.clear()  # it starts as HarfBuzz's default list
        features.invert()  # every feature
        if scripts:
            kept = spec.sets(hb.SubsetInputSets.LAYOUT_SCRIPT_TAG)
            kept.clear()
            kept.update(_tag(script) for script in scripts)
    else:
        spec.sets(hb.SubsetInputSets.DROP_TABLE_TAG).update(
            _tag(table) for table in CJK_DROPPED_TABLES
        )
    font = hb.subset(_face(path, collection_name), spec)
    if font is None:
        raise FrontendError(f"HarfBuzz could not subset {path}")
    out = io.BytesIO()
    with _brotli_quality(quality):
        woff2.compress(io.BytesIO(font.blob.data), out)
    return out.getvalue()


def fonts_build(texts: Iterable[str], *, cache_dir: Path) -> list[FontFile]:
    """The font files of the subsets in use: the shipped Latin subset, and
    the per-release ones.

    Per-release subsets are cached by font file and character set, so a
    rebuild whose characters did not change does no font work.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    out = []
    for key, cps in charsets(texts).items():
        if not cps:
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
