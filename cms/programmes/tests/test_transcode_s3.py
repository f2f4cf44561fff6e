"""MEDIA_STORAGE=s3: the transcode reads its source from the bucket (a real
SeaweedFS) and stores each verified rendition there; nothing stays on disk."""

import hashlib

import pytest

import transcode
from cms.core import storage
from cms.core.tests.media_s3 import local_files, media_on_s3
from cms.programmes import services
from cms.programmes.models import Rendition

from .factories import ClusterFactory, LedFaceFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(s3_server, settings, monkeypatch, tmp_path):
    return media_on_s3(
        server=s3_server, settings=settings, monkeypatch=monkeypatch, tmp_path=tmp_path
    )


@pytest.fixture
def face():
    gate = ClusterFactory(code="bo-y", languages=["vi"])
    return LedFaceFactory(cluster=gate, code="lao", width_px=320, height_px=180)


def test_a_source_in_the_bucket_becomes_a_verified_rendition_in_the_bucket(
    media, face, settings, tmp_path, django_capture_on_commit_callbacks, monkeypatch
):
    # Count the real downloads: the face and the kiosk renditions share one.
    downloads = []
    real_download = storage.storage_download

    def counted(**kwargs):
        downloads.append(kwargs["name"])
        return real_download(**kwargs)

    monkeypatch.setattr(storage, "storage_download", counted)
    programme = ProgrammeFactory()
    source = media.objects()[programme.source_video.name]

    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()

    rendition = Rendition.objects.get(width_px=320, height_px=180)
    assert rendition.status == Rendition.Status.DONE, rendition.error
    assert rendition.source_sha256 == hashlib.sha256(source).hexdigest()
    stored = media.objects()[rendition.file.name]
    assert hashlib.sha256(stored).hexdigest() == rendition.sha256
    copy = tmp_path / "rendition.mp4"
    copy.write_bytes(stored)
    info = transcode.probe(copy)
    assert (info.video.width, info.video.height) == (320, 180)
    assert round(info.video.fps) == face.fps and info.audio is not None
    assert local_files(settings.MEDIA_ROOT) == []
    kiosk = Rendition.objects.get(kind=Rendition.Kind.KIOSK)
    assert kiosk.status == Rendition.Status.DONE, kiosk.error
    assert downloads == [programme.source_video.name]


def test_a_source_gone_from_the_bucket_fails_the_encode_by_name_for_a_retry(
    media, face, settings
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    programme = ProgrammeFactory()
    services.programme_renditions_request(programme=programme)
    media.delete(programme.source_video.name)

    assert services.renditions_transcode(programme_id=programme.pk) == 0

    failed = Rendition.objects.get(width_px=320, height_px=180)
    assert failed.status == Rendition.Status.QUEUED and failed.attempts == 1
    where = f"s3://{media.bucket}/{media.prefix}/{programme.source_video.name}"
    assert where in failed.error and "MEDIA_S3_ENDPOINT_URL" in failed.error
    assert local_files(settings.MEDIA_ROOT) == []
