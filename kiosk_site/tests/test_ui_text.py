import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from bench.sample import make_snapshot
from kiosk_site.build import site_build
from kiosk_site.config import TEMPLATES_DIR
from kiosk_site.render import ui_text

LOCALES = ("vi", "en", "zh-hans", "lo", "km", "bdq")
BACK = re.compile(r'data-action="back">.*?<span>(.*?)</span></a>')


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.values += [v or "" for _k, v in attrs]


def _po_msgids(path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [m for m in re.findall(r'^msgid "(.*)"$', text, flags=re.M) if m]


@pytest.fixture
def built(tmp_path, warm_out):
    def build(name="site"):
        snap = make_snapshot(tmp_path / name, locales=LOCALES, pages_per_locale=8)
        out = warm_out(name)
        site_build(snapshot=snap, out_dir=out)
        return out

    return build


def test_each_locale_shows_its_own_catalogues_back_button(built):
    out = built()
    expected = {
        "vi": "Quay lại",
        "en": "Back",
        "zh-hans": "返回",
        "lo": "ກັບຄືນ",
        "km": "ត្រឡប់",
    }
    for locale, text in expected.items():
        html = (out / locale / "index.html").read_text(encoding="utf-8")
        assert BACK.search(html).group(1) == text, locale
        assert ui_text.translation(locale).gettext("Back") == text
    assert '<header class="bar" lang="lo">' in (out / "lo" / "index.html").read_text(
        encoding="utf-8"
    )


def test_bahnar_without_translations_shows_vietnamese_chrome_marked_vi(built):
    html = (built() / "bdq" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="bdq"' in html
    assert '<header class="bar" lang="vi">' in html
    assert BACK.search(html).group(1) == "Quay lại"


def test_missing_string_falls_back_to_source_language_with_its_lang(
    tmp_path, monkeypatch, built
):
    locale_dir = tmp_path / "locale"
    shutil.copytree(ui_text.LOCALE_DIR, locale_dir)
    po = locale_dir / "bdq" / "LC_MESSAGES" / "kiosk.po"
    # A test-only word, so that Bahnar has one string of its own.
    po.write_text(
        po.read_text(encoding="utf-8").replace(
            'msgid "Home"\nmsgstr ""', 'msgid "Home"\nmsgstr "HOME-BDQ"'
        ),
        encoding="utf-8",
    )
    subprocess.run(["msgfmt", "-o", po.with_suffix(".mo"), po], check=True)
    monkeypatch.setattr(ui_text, "LOCALE_DIR", locale_dir)
    for cached in (ui_text.translation, ui_text.has_catalogue, ui_text.gettext_for):
        cached.cache_clear()
    try:
        html = (built("partial") / "bdq" / "index.html").read_text(encoding="utf-8")
    finally:
        for cached in (ui_text.translation, ui_text.has_catalogue, ui_text.gettext_for):
            cached.cache_clear()
    assert '<header class="bar" lang="bdq">' in html
    assert "<span>HOME-BDQ</span>" in html
    assert BACK.search(html).group(1) == '<span lang="vi">Quay lại</span>'
    # In attributes the fallback is plain text (the element's lang applies).
    assert 'aria-label="Điều hướng ki-ốt"' in html
    parser = _Attributes()
    parser.feed(html)
    assert not any("<span" in v for v in parser.values)


def test_messages_templates_and_compiled_catalogues_agree(tmp_path):
    used = set()
    for path in TEMPLATES_DIR.glob("*.html"):
        used |= set(re.findall(r"""_\((["'])(.+?)\1\)""", path.read_text()))
    used = {m for _q, m in used}
    assert used <= set(ui_text.MESSAGES)
    for po in sorted(ui_text.LOCALE_DIR.glob("*/LC_MESSAGES/kiosk.po")):
        assert _po_msgids(po) == list(ui_text.MESSAGES), po
        fresh = tmp_path / "kiosk.mo"
        subprocess.run(["msgfmt", "-o", fresh, po], check=True)
        assert po.with_suffix(".mo").read_bytes() == fresh.read_bytes(), (
            f"{po.with_suffix('.mo')} is stale; run msgfmt -o it {po}"
        )
