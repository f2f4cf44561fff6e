"""MEDIA_STORAGE=s3: Wagtail's images, renditions and documents live in a real
SeaweedFS bucket, and cms.core.storage copies stored files out, streamed."""

import hashlib
import io
import shutil
import urllib.request
from types import SimpleNamespace

import environ
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.core.errors import MediaStorageError
from cms.core.storage import (
    CHUNK,
    SPARE_BYTES,
    media_local_file,
    room_check,
    room_enough,
    storage_chunks,
    storage_download,
)
from cms.settings.base import MEDIA_S3_EXPIRE_RANGE, media_storage_settings

from .media_s3 import local_files, media_on_s3

S3_ENV = {
    "MEDIA_STORAGE": "s3",
    "MEDIA_S3_BUCKET": "kiosk-media",
    "MEDIA_S3_ENDPOINT_URL": "https://s3.example.org",
    "MEDIA_S3_ACCESS_KEY_ID": "key",
    "MEDIA_S3_SECRET_ACCESS_KEY": "secret",
}


@pytest.fixture
def media(s3_server, settings, monkeypatch, tmp_path):
    return media_on_s3(
        server=s3_server, settings=settings, monkeypatch=monkeypatch, tmp_path=tmp_path
    )


def _parse(monkeypatch, **values) -> dict:
    for name, value in (S3_ENV | values).items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, str(value))
    return media_storage_settings(environ.Env(), spool_bytes=5)


# --- The setting -----------------------------------------------------------------


def test_local_media_storage_is_the_file_system_and_needs_no_bucket(monkeypatch):
    found = _parse(
        monkeypatch,
        MEDIA_STORAGE="local",
        MEDIA_S3_BUCKET=None,
        MEDIA_S3_ENDPOINT_URL=None,
    )
    assert found == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    monkeypatch.delenv("MEDIA_STORAGE")
    assert media_storage_settings(environ.Env(), spool_bytes=5) == found


def test_s3_media_storage_is_django_storages_with_the_bucket_and_endpoint(
    monkeypatch,
):
    found = _parse(monkeypatch, MEDIA_S3_PREFIX="/media/")
    assert found["BACKEND"] == "storages.backends.s3.S3Storage"
    options = found["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"]) == (
        "kiosk-media",
        "https://s3.example.org",
    )
    assert (options["location"], options["region_name"]) == ("media", "us-east-1")
    assert options["querystring_auth"] is True and options["custom_domain"] is None
    assert options["file_overwrite"] is False and options["max_memory_size"] == 5
    assert options["signature_version"] == "s3v4"


@pytest.mark.parametrize("missing", list(S3_ENV)[1:])
def test_s3_media_storage_names_each_missing_setting(monkeypatch, missing):
    with pytest.raises(ImproperlyConfigured, match=f"but {missing} is not set"):
        _parse(monkeypatch, **{missing: None})


def test_an_unknown_media_storage_is_refused_by_name(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match='MEDIA_STORAGE is "ftp"'):
        _parse(monkeypatch, MEDIA_STORAGE="ftp")


def test_an_endpoint_without_a_scheme_is_refused(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="with its scheme"):
        _parse(monkeypatch, MEDIA_S3_ENDPOINT_URL="s3.example.org")


def test_a_custom_domain_serves_plain_urls_and_refuses_signed_ones(monkeypatch):
    found = _parse(monkeypatch, MEDIA_S3_CUSTOM_DOMAIN="media.example.org")
    assert found["OPTIONS"]["custom_domain"] == "media.example.org"
    assert found["OPTIONS"]["querystring_auth"] is False
    with pytest.raises(ImproperlyConfigured, match="MEDIA_S3_QUERYSTRING_AUTH"):
        _parse(
            monkeypatch,
            MEDIA_S3_CUSTOM_DOMAIN="media.example.org",
            MEDIA_S3_QUERYSTRING_AUTH="true",
        )
    with pytest.raises(ImproperlyConfigured, match="host name only"):
        _parse(monkeypatch, MEDIA_S3_CUSTOM_DOMAIN="https://media.example.org")


@pytest.mark.parametrize(
    ("expire", "accepted"),
    [
        (MEDIA_S3_EXPIRE_RANGE[0] - 1, False),
        (MEDIA_S3_EXPIRE_RANGE[0], True),
        (MEDIA_S3_EXPIRE_RANGE[1], True),
        (MEDIA_S3_EXPIRE_RANGE[1] + 1, False),
    ],
)
def test_a_signed_url_lives_from_one_second_to_seven_days(
    monkeypatch, expire, accepted
):
    if accepted:
        found = _parse(monkeypatch, MEDIA_S3_QUERYSTRING_EXPIRE=expire)
        assert found["OPTIONS"]["querystring_expire"] == expire
    else:
        with pytest.raises(ImproperlyConfigured, match=f"EXPIRE is {expire}"):
            _parse(monkeypatch, MEDIA_S3_QUERYSTRING_EXPIRE=expire)


# --- Room on the disk --------------------------------------------------------------


