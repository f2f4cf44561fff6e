"""Reads of proof of play: airtime each LED face delivered per day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from ..checks import dates
from ..selectors import cluster_policy, province_calendar
from .models import PlayRecord
from .payload import KIOSK_FACE

Span = tuple[dt.datetime, dt.datetime]


@dataclass(frozen=True)
class DeliveredDay:
    """One face on one day: scheduled play inside airtime, advertising apart."""

    day: dt.date
    face: str
    seconds: int
    advertising_seconds: int
    required_minutes: int | None

    @property
    def minutes(self) -> int:
        return self.seconds // 60

    @property
    def advertising_minutes(self) -> int:
        return self.advertising_seconds // 60

    @property
    def short(self) -> bool:
        return self.required_minutes is not None and (
            self.seconds < self.required_minutes * 60
        )


def _union_seconds(spans: list[Span]) -> int:
    total, reach = dt.timedelta(0), None
    for start, end in sorted(spans):
        start = max(start, reach) if reach is not None else start
        if end > start:
            total += end - start
            reach = end
    return int(total.total_seconds())


def _clipped(plays: list[Span], windows: list[Span]) -> list[Span]:
    return [
        (max(p_start, w_start), min(p_end, w_end))
        for p_start, p_end in plays
        for w_start, w_end in windows
        if p_start < w_end and w_start < p_end
    ]


def _plays(*, cluster, start: dt.date, end: dt.date) -> list:
    tz = timezone.get_current_timezone()
    first = dt.datetime.combine(start, dt.time(), tz)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tz)
    return list(
        PlayRecord.objects.filter(
            cluster=cluster,
            kind=PlayRecord.Kind.SCHEDULED,
            started_at__lt=after,
            ended_at__gt=first,
        )
        .exclude(face=KIOSK_FACE)
        .values_list("face", "started_at", "ended_at", "advertising")
    )


def delivered_airtime(*, cluster, start: dt.date, end: dt.date) -> list[DeliveredDay]:
    """Per day and LED face, scheduled play clipped to the cluster's airtime windows.

    Overlapping plays on one face count once; emergency plays and the kiosk
    do not count. Advertising is the part of it that was advertising.
    """
    tz = timezone.get_current_timezone()
    policy = cluster_policy(cluster=cluster)
    calendar = province_calendar(start=start, end=end)
    plays = _plays(cluster=cluster, start=start, end=end)
    faces = sorted(
        set(cluster.led_faces.values_list("code", flat=True)) | {p[0] for p in plays}
    )
    days = []
    for day in dates(start, end):
        windows = policy.airtime_on(day, calendar) if policy else []
        spans = [(w.start_at(day, tz), w.end_at(day, tz)) for w in windows]
        required = policy.required_minimum(day, calendar) if policy else None
        for face in faces:
            own = [(s, e) for f, s, e, _ad in plays if f == face]
            ads = [(s, e) for f, s, e, ad in plays if f == face and ad]
            days.append(
                DeliveredDay(
                    day=day,
                    face=face,
                    seconds=_union_seconds(_clipped(own, spans)),
                    advertising_seconds=_union_seconds(_clipped(ads, spans)),
                    required_minutes=required,
                )
            )
    return days
