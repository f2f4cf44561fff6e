"""A report's figures, each counted from the database for one data period.

``figures(period=…, agency=…)`` returns a `ReportFigures` for one operating
body (the clusters it operates, the programmes it provides, its submission
duties) or, with ``agency=None``, consolidated for the department. It only
reads; the report keeps what it returned as JSON (`ReportFigures.to_json`),
so a report printed later shows the figures as they were when generated.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import asdict, dataclass, field, fields
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Min, Q
from django.utils import timezone

from cms.agencies.models import Agency
from cms.broadcasting.proof.models import PlayRecord
from cms.broadcasting.proof.payload import KIOSK_FACE
from cms.broadcasting.proof.selectors import delivered_airtime
from cms.clusters.models import Cluster
from cms.feedback.models import Feedback
from cms.incidents.selectors import incident_counts
from cms.obligations import selectors as obligations
from cms.programmes.models import Programme

from .periods import Period


@dataclass(frozen=True)
class ClusterRow:
    """A cluster the report covers (section I)."""

    code: str
    name: str
    place: str
    operator: str
    led_faces: int
    kiosks: int


@dataclass(frozen=True)
class FaceAirtime:
    """One LED face over the period: minutes delivered inside airtime."""

    face: str
    delivered_minutes: int
    advertising_minutes: int
    short_days: int


@dataclass(frozen=True)
class ClusterAirtime:
    """A cluster's airtime over the period against the regulation's minimum.

    ``required_minutes`` adds up each day's minimum (one day's duty, whatever
    the number of faces); ``delivered_minutes`` is the average LED face's
    delivered airtime, so the two compare directly. ``short_days``: days on
    which at least one face fell short.
    """

    code: str
    name: str
    required_minutes: int
    delivered_minutes: int
    advertising_minutes: int
    short_days: int
    faces: list[FaceAirtime] = field(default_factory=list)

    @property
    def delivered_percent(self) -> float | None:
        if not self.required_minutes:
            return None
        return round(100 * self.delivered_minutes / self.required_minutes, 1)


@dataclass(frozen=True)
class ComplianceRow:
    """One submission duty: how its due dates in the period went."""

    agency: str
    obligation: str
    regulation: str
    on_time: int
    late: int
    missing: int
    pending: int


@dataclass(frozen=True)
class FeedbackFigures:
    received: int
    answered: int
    closed: int
    median_hours_to_answer: float | None


@dataclass(frozen=True)
class ReportFigures:
    """Everything a report's tables and chart show."""

    start: dt.date
    end: dt.date
    agency_code: str
    agency_name: str
    generated_at: dt.datetime
    clusters: list[ClusterRow]
    programmes_produced: int
    programmes_approved: int
    programmes_broadcast: int
    plays: int
    emergency_plays: int
    airtime: list[ClusterAirtime]
    compliance: list[ComplianceRow]
    incidents: dict[str, int]
    feedback: FeedbackFigures

    @property
    def advertising_minutes(self) -> int:
        return sum(row.advertising_minutes for row in self.airtime)

    def to_json(self) -> dict:
        data = asdict(self)
        for name in ("start", "end", "generated_at"):
            data[name] = data[name].isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict) -> ReportFigures:
        values = {f.name: data[f.name] for f in fields(cls)}
        values["start"] = dt.date.fromisoformat(data["start"])
        values["end"] = dt.date.fromisoformat(data["end"])
        values["generated_at"] = dt.datetime.fromisoformat(data["generated_at"])
        values["clusters"] = [ClusterRow(**row) for row in data["clusters"]]
        values["airtime"] = [
            ClusterAirtime(
                **{**row, "faces": [FaceAirtime(**face) for face in row["faces"]]}
            )
            for row in data["airtime"]
        ]
        values["compliance"] = [ComplianceRow(**row) for row in data["compliance"]]
        values["feedback"] = FeedbackFigures(**data["feedback"])
        return cls(**values)


