"""SIGKILL at random points of a sync: one complete release is always active."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

from kiosk_site.agent.config import config_load
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.sync import agent_sync
from kiosk_site.agent.tests.helpers import assert_serving, config_write
from kiosk_site.release.tests.helpers import World

ROUNDS = 12  # bench/ may run many more; this keeps the suite quick


def _run_and_kill(*, config_path: Path, delay: float, early: bool) -> str:
    """Start `sync` in a subprocess and SIGKILL it; returns its last log line.

    ``early``: kill ``delay`` s after start (start-up, metadata refresh); else
    ``delay`` s after the metadata was accepted (download, assembly, switch).
    """
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk_site.agent",
            "--config",
            str(config_path),
            "sync",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    last = "(starting)"
    if not early:
        for line in process.stderr:
            last = line.split(" ", 3)[-1].strip()
            if "metadata accepted" in line or "up-to-date" in line:
                break
    time.sleep(delay)
    process.kill()
    rest = process.communicate()[1].splitlines()
    return rest[-1].split(" ", 3)[-1] if rest else last


def _assert_one_complete(*, layout: Layout, world: World, ever: bool) -> bool:
    """Check ``current``; returns whether a release is active."""
    name = layout.current_name()
    if name is None:  # only until the first release was ever switched to
        assert not ever, "a release was active before, and is gone"
        return False
    build = int(name.split("-", 1)[0])
    assert_serving(layout=layout, site=world.sites[build])  # build n is site n
    assert [p for p in layout.root.glob("current*")] == [layout.current]
    return True


def test_sigkill_at_random_points_leaves_exactly_one_complete_release(
    world: World,
) -> None:
    config_path = config_write(world=world, timeout_s=5, retries=3)
    layout = Layout(root=config_load(path=config_path).data_dir)
    world.server.faults.throttle_bytes_per_s = 1_000_000
    rng = random.Random(9)
    version = 1
    world.publish(version=version)
    reached = []
    ever = False
    for _round in range(ROUNDS):
        name = layout.current_name()
        if name and name.startswith(f"{version}-"):
            version += 1
            world.publish(version=version, video_seed=version % 3)
        early = rng.random() < 0.25
        delay = rng.uniform(0.2, 0.8) if early else rng.uniform(0.0, 0.45)
        reached.append(_run_and_kill(config_path=config_path, delay=delay, early=early))
        ever = _assert_one_complete(layout=layout, world=world, ever=ever)
    world.server.faults.throttle_bytes_per_s = 0
    agent_sync(config=config_load(path=config_path))
    assert_serving(layout=layout, site=world.sites[version])
    assert not list(layout.releases.glob(".staging-*")), reached
