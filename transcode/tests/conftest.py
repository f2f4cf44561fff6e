from __future__ import annotations

from pathlib import Path

import pytest

from .clips import make_clip


@pytest.fixture(scope="session")
def clip(tmp_path_factory) -> Path:
    """320x180, 2 s, 25 fps, with a tone."""
    return make_clip(tmp_path_factory.mktemp("src") / "clip.mp4", duration=2)


@pytest.fixture(scope="session")
def silent_clip(tmp_path_factory) -> Path:
    return make_clip(tmp_path_factory.mktemp("src") / "silent.mp4", audio=False)


def listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())
