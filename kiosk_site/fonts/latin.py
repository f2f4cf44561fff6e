"""The Latin and Vietnamese font: one fixed subset of Noto Sans, shipped with
the package and the same in every release.

Lao, Khmer and Chinese are subset per release to the characters the release
uses (`release.py`): their repertoires are large and a release uses a small
part of them. Latin text (Vietnamese, English, and the minority languages
written in Latin letters) draws on about 1,300 characters, and nearly every
release uses many of them. A fixed subset costs a build no font work and
never changes between releases, so it crosses a cluster's 4G link once. A
release that uses Latin-script characters outside it (Greek, Cyrillic, rarer
symbols) gets a small extra subset of those characters (`release.py`).

After changing LATIN_RANGES (`scripts.py`), or on a new Noto Sans, regenerate
the file:

    .venv/bin/python -m kiosk_site.fonts.latin
"""

from __future__ import annotations

import functools
import sys

from kiosk_site.config import FONT_FILES, STATIC_DIR
from kiosk_site.errors import FrontendError
from kiosk_site.fonts.scripts import LATIN_CODEPOINTS, LAYOUT_SCRIPTS
from kiosk_site.fonts.subset import find_font, subset_woff2

LATIN_FONT_PATH = STATIC_DIR / "fonts" / "kiosk-sans-latin.woff2"


@functools.cache
def latin_font() -> bytes:
    """The shipped WOFF2 subset."""
    try:
        return LATIN_FONT_PATH.read_bytes()
    except FileNotFoundError:
        raise FrontendError(
            f"the Latin font {LATIN_FONT_PATH} is missing from the package; "
            "restore it from the repository or run `python -m kiosk_site.fonts.latin`"
        ) from None


def latin_font_make() -> bytes:
    """Subset Debian's Noto Sans to LATIN_RANGES (what the shipped file holds)."""
    filename, _collection = FONT_FILES["latin"]
    return subset_woff2(
        find_font(filename),
        None,
        set(LATIN_CODEPOINTS),
        scripts=LAYOUT_SCRIPTS["latin"],
    )


def main() -> int:
    data = latin_font_make()
    LATIN_FONT_PATH.parent.mkdir(parents=True, exist_ok=True)
    LATIN_FONT_PATH.write_bytes(data)
    print(f"wrote {LATIN_FONT_PATH} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
