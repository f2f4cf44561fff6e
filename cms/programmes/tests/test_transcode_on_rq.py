"""TASKS_BACKEND=rq: publishing queues the transcode on Redis; an RQ worker does it."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import django_rq
import pytest
import redis
from django.conf import settings as django_settings
from django_tasks import TaskResultStatus

import transcode
from cms.programmes.models import Rendition
from cms.programmes.tasks import transcode_programme

from .factories import LedFaceFactory, ProgrammeFactory
from .test_rendition_workers import database_url, finished_files

pytestmark = pytest.mark.django_db(transaction=True)

MANAGE = Path(django_settings.BASE_DIR) / "manage.py"
# A Redis database of this test's own: it is flushed before and after, so the
# queues of a worker using database 0 on the same server are never touched.
REDIS_URL = "redis://127.0.0.1:6379/13"
TRANSCODE = "cms.programmes.tasks.transcode_programme"


@pytest.fixture(autouse=True)
def _default_locale(transactional_db):
    # Another transactional test may have flushed the migration's data.
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="vi")


@pytest.fixture
def rq_backend(settings):
    """The RQ backend of the settings, on the test's own Redis database."""
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.ConnectionError as err:
        pytest.fail(
            f"Redis at {REDIS_URL} is unreachable ({err}); this test needs a "
            "running Redis: start it with `redis-server --daemonize yes`",
            pytrace=False,
        )
    connection.flushdb()
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    }
    settings.RQ_QUEUES = {
        "default": {**settings.RQ_QUEUES["default"], "URL": REDIS_URL}
    }
    yield connection
    connection.flushdb()
    connection.close()


def run_rq_worker(settings) -> subprocess.CompletedProcess:
    """The README's RQ worker command, in burst mode: it exits when idle."""
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "rq",
        "TASKS_REDIS_URL": REDIS_URL,
        # cms.settings.test picks the backend from here, not TASKS_BACKEND.
        "TEST_TASKS_BACKEND": "django_tasks_rq.RQBackend",
        "MEDIA_ROOT": settings.MEDIA_ROOT,
    }
    command = ["rqworker", "--job-class", "django_tasks_rq.Job", "--with-scheduler"]
    return subprocess.run(
        [sys.executable, str(MANAGE), *command, "--burst", "default"],
        env=env,
        capture_output=True,
        timeout=300,
    )


def test_publishing_on_rq_queues_a_transcode_that_an_rq_worker_completes(
    settings, rq_backend
):
    LedFaceFactory(width_px=320, height_px=180, fps=25, max_kbps=1500)
    programme = ProgrammeFactory()

    programme.save_revision().publish()  # the signals queue the task on Redis

    queued = django_rq.get_queue("default").jobs
    [job] = [job for job in queued if job.func_name == TRANSCODE]
    assert job.timeout == settings.TASKS_RQ_JOB_TIMEOUT_SECONDS
    rendition = Rendition.objects.get(kind="face")
    assert rendition.status == Rendition.Status.QUEUED and not rendition.file

    worker = run_rq_worker(settings)
    assert worker.returncode == 0, worker.stderr.decode()[-2000:]

    result = transcode_programme.get_result(job.id)
    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    assert result.return_value == 2  # the face's and the kiosk pages' renditions
    rendition.refresh_from_db()
    assert rendition.status == Rendition.Status.DONE
    stored = Path(rendition.file.path)
    assert stored in finished_files(settings)
    assert Path(rendition.file.path) == stored
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == rendition.sha256
    video = transcode.probe(stored).video
    assert (video.width, video.height, round(video.fps)) == (320, 180, 25)
    profile = transcode.Profile(width=320, height=180, fps=25, max_kbps=1500)
    assert transcode.verify(stored, profile, 1.0).sha256 == rendition.sha256
