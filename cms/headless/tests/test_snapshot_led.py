"""The snapshot's "led" section: 14 days per LED face, each loop item the
face's own rendition (contracts §1)."""

import datetime as dt

import pytest
from django.utils import timezone

from cms.broadcasting.models import PolicyCluster
from cms.broadcasting.tests.factories import ALL_DAYS, policy_make
from cms.clusters.models import LedFace
from cms.headless.snapshot import cluster_snapshot
from cms.programmes.models import Rendition
from cms.programmes.tests.factories import ProgrammeFactory

from .factories import ClusterFactory
from .schema import snapshot_errors

pytestmark = pytest.mark.django_db
BASE = "http://testserver"


@pytest.fixture
def cluster():
    """A Kon Tum cluster with two faces of different sizes (the factory's
    1920×1080 "lao" made smaller so the test transcodes quickly)."""
    cluster = ClusterFactory(languages=["vi"])
    LedFace.objects.filter(cluster=cluster).update(
        width_px=320, height_px=180, sort_order=0
    )
    LedFace.objects.create(
        cluster=cluster, code="road", name="Facing the road", width_px=192,
        height_px=320, has_sound=False, sort_order=1,
    )  # fmt: skip
    policy = policy_make(
        regulation="kon_tum",
        windows={ALL_DAYS: [("07:00", "10:00"), ("17:00", "00:00")]},  # 00:00: midnight
    )
    PolicyCluster.objects.create(policy=policy, cluster=cluster)
    return cluster


@pytest.fixture
def programme(cluster, django_capture_on_commit_callbacks):
    programme = ProgrammeFactory(title="Bản tin biên giới")
    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()
    programme.refresh_from_db()
    return programme


def face_rendition(programme, face) -> Rendition:
    return Rendition.objects.get(
        programme=programme,
        kind=Rendition.Kind.FACE,
        width_px=face.width_px,
        height_px=face.height_px,
    )


def test_the_led_section_validates_and_carries_each_faces_rendition(cluster, programme):
    now = timezone.now()

    snapshot = cluster_snapshot(cluster=cluster, base_url=BASE, now=now)

    assert snapshot_errors(snapshot) == []
    led = snapshot["led"]
    assert led["timezone"] == "Asia/Ho_Chi_Minh"
    assert [face["code"] for face in led["faces"]] == ["lao", "road"]
    today = timezone.localtime(now).date()
    for face_entry in led["faces"]:
        face = LedFace.objects.get(cluster=cluster, code=face_entry["code"])
        rendition = face_rendition(programme, face)
        assert rendition.status == Rendition.Status.DONE
        days = face_entry["days"]
        assert [day["date"] for day in days] == [
            (today + dt.timedelta(days=n)).isoformat() for n in range(14)
        ]
        day = days[0]
        assert day["windows"] == [
            {"start": "07:00", "end": "10:00"},
            {"start": "17:00", "end": "24:00"},
        ]
        assert (day["required_minutes"], day["planned_minutes"]) == (360, 600)
        [item] = day["loop"]
        assert item["programme_id"] == programme.pk
        assert item["title"] == "Bản tin biên giới"
        assert item["advertising"] is False
        video = item["video"]
        assert video["url"] == BASE + rendition.file.url
        assert (video["sha256"], video["size"]) == (
            rendition.sha256,
            rendition.file.size,
        )
        assert (video["width"], video["height"]) == (face.width_px, face.height_px)
        assert item["duration_s"] == pytest.approx(1.0, abs=0.1)
    kiosk = Rendition.objects.get(programme=programme, kind=Rendition.Kind.KIOSK)
    urls = {d["loop"][0]["video"]["url"] for f in led["faces"] for d in f["days"]}
    assert BASE + kiosk.file.url not in urls
    assert len(urls) == 2


def test_a_day_without_airtime_is_listed_with_an_empty_loop(cluster, programme):
    PolicyCluster.objects.filter(cluster=cluster).delete()

    snapshot = cluster_snapshot(cluster=cluster, base_url=BASE)

    assert snapshot_errors(snapshot) == []
    day = snapshot["led"]["faces"][0]["days"][0]
    assert day["windows"] == [] and day["loop"] == []
    assert (day["required_minutes"], day["planned_minutes"]) == (None, 0)


def test_a_snapshot_without_the_led_section_still_validates(cluster):
    snapshot = cluster_snapshot(cluster=cluster, base_url=BASE)
    del snapshot["led"]

    assert snapshot_errors(snapshot) == []
