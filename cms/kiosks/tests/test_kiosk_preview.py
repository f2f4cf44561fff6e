"""Editors preview a draft through the kiosk renderer itself."""

import re

import pytest

from cms.headless.tests.factories import ClusterFactory, information, site_home, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def info_page():
    home = site_home()
    return information(home, slug="gio-mo-cua", title="Giờ mở cửa")


def test_kiosk_preview_shows_the_unsaved_draft_in_the_kiosk_template(
    info_page, admin_client
):
    ClusterFactory(code="bo-y", languages=["vi", "en"])
    info_page.body = [text("<p>Bản nháp: cửa khẩu mở từ 6 giờ 30.</p>")]

    response = info_page.make_preview_request(preview_mode="kiosk")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bản nháp: cửa khẩu mở từ 6 giờ 30." in html
    assert 'data-template="information"' in html
    assert '<html lang="vi"' in html
    # Asset links point at the preview files, which an admin can fetch.
    css = re.search(r'href="(/admin/kiosk-preview/bo-y/assets/[^"]+\.css)"', html)
    assert css, "stylesheet link was not rewritten for the preview"
    asset = admin_client.get(css.group(1))
    assert asset.status_code == 200
    assert asset["Content-Type"] == "text/css"


def test_the_published_site_is_not_touched_by_a_preview(info_page, settings, tmp_path):
    settings.KIOSK_BUILD_ROOT = str(tmp_path / "kiosk")
    ClusterFactory(code="bo-y", languages=["vi"])
    info_page.body = [text("<p>Chưa duyệt.</p>")]
    info_page.make_preview_request(preview_mode="kiosk")

    built = tmp_path / "kiosk"
    public = [p for p in built.rglob("*.html") if ".preview" not in p.parts]
    assert public == []


def test_preview_without_a_cluster_for_the_language_says_how_to_fix_it(info_page):
    from wagtail.models import Locale

    ClusterFactory(code="bo-y", languages=["vi"])  # no cluster shows Khmer

    info_page.locale = Locale.objects.get_or_create(language_code="km")[0]
    response = info_page.make_preview_request(preview_mode="kiosk")
    assert response.status_code == 200
    # The preview request speaks the site's default language, Vietnamese.
    assert "Hãy thêm ngôn ngữ này vào một cụm" in response.content.decode()


def test_preview_files_need_an_admin_login(client):
    response = client.get("/admin/kiosk-preview/bo-y/assets/app.css")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_preview_builds_in_the_web_process_without_forking(info_page, monkeypatch):
    """A web server's threads and fork() do not mix: the preview asks the
    builder to stay in this process however large the cluster is."""
    import kiosk_site.build

    seen = []
    real = kiosk_site.build.site_build

    def spy(**kwargs):
        seen.append(kwargs.get("workers"))
        return real(**kwargs)

    monkeypatch.setattr(kiosk_site.build, "site_build", spy)
    ClusterFactory(code="bo-y", languages=["vi"])
    response = info_page.make_preview_request(preview_mode="kiosk")
    assert response.status_code == 200
    assert seen == [1]
