"""`bundle_write` puts a cluster's latest build in one deterministic tar file."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest

from kiosk_site.errors import ReleaseError
from kiosk_site.release.bundle import FORMAT, HEADER_NAME, BundleError, bundle_write
from kiosk_site.release.tests.helpers import VIDEO_SIZE, World, world_make


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    made = world_make(tmp=tmp_path)
    yield made
    made.server.stop()


def test_a_bundle_holds_the_metadata_manifest_full_pack_and_videos(
    world: World,
) -> None:
    world.publish(version=1)
    world.publish(version=2)
    info = bundle_write(store_dir=world.store, cluster="bo-y", out=world.tmp / "b.tar")
    assert (info.cluster, info.build, info.members) == ("bo-y", 2, 7)
    with tarfile.open(info.path) as tar:
        names = tar.getnames()
        header = json.loads(tar.extractfile(HEADER_NAME).read())
        video = next(m for m in tar.getmembers() if "/objects/" in m.name)
    assert names[0] == HEADER_NAME
    assert header["format"] == FORMAT
    assert (header["cluster"], header["build"]) == ("bo-y", 2)
    assert header["members"] == names[1:]
    assert names[1:5] == [
        "bo-y/metadata/1.root.json",
        "bo-y/metadata/timestamp.json",
        "bo-y/metadata/2.snapshot.json",
        "bo-y/metadata/2.targets.json",
    ]
    assert names[5].endswith(".manifest.json.zst")
    assert names[6].startswith("bo-y/targets/packs/") and names[6].endswith(
        ".full.pack"
    )
    assert video.size == VIDEO_SIZE
    assert not any("from-" in name for name in names)  # an empty agent needs none


def test_the_same_build_gives_the_same_bytes(world: World) -> None:
    world.publish(version=1)
    first = bundle_write(store_dir=world.store, cluster="bo-y", out=world.tmp / "1")
    again = bundle_write(store_dir=world.store, cluster="bo-y", out=world.tmp / "2")
    assert first.path.read_bytes() == again.path.read_bytes()


def test_a_cluster_without_a_build_is_refused(world: World) -> None:
    with pytest.raises(BundleError, match="no published release"):
        bundle_write(store_dir=world.store, cluster="bo-y", out=world.tmp / "b.tar")
    assert not (world.tmp / "b.tar").exists()


def test_a_bad_cluster_code_is_refused(world: World) -> None:
    with pytest.raises(ReleaseError, match="cluster code '../x'"):
        bundle_write(store_dir=world.store, cluster="../x", out=world.tmp / "b.tar")
