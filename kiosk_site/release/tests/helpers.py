"""Test helpers: small generated sites, a province key, a served release store."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from kiosk_site.release.keys import KeyPaths, keygen
from kiosk_site.release.publish import PublishResult, release_publish
from kiosk_site.release.server import ReleaseServer

VIDEO_SIZE = 300_000


def site_make(
    *, out_dir: Path, version: int, pages: int = 6, video_seed: int = 1
) -> Path:
    """A small kiosk-like site: HTML pages in two locales, JSON, one 'video'.

    ``version`` changes page 1's text (a one-page edit between versions);
    ``video_seed`` picks the video's bytes.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for locale in ("vi", "en"):
        folder = out_dir / locale
        folder.mkdir(exist_ok=True)
        for number in range(pages):
            text = f"v{version}" if number == 1 else "stable"
            body = f"<p>{locale} page {number} {text}</p>" + "<p>Cửa khẩu</p>" * 40
            (folder / f"page-{number}.html").write_text(
                f"<!doctype html><title>{number}</title><main>{body}</main>"
            )
    (out_dir / "index.html").write_text("<!doctype html><title>attract</title>")
    (out_dir / "search.json").write_text('{"terms": ["cua khau", "bo y"]}')
    media = out_dir / "media"
    media.mkdir(exist_ok=True)
    (media / "clip.mp4").write_bytes(random.Random(video_seed).randbytes(VIDEO_SIZE))
    return out_dir


def tree_bytes(*, folder: Path) -> dict[str, bytes]:
    """Every regular file under ``folder`` (relative POSIX path -> bytes)."""
    out = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath) / name
            rel = path.relative_to(folder).as_posix()
            if not rel.startswith("."):
                out[rel] = path.read_bytes()
    return out


@dataclass
class World:
    """A province key, a release store served on 127.0.0.1 and site folders."""

    tmp: Path
    keys: KeyPaths
    server: ReleaseServer
    cluster: str = "bo-y"
    sites: dict[int, Path] = field(default_factory=dict)

    @property
    def store(self) -> Path:
        """The release store folder."""
        return self.server.store_dir

    def publish(
        self, *, version: int, cluster: str | None = None, **kwargs: object
    ) -> PublishResult:
        """Make site ``version`` (unless made) and publish it."""
        site = self.sites.get(version)
        if site is None:
            seed = kwargs.pop("video_seed", 1)
            site = site_make(
                out_dir=self.tmp / f"site-{version}", version=version, video_seed=seed
            )
            self.sites[version] = site
        return release_publish(
            site_dir=site,
            store_dir=self.store,
            cluster=cluster or self.cluster,
            key_path=self.keys.private_key,
            root_path=self.keys.root,
            **kwargs,
        )


def world_make(*, tmp: Path) -> World:
    """A started `World` (stop its server when done)."""
    keys = keygen(out_dir=tmp / "keys")
    store = tmp / "store"
    store.mkdir()
    server = ReleaseServer(store_dir=store).start()
    return World(tmp=tmp, keys=keys, server=server)
