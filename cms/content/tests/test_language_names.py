"""Every content language is named in its own script: in the settings, in the
kiosk snapshot's locales and in the public portal's language chooser."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import get_language_info

from cms.content.templatetags.public_tags import page_language_links
from cms.headless.snapshot import cluster_snapshot
from cms.headless.tests.factories import (
    ClusterFactory,
    information,
    site_home,
    translate,
)

ROOT = Path(__file__).resolve().parents[3]
NATIVE = {
    "vi": "Tiếng Việt",
    "en": "English",
    "zh-hans": "中文",
    "lo": "ພາສາລາວ",
    "km": "ភាសាខ្មែរ",
    "bdq": "Bahnar",
    "sed": "Xơ Đăng",
}


def test_every_content_language_has_its_name_in_its_own_script():
    assert set(settings.CONTENT_LANGUAGES) <= set(NATIVE)
    for code in settings.CONTENT_LANGUAGES:
        assert get_language_info(code)["name_local"] == NATIVE[code], code
    assert dict(settings.LANGUAGES) == {
        c: NATIVE[c] for c in settings.CONTENT_LANGUAGES
    }


@pytest.mark.django_db
def test_the_kiosk_snapshot_names_each_locale_in_its_own_script():
    home = site_home()
    place = information(home, slug="gio-mo-cua", title="Giờ mở cửa")
    for code in ("en", "lo", "km"):
        translate(home, code)
        translate(place, code)
    cluster = ClusterFactory(code="le-thanh", languages=["vi", "en", "lo", "km"])

    data = cluster_snapshot(cluster=cluster, base_url="https://cms.example")

    names = {loc["code"]: loc["name_local"] for loc in data["locales"]}
    assert names == {c: NATIVE[c] for c in ("vi", "en", "lo", "km")}
    assert {loc["code"]: loc["name_en"] for loc in data["locales"]}["km"] == "Khmer"


@pytest.mark.django_db
def test_the_portal_language_chooser_names_khmer_in_khmer():
    home = site_home()
    for code in ("km", "zh-hans", "lo"):
        translate(home, code)

    links = {link["code"]: link["name"] for link in page_language_links(home)}

    assert links == {c: NATIVE[c] for c in ("vi", "km", "zh-hans", "lo")}


@pytest.mark.django_db
def test_the_portal_page_shows_the_khmer_button_in_khmer_script(client):
    home = site_home()
    translate(home, "km")

    html = client.get(home.url).content.decode()

    assert 'lang="km" hreflang="km">ភាសាខ្មែរ</a>' in html
    assert ">Khmer<" not in html


def _settings_languages(**env: str) -> subprocess.CompletedProcess:
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(dict(settings.LANGUAGES))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", **env},
        capture_output=True,
        text=True,
    )


def test_a_minority_language_added_by_setting_takes_its_name_from_the_setting():
    done = _settings_languages(
        CONTENT_LANGUAGES="vi,jra,sed", CONTENT_LANGUAGE_NAMES="jra=Jrai,sed=Hđang"
    )
    assert done.returncode == 0, done.stderr
    assert "{'vi': 'Tiếng Việt', 'jra': 'Jrai', 'sed': 'Hđang'}" in done.stdout


def test_a_language_without_a_name_stops_start_up_naming_the_setting():
    done = _settings_languages(CONTENT_LANGUAGES="vi,jra")
    assert done.returncode != 0
    assert "CONTENT_LANGUAGES has jra without a name" in done.stderr
    assert "CONTENT_LANGUAGE_NAMES=jra=" in done.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "suffix"),
    [
        ("vi", "Cụm thông tin điện tử"),
        ("km", "ចំណុចព័ត៌មានអេឡិចត្រូនិក"),
        ("lo", "ຈຸດຂໍ້ມູນຂ່າວສານເອເລັກໂຕຣນິກ"),
        ("zh-hans", "电子信息站"),
    ],
)
def test_the_portal_title_names_the_site_in_the_pages_language(client, code, suffix):
    from wagtail.models import Site

    home = site_home()
    Site.objects.update(site_name=settings.WAGTAIL_SITE_NAME)
    page = home if code == "vi" else translate(home, code)

    html = client.get(page.url).content.decode()

    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.endswith(f" · {suffix}"), title


@pytest.mark.django_db
def test_a_provinces_own_site_name_is_shown_as_written(client):
    from wagtail.models import Site

    home = site_home()
    Site.objects.update(site_name="Cổng thông tin Bờ Y")
    page = translate(home, "km")

    html = client.get(page.url).content.decode()

    assert " · Cổng thông tin Bờ Y</title>" in html
