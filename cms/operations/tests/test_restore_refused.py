"""A damaged backup is refused with the reason before anything changes: the
database, media and release store stay as they were."""

import hashlib
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from cms.operations.database import _pg_tool
from cms.operations.errors import BackupError, BackupRefused
from cms.operations.services import backup_create, backup_restore
from cms.releases.models import AgentUpload

from .seed import seed

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def backup(settings, tmp_path) -> Path:
    """A backup of seeded content, then one more play log it does not hold
    (a restore that went ahead would remove it)."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.RELEASE_STORE_ROOT = str(tmp_path / "releases")
    settings.BACKUP_ROOT = str(tmp_path / "backups")
    settings.BACKUP_STORAGE = "local"
    seed()
    store = Path(settings.RELEASE_STORE_ROOT) / "bo-y" / "7"
    store.mkdir(parents=True)
    (store / "site.tar").write_bytes(os.urandom(50_000))
    folder = Path(settings.BACKUP_ROOT) / backup_create()
    upload = AgentUpload.objects.first()
    AgentUpload.objects.create(
        cluster=upload.cluster,
        kind=upload.kind,
        idempotency_key="after-the-backup",
        payload=upload.payload,
    )
    return folder


def state(settings) -> dict:
    files = {
        p: hashlib.sha256(p.read_bytes()).hexdigest()
        for root in (settings.MEDIA_ROOT, settings.RELEASE_STORE_ROOT)
        for p in Path(root).rglob("*")
        if p.is_file()
    }
    keys = set(AgentUpload.objects.values_list("idempotency_key", flat=True))
    return {"files": files, "uploads": keys}


def manifest_edit(folder: Path, change) -> None:
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text())
    change(manifest)
    path.write_text(json.dumps(manifest))


def first_media(folder: Path) -> Path:
    return next(p for p in sorted((folder / "media").rglob("*")) if p.is_file())


def dump(folder: Path) -> Path:
    return next(folder.glob("database.*"))


def flip_byte(folder):
    path = first_media(folder)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def truncate_dump(folder):
    path = dump(folder)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def truncate_dump_and_manifest(folder):
    """A dump cut short when it was made: the manifest matches its bytes."""
    truncate_dump(folder)
    path = dump(folder)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    def fix(manifest):
        entry = next(f for f in manifest["files"] if f["path"] == path.name)
        entry.update(sha256=digest, size=path.stat().st_size)

    manifest_edit(folder, fix)


def other_vendor(folder):
    def swap(manifest):
        mine = manifest["db_vendor"]
        manifest["db_vendor"] = "postgresql" if mine == "sqlite" else "sqlite"

    manifest_edit(folder, swap)


HOW_TO_FIX = "restore from another one|backup --list|install version|DATABASE_URL"
DAMAGE = {
    "flipped byte": (flip_byte, "does not match its sha256"),
    "deleted file": (lambda f: first_media(f).unlink(), "is missing"),
    "deleted release file": (
        lambda f: (f / "releases/bo-y/7/site.tar").unlink(),
        "releases/bo-y/7/site.tar in backup",
    ),
    "truncated dump": (truncate_dump, "bytes, not"),
    "dump cut short when made": (truncate_dump_and_manifest, "is damaged"),
    "manifest missing": (lambda f: (f / "manifest.json").unlink(), "no manifest"),
    "manifest unreadable": (
        lambda f: (f / "manifest.json").write_text('{"files": [1, '),
        "manifest of",
    ),
    "manifest without a file list": (
        lambda f: manifest_edit(f, lambda m: m.pop("files")),
        "lacks files, a valid file list",
    ),
    "manifest pointing outside": (
        lambda f: manifest_edit(
            f, lambda m: m["files"].append({"path": "../x", "size": 1, "sha256": ""})
        ),
        "lacks a valid file list",
    ),
    "other database vendor": (other_vendor, "this site uses"),
    "newer migrations": (
        lambda f: manifest_edit(
            f, lambda m: m["migrations"].append(["releases", "9999_future"])
        ),
        "newer version",
    ),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_backup_is_refused_and_nothing_changes(damage, backup, settings):
    harm, reason = DAMAGE[damage]
    harm(backup)
    before = state(settings)

    with pytest.raises(BackupRefused, match=reason) as refused:
        backup_restore(folder=backup, overwrite=True)

    # Each refusal also says what to do about it.
    assert re.search(HOW_TO_FIX, str(refused.value))
    assert state(settings) == before
    assert "after-the-backup" in before["uploads"]


def test_the_command_says_why_it_refused(backup):
    flip_byte(backup)
    with pytest.raises(CommandError, match="Restore refused: media/.* sha256"):
        call_command("restore", str(backup), "--yes")


def test_an_unknown_backup_name_is_refused_with_where_it_looked(backup):
    with pytest.raises(CommandError, match='No backup "backup-1999".*--list'):
        call_command("restore", "backup-1999", "--yes")


def test_missing_pg_dump_says_how_to_install_it(monkeypatch):
    monkeypatch.setenv("PATH", "")
    with pytest.raises(BackupError, match="apt-get install -y postgresql-client"):
        _pg_tool("pg_dump")


def test_a_second_backup_in_the_same_second_is_refused_by_name(backup, settings):
    made = datetime.strptime(backup.name, "backup-%Y%m%dT%H%M%SZ")
    with pytest.raises(BackupError, match="already exists: another backup"):
        backup_create(now=made.replace(tzinfo=UTC))
    assert sorted(p.name for p in Path(settings.BACKUP_ROOT).iterdir()) == [backup.name]
