"""`install-bundle` installs a USB bundle checked exactly like a download."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk_site.agent.config import AgentConfig
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.sync import agent_install_bundle, agent_sync
from kiosk_site.agent.tests.helpers import assert_serving, config_write, last_error
from kiosk_site.errors import AgentError
from kiosk_site.release.bundle import HEADER_NAME, bundle_write
from kiosk_site.release.tests.helpers import World

Edit = Callable[[str, bytes], tuple[str, bytes]]


def _bundle(world: World, name: str, cluster: str = "bo-y") -> Path:
    out = world.tmp / f"{name}.tar"
    bundle_write(store_dir=world.store, cluster=cluster, out=out)
    return out


def _rewrite(*, src: Path, edit: Edit) -> Path:
    """A copy of the bundle with each member passed through ``edit``."""
    out = src.with_name("edited-" + src.name)
    with (
        tarfile.open(src) as old,
        tarfile.open(out, "w", format=tarfile.PAX_FORMAT) as new,
    ):
        for member in old.getmembers():
            name, data = edit(member.name, old.extractfile(member).read())
            info = tarfile.TarInfo(name)
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))
    return out


@pytest.fixture
def running(world: World, agent_config: AgentConfig) -> World:
    """Build 1 installed from a bundle (the agent never reached the server)."""
    world.publish(version=1)
    bundle = _bundle(world, "b1")
    world.server.stop()
    assert agent_install_bundle(config=agent_config, bundle=bundle).build == 1
    return world


def _refused(
    *, config: AgentConfig, layout: Layout, world: World, bundle: Path, match: str
) -> None:
    """The bundle is refused naming ``match``; build 1 serves; nothing else changed."""
    before = layout.state_load()
    with pytest.raises(AgentError, match=match):
        agent_install_bundle(config=config, bundle=bundle)
    assert_serving(layout=layout, site=world.sites[1])
    assert match in last_error(layout=layout)
    after = layout.state_load()
    assert (after.highest_build, after.history) == (
        before.highest_build,
        before.history,
    )
    assert [p.name[:2] for p in layout.releases.iterdir()] == ["1-"]


def test_a_good_bundle_installs_and_the_next_one_uses_the_same_checks(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    first = _bundle(world, "b1")
    world.publish(version=2, video_seed=2)
    second = _bundle(world, "b2")
    world.server.stop()  # no network: everything comes from the files
    outcome = agent_install_bundle(config=agent_config, bundle=first)
    assert (outcome.action, outcome.build) == ("installed", 1)
    assert_serving(layout=layout, site=world.sites[1])
    assert agent_install_bundle(config=agent_config, bundle=second).build == 2
    assert_serving(layout=layout, site=world.sites[2])
    assert agent_install_bundle(config=agent_config, bundle=second).action == (
        "up-to-date"
    )
    assert last_error(layout=layout) == ""


def test_a_sync_after_a_bundle_continues_from_it(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    agent_install_bundle(config=agent_config, bundle=_bundle(world, "b1"))
    world.publish(version=2)
    world.server.log.entries.clear()
    assert agent_sync(config=agent_config).build == 2
    assert_serving(layout=layout, site=world.sites[2])
    assert any("from-1.pack" in p for p, _s, _n in world.server.log.entries)


def test_a_bundle_for_another_cluster_is_refused(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    running.publish(version=2, cluster="ma-lu-thang")
    other = _bundle(running, "other", cluster="ma-lu-thang")
    _refused(
        config=agent_config,
        layout=layout,
        world=running,
        bundle=other,
        match="the bundle is for cluster 'ma-lu-thang'",
    )


def test_another_clusters_bundle_renamed_as_ours_is_refused_by_the_signed_check(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    running.publish(version=2, cluster="ma-lu-thang")
    running.publish(version=3, cluster="ma-lu-thang")  # newer than ours: timestamp 2
    other = _bundle(running, "other", cluster="ma-lu-thang")

    def rename(name: str, data: bytes) -> tuple[str, bytes]:
        if name == HEADER_NAME:
            data = data.replace(b"ma-lu-thang", b"bo-y")
        return name.replace("ma-lu-thang/", "bo-y/"), data

    forged = _rewrite(src=other, edit=rename)
    _refused(
        config=agent_config,
        layout=layout,
        world=running,
        bundle=forged,
        match="the signed release is for cluster 'ma-lu-thang'",
    )


def test_an_older_bundle_is_refused(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    old = _bundle(world, "b1")
    world.publish(version=2)
    agent_sync(config=agent_config)
    with pytest.raises(AgentError, match="older than build 2 already accepted"):
        agent_install_bundle(config=agent_config, bundle=old)
    assert_serving(layout=layout, site=world.sites[2])
    assert "holds build 1" in last_error(layout=layout)


def test_an_older_bundle_with_a_forged_header_is_refused_by_tuf(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    old = _bundle(world, "b1")
    world.publish(version=2)
    agent_sync(config=agent_config)

    def lie(name: str, data: bytes) -> tuple[str, bytes]:
        if name == HEADER_NAME:
            header = json.loads(data) | {"build": 2}
            data = json.dumps(header).encode()
        return name, data

    with pytest.raises(AgentError, match="BadVersionNumber"):
        agent_install_bundle(config=agent_config, bundle=_rewrite(src=old, edit=lie))
    assert_serving(layout=layout, site=world.sites[2])


@pytest.mark.parametrize("keep", [0.3, 0.97, 1.0])
def test_a_truncated_bundle_is_refused(
    running: World, agent_config: AgentConfig, layout: Layout, keep: float
) -> None:
    running.publish(version=2, video_seed=2)
    bundle = _bundle(running, "b2")
    with tarfile.open(bundle) as tar:
        end = max(m.offset_data + m.size for m in tar.getmembers())
    cut = running.tmp / "cut.tar"
    cut.write_bytes(bundle.read_bytes()[: int(end * keep) - 1])  # 1.0: last byte
    _refused(
        config=agent_config,
        layout=layout,
        world=running,
        bundle=cut,
        match="is truncated or damaged",
    )


def test_a_bundle_with_unsigned_metadata_is_refused(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    running.publish(version=2)

    def unsign(name: str, data: bytes) -> tuple[str, bytes]:
        if name.endswith("2.targets.json"):
            doc = json.loads(data)
            doc["signatures"] = []
            data = json.dumps(doc).encode()
        return name, data

    bundle = _rewrite(src=_bundle(running, "b2"), edit=unsign)
    _refused(
        config=agent_config,
        layout=layout,
        world=running,
        bundle=bundle,
        match="Unsigned",
    )


def test_a_bundle_with_an_altered_video_is_refused(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    running.publish(version=2, video_seed=2)

    def flip(name: str, data: bytes) -> tuple[str, bytes]:
        if "/objects/" in name:
            data = data[:-1] + bytes([data[-1] ^ 1])
        return name, data

    bundle = _rewrite(src=_bundle(running, "b2"), edit=flip)
    _refused(
        config=agent_config,
        layout=layout,
        world=running,
        bundle=bundle,
        match="damaged or altered",
    )


def test_a_file_that_is_no_bundle_is_refused(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    junk = running.tmp / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff" + b"x" * 5000)
    _refused(
        config=agent_config,
        layout=layout,
        world=running,
        bundle=junk,
        match="not a readable bundle",
    )


def test_the_command_line_prints_the_reason_and_exits_1(
    running: World, layout: Layout
) -> None:
    running.publish(version=2, cluster="ma-lu-thang")
    other = _bundle(running, "other", cluster="ma-lu-thang")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk_site.agent",
            "--config",
            str(config_write(world=running)),
            "-q",
            "install-bundle",
            str(other),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "install-bundle failed: the bundle is for cluster 'ma-lu-thang'" in (
        result.stderr
    )
    assert_serving(layout=layout, site=running.sites[1])
