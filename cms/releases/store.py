"""The release store: the local working folder and where agents are served from.

Publishing always writes into RELEASE_STORE_ROOT (one folder per cluster);
`kiosk_site.release` works on a local folder. With ``RELEASE_STORAGE=local``
(the default) agents are served from that folder too. With
``RELEASE_STORAGE=s3`` the folder is the publisher's cache: `store_upload`
copies a cluster's new files to the bucket, timestamp last, and agents are
served from the bucket. Everything that touches either goes through here,
behind one small interface (`ReleaseStore`), so views and services never know
which store is configured.
"""

from __future__ import annotations

import fcntl
import functools
import logging
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files import File
from storages.backends.s3 import S3Storage

from kiosk_site.release.paths import path_check

from .errors import StoreError

logger = logging.getLogger(__name__)

SERVED = ("metadata", "targets", "objects")
TIMESTAMP = "metadata/timestamp.json"
CHUNK = 64 * 1024


@dataclass(frozen=True)
class StoredFile:
    """A file of the release store: its key (``<cluster>/<path>``), size, ETag."""

    key: str
    size: int
    etag: str


class ReleaseStore(Protocol):
    """Where agents are served from: the local folder or an S3 bucket."""

    def stat(self, key: str) -> StoredFile | None: ...
    def open_range(self, key: str, start: int, end: int) -> Iterator[bytes]: ...
    def write(self, key: str, path: Path) -> None: ...
    def keys(self, prefix: str) -> set[str]: ...
    def where(self, key: str) -> str: ...


def store_root() -> Path:
    """The local folder that holds every cluster's release repository."""
    return Path(settings.RELEASE_STORE_ROOT)


def cluster_dir(*, code: str) -> Path:
    """The local release repository of the cluster ``code`` (present or not)."""
    return store_root() / code


# --- The local folder ----------------------------------------------------------


class LocalStore:
    """RELEASE_STORE_ROOT itself; `write` is a no-op (publishing wrote there)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def stat(self, key: str) -> StoredFile | None:
        found = self.root / key
        if not found.is_file() or self.root.resolve() not in found.resolve().parents:
            return None
        stat = found.stat()
        etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
        return StoredFile(key=key, size=stat.st_size, etag=etag)

    def open_range(self, key: str, start: int, end: int) -> Iterator[bytes]:
        with open(self.root / key, "rb") as handle:
            handle.seek(start)
            left = end - start
            while left > 0:
                chunk = handle.read(min(CHUNK, left))
                if not chunk:
                    return
                left -= len(chunk)
                yield chunk

    def write(self, key: str, path: Path) -> None:
        if path != self.root / key:
            raise StoreError(f"the local store only holds its own files, not {path}")

    def keys(self, prefix: str) -> set[str]:
        base = self.root / prefix
        return {
            p.relative_to(self.root).as_posix() for p in base.rglob("*") if p.is_file()
        }

    def where(self, key: str) -> str:
        return str(self.root / key)


# --- An S3-compatible bucket ---------------------------------------------------


class S3Store:
    """A bucket through django-storages' S3 backend (keys under RELEASE_S3_PREFIX)."""

    def __init__(self, storage: S3Storage) -> None:
        self.storage = storage

    def _key(self, key: str) -> str:
        prefix = self.storage.location
        return posixpath.join(prefix, key) if prefix else key

    def where(self, key: str) -> str:
        return f"s3://{self.storage.bucket_name}/{self._key(key)}"

    def _failed(self, err: Exception, key: str, action: str) -> StoreError:
        return StoreError(
            f"{action} {self.where(key)} at {self.storage.endpoint_url} failed: {err}; "
            "check RELEASE_S3_ENDPOINT_URL, RELEASE_S3_BUCKET (it must exist), "
            "the access key's rights and that the S3 server is up"
        )

    def stat(self, key: str) -> StoredFile | None:
        client = self.storage.connection.meta.client
        try:
            head = client.head_object(
                Bucket=self.storage.bucket_name, Key=self._key(key)
            )
        except ClientError as err:
            if err.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
                return None
            raise self._failed(err, key, "Reading") from err
        except BotoCoreError as err:
            raise self._failed(err, key, "Reading") from err
        return StoredFile(key=key, size=head["ContentLength"], etag=head["ETag"])

    def open_range(self, key: str, start: int, end: int) -> Iterator[bytes]:
        client = self.storage.connection.meta.client
        try:
            answer = client.get_object(
                Bucket=self.storage.bucket_name,
                Key=self._key(key),
                Range=f"bytes={start}-{end - 1}",
            )
        except (ClientError, BotoCoreError) as err:
            raise self._failed(err, key, "Reading") from err
        # Asked before the response starts, so an error is still a clean 503.
        return _body_chunks(answer["Body"])

    def write(self, key: str, path: Path) -> None:
        try:
            with open(path, "rb") as handle:
                self.storage.save(key, File(handle))
        except (ClientError, BotoCoreError) as err:
            raise self._failed(err, key, "Uploading") from err

    def keys(self, prefix: str) -> set[str]:
        listed = self.storage.bucket.objects.filter(Prefix=self._key(prefix) + "/")
        cut = len(self._key(""))
        try:
            return {item.key[cut:] for item in listed}
        except (ClientError, BotoCoreError) as err:
            raise self._failed(err, prefix, "Listing") from err


