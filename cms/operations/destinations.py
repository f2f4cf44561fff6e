"""Where finished backups are kept: folders under BACKUP_ROOT, or objects in an
S3-compatible bucket (BACKUP_STORAGE=s3), manifest.json uploaded last so a
backup without one is unfinished and never listed."""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path

import boto3
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings

from .errors import BackupError, BackupRefused

MANIFEST = "manifest.json"


def _root() -> Path:
    return Path(settings.BACKUP_ROOT)


def _is_s3() -> bool:
    return settings.BACKUP_STORAGE == "s3"


def _client():
    return boto3.client(
        "s3",
        endpoint_url=settings.BACKUP_S3_ENDPOINT_URL,
        aws_access_key_id=settings.BACKUP_S3_ACCESS_KEY_ID,
        aws_secret_access_key=settings.BACKUP_S3_SECRET_ACCESS_KEY,
        region_name=settings.BACKUP_S3_REGION,
    )


def _key(*parts: str) -> str:
    prefix = settings.BACKUP_S3_PREFIX.strip("/")
    return posixpath.join(prefix, *parts) if prefix else posixpath.join(*parts)


def _s3_failed(err: Exception) -> BackupError:
    return BackupError(
        f"The backup bucket {settings.BACKUP_S3_BUCKET} at "
        f"{settings.BACKUP_S3_ENDPOINT_URL} failed: {err}; check that the server "
        "is up, the bucket exists and BACKUP_S3_* hold a key allowed to use it"
    )


def backup_store(*, work: Path, name: str) -> None:
    """Keep the finished backup in ``work`` under ``name`` (``work`` is left
    to the caller to delete)."""
    if not _is_s3():
        if (_root() / name).exists():
            raise BackupError(
                f"{_root() / name} already exists: another backup started in the "
                "same second; run manage.py backup again"
            )
        work.rename(_root() / name)
        return
    files = sorted(p for p in work.rglob("*") if p.is_file() and p.name != MANIFEST)
    try:
        client = _client()
        for path in [*files, work / MANIFEST]:
            key = _key(name, path.relative_to(work).as_posix())
            client.upload_file(str(path), settings.BACKUP_S3_BUCKET, key)
    except (BotoCoreError, ClientError) as err:
        raise _s3_failed(err) from err


def _s3_objects(prefix: str) -> list[str]:
    client = _client()
    keys: list[str] = []
    pages = client.get_paginator("list_objects_v2").paginate(
        Bucket=settings.BACKUP_S3_BUCKET, Prefix=prefix
    )
    for page in pages:
        keys += [item["Key"] for item in page.get("Contents", [])]
    return keys


def backup_names() -> list[str]:
    """The complete backups kept, by name (those with a manifest)."""
    if not _is_s3():
        root = _root()
        if not root.is_dir():
            return []
        return sorted(p.parent.name for p in root.glob(f"backup-*/{MANIFEST}"))
    try:
        keys = _s3_objects(_key("backup-"))
    except (BotoCoreError, ClientError) as err:
        raise _s3_failed(err) from err
    return sorted(k.split("/")[-2] for k in keys if k.endswith("/" + MANIFEST))


def backup_delete(*, name: str) -> None:
    if not _is_s3():
        shutil.rmtree(_root() / name)
        return
    try:
        client = _client()
        keys = _s3_objects(_key(name) + "/")
        # The manifest first: a half-deleted backup is then never listed.
        keys.sort(key=lambda k: not k.endswith("/" + MANIFEST))
        for key in keys:
            client.delete_object(Bucket=settings.BACKUP_S3_BUCKET, Key=key)
    except (BotoCoreError, ClientError) as err:
        raise _s3_failed(err) from err


def backup_fetch(*, name: str) -> Path:
    """A local folder holding the backup: a path as given, a name under
    BACKUP_ROOT, or (BACKUP_STORAGE=s3) downloaded from the bucket."""
    given = Path(name)
    if given.is_dir():
        return given
    if not _is_s3():
        if (_root() / name).is_dir():
            return _root() / name
        raise BackupRefused(
            f'No backup "{name}" in {_root()}; give a backup folder or one of '
            "the names manage.py backup --list shows"
        )
    target = _root() / f".download-{name}"
    shutil.rmtree(target, ignore_errors=True)
    try:
        keys = _s3_objects(_key(name) + "/")
        client = _client()
        for key in keys:
            local = target / key[len(_key(name)) + 1 :]
            local.parent.mkdir(parents=True, exist_ok=True)
            client.download_file(settings.BACKUP_S3_BUCKET, key, str(local))
    except (BotoCoreError, ClientError) as err:
        raise _s3_failed(err) from err
    if not keys:
        raise BackupRefused(
            f'No backup "{name}" in bucket {settings.BACKUP_S3_BUCKET}; give one '
            "of the names manage.py backup --list shows"
        )
    return target
