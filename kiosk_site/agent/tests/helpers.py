"""Helpers of the agent tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from kiosk_site.agent.assemble import SLOW_ASSEMBLY_ENV, release_problems
from kiosk_site.agent.layout import Layout
from kiosk_site.release.manifest import manifest_loads
from kiosk_site.release.tests.helpers import World, tree_bytes


def config_write(*, world: World, **overrides: object) -> Path:
    """Write an agent config file for ``world``; returns its path."""
    values = {
        "server_url": world.server.url,
        "cluster": world.cluster,
        "root": str(world.keys.root),
        "data_dir": str(world.tmp / "agent"),
        "timeout_s": "2",
        "retries": "2",
        "min_free_bytes": "0",
    } | {key: str(value) for key, value in overrides.items()}
    path = world.tmp / "agent.ini"
    lines = ["[agent]"] + [f"{key} = {value}" for key, value in values.items()]
    path.write_text("\n".join(lines) + "\n")
    return path


def assert_serving(*, layout: Layout, site: Path) -> None:
    """``current`` is one complete verified release equal to ``site`` byte for byte."""
    name = layout.current_name()
    assert name is not None, "no release is active"
    folder = layout.releases / name
    manifest = manifest_loads(data=(layout.manifests / f"{name}.json").read_bytes())
    assert release_problems(folder=folder, manifest=manifest) == []
    assert tree_bytes(folder=folder) == tree_bytes(folder=site)


def last_error(*, layout: Layout) -> str:
    """The reason the agent recorded for its last failure ('' if none)."""
    return layout.state_load().last_error or ""


def run_and_kill(*, config_path: Path, after: str | None, delay: float) -> None:
    """Start `sync` in a subprocess and SIGKILL it ``delay`` s after a log line.

    ``after`` is a substring of the log line to wait for (None: from start).
    Assembly is slowed (`SLOW_ASSEMBLY_ENV`) so a kill can land inside it.
    """
    env = os.environ | {SLOW_ASSEMBLY_ENV: "0.03"}
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
        env=env,
    )
    if after is not None:
        for line in process.stderr:
            if after in line:
                break
    time.sleep(delay)
    process.kill()
    process.communicate()


def releases_of(*, layout: Layout) -> set[str]:
    """The names of the release folders present (complete or staging)."""
    if not layout.releases.is_dir():
        return set()
    return {p.name for p in layout.releases.iterdir()}


def kill_landing(*, layout: Layout, before: str | None, had: set[str]) -> str:
    """Where the last kill landed, judged from what it left on disk.

    ``before`` is the active release and ``had`` the release folders before it.
    """
    now = releases_of(layout=layout)
    if any(name.startswith(".staging-") for name in now):
        return "assembly"
    if layout.current_name() != before:
        return "after switch"
    return "before switch" if now - had else "start or download"


def assert_one_complete(*, layout: Layout, world: World, ever: bool) -> bool:
    """Check ``current`` names one complete release; returns whether one is active."""
    name = layout.current_name()
    if name is None:  # only until the first release was ever switched to
        assert not ever, "a release was active before, and is gone"
        return False
    build = int(name.split("-", 1)[0])
    assert_serving(layout=layout, site=world.sites[build])  # build n is site n
    assert [p for p in layout.root.glob("current*")] == [layout.current]
    return True
