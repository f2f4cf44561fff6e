"""The font files of one release: the shipped Latin subset, and per-release
subsets of the other scripts the release's text uses."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from kiosk_site.config import FONT_FILES
from kiosk_site.fonts.latin import latin_font
from kiosk_site.fonts.scripts import (
    COMPLEX_SHAPING,
    FAMILIES,
    LAYOUT_SCRIPTS,
    UNICODE_RANGES,
    charsets,
    unicode_range,
)
from kiosk_site.fonts.subset import find_font, subset_woff2

SUBSET_VERSION = "7"  # bump when subsetting options change


class FontFile(NamedTuple):
    family: str  # CSS font-family
    key: str  # subset name (FAMILIES)
    data: bytes  # WOFF2
    unicode_range: str  # CSS unicode-range of the characters it is for


def _cached_subset(key: str, cps: set[int], cache_dir: Path) -> bytes:
    """The subset of script `key` for `cps`, from the cache when it was cut
    before from the same font file with the same options."""
    filename, collection = FONT_FILES["latin" if key == "latin-extra" else key]
    path = find_font(filename)
    ident = hashlib.sha256(
        f"{SUBSET_VERSION}|{path}|{path.stat().st_size}|{collection}|".encode()
        + ",".join(map(str, sorted(cps))).encode()
    ).hexdigest()[:24]
    cached = cache_dir / f"{key}-{ident}.woff2"
    if cached.exists():
        return cached.read_bytes()
    data = subset_woff2(
        path,
        collection,
        cps,
        shaping=key in COMPLEX_SHAPING,
        scripts=LAYOUT_SCRIPTS.get(key),
    )
    cached.write_bytes(data)
    return data


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
            data = latin_font()
        else:
            data = _cached_subset(key, cps, cache_dir)
        rng = UNICODE_RANGES.get(key) or unicode_range(cps)
        out.append(FontFile(FAMILIES[key], key, data, rng))
    return out
