"""Subset the Noto fonts to the characters a release uses, as WOFF2."""

from __future__ import annotations

import functools
import hashlib
import io
import logging
from collections.abc import Iterable
from pathlib import Path

from .config import FONT_DIRS, FONT_FILES
from .errors import FrontendError

logging.getLogger("fontTools").setLevel(logging.WARNING)

SUBSET_VERSION = "2"  # bump when subsetting options change

FAMILIES = {
    "latin": "Kiosk Sans",
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
    """Code points per subset across all texts (ASCII always in latin)."""
    out: dict[str, set[int]] = {k: set() for k in FAMILIES}
    out["latin"].update(range(0x20, 0x7F))
    for ch in set().union(*texts):
        script = script_of(ord(ch))
        if script:
            out[script].add(ord(ch))
    # Digits and common punctuation appear beside every script.
    for script in ("lao", "khmer", "cjk"):
        if out[script]:
            out[script].update(range(0x20, 0x40))
    return out


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
COMPLEX_SHAPING = {"latin", "lao", "khmer"}
CJK_DROPPED_TABLES = ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"]


def _subset(
    path: Path,
    collection_name: str | None,
    codepoints: set[int],
    *,
    shaping: bool = True,
) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

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
        font = TTFont(str(path), fontNumber=number, recalcTimestamp=False, lazy=True)
    else:
        font = TTFont(str(path), recalcTimestamp=False, lazy=True)
    options = subset.Options()
    options.flavor = "woff2"
    if shaping:
        options.layout_features = ["*"]  # Lao and Khmer need every shaping feature
    else:
        options.layout_features = []
        options.drop_tables += CJK_DROPPED_TABLES
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    buf = io.BytesIO()
    font.flavor = "woff2"
    font.save(buf, reorderTables=True)
    return buf.getvalue()


def fonts_build(
    texts: Iterable[str], *, cache_dir: Path, only: set[str] | None = None
) -> list[tuple[str, str, bytes]]:
    """Return [(family, file stem, woff2 bytes)] for each subset in use.

    Subsets are cached by font file and character set, so a rebuild whose
    characters did not change does no font work.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    out = []
    for key, cps in charsets(texts).items():
        if not cps or (only is not None and key not in only):
            continue
        filename, collection = FONT_FILES[key]
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
            data = _subset(path, collection, cps, shaping=key in COMPLEX_SHAPING)
            cached.write_bytes(data)
        out.append((FAMILIES[key], key, data))
    return out
