"""One agent process at a time per data folder (the OS drops the lock on kill)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk_site.agent.layout import Layout
from kiosk_site.errors import AgentError


@contextmanager
def agent_lock(*, layout: Layout) -> Iterator[None]:
    """Hold the data folder's lock, or raise `AgentError` if another run has it."""
    handle = open(layout.root / "lock", "a+b")  # noqa: SIM115
    try:
        try:
            _lock(handle.fileno())
        except OSError as err:
            raise AgentError(
                f"another agent run holds {layout.root / 'lock'}; wait for it to "
                "finish (or stop the other `sync --watch`)"
            ) from err
        yield
    finally:
        handle.close()


@contextmanager
def file_lock(*, path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``, waiting while another holds it."""
    with open(path, "a+b") as handle:
        _lock(handle.fileno(), wait=True)
        yield


def _lock(fd: int, *, wait: bool = False) -> None:
    if os.name == "nt":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
