"""SIGKILL at random points of a sync: one complete release is always active.

Rounds are aimed in turn at start-up, the download, the assembly and the
moment between the finished release folder and the switch; where each kill
landed is judged from what it left on disk, and each phase must be hit.
``bench/agent_sigkill.py`` runs many more rounds.
"""

from __future__ import annotations

import random

from kiosk_site.agent.config import config_load
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.sync import agent_sync
from kiosk_site.agent.tests.helpers import (
    assert_one_complete,
    assert_serving,
    config_write,
    kill_landing,
    releases_of,
    run_and_kill,
)
from kiosk_site.release.tests.helpers import World

ROUNDS = 8  # two per aim; bench/agent_sigkill.py runs many more
# (log line to wait for, or None from start; longest delay after it in s)
AIMS = [
    (None, 0.8),
    ("metadata accepted", 0.4),
    ("assembling release", 0.35),
    ("assembled release", 0.2),
]


def sigkill_rounds(*, world: World, rounds: int, seed: int) -> list[str]:
    """Run ``rounds`` killed syncs, checking after each; returns where they landed."""
    config_path = config_write(world=world, timeout_s=5, retries=3)
    layout = Layout(root=config_load(path=config_path).data_dir)
    world.server.faults.throttle_bytes_per_s = 1_000_000
    rng = random.Random(seed)
    version = 1
    world.publish(version=version)
    landings = []
    ever = False
    for number in range(rounds):
        before = layout.current_name()
        if before and before.startswith(f"{version}-"):
            version += 1
            world.publish(version=version, video_seed=version % 3)
        had = releases_of(layout=layout)
        after, longest = AIMS[number % len(AIMS)]
        run_and_kill(
            config_path=config_path, after=after, delay=rng.uniform(0, longest)
        )
        landings.append(kill_landing(layout=layout, before=before, had=had))
        ever = assert_one_complete(layout=layout, world=world, ever=ever)
    world.server.faults.throttle_bytes_per_s = 0
    agent_sync(config=config_load(path=config_path))
    assert_serving(layout=layout, site=world.sites[version])
    assert not list(layout.releases.glob(".staging-*")), landings
    return landings


def test_sigkill_at_random_points_leaves_exactly_one_complete_release(
    world: World,
) -> None:
    landings = sigkill_rounds(world=world, rounds=ROUNDS, seed=9)
    assert {"assembly", "before switch"} <= set(landings), landings
