"""Wagtail API v2: pages by locale with rich text as HTML, images, documents."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from .factories import (
    every_page_type,
    information,
    make_image,
    site_home,
    translate,
)

pytestmark = pytest.mark.django_db


def test_pages_are_filtered_by_locale(client):
    home = site_home()
    page = information(home)
    home_lo = translate(home, "lo")
    page_lo = translate(page, "lo")
    lo = client.get("/api/v2/pages/", {"locale": "lo"}).json()
    assert {item["id"] for item in lo["items"]} == {home_lo.pk, page_lo.pk}
    assert {item["meta"]["locale"] for item in lo["items"]} == {"lo"}
    vi = client.get("/api/v2/pages/", {"locale": "vi"}).json()
    assert {item["id"] for item in vi["items"]} == {home.pk, page.pk}


def test_rich_text_and_stream_bodies_come_as_html(client):
    home = site_home()
    target = information(home, slug="dich", title="Đích")
    pages = every_page_type(home, image=make_image(), linked=target)
    procedure = pages["border_procedure"]
    data = client.get(f"/api/v2/pages/{procedure.pk}/").json()
    assert data["documents_needed"] == "<ul><li>Hộ chiếu còn hạn</li></ul>"
    assert data["meta"]["type"] == "content.BorderProcedurePage"
    assert data["gate_hours"][0]["value"]["periods"][0]["days"] == ["mon", "tue"]

    info = client.get(f"/api/v2/pages/{pages['information'].pk}/").json()
    texts = [block["value"] for block in info["body"] if block["type"] == "text"]
    assert f'<a href="{target.url}">trang này</a>' in texts[1]
    assert "linktype" not in str(info["body"])
    assert info["providing_agency"]["kind"] == "border_guard"
    assert info["category"] == "essential.travel"

    home_data = client.get(f"/api/v2/pages/{home.pk}/").json()
    assert home_data["intro"] == "<p>Thông tin cho <b>du khách</b></p>"


def test_hidden_page_detail_is_404(client):
    home = site_home()
    page = information(home)
    translate(home, "lo")
    page_lo = translate(page, "lo", complete=False)
    assert client.get(f"/api/v2/pages/{page_lo.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 200


def test_images_and_documents_endpoints_list_media(client):
    image = make_image(title="Cột mốc 789")
    document = get_document_model().objects.create(
        title="Mẫu tờ khai", file=ContentFile(b"%PDF-1.4 demo", name="to-khai.pdf")
    )
    images = client.get("/api/v2/images/").json()
    assert [item["title"] for item in images["items"]] == [image.title]
    documents = client.get("/api/v2/documents/").json()
    assert [item["id"] for item in documents["items"]] == [document.pk]
