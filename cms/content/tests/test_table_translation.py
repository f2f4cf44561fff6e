"""A Lao translator translates a table cell by cell in the translation editor;
after review the Lao kiosk page shows the translated cells."""

import html
import json
import re

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail.models import WorkflowState

from cms.content.models import InformationPage
from cms.editorial.models import Role
from cms.editorial.tests import factories
from cms.headless.tests.factories import ClusterFactory, translate
from cms.kiosks.services import kiosk_build

TABLE = {
    "type": "table",
    "value": {
        "data": [
            ["Loại phương tiện", "Phí"],
            ["Xe máy", "10.000"],
            ["Ô tô dưới 9 chỗ", ""],
        ],
        "first_row_is_table_header": True,
        "first_col_is_header": True,
        "table_header_choice": "both",
        "table_caption": "Phí qua cửa khẩu",
    },
}
LAO = {
    "Phí qua cửa khẩu": "ຄ່າທຳນຽມຜ່ານດ່ານ",
    "Loại phương tiện": "ປະເພດພາຫະນະ",
    "Phí": "ຄ່າທຳນຽມ",
    "Xe máy": "ລົດຈັກ",
    "Ô tô dưới 9 chỗ": "ລົດໃຫຍ່ບໍ່ເກີນ 9 ບ່ອນນັ່ງ",
}
PAGE_LAO = {
    "Biểu phí qua cửa khẩu": "ອັດຕາຄ່າທຳນຽມຜ່ານດ່ານ",
    "Các khoản phí khi qua cửa khẩu": "ຄ່າທຳນຽມຕ່າງໆເມື່ອຜ່ານດ່ານ",
    "phi-qua-cua-khau": "phi-qua-cua-khau",
}


@pytest.fixture
def world(db):
    return factories.world()


@pytest.fixture
def fee_page(world, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    # Fully translated ancestors, or the kiosk hides the Lao subtree.
    translate(world.home, "lo")
    translate(world.border_section, "lo")
    page = InformationPage(
        title="Biểu phí qua cửa khẩu",
        slug="phi-qua-cua-khau",
        category="essential.travel",
        summary="Các khoản phí khi qua cửa khẩu",
        body=[TABLE],
    )
    world.border_section.add_child(instance=page)
    page.save_revision().publish()
    lo_page = factories.translate(page, "lo")
    assert not lo_page.live
    translator = factories.user("translator_lo", Role.TRANSLATOR, language="lo")
    return page, lo_page, translator


def _editor_segments(client, lo_page) -> dict[str, dict]:
    """The string segments the translation editor offers, by source text."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[lo_page.id]))
    assert response.status_code == 200
    found = re.search(
        rb'class="js-translation-editor" data-props="([^"]*)"', response.content
    )
    props = json.loads(html.unescape(found.group(1).decode()))
    return {s["source"]: s for s in props["segments"] if s["type"] == "string"}


def _post(client, url, data=None):
    """POST and run on-commit callbacks: wagtail-localize publishes in them."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data or {})


def _translate_in_editor(client, segments: dict[str, dict]) -> None:
    assert set(segments) == set(LAO) | set(PAGE_LAO)
    for source, text in (LAO | PAGE_LAO).items():
        response = client.put(
            segments[source]["editUrl"],
            f"value={text}".encode(),
            content_type="application/x-www-form-urlencoded; charset=utf-8",
        )
        assert response.status_code == 201, response.content


def _review(client, world, lo_page) -> None:
    for reviewer in ("secretary", "head"):
        client.force_login(world.users[reviewer])
        task = WorkflowState.objects.for_instance(lo_page).get().current_task_state
        _post(
            client,
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[lo_page.id, "approve", task.id],
            ),
            {"comment": ""},
        )


def test_editor_offers_caption_and_every_cell_with_words(world, fee_page, client):
    _page, lo_page, translator = fee_page
    client.force_login(translator)
    segments = _editor_segments(client, lo_page)
    assert set(LAO) <= set(segments)
    assert "10.000" not in segments and "" not in segments
    assert segments["Xe máy"]["location"]["field"] == "Bảng"  # the admin is in vi


def test_table_translated_in_the_editor_reaches_the_lao_kiosk(
    world, fee_page, client, tmp_path
):
    _page, lo_page, translator = fee_page
    client.force_login(translator)
    _translate_in_editor(client, _editor_segments(client, lo_page))
    _post(
        client,
        reverse("wagtailadmin_pages:edit", args=[lo_page.id]),
        {"action": "publish"},
    )
    assert WorkflowState.objects.for_instance(lo_page).get().status == "in_progress"
    _review(client, world, lo_page)
    lo_page.refresh_from_db()
    assert lo_page.live

    cluster = ClusterFactory(code="bo-y", languages=["vi", "lo"])
    kiosk_build(cluster=cluster, out_dir=tmp_path / "kiosk", workers=1)
    built = [
        p.read_text(encoding="utf-8")
        for p in (tmp_path / "kiosk" / "lo").rglob("*.html")
        if "ລົດຈັກ" in p.read_text(encoding="utf-8")
    ]
    assert len(built) == 1, "no Lao kiosk page shows the translated table"
    assert "<caption>ຄ່າທຳນຽມຜ່ານດ່ານ</caption>" in built[0]
    assert '<th scope="col">ປະເພດພາຫະນະ</th>' in built[0]
    assert '<th scope="row">ລົດໃຫຍ່ບໍ່ເກີນ 9 ບ່ອນນັ່ງ</th>' in built[0]
    assert "<td>10.000</td>" in built[0]
    assert "Xe máy" not in built[0]
