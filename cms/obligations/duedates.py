"""Due dates and the periods they cover: pure functions, no database.

A period is the calendar month or quarter whose material is due; its due date
is day N of that month (monthly) or of the quarter's last month (quarterly),
clamped to the month's last day (a due day 31 falls on 28 or 29 February, 30
April). A due date on a weekend or public holiday is kept as the regulation
writes it: none of the regulations moves it, so neither does this code.
"""

import calendar
import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

MONTHLY = "monthly"
QUARTERLY = "quarterly"


@dataclass(frozen=True)
class Period:
    """The months [start, end] whose material is due on ``due``."""

    start: dt.date
    end: dt.date
    due: dt.date

    @property
    def key(self) -> str:
        return self.start.strftime("%Y-%m")


def clamp_day(year: int, month: int, day: int) -> dt.date:
    """Day ``day`` of the month, or its last day if the month is shorter."""
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day, last))


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _span(recurrence: str) -> int:
    if recurrence == MONTHLY:
        return 1
    if recurrence == QUARTERLY:
        return 3
    raise ValueError(f"Unknown recurrence {recurrence!r}; use monthly or quarterly.")


def period_containing(*, recurrence: str, due_day: int, day: dt.date) -> Period:
    """The period (month or quarter) that ``day`` falls in."""
    span = _span(recurrence)
    first_month = (day.month - 1) // span * span + 1
    last_year, last_month = _add_months(day.year, first_month, span - 1)
    end = dt.date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
    return Period(
        start=dt.date(day.year, first_month, 1),
        end=end,
        due=clamp_day(last_year, last_month, due_day),
    )


def period_shift(*, recurrence: str, due_day: int, period: Period, by: int) -> Period:
    """The period ``by`` periods after (or before, if negative) ``period``."""
    months = by * _span(recurrence)
    year, month = _add_months(period.start.year, period.start.month, months)
    return period_containing(
        recurrence=recurrence, due_day=due_day, day=dt.date(year, month, 1)
    )


def day_end(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    """The first instant after ``day`` in the time zone (the deadline is exclusive)."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=tz)


def day_start(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=tz)
