"""The agent's data folder: state file, objects, releases and ``current``.

::

    state.json        what the agent accepted and last saw (written atomically)
    lock              held while a sync or rollback runs
    tuf/<n>/          TUF metadata, one generation per accepted refresh
    objects/ab/<sha>  verified objects (read-only), hard-linked into releases
    downloads/        .part files of interrupted downloads (resumed)
    manifests/<name>.json  the verified manifest of each kept release
    releases/<build>-<manifest sha256[:12]>/  complete releases, never edited
    current           symlink to releases/<name> (Windows: current.txt)
    spool/<key>.json  feedback and play logs waiting for the CMS (`spool`)
    emergency.json    the last verified emergency state (`emergency`)

A release folder appears under its name only by one rename after all its
files and folders are flushed to disk, and ``current`` changes only by one
atomic replace, so whatever moment the agent stops at, ``current`` names one
complete release.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kiosk_site.errors import AgentError
from kiosk_site.release.objects import ObjectStore, fsync_dir

POINTER_FILE = "current.txt"


@dataclass
class State:
    """What the agent remembers between runs."""

    highest_build: int = 0
    tuf_generation: int = 0
    history: list[str] = field(default_factory=list)
    rolled_back: bool = False
    assigned_build: int | None = None
    last_check: str | None = None
    last_success: str | None = None
    last_error: str | None = None
    clock_offset_s: float | None = None


class Layout:
    """Paths and atomic operations of one agent data folder."""

    def __init__(self, *, root: Path) -> None:
        self.root = root
        self.state_path = root / "state.json"
        self.tuf = root / "tuf"
        self.objects = ObjectStore(root=root / "objects")
        self.downloads = root / "downloads"
        self.manifests = root / "manifests"
        self.releases = root / "releases"
        self.spool = root / "spool"
        self.emergency = root / "emergency.json"
        self.current = root / ("current" if os.name != "nt" else POINTER_FILE)

    def ensure(self) -> None:
        """Create the folders."""
        for folder in (self.tuf, self.objects.root, self.downloads, self.manifests):
            folder.mkdir(parents=True, exist_ok=True)
        self.releases.mkdir(parents=True, exist_ok=True)

    def state_load(self) -> State:
        """The saved state, or a fresh one."""
        try:
            data = json.loads(self.state_path.read_text())
        except FileNotFoundError:
            return State()
        except ValueError as err:
            raise AgentError(
                f"{self.state_path} is not valid JSON ({err}); it is only written "
                "atomically, so the disk may be failing. Move it away to re-sync"
            ) from err
        known = State.__dataclass_fields__
        return State(**{k: v for k, v in data.items() if k in known})

    def state_save(self, *, state: State) -> None:
        """Write the state atomically (temp file, fsync, rename, fsync folder)."""
        write_atomic(path=self.state_path, data=json.dumps(asdict(state), indent=1))

    def tuf_dir(self, *, generation: int) -> Path:
        """The TUF metadata folder of a generation."""
        return self.tuf / str(generation)

    def current_name(self) -> str | None:
        """The name of the active release, or None."""
        try:
            if os.name == "nt":
                name = self.current.read_text().strip()
            else:
                name = os.readlink(self.current).rsplit("/", 1)[-1]
        except FileNotFoundError:
            return None
        return name or None

    def current_dir(self) -> Path | None:
        """The active release folder, or None."""
        name = self.current_name()
        return None if name is None else self.releases / name

    def switch(self, *, name: str) -> None:
        """Make ``releases/<name>`` the active release in one atomic step."""
        if not (self.releases / name).is_dir():
            raise AgentError(f"release {name} is not complete; cannot switch to it")
        if os.name == "nt":
            write_atomic(path=self.current, data=name)
            return
        tmp = self.root / "current.new"
        tmp.unlink(missing_ok=True)
        os.symlink(f"releases/{name}", tmp)
        os.replace(tmp, self.current)
        fsync_dir(path=self.root)


def write_atomic(*, path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` so a reader sees the old or the new file."""
    tmp = path.with_name(f".{path.name}.tmp")
    raw = data.encode() if isinstance(data, str) else data
    with open(tmp, "wb") as out:
        out.write(raw)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    fsync_dir(path=path.parent)


def remove_tree(*, path: Path) -> None:
    """Delete a folder tree whose files may be read-only (Windows)."""

    def _writable(func, target, _exc_info):  # noqa: ANN001, ANN202
        os.chmod(target, 0o700)
        func(target)

    if path.exists():
        shutil.rmtree(path, onerror=_writable)
