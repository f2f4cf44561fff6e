"""Files in and out of a backup: media through the storage API (local or S3),
the release store as a folder, and the sha256 and size of each."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage, default_storage

from cms.core.storage import storage_chunks, storage_local_path

CHUNK = 1024 * 1024


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _storage_names(storage: Storage, folder: str = "") -> Iterator[str]:
    local = storage_local_path(storage=storage, name=folder or ".")
    if local is not None and not local.is_dir():
        return
    dirs, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for name in dirs:
        yield from _storage_names(storage, f"{folder}/{name}" if folder else name)


def media_copy_out(*, out_dir: Path, storage: Storage = default_storage) -> None:
    """Every media file (MEDIA_ROOT or the media bucket) into ``out_dir``."""
    for name in _storage_names(storage):
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as fh:
            for chunk in storage_chunks(storage=storage, name=name):
                fh.write(chunk)


def media_replace(*, src_dir: Path, storage: Storage = default_storage) -> None:
    """Delete every media file, then save each one from ``src_dir`` by its name."""
    for name in list(_storage_names(storage)):
        storage.delete(name)
    for path in sorted(p for p in src_dir.rglob("*") if p.is_file()):
        name = path.relative_to(src_dir).as_posix()
        with path.open("rb") as fh:
            storage.save(name, File(fh, name=name))


def folder_copy_out(*, src: Path, out_dir: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, out_dir, symlinks=False)
    else:
        out_dir.mkdir(parents=True)


def folder_replace(*, src_dir: Path, target: Path) -> None:
    """Put ``src_dir``'s copy in place of ``target``: the copy is made beside it
    first, so a failed copy leaves the old folder as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    incoming = target.with_name(target.name + ".restoring")
    shutil.rmtree(incoming, ignore_errors=True)
    shutil.copytree(src_dir, incoming)
    if target.exists():
        shutil.rmtree(target)
    incoming.rename(target)


def tree_listing(*, root: Path) -> list[dict]:
    """Every file under ``root``: path (relative, POSIX), sha256, size."""
    return [
        {
            "path": path.relative_to(root).as_posix(),
            "sha256": file_sha256(path),
            "size": path.stat().st_size,
        }
        for path in sorted(p for p in root.rglob("*") if p.is_file())
    ]
