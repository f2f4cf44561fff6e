"""`rollback` returns to the previous verified local release and holds it."""

from __future__ import annotations

import pytest

from kiosk_site.agent.config import AgentConfig
from kiosk_site.agent.control import agent_rollback, agent_status
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.sync import agent_sync
from kiosk_site.agent.tests.helpers import assert_serving
from kiosk_site.errors import AgentError
from kiosk_site.release.tests.helpers import World


def test_rollback_switches_to_the_previous_release_and_sync_holds_it(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    agent_sync(config=agent_config)
    world.publish(version=2)
    agent_sync(config=agent_config)
    name = agent_rollback(config=agent_config)
    assert name.startswith("1-")
    assert_serving(layout=layout, site=world.sites[1])
    assert agent_sync(config=agent_config).action == "held"
    assert_serving(layout=layout, site=world.sites[1])
    status = agent_status(config=agent_config)
    assert (status["running_build"], status["highest_build"]) == (1, 2)
    assert status["rolled_back"] is True
    world.publish(version=3)
    assert agent_sync(config=agent_config).build == 3
    assert_serving(layout=layout, site=world.sites[3])


def test_rollback_without_an_earlier_release_says_so(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    agent_sync(config=agent_config)
    with pytest.raises(AgentError, match="no release older than 1-"):
        agent_rollback(config=agent_config)
    assert_serving(layout=layout, site=world.sites[1])


def test_rollback_refuses_a_damaged_previous_release(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    agent_sync(config=agent_config)
    world.publish(version=2)
    agent_sync(config=agent_config)
    old = next(p for p in layout.releases.iterdir() if p.name.startswith("1-"))
    (old / "index.html").unlink()
    with pytest.raises(AgentError, match="index.html: missing"):
        agent_rollback(config=agent_config)
    assert_serving(layout=layout, site=world.sites[2])
