"""Clusters with airtime rules, plays reported by their agents, programmes
saved and approved on chosen days: the data the report figures count."""

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from freezegun import freeze_time

from cms.broadcasting.models import PolicyCluster
from cms.broadcasting.tests.factories import policy_make
from cms.broadcasting.tests.proof_helpers import play
from cms.clusters.models import Cluster, LedFace
from cms.core.categories import Category
from cms.editorial.tests.factories import locale
from cms.programmes.models import Programme
from cms.releases.services import agent_upload_record

VN = ZoneInfo("Asia/Ho_Chi_Minh")
# An Giang Art. 4.3: 07:00–11:00 and 14:00–18:00 every day, 8 h required.
WINDOWS = [("07:00", "11:00"), ("14:00", "18:00")]


def local(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=VN)


def every_day_policy(name: str = "An Giang"):
    return policy_make(
        regulation="an_giang",
        windows={("working", "weekend", "holiday"): WINDOWS},
        name=name,
    )


def cluster_make(code: str, agency, faces: list[str], policy) -> Cluster:
    cluster = Cluster.objects.create(
        code=code,
        name=f"Cụm {code}",
        kind="border_gate",
        place=f"Cửa khẩu {code}",
        operating_agency=agency,
        languages=["vi"],
    )
    for face in faces:
        LedFace.objects.create(
            cluster=cluster, code=face, name=face, width_px=960, height_px=480
        )
    PolicyCluster.objects.create(policy=policy, cluster=cluster)
    return cluster


def played(cluster, face: str, start: dt.datetime, seconds: int, **changes):
    """One play as the cluster's agent reports it (through the real ingest)."""
    agent_upload_record(
        cluster=cluster,
        kind="play_log",
        idempotency_key=str(uuid.uuid4()),
        payload=play(start.isoformat(), seconds=seconds, face=face, **changes),
    )


def programme_made(
    agency, title: str, *, saved: dt.datetime, published=None, language="vi"
) -> Programme:
    """A programme first saved at ``saved`` and approved at ``published``."""
    with freeze_time(saved):
        item = Programme(
            title=title,
            category=Category.choices[0][0],
            providing_agency=agency,
            live=False,
            locale=locale(language),
        )
        item.source_video.save("clip.mp4", ContentFile(b"x"), save=False)
        item.save()
        revision = item.save_revision()
    if published is not None:
        with freeze_time(published):
            revision.publish()
    return item
