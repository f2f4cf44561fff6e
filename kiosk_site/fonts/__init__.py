"""Fonts: which subset each character needs, and the WOFF2 files of a release.

Owns `scripts` (characters → subsets, CSS unicode ranges), `subset` (cutting
one subset with HarfBuzz), `latin` (the shipped Latin/Vietnamese subset) and
`release` (a release's font files, cached by character set). Imports only
`kiosk_site.config`, `kiosk_site.errors`, uharfbuzz and fontTools; the build
imports it, never the reverse.
"""

from kiosk_site.fonts.release import FontFile, fonts_build
from kiosk_site.fonts.scripts import FAMILIES, LATIN_RANGES, charsets

__all__ = ["FAMILIES", "LATIN_RANGES", "FontFile", "charsets", "fonts_build"]
