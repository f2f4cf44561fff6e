"""Build a static kiosk site from a content snapshot (full or incremental)."""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .assets import assets_build
from .config import DEFAULT_IDLE_TIMEOUT_S, STATE_DIRNAME
from .media import media_sync
from .render import (
    SiteInputs,
    notices_data,
    page_contexts,
    render,
    templates_hash,
)
from .search_index import search_index_files
from .snapshot import Snapshot, canonical_json, snapshot_load
from .ui_text import CATALOGUE

STATE_VERSION = 1


@dataclass
class BuildReport:
    """What a build did; `pages_rendered` < `pages_total` on incremental builds."""

    pages_total: int = 0
    pages_rendered: int = 0
    media_fetched: int = 0
    files_written: int = 0
    files_removed: int = 0
    index_bytes: int = 0
    index_bytes_written: int = 0
    seconds: float = 0.0
    content_hash: str = ""
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        return (
            f"rendered {self.pages_rendered} of {self.pages_total} pages, "
            f"fetched {self.media_fetched} media file(s), wrote {self.files_written} "
            f"file(s), removed {self.files_removed}, search index "
            f"{self.index_bytes_written} of {self.index_bytes} bytes changed, "
            f"in {self.seconds:.2f} s"
        )


def _write_if_changed(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def _kiosk_config(data: dict[str, Any]) -> dict[str, Any]:
    kiosks = {
        k["code"]: {
            "idle_timeout_s": k["idle_timeout_s"],
            "orientation": k["orientation"],
        }
        for k in data["cluster"]["kiosks"]
    }
    first = data["cluster"]["kiosks"][0] if data["cluster"]["kiosks"] else None
    return {
        "kiosks": kiosks,
        "default_idle_timeout_s": first["idle_timeout_s"]
        if first
        else DEFAULT_IDLE_TIMEOUT_S,
        "locales": [x["code"] for x in data["locales"]],
        "feedback": "/feedback",
    }


def _texts(data: dict[str, Any]) -> list[str]:
    texts = [canonical_json(p).decode() for p in data["pages"]]
    texts += [
        json.dumps(data["locales"], ensure_ascii=False),
        data.get("site_name", ""),
        data["cluster"]["name"],
        data["cluster"]["place"],
    ]
    langs = {x["code"] for x in data["locales"]} | {"en"}
    for translations in CATALOGUE.values():
        texts += [v for k, v in translations.items() if k in langs]
    return texts


def site_build(
    *, snapshot: Snapshot | str | Path, out_dir: Path, log: Any = None
) -> BuildReport:
    """Render `snapshot` into `out_dir`, re-rendering only pages whose inputs changed.

    The site is every file under `out_dir` except `.kiosk-build/` (the cache of
    render keys and font subsets). The same snapshot always gives the same bytes.
    """
    t0 = time.perf_counter()
    report = BuildReport()
    if not isinstance(snapshot, Snapshot):
        snapshot = snapshot_load(snapshot)
    data = snapshot.data
    report.content_hash = data["content_hash"]
    report.timings["load"] = time.perf_counter() - t0
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    state_dir = out_dir / STATE_DIRNAME
    state_dir.mkdir(exist_ok=True)
    state_path = state_dir / "state.json"
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
        if state.get("version") != STATE_VERSION:
            state = {}
    except (FileNotFoundError, json.JSONDecodeError):
        state = {}
    old_keys: dict[str, str] = state.get("keys", {})
    outputs: set[str] = set()

    t = time.perf_counter()
    image_urls, fetched = media_sync(snapshot, out_dir=out_dir, kind="images", key="")
    video_urls, fetched2 = media_sync(
        snapshot, out_dir=out_dir, kind="programmes", key="video"
    )
    report.media_fetched = fetched + fetched2
    outputs.update(u.lstrip("/") for u in image_urls.values())
    outputs.update(u.lstrip("/") for u in video_urls.values())
    report.timings["media"] = time.perf_counter() - t

    t = time.perf_counter()
    asset_urls, asset_files = assets_build(
        texts=_texts(data), config=_kiosk_config(data), cache_dir=state_dir
    )
    for rel, blob in asset_files.items():
        outputs.add(rel)
        report.files_written += _write_if_changed(out_dir / rel, blob)
    report.timings["assets"] = time.perf_counter() - t

    t = time.perf_counter()
    site = SiteInputs(
        data=data, assets=asset_urls, image_urls=image_urls, video_urls=video_urls
    )
    thash = templates_hash()
    new_keys: dict[str, str] = {}
    for rel, template, ctx in page_contexts(site):
        outputs.add(rel)
        key = hashlib.sha256(
            f"{thash}|{template}|".encode() + canonical_json(ctx)
        ).hexdigest()
        new_keys[rel] = key
        if template not in ("attract.html", "search.html", "feedback.html"):
            report.pages_total += 1
        target = out_dir / rel
        if old_keys.get(rel) == key and target.exists():
            continue
        html = render(template, ctx).encode("utf-8")
        report.files_written += _write_if_changed(target, html)
        if template not in ("attract.html", "search.html", "feedback.html"):
            report.pages_rendered += 1
    report.timings["render"] = time.perf_counter() - t

    t = time.perf_counter()
    for loc in data["locales"]:
        rel = f"data/notices-{loc['code']}.json"
        blob = json.dumps(
            notices_data(site, loc["code"]), ensure_ascii=False, sort_keys=True
        ).encode()
        outputs.add(rel)
        report.files_written += _write_if_changed(out_dir / rel, blob)
    for rel, blob in search_index_files(data).items():
        outputs.add(rel)
        report.index_bytes += len(blob)
        if _write_if_changed(out_dir / rel, blob):
            report.files_written += 1
            report.index_bytes_written += len(blob)
    report.timings["search"] = time.perf_counter() - t

    # Remove what this snapshot no longer produces, so output depends on it alone.
    for path in sorted(out_dir.rglob("*"), reverse=True):
        rel = path.relative_to(out_dir).as_posix()
        if rel == STATE_DIRNAME or rel.startswith(STATE_DIRNAME + "/"):
            continue
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif rel not in outputs:
            path.unlink()
            report.files_removed += 1
    state_path.write_text(
        json.dumps({"version": STATE_VERSION, "keys": new_keys}, sort_keys=True),
        encoding="utf-8",
    )
    report.seconds = time.perf_counter() - t0
    if log:
        log(report.summary())
    return report


def report_json(report: BuildReport) -> str:
    return json.dumps(asdict(report), sort_keys=True)