@pytest.mark.parametrize(
    ("free", "needed", "enough"),
    [
        (SPARE_BYTES + 100, 100, True),
        (SPARE_BYTES + 100, 101, False),
        (SPARE_BYTES, 0, True),
        (SPARE_BYTES - 1, 0, False),
    ],
)
def test_a_copy_must_leave_the_spare_bytes_free(free, needed, enough):
    assert room_enough(free=free, needed=needed) is enough


def test_a_copy_larger_than_the_free_space_is_refused_with_the_figures(tmp_path):
    free = shutil.disk_usage(tmp_path).free
    with pytest.raises(MediaStorageError) as err:
        room_check(folder=tmp_path, needed=free, what="clip.mp4")
    assert "clip.mp4" in str(err.value) and f"{free:,} bytes" in str(err.value)
    assert "free some disk space" in str(err.value)


# --- Wagtail on the bucket ---------------------------------------------------------


@pytest.mark.django_db
def test_images_and_their_renditions_live_in_the_bucket(media, settings):
    image = get_image_model().objects.create(
        title="Cột mốc", file=get_test_image_file(size=(64, 48))
    )
    rendition = image.get_rendition("fill-16x12")

    stored = media.objects()
    assert image.file.name in stored and rendition.file.name in stored
    assert stored[image.file.name] == image.file.storage.open(image.file.name).read()
    with PILImage.open(io.BytesIO(stored[rendition.file.name])) as picture:
        assert picture.size == (16, 12)
    assert hashlib.sha1(stored[image.file.name]).hexdigest() == image.get_file_hash()
    assert local_files(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_a_document_is_stored_in_the_bucket_and_its_signed_url_serves_it(media):
    body = "Giờ mở cửa: 7:00–17:00\n".encode() * 100
    document = get_document_model().objects.create(
        title="Giờ mở cửa", file=ContentFile(body, name="gio-mo-cua.txt")
    )

    assert media.objects()[document.file.name] == body
    url = document.file.url
    assert "X-Amz-Signature=" in url and url.startswith(media.server.endpoint_url)
    with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310
        assert answer.read() == body


def test_a_custom_domain_makes_plain_urls_on_that_host(
    s3_server, settings, monkeypatch, tmp_path
):
    media_on_s3(
        server=s3_server,
        settings=settings,
        monkeypatch=monkeypatch,
        tmp_path=tmp_path,
        MEDIA_S3_CUSTOM_DOMAIN="media.example.org",
    )
    url = default_storage.url("images/mark.png")
    assert url.startswith("https://media.example.org/t-") and "Signature" not in url
    assert url.endswith("/images/mark.png")


# --- Copying out ---------------------------------------------------------------------


def test_a_large_object_streams_in_chunks_and_downloads_whole(media, tmp_path):
    data = bytes(range(256)) * (3 * CHUNK // 256 + 7)
    name = default_storage.save("programmes/sources/long.mp4", ContentFile(data))

    sizes = [len(c) for c in storage_chunks(storage=default_storage, name=name)]
    digest = storage_download(
        storage=default_storage, name=name, dest=tmp_path / "copy.mp4"
    )

    assert max(sizes) <= CHUNK and sum(sizes) == len(data) and len(sizes) >= 4
    assert (tmp_path / "copy.mp4").read_bytes() == data
    assert digest == hashlib.sha256(data).hexdigest()


def test_a_copy_with_the_wrong_hash_leaves_nothing_behind(media, tmp_path):
    name = default_storage.save(
        "images/mark.png", ContentFile(b"not what was recorded")
    )
    with pytest.raises(MediaStorageError) as err:
        storage_download(
            storage=default_storage, name=name, dest=tmp_path / "x", sha256="0" * 64
        )
    assert f"s3://{media.bucket}/{media.prefix}/{name}" in str(err.value)
    assert "upload it again" in str(err.value)
    assert list(tmp_path.iterdir()) == [tmp_path / "media-root"]


def test_a_missing_object_names_the_bucket_key_and_what_to_check(media, tmp_path):
    with pytest.raises(MediaStorageError) as err:
        storage_download(
            storage=default_storage, name="gone.mp4", dest=tmp_path / "gone.mp4"
        )
    message = str(err.value)
    assert f"s3://{media.bucket}/{media.prefix}/gone.mp4" in message
    assert "MEDIA_S3_ENDPOINT_URL" in message and media.server.endpoint_url in message
    assert not (tmp_path / "gone.mp4").exists()


def test_ffmpeg_gets_a_temporary_copy_from_the_bucket_and_the_own_file_locally(
    media, tmp_path
):
    name = default_storage.save("programmes/sources/clip.MP4", ContentFile(b"video"))
    stored = SimpleNamespace(storage=default_storage, name=name)  # as a FieldFile

    with media_local_file(stored, work_dir=tmp_path) as copy:
        assert copy == tmp_path / "source.mp4" and copy.read_bytes() == b"video"
    assert not copy.exists()

    local = FileSystemStorage(location=tmp_path / "local")
    stored = SimpleNamespace(storage=local, name=local.save("a.mp4", ContentFile(b"v")))
    with media_local_file(stored, work_dir=tmp_path) as own:
        assert own == tmp_path / "local" / "a.mp4"
    assert own.read_bytes() == b"v"
