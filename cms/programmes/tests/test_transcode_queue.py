"""Services say when renditions are due; the transcode task is queued for them."""

import pytest
from django_tasks import task_backends

from cms.programmes import services
from cms.programmes.models import Rendition

from .factories import LedFaceFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

TRANSCODE = "cms.programmes.tasks.transcode_programme"


@pytest.fixture
def queue(settings):
    """A task backend that keeps what is queued instead of running it."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    return task_backends["default"].results


def transcodes(queue) -> list:
    """The transcode tasks queued (Wagtail queues tasks of its own too)."""
    return [result for result in queue if result.task.module_path == TRANSCODE]


def test_publishing_a_programme_queues_exactly_one_transcode_task(
    queue, django_capture_on_commit_callbacks
):
    LedFaceFactory(width_px=320, height_px=180)
    LedFaceFactory(width_px=180, height_px=320)
    programme = ProgrammeFactory()

    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()

    assert Rendition.objects.filter(kind="face").count() == 2
    assert Rendition.objects.filter(kind="kiosk").count() == 1
    assert [task.kwargs for task in transcodes(queue)] == [
        {"programme_id": programme.pk}
    ]


def test_a_failed_encode_is_queued_again_for_after_its_back_off(
    queue, django_capture_on_commit_callbacks
):
    LedFaceFactory()
    programme = ProgrammeFactory()
    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()
    # The file goes bad after the upload check (disk fault, truncated copy).
    with open(programme.source_video.path, "r+b") as handle:
        handle.truncate(2000)

    assert services.renditions_transcode(programme_id=programme.pk) == 0

    rendition = Rendition.objects.get(kind="face")
    assert rendition.status == Rendition.Status.QUEUED and rendition.error
    # One retry for the face's rendition, one for the kiosk pages'.
    first, *retries = transcodes(queue)
    assert len(retries) == 2
    assert all(r.kwargs == {"programme_id": programme.pk} for r in [first, *retries])
    assert first.task.run_after is None
    assert rendition.next_attempt_at in [r.task.run_after for r in retries]
