"""USB bundles: one cluster's latest release as one uncompressed tar file.

A bundle holds exactly the release-store files an agent that has nothing
downloads for the cluster's latest build, under the same paths, so the
agent's ``install-bundle`` hands them to the same TUF updater and the same
checks as a download. Members, in this fixed order::

    kiosk-bundle.json                     header (unsigned; a hint only)
    <cluster>/metadata/<n>.root.json      every root version in the store
    <cluster>/metadata/timestamp.json
    <cluster>/metadata/<b>.snapshot.json
    <cluster>/metadata/<b>.targets.json
    <cluster>/targets/<sha>.manifest.json.zst
    <cluster>/targets/packs/<sha>.full.pack          (when the build packs files)
    <cluster>/objects/<sha[:2]>/<sha>     the build's raw objects (videos), by sha

The header is ``{"format": "kiosk-release-bundle-1", "cluster", "build",
"members": [...]}``; an agent also accepts extra keys and extra members (a
bundle with deltas and packs from earlier builds). Every tar header has
mtime 0, owner root and mode 0644, so the same build gives the same bytes.
"""

from __future__ import annotations

import io
import json
import os
import tarfile
from dataclasses import dataclass
from pathlib import Path

import zstandard as zstd

from kiosk_site.errors import ReleaseError
from kiosk_site.release.manifest import Manifest, manifest_loads
from kiosk_site.release.metadata import repo_last_build
from kiosk_site.release.publish import (
    FULL_PACK_TARGET,
    MANIFEST_TARGET,
    cluster_check,
)

FORMAT = "kiosk-release-bundle-1"
HEADER_NAME = "kiosk-bundle.json"
MAX_HEADER_BYTES = 1024**2


class BundleError(ReleaseError):
    """A bundle could not be written, or is not a bundle of this format."""


@dataclass(frozen=True)
class BundleInfo:
    """What `bundle_write` wrote."""

    cluster: str
    build: int
    members: int
    bytes: int
    path: Path


def bundle_members(*, repo_dir: Path, build: int) -> list[str]:
    """The store paths (relative to ``repo_dir``) a bundle of ``build`` holds."""
    meta = repo_dir / "metadata"
    roots = sorted(meta.glob("*.root.json"), key=lambda p: int(p.name.split(".")[0]))
    names = [p.name for p in roots]
    names += ["timestamp.json", f"{build}.snapshot.json", f"{build}.targets.json"]
    members = [f"metadata/{name}" for name in names]
    listed = json.loads((meta / f"{build}.targets.json").read_bytes())
    targets = listed["signed"]["targets"]
    for path in (MANIFEST_TARGET, FULL_PACK_TARGET):
        if path in targets:
            folder, _, name = path.rpartition("/")
            stored = f"{targets[path]['hashes']['sha256']}.{name}"
            members.append("/".join(p for p in ("targets", folder, stored) if p))
    if MANIFEST_TARGET not in targets:
        raise BundleError(f"build {build} of {repo_dir} lists no {MANIFEST_TARGET}")
    manifest = _manifest_read(repo_dir=repo_dir, member=members[len(names)])
    raw = sorted({entry.sha256 for entry in manifest.files if entry.raw})
    members += [f"objects/{sha[:2]}/{sha}" for sha in raw]
    missing = [m for m in members if not (repo_dir / m).is_file()]
    if missing:
        raise BundleError(
            f"the release store {repo_dir} lacks {missing[0]} (and "
            f"{len(missing) - 1} more) of build {build}; publish the cluster again"
        )
    return members


def _manifest_read(*, repo_dir: Path, member: str) -> Manifest:
    try:
        compressed = (repo_dir / member).read_bytes()
        data = zstd.ZstdDecompressor().stream_reader(compressed).read()
    except (OSError, zstd.ZstdError) as err:
        raise BundleError(f"cannot read the manifest {member}: {err}") from err
    return manifest_loads(data=data)


def bundle_write(*, store_dir: Path, cluster: str, out: Path) -> BundleInfo:
    """Write the bundle of ``cluster``'s latest build in ``store_dir`` to ``out``.

    The file appears atomically (written beside ``out``, then renamed).
    Raises `BundleError` if the cluster has no build or the store lacks a file.
    """
    repo_dir = store_dir / cluster_check(cluster=cluster)
    build = repo_last_build(repo_dir=repo_dir)
    if not build:
        raise BundleError(
            f"cluster {cluster} has no published release in {store_dir}; "
            "publish it first"
        )
    members = bundle_members(repo_dir=repo_dir, build=build)
    header = {
        "format": FORMAT,
        "cluster": cluster,
        "build": build,
        "members": [f"{cluster}/{m}" for m in members],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        _tar_write(tmp=tmp, header=header, repo_dir=repo_dir, members=members)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return BundleInfo(
        cluster=cluster,
        build=build,
        members=len(members),
        bytes=out.stat().st_size,
        path=out,
    )


def _tar_write(*, tmp: Path, header: dict, repo_dir: Path, members: list[str]) -> None:
    cluster = header["cluster"]
    with tarfile.open(tmp, "w", format=tarfile.PAX_FORMAT) as tar:
        data = json.dumps(header, indent=1).encode()
        tar.addfile(_info(name=HEADER_NAME, size=len(data)), io.BytesIO(data))
        for member in members:
            path = repo_dir / member
            info = _info(name=f"{cluster}/{member}", size=path.stat().st_size)
            with open(path, "rb") as handle:
                tar.addfile(info, handle)
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())


def _info(*, name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = 0
    info.mode = 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info
