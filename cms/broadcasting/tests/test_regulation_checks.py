"""Policies against the Kon Tum, Cao Bằng and An Giang airtime articles."""

import datetime as dt

import pytest
from django.utils import translation

from cms.broadcasting.days import DayType
from cms.broadcasting.models import AirtimePolicy, CalendarDay
from cms.broadcasting.regulations import Regulation
from cms.broadcasting.selectors import (
    policy_check,
    policy_days,
    province_calendar,
)

from .factories import ALL_DAYS, policy_make

pytestmark = pytest.mark.django_db
D = dt.date
WORKING, WEEKEND, HOLIDAY = DayType.WORKING, DayType.WEEKEND, DayType.HOLIDAY
TET_2027 = D(2027, 2, 6)  # a Saturday
HUNG_KINGS_OBSERVED_2026 = D(2026, 4, 27)  # Monday off for Sunday's holiday


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def kinds(policy) -> list[tuple[str, str]]:
    return [(s.day, s.kind) for s in policy_check(policy=policy)]


def day(policy, date):
    return policy_days(policy=policy, start=date, end=date)[0]


@pytest.mark.parametrize("regulation", Regulation.values)
def test_each_provinces_preset_meets_its_regulation_every_day_of_2026_and_2027(
    regulation,
):
    policy = AirtimePolicy.objects.prefetch_related("windows").get(
        regulation=regulation
    )
    assert policy_check(policy=policy) == []
    days = policy_days(policy=policy, start=D(2026, 1, 1), end=D(2027, 12, 31))
    assert len(days) == 730
    assert [d.label for d in days if d.shortfalls] == []


# Kon Tum, Art. 6.1: at least 6 h, 3 h in the morning and 3 h after noon.


def test_kon_tum_six_hours_exactly_passes():
    policy = policy_make(
        regulation=Regulation.KON_TUM,
        windows={ALL_DAYS: [("09:00", "12:00"), ("12:00", "15:00")]},
    )
    assert policy_check(policy=policy) == []


def test_kon_tum_five_hours_59_fails_with_the_article():
    policy = policy_make(
        regulation=Regulation.KON_TUM,
        windows={ALL_DAYS: [("09:00", "12:00"), ("12:00", "14:59")]},
    )
    found = policy_check(policy=policy)
    assert [(s.kind, s.actual, s.expected) for s in found[:2]] == [
        ("minimum", 359, 360),
        ("part", 179, 180),
    ]
    assert found[0].message == (
        "Ngày làm việc: 5 giờ 59 phút phát sóng, quy định tối thiểu 6 giờ "
        "(Quyết định 03/2024/QĐ-UBND tỉnh Kon Tum, Điều 6 khoản 1)."
    )
    assert found[1].message == (
        "Ngày làm việc: 2 giờ 59 phút phát sóng buổi chiều, tối (từ 12:00), "
        "quy định tối thiểu 3 giờ "
        "(Quyết định 03/2024/QĐ-UBND tỉnh Kon Tum, Điều 6 khoản 1)."
    )
    assert len(found) == 6  # both shortfalls on each of the three day types


def test_kon_tum_morning_ends_at_noon_to_the_minute():
    ok = policy_make(
        regulation=Regulation.KON_TUM,
        windows={ALL_DAYS: [("09:00", "12:00"), ("17:00", "20:00")]},
    )
    assert policy_check(policy=ok) == []
    late = policy_make(
        name="late",
        regulation=Regulation.KON_TUM,
        windows={ALL_DAYS: [("09:01", "12:01"), ("17:00", "20:00")]},
    )
    found = policy_check(policy=late)
    assert {(s.kind, s.actual) for s in found} == {("part", 179)}
    assert "buổi sáng (trước 12:00)" in found[0].message


# Cao Bằng, Art. 8.1: (a) working days 07:30–11:00 and 13:30–18:00;
# (b) weekends and holidays 8 to 10 h.


def cao_bang(working, day_off, name="Cao Bằng thử"):
    return policy_make(
        name=name,
        regulation=Regulation.CAO_BANG,
        windows={WORKING: working, (WEEKEND, HOLIDAY): day_off},
    )


CAO_BANG_HOURS = [("07:30", "11:00"), ("13:30", "18:00")]


def test_cao_bang_working_day_must_cover_its_fixed_hours_to_the_minute():
    late = cao_bang([("07:31", "11:00"), ("13:30", "18:00")], CAO_BANG_HOURS)
    found = policy_check(policy=late)
    assert [(s.day, s.kind, s.actual) for s in found] == [
        ("Ngày làm việc", "minimum", 479),
        ("Ngày làm việc", "required", 209),
    ]
    assert found[1].message == (
        "Ngày làm việc: không phát sóng 07:30–07:31, trong khi quy định phải phát "
        "07:30–11:00 (Quyết định 31/2020/QĐ-UBND tỉnh Cao Bằng, Điều 8 khoản 1 "
        "điểm a)."
    )


