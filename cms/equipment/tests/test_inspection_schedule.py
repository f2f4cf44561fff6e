"""Which items are due for inspection, and the admin page that shows it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from freezegun import freeze_time

from cms.clusters.models import LedFace
from cms.editorial.models import Role
from cms.editorial.tests.factories import user
from cms.equipment.models import Inspection, InspectionInterval, Item, Kind
from cms.equipment.selectors import inspections_due

from .factories import ClusterFactory, item_make

pytestmark = pytest.mark.django_db
D = dt.date
URL = reverse("equipment_inspection_schedule")


@pytest.fixture
def cluster():
    return ClusterFactory(code="bo-y", name="Cửa khẩu Bờ Y")


@pytest.fixture
def fleet(cluster):
    """A controller on its kind's 3 months, an LED face on its own 1 month."""
    InspectionInterval.objects.create(kind=Kind.CONTROLLER, every=3, unit="months")
    InspectionInterval.objects.create(kind=Kind.LED_FACE, every=6, unit="months")
    pc = item_make(cluster, name="Máy tính điều khiển", installed_on=D(2025, 11, 30))
    face = item_make(
        cluster,
        kind=Kind.LED_FACE,
        name="Màn hình hướng Lào",
        installed_on=D(2025, 1, 1),
        inspect_every=1,
        inspect_unit="months",
    )
    Inspection.objects.create(
        item=face, inspected_on=D(2026, 1, 31), inspected_by="A", result="ok"
    )
    Inspection.objects.create(
        item=face, inspected_on=D(2025, 12, 31), inspected_by="A", result="ok"
    )
    audio = item_make(cluster, kind=Kind.AUDIO, name="Loa")  # no interval anywhere
    never = item_make(cluster, name="Máy tính dự phòng")  # no date at all
    item_make(cluster, name="Máy cũ", in_service=False)
    return pc, face, audio, never


def test_each_item_gets_its_own_or_its_kinds_interval_from_its_last_inspection(
    fleet,
):
    pc, face, audio, never = fleet
    rows = {row.item: row for row in inspections_due()}
    assert set(rows) == {pc, face, audio, never}  # retired items left out
    assert (rows[pc].last, rows[pc].due) == (None, D(2026, 2, 28))
    assert (rows[face].last, rows[face].due) == (D(2026, 1, 31), D(2026, 2, 28))
    assert (
        rows[audio].scheduled is False and rows[audio].overdue(D(2030, 1, 1)) is False
    )
    assert rows[never].due is None and rows[never].overdue(D(2026, 1, 1)) is True
    # Due now first, then by date, unscheduled last.
    assert [row.item for row in inspections_due()][0] == never
    assert [row.item for row in inspections_due()][-1] == audio


def test_the_schedule_page_shows_overdue_items_in_vietnamese(client, fleet):
    client.force_login(user("inspector", Role.INSPECTOR))
    with freeze_time("2026-03-01 09:00:00+07:00"):
        response = client.get(URL, HTTP_ACCEPT_LANGUAGE="vi")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lịch kiểm tra thiết bị" in html
    assert "3 thiết bị quá hạn kiểm tra." in html
    assert html.count("Quá hạn 1 ngày") == 2  # both due 28/02
    assert "Đến hạn ngay: chưa kiểm tra lần nào, không rõ ngày lắp đặt" in html
    assert "Chưa đặt chu kỳ: hãy đặt cho thiết bị hoặc cho loại thiết bị" in html
    assert "1 tháng một lần" in html and "3 tháng một lần" in html
    with freeze_time("2026-02-28 23:00:00+07:00"):
        response = client.get(URL, HTTP_ACCEPT_LANGUAGE="vi")
    assert "1 thiết bị quá hạn kiểm tra." in response.content.decode()


def test_the_schedule_page_filters_by_cluster_and_names_a_bad_code(client, fleet):
    other = ClusterFactory(code="ta-lung")
    item_make(other, name="Máy tính Tà Lùng")
    client.force_login(user("technician", Role.TECHNICIAN))
    html = client.get(URL, {"cluster": "ta-lung"}).content.decode()
    assert "Máy tính Tà Lùng" in html and "Màn hình hướng Lào" not in html
    html = client.get(
        URL, {"cluster": "nowhere"}, HTTP_ACCEPT_LANGUAGE="vi"
    ).content.decode()
    assert "Không có cụm nào mã &quot;nowhere&quot;; hãy chọn một cụm bên dưới." in html


def test_the_schedule_page_is_refused_without_equipment_permission(client, fleet):
    client.force_login(user("provider", Role.SECRETARIAT))
    assert client.get(URL).status_code in (302, 403)


def test_an_item_links_only_a_face_of_its_own_cluster(cluster):
    other = ClusterFactory(code="ta-lung")
    foreign_face = LedFace.objects.get(cluster=other)
    item = Item(
        cluster=cluster, kind=Kind.LED_FACE, name="Mặt LED", led_face=foreign_face
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert error.value.message_dict["led_face"] == [
        f"{foreign_face} thuộc cụm khác; hãy chọn một mục của {cluster}."
    ]
    item.kind = Kind.AUDIO
    item.led_face = LedFace.objects.get(cluster=cluster)
    item.inspect_every = 2
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert set(error.value.message_dict) == {"led_face", "inspect_unit"}


def test_faults_need_notes_and_a_future_inspection_is_refused(cluster):
    item = item_make(cluster)
    with freeze_time("2026-03-01 09:00:00+07:00"):
        inspection = Inspection(
            item=item, inspected_on=D(2026, 3, 1), inspected_by="B", result="faults"
        )
        with pytest.raises(ValidationError, match="Hãy mô tả hư hỏng phát hiện được"):
            inspection.full_clean()
        inspection.notes = "Mất 2 module LED góc trái."
        inspection.full_clean()
        inspection.inspected_on = D(2026, 3, 2)
        with pytest.raises(ValidationError, match="Ngày 02/03/2026 chưa tới"):
            inspection.full_clean()
