"""The snapshot of every demo cluster validates and holds only what is its own."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from cms.clusters.models import Cluster
from cms.content.models import KioskPage

from .schema import snapshot_errors

pytestmark = pytest.mark.django_db


def test_each_demo_cluster_snapshot_is_valid_and_scoped(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", password="Kon-Tum-demo-2026!", verbosity=0)

    clusters = list(Cluster.objects.active())
    assert len(clusters) >= 3
    languages_seen = set()
    for cluster in clusters:
        response = client.get(f"/api/kiosk/v1/clusters/{cluster.code}/snapshot.json")
        assert response.status_code == 200, cluster.code
        snapshot = response.json()
        assert snapshot_errors(snapshot) == [], cluster.code

        allowed = set(cluster.languages) | {"vi"}
        locales = [locale["code"] for locale in snapshot["locales"]]
        assert locales[0] == "vi"
        assert set(locales) <= allowed, cluster.code
        assert {page["locale"] for page in snapshot["pages"]} <= allowed
        languages_seen |= set(locales)

        pages = {
            page.pk: page
            for page in Page.objects.filter(
                pk__in=[p["id"] for p in snapshot["pages"]]
            ).specific()
        }
        for entry in snapshot["pages"]:
            page = pages[entry["id"]]
            assert page.live
            if isinstance(page, KioskPage):
                assert page.all_clusters or cluster in page.target_clusters.all()
        kiosk_pages = [
            p for p in snapshot["pages"] if p["type"] not in {"home", "section"}
        ]
        assert kiosk_pages, f"{cluster.code} shows no content"
        for locale in locales:
            assert locale in snapshot["navigation"], (cluster.code, locale)

    # The demo covers every content language across its clusters.
    assert {"vi", "en", "zh-hans", "lo", "km"} <= languages_seen
    led_face_facing_laos_plays_its_demo_playlist(client)


def led_face_facing_laos_plays_its_demo_playlist(client):
    """Bờ Y's face towards Laos: the live border news twice per loop (the demo
    playlist) over Kon Tum's 6 h, on the face's own rendition."""
    snapshot = client.get("/api/kiosk/v1/clusters/bo-y/snapshot.json").json()
    face = next(f for f in snapshot["led"]["faces"] if f["code"] == "facing-laos")
    today = face["days"][0]
    assert (today["planned_minutes"], today["required_minutes"]) == (360, 360)
    assert [item["title"] for item in today["loop"]] == [
        "Bản tin biên giới Kon Tum"
    ] * 2
    assert {
        (item["video"]["width"], item["video"]["height"]) for item in today["loop"]
    } == {(1344, 756)}
