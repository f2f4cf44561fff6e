"""Small worlds for the emergency tests: clusters, people, a released rendition."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings

from cms.editorial.models import Role
from cms.editorial.services import user_create
from cms.headless.tests.factories import ClusterFactory, make_programme
from cms.programmes.models import Programme, Rendition
from cms.programmes.selectors import programme_rendition_needs
from cms.releases.services import release_publish

from ..models import OperatorClusters

PASSWORD = "Khẩn-cấp#2026-Biên-giới"
VIDEO = b"\x00\x00\x00\x18ftypmp42 emergency rendition" * 64

__all__ = ["ClusterFactory", "face_rendition", "operator", "user"]


def user(username: str, role: str, **kwargs):
    return user_create(
        username=username,
        password=PASSWORD,
        role=role,
        email=f"{username}@example.org",
        **kwargs,
    )


def operator(username: str, *clusters):
    """A cluster operator assigned ``clusters`` for emergencies."""
    person = user(username, Role.OPERATOR)
    assignment = OperatorClusters.objects.create(user=person)
    assignment.clusters.set(clusters)
    return person


def face_rendition(*, cluster, status=Rendition.Status.DONE) -> tuple:
    """A live programme and its rendition for the cluster's face "lao"."""
    programme: Programme = make_programme(title="Phòng chống lũ")
    (need,) = [
        n for n in programme_rendition_needs(programme) if n.face.cluster == cluster
    ]
    rendition = Rendition.objects.create(
        input_key=need.input_key,
        programme=programme,
        source_sha256="ab" * 32,
        profile_key=need.profile_key,
        width_px=1920,
        height_px=1080,
        fps=25,
        max_kbps=6000,
        has_audio=True,
        fit="pad",
        status=status,
        sha256=hashlib.sha256(VIDEO).hexdigest(),
        duration_s=30.0,
    )
    return programme, rendition


def release_with_video(*, cluster) -> str:
    """Publish a release of ``cluster`` holding VIDEO; return its media path."""
    site = Path(settings.KIOSK_BUILD_ROOT) / cluster.code
    (site / "media").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>kiosk</title>")
    name = hashlib.sha256(VIDEO).hexdigest()[:20] + ".mp4"
    (site / "media" / name).write_bytes(VIDEO)
    release_publish(cluster=cluster)
    return f"media/{name}"
