import pytest

from kiosk_site.search import query_tokens, stem_en, tokens

from .conftest import tap_keys


def _wait_done(page, query: str) -> None:
    """Wait until the results of `query` are on the screen. A function, not an
    expression: Playwright evaluates expressions with eval, which the pages'
    CSP forbids."""
    page.wait_for_function(
        "(q) => document.querySelector('.search').dataset.done === q", arg=query
    )


def _results(page) -> list[str]:
    page.wait_for_function(
        "() => document.querySelector('.search').dataset.done !== undefined"
    )
    return page.locator("#results .result-title").all_inner_texts()


def test_ha_noi_typed_on_the_keyboard_finds_ha_noi(page, kiosk):
    page.goto(kiosk.url + "/vi/search/")
    tap_keys(page, "ha noi")
    assert page.locator("#q").input_value() == "ha noi"
    _wait_done(page, "ha noi")
    titles = _results(page)
    assert titles and all("Hà Nội" in t or "ha noi" in t.lower() for t in titles[:1])
    assert any("Hà Nội" in t for t in titles)


def test_vietnamese_diacritic_keys_compose_and_da_nang_finds_da_nang(page, kiosk):
    page.goto(kiosk.url + "/vi/search/")
    tap_keys(page, "đa\u0300 n")  # direct diacritics: a + grave composes to à
    page.locator('.hg-button[data-skbtn="ă"]').first.tap()
    tap_keys(page, "ng\u0303")
    assert page.locator("#q").input_value() == "đà nẵng"
    page.locator('.hg-button[data-skbtn="{clear}"]').tap()
    tap_keys(page, "da nang")
    _wait_done(page, "da nang")
    assert any("Đà Nẵng" in t for t in _results(page))


@pytest.mark.parametrize(
    ("locale", "query", "expected"),
    [
        ("zh-hans", "口岸", "口岸"),
        ("lo", "ດ່ານ", "ດ່ານ"),
        ("km", "ច្រកទ្វារ", "ច្រកទ្វារ"),
        ("en", "border gate", "border gate"),
        ("bdq", "cua khau", "cửa khẩu"),
    ],
)
def test_search_in_each_script(page, kiosk, locale, query, expected):
    page.goto(f"{kiosk.url}/{locale}/search/")
    page.locator("#q").fill(query)
    _wait_done(page, query)
    titles = _results(page)
    assert titles, f"no results for {query!r} in {locale}"
    assert any(expected in t.lower() for t in titles), titles


def test_lao_and_khmer_are_typed_on_their_keyboards(page, kiosk):
    page.goto(kiosk.url + "/lo/search/")
    tap_keys(page, "ດ່ານ")
    assert page.locator("#q").input_value() == "ດ່ານ"
    _wait_done(page, "ດ່ານ")
    assert any("ດ່ານ" in t for t in _results(page))
    page.goto(kiosk.url + "/km/search/")
    for key in ["ច", "្", "រ", "ក"]:
        page.locator(f'.hg-button[data-skbtn="{key}"]').first.tap()
    assert page.locator("#q").input_value() == "ច្រក"
    _wait_done(page, "ច្រក")
    assert any("ច្រក" in t for t in _results(page))


def test_pinyin_keyboard_offers_the_contents_own_hanzi(page, kiosk):
    page.goto(kiosk.url + "/zh-hans/search/")
    tap_keys(page, "kou")
    candidate = page.locator(".hg-candidate-box-list-item", has_text="口")
    candidate.first.tap()
    assert page.locator("#q").input_value() == "口"


def test_browser_and_builder_cut_text_into_the_same_tokens(page, kiosk):
    page.goto(kiosk.url + "/vi/search/")
    samples = [p["search_text"] for p in kiosk.data["pages"][::7]] + [
        "Đà Nẵng",
        "ĐẮK TÔ",
        "Bơ̆n pơ̆m",
        "口岸出境手续",
        "ດ່ານສາກົນບໍອີ",
        "ច្រកទ្វារអន្តរជាតិ",
    ]
    browser = page.evaluate(
        "(xs) => xs.map(x => [KioskTokenize.tokens(x), KioskTokenize.queryTokens(x),"
        " KioskTokenize.queryTokens(x, 'en')])",
        samples,
    )
    assert browser == [
        [tokens(s), query_tokens(s), query_tokens(s, "en")] for s in samples
    ]


def test_browser_and_builder_stem_english_words_alike(page, kiosk):
    page.goto(kiosk.url + "/en/search/")
    english = [p["search_text"] for p in kiosk.data["pages"] if p["locale"] == "en"]
    inflected = (
        "hotlines cities flies agreeing stopped stopping travelled called passes "
        "boxes fees goes dies buses status class this gas bed used needed"
    )
    words = sorted({w for text in english for w in tokens(text)}) + inflected.split()
    browser = page.evaluate("(ws) => ws.map(w => KioskTokenize.stem(w, 'en'))", words)
    assert browser == [stem_en(w) for w in words]
    assert page.evaluate("() => KioskTokenize.stem('hotlines', 'vi')") == "hotlines"


def test_enter_in_the_search_box_stays_on_the_page_without_an_inline_handler(
    page, kiosk
):
    # The pages' CSP forbids inline handlers: search.js prevents the submit.
    page.goto(kiosk.url + "/vi/search/")
    assert page.locator("form.search-form").get_attribute("onsubmit") is None
    tap_keys(page, "ha noi")
    page.wait_for_function("() => document.querySelector('.search').dataset.done")
    page.evaluate("() => { window.stillHere = true; }")
    page.locator("#q").press("Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.stillHere === true")
    assert page.url == kiosk.url + "/vi/search/"
