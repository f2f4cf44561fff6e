"""Refused metadata leaves the current release serving and says why."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta

import pytest

from kiosk_site.agent.config import AgentConfig
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.sync import agent_sync
from kiosk_site.agent.tests.helpers import assert_serving, last_error
from kiosk_site.errors import AgentError
from kiosk_site.release.keys import keygen
from kiosk_site.release.publish import release_publish
from kiosk_site.release.tests.helpers import World


@pytest.fixture
def running(world: World, agent_config: AgentConfig) -> World:
    """Build 1 published and installed."""
    world.publish(version=1)
    agent_sync(config=agent_config)
    return world


def _refused(*, config: AgentConfig, layout: Layout, world: World, match: str) -> None:
    """The sync fails naming ``match``; build 1 still serves; the reason is kept."""
    with pytest.raises(AgentError, match=match):
        agent_sync(config=config)
    assert_serving(layout=layout, site=world.sites[1])
    assert match in last_error(layout=layout)


def test_metadata_signed_with_another_key_is_refused(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    rogue = keygen(out_dir=running.tmp / "rogue-keys")
    rogue_store = running.tmp / "rogue-store"
    site = running.sites[1].parent / "site-rogue"
    shutil.copytree(running.sites[1], site)
    (site / "index.html").write_text("defaced")
    release_publish(
        site_dir=site,
        store_dir=rogue_store,
        cluster="bo-y",
        key_path=rogue.private_key,
        root_path=rogue.root,
        build=9,
    )
    shutil.rmtree(running.store / "bo-y")
    shutil.copytree(rogue_store / "bo-y", running.store / "bo-y")
    _refused(config=agent_config, layout=layout, world=running, match="Unsigned")


def test_unsigned_metadata_is_refused(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    running.publish(version=2)
    path = running.store / "bo-y" / "metadata" / "timestamp.json"
    doc = json.loads(path.read_bytes())
    doc["signatures"] = []
    path.write_text(json.dumps(doc))
    _refused(config=agent_config, layout=layout, world=running, match="Unsigned")


def test_altered_targets_metadata_is_refused(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    running.publish(version=2)
    path = running.store / "bo-y" / "metadata" / "2.targets.json"
    doc = json.loads(path.read_bytes())
    doc["signed"]["expires"] = "2099-01-01T00:00:00Z"
    path.write_text(json.dumps(doc))
    _refused(config=agent_config, layout=layout, world=running, match="Unsigned")


def test_replayed_older_metadata_set_is_refused(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    meta = world.store / "bo-y" / "metadata"
    shutil.copytree(meta, world.tmp / "old-metadata")
    world.publish(version=2)
    agent_sync(config=agent_config)
    shutil.rmtree(meta)
    shutil.copytree(world.tmp / "old-metadata", meta)
    with pytest.raises(AgentError, match="BadVersionNumber"):
        agent_sync(config=agent_config)
    assert_serving(layout=layout, site=world.sites[2])
    assert "must be >= 2" in last_error(layout=layout)


def test_replay_is_refused_even_when_the_metadata_cache_is_lost(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    meta = world.store / "bo-y" / "metadata"
    shutil.copytree(meta, world.tmp / "old-metadata")
    world.publish(version=2)
    agent_sync(config=agent_config)
    shutil.rmtree(meta)
    shutil.copytree(world.tmp / "old-metadata", meta)
    shutil.rmtree(layout.tuf)
    with pytest.raises(AgentError, match="older than build 2 already accepted"):
        agent_sync(config=agent_config)
    assert_serving(layout=layout, site=world.sites[2])


def test_metadata_of_another_cluster_is_refused_and_not_kept(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    running.publish(version=2, cluster="ma-lu-thang", build=49)
    running.publish(version=2, cluster="ma-lu-thang", build=50)
    running.server.faults.aliases = {"/bo-y/": "/ma-lu-thang/"}
    with pytest.raises(AgentError, match="for cluster 'ma-lu-thang'"):
        agent_sync(config=agent_config)
    assert_serving(layout=layout, site=running.sites[1])
    assert "ma-lu-thang" in last_error(layout=layout)
    running.server.faults.aliases = {}
    running.publish(version=3)
    assert agent_sync(config=agent_config).build == 2
    assert_serving(layout=layout, site=running.sites[3])


def test_expired_metadata_is_refused(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    running.publish(version=2, timestamp_expiry=timedelta(seconds=-1))
    _refused(config=agent_config, layout=layout, world=running, match="Expired")
