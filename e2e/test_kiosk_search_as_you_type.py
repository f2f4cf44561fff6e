"""Search as a traveller types it: one key at a time on the on-screen keyboard.

After every key the results on the screen must be the ones the index's own
reference search gives for what the box holds (kiosk_site/search/query.py),
and from the first key a word can be completed from (2 Latin letters, one
Lao or Khmer cluster, one Chinese character) there are results.
"""

import pytest

from kiosk_site.search import index_search
from kiosk_site.snapshot import page_url


class Typist:
    """Taps keys of the on-screen keyboard and reads the results after each."""

    def __init__(self, page, kiosk, locale: str):
        self.page, self.kiosk, self.locale = page, kiosk, locale
        base = kiosk.site / "search" / locale
        self.files = {
            p.relative_to(kiosk.site).as_posix(): p.read_bytes()
            for p in base.rglob("*.json")
        }
        self.urls = {p["id"]: page_url(p) for p in kiosk.data["pages"]}
        self.titles = {page_url(p): p["title"] for p in kiosk.data["pages"]}
        page.goto(f"{kiosk.url}/{locale}/search/")
        page.wait_for_function("() => typeof window.kioskSearch === 'function'")

    def tap(self, key: str) -> list[str]:
        """Tap one key; the result links shown once the box's text is searched."""
        key = "{space}" if key == " " else key
        self.page.locator(f'.keyboard .hg-button[data-skbtn="{key}"]').first.tap()
        return self.results()

    def results(self) -> list[str]:
        value = self.page.locator("#q").input_value()
        self.page.wait_for_function(
            "(v) => document.querySelector('.search').dataset.done === v", arg=value
        )
        shown = self.page.locator("#results a").evaluate_all(
            "(links) => links.map((a) => a.getAttribute('href'))"
        )
        expected = index_search(self.files, self.locale, value)[:10]
        assert shown == [self.urls[i] for i in expected], value
        return shown

    def type(self, keys, *, results_from: int) -> list[tuple[str, list[str]]]:
        """Tap `keys` one by one; from key number `results_from` (1-based)
        on, every step must show results. Returns (box text, links) per key."""
        steps = []
        for n, key in enumerate(keys, start=1):
            shown = self.tap(key)
            value = self.page.locator("#q").input_value()
            if n >= results_from:
                assert shown, f"no results after typing {value!r}"
            steps.append((value, shown))
        return steps

    def title_of(self, url: str) -> str:
        return self.titles[url]


@pytest.mark.parametrize(
    ("keys", "text", "expected"),
    [
        ("cua khau", "cua khau", "cửa khẩu"),
        ("xuat canh", "xuat canh", "Thủ tục xuất cảnh"),
        # With accents: ư, â and the hook above (U+0309), placed on the vowel.
        (
            ["c", "ư", "a", "\u0309", " ", "k", "h", "â", "u", "\u0309"],
            "cửa khẩu",
            "ẩu",
        ),
    ],
)
def test_vietnamese_typed_key_by_key_finds_results_after_every_key(
    page, kiosk, keys, text, expected
):
    typist = Typist(page, kiosk, "vi")
    steps = typist.type(list(keys), results_from=2)
    assert steps[-1][0] == text
    final = steps[-1][1]
    assert any(expected.lower() in typist.title_of(u).lower() for u in final)
    # Each step while typing the second word keeps every page of the whole words.
    whole = set(final)
    for value, shown in steps:
        if value.startswith(text.split()[0] + " ") and len(value.split()) == 2:
            if len(value.split()[1]) >= 2:
                assert whole <= set(shown), value
    assert all(u.startswith("/vi/") for _v, s in steps for u in s)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("cua kh", "Cửa khẩu"),
        ("xuat c", "Thủ tục xuất cảnh"),
        ("cuak khau", "Cửa khẩu"),  # a letter too many
        ("thu tuc xuat cang", "Thủ tục xuất cảnh"),  # a letter changed
    ],
)
def test_the_issues_queries_find_pages_as_typed(page, kiosk, keys, expected):
    typist = Typist(page, kiosk, "vi")
    steps = typist.type(keys, results_from=len(keys))
    assert any(expected in typist.title_of(u) for u in steps[-1][1])


def test_an_exact_match_ranks_above_a_typo(page, kiosk):
    typist = Typist(page, kiosk, "vi")
    shown = typist.type("canh ", results_from=2)[-1][1]
    # "canh" (cảnh) is in one page; "can" and "hanh" are one edit away.
    assert typist.title_of(shown[0]).startswith("Thủ tục xuất cảnh")
    assert len(shown) > 1
    assert not any("cảnh" in typist.title_of(u) for u in shown[1:])


def test_english_hotline_finds_the_hotlines_page_from_two_letters(page, kiosk):
    typist = Typist(page, kiosk, "en")
    steps = typist.type("hotline", results_from=2)
    for value, shown in steps[3:]:  # from "hotl"
        assert "Hotlines" in [typist.title_of(u) for u in shown], value
    assert all(u.startswith("/en/") for _v, s in steps for u in s)
    # Typed to its end, the plural is the same word.
    plural = typist.type("s", results_from=1)[-1][1]
    assert plural == steps[-1][1]


def test_chinese_typed_in_pinyin_finds_results_from_one_character(page, kiosk):
    typist = Typist(page, kiosk, "zh-hans")
    for syllable, hanzi in (("kou", "口"), ("an", "岸")):
        for key in syllable:
            typist.tap(key)
        page.locator(".hg-candidate-box-list-item", has_text=hanzi).first.tap()
        shown = typist.results()
        assert shown, f"no results after choosing {hanzi}"
        assert any(hanzi in typist.title_of(u) for u in shown)
    assert page.locator("#q").input_value() == "口岸"


@pytest.mark.parametrize(
    ("locale", "keys", "expected"),
    [
        ("lo", ["ດ", "່", "າ", "ນ"], "ດ່ານ"),
        ("km", ["ច", "្", "រ", "ក"], "ច្រក"),
    ],
)
def test_lao_and_khmer_find_results_from_one_cluster(
    page, kiosk, locale, keys, expected
):
    typist = Typist(page, kiosk, locale)
    steps = typist.type(keys, results_from=1)
    assert steps[-1][0] == expected
    for _value, shown in steps:
        assert any(expected in typist.title_of(u) for u in shown)
