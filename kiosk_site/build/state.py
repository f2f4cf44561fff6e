"""What a build keeps for the next one, in DIR/.kiosk-build/state.pickle.

The state holds each rendered file's render key (a sha256 digest), each
page's content hash (also on its own, by page id) and characters, how many
pages show each character, the site-wide keys and the other files the build
made. It is a pickle: it is
read on every rebuild, and the builder alone writes it, inside the folder it
builds.
"""

from __future__ import annotations

import json
import pickle
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from kiosk_site.fonts import LATIN_RANGES
from kiosk_site.render import ui_texts
from kiosk_site.snapshot import page_columns

STATE_VERSION = 9


# The state this process last wrote, with the file's (path, mtime, size): a
# worker that rebuilds the same folder again skips unpickling it. Builds only
# read states (they copy what they change).
_LAST_WRITTEN: tuple[tuple[str, int, int], dict[str, Any]] | None = None


def _stamp(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return str(path), st.st_mtime_ns, st.st_size


def state_read(path: Path) -> dict[str, Any]:
    """The last build's state, or {} when there is none or it is unusable."""
    try:
        if _LAST_WRITTEN is not None and _LAST_WRITTEN[0] == _stamp(path):
            return _LAST_WRITTEN[1]
        state = pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except Exception:  # noqa: BLE001 - a torn or foreign file: build without it
        return {}
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        return {}
    return state


def state_write(path: Path, state: dict[str, Any]) -> None:
    """Written in place (a rename costs milliseconds on a busy disk): a torn
    file fails to unpickle, and the next build then starts without state."""
    global _LAST_WRITTEN
    state = {**state, "version": STATE_VERSION}
    _LAST_WRITTEN = None
    path.write_bytes(pickle.dumps(state, pickle.HIGHEST_PROTOCOL))
    _LAST_WRITTEN = (_stamp(path), state)


@dataclass
class SiteChars:
    """Every character a release shows, and what the next build needs to
    work that out again from the pages that changed alone."""

    text: str  # sorted, distinct: what the fonts and the pinyin table need
    # (page characters leave out what the shipped Latin font holds)
    pages: dict[int, str]  # page id -> its characters, for pages that have any
    counts: dict[str, int]  # character -> how many pages show it


# What page_chars leaves out: controls, and what the shipped Latin font holds
# (fonts draw on the rest: Lao, Khmer, Han and rarer Latin-script).
_BEYOND_LATIN_FONT = re.compile(
    "[^\\x00-\\x1f"
    + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in LATIN_RANGES)
    + "]+"
)


def page_chars(page: dict[str, Any]) -> str:
    """Distinct characters of a page's visible text that the shipped Latin
    font does not hold, sorted (a regular expression skips the rest in C:
    a Vietnamese or English page is scanned without making a character)."""
    text = (
        page["title"]
        + page["summary"]
        + page["body_html"]
        + json.dumps(page["fields"], ensure_ascii=False)
    )
    found = _BEYOND_LATIN_FONT.findall(text)
    return "".join(sorted(set("".join(found)))) if found else ""


def site_chars(
    data: dict[str, Any],
    known: dict[int, str],
    known_hashes: dict[int, str],
    known_counts: dict[str, int] | None,
    changed: list[dict[str, Any]] | None = None,
) -> SiteChars:
    """The release's characters.

    `known` holds the last build's characters of each page that had any,
    `known_hashes` the content_hash of every page it saw, `known_counts` how
    many pages showed each character. With the pages whose content_hash
    changed since (`changed`, see snapshot.changed_pages), only those pages
    are looked at; otherwise every page is, reusing `known` where its hash
    still matches.
    """
    if known_counts is None or changed is None:
        pages: dict[int, str] = {}
        for page in data["pages"]:
            ident = page["id"]
            if known_hashes.get(ident) == page["content_hash"]:
                chars = known.get(ident, "")
            else:
                chars = page_chars(page)
            if chars:
                pages[ident] = chars
        counts = Counter(chain.from_iterable(pages.values()))
    else:
        pages = dict(known)
        counts = Counter(known_counts)
        for page in changed:
            ident = page["id"]
            counts.subtract(pages.pop(ident, ""))
            chars = page_chars(page)
            if chars:
                pages[ident] = chars
            counts.update(chars)
        gone = known_hashes.keys() - set(page_columns(data["pages"])[0])
        for ident in gone:
            counts.subtract(pages.pop(ident, ""))
    counts = Counter({ch: n for ch, n in counts.items() if n > 0})
    extra = [
        json.dumps(data["locales"], ensure_ascii=False),
        data.get("site_name", ""),
        data["cluster"]["name"],
        data["cluster"]["place"],
    ]
    langs = {x["code"] for x in data["locales"]} | {"en"}
    extra += ui_texts(langs)
    text = "".join(sorted(set(counts).union(*extra)))
    return SiteChars(text=text, pages=pages, counts=dict(counts))
