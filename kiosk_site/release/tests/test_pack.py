"""A pack holds what `pack_plan` derives from two manifests, and nothing else."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kiosk_site.errors import ReleaseError
from kiosk_site.release.manifest import Entry, Manifest
from kiosk_site.release.objects import ObjectHashError, ObjectStore
from kiosk_site.release.pack import (
    MAX_HEADER,
    PackMismatchError,
    pack_plan,
    pack_unpack,
    pack_write,
)

PAGES = {f"vi/page-{n}.html": f"<p>page {n} old</p>".encode() * 20 for n in range(4)}


def _manifest(build: int, files: dict[str, bytes]) -> Manifest:
    entries = tuple(
        Entry(path=p, size=len(d), sha256=hashlib.sha256(d).hexdigest(), raw=False)
        for p, d in sorted(files.items())
    )
    return Manifest(cluster="bo-y", build=build, files=entries)


@pytest.fixture
def two_builds(tmp_path: Path) -> dict:
    """Build 1 (four pages); build 2: pages 0 and 2 changed, page 9 added and
    copy.html a copy of the new page 2. Build 1's objects are in an agent's store."""
    new = dict(PAGES)
    new["vi/page-2.html"] = PAGES["vi/page-2.html"] + b"<p>edit</p>"
    new["vi/page-0.html"] = b"<p>zero</p>" + PAGES["vi/page-0.html"]
    new["vi/page-9.html"] = b"<p>new page</p>"
    new["vi/copy.html"] = new["vi/page-2.html"]
    data = {hashlib.sha256(d).hexdigest(): d for d in [*PAGES.values(), *new.values()]}
    agent = ObjectStore(root=tmp_path / "agent")
    for content in PAGES.values():
        (tmp_path / "x").write_bytes(content)
        agent.add_file(
            path=tmp_path / "x",
            sha256=hashlib.sha256(content).hexdigest(),
            size=len(content),
        )
    return {
        "old": _manifest(1, PAGES),
        "new": _manifest(2, new),
        "data": data,
        "agent": agent,
        "files": new,
    }


def _write(tmp_path: Path, plan, data: dict, read=None) -> Path:  # noqa: ANN001
    out = tmp_path / "p.pack"
    pack_write(
        out_path=out,
        plan=plan,
        manifest_sha256="a" * 64,
        read_object=read or (lambda sha: data[sha]),
    )
    return out


def test_the_plan_is_the_new_objects_once_by_path_against_the_old_versions(
    two_builds: dict,
) -> None:
    plan = pack_plan(manifest=two_builds["new"], base=two_builds["old"])
    sha = {p: hashlib.sha256(d).hexdigest() for p, d in two_builds["files"].items()}
    old = two_builds["old"].by_path()
    assert plan.objects == tuple(
        (sha[p], len(two_builds["files"][p]))
        for p in ("vi/copy.html", "vi/page-0.html", "vi/page-9.html")
    )  # page-2's content is copy.html's: sent once, where its first path is
    # the old versions of every changed path whose content is sent, by path
    assert plan.dict_shas == (
        old["vi/page-0.html"].sha256,
        old["vi/page-2.html"].sha256,
    )
    assert (plan.from_build, plan.to_build) == (1, 2)
    full = pack_plan(manifest=two_builds["new"], base=None)
    assert full.dict_shas == () and len(full.objects) == 5


def test_a_pack_unpacks_to_the_planned_objects(
    tmp_path: Path, two_builds: dict
) -> None:
    plan = pack_plan(manifest=two_builds["new"], base=two_builds["old"])
    pack = _write(tmp_path, plan, two_builds["data"])
    assert pack.stat().st_size < MAX_HEADER
    store = two_builds["agent"]
    added = pack_unpack(
        pack_path=pack, store=store, plan=plan, manifest_sha256="a" * 64
    )
    assert [store.read(sha256=s) for s in added] == [
        two_builds["data"][s] for s, _n in plan.objects
    ]


def test_bytes_past_the_planned_total_are_refused(
    tmp_path: Path, two_builds: dict
) -> None:
    plan = pack_plan(manifest=two_builds["new"], base=two_builds["old"])
    last = plan.objects[-1][0]
    data = two_builds["data"]
    pack = _write(
        tmp_path, plan, data, lambda s: data[s] + (b"!" if s == last else b"")
    )
    with pytest.raises(PackMismatchError, match=f"more than the {plan.total} bytes"):
        pack_unpack(
            pack_path=pack,
            store=two_builds["agent"],
            plan=plan,
            manifest_sha256="a" * 64,
        )


def test_an_object_with_another_hash_is_refused_and_not_kept(
    tmp_path: Path, two_builds: dict
) -> None:
    plan = pack_plan(manifest=two_builds["new"], base=two_builds["old"])
    bad = plan.objects[1][0]
    data = two_builds["data"]
    pack = _write(
        tmp_path, plan, data, lambda s: data[s].upper() if s == bad else data[s]
    )
    store = two_builds["agent"]
    with pytest.raises(ObjectHashError, match=f"object {bad} arrived with sha256"):
        pack_unpack(pack_path=pack, store=store, plan=plan, manifest_sha256="a" * 64)
    assert not store.has(sha256=bad)


def test_a_pack_that_needs_objects_the_store_lacks_says_so(
    tmp_path: Path, two_builds: dict
) -> None:
    plan = pack_plan(manifest=two_builds["new"], base=two_builds["old"])
    pack = _write(tmp_path, plan, two_builds["data"])
    with pytest.raises(ReleaseError, match="fetch the full pack instead"):
        pack_unpack(
            pack_path=pack,
            store=ObjectStore(root=tmp_path / "empty"),
            plan=plan,
            manifest_sha256="a" * 64,
        )
