"""Does an airtime plan meet its regulation? Shortfalls in plain words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .days import DayInfo, DayType
from .regulations import DayRule
from .windows import Window, merge, minutes_within, total_minutes, uncovered


@dataclass(frozen=True)
class Shortfall:
    """One way a day's airtime misses its regulation.

    ``kind`` is "minimum", "part", "required" or "maximum"; ``actual`` and
    ``expected`` are minutes.
    """

    day: str
    kind: str
    actual: int
    expected: int
    article: str
    message: str


def duration(minutes: int) -> str:
    """``6 h 30 min`` in the active language."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}
    if hours:
        return _("%(hours)d h") % {"hours": hours}
    return _("%(minutes)d min") % {"minutes": rest}


def day_label(info: DayInfo) -> str:
    """``Thứ Bảy 06/02/2027 (Tết Nguyên Đán)``: weekday, date and why."""
    label = capfirst(date_format(info.date, "l d/m/Y"))
    return f"{label} ({info.reason})" if info.reason else label


def day_type_label(day_type: str) -> str:
    return capfirst(str(DayType(day_type).label))


def shortfalls(*, windows: list[Window], rule: DayRule, day: str) -> list[Shortfall]:
    """Every way ``windows`` miss ``rule``, each labelled with ``day``."""
    windows = merge(windows)
    article = str(rule.article)
    found = []
    actual = total_minutes(windows)
    if actual < rule.minimum:
        found.append(_minimum(day, actual, rule.minimum, article))
    for part in rule.parts:
        inside = minutes_within(windows, part.span)
        if inside < part.minimum:
            found.append(_part(day, inside, part.minimum, str(part.name), article))
    for required in rule.required:
        gaps = uncovered(windows, required)
        if gaps:
            found.append(_required(day, gaps, required, article))
    if rule.maximum is not None and actual > rule.maximum:
        found.append(_maximum(day, actual, rule.maximum, article))
    return found


def _minimum(day: str, actual: int, expected: int, article: str) -> Shortfall:
    message = _(
        "%(day)s: %(actual)s on air, the regulation requires at least "
        "%(required)s (%(article)s)."
    ) % {
        "day": day,
        "actual": duration(actual),
        "required": duration(expected),
        "article": article,
    }
    return Shortfall(day, "minimum", actual, expected, article, message)


def _part(day: str, actual: int, expected: int, part: str, article: str):
    message = _(
        "%(day)s: %(actual)s on air %(part)s, the regulation requires at least "
        "%(required)s (%(article)s)."
    ) % {
        "day": day,
        "actual": duration(actual),
        "part": part,
        "required": duration(expected),
        "article": article,
    }
    return Shortfall(day, "part", actual, expected, article, message)


def _required(day: str, gaps: list[Window], required: Window, article: str):
    missing = sum(gap.minutes for gap in gaps)
    message = _(
        "%(day)s: %(gaps)s is off air, but the regulation requires %(window)s "
        "on air (%(article)s)."
    ) % {
        "day": day,
        "gaps": ", ".join(str(gap) for gap in gaps),
        "window": required,
        "article": article,
    }
    return Shortfall(
        day, "required", required.minutes - missing, required.minutes, article, message
    )


def _maximum(day: str, actual: int, expected: int, article: str) -> Shortfall:
    message = _(
        "%(day)s: %(actual)s on air, more than the %(maximum)s the regulation "
        "allows (%(article)s)."
    ) % {
        "day": day,
        "actual": duration(actual),
        "maximum": duration(expected),
        "article": article,
    }
    return Shortfall(day, "maximum", actual, expected, article, message)


def is_special(info: DayInfo) -> bool:
    """A holiday, a province decision or a swapped day: worth listing by date."""
    return bool(info.reason) or info.by_province


def dates(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every date from ``start`` to ``end``, both included."""
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
