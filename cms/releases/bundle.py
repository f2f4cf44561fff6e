"""USB bundles: a cluster's current release as one tar file.

The bundle holds exactly the store files an agent would download for the last
build, under the same paths, so the agent's ``install-bundle`` can hand them
to the same TUF updater it uses over HTTP (layout in README.md)::

    kiosk-bundle.json                       first member: what the bundle holds
    <cluster>/metadata/<n>.root.json        every root version in the store
    <cluster>/metadata/timestamp.json
    <cluster>/metadata/<b>.snapshot.json
    <cluster>/metadata/<b>.targets.json
    <cluster>/targets/...                   every target build b lists
    <cluster>/objects/<sha[:2]>/<sha>       build b's raw (single) objects
"""

from __future__ import annotations

import json
import os
import tarfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from kiosk_site.release.manifest import manifest_loads
from kiosk_site.release.metadata import repo_last_build

from .errors import BundleError

FORMAT = "kiosk-release-bundle-1"
HEADER_NAME = "kiosk-bundle.json"


@dataclass(frozen=True)
class BundleInfo:
    """What a bundle holds."""

    cluster: str
    build: int
    members: int
    bytes: int


def bundle_members(*, repo_dir: Path, build: int) -> list[str]:
    """The store paths (relative to ``repo_dir``) that build ``build`` needs."""
    meta = repo_dir / "metadata"
    names = sorted(p.name for p in meta.glob("*.root.json"))
    names += ["timestamp.json", f"{build}.snapshot.json", f"{build}.targets.json"]
    members = [f"metadata/{name}" for name in names]
    targets = json.loads((meta / f"{build}.targets.json").read_bytes())
    for path, info in sorted(targets["signed"]["targets"].items()):
        folder, _, name = path.rpartition("/")
        stored = f"{info['hashes']['sha256']}.{name}"
        members.append("/".join(p for p in ("targets", folder, stored) if p))
    manifest = manifest_loads(data=(repo_dir / "builds" / f"{build}.json").read_bytes())
    raw = sorted({entry.sha256 for entry in manifest.files if entry.raw})
    members += [f"objects/{sha[:2]}/{sha}" for sha in raw]
    missing = [m for m in members if not (repo_dir / m).is_file()]
    if missing:
        raise BundleError(
            f"the release store {repo_dir} lacks {missing[0]} (and "
            f"{len(missing) - 1} more) of build {build}; publish the cluster again"
        )
    return members


def bundle_write(*, repo_dir: Path, cluster: str, out_path: Path) -> BundleInfo:
    """Write the bundle of ``repo_dir``'s last build to ``out_path`` (atomically)."""
    build = repo_last_build(repo_dir=repo_dir)
    if not build:
        raise BundleError(
            f"cluster {cluster} has no published release in {repo_dir.parent}; "
            "publish it first"
        )
    members = bundle_members(repo_dir=repo_dir, build=build)
    header = {
        "format": FORMAT,
        "cluster": cluster,
        "build": build,
        "created_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "members": [f"{cluster}/{m}" for m in members],
    }
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(f".{out_path.name}.{os.getpid()}.tmp")
    try:
        with tarfile.open(tmp, "w", format=tarfile.PAX_FORMAT) as tar:
            data = json.dumps(header, indent=1).encode()
            tar.addfile(_info(HEADER_NAME, len(data), time.time()), BytesIO(data))
            for member in members:
                path = repo_dir / member
                stat = path.stat()
                info = _info(f"{cluster}/{member}", stat.st_size, stat.st_mtime)
                with open(path, "rb") as handle:
                    tar.addfile(info, handle)
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
    size = out_path.stat().st_size
    return BundleInfo(cluster=cluster, build=build, members=len(members), bytes=size)


def _info(name: str, size: int, mtime: float) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(mtime)
    info.mode = 0o644
    info.uname = info.gname = ""
    return info
