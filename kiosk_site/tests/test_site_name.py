"""The site name in each locale's own language."""

import re

from .conftest import ALL_LOCALES, CMS_DEFAULT_SITE_NAME

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def _title(out, locale: str, screen: str = "index.html") -> str:
    return TITLE.search((out / locale / screen).read_text(encoding="utf-8")).group(1)


def test_the_default_site_name_is_translated_in_every_locale(build_named):
    out = build_named(CMS_DEFAULT_SITE_NAME)
    expected = {
        "vi": CMS_DEFAULT_SITE_NAME,
        "en": "Electronic information cluster",
        "zh-hans": "电子信息站",
        "lo": "ຈຸດຂໍ້ມູນຂ່າວສານເອເລັກໂຕຣນິກ",
        "km": "ចំណុចព័ត៌មានអេឡិចត្រូនិក",
        # Bahnar has no checked translation yet: the source language's.
        "bdq": CMS_DEFAULT_SITE_NAME,
    }
    for locale, name in expected.items():
        assert _title(out, locale).endswith(f" · {name}"), locale
        assert _title(out, locale, "search/index.html").endswith(f" · {name}")
    attract = (out / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{CMS_DEFAULT_SITE_NAME}</h1>" in attract


def test_a_default_name_written_in_english_is_translated_too(build_named):
    out = build_named("Electronic information cluster")
    assert _title(out, "vi").endswith(f" · {CMS_DEFAULT_SITE_NAME}")
    assert _title(out, "lo").endswith(" · ຈຸດຂໍ້ມູນຂ່າວສານເອເລັກໂຕຣນິກ")


def test_a_province_own_site_name_is_shown_as_written(build_named):
    own = "Cụm thông tin đối ngoại tỉnh Kon Tum"
    out = build_named(own, "own")
    for locale in ALL_LOCALES:
        assert _title(out, locale).endswith(f" · {own}"), locale
    # No language wrapper inside <title>, which shows markup as text.
    assert "<span" not in _title(out, "km")
