"""The airtime the three provinces' regulations require, article by article.

Each rule was read from the decision's text (shared/regulations/):

- Kon Tum, Decision 03/2024/QĐ-UBND, Art. 6.1: at least 6 hours a day,
  3 hours in the morning and 3 in the afternoon/evening; the operator picks
  the hours. "Morning" is taken as before 12:00, the rest of the day as
  afternoon/evening.
- Cao Bằng, Decision 31/2020/QĐ-UBND, Art. 8.1: (a) working days 8 hours,
  07:30–11:00 and 13:30–18:00; (b) public holidays, Saturdays and Sundays
  8 to 10 hours as circumstances allow.
- An Giang, Decision 22/2024/QĐ-UBND, Art. 4.3: 8 hours a day, 07:00–11:00
  and 14:00–18:00, every day including public holidays, Tết, Saturdays and
  Sundays.

The advertising share (``ADVERTISING_CAPS``):

- Kon Tum, Art. 6.3: advertising airtime "follows the law on advertising".
  The decision gives no figure; the Advertising Law (16/2012/QH13, Art. 22.2)
  caps advertising on radio and television at 10% of a day's broadcast time,
  the closest rule for a screen that broadcasts programmes, so 10% is the
  default. Cao Bằng and An Giang set no share. An airtime policy can set its
  own cap, which wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .days import DayType
from .windows import DAY_MINUTES, Window

NOON = 12 * 60


@dataclass(frozen=True)
class PartRule:
    """At least ``minimum`` minutes on air inside ``span`` (e.g. the morning)."""

    name: Promise
    span: Window
    minimum: int


@dataclass(frozen=True)
class DayRule:
    """What a regulation requires of one day type."""

    article: Promise
    minimum: int
    maximum: int | None = None
    required: tuple[Window, ...] = ()
    parts: tuple[PartRule, ...] = ()


class Regulation(models.TextChoices):
    KON_TUM = "kon_tum", _("Kon Tum — Decision 03/2024/QĐ-UBND")
    CAO_BANG = "cao_bang", _("Cao Bằng — Decision 31/2020/QĐ-UBND")
    AN_GIANG = "an_giang", _("An Giang — Decision 22/2024/QĐ-UBND")


def _every_day(rule: DayRule) -> dict[str, DayRule]:
    return {day_type: rule for day_type in DayType.values}


_KON_TUM = DayRule(
    article=_("Kon Tum Decision 03/2024/QĐ-UBND, Art. 6.1"),
    minimum=6 * 60,
    parts=(
        PartRule(_("in the morning (before 12:00)"), Window(0, NOON), 3 * 60),
        PartRule(
            _("in the afternoon and evening (from 12:00)"),
            Window(NOON, DAY_MINUTES),
            3 * 60,
        ),
    ),
)
_CAO_BANG_WORKING = DayRule(
    article=_("Cao Bằng Decision 31/2020/QĐ-UBND, Art. 8.1(a)"),
    minimum=8 * 60,
    required=(Window(7 * 60 + 30, 11 * 60), Window(13 * 60 + 30, 18 * 60)),
)
_CAO_BANG_DAY_OFF = DayRule(
    article=_("Cao Bằng Decision 31/2020/QĐ-UBND, Art. 8.1(b)"),
    minimum=8 * 60,
    maximum=10 * 60,
)
_AN_GIANG = DayRule(
    article=_("An Giang Decision 22/2024/QĐ-UBND, Art. 4.3"),
    minimum=8 * 60,
    required=(Window(7 * 60, 11 * 60), Window(14 * 60, 18 * 60)),
)

RULES: dict[str, dict[str, DayRule]] = {
    Regulation.KON_TUM: _every_day(_KON_TUM),
    Regulation.CAO_BANG: {
        DayType.WORKING: _CAO_BANG_WORKING,
        DayType.WEEKEND: _CAO_BANG_DAY_OFF,
        DayType.HOLIDAY: _CAO_BANG_DAY_OFF,
    },
    Regulation.AN_GIANG: _every_day(_AN_GIANG),
}


def day_rule(regulation: str, day_type: str) -> DayRule | None:
    """The rule of ``regulation`` for ``day_type``; None without a regulation."""
    if not regulation:
        return None
    return RULES[regulation][day_type]


@dataclass(frozen=True)
class AdvertisingCap:
    """At most ``percent`` of a loop's play time may be advertising."""

    percent: int
    article: Promise | str


ADVERTISING_CAPS: dict[str, AdvertisingCap] = {
    Regulation.KON_TUM: AdvertisingCap(
        10,
        _(
            "Kon Tum Decision 03/2024/QĐ-UBND, Art. 6.3, by the Advertising Law "
            "16/2012/QH13, Art. 22.2"
        ),
    ),
}


def advertising_cap(regulation: str) -> AdvertisingCap | None:
    """The advertising share ``regulation`` sets; None when it sets none."""
    return ADVERTISING_CAPS.get(regulation) if regulation else None
