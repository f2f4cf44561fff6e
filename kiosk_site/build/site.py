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
from kiosk_site.build.media import led_media_sync, media_sync
from kiosk_site.build.parallel import SideProcess, render_chunks, workers_for
from kiosk_site.build.state import SiteChars, site_chars, state_read, state_write
from kiosk_site.build.writer import OutputWriter
from kiosk_site.config import DEFAULT_IDLE_TIMEOUT_S, STATE_DIRNAME
from kiosk_site.fonts import fonts_build
from kiosk_site.led import led_files
from kiosk_site.render import (
    SiteInputs,
    notices_data,
    notices_path,
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


@dataclass
class _Run:
    """What the steps of one build share."""

    out_dir: Path
    report: BuildReport
    snapshot: Snapshot
    state: dict[str, Any]  # the last build's (see _finish)
    fresh: bool  # the folder was empty: nothing stale to look for
    top_seen: bool  # the navigation is byte for byte the last build's
    writer: OutputWriter = field(default_factory=OutputWriter)
    outputs: set[str] = field(default_factory=set)  # every file of the site

    @property
    def state_dir(self) -> Path:
        return self.out_dir / STATE_DIRNAME

    @property
    def data(self) -> dict[str, Any]:
        return self.snapshot.data

    def write(self, rel: str, blob: bytes) -> None:
        """Write one output file (unless it already holds `blob`)."""
        self.outputs.add(rel)
        self.report.files_written += self.writer.write(f"{self.out_dir}/{rel}", blob)


@dataclass
class _RenderPlan:
    """The render keys of this build, and the files whose key changed."""

    keys: dict[str, bytes]
    todo: list[tuple[str, str, Any]]
    templates: str
    navigation: str
    previous: set[str]


@contextlib.contextmanager
def _timed(report: BuildReport, name: str):
    start = time.perf_counter()
    yield
    report.timings[name] = time.perf_counter() - start


def _site_build(
    snapshot: Snapshot | str | Path, out_dir: Path, log: Any, workers: int | None
) -> BuildReport:
    t0 = time.perf_counter()
    report = BuildReport()
    validate = not isinstance(snapshot, Snapshot)
    with _timed(report, "read"):
        run = _open(out_dir, snapshot, report)
    side = _side_process(run, workers)
    try:
        changed = _validate(run, validate)
        with _timed(run.report, "assets"):
            site = _media_and_assets(run)
        with _timed(run.report, "keys"):
            plan = _render_plan(run, site, changed)
        with _timed(run.report, "render"):
            made, chars = _render_and_index(run, site, plan, changed, side)
        with _timed(run.report, "search"):
            _write_notices_and_made(run, site, made)
    except BaseException:
        if side is not None:
            side.stop()
        raise
    with _timed(run.report, "finish"):
        _finish(run, site, plan, chars)
    run.report.seconds = time.perf_counter() - t0
    if log:
        log(run.report.summary())
    return run.report


def _open(out_dir: Path, snapshot: Snapshot | str | Path, report: BuildReport) -> _Run:
    """Read the build state and the snapshot."""
    state_dir = out_dir / STATE_DIRNAME
    state_dir.mkdir(parents=True, exist_ok=True)
    state = state_read(state_dir / "state.pickle")
    fresh = not any(p.name != STATE_DIRNAME for p in out_dir.iterdir())
    if not isinstance(snapshot, Snapshot):
        snapshot = snapshot_read(snapshot)
    digest = snapshot.top_digest
    return _Run(
        out_dir=out_dir,
        report=report,
        snapshot=snapshot,
        state=state,
        fresh=fresh,
        top_seen=bool(digest) and state.get("top") == digest,
    )


def _side_process(run: _Run, workers: int | None) -> SideProcess | None:
    """The second process of a large build without state (see build.parallel):
    it starts on the fonts at once, while this one validates and indexes."""
    data, state = run.data, run.state
    if workers is None:
        pages = data.get("pages") if isinstance(data, dict) else None
        # (A snapshot without a list of pages fails validation just below.)
        fork = not state.get("keys") and isinstance(pages, list)
        workers = workers_for(len(pages)) if fork else 1
    if workers <= 1:
        return None
    known_chars, known_hashes = state.get("pages", {}), state.get("hashes", {})
    counts, state_dir = state.get("char_counts"), run.state_dir

    def prepare() -> tuple[dict[str, bytes], Any]:
        chars = site_chars(data, known_chars, known_hashes, counts)
        return _font_files(chars, state_dir), chars

    return SideProcess(data, run.out_dir, prepare)


def _validate(run: _Run, validate: bool) -> list[Any] | None:
    """The pages that changed since the last build; with `validate`, they
    (and the top-level blocks unless unchanged) are checked against the schema."""
    with _timed(run.report, "validate"):
        changed = changed_pages(run.data, run.state.get("hashes", {}))
        if validate:
            run.report.timings["validated_pages"] = snapshot_validate_changed(
                run.data,
                changed=changed,
                source=run.snapshot.source,
                top_checked=run.top_seen,
            )
        run.report.content_hash = run.data["content_hash"]
    return changed


def _media_and_assets(run: _Run) -> SiteInputs:
    """Copy the media, write the static bundles; what every page draws on."""
    image_urls, fetched = media_sync(
        run.snapshot, out_dir=run.out_dir, kind="images", key=""
    )
    video_urls, fetched2 = media_sync(
        run.snapshot, out_dir=run.out_dir, kind="programmes", key="video"
    )
    run.report.media_fetched = fetched + fetched2
    run.outputs.update(u.lstrip("/") for u in image_urls.values())
    run.outputs.update(u.lstrip("/") for u in video_urls.values())
    asset_urls, asset_files = assets_build(config=_kiosk_config(run.data))
    for rel, blob in asset_files.items():
        run.write(rel, blob)
    _led_player(run, fonts_url=asset_urls["fonts"])
    return SiteInputs(
        data=run.data, assets=asset_urls, image_urls=image_urls, video_urls=video_urls
    )


def _led_player(run: _Run, *, fonts_url: str) -> None:
    """Copy the LED loops' videos and write the LED player's pages (kiosk_site.led)."""
    urls, fetched = led_media_sync(run.snapshot, out_dir=run.out_dir)
    run.report.media_fetched += fetched
    run.outputs.update(u.lstrip("/") for u in urls.values())
    for rel, blob in led_files(run.data, video_urls=urls, fonts_url=fonts_url).items():
        run.write(rel, blob)


def _render_plan(run: _Run, site: SiteInputs, changed: list[Any] | None) -> _RenderPlan:
    """Key every output file by what it is made of; keep the files whose key
    the last build recorded and that are there."""
    state, out_dir = run.state, run.out_dir
    thash = templates_hash()
    nav_hash = (
        state["navigation"]
        if run.top_seen
        else hashlib.sha256(canonical_json(run.data["navigation"])).hexdigest()
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
    new_keys = dict(old_keys) if reuse else {}
    jobs = _changed_jobs(site, changed) if reuse else page_jobs(site)
    # Every file of the last build: its rendered files and the rest.
    previous = set() if run.fresh else set(old_keys).union(state.get("others", ()))
    todo: list[tuple[str, str, Any]] = []
    for rel, template, make, key_of in jobs:
        part = (
            hashlib.sha256(canonical_json(make())).hexdigest()
            if key_of is None
            else key_of()
        )
        key = hashlib.sha256(f"{thash}|{template}|{part}".encode()).digest()
        new_keys[rel] = key
        # A file the last build recorded is trusted to be there (no stat
        # per page); a build without state checks every file.
        if old_keys.get(rel) == key and (
            rel in previous or os.path.exists(f"{out_dir}/{rel}")
        ):
            continue
        run.report.pages_rendered += template not in TOOL_TEMPLATES
        todo.append((rel, template, make))
    run.report.pages_total = len(run.data["pages"])
    run.outputs.update(new_keys)
    return _RenderPlan(new_keys, todo, thash, nav_hash, previous)


def _changed_jobs(site: SiteInputs, changed: list[Any]) -> list[Any]:
    """The render jobs of the changed pages and their parents (their tiles).
    The attract, search and feedback screens draw only on site-wide inputs:
    their keys stand."""
    parents = _page_parents(site)
    dirty: set[int] = set()
    for page in changed:
        dirty.add(page["id"])
        if page["id"] in parents:
            dirty.add(parents[page["id"]])
    return [page_job(site, site.by_id[pid]) for pid in sorted(dirty)]


def _render_and_index(
    run: _Run,
    site: SiteInputs,
    plan: _RenderPlan,
    changed: list[Any] | None,
    side: SideProcess | None,
) -> tuple[dict[str, tuple[int, bool]], SiteChars]:
    """Render the pages to do; make the fonts and the search index. Returns
    the other files made ({path: (size, written)}) and the site's characters."""
    data, state, out_dir = run.data, run.state, run.out_dir
    if side is not None:
        urls = (site.assets, site.image_urls, site.video_urls)
        side.send(urls, [job[0] for job in plan.todo])
        unchanged: dict[str, int] = {}
        index = search_index_files(data, run.state_dir, unchanged=unchanged)
        made_index = {
            rel: (len(blob), run.writer.write(f"{out_dir}/{rel}", blob))
            for rel, blob in index.items()
        }
        results = render_chunks(plan.todo, str(out_dir), side.counter)
        made, more, chars = side.result()
        made.update(made_index)
        results += more
    else:
        results = render_chunks(plan.todo, str(out_dir), None)
        chars = site_chars(
            data,
            state.get("pages", {}),
            state.get("hashes", {}),
            state.get("char_counts"),
            changed,
        )
        files, unchanged = _content_files(data, chars, run.state_dir)
        made = {
            rel: (len(blob), run.writer.write(f"{out_dir}/{rel}", blob))
            for rel, blob in files.items()
        }
    made.update({rel: (size, False) for rel, size in unchanged.items()})
    run.report.files_written += sum(written for _rel, written in results)
    return made, chars


def _write_notices_and_made(
    run: _Run, site: SiteInputs, made: dict[str, tuple[int, bool]]
) -> None:
    """Write each locale's notices; count the fonts and index files made."""
    for loc in run.data["locales"]:
        blob = json.dumps(
            notices_data(site, loc["code"]), ensure_ascii=False, sort_keys=True
        )
        run.write(notices_path(loc["code"]), f"window.KIOSK_NOTICES={blob};\n".encode())
    report = run.report
    for rel, (size, written) in made.items():
        run.outputs.add(rel)
        report.files_written += written
        if rel.startswith("search/"):
            report.index_bytes += size
            report.index_bytes_written += size if written else 0


def _finish(run: _Run, site: SiteInputs, plan: _RenderPlan, chars: SiteChars) -> None:
    """Remove what this snapshot no longer produces; save the build state."""
    data, state = run.data, run.state
    ids, _locales, _types, _paths, hashes = page_columns(data["pages"])
    previous = [] if run.fresh else (plan.previous if state else None)
    run.report.files_removed = _remove_stale(run.out_dir, run.outputs, previous)
    state_write(
        run.state_dir / "state.pickle",
        {
            "keys": plan.keys,
            "pages": chars.pages,
            "hashes": dict(zip(ids, hashes, strict=True)),
            "char_counts": chars.counts,
            "site_key": site_key(site),
            "templates": plan.templates,
            "navigation": plan.navigation,
            "top": run.snapshot.top_digest,
            "others": sorted(run.outputs.difference(plan.keys)),
        },
    )


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
