"""Media files through Django's storage API, wherever MEDIA_STORAGE keeps them.

With ``MEDIA_STORAGE=local`` media are files under MEDIA_ROOT; with
``MEDIA_STORAGE=s3`` they are objects in a bucket (django-storages), and no
local path exists. Code that needs a file's bytes or a local copy (ffmpeg,
the kiosk build, hashing) gets them here, streamed in chunks, so a video is
never held in memory, and a copy is only made after checking there is room
for it. Nothing here reads MEDIA_ROOT.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import Storage
from storages.backends.s3 import S3Storage

from .errors import MediaStorageError

CHUNK = 1024 * 1024
# Room a copy must leave free on its disk (the database, logs and other
# builds share it); a copy that would leave less is refused before it starts.
SPARE_BYTES = 256 * 1024 * 1024


def storage_where(*, storage: Storage, name: str) -> str:
    """Where ``name`` lives, for messages: a bucket URL or a local path."""
    if isinstance(storage, S3Storage):
        return f"s3://{storage.bucket_name}/{_s3_key(storage, name)}"
    try:
        return storage.path(name)
    except NotImplementedError:
        return name


def storage_local_path(*, storage: Storage, name: str) -> Path | None:
    """The file's own local path if the storage has one (MEDIA_STORAGE=local)."""
    try:
        return Path(storage.path(name))
    except NotImplementedError:
        return None


def _s3_key(storage: S3Storage, name: str) -> str:
    prefix = storage.location
    return posixpath.join(prefix, name) if prefix else name


def _failed(storage: Storage, name: str, err: Exception) -> MediaStorageError:
    where = storage_where(storage=storage, name=name)
    if isinstance(storage, S3Storage):
        fix = (
            f"check that the object exists, that the S3 server at "
            f"{storage.endpoint_url} is up, and MEDIA_S3_ENDPOINT_URL, "
            "MEDIA_S3_BUCKET and the access key's rights"
        )
    else:
        fix = "restore the file in MEDIA_ROOT or upload it again"
    return MediaStorageError(f"Reading media file {where} failed: {err}; {fix}")


def _s3_chunks(storage: S3Storage, name: str) -> Iterator[bytes]:
    client = storage.connection.meta.client
    answer = client.get_object(Bucket=storage.bucket_name, Key=_s3_key(storage, name))
    body = answer["Body"]
    try:
        yield from body.iter_chunks(CHUNK)
    finally:
        body.close()


def _open_chunks(storage: Storage, name: str) -> Iterator[bytes]:
    with storage.open(name, "rb") as handle:
        yield from iter(lambda: handle.read(CHUNK), b"")


def storage_chunks(*, storage: Storage, name: str) -> Iterator[bytes]:
    """The bytes of ``name``, in chunks of at most 1 MiB.

    From a bucket they stream straight from the S3 response (the storage's
    own `open` would first spool the whole object to a temporary file).
    Raises `MediaStorageError` naming the file, where it is and what to check.
    """
    chunks = (_s3_chunks if isinstance(storage, S3Storage) else _open_chunks)(
        storage, name
    )
    try:
        yield from chunks
    except (BotoCoreError, ClientError, OSError) as err:
        raise _failed(storage, name, err) from err


def storage_sha256(*, storage: Storage, name: str) -> str:
    """The hex sha256 of the stored file ``name``, streamed."""
    digest = hashlib.sha256()
    for chunk in storage_chunks(storage=storage, name=name):
        digest.update(chunk)
    return digest.hexdigest()


def room_enough(*, free: int, needed: int) -> bool:
    """Whether a disk with ``free`` bytes takes ``needed`` more and keeps
    `SPARE_BYTES` free."""
    return free - needed >= SPARE_BYTES


def room_check(*, folder: Path, needed: int, what: str) -> None:
    """Refuse to copy ``needed`` bytes into ``folder`` unless they fit (with
    `SPARE_BYTES` to spare); the message names the figures and the fix."""
    free = shutil.disk_usage(folder).free
    if not room_enough(free=free, needed=needed):
        raise MediaStorageError(
            f"Copying {what} ({needed:,} bytes) into {folder} would leave less than "
            f"{SPARE_BYTES:,} bytes free (only {free:,} are free); free some disk "
            "space there and try again"
        )


def _size(storage: Storage, name: str) -> int:
    try:
        return storage.size(name)
    except (BotoCoreError, ClientError, OSError) as err:
        raise _failed(storage, name, err) from err


def storage_download(
    *, storage: Storage, name: str, dest: Path, sha256: str | None = None
) -> str:
    """Copy the stored file ``name`` to the local file ``dest``; return its sha256.

    The bytes stream into a temporary file beside ``dest``, which replaces
    ``dest`` only when complete and, with ``sha256``, only when its hash
    matches; otherwise nothing is left behind and `MediaStorageError` says why.
    """
    room_check(folder=dest.parent, needed=_size(storage, name), what=name)
    handle, part = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.")
    digest = hashlib.sha256()
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in storage_chunks(storage=storage, name=name):
                out.write(chunk)
                digest.update(chunk)
        if sha256 is not None and digest.hexdigest() != sha256:
            raise MediaStorageError(
                f"Media file {storage_where(storage=storage, name=name)} has sha256 "
                f"{digest.hexdigest()}, not {sha256} as recorded; the stored file "
                "changed or is damaged: upload it again"
            )
        os.replace(part, dest)
    except BaseException:
        Path(part).unlink(missing_ok=True)
        raise
    return digest.hexdigest()


@contextmanager
def media_local_file(file, *, work_dir: Path) -> Iterator[Path]:
    """A local path holding the stored ``file`` (a FieldFile) while in the block.

    Local storage gives the file's own path (no copy). Any other storage
    (a bucket) is downloaded into ``work_dir`` and removed afterwards.
    """
    own = storage_local_path(storage=file.storage, name=file.name)
    if own is not None:
        yield own
        return
    dest = work_dir / f"source{Path(file.name).suffix.lower()}"
    storage_download(storage=file.storage, name=file.name, dest=dest)
    try:
        yield dest
    finally:
        dest.unlink(missing_ok=True)
