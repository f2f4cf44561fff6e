"""When an item is next due for inspection: pure date arithmetic.

A month interval lands on the same day of the month, or on the month's last
day when that month is shorter (31 Jan + 1 month = 28 Feb, or 29 Feb in a
leap year), as python-dateutil's relativedelta does. The next inspection is
counted from the last one actually done (or from the installation), so a short
month does not shift every later due date.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

DAYS = "days"
MONTHS = "months"


def interval_after(day: dt.date, *, every: int, unit: str) -> dt.date:
    """``day`` plus ``every`` days or months."""
    if every < 1:
        raise ValueError(f"an interval of {every} {unit} is not one; give 1 or more")
    if unit == DAYS:
        return day + dt.timedelta(days=every)
    if unit == MONTHS:
        return day + relativedelta(months=every)
    raise ValueError(f'unit "{unit}" is not one of "{DAYS}", "{MONTHS}"')


def next_due(
    *, last: dt.date | None, installed: dt.date | None, every: int, unit: str
) -> dt.date | None:
    """The next inspection's date, counted from ``last`` or else ``installed``.

    None when the item has neither: it has never been inspected and its
    installation date is unknown, so it is due now.
    """
    start = last or installed
    if start is None:
        return None
    return interval_after(start, every=every, unit=unit)


def is_overdue(*, due: dt.date | None, today: dt.date) -> bool:
    """Overdue from the day after the due date; never scheduled counts as due."""
    return due is None or today > due
