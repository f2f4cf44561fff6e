"""Small worlds for the releases tests: clusters, sites, credentials, users."""

from __future__ import annotations

import random
from pathlib import Path

from cms.editorial.models import Role
from cms.editorial.services import user_create
from cms.headless.tests.factories import AgencyFactory, ClusterFactory
from kiosk_site.agent.config import config_load

PASSWORD = "Kiểm-tra#2026-Biên-giới"

__all__ = [
    "AgencyFactory",
    "ClusterFactory",
    "agent_config_make",
    "site_make",
    "user",
    "tree_bytes",
]


def site_make(*, out_dir: Path, version: int = 1, video_bytes: int = 100_000) -> Path:
    """A small built kiosk: pages in two locales, JSON, and one raw 'video'."""
    for locale in ("vi", "en"):
        folder = out_dir / locale
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(4):
            text = f"bản {version}" if number == 1 else "Cửa khẩu quốc tế Bờ Y"
            (folder / f"page-{number}.html").write_text(
                f"<!doctype html><title>{number}</title><main>{text}</main>" * 20,
                encoding="utf-8",
            )
    (out_dir / "index.html").write_text("<!doctype html><title>attract</title>")
    (out_dir / "media").mkdir(exist_ok=True)
    clip = random.Random(version).randbytes(video_bytes)
    (out_dir / "media" / "clip.mp4").write_bytes(clip)
    # The builder's own state: never part of a release.
    (out_dir / ".kiosk-build").mkdir(exist_ok=True)
    (out_dir / ".kiosk-build" / "state.json").write_text("{}")
    return out_dir


def tree_bytes(*, folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` outside dot-folders (relative path -> bytes)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.relative_to(folder).parts[0].startswith(".")
    }


def user(username: str, role: str, **kwargs):
    return user_create(
        username=username,
        password=PASSWORD,
        role=role,
        email=f"{username}@example.org",
        **kwargs,
    )


def provider(username: str = "provider"):
    return user(username, Role.PROVIDER, agency=AgencyFactory(slug=f"{username}-ag"))


def agent_config_make(*, live_server, settings, token: str, folder: Path):
    """An agent config in ``folder`` for cluster bo-y against ``live_server``."""
    folder.mkdir()
    (folder / "credential").write_text(token + "\n")
    (folder / "agent.ini").write_text(
        "[agent]\n"
        f"server_url = {live_server.url}/api/agent/v1/clusters/\n"
        "cluster = bo-y\n"
        "credential_file = credential\n"
        f"root = {settings.RELEASE_ROOT_METADATA}\n"
        "data_dir = data\n"
        "timeout_s = 5\n"
        "retries = 1\n"
        "min_free_bytes = 0\n"
    )
    return config_load(path=folder / "agent.ini")
