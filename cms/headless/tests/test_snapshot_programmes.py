"""A programme in the snapshot is its kiosk rendition, never the source."""

import pytest

from cms.programmes.models import Rendition
from cms.programmes.tests.factories import ProgrammeFactory

from .factories import ClusterFactory, information, site_home
from .schema import snapshot_errors

pytestmark = pytest.mark.django_db


def snapshot_of(client, cluster) -> dict:
    response = client.get(f"/api/kiosk/v1/clusters/{cluster.code}/snapshot.json")
    assert response.status_code == 200
    return response.json()


def programme_page(capture, *, subtitles=True):
    programme = ProgrammeFactory()
    if subtitles:
        for code, text in (("vi", "Chào mừng"), ("lo", "ຍິນດີຕ້ອນຮັບ"), ("en", "Hi")):
            programme.subtitle_tracks.create(
                language=code, text=f"1\n00:00:00,100 --> 00:00:00,800\n{text}\n"
            )
    with capture(execute=True):
        programme.save_revision().publish()
    programme.refresh_from_db()
    body = [{"type": "programme", "value": {"programme": programme.pk, "caption": ""}}]
    information(site_home(), slug="phong-su", body=body)
    return programme


def test_the_snapshot_lists_the_kiosk_rendition_its_poster_and_tracks(
    client, django_capture_on_commit_callbacks
):
    programme = programme_page(django_capture_on_commit_callbacks)
    kiosk = Rendition.objects.get(kind=Rendition.Kind.KIOSK)
    assert kiosk.status == Rendition.Status.DONE

    snapshot = snapshot_of(client, ClusterFactory(languages=["vi", "lo"]))

    assert snapshot_errors(snapshot) == []
    entry = snapshot["programmes"][str(programme.pk)]
    video = entry["video"]
    assert entry["status"] == "ready"
    assert video["url"] == "http://testserver" + kiosk.file.url
    assert video["url"] != "http://testserver" + programme.source_video.url
    assert (video["sha256"], video["size"]) == (kiosk.sha256, kiosk.file.size)
    assert video["content_type"] == "video/mp4"
    assert (video["width"], video["height"]) == (640, 360)
    assert video["duration_s"] == pytest.approx(1.0, abs=0.1)
    poster = entry["poster"]
    assert poster["content_type"] == "image/jpeg"
    assert poster["url"] == "http://testserver" + kiosk.poster.url
    assert (poster["width"], poster["height"]) == (640, 360)
    # The cluster's languages only, in its order, named in their own script.
    tracks = entry["subtitles"]
    assert [(t["language"], t["label"]) for t in tracks] == [
        ("vi", "Tiếng Việt"),
        ("lo", "ພາສາລາວ"),
    ]
    assert all(t["content_type"] == "text/vtt" for t in tracks)
    assert tracks[1]["url"].endswith("-lo.vtt")


def test_a_programme_still_being_encoded_is_listed_as_preparing_without_video(
    client, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    programme = programme_page(django_capture_on_commit_callbacks, subtitles=False)
    assert Rendition.objects.get(kind="kiosk").status == Rendition.Status.QUEUED

    snapshot = snapshot_of(client, ClusterFactory(languages=["vi"]))

    assert snapshot_errors(snapshot) == []
    entry = snapshot["programmes"][str(programme.pk)]
    assert entry["status"] == "preparing"
    assert (entry["video"], entry["poster"], entry["subtitles"]) == (None, None, [])


def test_a_failed_kiosk_rendition_is_listed_as_failed_with_no_video(
    client, django_capture_on_commit_callbacks
):
    programme = programme_page(django_capture_on_commit_callbacks, subtitles=False)
    Rendition.objects.filter(kind="kiosk").update(status=Rendition.Status.FAILED)

    snapshot = snapshot_of(client, ClusterFactory(languages=["vi"]))

    entry = snapshot["programmes"][str(programme.pk)]
    assert entry["status"] == "failed" and entry["video"] is None
    assert entry["poster"]["content_type"] == "image/jpeg"
