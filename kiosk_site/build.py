"""Build a static kiosk site from a content snapshot (full or incremental)."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .assets import assets_build
from .config import DEFAULT_IDLE_TIMEOUT_S, STATE_DIRNAME
from .media import media_sync
from .render import (
    SiteInputs,
    notices_data,
    page_jobs,
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
    """Write `data` unless the file already holds it; replace existing files
    atomically (a kiosk may be serving the folder while it is rebuilt)."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        try:
            path.write_bytes(data)
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return True
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
    texts = [
        "".join(
            (
                p["title"],
                p["summary"],
                p["body_html"],
                json.dumps(p["fields"], ensure_ascii=False),
            )
        )
        for p in data["pages"]
    ]
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


_JOB: dict[str, Any] = {}
PARALLEL_FROM = 300  # pages; below this a second process costs more than it saves
TOOL_TEMPLATES = ("attract.html", "search.html", "feedback.html")


def _search_job() -> dict[str, bytes]:
    return search_index_files(_JOB["data"], _JOB["state_dir"])


def _render_job(render_args: tuple, share: int, shares: int) -> list[tuple]:
    return _render_share(
        _JOB["data"], _JOB["out_dir"], _JOB["old_keys"], render_args, share, shares
    )


def _render_share(
    data: dict[str, Any],
    out_dir: Path,
    old_keys: dict[str, str],
    render_args: tuple,
    share: int,
    shares: int,
) -> list[tuple[str, str, bool, bool, bool]]:
    """Render every `shares`-th output file; skip those whose key is unchanged.

    Returns (path, key, is a content page, rendered, written) per file.
    """
    assets, image_urls, video_urls = render_args
    site = SiteInputs(
        data=data, assets=assets, image_urls=image_urls, video_urls=video_urls
    )
    thash = templates_hash()
    out = []
    for i, (rel, template, make, page_key) in enumerate(page_jobs(site)):
        if i % shares != share:
            continue
        ctx = None
        if page_key is None:
            ctx = make()
            page_key = hashlib.sha256(canonical_json(ctx)).hexdigest()
        key = hashlib.sha256(f"{thash}|{template}|{page_key}".encode()).hexdigest()
        counted = template not in TOOL_TEMPLATES
        target = out_dir / rel
        if old_keys.get(rel) == key and target.exists():
            out.append((rel, key, counted, False, False))
            continue
        html = render(template, ctx or make())
        written = _write_if_changed(target, html.encode("utf-8"))
        out.append((rel, key, counted, True, written))
    return out


def site_build(
    *,
    snapshot: Snapshot | str | Path,
    out_dir: Path,
    log: Any = None,
    workers: int | None = None,
) -> BuildReport:
    """Render `snapshot` into `out_dir`, re-rendering only pages whose inputs changed.

    The site is every file under `out_dir` except `.kiosk-build/` (the cache of
    render keys and font subsets). The same snapshot always gives the same bytes.
    Large snapshots are built by `workers` processes (default: two from
    PARALLEL_FROM pages on, when the machine has two cores).
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
    # Fonts and the pinyin table only need the set of characters in use.
    texts = ["".join(sorted(set().union(*_texts(data))))]
    if workers is None:
        workers = (
            2
            if len(data["pages"]) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
            else 1
        )
    pool = None
    if workers > 1:
        # Forked workers read the snapshot from this global instead of a pickle.
        global _JOB
        _JOB = {
            "data": data,
            "texts": texts,
            "out_dir": out_dir,
            "state_dir": state_dir,
            "old_keys": old_keys,
        }
        pool = ProcessPoolExecutor(
            max_workers=workers - 1, mp_context=multiprocessing.get_context("fork")
        )
    try:
        t = time.perf_counter()
        if pool:
            # The worker indexes while this process makes fonts and assets.
            search_job = pool.submit(_search_job)
        image_urls, fetched = media_sync(
            snapshot, out_dir=out_dir, kind="images", key=""
        )
        video_urls, fetched2 = media_sync(
            snapshot, out_dir=out_dir, kind="programmes", key="video"
        )
        report.media_fetched = fetched + fetched2
        outputs.update(u.lstrip("/") for u in image_urls.values())
        outputs.update(u.lstrip("/") for u in video_urls.values())
        report.timings["media"] = time.perf_counter() - t

        t = time.perf_counter()
        asset_urls, asset_files = assets_build(
            texts=texts, config=_kiosk_config(data), cache_dir=state_dir
        )
        for rel, blob in asset_files.items():
            outputs.add(rel)
            report.files_written += _write_if_changed(out_dir / rel, blob)
        report.timings["assets"] = time.perf_counter() - t

        t = time.perf_counter()
        render_args = (asset_urls, image_urls, video_urls)
        shares = []
        if pool:
            shares = [
                pool.submit(_render_job, render_args, i, workers)
                for i in range(1, workers)
            ]
        results = _render_share(data, out_dir, old_keys, render_args, 0, workers)
        for share in shares:
            results += share.result()
        new_keys: dict[str, str] = {}
        for rel, key, counted, rendered, written in results:
            outputs.add(rel)
            new_keys[rel] = key
            report.pages_total += counted
            report.pages_rendered += counted and rendered
            report.files_written += written
        report.timings["render"] = time.perf_counter() - t

        t = time.perf_counter()
        site = SiteInputs(
            data=data, assets=asset_urls, image_urls=image_urls, video_urls=video_urls
        )
        for loc in data["locales"]:
            rel = f"data/notices-{loc['code']}.json"
            blob = json.dumps(
                notices_data(site, loc["code"]), ensure_ascii=False, sort_keys=True
            ).encode()
            outputs.add(rel)
            report.files_written += _write_if_changed(out_dir / rel, blob)
        index = search_job.result() if pool else search_index_files(data, state_dir)
        for rel, blob in index.items():
            outputs.add(rel)
            report.index_bytes += len(blob)
            if _write_if_changed(out_dir / rel, blob):
                report.files_written += 1
                report.index_bytes_written += len(blob)
        report.timings["search"] = time.perf_counter() - t
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
            _JOB.clear()

    # Remove what this snapshot no longer produces, so output depends on it alone.
    for root, _dirs, files in os.walk(out_dir, topdown=False):
        rel_root = os.path.relpath(root, out_dir).replace(os.sep, "/")
        if rel_root == STATE_DIRNAME or rel_root.startswith(STATE_DIRNAME + "/"):
            continue
        prefix = "" if rel_root == "." else rel_root + "/"
        for name in files:
            if prefix + name not in outputs:
                os.unlink(os.path.join(root, name))
                report.files_removed += 1
        if prefix and not os.listdir(root):
            os.rmdir(root)
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
