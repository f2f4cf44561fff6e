"""Search tokens shared by the index builder and the browser (static/tokenize.js).

Both sides must cut text the same way, without a dictionary:
- fold case and Latin diacritics (NFD, drop U+0300-U+036F, đ→d), so "da nang"
  matches "Đà Nẵng"; Lao and Khmer marks live outside that block and are kept;
- Latin-script runs (Vietnamese, English, Bahnar...) split into words;
- Han runs become character bigrams plus single characters;
- Lao and Khmer runs become clusters (a letter with its marks; a Khmer coeng
  joins the next letter to the cluster) and then cluster bigrams.
Keep this file and static/tokenize.js in step; e2e checks that they agree.

A character is part of a token if its Unicode category is a letter, mark or
number (L, M, N). The index tokenizes megabytes of text, so the fast paths let
`re` classify characters in C: for this Python's Unicode data, `\\w` (minus
"_") is exactly L and N (tests/test_segment_equivalence.py checks every code
point). Marks are not in `\\w`; those of the Lao and Khmer blocks are listed
here, and a text with any other mark (rare once U+0300-U+036F are dropped)
takes the per-character path, which is the reference definition. ASCII text
(most folded Latin text) is split with str methods, quicker still.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

COENG = "\u17d2"
_TONE_MARKS = re.compile("[\u0300-\u036f]+")
_NOT_ASCII_OR_TONE = re.compile("[^\x00-\x7f\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower-case, strip Latin diacritics, map đ to d; leave other scripts alone."""
    text = text.lower()
    if text.isascii():  # nothing to decompose, strip or compose
        return text
    text = unicodedata.normalize("NFD", text).replace("đ", "d")
    if not _NOT_ASCII_OR_TONE.search(text):
        # Vietnamese text often decomposes to ASCII letters and tone marks:
        # dropping every non-ASCII character strips the marks much faster.
        return text.encode("ascii", "ignore").decode("ascii")
    text = _TONE_MARKS.sub("", text)
    return text if text.isascii() else unicodedata.normalize("NFC", text)


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


def _chars(ranges: tuple[tuple[int, int], ...], keep: Callable[[str], bool]) -> str:
    """The characters of `ranges` whose category letter `keep` accepts, as a
    regular expression class body."""
    return "".join(
        re.escape(chr(cp))
        for lo, hi in ranges
        for cp in range(lo, hi + 1)
        if keep(unicodedata.category(chr(cp))[0])
    )


_SEA_BLOCKS = ((0x0E80, 0x0EFF), (0x1780, 0x17FF), (0x19E0, 0x19FF))
_SEA_RANGES = "\u0e80-\u0eff\u1780-\u17ff\u19e0-\u19ff"
_HAN_RANGES = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_NOT_HAN = "\x00-\u303f\u3100-\u33ff\ua000-\uf8ff\ufb00-\U0001ffff\U00040000-\U0010ffff"
# A cluster is a letter with the marks after it; a Khmer coeng (itself a mark)
# also takes the letter that follows it. The marks of the Lao and Khmer blocks
# are listed once, so one regular expression cuts a run.
_SEA_MARKS = _chars(_SEA_BLOCKS, lambda cat: cat == "M")
_CLUSTER = re.compile(f"(?s).(?:[{_SEA_MARKS}]|(?<={COENG}).)*")
# ASCII text (most folded Latin text) splits fastest with str methods.
_ASCII_SEPS = {cp: " " for cp in range(128) if not chr(cp).isalnum()}


class _Patterns:
    """Regular expressions for text beyond ASCII, each compiled on first use:
    classes of large ranges take milliseconds to compile, which a build that
    meets no such text need not pay."""

    @functools.cached_property
    def _sources(self) -> dict[str, str]:
        # Character classes of the three kinds (see the module docstring).
        sea = f"[{_chars(_SEA_BLOCKS, lambda cat: cat in 'LMN')}]"
        han = f"[^\\W_{_NOT_HAN}]"
        word = f"[^\\W_{_HAN_RANGES}{_SEA_RANGES}]"
        # Separators outside \w and \s in the blocks common in the kiosk's
        # text, so that the search for unusual characters rarely stops.
        common_seps = _chars(
            ((0x00, 0x24F), (0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF)),
            lambda cat: cat not in "LMN",
        )
        return {
            "unusual": f"[^\\w\\s{common_seps}{_SEA_RANGES}]",
            # Any character of the Han or Lao/Khmer ranges, and some more:
            # a small class, quick to compile.
            "maybe_han_or_sea": (
                "[^\\x00-\\u0e7f\\u0f00-\\u177f\\u1800-\\u19df\\u1a00-\\u303f]"
            ),
            "words": r"[^\W_]+",
            "word_runs": f"{word}+",
            "han_runs": f"{han}+",
            "sea_runs": f"{sea}+",
            "runs": f"({word}+)|({han}+)|({sea}+)",
        }

    def __getattr__(self, name: str) -> re.Pattern[str]:
        pattern = re.compile(self._sources[name])
        setattr(self, name, pattern)
        return pattern


_RE = _Patterns()


class _IsMark(dict):
    """Character -> whether it is a mark; filled as characters are met."""

    def __missing__(self, ch: str) -> bool:
        self[ch] = mark = unicodedata.category(ch)[0] == "M"
        return mark


_IS_MARK = _IsMark()


