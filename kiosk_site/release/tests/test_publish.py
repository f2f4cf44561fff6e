"""`release_publish` writes objects, manifest, deltas, packs and signed metadata."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest
import zstandard as zstd

from kiosk_site.errors import ReleaseError
from kiosk_site.release.keys import keygen
from kiosk_site.release.manifest import Manifest, manifest_loads
from kiosk_site.release.objects import ObjectStore
from kiosk_site.release.pack import (
    PackHeader,
    PackMismatchError,
    pack_header,
    pack_plan,
    pack_unpack,
)
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


def _target_of(store: Path, build: int, path: str) -> Path:
    """The target ``path`` as build ``build`` signed it (older ones stay)."""
    signed = json.loads(
        (store / "bo-y" / "metadata" / f"{build}.targets.json").read_text()
    )
    sha = signed["signed"]["targets"][path]["hashes"]["sha256"]
    folder, _, name = path.rpartition("/")
    return store / "bo-y" / "targets" / folder / f"{sha}.{name}"


def _manifests(store: Path, build: int) -> tuple[Manifest, str]:
    data = (store / "bo-y" / "builds" / f"{build}.json").read_bytes()
    return manifest_loads(data=data), hashlib.sha256(data).hexdigest()


def _store_with(tmp_path: Path, shas: tuple[str, ...], source: ObjectStore):
    store = ObjectStore(root=tmp_path / "agent-objects")
    for sha in shas:
        store.add_file(
            path=source.path(sha256=sha), sha256=sha, size=len(source.read(sha256=sha))
        )
    return store


def test_the_next_build_has_a_delta_and_a_small_pack(
    tmp_path: Path, setup: dict
) -> None:
    release_publish(site_dir=site_make(out_dir=tmp_path / "s1", version=1), **setup)
    result = release_publish(
        site_dir=site_make(out_dir=tmp_path / "s2", version=2), **setup
    )
    assert result.build == 2
    assert result.targets["manifest-deltas/from-1.zst"] < 200
    (old, _), (new, new_sha) = (_manifests(setup["store_dir"], b) for b in (1, 2))
    plan = pack_plan(manifest=new, base=old)
    assert len(plan.objects) == 2  # page 1 in two locales
    assert plan.dict_shas == tuple(  # their previous versions, by path
        old.by_path()[p].sha256 for p in ("en/page-1.html", "vi/page-1.html")
    )
    pack = _target(setup["store_dir"], "packs/from-1.pack")
    assert pack_header(pack_path=pack) == PackHeader(1, 2, new_sha, 2, plan.total)
    assert result.targets["packs/from-1.pack"] < 200 + 100  # no object list
    source = ObjectStore(root=setup["store_dir"] / "bo-y" / "objects")
    store = _store_with(tmp_path, plan.dict_shas, source)
    added = pack_unpack(pack_path=pack, store=store, plan=plan, manifest_sha256=new_sha)
    assert added == [sha for sha, _size in plan.objects]
    assert [store.read(sha256=s) for s in added] == [
        source.read(sha256=s) for s in added
    ]


def test_a_pack_for_other_builds_or_objects_is_refused(
    tmp_path: Path, setup: dict
) -> None:
    for version in (1, 2, 3):
        site = site_make(out_dir=tmp_path / f"s{version}", version=version)
        release_publish(site_dir=site, **setup)
    (one, _), (two, two_sha) = (_manifests(setup["store_dir"], b) for b in (1, 2))
    source = ObjectStore(root=setup["store_dir"] / "bo-y" / "objects")
    plan = pack_plan(manifest=two, base=one)
    store = _store_with(tmp_path, plan.dict_shas, source)
    of_two, of_three = (
        _target_of(setup["store_dir"], b, "packs/from-1.pack") for b in (2, 3)
    )
    with pytest.raises(PackMismatchError, match="to build 3, this sync needs one"):
        pack_unpack(pack_path=of_three, store=store, plan=plan, manifest_sha256=two_sha)
    with pytest.raises(PackMismatchError, match="was made for manifest"):
        pack_unpack(pack_path=of_two, store=store, plan=plan, manifest_sha256="0" * 64)
    shorter = replace(plan, objects=plan.objects[:1])
    with pytest.raises(PackMismatchError, match="holds 2 objects of"):
        pack_unpack(
            pack_path=of_two, store=store, plan=shorter, manifest_sha256=two_sha
        )
    wanted = [sha for sha, _size in plan.objects]
    assert store.missing(sha256s=wanted) == wanted  # nothing kept
    assert (
        pack_unpack(pack_path=of_two, store=store, plan=plan, manifest_sha256=two_sha)
        == wanted
    )


def test_a_pack_of_the_old_format_is_refused_by_name(tmp_path: Path) -> None:
    old = tmp_path / "x.full.pack"
    old.write_bytes(b"KIOSKPACK1\n\0\0\0\x02{}")
    with pytest.raises(PackMismatchError, match="pack format 1, which this agent no"):
        pack_header(pack_path=old)


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
