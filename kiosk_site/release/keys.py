"""Ed25519 keys and the province's root metadata.

`keygen` makes one Ed25519 key pair. The private key (PEM, mode 0600) stays
with the CMS, which signs every cluster's targets, snapshot and timestamp
with it; its path comes from the CMS settings. The public part goes out as
the province's TUF **root metadata** (``root.json``): the same file is copied
into every cluster's release repository as version 1 and into every agent's
config, where it is the only trust anchor the agent has.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner
from tuf.api.exceptions import RepositoryError
from tuf.api.metadata import Metadata, Root
from tuf.api.serialization import DeserializationError

from kiosk_site.errors import ReleaseError

PRIVATE_KEY_NAME = "release-signing-key.pem"
ROOT_NAME = "root.json"
TOP_ROLES = ("root", "targets", "snapshot", "timestamp")
DEFAULT_ROOT_DAYS = 3 * 365


@dataclass(frozen=True)
class KeyPaths:
    """Where `keygen` wrote the private key and the public root metadata."""

    private_key: Path
    root: Path


def keygen(
    *, out_dir: Path, root_days: int = DEFAULT_ROOT_DAYS, force: bool = False
) -> KeyPaths:
    """Make a signing key and the root metadata that trusts it, in ``out_dir``.

    Writes ``release-signing-key.pem`` (mode 0600; keep it on the CMS only)
    and ``root.json`` (public; give it to every agent). Refuses to overwrite
    an existing key unless ``force``: a new key makes every agent refuse new
    releases until its ``root.json`` is replaced.
    """
    key_path = out_dir / PRIVATE_KEY_NAME
    root_path = out_dir / ROOT_NAME
    if key_path.exists() and not force:
        raise ReleaseError(
            f"{key_path} already exists; agents trust it. Pass force=True "
            "(--force) only to replace it and re-provision every agent"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    signer = CryptoSigner(Ed25519PrivateKey.generate())
    root = Root(expires=datetime.now(UTC) + timedelta(days=root_days))
    root.consistent_snapshot = True
    for role in TOP_ROLES:
        root.add_key(signer.public_key, role)
    metadata = Metadata(root)
    metadata.sign(signer)
    _write_private(path=key_path, data=signer.private_bytes)
    root_path.write_bytes(metadata.to_bytes())
    return KeyPaths(private_key=key_path, root=root_path)


def _write_private(*, path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def signer_load(*, key_path: Path) -> CryptoSigner:
    """Load the CMS's private signing key from ``key_path``."""
    try:
        private = load_pem_private_key(key_path.read_bytes(), None)
    except FileNotFoundError as err:
        raise ReleaseError(
            f"signing key {key_path} does not exist; run "
            "`python -m kiosk_site.release keygen --out DIR` and set its path"
        ) from err
    except ValueError as err:
        raise ReleaseError(f"{key_path} is not a PEM private key: {err}") from err
    if not isinstance(private, Ed25519PrivateKey):
        raise ReleaseError(f"{key_path} is not an Ed25519 key; make one with keygen")
    return CryptoSigner(private)


def root_load(*, root_path: Path) -> Metadata[Root]:
    """Load and self-verify root metadata (signed by its own root keys)."""
    try:
        root = Metadata[Root].from_bytes(root_path.read_bytes())
        root.signed.verify_delegate(Root.type, root.signed_bytes, root.signatures)
    except FileNotFoundError as err:
        raise ReleaseError(f"root metadata {root_path} does not exist") from err
    except (DeserializationError, RepositoryError, ValueError) as err:
        raise ReleaseError(f"root metadata {root_path} is not valid: {err}") from err
    return root
