"""Assemble a release folder from the object store, and check one.

Files are hard links to their objects (no copy, no second disk write); where
the disk cannot link (another filesystem, FAT) they are copied. The folder is
built under a dot-name, every folder flushed, then renamed to its final name.

``KIOSK_AGENT_TEST_SLOW_ASSEMBLY_S`` (seconds per file) slows assembly down so
the SIGKILL fault test can land inside it (and ten times that after the
rename, before the switch); it is never set in production.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import time
from pathlib import Path

from kiosk_site.agent.layout import Layout, remove_tree
from kiosk_site.errors import AgentError
from kiosk_site.release.manifest import Manifest
from kiosk_site.release.objects import fsync_dir, sha256_file

log = logging.getLogger("kiosk_site.agent")
SLOW_ASSEMBLY_ENV = "KIOSK_AGENT_TEST_SLOW_ASSEMBLY_S"


def release_name(*, build: int, manifest_sha256: str) -> str:
    """``<build>-<sha12>``: a build number and its manifest, never reused."""
    return f"{build}-{manifest_sha256[:12]}"


def release_assemble(*, layout: Layout, manifest: Manifest, name: str) -> Path:
    """Build ``releases/<name>`` from the store; return it (kept if present)."""
    final = layout.releases / name
    if final.is_dir():
        return final
    staging = layout.releases / f".staging-{name}"
    remove_tree(path=staging)
    staging.mkdir()
    folders = {staging}
    pause = float(os.environ.get(SLOW_ASSEMBLY_ENV) or 0)
    for entry in manifest.files:
        target = staging / entry.path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
            folders.update(target.parent.parents)
        _place(source=layout.objects.path(sha256=entry.sha256), target=target)
        if pause:
            time.sleep(pause)
    for folder in sorted(f for f in folders if staging in (f, *f.parents)):
        fsync_dir(path=folder)
    os.rename(staging, final)
    fsync_dir(path=layout.releases)
    log.info("assembled release %s", name)
    if pause:
        time.sleep(pause * 10)
    return final


def _place(*, source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        shutil.copyfile(source, target)
        with open(target, "rb+") as handle:
            os.fsync(handle.fileno())


def release_problems(*, folder: Path, manifest: Manifest) -> list[str]:
    """What in ``folder`` differs from ``manifest`` (empty when it matches).

    Checks every file's size and sha256, and that nothing else is there.
    """
    problems = []
    expected = manifest.by_path()
    for entry in manifest.files:
        path = folder / entry.path
        if path.is_symlink() or not path.is_file():
            problems.append(f"{entry.path}: missing")
            continue
        sha, size = sha256_file(path=path)
        if (sha, size) != (entry.sha256, entry.size):
            problems.append(f"{entry.path}: {size} bytes, sha256 {sha[:12]}…")
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel not in expected:
            problems.append(f"{rel}: not in the manifest")
    return problems


def release_require(*, folder: Path, manifest: Manifest) -> None:
    """Raise `AgentError` naming the first problems if ``folder`` is not whole."""
    problems = release_problems(folder=folder, manifest=manifest)
    if problems:
        raise AgentError(
            f"release {folder.name} does not match its manifest: "
            f"{'; '.join(problems[:5])}"
        )
