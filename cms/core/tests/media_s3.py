"""MEDIA_STORAGE=s3 for a test, on the real SeaweedFS of the ``s3_server`` fixture.

`media_on_s3` sets the MEDIA_* variables in the environment and lets the
settings' own parser (`media_storage_settings`) make ``STORAGES["default"]``,
so a test runs exactly what start-up would configure. Each test uses a prefix
of its own in one bucket per session (`media_bucket`).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path

import environ

from cms.settings.base import media_storage_settings

_BUCKETS: dict[str, str] = {}


def media_bucket(server) -> str:
    """The session's media bucket on ``server`` (made on first use)."""
    if server.endpoint_url not in _BUCKETS:
        _BUCKETS[server.endpoint_url] = server.bucket_make(prefix="media")
    return _BUCKETS[server.endpoint_url]


@dataclass
class MediaBucket:
    """Where a test's media objects are: the bucket and the test's prefix."""

    server: object
    bucket: str
    prefix: str

    def objects(self) -> dict[str, bytes]:
        """Every object under the test's prefix: name (without prefix) -> bytes."""
        client = self.server.client()
        listed = client.list_objects_v2(Bucket=self.bucket, Prefix=self.prefix + "/")
        found = {}
        for item in listed.get("Contents", []):
            body = client.get_object(Bucket=self.bucket, Key=item["Key"])["Body"]
            found[item["Key"].removeprefix(self.prefix + "/")] = body.read()
        return found

    def sha256s(self) -> dict[str, str]:
        """sha256 of every object under the prefix -> its name."""
        return {hashlib.sha256(b).hexdigest(): n for n, b in self.objects().items()}

    def delete(self, name: str) -> None:
        self.server.client().delete_object(
            Bucket=self.bucket, Key=f"{self.prefix}/{name}"
        )


def media_on_s3(
    *, server, settings, monkeypatch, tmp_path: Path, **extra
) -> MediaBucket:
    """Put the default storage in a prefix of the media bucket; MEDIA_ROOT is
    an empty folder of the test's own, so a file written there shows up."""
    media = MediaBucket(
        server=server, bucket=media_bucket(server), prefix=f"t-{uuid.uuid4().hex[:10]}"
    )
    values = {
        "MEDIA_STORAGE": "s3",
        "MEDIA_S3_BUCKET": media.bucket,
        "MEDIA_S3_ENDPOINT_URL": server.endpoint_url,
        "MEDIA_S3_ACCESS_KEY_ID": server.access_key_id,
        "MEDIA_S3_SECRET_ACCESS_KEY": server.secret_access_key,
        "MEDIA_S3_REGION": server.region,
        "MEDIA_S3_PREFIX": media.prefix,
        **extra,
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    default = media_storage_settings(
        environ.Env(), spool_bytes=settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    )
    settings.STORAGES = {**settings.STORAGES, "default": default}
    settings.MEDIA_ROOT = str(tmp_path / "media-root")
    Path(settings.MEDIA_ROOT).mkdir()
    return media


def local_files(folder: str | Path) -> list[Path]:
    """The files under ``folder`` (there should be none with media on S3)."""
    return [path for path in Path(folder).rglob("*") if path.is_file()]