def _fast_paths_apply(folded: str) -> bool:
    """False if the text has a mark the character classes do not list."""
    unusual = _RE.unusual.findall(folded)
    return not unusual or not any(_IS_MARK[ch] for ch in set(unusual))


def _clusters(run: str) -> list[str]:
    return _CLUSTER.findall(run)


def _grams(units: list[str], *, unigrams: bool) -> list[str]:
    if len(units) == 1:
        return units
    grams = [units[i] + units[i + 1] for i in range(len(units) - 1)]
    return (units + grams) if unigrams else grams


class _RunTokens(dict):
    """Run of Han or Lao/Khmer text -> its tokens (a list never changed).

    Cutting these runs is the slow part of tokenizing in Python, and a site's
    text repeats many of them (names, headings, boilerplate), so each distinct
    run is cut once. The memo is emptied once it holds CHARS characters of
    runs (a few megabytes of tokens at most).
    """

    CHARS = 200_000

    def __init__(self, cut: Callable[[str], list[str]]) -> None:
        super().__init__()
        self.cut = cut
        self.chars = 0

    def __missing__(self, run: str) -> list[str]:
        if self.chars > self.CHARS:
            self.clear()
            self.chars = 0
        self.chars += len(run)
        self[run] = toks = self.cut(run)
        return toks


_HAN_TOKENS = _RunTokens(lambda run: _grams(list(run), unigrams=True))
_SEA_TOKENS = _RunTokens(lambda run: _grams(_clusters(run), unigrams=False))


class _KindLetters(dict):
    """Code point -> one letter for its kind (w, h, s, or space for "sep");
    str.translate fills it as it meets new characters."""

    def __missing__(self, cp: int) -> str:
        self[cp] = letter = _LETTER[_kind(chr(cp))]
        return letter


_LETTER = {"word": "w", "han": "h", "sea": "s", "sep": " "}
_KIND_LETTERS = _KindLetters()
_RUNS = re.compile(r"w+|h+|s+")


def _tokens_per_character(folded: str) -> list[str]:
    """The reference definition: classify every character with `_kind`."""
    out: list[str] = []
    kinds = folded.translate(_KIND_LETTERS)
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


def tokens(text: str) -> list[str]:
    """Tokens of `text`, in order, with repeats."""
    folded = fold(text)
    if folded.isascii():
        return folded.translate(_ASCII_SEPS).split()
    if not _fast_paths_apply(folded):
        return _tokens_per_character(folded)
    if not _RE.maybe_han_or_sea.search(folded):
        return _RE.words.findall(folded)
    out: list[str] = []
    for m in _RE.runs.finditer(folded):
        run = m.group()
        kind = m.lastindex
        if kind == 1:
            out.append(run)
        elif kind == 2:
            out.extend(_HAN_TOKENS[run])
        else:
            out.extend(_SEA_TOKENS[run])
    return out


def distinct_tokens(text: str) -> set[str]:
    """The set of `tokens(text)`, made without putting them in order."""
    folded = fold(text)
    if folded.isascii():
        return set(folded.translate(_ASCII_SEPS).split())
    if not _fast_paths_apply(folded):
        return set(_tokens_per_character(folded))
    if not _RE.maybe_han_or_sea.search(folded):
        return set(_RE.words.findall(folded))
    out = set(_RE.word_runs.findall(folded))
    out.update(*map(_HAN_TOKENS.__getitem__, set(_RE.han_runs.findall(folded))))
    out.update(*map(_SEA_TOKENS.__getitem__, set(_RE.sea_runs.findall(folded))))
    return out


def term_kind(term: str) -> str:
    """ "word", "han" or "sea" (Lao, Khmer): the kind of run a token came from."""
    return _kind(term[0])


_ENGLISH_WORD = re.compile("[a-z]{4,}")


def stem_en(word: str) -> str:
    """One stem for an English word's plural and -ed/-ing forms: "hotlines",
    "hotline" -> "hotlin"; "cities", "city" -> "city"; "stopped" -> "stop".

    Deliberately small (plurals after Harman's S-stemmer, then -ing/-ed and
    a final e): the index and the query stem alike (static/tokenize.js has
    the same rules), so a stem only has to be the same for a word's forms,
    not a dictionary word. Words of three letters or fewer stay as they are.
    """
    if not _ENGLISH_WORD.fullmatch(word):
        return word
    if word.endswith("ies") and not word.endswith(("aies", "eies")):
        word = word[:-3] + "y"
    elif word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        word = word[:-1]
    elif word.endswith("s") and not word.endswith(("us", "ss")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if (
            word.endswith(suffix)
            and len(base) >= 3
            and any(c in "aeiouy" for c in base)
        ):
            # "stopp(ed)" -> "stop", but "call(ed)", "pass(ed)" keep theirs.
            doubled = base[-1] == base[-2] and base[-1] not in "aeiouylsz"
            word = base[:-1] if doubled else base
            break
    if len(word) >= 4 and word.endswith("e"):
        word = word[:-1]
    return word


def stemmer(locale: str | None) -> Callable[[str], str] | None:
    """The stemmer of a locale's index and queries (English only), or None."""
    if locale is not None and locale.split("-")[0] == "en":
        return stem_en
    return None


def query_tokens(text: str, locale: str | None = None) -> list[str]:
    """Distinct tokens a query must all match (Han queries use bigrams only),
    stemmed as the locale's index is."""
    seen: dict[str, None] = {}
    stem = stemmer(locale)
    for part in tokens(text):
        seen.setdefault(stem(part) if stem else part, None)
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
