"""Search tokens shared by the index builder and the browser (static/tokenize.js).

Both sides must cut text the same way, without a dictionary:
- fold case and Latin diacritics (NFD, drop U+0300-U+036F, đ→d), so "da nang"
  matches "Đà Nẵng"; Lao and Khmer marks live outside that block and are kept;
- Latin-script runs (Vietnamese, English, Bahnar...) split into words;
- Han runs become character bigrams plus single characters;
- Lao and Khmer runs become clusters (a letter with its marks; a Khmer coeng
  joins the next letter to the cluster) and then cluster bigrams.
Keep this file and static/tokenize.js in step; e2e checks that they agree.
"""

from __future__ import annotations

import re
import unicodedata

COENG = "\u17d2"
_STRIP = dict.fromkeys(range(0x300, 0x370))
_STRIP[ord("đ")] = "d"


def fold(text: str) -> str:
    """Lower-case, strip Latin diacritics, map đ to d; leave other scripts alone."""
    text = unicodedata.normalize("NFD", text.lower()).translate(_STRIP)
    return unicodedata.normalize("NFC", text)


def _kind(ch: str) -> str:
    cp = ord(ch)
    cat = unicodedata.category(ch)[0]
    if cat not in "LMN":
        return "sep"
    if 0x0E80 <= cp <= 0x0EFF or 0x1780 <= cp <= 0x17FF or 0x19E0 <= cp <= 0x19FF:
        return "sea"
    if (
        0x3400 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3FFFF
        or 0x3040 <= cp <= 0x30FF
    ):
        return "han"
    return "word"


# A cluster is a letter with the marks after it; a Khmer coeng (itself a mark)
# also takes the letter that follows it. The marks of the Lao and Khmer blocks
# are listed once, so one regular expression cuts a run.
_SEA_MARKS = "".join(
    chr(cp)
    for lo, hi in ((0x0E80, 0x0EFF), (0x1780, 0x17FF), (0x19E0, 0x19FF))
    for cp in range(lo, hi + 1)
    if unicodedata.category(chr(cp))[0] == "M"
)
_CLUSTER = re.compile(f"(?s).(?:[{_SEA_MARKS}]|(?<={COENG}).)*")


def _clusters(run: str) -> list[str]:
    return _CLUSTER.findall(run)


def _grams(units: list[str], *, unigrams: bool) -> list[str]:
    if len(units) == 1:
        return units
    grams = [units[i] + units[i + 1] for i in range(len(units) - 1)]
    return (units + grams) if unigrams else grams


class _KindLetters(dict):
    """Code point -> one letter for its kind (w, h, s, or space for "sep");
    str.translate fills it as it meets new characters."""

    def __missing__(self, cp: int) -> str:
        self[cp] = letter = _LETTER[_kind(chr(cp))]
        return letter


class _SepToSpace(dict):
    """Code point -> a space for separators, else the character itself."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        self[cp] = out = " " if _kind(ch) == "sep" else ch
        return out


_LETTER = {"word": "w", "han": "h", "sea": "s", "sep": " "}
_KIND_LETTERS = _KindLetters()
_SEP_TO_SPACE = _SepToSpace()
_RUNS = re.compile(r"w+|h+|s+")


def tokens(text: str) -> list[str]:
    """Tokens of `text`, in order, with repeats."""
    out: list[str] = []
    folded = fold(text)
    kinds = folded.translate(_KIND_LETTERS)
    if "h" not in kinds and "s" not in kinds:
        # Only words and separators (Latin-script text): split in C.
        return folded.translate(_SEP_TO_SPACE).split()
    for m in _RUNS.finditer(kinds):
        run = folded[m.start() : m.end()]
        kind = kinds[m.start()]
        if kind == "w":
            out.append(run)
        elif kind == "h":
            out.extend(_grams(list(run), unigrams=True))
        else:
            out.extend(_grams(_clusters(run), unigrams=False))
    return out


def query_tokens(text: str) -> list[str]:
    """Distinct tokens a query must all match (Han queries use bigrams only)."""
    seen: dict[str, None] = {}
    text_folded = fold(text)
    for part in tokens(text_folded):
        seen.setdefault(part, None)
    toks = list(seen)
    # Single Han characters of a multi-character run are redundant with bigrams.
    bigram_chars = {c for t in toks if len(t) == 2 and _kind(t[0]) == "han" for c in t}
    return [t for t in toks if not (len(t) == 1 and t in bigram_chars)]


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-8 (the shard of a term; same in tokenize.js)."""
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h
