"""Content-addressed object store: ``objects/<sha256[:2]>/<sha256>``.

The publisher keeps one per cluster in the release store (served to agents as
single objects); the agent keeps one in its data folder and hard-links release
files from it. An object is written to a temporary name, its hash checked,
flushed to disk and renamed into place, so a present object is always whole.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from kiosk_site.errors import ReleaseError

CHUNK = 1 << 20
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class ObjectHashError(ReleaseError):
    """An object's bytes do not have the sha256 its name or manifest says."""


def sha256_check(*, value: str) -> str:
    """Return ``value`` if it is a lower-case hex sha256, else raise."""
    if not isinstance(value, str) or not _SHA256.match(value):
        raise ReleaseError(f"{value!r} is not a lower-case hex sha256 digest")
    return value


def sha256_file(*, path: Path) -> tuple[str, int]:
    """Return the sha256 hex digest and size of the file at ``path``."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def fsync_dir(*, path: Path) -> None:
    """Flush a folder's entries to disk (a no-op where folders cannot be opened)."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class ObjectStore:
    """A folder of objects named by their sha256."""

    def __init__(self, *, root: Path) -> None:
        self.root = root

    def path(self, *, sha256: str) -> Path:
        """Where the object ``sha256`` lives (present or not)."""
        sha256_check(value=sha256)
        return self.root / sha256[:2] / sha256

    def has(self, *, sha256: str) -> bool:
        """Whether the object is present (its content is trusted as written)."""
        return self.path(sha256=sha256).is_file()

    def missing(self, *, sha256s: Iterable[str]) -> list[str]:
        """The digests among ``sha256s`` that are not present, in order, once."""
        seen: set[str] = set()
        out = []
        for sha in sha256s:
            if sha not in seen and not self.has(sha256=sha):
                out.append(sha)
            seen.add(sha)
        return out

    def add_stream(self, *, sha256: str, size: int, stream: BinaryIO) -> Path:
        """Copy exactly ``size`` bytes from ``stream`` in as object ``sha256``.

        Raises ``ObjectHashError`` (and keeps nothing) if the bytes differ.
        """
        target = self.path(sha256=sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{sha256}.tmp{os.getpid()}")
        digest = hashlib.sha256()
        try:
            with open(tmp, "wb") as out:
                left = size
                while left:
                    chunk = stream.read(min(CHUNK, left))
                    if not chunk:
                        break
                    digest.update(chunk)
                    out.write(chunk)
                    left -= len(chunk)
                out.flush()
                os.fsync(out.fileno())
            if left or digest.hexdigest() != sha256:
                raise ObjectHashError(
                    f"object {sha256} arrived with sha256 {digest.hexdigest()} "
                    f"({size - left} of {size} bytes); it was damaged or altered "
                    "on the way and was not kept"
                )
            os.chmod(tmp, 0o444)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        return target

    def add_file(self, *, path: Path, sha256: str, size: int) -> Path:
        """Add the file at ``path`` as object ``sha256`` unless it is present."""
        if self.has(sha256=sha256):
            return self.path(sha256=sha256)
        with open(path, "rb") as handle:
            return self.add_stream(sha256=sha256, size=size, stream=handle)

    def adopt(self, *, path: Path, sha256: str) -> Path:
        """Move the finished download ``path`` in as object ``sha256``.

        Its hash is checked once more here, so nothing unverified enters.
        """
        actual, _size = sha256_file(path=path)
        if actual != sha256:
            path.unlink(missing_ok=True)
            raise ObjectHashError(
                f"{path.name} has sha256 {actual}, not {sha256}; it was discarded"
            )
        target = self.path(sha256=sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())
        os.chmod(path, 0o444)
        os.replace(path, target)
        return target

    def read(self, *, sha256: str) -> bytes:
        """The object's bytes."""
        return self.path(sha256=sha256).read_bytes()
