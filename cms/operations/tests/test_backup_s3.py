"""Backups with media on S3 and BACKUP_STORAGE=s3, on the real SeaweedFS:
media objects are copied through the storage API, the backup is kept in the
bucket (manifest last), restored from there, refused when damaged there, and
rotated there."""

import hashlib
import os
import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from cms.core.tests.media_s3 import media_on_s3
from cms.operations.destinations import backup_fetch, backup_names
from cms.operations.errors import BackupRefused
from cms.operations.services import backup_create, backup_restore, backups_rotate
from cms.releases.models import AgentUpload

from .seed import seed

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def on_s3(s3_server, settings, monkeypatch, tmp_path):
    media = media_on_s3(
        server=s3_server, settings=settings, monkeypatch=monkeypatch, tmp_path=tmp_path
    )
    settings.RELEASE_STORE_ROOT = str(tmp_path / "releases")
    settings.BACKUP_ROOT = str(tmp_path / "backups")
    settings.BACKUP_STORAGE = "s3"
    settings.BACKUP_S3_BUCKET = s3_server.bucket_make(prefix="backups")
    settings.BACKUP_S3_ENDPOINT_URL = s3_server.endpoint_url
    settings.BACKUP_S3_ACCESS_KEY_ID = s3_server.access_key_id
    settings.BACKUP_S3_SECRET_ACCESS_KEY = s3_server.secret_access_key
    settings.BACKUP_S3_REGION = s3_server.region
    settings.BACKUP_S3_PREFIX = f"t-{uuid.uuid4().hex[:8]}"
    seed()
    store = Path(settings.RELEASE_STORE_ROOT) / "bo-y" / "7"
    store.mkdir(parents=True)
    (store / "site.tar").write_bytes(os.urandom(40_000))
    return media


def backup_objects(s3_server, settings) -> list[str]:
    listed = s3_server.client().list_objects_v2(
        Bucket=settings.BACKUP_S3_BUCKET, Prefix=settings.BACKUP_S3_PREFIX + "/"
    )
    return sorted(item["Key"] for item in listed.get("Contents", []))


def test_s3_media_backed_up_to_a_bucket_and_restored_from_it(on_s3, settings):
    media = on_s3.sha256s()
    site_tar = Path(settings.RELEASE_STORE_ROOT) / "bo-y/7/site.tar"
    release_sha = hashlib.sha256(site_tar.read_bytes()).hexdigest()
    assert len(media) >= 3

    name = backup_create()
    assert backup_names() == [name]
    assert [p.name for p in Path(settings.BACKUP_ROOT).iterdir()] == []

    User.objects.filter(username="bientap").delete()
    for object_name in on_s3.objects():
        on_s3.delete(object_name)
    shutil.rmtree(settings.RELEASE_STORE_ROOT)

    backup_restore(folder=backup_fetch(name=name), overwrite=True)

    assert on_s3.sha256s() == media
    assert hashlib.sha256(site_tar.read_bytes()).hexdigest() == release_sha
    assert User.objects.filter(username="bientap").exists()
    assert AgentUpload.objects.count() == 3


def test_a_backup_damaged_in_the_bucket_is_refused(on_s3, settings, s3_server):
    name = backup_create()
    media_key = next(k for k in backup_objects(s3_server, settings) if "/media/" in k)
    s3_server.client().delete_object(Bucket=settings.BACKUP_S3_BUCKET, Key=media_key)
    before = on_s3.sha256s()

    with pytest.raises(BackupRefused, match="is missing"):
        backup_restore(folder=backup_fetch(name=name), overwrite=True)
    assert on_s3.sha256s() == before


def test_rotation_deletes_old_backups_in_the_bucket(on_s3, settings, s3_server):
    settings.BACKUP_KEEP_DAILY = 1
    settings.BACKUP_KEEP_WEEKLY = settings.BACKUP_KEEP_MONTHLY = 0
    old = backup_create(now=datetime(2026, 12, 5, 2, tzinfo=UTC))
    new = backup_create(now=datetime(2026, 12, 6, 2, tzinfo=UTC))

    assert backups_rotate() == [old]
    assert backup_names() == [new]
    assert not [k for k in backup_objects(s3_server, settings) if old in k]
