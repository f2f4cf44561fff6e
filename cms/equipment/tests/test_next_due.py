"""Next inspection dates: days and months, month ends, leap years, overdue."""

import datetime as dt

import pytest

from cms.equipment.schedule import interval_after, is_overdue, next_due

D = dt.date


@pytest.mark.parametrize(
    ("start", "every", "unit", "due"),
    [
        (D(2026, 1, 1), 30, "days", D(2026, 1, 31)),
        (D(2027, 2, 28), 1, "days", D(2027, 3, 1)),
        (D(2028, 2, 28), 1, "days", D(2028, 2, 29)),  # leap day exists
        (D(2026, 12, 31), 1, "days", D(2027, 1, 1)),  # year end
        (D(2026, 1, 15), 1, "months", D(2026, 2, 15)),
        (D(2026, 1, 31), 1, "months", D(2026, 2, 28)),  # shorter month: its last day
        (D(2028, 1, 31), 1, "months", D(2028, 2, 29)),  # leap year
        (D(2026, 3, 31), 1, "months", D(2026, 4, 30)),
        (D(2026, 4, 30), 1, "months", D(2026, 5, 30)),  # not moved to the 31st
        (D(2026, 8, 31), 6, "months", D(2027, 2, 28)),
        (D(2027, 8, 31), 6, "months", D(2028, 2, 29)),
        (D(2028, 2, 29), 12, "months", D(2029, 2, 28)),  # from a leap day
        (D(2026, 12, 15), 1, "months", D(2027, 1, 15)),  # year end
        (D(2026, 11, 30), 3, "months", D(2027, 2, 28)),
    ],
)
def test_interval_after(start, every, unit, due):
    assert interval_after(start, every=every, unit=unit) == due


def test_the_next_date_counts_from_the_last_inspection_else_the_installation():
    installed, last = D(2025, 7, 31), D(2026, 1, 31)
    assert next_due(last=last, installed=installed, every=1, unit="months") == D(
        2026, 2, 28
    )
    assert next_due(last=None, installed=installed, every=6, unit="months") == D(
        2026, 1, 31
    )
    assert next_due(last=None, installed=None, every=6, unit="months") is None


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(D(2026, 2, 27), False), (D(2026, 2, 28), False), (D(2026, 3, 1), True)],
)
def test_overdue_from_the_day_after_the_due_date(today, overdue):
    assert is_overdue(due=D(2026, 2, 28), today=today) is overdue


def test_an_item_never_inspected_with_no_installation_date_is_due_now():
    assert is_overdue(due=None, today=D(2026, 1, 1)) is True


@pytest.mark.parametrize(
    ("every", "unit", "message"),
    [
        (0, "days", "an interval of 0 days is not one; give 1 or more"),
        (1, "weeks", 'unit "weeks" is not one of "days", "months"'),
    ],
)
def test_a_bad_interval_is_refused_by_name(every, unit, message):
    with pytest.raises(ValueError, match=message):
        interval_after(D(2026, 1, 1), every=every, unit=unit)
