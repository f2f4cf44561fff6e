"""The database copied by its own safe method: SQLite's online backup API, or
pg_dump / pg_restore for PostgreSQL. Reads and writes the default database."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

from .errors import BackupError, BackupRefused

DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
PG_CLIENT_FIX = (
    "install the PostgreSQL client tools: apt-get install -y postgresql-client"
)


def db_vendor() -> str:
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(
            f"The database is {connection.vendor}; backups support SQLite and "
            "PostgreSQL only"
        )
    return connection.vendor


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not on PATH; {PG_CLIENT_FIX}")
    return found


def _pg_args() -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore, the password in PGPASSWORD."""
    conf = connection.settings_dict
    args = ["--dbname", conf["NAME"]]
    if conf.get("HOST"):
        args += ["--host", str(conf["HOST"])]
    if conf.get("PORT"):
        args += ["--port", str(conf["PORT"])]
    if conf.get("USER"):
        args += ["--username", conf["USER"]]
    env = {"PGPASSWORD": conf["PASSWORD"]} if conf.get("PASSWORD") else {}
    return args, env


def _run(cmd: list[str], env: dict[str, str], what: str) -> None:
    done = subprocess.run(
        cmd, env=os.environ | env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{what} failed ({done.returncode}): {done.stderr.strip()}")


def db_dump(*, out_dir: Path) -> Path:
    """Write the database to ``out_dir`` and return the file."""
    vendor = db_vendor()
    target = out_dir / DUMP_NAMES[vendor]
    if vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return target
    args, env = _pg_args()
    cmd = [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target)]
    _run(cmd + args, env, "pg_dump")
    return target


def db_dump_check(*, dump: Path, vendor: str) -> None:
    """Refuse a dump its own tool cannot read (checked before anything changes)."""
    if vendor == "sqlite":
        try:
            with sqlite3.connect(f"file:{dump}?mode=ro", uri=True) as db:
                answer = db.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as err:
            answer = str(err)
        if answer != "ok":
            raise BackupRefused(
                f"The database copy {dump.name} is damaged ({answer}); restore "
                "from another one"
            )
        return
    try:
        _run([_pg_tool("pg_restore"), "--list", str(dump)], {}, "pg_restore --list")
    except BackupError as err:
        raise BackupRefused(
            f"The database dump {dump.name} is damaged ({err}); restore from "
            "another one"
        ) from err


def db_is_empty() -> bool:
    """True when the database holds no tables at all."""
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def db_load(*, dump: Path) -> None:
    """Replace the whole database with the dump."""
    vendor = db_vendor()
    if vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(f"file:{dump}?mode=ro", uri=True) as source:
            source.backup(connection.connection)
        source.close()
        connection.close()
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    connection.close()
    args, env = _pg_args()
    cmd = [_pg_tool("pg_restore"), "--no-owner", "--exit-on-error"]
    _run(cmd + args + [str(dump)], env, "pg_restore")
