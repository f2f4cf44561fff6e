"""Day types from Viet Nam's calendar (holidays package) and the province's."""

import datetime as dt

import pytest
from django.utils import translation

from cms.broadcasting.days import DayCalendar, DayType
from cms.broadcasting.models import CalendarDay
from cms.broadcasting.selectors import province_calendar

D = dt.date


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.mark.parametrize(
    "day, day_type",
    [
        (D(2027, 2, 3), DayType.WORKING),  # Wednesday before Tết
        (D(2027, 2, 4), DayType.HOLIDAY),  # 29 Tết, the library's first day off
        (D(2027, 2, 6), DayType.HOLIDAY),  # Tết Nguyên Đán, a Saturday
        (D(2027, 2, 7), DayType.HOLIDAY),  # second day of Tết, a Sunday
        (D(2027, 2, 10), DayType.HOLIDAY),  # fifth day of Tết, its last day off
        (D(2027, 2, 11), DayType.WORKING),  # Thursday after Tết
        (D(2027, 2, 13), DayType.WEEKEND),  # the Saturday after
    ],
)
def test_tet_2027_runs_from_4_to_10_february(day, day_type):
    assert DayCalendar().day_type(day) == day_type


def test_a_weekend_day_that_is_tet_counts_as_a_holiday_by_its_name():
    info = DayCalendar().day_info(D(2027, 2, 6))
    assert info.date.weekday() == 5
    assert (info.day_type, info.reason) == (DayType.HOLIDAY, "Tết Nguyên Đán")


def test_a_holiday_on_a_sunday_gives_a_substitute_day_off_on_monday():
    calendar = DayCalendar()
    # Hùng Kings' day 2026 falls on Sunday 26 April: Monday 27 is the day off.
    assert calendar.day_type(D(2026, 4, 26)) == DayType.HOLIDAY
    monday = calendar.day_info(D(2026, 4, 27))
    assert monday.day_type == DayType.HOLIDAY
    assert monday.reason == "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"
    assert calendar.day_type(D(2026, 4, 28)) == DayType.WORKING


def test_the_governments_swapped_saturday_is_a_working_day():
    calendar = DayCalendar()
    # 2026: Monday 31 August off, worked back on Saturday 22 August.
    assert calendar.day_type(D(2026, 8, 31)) == DayType.HOLIDAY
    assert calendar.day_type(D(2026, 8, 22)) == DayType.WORKING
    assert calendar.day_type(D(2026, 8, 29)) == DayType.WEEKEND


def test_a_swap_across_new_year_is_known_in_the_later_year():
    # 31 Dec 2018 off, worked back on Saturday 5 January 2019.
    assert DayCalendar().day_type(D(2019, 1, 5)) == DayType.WORKING


@pytest.mark.django_db
def test_the_province_calendar_overrides_the_national_one():
    CalendarDay.objects.create(
        date=D(2027, 2, 10), day_type=DayType.WORKING, name="Làm bù mùng 5 Tết"
    )
    CalendarDay.objects.create(
        date=D(2027, 2, 12), day_type=DayType.HOLIDAY, name="Nghỉ bù mùng 5 Tết"
    )
    calendar = province_calendar(start=D(2027, 2, 1), end=D(2027, 2, 28))
    worked = calendar.day_info(D(2027, 2, 10))
    assert (worked.day_type, worked.by_province) == (DayType.WORKING, True)
    off = calendar.day_info(D(2027, 2, 12))
    assert (off.day_type, off.reason) == (DayType.HOLIDAY, "Nghỉ bù mùng 5 Tết")
    # Days the province did not decide keep the national type.
    assert calendar.day_type(D(2027, 2, 9)) == DayType.HOLIDAY
    assert calendar.day_type(D(2027, 2, 11)) == DayType.WORKING


@pytest.mark.django_db
def test_a_province_calendar_refuses_dates_it_did_not_read():
    CalendarDay.objects.create(
        date=D(2027, 3, 1), day_type=DayType.HOLIDAY, name="Ngày lễ tỉnh"
    )
    calendar = province_calendar(start=D(2027, 2, 1), end=D(2027, 2, 28))
    assert calendar.day_type(D(2027, 2, 28)) == DayType.WEEKEND
    with pytest.raises(ValueError, match="2027-03-01 is outside"):
        calendar.day_type(D(2027, 3, 1))
