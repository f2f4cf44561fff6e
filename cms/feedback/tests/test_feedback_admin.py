"""The feedback admin: queue and filters, workflow actions, staff entry, roles."""

import datetime as dt
import json

import pytest
from freezegun import freeze_time

from cms.editorial.models import Role
from cms.feedback.models import Feedback
from cms.releases.tests.factories import user

from .conftest import NOON
from .factories import kiosk_upload

pytestmark = pytest.mark.django_db
QUEUE = "/admin/feedback/"


def _item_url(item, action=""):
    return f"/admin/feedback/{item.pk}/" + (f"{action}/" if action else "")


@pytest.fixture
def item(cluster):
    with freeze_time(NOON):
        kiosk_upload(cluster, at=NOON, message="Bản đồ ở cổng 2 bị sai")
    return Feedback.objects.get()


@pytest.fixture
def staff(client, secretary):
    client.force_login(secretary)
    return client


def test_the_queue_lists_items_with_status_and_hides_floods(staff, cluster, item):
    for n in range(4):  # 1 + 4 from one kiosk in an hour: the last two are floods
        kiosk_upload(cluster, at=NOON + dt.timedelta(minutes=n + 1), message=f"x{n}")

    page = staff.get(QUEUE).content.decode()
    assert "Bản đồ ở cổng 2 bị sai" in page and "x1" in page
    assert "x2" not in page and "x3" not in page
    floods = staff.get(QUEUE, {"flood": "yes"}).content.decode()
    assert "x3" in floods and "Bản đồ" not in floods


def test_the_queue_filters_by_status_cluster_and_language(staff, cluster, item):
    kiosk_upload(cluster, at=NOON, message="ສະບາຍດີ", language="lo", kiosk="k2")

    lao = staff.get(QUEUE, {"language": "lo"}).content.decode()
    assert "ສະບາຍດີ" in lao and "Bản đồ" not in lao
    closed = staff.get(QUEUE, {"status": "closed"}).content.decode()
    assert "ສະບາຍດີ" not in closed and "Bản đồ" not in closed
    mine = staff.get(QUEUE, {"cluster": cluster.pk}).content.decode()
    assert "ສະບາຍດີ" in mine and "Bản đồ" in mine


def test_an_item_goes_through_the_workflow_from_its_page(staff, item, agency):
    with freeze_time(NOON + dt.timedelta(hours=2)):
        staff.post(_item_url(item, "forward"), {"agency": agency.pk})
    with freeze_time(NOON + dt.timedelta(hours=5, minutes=30)):
        staff.post(_item_url(item, "answer"), {"answer": "Đã thay bản đồ mới."})
    response = staff.post(_item_url(item, "close"), {"note": ""}, follow=True)

    item.refresh_from_db()
    assert item.status == Feedback.Status.CLOSED and item.agency == agency
    assert f"Đã đóng góp ý #{item.pk}." in response.content.decode()
    row = staff.get(QUEUE, {"status": "closed"}).content.decode()
    assert "5 giờ 30 phút" in row  # time taken, received → answered
    history = staff.get(_item_url(item)).content.decode()
    assert "Đã chuyển cho Bộ đội Biên phòng tỉnh" in history
    assert "Trả lời: Đã thay bản đồ mới." in history


def test_a_refused_action_shows_why_and_changes_nothing(staff, item):
    response = staff.post(_item_url(item, "answer"), {"answer": "ok"}, follow=True)

    assert "hãy chuyển cho cơ quan xử lý trước khi ghi nhận trả lời" in (
        response.content.decode()
    )
    item.refresh_from_db()
    assert item.status == Feedback.Status.RECEIVED


def test_the_admin_reads_in_vietnamese(staff, item):
    detail = staff.get(_item_url(item)).content.decode()
    assert "Chuyển cho cơ quan xử lý" in detail and "Đã tiếp nhận" in detail
    assert "Nội dung gốc" in detail
    queue = staff.get(QUEUE).content.decode()
    assert "Góp ý của người dân" in queue and "Thời gian xử lý" in queue


def test_staff_enter_feedback_taken_by_phone(staff):
    response = staff.post(
        "/admin/feedback/add/",
        {
            "channel": "phone",
            "language": "vi",
            "text": "Màn hình LED ở chợ tắt từ sáng",
            "sent_at": "2026-11-24T09:30",
            "contact": "0912 345 678",
            "consent": "on",
        },
    )

    item = Feedback.objects.get()
    assert response.status_code == 302 and response.url == _item_url(item)
    assert (item.channel, item.contact, item.consent) == ("phone", "0912 345 678", True)


def test_the_staff_form_refuses_a_contact_without_consent(staff):
    response = staff.post(
        "/admin/feedback/add/",
        {
            "channel": "letter",
            "language": "vi",
            "text": "x",
            "sent_at": "2026-11-24T09:30",
            "contact": "0912 345 678",
        },
    )
    assert response.status_code == 200 and not Feedback.objects.exists()
    assert "Chỉ lưu thông tin liên hệ khi người dân đồng ý" in (
        response.content.decode()
    )


def test_the_head_of_board_handles_feedback_too(client, item, agency):
    client.force_login(user("head", Role.HEAD))
    client.post(_item_url(item, "forward"), {"agency": agency.pk})
    item.refresh_from_db()
    assert item.status == Feedback.Status.FORWARDED


def test_inspectors_read_but_cannot_act_or_enter(client, item, agency):
    client.force_login(user("inspector", Role.INSPECTOR))

    assert client.get(QUEUE).status_code == 200
    detail = client.get(_item_url(item)).content.decode()
    assert "Bản đồ ở cổng 2 bị sai" in detail and "feedback-forward" not in detail
    forward = client.post(_item_url(item, "forward"), {"agency": agency.pk})
    assert forward.status_code == 302  # Wagtail answers "no permission" this way
    assert client.get("/admin/feedback/add/").status_code == 302
    item.refresh_from_db()
    assert item.status == Feedback.Status.RECEIVED


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.TECHNICIAN])
def test_other_roles_do_not_see_feedback(client, item, role):
    client.force_login(user("someone", role))
    assert client.get(QUEUE).status_code == 302
    assert client.get(_item_url(item)).status_code == 302


def test_administrators_handle_feedback(client, item):
    client.force_login(user("admin", Role.ADMINISTRATOR))
    client.post(_item_url(item, "close"), {"note": "thư rác"})
    item.refresh_from_db()
    assert item.status == Feedback.Status.CLOSED


@pytest.mark.parametrize(
    ("role", "shown"),
    [(Role.SECRETARIAT, True), (Role.INSPECTOR, True), (Role.OPERATOR, False)],
)
def test_the_menu_item_shows_for_the_roles_that_may_read_feedback(client, role, shown):
    client.force_login(user("someone", role))
    home = client.get("/admin/").content.decode()
    # The sidebar menu is JSON inside the page.
    assert (json.dumps("Góp ý của người dân")[1:-1] in home) is shown
    assert ("/admin/feedback/" in home) is shown
