"""The province calendar screen and the special days on a policy's check."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from cms.broadcasting.days import DayType
from cms.broadcasting.models import CalendarDay
from cms.editorial.models import Role

from .factories import policy_make, user

pytestmark = pytest.mark.django_db
URLS = "wagtailsnippets_broadcasting_calendarday"
POLICY_URLS = "wagtailsnippets_broadcasting_airtimepolicy"


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def day_data(date: dt.date, day_type=DayType.HOLIDAY, name="Nghỉ bù"):
    return {"date": date.isoformat(), "day_type": day_type, "name": name}


def test_the_head_of_board_adds_a_province_day_once(client):
    client.force_login(user("head", Role.HEAD))
    add = reverse(f"{URLS}:add")
    assert client.post(add, day_data(dt.date(2027, 4, 30))).status_code == 302
    again = client.post(add, day_data(dt.date(2027, 4, 30), name="Lần hai"))
    assert again.status_code == 200
    assert "Ngày này đã có trong lịch của tỉnh; hãy sửa mục đó." in (
        again.content.decode()
    )
    assert CalendarDay.objects.get().name == "Nghỉ bù"


def test_an_inspector_reads_the_calendar_but_cannot_add_to_it(client):
    client.force_login(user("inspector", Role.INSPECTOR))
    assert client.get(reverse(f"{URLS}:list")).status_code == 200
    client.post(reverse(f"{URLS}:add"), day_data(dt.date(2027, 4, 30)))
    assert not CalendarDay.objects.exists()


def test_the_check_lists_a_coming_province_holiday_with_its_shortfall(client):
    client.force_login(user("head", Role.HEAD))
    policy = policy_make(
        regulation="an_giang",
        windows={
            (DayType.WORKING, DayType.WEEKEND): [
                ("07:00", "11:00"),
                ("14:00", "18:00"),
            ],
            DayType.HOLIDAY: [("07:00", "11:00")],
        },
    )
    soon = timezone.localdate() + dt.timedelta(days=10)
    CalendarDay.objects.create(date=soon, day_type=DayType.HOLIDAY, name="Lễ hội")
    page = client.get(reverse(f"{POLICY_URLS}:edit", args=[policy.pk]))
    label = f"{soon:%d/%m/%Y} (Lễ hội): 4 giờ phát sóng, quy định tối thiểu 8 giờ"
    assert label in page.content.decode()
