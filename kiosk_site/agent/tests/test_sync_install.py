"""A sync installs the newest release, then fetches only what changed."""

from __future__ import annotations

import pytest

from kiosk_site.agent.config import AgentConfig
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.sync import agent_sync
from kiosk_site.agent.tests.helpers import assert_serving
from kiosk_site.release.tests.helpers import VIDEO_SIZE, World


def test_first_sync_installs_the_release_byte_for_byte(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    outcome = agent_sync(config=agent_config)
    assert (outcome.action, outcome.build) == ("installed", 1)
    assert_serving(layout=layout, site=world.sites[1])
    assert (layout.root / "current").is_symlink()
    paths = [path for path, _status, _sent in world.server.log.entries]
    assert sum(".full.pack" in p for p in paths) == 1
    assert sum("/objects/" in p for p in paths) == 1  # the video, sent as it is


def test_sync_without_change_costs_under_ten_kilobytes(
    world: World, agent_config: AgentConfig
) -> None:
    world.publish(version=1)
    agent_sync(config=agent_config)
    world.server.log.entries.clear()
    outcome = agent_sync(config=agent_config)
    assert outcome.action == "up-to-date"
    assert world.server.log.body_bytes() < 10_000
    assert all("/metadata/" in p for p, _s, _n in world.server.log.entries)


def test_one_page_edit_fetches_one_small_pack_and_no_video(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    agent_sync(config=agent_config)
    world.publish(version=2)
    world.server.log.entries.clear()
    outcome = agent_sync(config=agent_config)
    assert (outcome.action, outcome.build) == ("installed", 2)
    assert_serving(layout=layout, site=world.sites[2])
    paths = [p for p, _s, _n in world.server.log.entries]
    assert any("from-1.pack" in p for p in paths)
    assert any("manifest-deltas/" in p for p in paths)
    assert not any("full.pack" in p or "/objects/" in p for p in paths)
    assert world.server.log.body_bytes() < 6_000


def test_new_video_is_sent_raw_at_its_own_size(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    agent_sync(config=agent_config)
    world.publish(version=2, video_seed=2)
    world.server.log.entries.clear()
    agent_sync(config=agent_config)
    assert_serving(layout=layout, site=world.sites[2])
    video = sum(n for p, _s, n in world.server.log.entries if "/objects/" in p)
    assert video == VIDEO_SIZE
    assert world.server.log.body_bytes() <= VIDEO_SIZE * 1.03


def test_keeps_the_current_and_two_previous_releases(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    for version in range(1, 6):
        world.publish(version=version)
        agent_sync(config=agent_config)
    kept = sorted(p.name.split("-")[0] for p in layout.releases.iterdir())
    assert kept == ["3", "4", "5"]
    assert_serving(layout=layout, site=world.sites[5])


@pytest.mark.parametrize("pages_changed", [1, 24])
def test_update_after_an_interrupted_earlier_one_completes(
    world: World, agent_config: AgentConfig, layout: Layout, pages_changed: int
) -> None:
    world.publish(version=1)
    agent_sync(config=agent_config)
    (layout.objects.root).joinpath("zz").mkdir()  # stray folder must not matter
    world.publish(version=2)
    agent_sync(config=agent_config)
    assert_serving(layout=layout, site=world.sites[2])
