"""Publish a built site folder as the next release of one cluster.

`release_publish` scans the folder into a manifest, adds every file to the
cluster's object store, writes the manifest (zstd), a manifest delta and a
pack of the new objects from each of the last few builds, a full pack, and
signs the TUF metadata that lists them. The store is a plain folder any
static HTTP server (or S3 bucket) can serve; agents read
``<cluster>/metadata/``, ``<cluster>/targets/`` and ``<cluster>/objects/``.
``<cluster>/builds/`` holds the publisher's own record of recent manifests.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import zstandard as zstd
from tuf.api.metadata import TargetFile

from kiosk_site.errors import ReleaseError
from kiosk_site.release.keys import signer_load
from kiosk_site.release.manifest import (
    Manifest,
    manifest_dumps,
    manifest_from_tree,
    manifest_loads,
)
from kiosk_site.release.metadata import (
    TARGETS_EXPIRY,
    TIMESTAMP_EXPIRY,
    repo_init,
    repo_last_build,
    repo_publish,
    target_store,
    target_store_file,
)
from kiosk_site.release.objects import ObjectStore
from kiosk_site.release.pack import delta_encode, pack_plan, pack_write

CLUSTER_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
DELTA_FROM_BUILDS = 5
MANIFEST_TARGET = "manifest.json.zst"
FULL_PACK_TARGET = "packs/full.pack"


@dataclass
class PublishResult:
    """What `release_publish` wrote (sizes in bytes, for logs and benchmarks)."""

    build: int
    files: int
    manifest_bytes: int
    targets: dict[str, int] = field(default_factory=dict)


def cluster_check(*, cluster: str) -> str:
    """Return ``cluster`` if it is a valid cluster code (lower-case, digits, '-')."""
    if not isinstance(cluster, str) or not CLUSTER_CODE.match(cluster):
        raise ReleaseError(
            f"cluster code {cluster!r} must be lower-case letters, digits and '-' "
            "(at most 63), e.g. 'bo-y'"
        )
    return cluster


def release_publish(
    *,
    site_dir: Path,
    store_dir: Path,
    cluster: str,
    key_path: Path,
    root_path: Path,
    build: int | None = None,
    targets_expiry: timedelta = TARGETS_EXPIRY,
    timestamp_expiry: timedelta = TIMESTAMP_EXPIRY,
) -> PublishResult:
    """Publish ``site_dir`` as the next build of ``cluster`` in ``store_dir``.

    ``build`` defaults to one above the last published build and must be
    above it. The signing key at ``key_path`` must be the one ``root_path``
    (the province root metadata) trusts.
    """
    repo_dir = store_dir / cluster_check(cluster=cluster)
    if not site_dir.is_dir():
        raise ReleaseError(f"site folder {site_dir} does not exist; build it first")
    signer = signer_load(key_path=key_path)
    repo_init(repo_dir=repo_dir, root_path=root_path)
    last = repo_last_build(repo_dir=repo_dir)
    build = last + 1 if build is None else build
    manifest = manifest_from_tree(site_dir=site_dir, cluster=cluster, build=build)
    store = ObjectStore(root=repo_dir / "objects")
    for entry in manifest.files:
        store.add_file(path=site_dir / entry.path, sha256=entry.sha256, size=entry.size)
    data = manifest_dumps(manifest=manifest)
    result = PublishResult(
        build=build, files=len(manifest.files), manifest_bytes=len(data)
    )
    targets = _targets_write(
        repo_dir=repo_dir, manifest=manifest, data=data, store=store, last=last
    )
    repo_publish(
        repo_dir=repo_dir,
        signer=signer,
        build=build,
        targets=targets,
        targets_expiry=targets_expiry,
        timestamp_expiry=timestamp_expiry,
    )
    _record(repo_dir=repo_dir, build=build, data=data)
    result.targets = {t.path: t.length for t in targets}
    return result


def _targets_write(
    *, repo_dir: Path, manifest: Manifest, data: bytes, store: ObjectStore, last: int
) -> list[TargetFile]:
    manifest_sha256 = _sha256(data)
    custom = {
        "cluster": manifest.cluster,
        "build": manifest.build,
        "manifest_sha256": manifest_sha256,
        "manifest_size": len(data),
    }
    compressed = zstd.ZstdCompressor(level=19).compress(data)
    targets = [
        target_store(
            repo_dir=repo_dir, path=MANIFEST_TARGET, data=compressed, custom=custom
        )
    ]
    packing = {
        "repo_dir": repo_dir,
        "manifest": manifest,
        "manifest_sha256": manifest_sha256,
        "store": store,
    }
    for base_build, base_data in _previous(repo_dir=repo_dir, last=last):
        base = manifest_loads(data=base_data)
        delta = delta_encode(base=base_data, data=data)
        path = f"manifest-deltas/from-{base_build}.zst"
        targets.append(
            target_store(
                repo_dir=repo_dir, path=path, data=delta, custom={"from": base_build}
            )
        )
        targets += _pack(**packing, base=base)
    targets += _pack(**packing, base=None)
    return targets


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _previous(*, repo_dir: Path, last: int) -> list[tuple[int, bytes]]:
    found = []
    for base_build in range(last, max(last - DELTA_FROM_BUILDS, 0), -1):
        path = repo_dir / "builds" / f"{base_build}.json"
        if path.exists():
            found.append((base_build, path.read_bytes()))
    return found


def _pack(
    *,
    repo_dir: Path,
    manifest: Manifest,
    manifest_sha256: str,
    base: Manifest | None,
    store: ObjectStore,
) -> list[TargetFile]:
    """The pack of ``manifest``'s packed objects that ``base`` lacks, if any."""
    plan = pack_plan(manifest=manifest, base=base)
    if not plan.objects:
        return []
    name = "full" if base is None else f"from-{base.build}"
    tmp = repo_dir / "targets" / "packs" / f".{name}.building"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    pack_write(
        out_path=tmp,
        plan=plan,
        manifest_sha256=manifest_sha256,
        read_object=lambda sha: store.read(sha256=sha),
    )
    custom = {"objects": len(plan.objects)}
    custom |= {} if base is None else {"from": base.build}
    return [
        target_store_file(
            repo_dir=repo_dir, path=f"packs/{name}.pack", file=tmp, custom=custom
        )
    ]


def _record(*, repo_dir: Path, build: int, data: bytes) -> None:
    builds = repo_dir / "builds"
    builds.mkdir(exist_ok=True)
    (builds / f"{build}.json").write_bytes(data)
    for path in builds.glob("*.json"):
        if path.stem.isdigit() and int(path.stem) <= build - DELTA_FROM_BUILDS:
            path.unlink()
