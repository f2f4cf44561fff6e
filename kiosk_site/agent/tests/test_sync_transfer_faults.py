"""A damaged, endless, stalled, cut or shifting transfer never reaches the screen."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from kiosk_site.agent.config import AgentConfig, config_load
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.sync import agent_sync
from kiosk_site.agent.tests.helpers import assert_serving, config_write, last_error
from kiosk_site.errors import AgentError
from kiosk_site.release import publish
from kiosk_site.release.pack import PackPlan, pack_write
from kiosk_site.release.tests.helpers import VIDEO_SIZE, World


@pytest.fixture
def running(world: World, agent_config: AgentConfig) -> World:
    """Build 1 installed; build 2 (a page and the video changed) published."""
    world.publish(version=1)
    agent_sync(config=agent_config)
    world.publish(version=2, video_seed=2)
    world.server.log.entries.clear()
    return world


def _refused(*, config: AgentConfig, layout: Layout, world: World, match: str) -> None:
    with pytest.raises(AgentError, match=match):
        agent_sync(config=config)
    assert_serving(layout=layout, site=world.sites[1])
    assert match in last_error(layout=layout)


@pytest.mark.parametrize("where", ["/objects/", ".pack", "manifest"])
def test_a_flipped_byte_is_refused(
    running: World, agent_config: AgentConfig, layout: Layout, where: str
) -> None:
    running.server.faults.flip_path = where
    with pytest.raises(AgentError):
        agent_sync(config=agent_config)
    assert_serving(layout=layout, site=running.sites[1])
    assert last_error(layout=layout)
    running.server.faults.flip_path = None
    agent_sync(config=agent_config)
    assert_serving(layout=layout, site=running.sites[2])


def test_an_object_streamed_past_its_size_is_cut_off(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    running.server.faults.overflow_path = "/objects/"
    _refused(config=agent_config, layout=layout, world=running, match="more than")
    video = [p for p, _s, _n in running.server.log.entries if "/objects/" in p]
    assert len(video) == 1  # a hostile answer is not asked for again
    assert not list(layout.downloads.iterdir())


def test_endless_metadata_is_cut_off(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    running.server.faults.overflow_path = "timestamp.json"
    _refused(config=agent_config, layout=layout, world=running, match="exceeding")


def test_a_stalling_server_times_out(
    running: World, world: World, layout: Layout
) -> None:
    config = config_load(path=config_write(world=world, timeout_s=0.3, retries=1))
    running.server.faults.stall_path = "/objects/"
    running.server.faults.stall_after = 1000
    _refused(config=config, layout=layout, world=running, match="sent nothing")


def test_a_connection_cut_at_random_offsets_resumes_and_completes(
    running: World, world: World, layout: Layout
) -> None:
    offsets = sorted(random.Random(7).sample(range(1, VIDEO_SIZE), 6))
    config = config_load(path=config_write(world=world, retries=len(offsets)))
    running.server.faults.cut_path = "/objects/"
    running.server.faults.cut_offsets = list(offsets)
    agent_sync(config=config)
    assert_serving(layout=layout, site=running.sites[2])
    video = [(s, n) for p, s, n in running.server.log.entries if "/objects/" in p]
    assert [s for s, _n in video] == [200] + [206] * len(offsets)
    assert sum(n for _s, n in video) == VIDEO_SIZE  # every byte sent once


def test_a_cut_beyond_the_retries_fails_then_the_next_sync_resumes(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    running.server.faults.cut_path = "/objects/"
    running.server.faults.cut_offsets = [50_000, 100_000, 150_000, 200_000]
    _refused(config=agent_config, layout=layout, world=running, match="closed after")
    agent_sync(config=agent_config)
    assert_serving(layout=layout, site=running.sites[2])
    video = sum(n for p, _s, n in running.server.log.entries if "/objects/" in p)
    assert video == VIDEO_SIZE


def test_an_etag_changing_between_ranges_restarts_the_download(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    faults = running.server.faults
    faults.cut_path = faults.etag_change_path = "/objects/"
    faults.ignore_if_range = True  # a faulty server: 206 although the file changed
    faults.cut_offsets = [120_000]
    agent_sync(config=agent_config)
    assert_serving(layout=layout, site=running.sites[2])
    video = [(s, n) for p, s, n in running.server.log.entries if "/objects/" in p]
    assert [s for s, _n in video] == [200, 206, 200]


def test_a_correct_server_answers_a_changed_file_whole(
    running: World, agent_config: AgentConfig, layout: Layout
) -> None:
    faults = running.server.faults
    faults.cut_path = faults.etag_change_path = "/objects/"
    faults.cut_offsets = [120_000]
    agent_sync(config=agent_config)
    assert_serving(layout=layout, site=running.sites[2])
    video = [(s, n) for p, s, n in running.server.log.entries if "/objects/" in p]
    assert video == [(200, 120_000), (200, VIDEO_SIZE)]


def test_a_signed_pack_naming_other_builds_is_refused(
    world: World, agent_config: AgentConfig, layout: Layout, monkeypatch
) -> None:
    world.publish(version=1)
    agent_sync(config=agent_config)

    def for_build_7(*, plan: PackPlan, **kwargs: object) -> None:
        pack_write(plan=replace(plan, to_build=7), **kwargs)

    monkeypatch.setattr(publish, "pack_write", for_build_7)  # a publisher's bug
    world.publish(version=2)
    _refused(
        config=agent_config,
        layout=layout,
        world=world,
        match="packs/from-1.pack was refused: pack ",
    )
    assert "from build 1 to build 7, this sync needs one from build 1 to build 2" in (
        last_error(layout=layout)
    )
    monkeypatch.undo()
    world.publish(version=3)
    agent_sync(config=agent_config)
    assert_serving(layout=layout, site=world.sites[3])
