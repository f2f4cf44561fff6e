"""The Wagtail admin reads in Vietnamese thanks to cms.core's catalogue.

Wagtail 7.4's own vi catalogue covers only a small part of the admin, and
wagtail-localize's hardly any of its editor. Every string asserted here comes from
cms/core/locale/vi, so these tests fail if that catalogue is missing or loses
precedence over Wagtail's.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile


def js_escaped(text):
    """How Django's JavaScriptCatalog writes a string (JSON, ASCII-escaped)."""
    return json.dumps(text)[1:-1]


@pytest.fixture
def vi_admin(client, db):
    user = get_user_model().objects.create_superuser(
        username="bientap", email="bientap@example.test", password="Cua-khau-Bo-Y-2026"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "vi"
    profile.save()
    client.force_login(user)
    return client


def page_text(response):
    assert response.status_code == 200
    return response.content.decode()


def test_dashboard_title_and_search_box_are_vietnamese(vi_admin):
    html = page_text(vi_admin.get(reverse("wagtailadmin_home")))
    assert "Bảng điều khiển" in html  # "Dashboard"; Wagtail's vi says otherwise
    assert "Tìm trong tất cả trang…" in html  # "Search all pages…"
    assert "Search all pages" not in html


def test_page_explorer_names_columns_status_and_search_in_vietnamese(vi_admin):
    Page.get_first_root_node().add_child(
        instance=Page(title="Cửa khẩu quốc tế Bờ Y", slug="bo-y", live=True)
    )
    html = page_text(vi_admin.get(reverse("wagtailadmin_explore_root")))
    assert "Đang duyệt" in html  # "Exploring"
    assert "Tìm kiếm…" in html  # "Search…"
    assert "đang hiển thị" in html  # the "live" status tag (upper-cased by CSS)
    assert "Trang 1/1" in html  # "Page 1 of 1"
    assert "Search…" not in html


def test_snippet_listing_offers_vietnamese_search_and_filters(vi_admin):
    url = reverse("wagtailsnippets_programmes_programme:list")
    html = page_text(vi_admin.get(url))
    assert "Tìm kiếm…" in html  # "Search…"
    assert "Hiện bộ lọc" in html  # "Show filters"
    assert "Show filters" not in html


def test_admin_javascript_catalogue_serves_the_sidebar_and_editor_strings(vi_admin):
    body = page_text(vi_admin.get(reverse("wagtailadmin_javascript_catalog")))
    for text in ("Chuyển lên", "Menu chính", "Mở/đóng thanh bên", "Bảng điều khiển"):
        assert js_escaped(text) in body, text


def test_translation_editor_javascript_catalogue_is_vietnamese(vi_admin):
    body = page_text(vi_admin.get(reverse("wagtail_localize:javascript_catalog")))
    for text in ("Tải tệp PO về", "Chưa dịch", "Gỡ xuất bản"):
        assert js_escaped(text) in body, text


def test_the_login_page_labels_the_password_in_vietnamese(client, db):
    response = client.get("/admin/login/", headers={"accept-language": "vi"})
    assert "Mật khẩu" in response.content.decode()
