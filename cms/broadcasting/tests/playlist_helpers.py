"""Programmes with face renditions in a given state, for the playlist tests.

The rendition rows carry the input key the programme's target faces need
(programmes.selectors), so the planner finds them as the worker leaves them;
no ffmpeg here (the snapshot test transcodes for real).
"""

import datetime as dt
import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone

from cms.clusters.models import LedFace
from cms.programmes.models import Programme, Rendition
from cms.programmes.selectors import face_profile_fields, programme_rendition_needs


def face_make(cluster, code="lao", **changes) -> LedFace:
    values = dict(cluster=cluster, code=code, name=code, width_px=960, height_px=480)
    return LedFace.objects.create(**(values | changes))


def programme_make(title, *, live=True, published=None, **changes) -> Programme:
    values = dict(
        title=title,
        category="border_foreign",
        all_clusters=True,
        live=live,
        first_published_at=published or timezone.now(),
        source_video=ContentFile(b"source", name="source.mp4"),
        source_sha256=hashlib.sha256(title.encode()).hexdigest(),
    )
    return Programme.objects.create(**(values | changes))


def renditions_make(programme, *, status="done", seconds=30.0, stored=True) -> list:
    """One rendition per target face of ``programme`` (faces sharing a profile
    share one)."""
    made = {}
    for need in programme_rendition_needs(programme):
        if need.input_key in made:
            continue
        fields = face_profile_fields(need.face)
        rendition = Rendition(
            input_key=need.input_key,
            programme=programme,
            source_sha256=programme.source_sha256,
            profile_key=need.profile_key,
            width_px=fields["width"],
            height_px=fields["height"],
            fps=fields["fps"],
            max_kbps=fields["max_kbps"],
            has_audio=fields["audio"],
            fit=fields["fit"],
            status=status,
            progress=100 if status == "done" else 40,
            duration_s=seconds if status == "done" else None,
            error="ffmpeg exited 1" if status == "failed" else "",
            finished_at=timezone.now() if status in ("done", "failed") else None,
        )
        if status == "done":
            name = f"r-{need.input_key[:12]}.mp4"
            if stored:
                rendition.file.save(name, ContentFile(b"rendition"), save=False)
            else:
                rendition.file.name = f"programmes/renditions/{name}"
        rendition.save()
        made[need.input_key] = rendition
    return list(made.values())


def days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)
