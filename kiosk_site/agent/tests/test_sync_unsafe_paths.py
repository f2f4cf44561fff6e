"""A signed manifest with unsafe paths is refused before anything is written."""

from __future__ import annotations

import hashlib
import io

import pytest
import zstandard as zstd

from kiosk_site.agent.config import AgentConfig
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.sync import agent_sync
from kiosk_site.agent.tests.helpers import assert_serving, last_error
from kiosk_site.errors import AgentError
from kiosk_site.release.keys import signer_load
from kiosk_site.release.manifest import Entry, Manifest, manifest_dumps
from kiosk_site.release.metadata import repo_publish, target_store
from kiosk_site.release.objects import ObjectStore
from kiosk_site.release.tests.helpers import World


def _publish_crafted(*, world: World, paths: list[str], build: int) -> None:
    """Sign a manifest listing ``paths`` (as a CMS bug or a stolen key could)."""
    repo = world.store / world.cluster
    store = ObjectStore(root=repo / "objects")
    entries = []
    for number, path in enumerate(paths):
        data = f"file {number}".encode()
        sha = hashlib.sha256(data).hexdigest()
        store.add_stream(sha256=sha, size=len(data), stream=io.BytesIO(data))
        entries.append(Entry(path=path, size=len(data), sha256=sha, raw=True))
    manifest = Manifest(cluster=world.cluster, build=build, files=tuple(entries))
    data = manifest_dumps(manifest=manifest)
    custom = {
        "cluster": world.cluster,
        "build": build,
        "manifest_sha256": hashlib.sha256(data).hexdigest(),
        "manifest_size": len(data),
    }
    target = target_store(
        repo_dir=repo,
        path="manifest.json.zst",
        data=zstd.ZstdCompressor().compress(data),
        custom=custom,
    )
    signer = signer_load(key_path=world.keys.private_key)
    repo_publish(repo_dir=repo, signer=signer, build=build, targets=[target])


@pytest.mark.parametrize(
    ("paths", "reason"),
    [
        (["index.html", "../../etc/cron.d/evil"], "'..'"),
        (["/etc/passwd"], "absolute"),
        (["C:/Windows/win.ini"], "drive"),
        (["vi\\..\\..\\boot.ini"], "backslash"),
        (["Index.html", "index.html"], "differ only by case"),
        (["media", "media/clip.mp4"], "needs it as a folder"),
        (["vi/CON.html"], "Windows"),
    ],
)
def test_unsafe_paths_are_refused_and_nothing_is_written(
    world: World,
    agent_config: AgentConfig,
    layout: Layout,
    paths: list[str],
    reason: str,
) -> None:
    world.publish(version=1)
    agent_sync(config=agent_config)
    _publish_crafted(world=world, paths=paths, build=2)
    with pytest.raises(AgentError, match=reason):
        agent_sync(config=agent_config)
    assert_serving(layout=layout, site=world.sites[1])
    assert reason in last_error(layout=layout)
    assert [p.name[:2] for p in layout.releases.iterdir()] == ["1-"]
    assert not (world.tmp / "etc").exists()
