"""Figures from apps a province may run without: incidents and public feedback.

Each returns None when its app is not installed, so a report says "no data
recorded" instead of a zero nobody counted. The apps are reached through the
app registry, so this module imports neither.
"""

from __future__ import annotations

import datetime as dt
import statistics
from importlib import import_module

from django.apps import apps

INCIDENTS = "cms.incidents"
FEEDBACK = "cms.feedback"


def incident_counts(
    *, start: dt.datetime, end: dt.datetime, clusters: list | None
) -> dict[str, int] | None:
    """Incidents by kind opened in [start, end); None without the app."""
    if not apps.is_installed(INCIDENTS):
        return None
    selectors = import_module(f"{INCIDENTS}.selectors")
    return dict(selectors.incident_counts(start=start, end=end, clusters=clusters))


def incident_kind_labels() -> dict[str, str]:
    if not apps.is_installed(INCIDENTS):
        return {}
    return dict(apps.get_model("incidents", "Incident").Kind.choices)


def feedback_counts(
    *, start: dt.datetime, end: dt.datetime, clusters: list | None
) -> dict | None:
    """Feedback received in [start, end), how much of it was answered and
    closed, and the median hours from receipt to answer; None without the app.

    Items marked as a suspected flood from one kiosk, and repeats joined to a
    first item, are not counted.
    """
    if not apps.is_installed(FEEDBACK):
        return None
    items = apps.get_model("feedback", "Feedback").objects.filter(
        received_at__gte=start,
        received_at__lt=end,
        suspected_flood=False,
        duplicate_of=None,
    )
    if clusters is not None:
        items = items.filter(cluster__in=clusters)
    rows = list(items.values_list("received_at", "answered_at", "closed_at"))
    waits = [
        (answered - received).total_seconds() / 3600
        for received, answered, _closed in rows
        if answered is not None
    ]
    return {
        "received": len(rows),
        "answered": len(waits),
        "closed": sum(1 for *_times, closed in rows if closed is not None),
        "median_hours_to_answer": (
            round(statistics.median(waits), 1) if waits else None
        ),
    }
