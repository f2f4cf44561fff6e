"""Due dates and the periods they cover, across month, quarter and year ends."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from cms.obligations import duedates
from cms.obligations.duedates import MONTHLY, QUARTERLY

D = dt.date


@pytest.mark.parametrize(
    ("year", "month", "due"),
    [
        (2026, 1, D(2026, 1, 31)),  # 31 days
        (2026, 2, D(2026, 2, 28)),  # 28 days: day 31 clamps
        (2028, 2, D(2028, 2, 29)),  # leap year
        (2026, 4, D(2026, 4, 30)),  # 30 days
        (2100, 2, D(2100, 2, 28)),  # century, not a leap year
    ],
)
def test_due_day_31_clamps_to_the_months_last_day(year, month, due):
    period = duedates.period_containing(
        recurrence=MONTHLY, due_day=31, day=D(year, month, 10)
    )
    assert period.due == due
    assert period.end == due
    assert period.start == D(year, month, 1)


def test_due_day_30_in_february_clamps_and_in_march_does_not():
    feb = duedates.period_containing(recurrence=MONTHLY, due_day=30, day=D(2027, 2, 1))
    mar = duedates.period_containing(recurrence=MONTHLY, due_day=30, day=D(2027, 3, 1))
    assert (feb.due, mar.due) == (D(2027, 2, 28), D(2027, 3, 30))


def test_monthly_period_is_the_calendar_month_with_due_day_in_it():
    period = duedates.period_containing(
        recurrence=MONTHLY, due_day=15, day=D(2026, 3, 31)
    )
    assert period == duedates.Period(D(2026, 3, 1), D(2026, 3, 31), D(2026, 3, 15))


@pytest.mark.parametrize(
    ("day", "start", "end", "due"),
    [
        (D(2026, 1, 1), D(2026, 1, 1), D(2026, 3, 31), D(2026, 3, 15)),
        (D(2026, 3, 31), D(2026, 1, 1), D(2026, 3, 31), D(2026, 3, 15)),
        (D(2026, 4, 1), D(2026, 4, 1), D(2026, 6, 30), D(2026, 6, 15)),
        (D(2026, 8, 20), D(2026, 7, 1), D(2026, 9, 30), D(2026, 9, 15)),
        (D(2026, 12, 31), D(2026, 10, 1), D(2026, 12, 31), D(2026, 12, 15)),
    ],
)
def test_quarter_is_due_on_the_15th_of_its_last_month(day, start, end, due):
    period = duedates.period_containing(recurrence=QUARTERLY, due_day=15, day=day)
    assert (period.start, period.end, period.due) == (start, end, due)


def test_quarterly_due_day_31_clamps_in_june_and_september():
    dues = [
        duedates.period_containing(
            recurrence=QUARTERLY, due_day=31, day=D(2026, m, 1)
        ).due
        for m in (1, 4, 7, 10)
    ]
    assert dues == [D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31)]


def test_shifting_across_the_year_end_both_ways():
    december = duedates.period_containing(
        recurrence=MONTHLY, due_day=20, day=D(2026, 12, 5)
    )
    january = duedates.period_shift(
        recurrence=MONTHLY, due_day=20, period=december, by=1
    )
    assert january.due == D(2027, 1, 20)
    back = duedates.period_shift(recurrence=MONTHLY, due_day=20, period=january, by=-1)
    assert back == december
    q1 = duedates.period_containing(recurrence=QUARTERLY, due_day=15, day=D(2027, 2, 1))
    q4 = duedates.period_shift(recurrence=QUARTERLY, due_day=15, period=q1, by=-1)
    assert (q4.start, q4.due) == (D(2026, 10, 1), D(2026, 12, 15))


def test_a_due_date_on_a_weekend_stays_where_the_regulation_puts_it():
    # 15 March 2026 is a Sunday; no regulation moves it, so neither do we.
    period = duedates.period_containing(
        recurrence=MONTHLY, due_day=15, day=D(2026, 3, 2)
    )
    assert period.due == D(2026, 3, 15)
    assert period.due.weekday() == 6


def test_the_deadline_is_the_end_of_the_due_day_in_local_time():
    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    end = duedates.day_end(D(2026, 3, 15), tz)
    assert end == dt.datetime(2026, 3, 16, tzinfo=tz)
    assert end.astimezone(dt.UTC) == dt.datetime(2026, 3, 15, 17, tzinfo=dt.UTC)


def test_an_unknown_recurrence_is_named():
    with pytest.raises(ValueError, match="'weekly'"):
        duedates.period_containing(recurrence="weekly", due_day=1, day=D(2026, 1, 1))
