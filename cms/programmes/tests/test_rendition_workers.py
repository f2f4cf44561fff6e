"""Real workers: a killed one loses nothing, two never take the same job."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection, connections

import transcode
from cms.programmes import services
from cms.programmes.models import Rendition
from cms.programmes.selectors import programme_rendition_needs

from .factories import LedFaceFactory, ProgrammeFactory, clip_file

pytestmark = pytest.mark.django_db(transaction=True)

MANAGE = Path(django_settings.BASE_DIR) / "manage.py"


@pytest.fixture(autouse=True)
def _default_locale(transactional_db):
    # Another transactional test may have flushed the migration's data.
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="vi")


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(settings, *extra: str) -> subprocess.Popen:
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url(),
        "TEST_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "MEDIA_ROOT": settings.MEDIA_ROOT,
        "TRANSCODE_LEASE_SECONDS": str(settings.TRANSCODE_LEASE_SECONDS),
    }
    return subprocess.Popen(
        [sys.executable, str(MANAGE), "db_worker", "--interval", "0.2", *extra],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def finished_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "programmes" / "renditions"
    return [p for p in root.glob("*.mp4")] if root.exists() else []


def test_a_worker_killed_mid_transcode_publishes_nothing_and_the_job_is_redone(
    settings,
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TRANSCODE_LEASE_SECONDS = 3
    LedFaceFactory(width_px=1280, height_px=720, max_kbps=4000)
    programme = ProgrammeFactory(
        source_video=clip_file("dai.mp4", seconds=12, size="1280x720")
    )
    programme.save_revision().publish()  # enqueues the task in the database

    worker = start_worker(settings)
    try:
        wait_for(
            lambda: Rendition.objects.filter(status="running", progress__gt=0).exists(),
            120,
            "the first worker to start encoding",
        )
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()

    # The face's and the kiosk pages' renditions share the one ffmpeg pass.
    rendition = Rendition.objects.get(kind=Rendition.Kind.FACE)
    assert rendition.status == Rendition.Status.RUNNING
    assert not rendition.file and finished_files(settings) == []

    time.sleep(settings.TRANSCODE_LEASE_SECONDS + 0.5)
    assert services.renditions_recover() == 2
    work = Path(settings.MEDIA_ROOT) / "programmes/renditions/.work"
    assert list(work.glob("*/*")) == []

    second = start_worker(settings, "--batch")
    _out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err.decode()[-2000:]

    rendition.refresh_from_db()
    assert rendition.status == Rendition.Status.DONE
    assert rendition.attempts == 2
    stored = Path(rendition.file.path)
    assert len(finished_files(settings)) == 2 and stored in finished_files(settings)
    assert (
        transcode.verify(
            stored, transcode.Profile(width=1280, height=720, max_kbps=4000), 12.0
        ).sha256
        == rendition.sha256
    )


def test_two_workers_never_take_the_same_rendition(settings):
    # Queue the job without running it: the two threads below are the workers.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    LedFaceFactory()
    programme = ProgrammeFactory()
    services.programme_source_hash(programme=programme)
    needs = programme_rendition_needs(programme)
    services.programme_renditions_request(programme=programme)
    keys = [need.input_key for need in needs]

    barrier = threading.Barrier(2)
    claims: dict[str, list] = {}
    errors: list[BaseException] = []

    def claim(worker_id: str):
        try:
            barrier.wait()
            claims[worker_id] = services.claim_renditions(
                keys=keys, worker_id=worker_id
            )
        except BaseException as err:  # reported by the assertion below
            errors.append(err)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=claim, args=(w,)) for w in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    taken = [w for w, got in claims.items() if got]
    assert len(taken) == 1
    assert Rendition.objects.get(kind="face").worker_id == taken[0]
