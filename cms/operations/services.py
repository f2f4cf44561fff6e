"""Backups: make one (database, media, release store, manifest), check one,
restore one, and rotate the old ones away."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from . import destinations
from .database import (
    DUMP_NAMES,
    db_dump,
    db_dump_check,
    db_is_empty,
    db_load,
    db_vendor,
)
from .errors import BackupRefused
from .files import (
    file_sha256,
    folder_copy_out,
    folder_replace,
    media_copy_out,
    media_replace,
    tree_listing,
)
from .rotation import backups_to_keep

MANIFEST = "manifest.json"
FORMAT = 1
STAMP = "%Y%m%dT%H%M%SZ"


def _app_version() -> str:
    try:
        return version("cum-thong-tin")
    except PackageNotFoundError:
        return "unknown"


def _migration_state() -> list[list[str]]:
    applied = MigrationRecorder(connection).applied_migrations()
    return sorted([app, name] for app, name in applied)


def _manifest(*, work: Path, created_at: datetime) -> dict:
    return {
        "format": FORMAT,
        "created_at": created_at.isoformat(),
        "app_version": _app_version(),
        "db_vendor": db_vendor(),
        "database": DUMP_NAMES[db_vendor()],
        "migrations": _migration_state(),
        "files": tree_listing(root=work),
    }


def backup_create(*, now: datetime | None = None) -> str:
    """Make a backup and store it (BACKUP_STORAGE); return its name. It is built
    in a temporary folder and appears under its name only when complete."""
    created_at = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    name = f"backup-{created_at.strftime(STAMP)}"
    root = Path(settings.BACKUP_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    work = root / f".partial-{name}-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        db_dump(out_dir=work)
        media_copy_out(out_dir=work / "media")
        folder_copy_out(
            src=Path(settings.RELEASE_STORE_ROOT), out_dir=work / "releases"
        )
        manifest = _manifest(work=work, created_at=created_at)
        (work / MANIFEST).write_text(json.dumps(manifest, indent=1), "utf-8")
        destinations.backup_store(work=work, name=name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return name


def _entry_ok(entry: object) -> bool:
    """A file entry: a relative path inside the backup, a size, a sha256."""
    if not isinstance(entry, dict):
        return False
    path = entry.get("path")
    return (
        isinstance(path, str)
        and not path.startswith("/")
        and ".." not in path.split("/")
        and isinstance(entry.get("size"), int)
        and isinstance(entry.get("sha256"), str)
    )


def _manifest_read(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    except FileNotFoundError as err:
        raise BackupRefused(
            f"{folder} has no {MANIFEST}: it is not a backup, or an unfinished "
            "one; give the folder of a complete backup (manage.py backup --list)"
        ) from err
    except ValueError as err:
        raise BackupRefused(
            f"The manifest of {folder} is unreadable ({err}); the backup is "
            "damaged, restore from another one"
        ) from err
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupRefused(
            f"The manifest of {folder} is not a format {FORMAT} backup manifest; "
            "the backup is damaged or from another program, restore from another one"
        )
    fields = ("db_vendor", "database", "migrations", "files")
    lacking = [name for name in fields if name not in manifest]
    files = manifest.get("files")
    if not isinstance(files, list) or not all(_entry_ok(e) for e in files):
        lacking.append("a valid file list")
    if lacking:
        raise BackupRefused(
            f"The manifest of {folder} lacks {', '.join(lacking)}; the backup is "
            "damaged, restore from another one"
        )
    return manifest


def _files_check(folder: Path, files: list[dict]) -> None:
    for entry in files:
        path = folder / entry["path"]
        if not path.is_file():
            problem = "is missing"
        elif path.stat().st_size != entry["size"]:
            problem = f"has {path.stat().st_size} bytes, not {entry['size']}"
        elif file_sha256(path) != entry["sha256"]:
            problem = "does not match its sha256 (changed or damaged)"
        else:
            continue
        raise BackupRefused(
            f"{entry['path']} in backup {folder.name} {problem}; the backup is "
            "damaged, restore from another one"
        )


def _fit_check(folder: Path, manifest: dict) -> None:
    here = db_vendor()
    if manifest["db_vendor"] != here:
        raise BackupRefused(
            f"Backup {folder.name} is of a {manifest['db_vendor']} database, and "
            f"this site uses {here}; restore it into a {manifest['db_vendor']} "
            "database (DATABASE_URL), then move the data with dumpdata/loaddata"
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [f"{a}.{n}" for a, n in manifest["migrations"] if (a, n) not in known]
    if unknown:
        raise BackupRefused(
            f"Backup {folder.name} has migrations this CMS does not know "
            f"({', '.join(unknown[:3])}…): it was made by a newer version; "
            f"install version {manifest.get('app_version')} to restore it"
        )


def backup_verify(*, folder: Path) -> dict:
    """The backup's manifest once every file, the dump and the fit to this site
    are checked; BackupRefused says what is wrong. Nothing is changed."""
    manifest = _manifest_read(folder)
    _files_check(folder, manifest["files"])
    _fit_check(folder, manifest)
    db_dump_check(dump=folder / manifest["database"], vendor=manifest["db_vendor"])
    return manifest


def backup_restore(*, folder: Path, overwrite: bool) -> dict:
    """Replace the database, media and release store with the backup's, after
    backup_verify; a non-empty database is only replaced with ``overwrite``."""
    manifest = backup_verify(folder=folder)
    if not overwrite and not db_is_empty():
        raise BackupRefused(
            "The database is not empty; restoring replaces everything in it. "
            "Run again with --yes to overwrite it"
        )
    db_load(dump=folder / manifest["database"])
    media_replace(src_dir=folder / "media")
    releases = Path(settings.RELEASE_STORE_ROOT)
    folder_replace(src_dir=folder / "releases", target=releases)
    return manifest


def backups_rotate() -> list[str]:
    """Delete the backups rotation does not keep; return their names."""
    stamps = {}
    for name in destinations.backup_names():
        try:
            stamp = datetime.strptime(name.removeprefix("backup-"), STAMP)
        except ValueError:
            continue
        stamps[stamp.replace(tzinfo=UTC)] = name
    keep = backups_to_keep(
        stamps,
        daily=settings.BACKUP_KEEP_DAILY,
        weekly=settings.BACKUP_KEEP_WEEKLY,
        monthly=settings.BACKUP_KEEP_MONTHLY,
    )
    dropped = [name for stamp, name in sorted(stamps.items()) if stamp not in keep]
    for name in dropped:
        destinations.backup_delete(name=name)
    return dropped
