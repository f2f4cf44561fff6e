"""The admin dashboard: agencies × periods, the month's summary, CSV, access."""

import json

import pytest
from django.urls import reverse
from freezegun import freeze_time

from cms.obligations.errors import ObligationError
from cms.obligations.models import Obligation
from cms.obligations.services import obligation_create_from_preset

from .submissions import local, page_submitted

pytestmark = pytest.mark.django_db
URL = "/admin/obligations/compliance/"


@pytest.fixture
def duties(world):
    border = obligation_create_from_preset(
        agency=world.border, preset="kon_tum_monthly_15"
    )
    radio = obligation_create_from_preset(
        agency=world.radio, preset="cao_bang_monthly_programme"
    )
    return border, radio


def test_presets_carry_the_regulation_duties(world):
    lao_cai = obligation_create_from_preset(
        agency=world.radio, preset="lao_cai_monthly_20"
    )
    quarterly = obligation_create_from_preset(
        agency=world.border, preset="kon_tum_quarterly_15"
    )
    assert (lao_cai.due_day, lao_cai.recurrence, lao_cai.regulation) == (
        20,
        "monthly",
        "Lào Cai Art. 12.2",
    )
    assert (quarterly.recurrence, quarterly.counts) == ("quarterly", "programmes")
    assert quarterly.name == "Video hoàn thiện trước ngày 15 tháng cuối quý"
    again = obligation_create_from_preset(
        agency=world.border, preset="kon_tum_quarterly_15"
    )
    assert again == quarterly
    with pytest.raises(ObligationError, match='"weekly".*kon_tum_monthly_15'):
        obligation_create_from_preset(agency=world.border, preset="weekly")


def test_dashboard_shows_last_and_current_period_per_agency(world, duties, client):
    border, radio = duties
    page_submitted(world, local(2026, 11, 14, 9))
    client.force_login(world.users["admin"])
    with freeze_time(local(2026, 12, 6, 10)):
        response = client.get(URL, HTTP_ACCEPT_LANGUAGE="vi")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tình hình gửi tin bài" in html
    rows = {r["obligation"]: r for r in response.context["rows"]}
    assert rows[border]["last"].status == "on_time"
    assert rows[border]["current"].status == "pending"
    assert rows[radio]["last"].status == "missing"
    assert "Đúng hạn" in html and "Thiếu" in html and "Chưa đến hạn" in html
    # The summary defaults to last month.
    assert [s.obligation for s in response.context["summary"]] == [border, radio]


def test_summary_csv_download_for_a_chosen_month(world, duties, client):
    page_submitted(world, local(2026, 11, 16, 0, 0))
    client.force_login(world.users["admin"])
    with freeze_time(local(2026, 12, 6)):
        response = client.get(URL, {"month": "2026-11", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "2026-11-15,Trễ hạn,0,1,1" in text
    assert "2026-11-30,Thiếu,0,0,1" in text


def test_a_bad_month_is_named_and_the_default_shown(world, duties, client):
    client.force_login(world.users["admin"])
    with freeze_time(local(2026, 12, 6)):
        response = client.get(URL, {"month": "11/2026"})
    assert "“11/2026” không phải là một tháng" in response.content.decode()
    assert response.context["month"].isoformat() == "2026-11-01"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("admin", True),
        ("head", True),
        ("secretary", True),
        ("inspector", True),
        ("provider", False),
        ("translator", False),
        ("operator", False),
        ("technician", False),
    ],
)
def test_the_board_and_inspectors_open_the_dashboard(world, client, role, allowed):
    client.force_login(world.users[role])
    response = client.get(URL)
    assert response.status_code == (200 if allowed else 302)


def test_the_head_of_board_adds_an_obligation_and_the_inspector_cannot(world, client):
    url = reverse("wagtailsnippets_obligations_obligation:add")
    client.force_login(world.users["inspector"])
    assert client.get(url).status_code == 302
    client.force_login(world.users["head"])
    response = client.post(
        url,
        {
            "agency": world.radio.pk,
            "name": "Ít nhất 01 chương trình/tháng",
            "recurrence": "monthly",
            "due_day": "31",
            "min_items": "1",
            "counts": "programmes",
            "reminder_days": "3",
            "regulation": "Cao Bằng Art. 13",
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert Obligation.objects.get().agency == world.radio


def _escaped(text: str) -> str:
    # The sidebar menu is JSON inside the page.
    return json.dumps(text)[1:-1]


def test_menu_items_in_vietnamese_for_the_administrator_not_for_providers(
    world, client
):
    client.force_login(world.users["admin"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert _escaped("Tình hình gửi tin bài") in html
    assert _escaped("Nghĩa vụ cung cấp thông tin") in html
    client.force_login(world.users["provider"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "/admin/obligations/compliance/" not in html
