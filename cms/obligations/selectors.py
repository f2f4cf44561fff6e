"""Reads: what agencies submitted, and each obligation's status per period.

A submission is the first time a page or programme of the agency is submitted
to moderation by a member of the agency's provider group (Wagtail's
WorkflowState.created_at). Resubmissions after "changes requested" are the
same item and do not count again; items the board enters itself do not count
for the agency. An item counts for the period its submission falls in.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Min, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState, get_page_models

from cms.agencies.models import Agency
from cms.content.models import KioskPage
from cms.editorial.selectors import provider_group
from cms.programmes.models import Programme

from . import duedates
from .models import Obligation


class Status:
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    PENDING = "pending"

    LABELS = {
        ON_TIME: _("On time"),
        LATE: _("Late"),
        MISSING: _("Missing"),
        PENDING: _("Not yet due"),
    }


@dataclass(frozen=True)
class PeriodStatus:
    obligation: Obligation
    period: duedates.Period
    status: str
    on_time_count: int
    total_count: int
    first_submitted: dt.datetime | None

    @property
    def label(self):
        return Status.LABELS[self.status]


def local_tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _agency_object_ids(*, agency: Agency, counts: str) -> list[tuple[int, list[str]]]:
    """(base content type id, object ids) of the agency's countable items."""
    kinds = []
    if counts in (Obligation.Counts.PAGES, Obligation.Counts.BOTH):
        ids = [
            pk
            for model in get_page_models()
            if issubclass(model, KioskPage)
            for pk in model.objects.filter(providing_agency=agency).values_list(
                "pk", flat=True
            )
        ]
        kinds.append((ContentType.objects.get_for_model(Page).pk, ids))
    if counts in (Obligation.Counts.PROGRAMMES, Obligation.Counts.BOTH):
        ids = Programme.objects.filter(providing_agency=agency).values_list(
            "pk", flat=True
        )
        kinds.append((ContentType.objects.get_for_model(Programme).pk, ids))
    return [(ct, [str(pk) for pk in ids]) for ct, ids in kinds]


def submission_times(*, agency: Agency, counts: str) -> list[dt.datetime]:
    """When each of the agency's items was first submitted by its providers."""
    group = provider_group(agency=agency)
    if group is None:
        return []
    times: list[dt.datetime] = []
    for content_type_id, object_ids in _agency_object_ids(agency=agency, counts=counts):
        if not object_ids:
            continue
        states: QuerySet = (
            WorkflowState.objects.filter(
                base_content_type_id=content_type_id,
                object_id__in=object_ids,
                requested_by__groups=group,
            )
            .values("object_id")
            .annotate(first=Min("created_at"))
        )
        times.extend(row["first"] for row in states)
    return sorted(times)


def _count_between(times, start: dt.datetime, end: dt.datetime) -> int:
    return sum(1 for moment in times if start <= moment < end)


def period_status(
    *,
    obligation: Obligation,
    period: duedates.Period,
    now: dt.datetime,
    times: list[dt.datetime] | None = None,
) -> PeriodStatus:
    """On time, late, missing or not yet due, from the agency's submissions."""
    tz = local_tz()
    if times is None:
        times = submission_times(agency=obligation.agency, counts=obligation.counts)
    start = duedates.day_start(period.start, tz)
    deadline = duedates.day_end(period.due, tz)
    period_end = min(duedates.day_end(period.end, tz), now)
    on_time = _count_between(times, start, min(deadline, now))
    total = _count_between(times, start, period_end)
    need = obligation.min_items
    if on_time >= need:
        status = Status.ON_TIME
    elif now < deadline:
        status = Status.PENDING
    elif total >= need:
        status = Status.LATE
    else:
        status = Status.MISSING
    first = next((t for t in times if start <= t < period_end), None)
    return PeriodStatus(obligation, period, status, on_time, total, first)


def obligation_period(
    *, obligation: Obligation, day: dt.date, shift: int = 0
) -> duedates.Period:
    """The obligation's period containing ``day``, shifted by ``shift`` periods."""
    period = duedates.period_containing(
        recurrence=obligation.recurrence, due_day=obligation.due_day, day=day
    )
    if shift:
        period = duedates.period_shift(
            recurrence=obligation.recurrence,
            due_day=obligation.due_day,
            period=period,
            by=shift,
        )
    return period


def active_obligations() -> QuerySet:
    return Obligation.objects.filter(active=True).select_related("agency")


def dashboard_rows(*, now: dt.datetime | None = None) -> list[dict]:
    """Each active obligation with the status of its last and current period."""
    now = now or timezone.now()
    today = timezone.localtime(now, local_tz()).date()
    rows = []
    for obligation in active_obligations():
        times = submission_times(agency=obligation.agency, counts=obligation.counts)
        current = obligation_period(obligation=obligation, day=today)
        last = obligation_period(obligation=obligation, day=today, shift=-1)
        rows.append(
            {
                "obligation": obligation,
                "last": period_status(
                    obligation=obligation, period=last, now=now, times=times
                ),
                "current": period_status(
                    obligation=obligation, period=current, now=now, times=times
                ),
            }
        )
    return rows


def monthly_summary(
    *, year: int, month: int, now: dt.datetime | None = None
) -> list[PeriodStatus]:
    """The status of every obligation whose due date falls in the month.

    Monthly duties are all listed; quarterly ones only in the quarter's last
    month (March, June, September, December).
    """
    now = now or timezone.now()
    day = dt.date(year, month, 1)
    result = []
    for obligation in active_obligations():
        period = obligation_period(obligation=obligation, day=day)
        if period.due.month != month:
            continue
        result.append(period_status(obligation=obligation, period=period, now=now))
    return result
