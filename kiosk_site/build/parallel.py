"""Share a build between two processes: the second one makes the fonts while
the first validates and makes the search index, then both render pages.

The second process is forked as soon as the snapshot is parsed, so it reads
the snapshot from memory instead of a pickle. It writes nothing until the
first one has validated the snapshot and sends it the files to render; a
failed validation kills it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk_site.build.writer import OutputWriter
from kiosk_site.errors import KioskSiteError
from kiosk_site.render import SiteInputs, page_jobs, render

PARALLEL_FROM = 300  # pages; below this a second process costs more than it saves
CHUNK = 40  # files a process takes at a time from the shared list

RenderJob = tuple[str, str, Callable[[], dict]]


def render_chunks(
    todo: list[RenderJob], out_dir: str, shared: Any, *, from_end: bool = False
) -> list[tuple[str, bool]]:
    """Render files of `todo`, CHUNK at a time; (path, written) each.

    With `shared` (a two-slot array: next from the front, end of what is left
    at the back), one process takes chunks from the front and the other, with
    `from_end`, from the back, until they meet. Pages come locale by locale
    and folder by folder, so the two processes write into different folders:
    two writers in one folder slow each other down on ext4.
    """
    writer = OutputWriter()
    out = []
    if shared is None:
        chunks = iter((i, i + CHUNK) for i in range(0, len(todo), CHUNK))
    else:
        chunks = iter(lambda: _take(shared, len(todo), from_end), None)
    for start, stop in chunks:
        for rel, template, make in todo[start:stop]:
            html = render(template, make())
            out.append((rel, writer.write(f"{out_dir}/{rel}", html.encode("utf-8"))))
        # The build turns the automatic collector off (see build.site_build):
        # the few cyclic objects each page leaves go a chunk at a time.
        gc.collect(0)
    return out


def _take(shared: Any, total: int, from_end: bool) -> tuple[int, int] | None:
    """The next chunk (start, stop) of what is left, or None when nothing is."""
    with shared.get_lock():
        front, back = shared[0], shared[1] if shared[1] >= 0 else total
        if front >= back:
            return None
        if from_end:
            start = max(front, back - CHUNK)
            shared[1] = start
            return start, back
        stop = min(back, front + CHUNK)
        shared[0] = stop
        return front, stop


def workers_for(pages: int) -> int:
    return 2 if pages >= PARALLEL_FROM and (os.cpu_count() or 1) > 1 else 1


class SideProcess:
    """The second process of a build (see the module docstring).

    `prepare(data)` runs in it at once and returns (files to write, anything
    else to send back); `send()` passes it the site-wide URLs and the files
    to render, after which it writes the prepared files and renders.
    """

    def __init__(
        self,
        data: dict[str, Any],
        out_dir: Path,
        prepare: Callable[[], tuple[dict[str, bytes], Any]],
    ) -> None:
        ctx = multiprocessing.get_context("fork")
        # Next page from the front, end of what is left (-1: all); see render_chunks.
        self.counter = ctx.Array("q", [0, -1])
        self._orders, self._orders_in = ctx.Pipe(duplex=False)
        self._results, self._results_in = ctx.Pipe(duplex=False)
        self._data = data
        self._out_dir = str(out_dir)
        self._prepare = prepare
        self._sender: threading.Thread | None = None
        self._process = ctx.Process(target=self._run, daemon=True)
        self._process.start()

    def _run(self) -> None:
        try:
            files, extra = self._prepare()
            order = self._orders.recv()
            if order is None:
                return
            (assets, image_urls, video_urls), rels = order
            writer = OutputWriter()
            made = {
                rel: (len(blob), writer.write(f"{self._out_dir}/{rel}", blob))
                for rel, blob in files.items()
            }
            site = SiteInputs(
                data=self._data,
                assets=assets,
                image_urls=image_urls,
                video_urls=video_urls,
            )
            jobs = {job[0]: job[:3] for job in page_jobs(site)}
            todo = [jobs[rel] for rel in rels]
            rendered = render_chunks(todo, self._out_dir, self.counter, from_end=True)
            self._results_in.send(("ok", (made, rendered, extra)))
        except BaseException as err:  # noqa: BLE001 - reported in the first process
            try:
                self._results_in.send(("error", err))
            except Exception:  # noqa: BLE001 - the error itself would not pickle
                self._results_in.send(("error", traceback.format_exc()))

    def send(self, site: tuple[dict, dict, dict], rels: list[str]) -> None:
        """Start the second half: site-wide URLs and the files to render.

        Sent from a thread: the message is larger than a pipe holds, and the
        second process reads it only once its fonts and index are made, while
        this one goes on rendering."""
        self._sender = threading.Thread(
            target=self._orders_in.send, args=((site, rels),), daemon=True
        )
        self._sender.start()

    def result(self) -> tuple[dict[str, tuple[int, bool]], list[tuple[str, bool]], Any]:
        """(prepared files -> (bytes, written), rendered files, the extra)."""
        try:
            status, value = self._results.recv()
            if self._sender is not None:
                self._sender.join()
        except EOFError:
            status, value = "error", "the second build process stopped unexpectedly"
        self._process.join()
        if status == "ok":
            return value
        if isinstance(value, BaseException):
            raise value
        raise KioskSiteError(f"the second build process failed:\n{value}")

    def stop(self) -> None:
        """Stop the second process at once (the build failed)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