def local_span(period: Period) -> tuple[dt.datetime, dt.datetime]:
    """The period as [first instant, first instant after it) in local time."""
    tz = ZoneInfo(settings.TIME_ZONE)
    return (
        dt.datetime.combine(period.start, dt.time(), tz),
        dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time(), tz),
    )


def report_clusters(*, period: Period, agency: Agency | None) -> list[Cluster]:
    """Active clusters of the agency (all with None), and any that played in
    the period since."""
    first, after = local_span(period)
    played = Q(play_records__started_at__gte=first, play_records__started_at__lt=after)
    clusters = Cluster.objects.filter(Q(is_active=True) | played)
    if agency is not None:
        clusters = clusters.filter(operating_agency=agency)
    return list(
        clusters.distinct()
        .select_related("operating_agency")
        .prefetch_related("led_faces", "kiosks")
        .order_by("code")
    )


def cluster_rows(clusters: list[Cluster]) -> list[ClusterRow]:
    return [
        ClusterRow(
            code=c.code,
            name=c.name,
            place=c.place,
            operator=c.operating_agency.name,
            led_faces=len(c.led_faces.all()),
            kiosks=len(c.kiosks.all()),
        )
        for c in clusters
    ]


def programme_counts(*, period: Period, agency: Agency | None) -> tuple[int, int]:
    """(programmes first saved in the period, programmes first approved in it).

    Originals only (the source language); translations are the same programme.
    """
    first, after = local_span(period)
    programmes = Programme.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    if agency is not None:
        programmes = programmes.filter(providing_agency=agency)
    produced = (
        programmes.annotate(first_saved=Min("_revisions__created_at"))
        .filter(first_saved__gte=first, first_saved__lt=after)
        .count()
    )
    approved = programmes.filter(
        first_published_at__gte=first, first_published_at__lt=after
    ).count()
    return produced, approved


def play_counts(*, period: Period, clusters: list[Cluster]) -> tuple[int, int, int]:
    """(programmes broadcast, scheduled plays, emergency plays) on LED faces."""
    first, after = local_span(period)
    plays = PlayRecord.objects.filter(
        cluster__in=clusters, started_at__gte=first, started_at__lt=after
    ).exclude(face=KIOSK_FACE)
    scheduled = plays.filter(kind=PlayRecord.Kind.SCHEDULED)
    broadcast = (
        scheduled.exclude(programme_id=None).values("programme_id").distinct().count()
    )
    emergency = plays.filter(kind=PlayRecord.Kind.EMERGENCY).count()
    return broadcast, scheduled.count(), emergency


SPAN_DAYS = 7


def spans(period: Period) -> list[tuple[dt.date, dt.date]]:
    """The period cut into weeks. delivered_airtime compares each face-day
    with every play it read, so a long span costs days × plays. Measured on 62
    days of 2 faces × 200 plays a day: a week at a time 1.5–1.9 s, a month at
    a time 4.7–6.4 s, a day at a time 2.8 s (its reads dominate)."""
    found, start = [], period.start
    while start <= period.end:
        end = min(period.end, start + dt.timedelta(days=SPAN_DAYS - 1))
        found.append((start, end))
        start = end + dt.timedelta(days=1)
    return found


def cluster_airtime(*, period: Period, cluster: Cluster) -> ClusterAirtime:
    """Delivered against required airtime, from proof of play, day by day."""
    days = [
        day
        for start, end in spans(period)
        for day in delivered_airtime(cluster=cluster, start=start, end=end)
    ]
    faces = sorted({day.face for day in days})
    required = {day.day: day.required_minutes or 0 for day in days}
    face_rows = [
        FaceAirtime(
            face=face,
            delivered_minutes=sum(d.seconds for d in days if d.face == face) // 60,
            advertising_minutes=sum(
                d.advertising_seconds for d in days if d.face == face
            )
            // 60,
            short_days=sum(1 for d in days if d.face == face and d.short),
        )
        for face in faces
    ]
    count = len(faces) or 1
    return ClusterAirtime(
        code=cluster.code,
        name=cluster.name,
        required_minutes=sum(required.values()),
        delivered_minutes=sum(d.seconds for d in days) // 60 // count,
        advertising_minutes=sum(d.advertising_seconds for d in days) // 60 // count,
        short_days=len({d.day for d in days if d.short}),
        faces=face_rows,
    )


