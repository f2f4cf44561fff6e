"""A bad BACKUP_* setting stops start-up and names the value and the fix."""

import os
import subprocess
import sys

import environ
import pytest
from django.conf import settings

from cms.settings.base import backup_storage_settings


def parsed(monkeypatch, **values):
    for name in ("BACKUP_STORAGE", "BACKUP_S3_BUCKET", "BACKUP_S3_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return backup_storage_settings(environ.Env())


def test_local_is_the_default(monkeypatch):
    assert parsed(monkeypatch)["BACKUP_STORAGE"] == "local"


def test_an_unknown_storage_is_named(monkeypatch):
    with pytest.raises(environ.ImproperlyConfigured, match='"ftp"; set it to "local"'):
        parsed(monkeypatch, BACKUP_STORAGE="ftp")


def test_s3_without_its_bucket_names_what_is_missing(monkeypatch):
    with pytest.raises(
        environ.ImproperlyConfigured,
        match="BACKUP_S3_BUCKET, BACKUP_S3_ENDPOINT_URL, BACKUP_S3_ACCESS_KEY_ID",
    ):
        parsed(monkeypatch, BACKUP_STORAGE="s3")


def test_a_negative_keep_count_stops_start_up():
    done = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=os.environ | {"BACKUP_KEEP_WEEKLY": "-1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "BACKUP_KEEP_WEEKLY is -1; give how many copies to keep" in done.stderr
