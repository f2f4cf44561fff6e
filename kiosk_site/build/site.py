"""Build a static kiosk site from a content snapshot (full or incremental)."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kiosk_site.build.assets import assets_build, content_files
from kiosk_site.build.media import media_sync
from kiosk_site.build.parallel import SideProcess, render_chunks, workers_for
from kiosk_site.build.state import SiteChars, site_chars, state_read, state_write
from kiosk_site.build.writer import OutputWriter
from kiosk_site.config import DEFAULT_IDLE_TIMEOUT_S, STATE_DIRNAME
from kiosk_site.fonts import fonts_build
from kiosk_site.render import (
    SiteInputs,
    notices_data,
    page_job,
    page_jobs,
    site_key,
    templates_hash,
)
from kiosk_site.search import search_index_files
from kiosk_site.snapshot import (
    Snapshot,
    canonical_json,
    changed_pages,
    page_columns,
    snapshot_read,
    snapshot_validate_changed,
)

TOOL_TEMPLATES = ("attract.html", "search.html", "feedback.html")


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


# The font files this process last made, by the characters they are for:
# most rebuilds bring no new character.
_FONT_FILES: tuple[str, dict[str, bytes]] | None = None


def _font_files(chars: SiteChars, state_dir: Path) -> dict[str, bytes]:
    """Font subsets, fonts.css and the pinyin table for the release's characters."""
    global _FONT_FILES
    if _FONT_FILES is None or _FONT_FILES[0] != chars.text:
        fonts = fonts_build([chars.text], cache_dir=state_dir / "fonts")
        _FONT_FILES = (chars.text, content_files(fonts, chars.text))
    return dict(_FONT_FILES[1])


def _content_files(
    data: dict[str, Any], chars: SiteChars, state_dir: Path
) -> tuple[dict[str, bytes], dict[str, int]]:
    """The files of _font_files and the search index files that changed; and
    the sizes of the index files that did not."""
    files = _font_files(chars, state_dir)
    unchanged: dict[str, int] = {}
    files.update(search_index_files(data, state_dir, unchanged=unchanged))
    return files, unchanged


_PARENTS: tuple[dict[int, list[int]], dict[int, int]] | None = None


def _page_parents(site: SiteInputs) -> dict[int, int]:
    """Page id -> its parent's, from the menu trees (the last result is kept
    while they are the same object; see render._menu_children)."""
    global _PARENTS
    if _PARENTS is None or _PARENTS[0] is not site.children:
        parents = {kid: pid for pid, kids in site.children.items() for kid in kids}
        _PARENTS = (site.children, parents)
    return _PARENTS[1]


@contextlib.contextmanager
def _collector_paused():
    """Python's cyclic collector off, and what exists frozen out of its reach.

    With it on, a build's allocations set it walking the whole parsed
    snapshot (and a worker's cache of parsed pages) again and again; nothing
    in them forms cycles. Rendering leaves a few dozen cyclic objects per
    page (Jinja contexts), which render_chunks collects a chunk at a time.
    """
    gc.freeze()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def site_build(
    *,
    snapshot: Snapshot | str | Path,
    out_dir: Path,
    log: Any = None,
    workers: int | None = None,
) -> BuildReport:
    """Render `snapshot` into `out_dir`, re-rendering only pages whose inputs changed.

    The site is every file under `out_dir` except `.kiosk-build/` (the build
    state: render keys, page hashes, font subsets, search terms). The same
    snapshot always gives the same bytes. A build without state of 300 pages
    or more uses two processes on a machine with two cores (see
    build_parallel); `workers` overrides that.

    A rebuild validates only the pages whose content_hash changed (and the
    top-level blocks unless they are byte for byte the last build's), keeps
    the other pages' render keys unless a site-wide input changed, renders
    the pages that changed and their parents (their tiles), and re-indexes
    only the locales that changed. The cyclic collector is paused meanwhile.
    """
    with _collector_paused():
        return _site_build(snapshot, Path(out_dir), log, workers)