def test_cao_bang_working_day_needs_the_hours_not_just_eight_of_them():
    shifted = cao_bang([("08:00", "12:00"), ("14:00", "18:00")], CAO_BANG_HOURS)
    found = policy_check(policy=shifted)
    assert [(s.kind, s.actual) for s in found] == [("required", 180), ("required", 240)]


@pytest.mark.parametrize(
    "day_off, expected",
    [
        ([("07:00", "11:00"), ("13:00", "17:00")], []),  # 8 h
        ([("07:00", "11:00"), ("13:00", "16:59")], [("minimum", 479)]),
        ([("07:00", "12:00"), ("13:00", "18:00")], []),  # 10 h
        ([("07:00", "12:00"), ("13:00", "18:01")], [("maximum", 601)]),
    ],
)
def test_cao_bang_weekends_and_holidays_run_8_to_10_hours(day_off, expected):
    policy = cao_bang(CAO_BANG_HOURS, day_off)
    found = [(s.kind, s.actual) for s in policy_check(policy=policy)]
    assert found == expected * 2  # weekend and holiday


def test_cao_bang_tet_day_short_names_the_date_and_the_article():
    policy = policy_make(
        regulation=Regulation.CAO_BANG,
        windows={
            (WORKING, WEEKEND): CAO_BANG_HOURS,
            HOLIDAY: [("08:00", "11:00"), ("14:30", "18:00")],
        },
    )
    tet = day(policy, TET_2027)
    assert [s.message for s in tet.shortfalls] == [
        "Thứ Bảy 06/02/2027 (Tết Nguyên Đán): 6 giờ 30 phút phát sóng, quy định "
        "tối thiểu 8 giờ (Quyết định 31/2020/QĐ-UBND tỉnh Cao Bằng, Điều 8 khoản 1 "
        "điểm b)."
    ]
    # The Saturday after Tết is an ordinary weekend and meets the rule.
    assert day(policy, D(2027, 2, 13)).shortfalls == []


# An Giang, Art. 4.3: 07:00–11:00 and 14:00–18:00 every day, holidays included.


def test_an_giang_holds_on_a_substitute_holiday_too():
    policy = policy_make(
        regulation=Regulation.AN_GIANG,
        windows={
            (WORKING, WEEKEND): [("07:00", "11:00"), ("14:00", "18:00")],
            HOLIDAY: [("07:00", "11:00")],
        },
    )
    observed = day(policy, HUNG_KINGS_OBSERVED_2026)
    assert observed.required == 480
    assert [s.kind for s in observed.shortfalls] == ["minimum", "required"]
    assert observed.shortfalls[1].message == (
        "Thứ Hai 27/04/2026 (Ngày Giỗ Tổ Hùng Vương (nghỉ bù)): không phát sóng "
        "14:00–18:00, trong khi quy định phải phát 14:00–18:00 (Quyết định "
        "22/2024/QĐ-UBND tỉnh An Giang, Điều 4 khoản 3)."
    )
    assert day(policy, D(2026, 4, 28)).shortfalls == []


def test_a_province_holiday_is_checked_with_the_holiday_windows():
    policy = policy_make(
        regulation=Regulation.AN_GIANG,
        windows={
            (WORKING, WEEKEND): [("07:00", "11:00"), ("14:00", "18:00")],
            HOLIDAY: [("07:00", "11:00")],
        },
    )
    tuesday = D(2026, 12, 8)
    assert day(policy, tuesday).shortfalls == []
    CalendarDay.objects.create(date=tuesday, day_type=HOLIDAY, name="Lễ hội tỉnh")
    found = day(policy, tuesday).shortfalls
    assert found[0].day == "Thứ Ba 08/12/2026 (Lễ hội tỉnh)"


def test_required_minimum_by_regulation_and_day_type():
    calendar = province_calendar(start=D(2027, 2, 1), end=D(2027, 2, 28))
    presets = {
        p.regulation: p for p in AirtimePolicy.objects.prefetch_related("windows")
    }
    wednesday = D(2027, 2, 3)
    assert presets["kon_tum"].required_minimum(TET_2027, calendar) == 360
    assert presets["cao_bang"].required_minimum(wednesday, calendar) == 480
    assert presets["an_giang"].required_minimum(TET_2027, calendar) == 480
    free = policy_make(regulation="", windows={ALL_DAYS: [("07:00", "08:00")]})
    assert free.required_minimum(TET_2027, calendar) is None
    assert policy_check(policy=free) == []


def test_airtime_on_a_date_follows_its_day_type():
    policy = cao_bang(CAO_BANG_HOURS, [("06:00", "12:00"), ("12:00", "16:00")])
    calendar = province_calendar(start=D(2027, 2, 1), end=D(2027, 2, 28))
    assert [str(w) for w in policy.airtime_on(D(2027, 2, 3), calendar)] == [
        "07:30–11:00",
        "13:30–18:00",
    ]
    # Touching windows come back merged.
    assert [str(w) for w in policy.airtime_on(TET_2027, calendar)] == ["06:00–16:00"]
