"""Window arithmetic: exact minutes, merging, midnight, coverage."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from cms.broadcasting.windows import (
    Window,
    WindowError,
    merge,
    minutes_within,
    total_minutes,
    uncovered,
)


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def w(start: str, end: str) -> Window:
    return Window.from_times(t(start), t(end))


def test_a_window_counts_its_minutes_exactly():
    assert w("07:30", "11:00").minutes == 210
    assert w("07:00", "07:01").minutes == 1
    assert w("23:59", "00:00").minutes == 1


def test_an_end_of_midnight_closes_the_day():
    window = w("22:00", "00:00")
    assert (window.start, window.end) == (22 * 60, 1440)
    assert str(window) == "22:00–24:00"
    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    day = dt.date(2027, 2, 6)
    assert window.start_at(day, tz) == dt.datetime(2027, 2, 6, 22, tzinfo=tz)
    assert window.end_at(day, tz) == dt.datetime(2027, 2, 7, 0, tzinfo=tz)


def test_a_window_past_midnight_is_refused_saying_how_to_split_it():
    with pytest.raises(WindowError) as err:
        w("22:00", "02:00")
    assert "22:00–02:00" in str(err.value)
    assert "00:00" in str(err.value)


def test_an_empty_window_is_refused():
    with pytest.raises(WindowError, match="07:00–07:00"):
        w("07:00", "07:00")


def test_seconds_are_refused_because_airtime_is_in_whole_minutes():
    with pytest.raises(WindowError, match="07:00:30"):
        Window.from_times(t("07:00:30"), t("08:00"))


@pytest.mark.parametrize(
    "windows, merged",
    [
        # Overlapping windows join.
        ([("07:00", "09:00"), ("08:00", "10:00")], [("07:00", "10:00")]),
        # Touching windows join.
        ([("07:00", "09:00"), ("09:00", "10:00")], [("07:00", "10:00")]),
        # One minute apart stays apart.
        (
            [("09:01", "10:00"), ("07:00", "09:00")],
            [("07:00", "09:00"), ("09:01", "10:00")],
        ),
        # A window inside another disappears.
        ([("07:00", "12:00"), ("08:00", "09:00")], [("07:00", "12:00")]),
    ],
)
def test_merge_joins_overlapping_and_touching_windows(windows, merged):
    result = merge(w(a, b) for a, b in windows)
    assert result == [w(a, b) for a, b in merged]


def test_total_counts_an_overlapping_minute_once():
    assert total_minutes([w("07:00", "09:00"), w("08:00", "10:00")]) == 180
    assert total_minutes([]) == 0


def test_minutes_within_a_span_cut_at_its_edges():
    morning = Window(0, 12 * 60)
    assert minutes_within([w("10:00", "14:00")], morning) == 120
    assert minutes_within([w("12:00", "14:00")], morning) == 0
    assert minutes_within([w("11:59", "14:00")], morning) == 1


def test_uncovered_names_each_gap_of_a_required_window():
    required = w("07:30", "11:00")
    assert uncovered([w("07:30", "11:00")], required) == []
    assert uncovered([w("07:00", "12:00")], required) == []
    assert uncovered([w("07:31", "11:00")], required) == [w("07:30", "07:31")]
    assert uncovered([w("07:30", "09:00"), w("09:30", "10:59")], required) == [
        w("09:00", "09:30"),
        w("10:59", "11:00"),
    ]
    assert uncovered([w("13:00", "14:00")], required) == [required]
