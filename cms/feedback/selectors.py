"""Reads of public feedback: the staff queue and the time an item took."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, QuerySet
from django.utils.translation import ngettext

from .models import Feedback


def feedback_queue(
    *,
    status: str = "",
    cluster=None,
    language: str = "",
    flood: str = "",
    duplicates: bool = False,
) -> QuerySet[Feedback]:
    """The staff queue, newest first, with each group's duplicate count.

    ``flood``: "" hides suspected floods (the default queue), "yes" shows only
    them, "all" shows both. Duplicates are listed only with ``duplicates``.
    """
    items = Feedback.objects.select_related("cluster", "agency").annotate(
        duplicate_count=Count("duplicates")
    )
    if flood == "yes":
        items = items.filter(suspected_flood=True)
    elif flood != "all":
        items = items.filter(suspected_flood=False)
    if not duplicates:
        items = items.filter(duplicate_of__isnull=True)
    if status:
        items = items.filter(status=status)
    if cluster is not None:
        items = items.filter(cluster=cluster)
    if language:
        items = items.filter(language=language)
    return items


def duration_text(value: dt.timedelta | None) -> str:
    """A duration as staff read it: "2 days 3 hours", "45 minutes"; "" for None."""
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(ngettext("%(n)d day", "%(n)d days", days) % {"n": days})
    if hours:
        parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
    if not days and (minutes or not hours):
        parts.append(
            ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
        )
    return " ".join(parts)
