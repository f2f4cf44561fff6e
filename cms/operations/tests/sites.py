"""A throwaway site for backup tests: its own database (an SQLite file or a
PostgreSQL database of its own), media, release store and backup folder, run
through `manage.py` in subprocesses so a restore never touches the test's own
database."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
from django.conf import settings

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


@dataclass
class Site:
    folder: Path
    database_url: str
    pg_name: str = ""

    @property
    def vendor(self) -> str:
        return "postgresql" if self.pg_name else "sqlite"

    @property
    def media(self) -> Path:
        return self.folder / "media"

    @property
    def releases(self) -> Path:
        return self.folder / "releases"

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(self.media),
            "RELEASE_STORE_ROOT": str(self.releases),
            "BACKUP_ROOT": str(self.backups),
            "BACKUP_STORAGE": "local",
        }
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )

    def ok(self, *args: str) -> str:
        done = self.manage(*args)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def shell(self, code: str) -> str:
        return self.ok("shell", "-c", code)

    def probe(self) -> dict:
        out = self.shell("from cms.operations.tests.seed import probe; probe()")
        return json.loads(out.strip().splitlines()[-1])

    def wipe_database(self) -> None:
        if self.pg_name:
            pg_recreate(self.pg_name)
        else:
            Path(self.database_url.removeprefix("sqlite:///")).unlink()


def pg_recreate(name: str, *, drop_only: bool = False) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')


def site_make(*, folder: Path, vendor: str) -> Site:
    if vendor == "sqlite":
        return Site(folder, f"sqlite:///{folder / 'site.sqlite3'}")
    name = f"helper_b_backup_{uuid.uuid4().hex[:8]}"
    pg_recreate(name)
    return Site(folder, f"postgres://postgres@127.0.0.1:5432/{name}", pg_name=name)


def tree_sha256(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