def compliance_rows(
    *, period: Period, agency: Agency | None, now: dt.datetime
) -> list[ComplianceRow]:
    """Each active duty with the status of every due date inside the period."""
    duties = obligations.active_obligations()
    if agency is not None:
        duties = duties.filter(agency=agency)
    rows = []
    for duty in duties:
        counts = dict.fromkeys(obligations.Status.LABELS, 0)
        times = obligations.submission_times(agency=duty.agency, counts=duty.counts)
        due = obligations.obligation_period(obligation=duty, day=period.start)
        while due.due <= period.end:
            if due.due >= period.start:
                status = obligations.period_status(
                    obligation=duty, period=due, now=now, times=times
                )
                counts[status.status] += 1
            due = obligations.obligation_period(obligation=duty, day=due.start, shift=1)
        rows.append(
            ComplianceRow(
                agency=duty.agency.name,
                obligation=duty.name,
                regulation=duty.regulation,
                on_time=counts[obligations.Status.ON_TIME],
                late=counts[obligations.Status.LATE],
                missing=counts[obligations.Status.MISSING],
                pending=counts[obligations.Status.PENDING],
            )
        )
    return rows


def figures(
    *, period: Period, agency: Agency | None, now: dt.datetime | None = None
) -> ReportFigures:
    """The figures of one operating body's report, or the department's
    consolidated report with ``agency=None``, for ``period``."""
    now = now or timezone.now()
    clusters = report_clusters(period=period, agency=agency)
    produced, approved = programme_counts(period=period, agency=agency)
    broadcast, plays, emergency = play_counts(period=period, clusters=clusters)
    first, after = local_span(period)
    # The department's report counts feedback and incidents of every
    # cluster, and those recorded for no cluster.
    scope = None if agency is None else clusters
    return ReportFigures(
        start=period.start,
        end=period.end,
        agency_code=agency.slug if agency else "",
        agency_name=agency.name if agency else "",
        generated_at=now,
        clusters=cluster_rows(clusters),
        programmes_produced=produced,
        programmes_approved=approved,
        programmes_broadcast=broadcast,
        plays=plays,
        emergency_plays=emergency,
        airtime=[cluster_airtime(period=period, cluster=c) for c in clusters],
        compliance=compliance_rows(period=period, agency=agency, now=now),
        incidents=incident_counts(start=first, end=after, clusters=scope),
        feedback=feedback_figures(start=first, end=after, clusters=scope),
    )


def feedback_figures(
    *, start: dt.datetime, end: dt.datetime, clusters: list[Cluster] | None
) -> FeedbackFigures:
    """Feedback received in [start, end) (all clusters and none with None),
    how much was answered and closed, and the median hours to an answer.

    As in the staff queue, suspected floods and repeats joined to a first
    item are not counted.
    """
    items = Feedback.objects.default_queue().filter(
        received_at__gte=start, received_at__lt=end
    )
    if clusters is not None:
        items = items.filter(cluster__in=clusters)
    rows = list(items.values_list("received_at", "answered_at", "closed_at"))
    waits = [
        (answered - received).total_seconds() / 3600
        for received, answered, _closed in rows
        if answered is not None
    ]
    return FeedbackFigures(
        received=len(rows),
        answered=len(waits),
        closed=sum(1 for *_times, closed in rows if closed is not None),
        median_hours_to_answer=round(statistics.median(waits), 1) if waits else None,
    )
