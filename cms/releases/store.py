"""The release store: one folder per cluster under RELEASE_STORE_ROOT.

Everything that touches the store's files goes through here, so that an
S3-compatible store can later replace the local folder in one module.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from kiosk_site.release.paths import path_check

SERVED = ("metadata", "targets", "objects")


def store_root() -> Path:
    """The folder that holds every cluster's release repository."""
    return Path(settings.RELEASE_STORE_ROOT)


def cluster_dir(*, code: str) -> Path:
    """The release repository of the cluster ``code`` (present or not)."""
    return store_root() / code


def served_file(*, code: str, kind: str, path: str) -> Path | None:
    """The store file an agent asks for, or None if there is no such file.

    ``kind`` must be one of `SERVED`; ``path`` must pass the release path rules
    (no ``..``, absolute paths, backslashes…; else `UnsafePathError`), so
    nothing outside the cluster's folder (nor its unserved ``builds/``) can be
    named.
    """
    if kind not in SERVED:
        return None
    rel = path_check(path=f"{kind}/{path}")
    base = cluster_dir(code=code)
    found = base / rel
    if not found.is_file() or base.resolve() not in found.resolve().parents:
        return None
    return found


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
