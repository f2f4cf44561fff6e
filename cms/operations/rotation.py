"""Which backups rotation keeps: the newest of each of the last N days, ISO
weeks and months (Đắk Nông Art. 10.2b asks for a copy at least weekly)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime


def _newest_per_period(
    stamps: list[datetime], *, count: int, period: Callable[[datetime], tuple]
) -> set[datetime]:
    kept: dict[tuple, datetime] = {}
    for stamp in stamps:  # newest first
        key = period(stamp)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = stamp
    return set(kept.values())


def backups_to_keep(
    stamps: Iterable[datetime], *, daily: int, weekly: int, monthly: int
) -> set[datetime]:
    """The creation times to keep; every other backup may be deleted. A week is
    the ISO week (Monday to Sunday, so 31 Dec and 1 Jan can share one). The
    newest backup is always kept, whatever the counts."""
    ordered = sorted(set(stamps), reverse=True)
    return set(ordered[:1]) | (
        _newest_per_period(ordered, count=daily, period=lambda s: (s.date(),))
        | _newest_per_period(
            ordered, count=weekly, period=lambda s: s.isocalendar()[:2]
        )
        | _newest_per_period(ordered, count=monthly, period=lambda s: (s.year, s.month))
    )
