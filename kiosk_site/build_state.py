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

from .latin_font import LATIN_RANGES
from .ui_text import ui_texts

STATE_VERSION = 8


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
    pages: dict[int, list[str]]  # page id -> [content_hash, its characters]
    counts: dict[str, int]  # character -> how many pages show it


# What a page's characters leave out: controls, and what the shipped Latin
# font holds (fonts draw on the rest: Lao, Khmer, Han and rarer Latin-script).
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
    known: dict[int, list[str]],
    known_counts: dict[str, int] | None,
    changed: list[dict[str, Any]] | None = None,
) -> SiteChars:
    """The release's characters.

    With the last build's per-page characters and per-character page counts
    (`known`, `known_counts`) and the pages whose content_hash changed since
    (`changed`, see snapshot.changed_pages), only those pages are looked at;
    otherwise every page is, reusing `known` where its hash still matches.
    """
    if known_counts is None or changed is None:
        pages: dict[int, list[str]] = {}
        for page in data["pages"]:
            old = known.get(page["id"])
            if old is None or old[0] != page["content_hash"]:
                old = [page["content_hash"], page_chars(page)]
            pages[page["id"]] = old
        counts = Counter(chain.from_iterable(entry[1] for entry in pages.values()))
    else:
        pages = dict(known)
        counts = Counter(known_counts)
        for page in changed:
            old = pages.get(page["id"])
            if old is not None:
                counts.subtract(old[1])
            pages[page["id"]] = new = [page["content_hash"], page_chars(page)]
            counts.update(new[1])
        if len(pages) != len(data["pages"]):  # some pages went away
            current = {page["id"] for page in data["pages"]}
            for ident in pages.keys() - current:
                counts.subtract(pages.pop(ident)[1])
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
