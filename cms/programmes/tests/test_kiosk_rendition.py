"""An approved programme gets a kiosk pages' rendition: H.264 MP4 at most
1280 px a side, 3 Mbit/s, index first, a poster and WebVTT subtitles."""

import pytest
from django.utils import timezone

import transcode
from cms.programmes import services
from cms.programmes.models import Rendition
from cms.programmes.selectors import programme_kiosk_playable
from transcode.sniff import iso_boxes

from .factories import ClusterFactory, LedFaceFactory, ProgrammeFactory, clip_file

pytestmark = pytest.mark.django_db

KIOSK = Rendition.objects.filter(kind=Rendition.Kind.KIOSK)


def approve(programme, capture):
    with capture(execute=True):
        programme.save_revision().publish()
    programme.refresh_from_db()


def with_subtitles(programme):
    programme.subtitle_tracks.create(
        language="vi", text="1\n00:00:00,200 --> 00:00:00,900\nChào mừng <b>Bờ Y</b>\n"
    )
    programme.subtitle_tracks.create(
        language="lo", text="WEBVTT\n\n00:00.200 --> 00:00.900\nຍິນດີຕ້ອນຮັບ\n"
    )
    return programme


def test_an_approved_full_hd_programme_gets_a_1280_wide_kiosk_rendition(
    django_capture_on_commit_callbacks,
):
    LedFaceFactory(cluster=ClusterFactory(languages=["vi", "lo"]))
    programme = with_subtitles(
        ProgrammeFactory(source_video=clip_file("hd.mp4", size="1920x1080"))
    )
    approve(programme, django_capture_on_commit_callbacks)

    kiosk = KIOSK.get()
    assert kiosk.status == Rendition.Status.DONE
    assert (kiosk.width_px, kiosk.height_px) == (1280, 720)
    path = kiosk.file.path
    info = transcode.probe(path)
    assert (info.video.codec, info.video.width, info.video.height) == (
        "h264",
        1280,
        720,
    )
    assert info.audio.codec == "aac"
    assert kiosk.avg_kbps <= 3000 and kiosk.max_kbps == 3000
    kinds = [box.kind for box in iso_boxes(path)[0]]
    assert kinds.index(b"moov") < kinds.index(b"mdat")
    assert kiosk.sha256 == services.file_sha256(kiosk.file)
    with kiosk.poster.open("rb") as handle:
        assert handle.read(3) == b"\xff\xd8\xff"
    tracks = {track["language"]: track for track in kiosk.webvtt}
    assert set(tracks) == {"vi", "lo"}
    storage = kiosk.file.storage
    with storage.open(tracks["vi"]["name"]) as handle:
        vi = handle.read().decode()
    assert vi == "WEBVTT\n\n00:00:00.200 --> 00:00:00.900\nChào mừng Bờ Y\n"
    assert programme_kiosk_playable(programme) == kiosk


def test_a_programme_for_kiosk_pages_only_still_queues_its_kiosk_rendition(
    settings, django_capture_on_commit_callbacks
):
    from django_tasks import task_backends

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    programme = ProgrammeFactory()  # no LED face anywhere

    approve(programme, django_capture_on_commit_callbacks)

    kiosk = KIOSK.get()
    assert kiosk.status == Rendition.Status.QUEUED
    assert (
        kiosk.programme == programme
        and not Rendition.objects.exclude(kind=Rendition.Kind.KIOSK).exists()
    )
    queued = [
        r.kwargs
        for r in task_backends["default"].results
        if r.task.name == "transcode_programme"
    ]
    assert queued == [{"programme_id": programme.pk}]

    assert services.renditions_transcode(programme_id=programme.pk) == 1
    kiosk.refresh_from_db()
    assert kiosk.status == Rendition.Status.DONE
    assert (kiosk.width_px, kiosk.height_px) == (640, 360)


def test_editing_subtitles_keeps_the_last_kiosk_rendition_playable_meanwhile(
    settings, django_capture_on_commit_callbacks
):
    programme = ProgrammeFactory()
    approve(programme, django_capture_on_commit_callbacks)
    first = KIOSK.get()
    assert first.status == Rendition.Status.DONE

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    with_subtitles(programme)
    approve(programme, django_capture_on_commit_callbacks)

    second = KIOSK.exclude(pk=first.pk).get()
    assert second.status == Rendition.Status.QUEUED
    assert second.subtitle_languages == ["lo", "vi"]
    assert programme_kiosk_playable(programme) == first


def test_a_kiosk_rendition_that_cannot_be_made_fails_alone_and_retries(
    settings, django_capture_on_commit_callbacks
):
    settings.TRANSCODE_MAX_ATTEMPTS = 1
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    programme = ProgrammeFactory()
    approve(programme, django_capture_on_commit_callbacks)
    with open(programme.source_video.path, "r+b") as handle:
        handle.truncate(2000)

    assert services.renditions_transcode(programme_id=programme.pk) == 0

    kiosk = KIOSK.get()
    assert kiosk.status == Rendition.Status.FAILED
    assert "truncated" in kiosk.error or "corrupt" in kiosk.error
    assert programme_kiosk_playable(programme) == kiosk

    services.rendition_retry(rendition=kiosk)
    kiosk.refresh_from_db()
    assert kiosk.status == Rendition.Status.QUEUED and kiosk.attempts == 0
    assert kiosk.next_attempt_at <= timezone.now()


def test_editors_see_the_kiosk_rendition_in_the_status_panel(
    admin_client, admin_user, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "vi"
    profile.save()
    programme = with_subtitles(ProgrammeFactory())
    approve(programme, django_capture_on_commit_callbacks)

    page = admin_client.get(
        f"/admin/snippets/programmes/programme/edit/{programme.pk}/"
    ).content.decode()
    assert "Trang ki-ốt" in page
    assert "sẵn sàng, 640×360" in page
    assert "2 phụ đề" in page

    KIOSK.update(status=Rendition.Status.FAILED, error="ffmpeg: disk full")
    page = admin_client.get(
        f"/admin/snippets/programmes/programme/edit/{programme.pk}/"
    ).content.decode()
    assert "disk full" in page
