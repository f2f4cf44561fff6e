"""Fixtures: a served release store and an agent configured for it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk_site.agent.config import AgentConfig, config_load
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.tests.helpers import config_write
from kiosk_site.release.tests.helpers import World, world_make


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    """A province key and a release store served on 127.0.0.1."""
    made = world_make(tmp=tmp_path)
    yield made
    made.server.stop()


@pytest.fixture
def agent_config(world: World) -> AgentConfig:
    """The agent's config (timeouts short for tests)."""
    return config_load(path=config_write(world=world))


@pytest.fixture
def layout(agent_config: AgentConfig) -> Layout:
    """The agent's data folder."""
    return Layout(root=agent_config.data_dir)