def _site_build(
    snapshot: Snapshot | str | Path, out_dir: Path, log: Any, workers: int | None
) -> BuildReport:
    t0 = time.perf_counter()
    report = BuildReport()
    out_dir.mkdir(parents=True, exist_ok=True)
    state_dir = out_dir / STATE_DIRNAME
    state_dir.mkdir(exist_ok=True)
    state_path = state_dir / "state.pickle"
    state = state_read(state_path)
    # A build into an empty folder has nothing stale to look for.
    fresh = not any(p.name != STATE_DIRNAME for p in out_dir.iterdir())
    known_chars: dict[int, str] = state.get("pages", {})
    known_hashes: dict[int, str] = state.get("hashes", {})
    validate = not isinstance(snapshot, Snapshot)
    if validate:
        snapshot = snapshot_read(snapshot)
    data = snapshot.data
    top_seen = bool(snapshot.top_digest) and state.get("top") == snapshot.top_digest
    report.timings["read"] = time.perf_counter() - t0
    side: SideProcess | None = None
    if workers is None:
        pages = data.get("pages") if isinstance(data, dict) else None
        # (A snapshot without a list of pages fails validation just below.)
        fork = not state.get("keys") and isinstance(pages, list)
        workers = workers_for(len(pages)) if fork else 1
    if workers > 1:
        # The fonts start at once in a second process, while this one
        # validates and makes the search index; then both render pages.
        counts = state.get("char_counts")

        def prepare() -> tuple[dict[str, bytes], Any]:
            chars = site_chars(data, known_chars, known_hashes, counts)
            return _font_files(chars, state_dir), chars

        side = SideProcess(data, out_dir, prepare)
    try:
        t = time.perf_counter()
        changed = changed_pages(data, known_hashes)
        if validate:
            report.timings["validated_pages"] = snapshot_validate_changed(
                data, changed=changed, source=snapshot.source, top_checked=top_seen
            )
        report.content_hash = data["content_hash"]
        report.timings["validate"] = time.perf_counter() - t

        t = time.perf_counter()
        outputs: set[str] = set()
        writer = OutputWriter()
        image_urls, fetched = media_sync(
            snapshot, out_dir=out_dir, kind="images", key=""
        )
        video_urls, fetched2 = media_sync(
            snapshot, out_dir=out_dir, kind="programmes", key="video"
        )
        report.media_fetched = fetched + fetched2
        outputs.update(u.lstrip("/") for u in image_urls.values())
        outputs.update(u.lstrip("/") for u in video_urls.values())
        asset_urls, asset_files = assets_build(config=_kiosk_config(data))
        for rel, blob in asset_files.items():
            outputs.add(rel)
            report.files_written += writer.write(f"{out_dir}/{rel}", blob)
        report.timings["assets"] = time.perf_counter() - t

        t = time.perf_counter()
        site = SiteInputs(
            data=data, assets=asset_urls, image_urls=image_urls, video_urls=video_urls
        )
        thash = templates_hash()
        nav_hash = (
            state["navigation"]
            if top_seen
            else hashlib.sha256(canonical_json(data["navigation"])).hexdigest()
        )
        old_keys: dict[str, bytes] = state.get("keys", {})
        # Unless a site-wide input changed (which includes every page's path),
        # a content page's key changes only with its own content_hash or a
        # child's (its tiles): only those pages and the tool screens are keyed.
        reuse = (
            state.get("site_key") == site_key(site)
            and state.get("templates") == thash
            and state.get("navigation") == nav_hash
        )
        if reuse:
            parents = _page_parents(site)
            dirty: set[int] = set()
            for page in changed:
                dirty.add(page["id"])
                if page["id"] in parents:
                    dirty.add(parents[page["id"]])
            new_keys = dict(old_keys)
            # The attract, search and feedback screens draw only on
            # site-wide inputs: their keys stand too.
            jobs = [page_job(site, site.by_id[pid]) for pid in sorted(dirty)]
        else:
            new_keys = {}
            jobs = page_jobs(site)
        # Every file of the last build: its rendered files and the rest.
        previous = set() if fresh else set(old_keys).union(state.get("others", ()))
        todo: list[tuple[str, str, Any]] = []
        for rel, template, make, key_of in jobs:
            if key_of is None:
                part = hashlib.sha256(canonical_json(make())).hexdigest()
            else:
                part = key_of()
            key = hashlib.sha256(f"{thash}|{template}|{part}".encode()).digest()
            new_keys[rel] = key
            # A file the last build recorded is trusted to be there (no stat
            # per page); a build without state checks every file.
            if old_keys.get(rel) == key and (
                rel in previous or os.path.exists(f"{out_dir}/{rel}")
            ):
                continue
            report.pages_rendered += template not in TOOL_TEMPLATES
            todo.append((rel, template, make))
        report.pages_total = len(data["pages"])
        outputs.update(new_keys)
        report.timings["keys"] = time.perf_counter() - t

        t = time.perf_counter()
        if side is not None:
            side.send((asset_urls, image_urls, video_urls), [job[0] for job in todo])
            unchanged = {}
            index = search_index_files(data, state_dir, unchanged=unchanged)
            made_index = {
                rel: (len(blob), writer.write(f"{out_dir}/{rel}", blob))
                for rel, blob in index.items()
            }
            results = render_chunks(todo, str(out_dir), side.counter)
            made, more, chars = side.result()
            made.update(made_index)
            results += more
        else:
            results = render_chunks(todo, str(out_dir), None)
            chars = site_chars(
                data, known_chars, known_hashes, state.get("char_counts"), changed
            )
            files, unchanged = _content_files(data, chars, state_dir)
            made = {
                rel: (len(blob), writer.write(f"{out_dir}/{rel}", blob))
                for rel, blob in files.items()
            }
        made.update({rel: (size, False) for rel, size in unchanged.items()})
        report.files_written += sum(written for _rel, written in results)
        report.timings["render"] = time.perf_counter() - t

        t = time.perf_counter()
        for loc in data["locales"]:
            rel = f"data/notices-{loc['code']}.json"
            blob = json.dumps(
                notices_data(site, loc["code"]), ensure_ascii=False, sort_keys=True
            ).encode()
            outputs.add(rel)
            report.files_written += writer.write(f"{out_dir}/{rel}", blob)
        for rel, (size, written) in made.items():
            outputs.add(rel)
            report.files_written += written
            if rel.startswith("search/"):
                report.index_bytes += size
                report.index_bytes_written += size if written else 0
        report.timings["search"] = time.perf_counter() - t
    except BaseException:
        if side is not None:
            side.stop()
        raise

    t = time.perf_counter()
    ids, _locales, _types, _paths, hashes = page_columns(data["pages"])
    report.files_removed = _remove_stale(
        out_dir, outputs, [] if fresh else (previous if state else None)
    )
    state_write(
        state_path,
        {
            "keys": new_keys,
            "pages": chars.pages,
            "hashes": dict(zip(ids, hashes, strict=True)),
            "char_counts": chars.counts,
            "site_key": site_key(site),
            "templates": thash,
            "navigation": nav_hash,
            "top": snapshot.top_digest,
            "others": sorted(outputs.difference(new_keys)),
        },
    )
    report.timings["finish"] = time.perf_counter() - t
    report.seconds = time.perf_counter() - t0
    if log:
        log(report.summary())
    return report


def _remove_stale(
    out_dir: Path, outputs: set[str], previous: set[str] | list[str] | None
) -> int:
    """Remove what this snapshot no longer produces, so output depends on it
    alone. After a build that recorded its outputs, only those it made and
    this one does not are looked at; otherwise the whole folder is walked."""
    removed = 0
    if previous is not None:
        for rel in set(previous) - outputs:
            path = out_dir / rel
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            removed += 1
            parent = path.parent
            while parent != out_dir and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        return removed
    for root, _dirs, files in os.walk(out_dir, topdown=False):
        rel_root = os.path.relpath(root, out_dir).replace(os.sep, "/")
        if rel_root == STATE_DIRNAME or rel_root.startswith(STATE_DIRNAME + "/"):
            continue
        prefix = "" if rel_root == "." else rel_root + "/"
        for name in files:
            if prefix + name not in outputs:
                os.unlink(os.path.join(root, name))
                removed += 1
        if prefix and not os.listdir(root):
            os.rmdir(root)
    return removed


def report_json(report: BuildReport) -> str:
    return json.dumps(asdict(report), sort_keys=True)
