"""`keygen` makes a private key for the CMS only and a root for the agents."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kiosk_site.errors import ReleaseError
from kiosk_site.release.__main__ import main
from kiosk_site.release.keys import keygen, root_load, signer_load


def test_keygen_writes_a_private_key_readable_by_its_owner_only(tmp_path: Path) -> None:
    paths = keygen(out_dir=tmp_path)
    assert stat.S_IMODE(paths.private_key.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" in paths.private_key.read_bytes()
    assert b"PRIVATE" not in paths.root.read_bytes()


def test_the_root_trusts_the_key_for_every_role(tmp_path: Path) -> None:
    paths = keygen(out_dir=tmp_path)
    root = root_load(root_path=paths.root).signed
    keyid = signer_load(key_path=paths.private_key).public_key.keyid
    assert root.consistent_snapshot is True
    for role in ("root", "targets", "snapshot", "timestamp"):
        assert root.roles[role].keyids == [keyid]


def test_keygen_refuses_to_replace_a_key(tmp_path: Path) -> None:
    keygen(out_dir=tmp_path)
    with pytest.raises(ReleaseError, match="already exists"):
        keygen(out_dir=tmp_path)


def test_a_tampered_root_is_refused(tmp_path: Path) -> None:
    paths = keygen(out_dir=tmp_path)
    paths.root.write_bytes(
        paths.root.read_bytes().replace(b'"version":1', b'"version":2')
    )
    with pytest.raises(ReleaseError, match="not valid"):
        root_load(root_path=paths.root)


def test_the_command_line_makes_keys(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    assert main(["keygen", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "root.json").exists()
    assert "root.json" in capsys.readouterr().out
