"""What kind of day a date is: working day, weekend or public holiday.

The national calendar comes from the ``holidays`` package (Viet Nam: lunar
Tết, Hùng Kings' day, days off "nghỉ bù" for holidays on a weekend, and the
Government's day swaps, whose weekend working days it also knows). The
province's own decisions — an extra holiday, a swapped working day ("ngày làm
bù") or day off ("ngày nghỉ bù") — are kept in the CMS and win over it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class DayType(models.TextChoices):
    WORKING = "working", _("Working day")
    WEEKEND = "weekend", _("Saturday or Sunday")
    HOLIDAY = "holiday", _("Public holiday or Tết")


@dataclass(frozen=True)
class DayInfo:
    """A date, its day type and why (a holiday's name, a province decision)."""

    date: dt.date
    day_type: str
    reason: str = ""
    by_province: bool = False


@dataclass(frozen=True)
class ProvinceDay:
    """A province decision for one date, as DayCalendar needs it."""

    day_type: str
    reason: str


def _holiday_language() -> str:
    return "vi" if (get_language() or "vi").startswith("vi") else "en_US"


@lru_cache(maxsize=32)
def _national(year: int, language: str) -> holidays.HolidayBase:
    # Swaps reach across New Year (a day off on 31 Dec worked back on 5 Jan),
    # so the years either side are loaded too.
    return holidays.country_holidays(
        "VN", years=range(year - 1, year + 2), language=language
    )


def national_day_info(day: dt.date) -> DayInfo:
    """The day type of ``day`` by the national calendar alone."""
    national = _national(day.year, _holiday_language())
    names = national.get_list(day)
    if names:
        return DayInfo(day, DayType.HOLIDAY, "; ".join(names))
    if national.is_weekend(day):
        if national.is_working_day(day):
            return DayInfo(day, DayType.WORKING, str(_("national swapped working day")))
        return DayInfo(day, DayType.WEEKEND)
    return DayInfo(day, DayType.WORKING)


class DayCalendar:
    """Day types for dates, with the province's decisions over the nation's."""

    def __init__(
        self,
        province_days: Mapping[dt.date, ProvinceDay] | None = None,
        *,
        span: tuple[dt.date, dt.date] | None = None,
    ):
        """``span``: the dates ``province_days`` were read for, both included."""
        self.province_days = dict(province_days or {})
        self.span = span

    def day_info(self, day: dt.date) -> DayInfo:
        if self.span and not self.span[0] <= day <= self.span[1]:
            # Outside the dates read, a province decision would go unseen.
            raise ValueError(
                f"{day} is outside this calendar's {self.span[0]}–{self.span[1]}; "
                "read the province calendar for the dates you ask about"
            )
        decided = self.province_days.get(day)
        if decided is not None:
            return DayInfo(day, decided.day_type, decided.reason, by_province=True)
        return national_day_info(day)

    def day_type(self, day: dt.date) -> str:
        return self.day_info(day).day_type
