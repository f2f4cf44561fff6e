"""`release_publish` writes objects, manifest, deltas, packs and signed metadata."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import zstandard as zstd

from kiosk_site.errors import ReleaseError
from kiosk_site.release.keys import keygen
from kiosk_site.release.manifest import manifest_loads
from kiosk_site.release.objects import ObjectStore
from kiosk_site.release.pack import pack_header, pack_unpack
from kiosk_site.release.paths import UnsafePathError
from kiosk_site.release.publish import release_publish
from kiosk_site.release.tests.helpers import site_make


@pytest.fixture
def setup(tmp_path: Path) -> dict:
    keys = keygen(out_dir=tmp_path / "keys")
    return {
        "store_dir": tmp_path / "store",
        "cluster": "bo-y",
        "key_path": keys.private_key,
        "root_path": keys.root,
    }


def _target(store: Path, path: str) -> Path:
    folder, _, name = path.rpartition("/")
    (found,) = (store / "bo-y" / "targets" / folder).glob(f"*.{name}")
    return found


def test_publish_lists_every_file_and_raw_media(tmp_path: Path, setup: dict) -> None:
    site = site_make(out_dir=tmp_path / "site", version=1)
    result = release_publish(site_dir=site, **setup)
    assert result.build == 1
    data = zstd.ZstdDecompressor().decompress(
        _target(setup["store_dir"], "manifest.json.zst").read_bytes()
    )
    manifest = manifest_loads(data=data)
    assert len(manifest.files) == result.files == 15
    raw = [e.path for e in manifest.files if e.raw]
    assert raw == ["media/clip.mp4"]
    assert set(result.targets) == {"manifest.json.zst", "packs/full.pack"}


def test_the_next_build_has_a_delta_and_a_small_pack(
    tmp_path: Path, setup: dict
) -> None:
    release_publish(site_dir=site_make(out_dir=tmp_path / "s1", version=1), **setup)
    result = release_publish(
        site_dir=site_make(out_dir=tmp_path / "s2", version=2), **setup
    )
    assert result.build == 2
    assert result.targets["manifest-deltas/from-1.zst"] < 200
    pack = _target(setup["store_dir"], "packs/from-1.pack")
    header = pack_header(pack_path=pack)
    assert len(header["objects"]) == 2  # page 1 in two locales
    assert len(header["dict"]) == 2  # compressed against their previous versions
    store = ObjectStore(root=tmp_path / "agent-objects")
    old = ObjectStore(root=setup["store_dir"] / "bo-y" / "objects")
    for sha in header["dict"]:
        shutil.copy(old.path(sha256=sha), tmp_path / "x")
        store.add_file(
            path=tmp_path / "x", sha256=sha, size=(tmp_path / "x").stat().st_size
        )
    added = pack_unpack(pack_path=pack, store=store)
    assert [store.read(sha256=s) for s in added] == [old.read(sha256=s) for s in added]


def test_packs_are_byte_for_byte_reproducible(tmp_path: Path, setup: dict) -> None:
    site = site_make(out_dir=tmp_path / "site", version=1)
    release_publish(site_dir=site, **setup)
    first = _target(setup["store_dir"], "packs/full.pack").read_bytes()
    other = dict(setup, store_dir=tmp_path / "other")
    release_publish(site_dir=site, **other)
    assert _target(other["store_dir"], "packs/full.pack").read_bytes() == first


def test_a_build_number_not_above_the_last_is_refused(
    tmp_path: Path, setup: dict
) -> None:
    site = site_make(out_dir=tmp_path / "site", version=1)
    release_publish(site_dir=site, build=5, **setup)
    with pytest.raises(ReleaseError, match="not above the last published build 5"):
        release_publish(site_dir=site, build=5, **setup)


def test_a_site_with_a_link_is_refused(tmp_path: Path, setup: dict) -> None:
    site = site_make(out_dir=tmp_path / "site", version=1)
    (site / "vi" / "passwd").symlink_to("/etc/passwd")
    with pytest.raises(UnsafePathError, match="is a link"):
        release_publish(site_dir=site, **setup)


def test_a_site_with_case_collisions_is_refused(tmp_path: Path, setup: dict) -> None:
    site = site_make(out_dir=tmp_path / "site", version=1)
    (site / "Index.html").write_text("x")
    with pytest.raises(UnsafePathError, match="differ only by case"):
        release_publish(site_dir=site, **setup)


def test_a_bad_cluster_code_is_refused(tmp_path: Path, setup: dict) -> None:
    site = site_make(out_dir=tmp_path / "site", version=1)
    with pytest.raises(ReleaseError, match="cluster code '../x'"):
        release_publish(site_dir=site, **dict(setup, cluster="../x"))
