"""Content for the backup round trip, run in the site under test through
`manage.py shell -c` (the test itself never opens that database)."""

import json

from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.broadcasting.proof.models import PlayRecord
from cms.clusters.models import Cluster
from cms.headless.tests.factories import (
    ClusterFactory,
    make_image,
    make_programme,
    site_home,
    tree_roots,
)
from cms.programmes.models import Programme
from cms.releases.models import AgentUpload, Release

# An emergency message shown on the kiosk (no programme), as the player logs it.
PLAY_LOG = {
    "face": "kiosk",
    "programme_id": None,
    "rendition_sha256": None,
    "started_at": "2026-12-06T08:00:00+07:00",
    "ended_at": "2026-12-06T08:00:30+07:00",
    "kind": "emergency",
    "advertising": False,
}


def seed() -> None:
    tree_roots()  # a transactional test's flush removed them
    cluster = ClusterFactory(code="bo-y")
    site_home(welcome="Chào mừng đến Bờ Y")
    make_image(title="Cột mốc 1", color=(10, 200, 30))
    make_image(title="Cột mốc 2", color=(200, 30, 30))
    make_programme(title="Phóng sự Bờ Y")
    Release.objects.create(
        cluster=cluster,
        build=7,
        manifest_sha256="ab" * 32,
        file_count=2,
        total_bytes=1234,
        trigger=Release.Trigger.COMMAND,
    )
    for n in range(3):
        AgentUpload.objects.create(
            cluster=cluster,
            kind=AgentUpload.Kind.PLAY_LOG,
            idempotency_key=f"log-{n}",
            payload=PLAY_LOG | {"n": n},
        )
    get_user_model().objects.create_user("bientap", password="Kiểm-tra#2026-x")


def probe() -> None:
    """Print what the round trip compares: row counts and a few exact values."""
    models = [Page, get_image_model(), Programme, Cluster, Release, AgentUpload]
    models.append(PlayRecord)  # the play logs' proof-of-play chain
    found = {m.__name__: m.objects.count() for m in models}
    found["users"] = list(get_user_model().objects.values_list("username", flat=True))
    found["logs"] = list(
        AgentUpload.objects.order_by("idempotency_key").values_list(
            "idempotency_key", "payload"
        )
    )
    found["images"] = sorted(
        get_image_model().objects.values_list("title", "file", "file_hash")
    )
    found["home"] = Page.objects.filter(slug="trang-chu").first().title
    found["release"] = list(Release.objects.values_list("build", "manifest_sha256"))
    print(json.dumps(found, ensure_ascii=False, sort_keys=True))
