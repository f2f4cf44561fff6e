"""Running ffprobe/ffmpeg safely: no stdin, a timeout, bounded output."""

from __future__ import annotations

import ctypes
import functools
import os
import re
import signal
import subprocess
import sys

from .config import FFMPEG
from .errors import EncodeFailed, gettext_noop

_PR_SET_PDEATHSIG = 1
try:  # loaded once here: the child between fork and exec should do little
    _LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform == "linux" else None
except OSError:  # pragma: no cover
    _LIBC = None


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    # A worker killed with SIGKILL cannot stop its ffmpeg; the kernel does it.
    _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def child_setup():
    """``preexec_fn`` for ffmpeg children (None where prctl does not exist)."""
    return _die_with_parent if _LIBC is not None else None


def run_tool(
    argv: list[str], *, timeout: float, what: str
) -> subprocess.CompletedProcess[str]:
    """Run ffprobe/ffmpeg to completion; raise EncodeFailed on timeout."""
    try:
        return subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            preexec_fn=child_setup(),
            check=False,
        )
    except subprocess.TimeoutExpired as err:
        raise EncodeFailed(
            gettext_noop(
                "%(what)s did not finish within %(timeout)s s; the file may be "
                "damaged or the machine overloaded, try again later"
            ),
            what=what,
            timeout=round(timeout),
        ) from err
    except OSError as err:
        raise EncodeFailed(
            gettext_noop("cannot start %(program)s (%(error)s); install ffmpeg"),
            program=argv[0],
            error=err.strerror or err,
        ) from err


_CONTEXT = re.compile(r"^\[([\w:,.-]+) @ 0x[0-9a-f]+\]\s*")


def last_error_line(stderr: str) -> str:
    """The telling part of ffmpeg's stderr: its first and last error lines."""
    lines = [_CONTEXT.sub(r"\1: ", line.strip()) for line in stderr.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return "no message"
    summary = lines[0] if len(lines) == 1 else f"{lines[0]} … {lines[-1]}"
    return summary[:400]


@functools.lru_cache(maxsize=1)
def ffmpeg_version() -> str:
    """The ffmpeg version string, e.g. ``5.1.9-0+deb12u1``."""
    result = run_tool([FFMPEG, "-hide_banner", "-version"], timeout=30, what="ffmpeg")
    first = result.stdout.splitlines()[0] if result.stdout else ""
    parts = first.split()
    return parts[2] if len(parts) > 2 and parts[0] == "ffmpeg" else first


def file_url(path: os.PathLike | str) -> str:
    """An absolute ``file:`` URL, so no name is ever read as another protocol."""
    return "file:" + os.path.abspath(os.fspath(path))
