"""The fast tokenizer gives exactly the tokens of the per-character one.

static/tokenize.js must agree with segment.py, so the rewrite for speed must
not change a single token. The tokenizer as it was before it took regex fast
paths is kept here as the reference, and both are compared on the sample
texts of every locale and on random strings mixing the scripts and marks.
"""

import random
import re
import unicodedata

import pytest

from bench.sample import make_snapshot_data
from bench.sample import text as sample_text
from kiosk_site.search import distinct_tokens, fold, query_tokens, tokens

# --- Reference: segment.py before the fast paths (do not optimise) ----------

_STRIP = dict.fromkeys(range(0x300, 0x370))
_STRIP[ord("đ")] = "d"
_COENG = "\u17d2"


def reference_fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower()).translate(_STRIP)
    return unicodedata.normalize("NFC", text)


def _reference_kind(ch: str) -> str:
    cp = ord(ch)
    if unicodedata.category(ch)[0] not in "LMN":
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


_MARKS = "".join(
    chr(cp)
    for lo, hi in ((0x0E80, 0x0EFF), (0x1780, 0x17FF), (0x19E0, 0x19FF))
    for cp in range(lo, hi + 1)
    if unicodedata.category(chr(cp))[0] == "M"
)
_REFERENCE_CLUSTER = re.compile(f"(?s).(?:[{_MARKS}]|(?<={_COENG}).)*")


def _reference_grams(units: list[str], *, unigrams: bool) -> list[str]:
    if len(units) == 1:
        return units
    grams = [units[i] + units[i + 1] for i in range(len(units) - 1)]
    return (units + grams) if unigrams else grams


def reference_tokens(text: str) -> list[str]:
    out: list[str] = []
    folded = reference_fold(text)
    kinds = "".join(
        {"word": "w", "han": "h", "sea": "s", "sep": " "}[_reference_kind(c)]
        for c in folded
    )
    for m in re.finditer(r"w+|h+|s+", kinds):
        run = folded[m.start() : m.end()]
        if kinds[m.start()] == "w":
            out.append(run)
        elif kinds[m.start()] == "h":
            out.extend(_reference_grams(list(run), unigrams=True))
        else:
            units = _REFERENCE_CLUSTER.findall(run)
            out.extend(_reference_grams(units, unigrams=False))
    return out


# --- Comparisons ---------------------------------------------------------------


def _assert_same(text: str) -> None:
    expected = reference_tokens(text)
    assert tokens(text) == expected, text
    assert distinct_tokens(text) == set(expected), text
    assert fold(text) == reference_fold(text), text


def test_regex_word_class_is_exactly_letters_and_numbers():
    """The fast paths rely on `\\w` minus "_" being categories L and N, and on
    no whitespace being a letter, mark or number, for this Python's Unicode."""
    everything = "".join(map(chr, range(0x110000)))
    cats = [unicodedata.category(ch)[0] for ch in everything]
    ln = {ch for ch, cat in zip(everything, cats, strict=True) if cat in "LN"}
    assert set(re.findall(r"[^\W_]", everything)) == ln
    lmn = {ch for ch, cat in zip(everything, cats, strict=True) if cat in "LMN"}
    assert not set(re.findall(r"\s", everything)) & lmn


def test_fold_matches_reference_for_every_bmp_character():
    for cp in range(0x10000):
        ch = chr(cp)
        assert fold(ch) == reference_fold(ch), hex(cp)
        assert fold("A" + ch + "\u0301") == reference_fold("A" + ch + "\u0301"), hex(cp)


def test_tokens_match_reference_for_every_bmp_character_in_context():
    for cp in range(0x10000):
        _assert_same(f"ab{chr(cp)}ດ່{chr(cp)}口岸{chr(cp)}ក្រ")


def test_tokens_match_reference_on_sample_texts_of_every_locale(tmp_path):
    data = make_snapshot_data(tmp_path, locales=tuple(sample_text.LOCALES))
    texts = [p[field] for p in data["pages"] for field in ("title", "search_text")]
    for value in vars(sample_text).values():
        if isinstance(value, dict):
            texts += [str(v) for v in value.values()]
    assert len(texts) > 300
    for text in texts:
        _assert_same(text)


_ALPHABETS = [
    "abcdefxyzABCĐđĂÂÊÔƠƯăâêôơư",  # Latin and Vietnamese letters
    "àáảãạằắẳẵặềếểễệờớởỡợừứửữự",  # precomposed Vietnamese
    "口岸出境中国人民龘𠀀𪚥ひらがなカタカナー々〆",  # Han, astral Han, kana
    "ດ່ານສາກົນຫຼໍ່ໆ",  # Lao letters and marks
    "ច្រកទ្វារ្ក៍៉៊់ៗ",  # Khmer letters, coeng, marks
    "\u0301\u0323\u0306\u031b\u20d0\u0483\u3099\u302a\u0e31\u17d2\u17c6",  # marks
    "0123456789٣੩๓໓១",  # digits of several scripts
    ".,;:!?-()“”…·_/'\"។៕ໆ。、，《》€%#",  # punctuation and symbols
    "  \t\n\u00a0\u3000\u200b",  # spaces
]


@pytest.mark.parametrize("seed", range(4))
def test_tokens_match_reference_on_random_mixed_strings(seed):
    rng = random.Random(seed)
    for _ in range(3000):
        length = rng.randint(0, 40)
        pools = rng.sample(_ALPHABETS, rng.randint(1, 4))
        text = "".join(rng.choice(rng.choice(pools)) for _ in range(length))
        _assert_same(text)


def test_query_tokens_keep_their_meaning():
    assert query_tokens("口岸") == ["口岸"]
    assert query_tokens("Đà Nẵng đà") == ["da", "nang"]
    assert query_tokens("ច្រកទ្វារ") == reference_tokens("ច្រកទ្វារ")
