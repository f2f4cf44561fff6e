"""The site name in each locale's own language."""

import json
import re

import pytest

from bench.sample import make_snapshot
from kiosk_site.build import site_build
from kiosk_site.snapshot import snapshot_dumps

LOCALES = ("vi", "en", "zh-hans", "lo", "km", "bdq")
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# What the CMS sends as site_name when SITE_NAME is left at its default.
CMS_DEFAULT = "Cụm thông tin điện tử"


@pytest.fixture
def build(tmp_path, warm_out):
    def make(site_name: str, name: str = "site"):
        snap = make_snapshot(
            tmp_path / f"snap-{name}", locales=LOCALES, pages_per_locale=8
        )
        data = json.loads(snap.read_text(encoding="utf-8"))
        data["site_name"] = site_name
        snap.write_bytes(snapshot_dumps(data))
        out = warm_out(name)
        site_build(snapshot=snap, out_dir=out)
        return out

    return make


def _title(out, locale: str, screen: str = "index.html") -> str:
    return TITLE.search((out / locale / screen).read_text(encoding="utf-8")).group(1)


def test_the_default_site_name_is_translated_in_every_locale(build):
    out = build(CMS_DEFAULT)
    expected = {
        "vi": CMS_DEFAULT,
        "en": "Electronic information cluster",
        "zh-hans": "电子信息站",
        "lo": "ຈຸດຂໍ້ມູນຂ່າວສານເອເລັກໂຕຣນິກ",
        "km": "ចំណុចព័ត៌មានអេឡិចត្រូនិក",
        # Bahnar has no checked translation yet: the source language's.
        "bdq": CMS_DEFAULT,
    }
    for locale, name in expected.items():
        assert _title(out, locale).endswith(f" · {name}"), locale
        assert _title(out, locale, "search/index.html").endswith(f" · {name}")
    attract = (out / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{CMS_DEFAULT}</h1>" in attract


def test_a_default_name_written_in_english_is_translated_too(build):
    out = build("Electronic information cluster")
    assert _title(out, "vi").endswith(f" · {CMS_DEFAULT}")
    assert _title(out, "lo").endswith(" · ຈຸດຂໍ້ມູນຂ່າວສານເອເລັກໂຕຣນິກ")


def test_a_province_own_site_name_is_shown_as_written(build):
    own = "Cụm thông tin đối ngoại tỉnh Kon Tum"
    out = build(own, "own")
    for locale in LOCALES:
        assert _title(out, locale).endswith(f" · {own}"), locale
    # No language wrapper inside <title>, which shows markup as text.
    assert "<span" not in _title(out, "km")
