"""The planner on plain data: loop order, frequency, validity, the advertising
cap and planned airtime, at each boundary."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from cms.broadcasting.days import DayInfo, DayType
from cms.broadcasting.playlists.planner import (
    Candidate,
    Entry,
    PlanDay,
    RenditionState,
    day_plan,
)
from cms.broadcasting.regulations import (
    AdvertisingCap,
    Regulation,
    advertising_cap,
    day_rule,
)
from cms.broadcasting.windows import Window

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = dt.date(2026, 12, 7)
KON_TUM = [Window(7 * 60, 10 * 60), Window(17 * 60, 20 * 60)]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def at(day: dt.date, clock: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(clock), TZ)


def programme(pk, *, seconds=30.0, ads=False, status="done", **changes):
    values = dict(
        programme_id=pk,
        title=f"P{pk}",
        advertising=ads,
        approved=True,
        targeted=True,
        valid_from=None,
        valid_to=None,
        rendition=RenditionState(status, duration_s=seconds),
    )
    return Candidate(**(values | changes))


def plan_day(windows=KON_TUM, *, day=DAY, rule=None, cap=None, day_type="working"):
    info = DayInfo(day, day_type)
    return PlanDay(info, "label", TZ, windows, rule=rule, cap=cap)


def plan(candidates, playlist=None, **day):
    return day_plan(day=plan_day(**day), candidates=candidates, playlist=playlist)


def ids(result):
    return [item.programme_id for item in result.loop]


def test_without_a_playlist_every_approved_targeted_programme_plays_once_in_order():
    result = plan(
        [
            programme(3),
            programme(2, approved=False),
            programme(1, targeted=False),
            programme(4),
        ]
    )

    assert ids(result) == [3, 4]
    assert result.planned_minutes == 6 * 60
    assert result.warnings == []


def test_a_playlist_sets_order_and_frequency_spread_over_the_loop():
    candidates = [programme(1), programme(2), programme(3)]
    playlist = [Entry(3, plays=1), Entry(1, plays=3), Entry(2, plays=2)]

    assert ids(plan(candidates, playlist)) == [3, 1, 2, 1, 2, 1]


def test_a_programme_approved_but_left_out_of_the_playlist_is_named():
    result = plan([programme(1), programme(2)], [Entry(1)])

    assert ids(result) == [1]
    assert result.warnings == [
        "“P2” is approved for this face but not in its playlist, so it does not "
        "play; add it to the playlist."
    ]


def test_playlist_entries_not_approved_or_not_targeted_are_skipped_and_named():
    result = plan(
        [programme(1, approved=False), programme(2, targeted=False), programme(3)],
        [Entry(1), Entry(2), Entry(3)],
    )

    assert ids(result) == [3]
    assert "“P1” is in the playlist but not approved" in result.warnings[0]
    assert (
        "“P2” is in the playlist but not targeted at this face" in (result.warnings[1])
    )


def test_an_entrys_date_range_includes_its_first_and_last_day():
    entry = Entry(1, starts_on=DAY, ends_on=DAY + dt.timedelta(days=2))
    days = [DAY - dt.timedelta(days=1), DAY, DAY + dt.timedelta(days=2)]
    days.append(DAY + dt.timedelta(days=3))

    loops = [ids(plan([programme(1)], [entry], day=day)) for day in days]

    assert loops == [[], [1], [1], []]


def test_validity_from_the_first_windows_opening_counts_that_day():
    first = programme(1, valid_from=at(DAY, "07:00"))
    late = programme(2, valid_from=at(DAY, "07:01"))

    result = plan([first, late])

    assert ids(result) == [1]
    assert result.warnings == [
        "“P2” is shown only from 07:01 07/12/2026 to —, part of this day's "
        "airtime; it is left out of the day's loop."
    ]
    assert ids(plan([late], day=DAY + dt.timedelta(days=1))) == [2]


def test_validity_to_the_last_windows_close_counts_that_day_and_not_the_next():
    until_close = programme(1, valid_to=at(DAY, "20:00"))
    early = programme(2, valid_to=at(DAY, "19:59"))

    assert ids(plan([until_close, early])) == [1]
    assert ids(plan([until_close], day=DAY + dt.timedelta(days=1))) == []


def test_a_window_ending_at_midnight_needs_validity_to_the_next_days_0000():
    windows = [Window(20 * 60, 24 * 60)]
    to_midnight = programme(1, valid_to=at(DAY + dt.timedelta(days=1), "00:00"))
    before = programme(2, valid_to=at(DAY, "23:59"))

    result = plan([to_midnight, before], windows=windows)

    assert ids(result) == [1]
    assert result.planned_minutes == 240


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("failed", "The rendition of “P1” for this face failed (bad frame)"),
        ("running", "“P1” is still being transcoded for this face (40%)"),
        ("queued", "“P1” is still being transcoded for this face (40%)"),
        ("missing", "“P1” has no rendition for this face"),
    ],
)
def test_a_programme_without_a_finished_rendition_is_left_out_and_named(status, words):
    state = RenditionState(status, progress=40, error="bad frame")
    result = plan([programme(1, rendition=state), programme(2)])

    assert ids(result) == [2]
    assert result.warnings[0].startswith(words)


def test_an_empty_loop_plans_no_airtime_and_says_the_face_stays_black():
    result = plan(
        [programme(1, status="failed")],
        rule=day_rule(Regulation.KON_TUM, DayType.WORKING),
    )

    assert result.loop == []
    assert result.planned_minutes == 0
    assert result.required_minutes == 360
    assert result.short
    assert (
        "Nothing approved and ready to play: the face stays black for its 6 h of "
        "airtime." in result.warnings
    )


def test_planned_minutes_are_the_windows_when_the_loop_plays():
    result = plan([programme(1)], rule=day_rule(Regulation.KON_TUM, "working"))

    assert (result.planned_minutes, result.required_minutes) == (360, 360)
    assert not result.short


def test_windows_shorter_than_the_regulation_are_named_with_the_article():
    result = plan(
        [programme(1)],
        windows=[Window(7 * 60, 10 * 60), Window(17 * 60, 19 * 60 + 59)],
        rule=day_rule(Regulation.KON_TUM, "working"),
    )

    assert result.planned_minutes == 359
    assert result.short
    assert any("5 h 59 min on air" in w and "Art. 6.1" in w for w in result.warnings)


CAP = AdvertisingCap(10, "Art. 6.3")


def test_advertising_exactly_at_the_cap_stays_in_the_loop():
    loop = [programme(1, seconds=90), programme(2, seconds=10, ads=True)]

    result = plan(loop, cap=CAP)

    assert ids(result) == [1, 2]
    assert result.warnings == []


def test_advertising_just_over_the_cap_is_left_out_and_said():
    loop = [programme(1, seconds=89.9), programme(2, seconds=10, ads=True)]

    result = plan(loop, cap=CAP)

    assert ids(result) == [1]
    assert result.warnings == [
        "Advertising would take 10.0% of the loop, over the cap of 10% "
        "(Art. 6.3); 1 advertising play was left out: “P2”."
    ]


def test_the_cap_drops_advertising_plays_from_the_end_until_within_it():
    candidates = [programme(1, seconds=60), programme(2, seconds=10, ads=True)]
    playlist = [Entry(1, plays=2), Entry(2, plays=3)]

    result = plan(candidates, playlist, cap=CAP)

    # 30 s of ads in 150 s is 20 %; without one 20/140 ≈ 14 %, two 10/130 ≈ 8 %.
    assert ids(result) == [1, 2, 1]
    assert "2 advertising plays were left out: “P2”" in result.warnings[0]


def test_a_loop_of_advertising_only_under_a_cap_is_empty():
    result = plan([programme(1, ads=True)], cap=CAP)

    assert result.loop == []
    assert result.planned_minutes == 0


def test_kon_tums_regulation_caps_advertising_at_ten_percent_others_set_none():
    assert advertising_cap(Regulation.KON_TUM).percent == 10
    assert "Art. 6.3" in str(advertising_cap(Regulation.KON_TUM).article)
    assert advertising_cap(Regulation.CAO_BANG) is None
    assert advertising_cap(Regulation.AN_GIANG) is None
    assert advertising_cap("") is None


def test_a_cluster_without_a_policy_has_no_airtime_and_is_told_so():
    day = PlanDay(DayInfo(DAY, "working"), "label", TZ, [], has_policy=False)

    result = day_plan(day=day, candidates=[programme(1)], playlist=None)

    assert result.planned_minutes == 0
    assert "follows no airtime policy" in result.warnings[0]
