"""The data period a report covers: pure functions, no database.

Cao Bằng 31/2020 Art. 15.1 closes the annual figures from 15 December of the
year before to 14 December of the report's year, so the report can be sent
before 15 December. The half-year report (An Giang 22/2024 Art. 15.1: sent
before 20 June) closes the same way, by the Government's rule for periodic
reports (Decree 09/2019/NĐ-CP Art. 12.2): 15 December of the year before to
14 June. Both days are included.
"""

import datetime as dt
from dataclasses import dataclass

ANNUAL = "annual"
HALF_YEAR = "half_year"
KINDS = (ANNUAL, HALF_YEAR)

CUT_OFF_DAY = 14


@dataclass(frozen=True)
class Period:
    """The dates [start, end] whose figures a report counts."""

    kind: str
    year: int
    start: dt.date
    end: dt.date

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def report_period(*, kind: str, year: int) -> Period:
    """The data period of the ``kind`` report for ``year``."""
    if kind not in KINDS:
        raise ValueError(f"Unknown report kind {kind!r}; use annual or half_year.")
    start = dt.date(year - 1, 12, CUT_OFF_DAY + 1)
    last_month = 12 if kind == ANNUAL else 6
    return Period(kind, year, start, dt.date(year, last_month, CUT_OFF_DAY))
