"""Reads: a cluster's airtime windows on a date, and a policy's check.

The playlist and the LED player ask ``cluster_airtime(cluster=…, day=…)``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch

from . import checks
from .checks import Shortfall
from .days import DayCalendar, DayInfo, DayType, ProvinceDay
from .models import AirtimePolicy, AirtimeWindow, CalendarDay, PolicyCluster
from .regulations import day_rule
from .windows import Window, total_minutes


@dataclass(frozen=True)
class AirtimeDay:
    """One date (or one day type) of a policy: its windows against its rule."""

    label: str
    windows: list[Window]
    minutes: int
    required: int | None
    shortfalls: list[Shortfall] = field(default_factory=list)
    info: DayInfo | None = None

    @property
    def minutes_text(self) -> str:
        return checks.duration(self.minutes)

    @property
    def required_text(self) -> str:
        return "" if self.required is None else checks.duration(self.required)


def province_calendar(*, start: dt.date, end: dt.date) -> DayCalendar:
    """The day calendar with the province's decisions from ``start`` to ``end``."""
    rows = CalendarDay.objects.filter(date__range=(start, end))
    return DayCalendar(
        {row.date: ProvinceDay(row.day_type, row.name) for row in rows},
        span=(start, end),
    )


def policy_with_windows(*, pk: int) -> AirtimePolicy:
    return AirtimePolicy.objects.prefetch_related("windows").get(pk=pk)


def cluster_policy(*, cluster) -> AirtimePolicy | None:
    """The policy ``cluster`` follows, windows prefetched; None if it has none."""
    link = (
        PolicyCluster.objects.filter(cluster=cluster)
        .select_related("policy")
        .prefetch_related(Prefetch("policy__windows", AirtimeWindow.objects.all()))
        .first()
    )
    return link.policy if link else None


def cluster_airtime(
    *, cluster, day: dt.date, calendar: DayCalendar | None = None
) -> list[Window]:
    """The merged airtime windows of ``cluster`` on ``day``; [] without a policy.

    Use ``Window.start_at(day, tz)`` / ``end_at`` for the local clock times.
    """
    policy = cluster_policy(cluster=cluster)
    if policy is None:
        return []
    calendar = calendar or province_calendar(start=day, end=day)
    return policy.airtime_on(day, calendar)


def policy_day(*, policy: AirtimePolicy, info: DayInfo) -> AirtimeDay:
    """``policy`` on one date: windows, minutes, required minimum, shortfalls."""
    windows = policy.windows_for(info.day_type)
    rule = day_rule(policy.regulation, info.day_type)
    label = checks.day_label(info)
    found = checks.shortfalls(windows=windows, rule=rule, day=label) if rule else []
    return AirtimeDay(
        label=label,
        windows=windows,
        minutes=total_minutes(windows),
        required=rule.minimum if rule else None,
        shortfalls=found,
        info=info,
    )


def policy_days(
    *, policy: AirtimePolicy, start: dt.date, end: dt.date
) -> list[AirtimeDay]:
    """``policy`` on every date from ``start`` to ``end``."""
    calendar = province_calendar(start=start, end=end)
    return [
        policy_day(policy=policy, info=calendar.day_info(day))
        for day in checks.dates(start, end)
    ]


def policy_day_types(*, policy: AirtimePolicy) -> list[AirtimeDay]:
    """``policy`` on each day type (working day, weekend, holiday)."""
    days = []
    for day_type in DayType.values:
        windows = policy.windows_for(day_type)
        rule = day_rule(policy.regulation, day_type)
        label = checks.day_type_label(day_type)
        found = checks.shortfalls(windows=windows, rule=rule, day=label) if rule else []
        days.append(
            AirtimeDay(
                label=label,
                windows=windows,
                minutes=total_minutes(windows),
                required=rule.minimum if rule else None,
                shortfalls=found,
            )
        )
    return days


def policy_check(*, policy: AirtimePolicy) -> list[Shortfall]:
    """Every shortfall of ``policy`` by day type; [] when it meets its regulation."""
    return [s for day in policy_day_types(policy=policy) for s in day.shortfalls]


def policy_special_days(
    *, policy: AirtimePolicy, start: dt.date, days: int
) -> list[AirtimeDay]:
    """Holidays, swapped days and province decisions in the next ``days`` days."""
    end = start + dt.timedelta(days=days - 1)
    return [
        day
        for day in policy_days(policy=policy, start=start, end=end)
        if checks.is_special(day.info)
    ]
