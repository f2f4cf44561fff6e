"""The loop an LED face plays on one day, and the airtime it fills.

Pure: plain data in (what ``selectors`` read), plain data out; no database.
The steps, in order:

1. the entries: the editors' playlist, or by default every approved programme
   targeted at the face, once per loop, newest first;
2. what may play that day: approved, targeted at the face, valid throughout
   the day's airtime, with a finished rendition for the face;
3. frequency: an entry played n times appears n times, spread over the loop
   (round one lists every entry, round two those played twice or more, …);
4. the advertising cap: advertising plays are left out from the end of the
   loop until advertising is at most the cap's share of the loop's time;
5. planned airtime: the loop is cycled through the day's windows, so the
   planned minutes are the windows' minutes when the loop is not empty, else 0.

Warnings are sentences for editors, in the active language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..checks import duration, shortfalls
from ..days import DayInfo
from ..regulations import AdvertisingCap, DayRule
from ..windows import DAY_MINUTES, Window, total_minutes


@dataclass(frozen=True)
class RenditionState:
    """A programme's rendition for one face: ``status`` is done, queued,
    running, failed or missing (none made, or its file is gone)."""

    status: str
    duration_s: float | None = None
    progress: float = 0
    error: str = ""
    rendition: Any = None  # the Rendition row, for the snapshot's media entry


@dataclass(frozen=True)
class Candidate:
    """A programme as the planner needs it for one face."""

    programme_id: int
    title: str
    advertising: bool
    approved: bool
    targeted: bool
    valid_from: dt.datetime | None
    valid_to: dt.datetime | None
    rendition: RenditionState


@dataclass(frozen=True)
class Entry:
    """One line of a playlist: a programme, its plays per loop, its dates."""

    programme_id: int
    plays: int = 1
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None

    def runs_on(self, day: dt.date) -> bool:
        return (self.starts_on is None or self.starts_on <= day) and (
            self.ends_on is None or day <= self.ends_on
        )


@dataclass(frozen=True)
class PlanDay:
    """One date of a face: its day type, airtime windows and the rules."""

    info: DayInfo
    label: str
    tz: dt.tzinfo
    windows: list[Window]
    rule: DayRule | None = None
    cap: AdvertisingCap | None = None
    has_policy: bool = True


@dataclass(frozen=True)
class LoopItem:
    programme_id: int
    title: str
    advertising: bool
    duration_s: float
    rendition: Any = None


@dataclass
class DayPlan:
    day: dt.date
    day_type: str
    label: str
    windows: list[Window]
    required_minutes: int | None
    planned_minutes: int
    loop: list[LoopItem]
    warnings: list[str] = field(default_factory=list)

    @property
    def window_minutes(self) -> int:
        return total_minutes(self.windows)

    @property
    def short(self) -> bool:
        return (
            self.required_minutes is not None
            and self.planned_minutes < self.required_minutes
        )

    @property
    def advertising_seconds(self) -> float:
        return sum(item.duration_s for item in self.loop if item.advertising)

    @property
    def loop_seconds(self) -> float:
        return sum(item.duration_s for item in self.loop)


def default_entries(candidates: list[Candidate]) -> list[Entry]:
    """Every approved programme targeted at the face, once, in the given order
    (the selectors give newest first)."""
    return [Entry(c.programme_id) for c in candidates if c.approved and c.targeted]


def day_plan(
    *,
    day: PlanDay,
    candidates: list[Candidate],
    playlist: list[Entry] | None,
) -> DayPlan:
    """The loop and planned airtime of one face on ``day.info.date``.

    ``playlist`` is None when editors set none for the face.
    """
    warnings: list[str] = []
    entries = _entries(day, candidates, playlist, warnings)
    playable = _playable(day, entries, warnings)
    loop = _spread(playable)
    loop = _capped(loop, day.cap, warnings)
    window_minutes = total_minutes(day.windows)
    planned = window_minutes if loop else 0
    _airtime_warnings(day, bool(loop), window_minutes, warnings)
    return DayPlan(
        day=day.info.date,
        day_type=day.info.day_type,
        label=day.label,
        windows=day.windows,
        required_minutes=day.rule.minimum if day.rule else None,
        planned_minutes=planned,
        loop=loop,
        warnings=_unique(warnings),
    )


def _entries(
    day: PlanDay,
    candidates: list[Candidate],
    playlist: list[Entry] | None,
    warnings: list[str],
) -> list[tuple[Candidate, int]]:
    """The playlist's entries running that day, each with its programme."""
    by_id = {c.programme_id: c for c in candidates}
    if playlist is None:
        playlist = default_entries(candidates)
    else:
        listed = {entry.programme_id for entry in playlist}
        for c in candidates:
            if c.approved and c.targeted and c.programme_id not in listed:
                warnings.append(
                    _(
                        "“%(title)s” is approved for this face but not in its "
                        "playlist, so it does not play; add it to the playlist."
                    )
                    % {"title": c.title}
                )
    chosen = []
    for entry in playlist:
        if not entry.runs_on(day.info.date):
            continue
        candidate = by_id.get(entry.programme_id)
        if candidate is None:
            continue
        if not candidate.approved:
            warnings.append(
                _(
                    "“%(title)s” is in the playlist but not approved; it plays "
                    "once the head of board approves it."
                )
                % {"title": candidate.title}
            )
        elif not candidate.targeted:
            warnings.append(
                _(
                    "“%(title)s” is in the playlist but not targeted at this "
                    "face; add the face (or its cluster) to the programme's "
                    "targets."
                )
                % {"title": candidate.title}
            )
        else:
            chosen.append((candidate, entry.plays))
    return chosen


