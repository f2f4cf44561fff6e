import json
import shutil
from pathlib import Path

import pytest

from bench.sample import make_snapshot
from kiosk_site.build import site_build
from kiosk_site.snapshot import snapshot_dumps

SMALL = {"locales": ("vi", "en", "zh-hans", "lo", "km"), "pages_per_locale": 14}


@pytest.fixture(scope="session")
def font_cache(tmp_path_factory) -> Path:
    """A warmed font cache, copied into each output so tests skip re-subsetting."""
    root = tmp_path_factory.mktemp("fontcache")
    snap = make_snapshot(root / "snap", **SMALL)
    site_build(snapshot=snap, out_dir=root / "site")
    return root / "site" / ".kiosk-build" / "fonts"


@pytest.fixture
def warm_out(tmp_path, font_cache):
    def make(name: str) -> Path:
        out = tmp_path / name
        shutil.copytree(font_cache, out / ".kiosk-build" / "fonts")
        return out

    return make


# Every locale a kiosk can show, and what the CMS sends as site_name when
# SITE_NAME is left at its default.
ALL_LOCALES = ("vi", "en", "zh-hans", "lo", "km", "bdq")
CMS_DEFAULT_SITE_NAME = "Cụm thông tin điện tử"


@pytest.fixture
def build_named(tmp_path, warm_out):
    """Build a small kiosk in every locale whose snapshot names the site."""

    def make(site_name: str, name: str = "site") -> Path:
        snap = make_snapshot(
            tmp_path / f"snap-{name}", locales=ALL_LOCALES, pages_per_locale=8
        )
        data = json.loads(snap.read_text(encoding="utf-8"))
        data["site_name"] = site_name
        snap.write_bytes(snapshot_dumps(data))
        out = warm_out(name)
        site_build(snapshot=snap, out_dir=out)
        return out

    return make


def site_files(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".kiosk-build" not in p.parts
    }
