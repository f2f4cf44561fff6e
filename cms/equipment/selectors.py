"""Reads of equipment: inspection due dates, and a period's repairs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Max, QuerySet
from django.utils import timezone

from cms.clusters.models import Cluster

from . import schedule
from .models import InspectionInterval, Item, Repair


@dataclass(frozen=True)
class Interval:
    every: int
    unit: str


@dataclass(frozen=True)
class InspectionDue:
    """One item's inspection schedule as of ``today``."""

    item: Item
    interval: Interval | None
    last: dt.date | None
    due: dt.date | None

    @property
    def scheduled(self) -> bool:
        return self.interval is not None

    def overdue(self, today: dt.date) -> bool:
        return self.scheduled and schedule.is_overdue(due=self.due, today=today)

    def days_overdue(self, today: dt.date) -> int | None:
        """Days past the due date; None when not scheduled or not yet due."""
        if self.due is None or not self.overdue(today):
            return None
        return (today - self.due).days


def item_interval(
    *, item: Item, by_kind: dict[str, Interval] | None = None
) -> Interval | None:
    """The item's own interval, else its kind's, else None (not scheduled)."""
    if item.inspect_every and item.inspect_unit:
        return Interval(item.inspect_every, item.inspect_unit)
    if by_kind is None:
        by_kind = kind_intervals()
    return by_kind.get(item.kind)


def kind_intervals() -> dict[str, Interval]:
    return {
        row.kind: Interval(row.every, row.unit)
        for row in InspectionInterval.objects.all()
    }


def inspections_due(
    *, clusters: Iterable[Cluster] | QuerySet | None = None
) -> list[InspectionDue]:
    """Every item in service with its last inspection and next due date.

    Two queries whatever the number of items; soonest due first, never
    scheduled items last.
    """
    items = Item.objects.filter(in_service=True).select_related("cluster")
    if clusters is not None:
        items = items.filter(cluster__in=clusters)
    items = items.annotate(last_inspected=Max("inspections__inspected_on"))
    by_kind = kind_intervals()
    rows = []
    for item in items:
        interval = item_interval(item=item, by_kind=by_kind)
        due = None
        if interval is not None:
            due = schedule.next_due(
                last=item.last_inspected,
                installed=item.installed_on,
                every=interval.every,
                unit=interval.unit,
            )
        rows.append(InspectionDue(item, interval, item.last_inspected, due))
    return sorted(rows, key=_due_order)


def _due_order(row: InspectionDue):
    # Not yet scheduled at all goes last; due-now (no date) first.
    if row.interval is None:
        return (2, dt.date.max, row.item.pk)
    if row.due is None:
        return (0, dt.date.min, row.item.pk)
    return (1, row.due, row.item.pk)


def overdue_count(*, today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    return sum(1 for row in inspections_due() if row.overdue(today))


def repairs_between(
    *,
    start: dt.date | dt.datetime,
    end: dt.date | dt.datetime,
    clusters: Iterable[Cluster] | QuerySet | None = None,
) -> QuerySet[Repair]:
    """Repairs done on a day in [start, end), oldest first, of ``clusters`` (or all).

    A report period 15 Dec 2025 – 14 Dec 2026 is ``start=date(2025, 12, 15),
    end=date(2026, 12, 15)``; an aware datetime counts as its local date.
    """
    repairs = Repair.objects.filter(
        repaired_on__gte=_local_day(start), repaired_on__lt=_local_day(end)
    )
    if clusters is not None:
        repairs = repairs.filter(item__cluster__in=clusters)
    return repairs.select_related("item__cluster").order_by("repaired_on", "id")


def _local_day(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date()
    return value
