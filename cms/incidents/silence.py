"""Clusters silent during airtime: open an incident once, resolve it when heard.

A cluster is silent when its agent has not reported for longer than
INCIDENT_SILENT_MINUTES, counted inside the airtime window the cluster is in
now: silence before the window opened (a PC switched off at night) does not
count, so at 07:00 a cluster silent since midnight gets until 07:00 + the
limit. Outside its windows (or without an airtime policy) a cluster is never
reported; a cluster whose agent has never reported is not watched yet.

When the agent reports again the incident is resolved by itself, with the
time of that first report: the silence is over, and the next one is a new
incident. Staff add the cause to the timeline or the resolution; if they
resolve it while the agent is still silent, that silence is not reported
again.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cms.broadcasting.selectors import cluster_airtime, province_calendar
from cms.broadcasting.windows import Window
from cms.clusters.models import Cluster
from cms.releases.models import AgentReport
from cms.releases.selectors import fleet_rows

from .models import Incident
from .services import incident_note

logger = logging.getLogger(__name__)


@dataclass
class SilentCheck:
    """What one run did: incidents opened and resolved."""

    opened: list[Incident] = field(default_factory=list)
    resolved: list[Incident] = field(default_factory=list)


def window_now(
    *, windows: list[Window], day: dt.date, now: dt.datetime, tz
) -> Window | None:
    """The window ``now`` is in, or None; a window's end is outside it."""
    for window in windows:
        if window.start_at(day, tz) <= now < window.end_at(day, tz):
            return window
    return None


def silent_since(*, last_heard: dt.datetime, window_start: dt.datetime) -> dt.datetime:
    """Silence counts from the last report, or from the window's opening."""
    return max(last_heard, window_start)


def is_too_long(*, since: dt.datetime, now: dt.datetime, limit_minutes: int) -> bool:
    """Longer than the limit: exactly the limit is not yet silent."""
    return now - since > dt.timedelta(minutes=limit_minutes)


def clusters_silent_check(*, now: dt.datetime | None = None) -> SilentCheck:
    """Resolve the silences that ended, then open one for each new silence."""
    now = now or timezone.now()
    result = SilentCheck()
    with translation.override(settings.LANGUAGE_CODE):
        result.resolved = _resolve_heard_again()
        result.opened = _open_new_silences(now)
    return result


def _resolve_heard_again() -> list[Incident]:
    resolved = []
    for incident in Incident.objects.automatic().open().select_related("cluster"):
        heard = (
            AgentReport.objects.filter(
                cluster=incident.cluster_id,
                received_at__gt=incident.agent_last_heard_at,
            )
            .order_by("received_at", "id")
            .first()
        )
        if heard is not None:
            _resolve(incident, heard.received_at)
            resolved.append(incident)
    return resolved


def _resolve(incident: Incident, heard_at: dt.datetime) -> None:
    minutes = int((heard_at - incident.agent_last_heard_at).total_seconds() // 60)
    text = _(
        "The agent reported again at %(time)s after %(minutes)d minutes without "
        "a report; resolved automatically."
    ) % {"time": _clock(heard_at), "minutes": minutes}
    with transaction.atomic():
        incident.resolved_at = max(heard_at, incident.opened_at)
        incident.resolution = text
        incident.save(update_fields=["resolved_at", "resolution"])
        incident_note(incident=incident, text=text, at=heard_at)
        log(instance=incident, action="incidents.auto_resolve", data={})


def _open_new_silences(now: dt.datetime) -> list[Incident]:
    tz = timezone.get_default_timezone()
    today = timezone.localtime(now, tz).date()
    calendar = province_calendar(start=today, end=today)
    limit = settings.INCIDENT_SILENT_MINUTES
    open_now = set(
        Incident.objects.automatic().open().values_list("cluster_id", flat=True)
    )
    opened = []
    for row in fleet_rows(now=now):
        cluster = row.cluster
        if not cluster.is_active or row.report is None or cluster.pk in open_now:
            continue
        windows = cluster_airtime(cluster=cluster, day=today, calendar=calendar)
        window = window_now(windows=windows, day=today, now=now, tz=tz)
        if window is None:
            continue
        last_heard = row.report.received_at
        opening = window.start_at(today, tz)
        since = silent_since(last_heard=last_heard, window_start=opening)
        if is_too_long(since=since, now=now, limit_minutes=limit):
            if _already_reported(cluster, last_heard):
                continue
            incident = _open(cluster, last_heard, since, window, now)
            if incident is not None:
                opened.append(incident)
    return opened


def _already_reported(cluster: Cluster, last_heard: dt.datetime) -> bool:
    # Staff may resolve a silence before the agent is back (e.g. "PC sent for
    # repair"); the same silence is not opened again.
    return (
        Incident.objects.automatic()
        .filter(cluster=cluster, agent_last_heard_at=last_heard)
        .exists()
    )


def _open(
    cluster: Cluster,
    last_heard: dt.datetime,
    since: dt.datetime,
    window: Window,
    now: dt.datetime,
) -> Incident | None:
    values = {
        "cluster": cluster.name,
        "code": cluster.code,
        "heard": _clock(last_heard),
        "minutes": int((now - since).total_seconds() // 60),
        "window": str(window),
    }
    try:
        with transaction.atomic():
            incident = Incident.objects.create(
                cluster=cluster,
                kind=Incident.Kind.TECHNICAL,
                severity=Incident.Severity.HIGH,
                source=Incident.Source.AUTOMATIC,
                title=_("%(cluster)s: agent silent since %(heard)s") % values,
                description=_(
                    "The agent of cluster %(code)s last reported at %(heard)s and "
                    "has sent nothing for %(minutes)d minutes of the airtime "
                    "window %(window)s. Check the power, the network and the "
                    "controller PC at the cluster."
                )
                % values,
                opened_at=now,
                agent_last_heard_at=last_heard,
            )
            incident_note(
                incident=incident,
                text=_("Opened automatically: no report for %(minutes)d minutes.")
                % values,
                at=now,
            )
            log(instance=incident, action="wagtail.create", data={})
    except IntegrityError:
        # Another run opened it first (one open silence per cluster).
        logger.info("Silence of %s already reported", cluster.code)
        return None
    return incident


def _clock(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")
