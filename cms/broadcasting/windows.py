"""Airtime window arithmetic in whole minutes of one day (0 to 1440).

A window never crosses midnight: one that ends at 00:00 ends at midnight
(minute 1440). Overlapping and touching windows merge, so a total never counts
a minute twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

DAY_MINUTES = 24 * 60


class WindowError(ValueError):
    """A window that cannot be played: empty, reversed or past midnight."""


@dataclass(frozen=True, order=True)
class Window:
    """Minutes [start, end) of a day; end 1440 is midnight."""

    start: int
    end: int

    def __post_init__(self):
        if not 0 <= self.start < self.end <= DAY_MINUTES:
            raise WindowError(
                f"window {self.start}–{self.end} min is not within one day "
                f"(0 ≤ start < end ≤ {DAY_MINUTES})"
            )

    @classmethod
    def from_times(cls, start: dt.time, end: dt.time) -> Window:
        """The window from ``start`` to ``end``; an ``end`` of 00:00 is midnight."""
        for value in (start, end):
            if value.second or value.microsecond:
                raise WindowError(
                    _("%(time)s has seconds; airtime is set in whole minutes.")
                    % {"time": value.isoformat()}
                )
        first = start.hour * 60 + start.minute
        last = end.hour * 60 + end.minute or DAY_MINUTES
        if last == first:
            raise WindowError(
                _("The window %(start)s–%(end)s is empty; end it after it starts.")
                % {"start": clock(first), "end": clock(last)}
            )
        if last < first:
            raise WindowError(
                _(
                    "The window %(start)s–%(end)s ends before it starts. A window "
                    "cannot run past midnight: end it at 00:00 and add one from "
                    "00:00 for the next day."
                )
                % {"start": clock(first), "end": clock(last)}
            )
        return cls(first, last)

    @property
    def minutes(self) -> int:
        return self.end - self.start

    def start_at(self, day: dt.date, tz: dt.tzinfo) -> dt.datetime:
        """When this window opens on ``day``, an aware datetime in ``tz``."""
        return _at(day, self.start, tz)

    def end_at(self, day: dt.date, tz: dt.tzinfo) -> dt.datetime:
        """When this window closes on ``day`` (midnight is the next day's 00:00)."""
        return _at(day, self.end, tz)

    def __str__(self):
        return f"{clock(self.start)}–{clock(self.end)}"


def _at(day: dt.date, minute: int, tz: dt.tzinfo) -> dt.datetime:
    midnight = dt.datetime.combine(day, dt.time(0), tzinfo=tz)
    return midnight + dt.timedelta(minutes=minute)


def clock(minute: int) -> str:
    """``HH:MM`` for a minute of the day; midnight at the end is 24:00."""
    return f"{minute // 60:02d}:{minute % 60:02d}"


def merge(windows: Iterable[Window]) -> list[Window]:
    """The windows sorted, with overlapping and touching ones joined."""
    merged: list[Window] = []
    for window in sorted(windows):
        if merged and window.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Window(last.start, max(last.end, window.end))
        else:
            merged.append(window)
    return merged


def total_minutes(windows: Iterable[Window]) -> int:
    """Minutes on air, each counted once."""
    return sum(window.minutes for window in merge(windows))


def minutes_within(windows: Iterable[Window], span: Window) -> int:
    """Minutes on air inside ``span`` (e.g. the morning)."""
    total = 0
    for window in merge(windows):
        overlap = min(window.end, span.end) - max(window.start, span.start)
        total += max(overlap, 0)
    return total


def uncovered(windows: Iterable[Window], required: Window) -> list[Window]:
    """The parts of ``required`` that no window covers."""
    gaps: list[Window] = []
    cursor = required.start
    for window in merge(windows):
        if window.end <= cursor or window.start >= required.end:
            continue
        if window.start > cursor:
            gaps.append(Window(cursor, window.start))
        cursor = max(cursor, window.end)
    if cursor < required.end:
        gaps.append(Window(cursor, required.end))
    return gaps
