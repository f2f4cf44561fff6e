"""Write a site's output files with few system calls, atomically where it matters."""

from __future__ import annotations

import os


class OutputWriter:
    """Writes output files with few system calls.

    A folder this writer created holds no old file, so its files are written
    without looking first; elsewhere a file is rewritten only if its bytes
    differ, and replaced atomically (a kiosk may be serving the folder while
    it is rebuilt).
    """

    def __init__(self) -> None:
        self.checked: dict[str, bool] = {}  # folder -> created by this writer

    def _folder(self, parent: str) -> bool:
        fresh = self.checked.get(parent)
        if fresh is None:
            try:
                os.mkdir(parent)
                fresh = True
            except FileExistsError:
                fresh = False
            except FileNotFoundError:
                os.makedirs(parent, exist_ok=True)
                fresh = True
            self.checked[parent] = fresh
        return fresh

    def write(self, path: str, data: bytes) -> bool:
        """Write `data` to `path` unless it already holds it; True if written."""
        if not self._folder(os.path.dirname(path)):
            try:
                size = os.stat(path).st_size
            except FileNotFoundError:
                size = -1
            if size >= 0:
                if size == len(data):
                    with open(path, "rb") as f:
                        if f.read() == data:
                            return False
                tmp = path + ".tmp"
                with open(tmp, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
                return True
        # os.open/os.write: three system calls, without a buffered file object.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        return True
