"""Path-safety rules shared by the publisher and the agent.

A release path is a relative POSIX path of plain names. Anything else could
write outside the release folder on the cluster PC (`..`, absolute or drive
paths), be read differently on Windows (backslashes, reserved names, trailing
dots) or make two files one on a case-insensitive disk (case collisions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kiosk_site.errors import ReleaseError

MAX_PATH_LENGTH = 400
_BAD_CHARS = re.compile(r'[\x00-\x1f\x7f\\:*?"<>|]')
_WINDOWS_RESERVED = re.compile(
    r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE
)


class UnsafePathError(ReleaseError):
    """A release path could escape the release folder or clash with another."""


def path_check(*, path: str) -> str:
    """Return ``path`` if it is a safe relative release path, else raise.

    Refuses empty, absolute, drive-letter and backslash paths, `.`/`..` parts,
    empty parts, control and Windows-reserved characters or names, and parts
    ending in a dot or space.
    """
    if not isinstance(path, str) or not path:
        raise UnsafePathError(f"release path {path!r} is empty or not text")
    if len(path) > MAX_PATH_LENGTH:
        raise UnsafePathError(
            f"release path {path[:60]!r}… is longer than {MAX_PATH_LENGTH} characters"
        )
    if path.startswith("/") or _BAD_CHARS.search(path):
        raise UnsafePathError(
            f"release path {path!r} is absolute or has a drive, backslash or "
            "control character; paths must be relative with '/' separators"
        )
    for part in path.split("/"):
        _part_check(path=path, part=part)
    return path


def _part_check(*, path: str, part: str) -> None:
    if part in ("", ".", ".."):
        raise UnsafePathError(
            f"release path {path!r} has an empty, '.' or '..' part; "
            "paths must name files inside the release folder"
        )
    if part[-1] in ". " or _WINDOWS_RESERVED.match(part):
        raise UnsafePathError(
            f"release path {path!r} has the part {part!r}, which Windows "
            "cannot store; rename it"
        )


def paths_check(*, paths: Iterable[str]) -> list[str]:
    """Check every path and that no two differ only by case or as file/folder.

    Returns the paths in the order given. A file may not also be a folder of
    another path (``a`` and ``a/b``), which the release folder cannot hold.
    """
    checked: list[str] = []
    folded: dict[str, str] = {}
    for path in paths:
        path_check(path=path)
        key = path.casefold()
        if key in folded:
            raise UnsafePathError(
                f"release paths {folded[key]!r} and {path!r} differ only by case "
                "(or repeat); a case-insensitive disk would store them as one file"
            )
        folded[key] = path
        checked.append(path)
    _folders_check(folded=folded)
    return checked


def _folders_check(*, folded: dict[str, str]) -> None:
    for key, path in folded.items():
        parts = key.split("/")
        for end in range(1, len(parts)):
            folder = "/".join(parts[:end])
            if folder in folded:
                raise UnsafePathError(
                    f"release path {folded[folder]!r} is a file but {path!r} "
                    "needs it as a folder"
                )
