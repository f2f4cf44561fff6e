"""Reads for LED playlists: a cluster's faces planned day by day.

``cluster_plans(cluster=…, start=…)`` gathers policy, calendar, programmes,
renditions and playlists in a few queries and hands plain data to the planner.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from cms.programmes.models import Programme, Rendition
from cms.programmes.selectors import programme_rendition_needs

from ..checks import dates, day_label
from ..regulations import day_rule
from ..selectors import cluster_policy, province_calendar
from .models import FacePlaylist
from .planner import (
    Candidate,
    DayPlan,
    Entry,
    PlanDay,
    RenditionState,
    day_plan,
)

# Each release ships this many days of plans (contracts §1).
PLAN_DAYS = 14


@dataclass(frozen=True)
class FacePlan:
    face: object  # cms.clusters.models.LedFace
    days: list[DayPlan]

    @property
    def warnings(self) -> list[tuple[str, list[dt.date]]]:
        """Each warning once, with the days it applies to."""
        found: dict[str, list[dt.date]] = {}
        for day in self.days:
            for warning in day.warnings:
                found.setdefault(warning, []).append(day.day)
        return list(found.items())


def cluster_plans(*, cluster, start: dt.date, days: int = PLAN_DAYS) -> list[FacePlan]:
    """Every LED face of ``cluster`` planned from ``start`` for ``days`` days."""
    # Faces added outside the admin have no sort order: last, on any database.
    faces = list(cluster.led_faces.order_by(F("sort_order").asc(nulls_last=True), "pk"))
    plan_days = _plan_days(cluster=cluster, start=start, days=days)
    playlists = _playlists(faces)
    programmes = _programmes(playlists)
    candidates = _candidates(faces, programmes)
    return [
        FacePlan(
            face=face,
            days=[
                day_plan(
                    day=plan_day,
                    candidates=candidates[face.pk],
                    playlist=playlists.get(face.pk),
                )
                for plan_day in plan_days
            ],
        )
        for face in faces
    ]


def _plan_days(*, cluster, start: dt.date, days: int) -> list[PlanDay]:
    end = start + dt.timedelta(days=days - 1)
    policy = cluster_policy(cluster=cluster)
    calendar = province_calendar(start=start, end=end)
    tz = timezone.get_current_timezone()
    cap = policy.advertising_cap() if policy else None
    plan_days = []
    for date in dates(start, end):
        info = calendar.day_info(date)
        plan_days.append(
            PlanDay(
                info=info,
                label=day_label(info),
                tz=tz,
                windows=policy.windows_for(info.day_type) if policy else [],
                rule=day_rule(policy.regulation, info.day_type) if policy else None,
                cap=cap,
                has_policy=policy is not None,
            )
        )
    return plan_days


def _playlists(faces) -> dict[int, list[Entry]]:
    rows = FacePlaylist.objects.filter(face__in=faces).prefetch_related("entries")
    return {
        playlist.face_id: [
            Entry(e.programme_id, e.plays_per_loop, e.starts_on, e.ends_on)
            for e in playlist.entries.all()
        ]
        for playlist in rows
    }


def _programmes(playlists: dict[int, list[Entry]]) -> list[Programme]:
    """Approved programmes in the source language, newest first, then any
    others the playlists name."""
    source = settings.LANGUAGE_CODE
    approved = list(
        Programme.objects.filter(live=True, locale__language_code=source)
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
        .prefetch_related("target_faces", "target_clusters", "subtitle_tracks")
    )
    seen = {p.pk for p in approved}
    named = {e.programme_id for entries in playlists.values() for e in entries} - seen
    return approved + list(Programme.objects.filter(pk__in=named).order_by("-pk"))


def _candidates(faces, programmes: list[Programme]) -> dict[int, list[Candidate]]:
    face_ids = {face.pk for face in faces}
    keys: dict[tuple[int, int], str] = {}
    for programme in programmes:
        for need in programme_rendition_needs(programme):
            if need.face.pk in face_ids:
                keys[(programme.pk, need.face.pk)] = need.input_key
    renditions = Rendition.objects.in_bulk(list(keys.values()), field_name="input_key")
    stored: dict[str, bool] = {}
    found: dict[int, list[Candidate]] = {face.pk: [] for face in faces}
    for face in faces:
        for programme in programmes:
            key = keys.get((programme.pk, face.pk))
            state = _state(renditions.get(key) if key else None, stored)
            found[face.pk].append(
                Candidate(
                    programme_id=programme.pk,
                    title=programme.title,
                    advertising=programme.is_advertising,
                    approved=programme.live,
                    targeted=key is not None,
                    valid_from=programme.valid_from,
                    valid_to=programme.valid_to,
                    rendition=state,
                )
            )
    return found


def _state(rendition: Rendition | None, stored: dict[str, bool]) -> RenditionState:
    if rendition is None:
        return RenditionState("missing")
    if rendition.status == Rendition.Status.DONE:
        name = rendition.file.name
        if name not in stored:
            stored[name] = bool(name) and rendition.file.storage.exists(name)
        if not stored[name]:
            return RenditionState("missing")
    return RenditionState(
        status=rendition.status,
        duration_s=rendition.duration_s,
        progress=rendition.progress,
        error=rendition.error,
        rendition=rendition,
    )
