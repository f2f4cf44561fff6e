"""The manifest of a release: every file's path, size, sha256 and raw flag.

One JSON document, one file per line, sorted by path, so that the manifest of
the next build differs from this one only in the lines of changed files and a
zstd delta against it is a few hundred bytes. ``raw`` marks large media that
is sent as a single object as it is (already compressed; resumable alone).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from kiosk_site.errors import ReleaseError
from kiosk_site.release.objects import sha256_check, sha256_file
from kiosk_site.release.paths import UnsafePathError, paths_check

FORMAT = "kiosk-release-manifest-1"
RAW_SUFFIXES = frozenset(
    ".mp4 .m4v .webm .mkv .mov .mp3 .m4a .ogg .opus .jpg .jpeg .png .webp .avif "
    ".gif .woff2 .woff .zip .gz .br .zst .pdf".split()
)
RAW_MIN_SIZE = 64 * 1024
RAW_ANY_SIZE = 32 * 1024 * 1024


@dataclass(frozen=True)
class Entry:
    """One file of a release."""

    path: str
    size: int
    sha256: str
    raw: bool


@dataclass(frozen=True)
class Manifest:
    """The files of one cluster's build."""

    cluster: str
    build: int
    files: tuple[Entry, ...]

    def by_path(self) -> dict[str, Entry]:
        """The entries keyed by path."""
        return {entry.path: entry for entry in self.files}


def is_raw(*, path: str, size: int) -> bool:
    """Whether a file is sent as a single object as it is, outside packs."""
    suffix = os.path.splitext(path)[1].lower()
    return size >= RAW_ANY_SIZE or (suffix in RAW_SUFFIXES and size >= RAW_MIN_SIZE)


def manifest_dumps(*, manifest: Manifest) -> bytes:
    """Serialise ``manifest`` (stable bytes: sorted, one file per line)."""
    head = json.dumps(
        {"format": FORMAT, "cluster": manifest.cluster, "build": manifest.build}
    )
    lines = [
        json.dumps([e.path, e.size, e.sha256, int(e.raw)], ensure_ascii=False)
        for e in sorted(manifest.files, key=lambda e: e.path)
    ]
    body = ",\n".join(lines)
    return f'{head[:-1]}, "files": [\n{body}\n]}}\n'.encode()


def manifest_loads(*, data: bytes) -> Manifest:
    """Parse and check a manifest: format, types, hashes and every path."""
    try:
        doc = json.loads(data)
        if doc.get("format") != FORMAT:
            raise ReleaseError(
                f"manifest format {doc.get('format')!r} is not {FORMAT!r}; "
                "update the agent"
            )
        files = tuple(
            Entry(path=p, size=int(s), sha256=sha256_check(value=h), raw=bool(r))
            for p, s, h, r in doc["files"]
        )
        manifest = Manifest(
            cluster=str(doc["cluster"]), build=int(doc["build"]), files=files
        )
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise ReleaseError(f"manifest is not valid JSON of {FORMAT}: {err}") from err
    if any(e.size < 0 for e in files):
        raise ReleaseError("manifest lists a file with a negative size")
    paths_check(paths=[e.path for e in files])
    return manifest


def manifest_from_tree(*, site_dir: Path, cluster: str, build: int) -> Manifest:
    """Scan a built site folder into a manifest (links and odd files refused).

    Dot-folders at the top (the builder's ``.kiosk-build`` state) are skipped.
    """
    entries = []
    for dirpath, dirnames, filenames in os.walk(site_dir, followlinks=False):
        here = Path(dirpath)
        if here == site_dir:
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        _links_refuse(here=here, names=dirnames + filenames, site_dir=site_dir)
        for name in filenames:
            full = here / name
            rel = full.relative_to(site_dir).as_posix()
            sha, size = sha256_file(path=full)
            entries.append(
                Entry(path=rel, size=size, sha256=sha, raw=is_raw(path=rel, size=size))
            )
    paths_check(paths=[e.path for e in entries])
    files = tuple(sorted(entries, key=lambda e: e.path))
    return Manifest(cluster=cluster, build=build, files=files)


def _links_refuse(*, here: Path, names: list[str], site_dir: Path) -> None:
    for name in names:
        full = here / name
        if full.is_symlink() or not (full.is_file() or full.is_dir()):
            raise UnsafePathError(
                f"{full.relative_to(site_dir)} in {site_dir} is a link or a special "
                "file; a release holds regular files only, so copy its target in"
            )
