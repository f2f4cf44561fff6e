"""Helpers of the agent tests."""

from __future__ import annotations

from pathlib import Path

from kiosk_site.agent.assemble import release_problems
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
