"""Build a static kiosk site from a content snapshot (full or incremental)."""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import pickle
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .assets import SKIP_FONTS, assets_build, font_files
from .config import DEFAULT_IDLE_TIMEOUT_S, STATE_DIRNAME
from .fonts import fonts_build
from .media import media_sync
from .render import (
    SiteInputs,
    notices_data,
    page_jobs,
    page_output,
    render,
    site_key,
    templates_hash,
)
from .search_index import search_index_files
from .snapshot import (
    Snapshot,
    canonical_json,
    snapshot_read,
    snapshot_validate_changed,
)
from .ui_text import ui_texts

STATE_VERSION = 3


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


class _Writer:
    """Writes output files with few system calls.

    A folder this build created holds no old file, so its files are written
    without looking first; elsewhere a file is rewritten only if its bytes
    differ, and replaced atomically (a kiosk may be serving the folder while
    it is rebuilt).
    """

    def __init__(self) -> None:
        self.checked: dict[str, bool] = {}  # folder -> created by this build

    def _folder(self, parent: str) -> bool:
        fresh = self.checked.get(parent)
        if fresh is None:
            try:
                os.mkdir(parent)
                fresh = True
            except FileExistsError:
                fresh = False
            except FileNotFoundError:
                os.makedirs(parent, exist_ok=True)
                fresh = True
            self.checked[parent] = fresh
        return fresh

    def write(self, path: str, data: bytes) -> bool:
        """Write `data` to `path` unless it already holds it; True if written."""
        if not self._folder(os.path.dirname(path)):
            try:
                size = os.stat(path).st_size
            except FileNotFoundError:
                size = -1
            if size >= 0:
                if size == len(data):
                    with open(path, "rb") as f:
                        if f.read() == data:
                            return False
                tmp = path + ".tmp"
                with open(tmp, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
                return True
        # os.open/os.write: three system calls, without a buffered file object.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        return True


def _write_if_changed(path: Path, data: bytes) -> bool:
    return _Writer().write(str(path), data)


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


def _page_chars(page: dict[str, Any]) -> str:
    """Distinct characters of a page's visible text, sorted."""
    text = (
        page["title"]
        + page["summary"]
        + page["body_html"]
        + json.dumps(page["fields"], ensure_ascii=False)
    )
    return "".join(sorted(set(text)))


def _site_chars(
    data: dict[str, Any], known: dict[str, list[str]], pages_state: dict[str, list]
) -> str:
    """Every character the release shows (fonts and the pinyin table need only
    this); pages whose content_hash the last build saw reuse its answer.
    Fills `pages_state` (page id -> [content_hash, characters]) for the next."""
    chars: set[str] = set()
    for page in data["pages"]:
        ident = str(page["id"])
        old = known.get(ident)
        if old is None or old[0] != page["content_hash"]:
            old = [page["content_hash"], _page_chars(page)]
        pages_state[ident] = old
        chars.update(old[1])
    extra = [
        json.dumps(data["locales"], ensure_ascii=False),
        data.get("site_name", ""),
        data["cluster"]["name"],
        data["cluster"]["place"],
    ]
    langs = {x["code"] for x in data["locales"]} | {"en"}
    extra += ui_texts(langs)
    chars.update(*extra)
    return "".join(sorted(chars))


_JOB: dict[str, Any] = {}
PARALLEL_FROM = 300  # pages; below this a second process costs more than it saves
CHUNK = 40  # files a process takes at a time from the shared list
TOOL_TEMPLATES = ("attract.html", "search.html", "feedback.html")


def _render_chunks(
    todo: list[tuple[str, str, Any]], out_dir: str, counter: Any
) -> list[tuple[str, bool]]:
    """Render files of `todo`, CHUNK at a time, taking the next chunk from the
    shared `counter` (or all of them when there is none); (path, written) each."""
    writer = _Writer()
    out = []
    start = 0
    while True:
        if counter is not None:
            with counter.get_lock():
                start = counter.value
                counter.value += CHUNK
        if start >= len(todo):
            return out
        stop = start + CHUNK if counter is not None else len(todo)
        for rel, template, make in todo[start:stop]:
            html = render(template, make())
            out.append((rel, writer.write(f"{out_dir}/{rel}", html.encode("utf-8"))))
        start = stop


def _fonts_and_index(
    data: dict[str, Any], texts: list[str], out_dir: str, state_dir: Path
) -> dict[str, tuple[int, bool]]:
    """Make and write the font subsets and the search index; for each file
    (path -> (bytes, written))."""
    writer = _Writer()
    fonts = fonts_build(texts, cache_dir=state_dir / "fonts")
    files = font_files(fonts)
    unchanged: dict[str, int] = {}
    files.update(search_index_files(data, state_dir, unchanged=unchanged))
    made = {rel: (size, False) for rel, size in unchanged.items()}
    for rel, blob in files.items():
        made[rel] = (len(blob), writer.write(f"{out_dir}/{rel}", blob))
    return made


def _side_job(
    number: int,
) -> tuple[dict[str, tuple[int, bool]], list[tuple[str, bool]]]:
    """A second process, forked as soon as the snapshot is valid. The first one
    makes the fonts and the search index while the main process prepares the
    assets and render keys; then each renders pages like the main process.

    The main process sends the site-wide URLs and the numbers of the files to
    render (in `page_jobs` order) through a pipe, or None to stop.
    """
    job = _JOB
    made: dict[str, tuple[int, bool]] = {}
    if number == 0:
        texts = [_site_chars(job["data"], job["known"], {})]
        made = _fonts_and_index(job["data"], texts, job["out_dir"], job["state_dir"])
    message = job["pipes"][number][0].recv()
    if message is None:
        return made, []
    (assets, image_urls, video_urls), numbers = message
    site = SiteInputs(
        data=job["data"], assets=assets, image_urls=image_urls, video_urls=video_urls
    )
    jobs = list(page_jobs(site))
    todo = [jobs[i][:3] for i in numbers]
    return made, _render_chunks(todo, job["out_dir"], job["counter"])


def _pool_start(
    workers: int, data: dict[str, Any], known: dict, out_dir: Path, state_dir: Path
) -> tuple[ProcessPoolExecutor, list]:
    """Fork `workers - 1` side processes (see _side_job); they read the
    snapshot from the global _JOB instead of a pickle."""
    global _JOB
    ctx_fork = multiprocessing.get_context("fork")
    _JOB = {
        "data": data,
        "known": known,
        "out_dir": str(out_dir),
        "state_dir": state_dir,
        "counter": ctx_fork.Value("q", 0),
        "pipes": [ctx_fork.Pipe(duplex=False) for _ in range(workers - 1)],
    }
    pool = ProcessPoolExecutor(max_workers=workers - 1, mp_context=ctx_fork)
    return pool, [pool.submit(_side_job, i) for i in range(workers - 1)]


def _workers(workers: int | None, pages: int) -> int:
    if workers is not None:
        return workers
    return 2 if pages >= PARALLEL_FROM and (os.cpu_count() or 1) > 1 else 1


def _state_read(state_path: Path) -> dict[str, Any]:
    """The last build's state (a pickle: it is read on every rebuild, and the
    builder alone writes it, inside the folder it builds)."""
    try:
        state = pickle.loads(state_path.read_bytes())
    except (FileNotFoundError, pickle.UnpicklingError, EOFError, ValueError):
        return {}
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        return {}
    return state


def _page_parents(site: SiteInputs) -> dict[int, int]:
    return {kid: pid for pid, kids in site.children.items() for kid in kids}


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
    snapshot always gives the same bytes. Large builds use `workers` processes
    (default: two when PARALLEL_FROM or more files need rendering and the
    machine has two cores); the second one makes the fonts and the search
    index, then shares the pages, while the first renders pages.
    """
    t0 = time.perf_counter()
    report = BuildReport()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    state_dir = out_dir / STATE_DIRNAME
    state_dir.mkdir(exist_ok=True)
    state_path = state_dir / "state.pickle"
    state = _state_read(state_path)
    # A build into an empty folder has nothing stale to look for.
    fresh = not any(p.name != STATE_DIRNAME for p in out_dir.iterdir())
    known_pages: dict[str, list[str]] = state.get("pages", {})
    if not isinstance(snapshot, Snapshot):
        snapshot = snapshot_read(snapshot)
        # Pages the last build validated and whose hash is unchanged are not
        # checked again; everything else goes through the schema.
        checked = snapshot_validate_changed(
            snapshot.data,
            known={k: v[0] for k, v in known_pages.items()},
            source=snapshot.source,
        )
        report.timings["validated_pages"] = checked
    data = snapshot.data
    report.content_hash = data["content_hash"]
    report.timings["load"] = time.perf_counter() - t0
    # Python's cyclic GC would walk the whole snapshot again and again while
    # pages are rendered; nothing in it forms cycles.
    gc.freeze()
    pool = None
    sides: list = []
    sent = False
    # A build without usable state renders every page: fork at once, so the
    # fonts and the index start while this process prepares the rest.
    early = (
        workers
        if workers is not None
        else (_workers(None, len(data["pages"])) if not state.get("keys") else 1)
    )
    if early > 1:
        pool, sides = _pool_start(early, data, known_pages, out_dir, state_dir)
    try:
        t = time.perf_counter()
        outputs: set[str] = set()
        pages_state: dict[str, list] = {}
        texts = [_site_chars(data, known_pages, pages_state)]
        image_urls, fetched = media_sync(
            snapshot, out_dir=out_dir, kind="images", key=""
        )
        video_urls, fetched2 = media_sync(
            snapshot, out_dir=out_dir, kind="programmes", key="video"
        )
        report.media_fetched = fetched + fetched2
        outputs.update(u.lstrip("/") for u in image_urls.values())
        outputs.update(u.lstrip("/") for u in video_urls.values())
        writer = _Writer()
        asset_urls, asset_files = assets_build(
            texts=texts,
            config=_kiosk_config(data),
            cache_dir=state_dir,
            fonts=SKIP_FONTS,
        )
        for rel, blob in asset_files.items():
            outputs.add(rel)
            report.files_written += writer.write(f"{out_dir}/{rel}", blob)
        report.timings["assets"] = time.perf_counter() - t

        t = time.perf_counter()
        site = SiteInputs(
            data=data, assets=asset_urls, image_urls=image_urls, video_urls=video_urls
        )
        thash = templates_hash()
        nav_hash = hashlib.sha256(canonical_json(data["navigation"])).hexdigest()
        old_keys: dict[str, str] = state.get("keys", {})
        # Unless a site-wide input changed, a content page's key changes only
        # with its own content_hash or a child's (its tiles).
        reuse = (
            state.get("site_key") == site_key(site)
            and state.get("templates") == thash
            and state.get("navigation") == nav_hash
        )
        dirty: set[int] = set()
        if reuse:
            parents = _page_parents(site)
            for page in data["pages"]:
                old = known_pages.get(str(page["id"]))
                if old is None or old[0] != page["content_hash"]:
                    dirty.add(page["id"])
                    if page["id"] in parents:
                        dirty.add(parents[page["id"]])
        new_keys: dict[str, str] = {}
        previous = set() if fresh else set(state.get("outputs", ()))
        todo: list[tuple[str, str, Any]] = []
        numbers: list[int] = []
        content = {page_output(p): p["id"] for p in data["pages"]}
        for number, (rel, template, make, key_of) in enumerate(page_jobs(site)):
            pid = content.get(rel)
            if key_of is None:
                ctx = make()
                part = hashlib.sha256(canonical_json(ctx)).hexdigest()
                key = hashlib.sha256(f"{thash}|{template}|{part}".encode()).hexdigest()
            elif reuse and pid not in dirty and rel in old_keys:
                key = old_keys[rel]
            else:
                key = hashlib.sha256(
                    f"{thash}|{template}|{key_of()}".encode()
                ).hexdigest()
            new_keys[rel] = key
            outputs.add(rel)
            counted = template not in TOOL_TEMPLATES
            report.pages_total += counted
            # A file the last build recorded is trusted to be there (no stat
            # per page); a build without state checks every file.
            if old_keys.get(rel) == key and (
                rel in previous or os.path.exists(f"{out_dir}/{rel}")
            ):
                continue
            report.pages_rendered += counted
            todo.append((rel, template, make))
            numbers.append(number)
        report.timings["keys"] = time.perf_counter() - t

        t = time.perf_counter()
        if pool is None and _workers(workers, len(todo)) > 1:
            pool, sides = _pool_start(
                _workers(workers, len(todo)), data, known_pages, out_dir, state_dir
            )
        results: list[tuple[str, bool]] = []
        if pool is not None:
            for receive_send in _JOB["pipes"]:
                receive_send[1].send(((asset_urls, image_urls, video_urls), numbers))
            sent = True
            results = _render_chunks(todo, str(out_dir), _JOB["counter"])
            made, more = sides[0].result()
            results += more
            for side in sides[1:]:
                results += side.result()[1]
        else:
            results = _render_chunks(todo, str(out_dir), None)
            made = _fonts_and_index(data, texts, str(out_dir), state_dir)
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
    finally:
        if pool:
            if not sent:
                for receive_send in _JOB["pipes"]:
                    receive_send[1].send(None)
            pool.shutdown(cancel_futures=True)
            _JOB.clear()
        gc.unfreeze()

    t = time.perf_counter()
    report.files_removed = _remove_stale(
        out_dir, outputs, [] if fresh else state.get("outputs")
    )
    state_path.write_bytes(
        pickle.dumps(
            {
                "version": STATE_VERSION,
                "keys": new_keys,
                "pages": pages_state,
                "site_key": site_key(site),
                "templates": thash,
                "navigation": nav_hash,
                "outputs": sorted(outputs),
            },
            protocol=pickle.HIGHEST_PROTOCOL,
        )
    )
    report.timings["finish"] = time.perf_counter() - t
    report.seconds = time.perf_counter() - t0
    if log:
        log(report.summary())
    return report


def _remove_stale(out_dir: Path, outputs: set[str], previous: list[str] | None) -> int:
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
