"""A disk that fills (or is too full) during staging leaves the release serving."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys

import pytest

from kiosk_site.agent.config import AgentConfig, config_load
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.sync import agent_sync
from kiosk_site.agent.tests.helpers import assert_serving, config_write, last_error
from kiosk_site.errors import AgentError
from kiosk_site.release.tests.helpers import VIDEO_SIZE, World


def _small_disk() -> None:
    """In the child: no file may grow past 200 KB (writes fail as on a full disk)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (VIDEO_SIZE * 2 // 3,) * 2)


def test_a_write_failing_mid_download_is_reported_and_the_release_kept(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    agent_sync(config=agent_config)
    world.publish(version=2, video_seed=2)
    config_path = config_write(world=world)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk_site.agent",
            "--config",
            str(config_path),
            "-q",
            "sync",
        ],
        capture_output=True,
        text=True,
        preexec_fn=_small_disk,
        timeout=60,
    )
    assert result.returncode == 1
    assert "File too large" in result.stderr
    assert "free disk space" in last_error(layout=layout)
    assert_serving(layout=layout, site=world.sites[1])
    agent_sync(config=agent_config)
    assert_serving(layout=layout, site=world.sites[2])


def test_too_little_free_space_is_refused_before_downloading(
    world: World, agent_config: AgentConfig, layout: Layout
) -> None:
    world.publish(version=1)
    agent_sync(config=agent_config)
    world.publish(version=2, video_seed=2)
    crowded = config_load(path=config_write(world=world, min_free_bytes=10**18))
    world.server.log.entries.clear()
    with pytest.raises(AgentError, match="bytes free"):
        agent_sync(config=crowded)
    assert_serving(layout=layout, site=world.sites[1])
    assert "free some" in last_error(layout=layout)
    assert not any("/objects/" in p for p, _s, _n in world.server.log.entries)