def _body_chunks(body) -> Iterator[bytes]:
    try:
        yield from body.iter_chunks(CHUNK)
    finally:
        body.close()


@functools.lru_cache(maxsize=4)
def _s3_storage(
    bucket: str, endpoint: str, key_id: str, secret: str, region: str, prefix: str
) -> S3Storage:
    return S3Storage(
        bucket_name=bucket,
        endpoint_url=endpoint,
        access_key=key_id,
        secret_key=secret,
        region_name=region,
        location=prefix.strip("/"),
        default_acl=None,
        file_overwrite=True,
        querystring_auth=False,
        addressing_style="path",
    )


def release_store() -> ReleaseStore:
    """The store agents are served from, by RELEASE_STORAGE (read at call time)."""
    if settings.RELEASE_STORAGE != "s3":
        return LocalStore(store_root())
    return S3Store(
        _s3_storage(
            settings.RELEASE_S3_BUCKET,
            settings.RELEASE_S3_ENDPOINT_URL,
            settings.RELEASE_S3_ACCESS_KEY_ID,
            settings.RELEASE_S3_SECRET_ACCESS_KEY,
            settings.RELEASE_S3_REGION,
            settings.RELEASE_S3_PREFIX,
        )
    )


def served_file(*, code: str, kind: str, path: str) -> StoredFile | None:
    """The store file an agent asks for, or None if there is no such file.

    ``kind`` must be one of `SERVED`; ``path`` must pass the release path rules
    (no ``..``, absolute paths, backslashes…; else `UnsafePathError`), so
    nothing outside the cluster's folder (nor its unserved ``builds/``) can be
    named.
    """
    if kind not in SERVED:
        return None
    rel = path_check(path=f"{kind}/{path}")
    return release_store().stat(f"{code}/{rel}")


def served_range(*, found: StoredFile, start: int, end: int) -> Iterator[bytes]:
    """The bytes ``start`` to ``end`` (exclusive) of a file `served_file` found."""
    return release_store().open_range(found.key, start, end)


# --- Uploading a published cluster ---------------------------------------------


@dataclass
class UploadResult:
    """What `store_upload` copied to the served store."""

    files: int = 0
    bytes: int = 0


def _local_served(*, code: str) -> list[str]:
    base = cluster_dir(code=code)
    found = []
    for kind in SERVED:
        for path in sorted((base / kind).rglob("*")):
            rel = path.relative_to(base).as_posix()
            if path.is_file() and not path.name.startswith("."):
                found.append(rel)
    return found


def _upload_order(*, code: str, present: set[str]) -> list[str]:
    """Missing objects and targets, then missing metadata, then the timestamp."""
    local = _local_served(code=code)
    missing = [rel for rel in local if rel != TIMESTAMP and rel not in present]
    missing.sort(key=lambda rel: rel.startswith("metadata/"))
    return missing + [TIMESTAMP] if TIMESTAMP in local else missing


def store_upload(*, code: str) -> UploadResult:
    """Copy the cluster's new local files to the served store; the timestamp last.

    Content-addressed files (objects, hashed targets) and versioned metadata
    are uploaded only if the store lacks them; ``timestamp.json`` always, and
    only after everything it names is there, so an agent never sees a
    timestamp naming missing files. A failure leaves the previous timestamp
    in place and raises `StoreError` naming the key; running it again
    completes the upload. Does nothing for the local store.
    """
    store = release_store()
    result = UploadResult()
    if isinstance(store, LocalStore):
        return result
    base = cluster_dir(code=code)
    for rel in _upload_order(code=code, present=store.keys(code)):
        path = base / rel
        store.write(f"{code}/{rel}", path)
        result.files += 1
        result.bytes += path.stat().st_size
    logger.info(
        "uploaded %s files, %s bytes of cluster %s to %s",
        result.files,
        result.bytes,
        code,
        store.where(code),
    )
    return result


@contextmanager
def cluster_lock(*, code: str) -> Iterator[None]:
    """Hold the cluster's publish lock (one publish or bundle at a time)."""
    root = store_root()
    root.mkdir(parents=True, exist_ok=True)
    with open(root / f".{code}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
