"""The TUF repository of one cluster: root, targets, snapshot and timestamp.

Layout under the cluster's folder of the release store::

    metadata/1.root.json         the province root (copied from keygen's root.json)
    metadata/<build>.targets.json   lists the build's manifest, deltas and packs
    metadata/<build>.snapshot.json  pins that targets version
    metadata/timestamp.json      pins that snapshot; written last, atomically
    targets/<dir>/<sha256>.<name>   consistent-snapshot target files

Targets and snapshot versions are the build number, so "never lower than the
highest build accepted" is also TUF's own rollback rule. The timestamp has
its own counter: `timestamp_refresh` re-signs it with a new expiry between
builds without publishing anything else.
"""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from securesystemslib.signer import Signer
from tuf.api.exceptions import RepositoryError
from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Root,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization import DeserializationError

from kiosk_site.errors import ReleaseError
from kiosk_site.release.keys import root_load

TARGETS_EXPIRY = timedelta(days=30)
TIMESTAMP_EXPIRY = timedelta(days=7)
KEEP_METADATA_VERSIONS = 8


def target_store(*, repo_dir: Path, path: str, data: bytes, custom: dict) -> TargetFile:
    """Store ``data`` as the consistent-snapshot target ``path``; return its info."""
    sha = hashlib.sha256(data).hexdigest()
    folder, _, name = path.rpartition("/")
    out = repo_dir / "targets" / folder / f"{sha}.{name}"
    out.parent.mkdir(parents=True, exist_ok=True)
    if not out.exists():
        _write_atomic(path=out, data=data)
    return TargetFile(len(data), {"sha256": sha}, path, {"custom": custom})


def target_store_file(
    *, repo_dir: Path, path: str, file: Path, custom: dict
) -> TargetFile:
    """Move the finished file ``file`` in as target ``path``; return its info."""
    info = TargetFile.from_file(path, str(file))
    folder, _, name = path.rpartition("/")
    out = repo_dir / "targets" / folder / f"{info.hashes['sha256']}.{name}"
    out.parent.mkdir(parents=True, exist_ok=True)
    os.replace(file, out)
    info.unrecognized_fields["custom"] = custom
    return info


def _write_atomic(*, path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def _sign_write(*, path: Path, signed: object, signer: Signer) -> Metadata:
    metadata = Metadata(signed)
    metadata.sign(signer)
    _write_atomic(path=path, data=metadata.to_bytes())
    return metadata


def repo_init(*, repo_dir: Path, root_path: Path) -> None:
    """Give a cluster's repository the province root, if it has none yet."""
    meta_dir = repo_dir / "metadata"
    first = meta_dir / "1.root.json"
    if first.exists():
        return
    root_load(root_path=root_path)
    meta_dir.mkdir(parents=True, exist_ok=True)
    _write_atomic(path=first, data=root_path.read_bytes())


def repo_last_build(*, repo_dir: Path) -> int:
    """The build (targets version) the repository's timestamp points to, or 0."""
    timestamp = _timestamp_load(repo_dir=repo_dir)
    return 0 if timestamp is None else timestamp.signed.snapshot_meta.version


def _timestamp_load(*, repo_dir: Path) -> Metadata[Timestamp] | None:
    path = repo_dir / "metadata" / "timestamp.json"
    if not path.exists():
        return None
    try:
        return Metadata[Timestamp].from_bytes(path.read_bytes())
    except (DeserializationError, RepositoryError) as err:
        raise ReleaseError(f"{path} is not valid timestamp metadata: {err}") from err


def repo_publish(
    *,
    repo_dir: Path,
    signer: Signer,
    build: int,
    targets: list[TargetFile],
    targets_expiry: timedelta = TARGETS_EXPIRY,
    timestamp_expiry: timedelta = TIMESTAMP_EXPIRY,
) -> None:
    """Sign and write targets, snapshot and (last) timestamp for ``build``."""
    last = repo_last_build(repo_dir=repo_dir)
    if build <= last:
        raise ReleaseError(
            f"build {build} is not above the last published build {last} of "
            f"{repo_dir.name}; agents would refuse it"
        )
    meta_dir = repo_dir / "metadata"
    now = datetime.now(UTC).replace(microsecond=0)
    listed = Targets(version=build, expires=now + targets_expiry)
    listed.targets = {t.path: t for t in targets}
    _sign_write(path=meta_dir / f"{build}.targets.json", signed=listed, signer=signer)
    snapshot = Snapshot(
        version=build,
        expires=now + targets_expiry,
        meta={"targets.json": MetaFile(version=build)},
    )
    _sign_write(
        path=meta_dir / f"{build}.snapshot.json", signed=snapshot, signer=signer
    )
    _timestamp_write(
        repo_dir=repo_dir, signer=signer, build=build, expiry=timestamp_expiry
    )
    _prune(meta_dir=meta_dir, build=build)


def _timestamp_write(
    *, repo_dir: Path, signer: Signer, build: int, expiry: timedelta
) -> None:
    previous = _timestamp_load(repo_dir=repo_dir)
    version = 1 if previous is None else previous.signed.version + 1
    now = datetime.now(UTC).replace(microsecond=0)
    timestamp = Timestamp(
        version=version, expires=now + expiry, snapshot_meta=MetaFile(version=build)
    )
    path = repo_dir / "metadata" / "timestamp.json"
    _sign_write(path=path, signed=timestamp, signer=signer)


def timestamp_refresh(
    *, repo_dir: Path, signer: Signer, expiry: timedelta = TIMESTAMP_EXPIRY
) -> None:
    """Re-sign the timestamp with a later expiry (run daily between builds)."""
    build = repo_last_build(repo_dir=repo_dir)
    if not build:
        raise ReleaseError(f"{repo_dir} has no published build to refresh")
    _timestamp_write(repo_dir=repo_dir, signer=signer, build=build, expiry=expiry)


def _prune(*, meta_dir: Path, build: int) -> None:
    for role in ("targets", "snapshot"):
        for path in meta_dir.glob(f"*.{role}.json"):
            version = path.name.split(".", 1)[0]
            if version.isdigit() and int(version) <= build - KEEP_METADATA_VERSIONS:
                path.unlink()


def root_of(*, repo_dir: Path) -> Metadata[Root]:
    """The repository's first root metadata."""
    return root_load(root_path=repo_dir / "metadata" / "1.root.json")
