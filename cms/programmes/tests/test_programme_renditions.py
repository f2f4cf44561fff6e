"""Approving a programme makes a verified rendition for each LED face profile."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

import transcode
from cms.programmes import services
from cms.programmes.models import Programme, Rendition
from cms.programmes.selectors import programme_ready_count

from .factories import ClusterFactory, LedFaceFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

# The LED faces' renditions (each approved programme also gets a kiosk one,
# see test_kiosk_rendition).
FACES = Rendition.objects.filter(kind=Rendition.Kind.FACE)


@pytest.fixture
def faces():
    gate = ClusterFactory(code="bo-y", languages=["vi", "lo"])
    town = ClusterFactory(code="thi-tran", languages=["vi"], kind="town")
    return [
        LedFaceFactory(cluster=gate, code="lao", width_px=320, height_px=180),
        LedFaceFactory(
            cluster=gate, code="doc", width_px=180, height_px=320, has_sound=False
        ),
        LedFaceFactory(cluster=town, code="rong", width_px=320, height_px=180),
    ]


def approve(programme, capture):
    with capture(execute=True):
        programme.save_revision().publish()
    programme.refresh_from_db()


def test_approval_makes_one_verified_rendition_per_distinct_profile(
    faces, django_capture_on_commit_callbacks
):
    programme = ProgrammeFactory()
    approve(programme, django_capture_on_commit_callbacks)

    renditions = list(FACES.order_by("width_px"))
    # Three faces, two distinct profiles: the two 320x180 faces share one.
    assert [(r.width_px, r.height_px) for r in renditions] == [(180, 320), (320, 180)]
    assert programme_ready_count(programme) == (3, 3)
    for rendition in renditions:
        assert rendition.status == Rendition.Status.DONE
        assert rendition.sha256 == services.file_sha256(rendition.file)
        info = transcode.probe(rendition.file.path)
        assert (info.video.width, info.video.height) == (
            rendition.width_px,
            rendition.height_px,
        )
        assert rendition.peak_kbps <= rendition.max_kbps * 1.25
        assert rendition.ffmpeg_version
    silent = renditions[0]
    assert silent.has_audio is False
    assert transcode.probe(silent.file.path).audio is None


def test_each_finished_rendition_is_announced_once_committed(
    faces, django_capture_on_commit_callbacks
):
    done = []

    def receiver(sender, rendition, **kwargs):
        done.append((rendition.pk, rendition.status))

    services.rendition_done.connect(receiver, dispatch_uid="test_rendition_done")
    try:
        approve(ProgrammeFactory(), django_capture_on_commit_callbacks)
    finally:
        services.rendition_done.disconnect(dispatch_uid="test_rendition_done")
    finished = Rendition.objects.filter(status=Rendition.Status.DONE)
    assert sorted(done) == sorted(
        (pk, "done") for pk in finished.values_list("pk", flat=True)
    )
    assert len(done) == finished.count() >= 3  # two face profiles and the kiosk one


def test_identical_source_and_profile_reuse_the_existing_rendition(
    faces, django_capture_on_commit_callbacks
):
    first = ProgrammeFactory()
    approve(first, django_capture_on_commit_callbacks)
    before = set(FACES.values_list("pk", "finished_at"))

    with first.source_video.open("rb") as handle:
        second = ProgrammeFactory(source_video=ContentFile(handle.read(), "copy.mp4"))
    approve(second, django_capture_on_commit_callbacks)

    assert set(FACES.values_list("pk", "finished_at")) == before
    assert programme_ready_count(second) == (3, 3)


def test_editing_re_transcodes_only_what_changed(
    faces, django_capture_on_commit_callbacks
):
    programme = ProgrammeFactory()
    approve(programme, django_capture_on_commit_callbacks)
    before = set(FACES.values_list("pk", "finished_at"))

    LedFaceFactory(cluster=faces[0].cluster, code="moi", width_px=256, height_px=144)
    programme = Programme.objects.get(pk=programme.pk)
    approve(programme, django_capture_on_commit_callbacks)

    after = set(FACES.values_list("pk", "finished_at"))
    assert before < after and len(after - before) == 1
    assert programme_ready_count(programme) == (4, 4)


def test_subtitles_are_burned_in_the_clusters_two_languages(
    faces, django_capture_on_commit_callbacks
):
    programme = ProgrammeFactory()
    programme.subtitle_tracks.create(
        language="vi", text="1\n00:00:00,000 --> 00:00:01,000\nChào mừng\n"
    )
    programme.subtitle_tracks.create(
        language="lo", text="1\n00:00:00,000 --> 00:00:01,000\nຍິນດີຕ້ອນຮັບ\n"
    )
    approve(programme, django_capture_on_commit_callbacks)

    by_face = {
        r.subtitle_languages and tuple(r.subtitle_languages): r for r in FACES.all()
    }
    # The gate shows vi + lo; the town board shows Vietnamese only.
    assert ("vi", "lo") in by_face and ("vi",) in by_face
    assert programme_ready_count(programme) == (3, 3)


def test_a_failing_encode_retries_with_back_off_then_stays_failed_with_reason(
    faces, settings, django_capture_on_commit_callbacks
):
    settings.TRANSCODE_MAX_ATTEMPTS = 2
    programme = ProgrammeFactory(all_clusters=False)
    programme.target_faces.set([faces[0]])
    # The file goes bad after the upload check (disk fault, truncated copy).
    with open(programme.source_video.path, "r+b") as handle:
        handle.truncate(2000)
    approve(programme, django_capture_on_commit_callbacks)

    rendition = FACES.get()
    assert rendition.status == Rendition.Status.QUEUED
    assert rendition.attempts == 1
    assert rendition.next_attempt_at > timezone.now() + timedelta(seconds=30)
    assert rendition.error

    FACES.update(next_attempt_at=timezone.now())
    services.renditions_transcode(programme_id=programme.pk)

    rendition.refresh_from_db()
    assert rendition.status == Rendition.Status.FAILED
    assert rendition.attempts == 2
    assert "truncated" in rendition.error or "corrupt" in rendition.error
    assert not rendition.file
    assert programme_ready_count(programme) == (0, 1)


def test_editors_see_readiness_and_the_failure_reason_in_the_admin(
    faces, admin_client, admin_user, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    programme = ProgrammeFactory()
    approve(programme, django_capture_on_commit_callbacks)
    FACES.filter(width_px=180).update(
        status=Rendition.Status.FAILED, error="ffmpeg exited with code 1: disk full"
    )

    listing = admin_client.get("/admin/snippets/programmes/programme/")
    assert "ready for 2 of 3 faces" in listing.content.decode()
    edit = admin_client.get(
        f"/admin/snippets/programmes/programme/edit/{programme.pk}/"
    )
    page = edit.content.decode()
    assert "Ready for 2 of 3 faces" in page
    assert "disk full" in page
