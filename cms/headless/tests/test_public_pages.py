"""Public portal pages: served under their own language code, with its lang."""

import pytest
from django.utils.translation import check_for_language

from .factories import (
    AgencyFactory,
    every_page_type,
    information,
    make_image,
    make_programme,
    site_home,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["lo", "bdq", "km", "zh-hans", "en", "vi"])
def test_every_content_language_has_a_real_catalogue(code):
    assert check_for_language(code)


@pytest.mark.parametrize("code", ["lo", "bdq"])
def test_page_is_served_under_its_language_code_with_its_lang(client, code):
    home = site_home()
    page = information(home)
    translate(home, code)
    translate(page, code)

    response = client.get(f"/{code}/gio-lam-viec/")

    assert response.status_code == 200
    assert response.wsgi_request.LANGUAGE_CODE == code
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    assert f"[{code}] Giờ làm việc của cửa khẩu" in html


def test_lao_interface_words_come_from_the_lao_catalogue(client):
    home = site_home()
    page = information(home)
    translate(home, "lo")
    translate(page, "lo")
    html = client.get("/lo/gio-lam-viec/").content.decode()
    assert "ໜ້າຫຼັກ" in html  # "Home"
    assert "ຂໍ້ມູນຈຳເປັນ: ຂໍ້ມູນສຳລັບນັກເດີນທາງ" in html  # the category
    # The language switcher names each language in itself, marked with its lang.
    assert '<a href="/vi/gio-lam-viec/" lang="vi" hreflang="vi">' in html


def test_bahnar_page_marks_vietnamese_fallback_words_with_their_lang(client):
    home = site_home()
    page = information(home, providing_agency=AgencyFactory())
    translate(home, "bdq")
    translate(page, "bdq")
    html = client.get("/bdq/gio-lam-viec/").content.decode()
    assert '<html lang="bdq"' in html
    assert '<span lang="vi">Trang chủ</span>' in html
    # Agency names are not translated: marked as Vietnamese.
    assert '<dd lang="vi">Đồn Biên phòng' in html


def test_untranslated_target_page_is_not_served(client):
    home = site_home()
    page = information(home)
    translate(home, "lo")
    translate(page, "lo", complete=False)
    assert client.get("/lo/gio-lam-viec/").status_code == 404
    assert client.get("/vi/gio-lam-viec/").status_code == 200


def test_every_page_type_renders(client):
    home = site_home()
    pages = every_page_type(home, image=make_image(), programme=make_programme())
    for name, page in pages.items():
        response = client.get(page.url)
        assert response.status_code == 200, name
        html = response.content.decode()
        assert '<html lang="vi"' in html, name
        assert f"<h1>{page.title}</h1>" in html, name
    info = client.get(pages["information"].url).content.decode()
    assert 'alt="Cột mốc"' in info
    assert '<a href="tel:02603123456">0260 3 123 456</a>' in info
    assert "<video" in info
    place = client.get(pages["place"].url).content.decode()
    assert "Thứ Hai, Thứ Ba" in place
    assert "Thắng cảnh" in place


def test_language_switcher_offers_only_finished_translations(client):
    home = site_home()
    page = information(home)
    translate(home, "lo")
    translate(home, "en")
    translate(page, "lo", complete=False)
    translate(page, "en")
    html = client.get("/vi/gio-lam-viec/").content.decode()
    assert 'href="/en/gio-lam-viec/"' in html
    assert 'href="/lo/gio-lam-viec/"' not in html
