"""Reads of incidents: a period's incidents and counts (the annual report)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Count, QuerySet
from django.utils import timezone

from cms.clusters.models import Cluster

from .models import Incident


def local_moment(value: dt.date | dt.datetime) -> dt.datetime:
    """``value`` as an aware datetime; a date is its local midnight (TIME_ZONE)."""
    if isinstance(value, dt.datetime):
        if timezone.is_naive(value):
            raise ValueError(
                f"{value.isoformat()} has no time zone; give an aware datetime "
                "or a date"
            )
        return value
    midnight = dt.datetime.combine(value, dt.time(0))
    return timezone.make_aware(midnight, timezone.get_default_timezone())


def incidents_between(
    *,
    start: dt.date | dt.datetime,
    end: dt.date | dt.datetime,
    clusters: Iterable[Cluster] | QuerySet | None = None,
) -> QuerySet[Incident]:
    """Incidents opened in [start, end), oldest first, of ``clusters`` (or all).

    A date means its local midnight, so a report period 15 Dec 2025 – 14 Dec
    2026 is ``start=date(2025, 12, 15), end=date(2026, 12, 15)``.
    """
    incidents = Incident.objects.filter(
        opened_at__gte=local_moment(start), opened_at__lt=local_moment(end)
    )
    if clusters is not None:
        incidents = incidents.filter(cluster__in=clusters)
    return incidents.select_related("cluster").order_by("opened_at", "id")


def incident_counts(
    *,
    start: dt.date | dt.datetime,
    end: dt.date | dt.datetime,
    clusters: Iterable[Cluster] | QuerySet | None = None,
) -> dict[str, int]:
    """How many incidents of each kind opened in [start, end): every kind, 0 too."""
    counts = dict.fromkeys(Incident.Kind.values, 0)
    rows = (
        incidents_between(start=start, end=end, clusters=clusters)
        .order_by()
        .values("kind")
        .annotate(count=Count("id"))
    )
    for row in rows:
        counts[row["kind"]] = row["count"]
    return counts