def _airtime_span(day: PlanDay) -> tuple[dt.datetime, dt.datetime]:
    """From the day's first window opening to its last closing (the whole day
    when it has none): what a programme's validity must cover."""
    date = day.info.date
    if not day.windows:
        whole = Window(0, DAY_MINUTES)
        return whole.start_at(date, day.tz), whole.end_at(date, day.tz)
    return day.windows[0].start_at(date, day.tz), day.windows[-1].end_at(date, day.tz)


def _valid(day: PlanDay, candidate: Candidate, warnings: list[str]) -> bool:
    """Valid throughout the day's airtime; warn when only part of it."""
    opens, closes = _airtime_span(day)
    starts, ends = candidate.valid_from, candidate.valid_to
    if (starts is None or starts <= opens) and (ends is None or ends >= closes):
        return True
    if (starts is None or starts < closes) and (ends is None or ends > opens):
        warnings.append(
            _(
                "“%(title)s” is shown only from %(start)s to %(end)s, part of "
                "this day's airtime; it is left out of the day's loop."
            )
            % {
                "title": candidate.title,
                "start": _clock(starts, day.tz) if starts else "—",
                "end": _clock(ends, day.tz) if ends else "—",
            }
        )
    return False


def _clock(value: dt.datetime, tz: dt.tzinfo) -> str:
    return value.astimezone(tz).strftime("%H:%M %d/%m/%Y")


def _playable(
    day: PlanDay, entries: list[tuple[Candidate, int]], warnings: list[str]
) -> list[tuple[LoopItem, int]]:
    playable = []
    for candidate, plays in entries:
        if not _valid(day, candidate, warnings):
            continue
        state = candidate.rendition
        if state.status != "done" or not state.duration_s:
            warnings.append(_rendition_warning(candidate))
            continue
        item = LoopItem(
            programme_id=candidate.programme_id,
            title=candidate.title,
            advertising=candidate.advertising,
            duration_s=state.duration_s,
            rendition=state.rendition,
        )
        playable.append((item, plays))
    return playable


def _rendition_warning(candidate: Candidate) -> str:
    state = candidate.rendition
    values = {"title": candidate.title}
    if state.status == "failed":
        return _(
            "The rendition of “%(title)s” for this face failed (%(error)s); "
            "retry it on the programme's page."
        ) % {**values, "error": state.error or _("no reason given")}
    if state.status in ("queued", "running"):
        return _(
            "“%(title)s” is still being transcoded for this face (%(percent)d%%); "
            "it plays once the rendition is done."
        ) % {**values, "percent": int(state.progress)}
    return (
        _(
            "“%(title)s” has no rendition for this face (never made, or its file is "
            "gone); publish the programme again to have one made."
        )
        % values
    )


def _spread(playable: list[tuple[LoopItem, int]]) -> list[LoopItem]:
    """Round k lists the items played more than k times, in order."""
    rounds = max((plays for _item, plays in playable), default=0)
    return [item for k in range(rounds) for item, plays in playable if plays > k]


def _ms(item: LoopItem) -> int:
    return round(item.duration_s * 1000)


def _capped(
    loop: list[LoopItem], cap: AdvertisingCap | None, warnings: list[str]
) -> list[LoopItem]:
    """Leave out advertising plays from the end until the share is within cap."""
    if cap is None:
        return loop
    total = sum(_ms(item) for item in loop)
    ads = sum(_ms(item) for item in loop if item.advertising)
    if ads * 100 <= cap.percent * total:
        return loop
    share = 100 * ads / total
    kept, dropped = list(loop), []
    while ads * 100 > cap.percent * total:
        last = max(i for i, item in enumerate(kept) if item.advertising)
        item = kept.pop(last)
        total, ads = total - _ms(item), ads - _ms(item)
        dropped.append(item.title)
    warnings.append(
        ngettext(
            "Advertising would take %(share).1f%% of the loop, over the cap of "
            "%(cap)d%% (%(article)s); %(count)d advertising play was left out: "
            "%(titles)s.",
            "Advertising would take %(share).1f%% of the loop, over the cap of "
            "%(cap)d%% (%(article)s); %(count)d advertising plays were left out: "
            "%(titles)s.",
            len(dropped),
        )
        % {
            "share": share,
            "cap": cap.percent,
            "article": cap.article,
            "count": len(dropped),
            "titles": ", ".join(f"“{title}”" for title in _unique(dropped)),
        }
    )
    return kept


def _airtime_warnings(
    day: PlanDay, playing: bool, window_minutes: int, warnings: list[str]
) -> None:
    if not day.has_policy:
        warnings.append(
            _(
                "The cluster follows no airtime policy, so the face has no airtime; "
                "choose one under LED broadcasting → Airtime policies."
            )
        )
        return
    if not playing and window_minutes:
        warnings.append(
            _(
                "Nothing approved and ready to play: the face stays black for its "
                "%(airtime)s of airtime."
            )
            % {"airtime": duration(window_minutes)}
        )
    if day.rule is not None:
        for found in shortfalls(windows=day.windows, rule=day.rule, day=day.label):
            warnings.append(found.message)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))
