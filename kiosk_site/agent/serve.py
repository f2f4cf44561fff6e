"""``serve``: the current release to the kiosk browser, and its spool intake.

Each request resolves the ``current`` pointer once and serves from that
release folder, so a switch is picked up without a restart and a request is
never answered from a half-assembled folder (only complete releases are ever
named by ``current``). Dot paths and folder listings are never served.

``POST /feedback`` (the kiosk's feedback form, the contract of
`kiosk_site.serve`: a JSON object with a non-empty ``message``) and
``POST /play-log`` (one JSON object per played item, from the LED player)
are written to the spool (`spool`) before the 2xx answer, which is
``201 {"idempotency_key": …}`` (200 if the same item was spooled before).
Refusals are JSON ``{"error": …}``: 400 bad JSON, 413 too large, 429 over
the per-kiosk rate (the form keeps the item and retries), 507 spool full.
``POST /player-error`` (a file the LED player skipped) is logged as a
warning, not spooled, and answered 202.

``GET /emergency.json`` answers the agent's emergency state (`emergency`),
always 200 and ``no-cache``, with or without a release installed.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from kiosk_site.agent.config import AgentConfig
from kiosk_site.agent.emergency import EMERGENCY_PATH, emergency_public
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.spool import Spool, SpoolFull
from kiosk_site.config import FEEDBACK_PATH, STATIC_CONTENT_TYPES

log = logging.getLogger("kiosk_site.agent")
PLAY_LOG_PATH = "/play-log"
PLAYER_ERROR_PATH = "/player-error"
KIND_OF_PATH = {FEEDBACK_PATH: "feedback", PLAY_LOG_PATH: "play_log"}
HASHED = re.compile(r"^/(assets/.*-[0-9a-f]{12}\.\w+|media/[0-9a-f]{20}\.\w+)$")


class Refused(Exception):
    """An intake request answered with an error status and a JSON message."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class RateLimit:
    """A token bucket per kiosk: ``per_minute`` items, refilled continuously."""

    def __init__(self, *, per_minute: int) -> None:
        self.per_minute = per_minute
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, *, kiosk: str) -> bool:
        """Take one token for ``kiosk``; False when its bucket is empty."""
        now = time.monotonic()
        with self._lock:
            tokens, then = self._buckets.get(kiosk, (float(self.per_minute), now))
            tokens = min(self.per_minute, tokens + (now - then) * self.per_minute / 60)
            if tokens < 1:
                self._buckets[kiosk] = (tokens, now)
                return False
            self._buckets[kiosk] = (tokens - 1, now)
            return True


class AgentHandler(SimpleHTTPRequestHandler):
    """Static files from the current release; the spool intake on POST."""

    layout: Layout
    spool: Spool
    limits: dict[str, RateLimit]
    max_item_bytes: int
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **STATIC_CONTENT_TYPES}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        log.debug("serve: " + format, *args)

    def _release(self) -> bool:
        """Point this request at the current release; False after answering 503."""
        current = self.layout.current_dir()
        if current is None:
            self._json(
                HTTPStatus.SERVICE_UNAVAILABLE,
                {"error": "no release is installed yet; run sync or install-bundle"},
            )
            return False
        self.directory = os.path.realpath(current)
        return True

    def _hidden(self) -> bool:
        return any(part.startswith(".") for part in self.path.split("?")[0].split("/"))

    def do_GET(self) -> None:  # noqa: N802
        if self.path.split("?")[0] == EMERGENCY_PATH:
            self._json(HTTPStatus.OK, emergency_public(layout=self.layout))
        elif self._hidden():
            self.send_error(HTTPStatus.NOT_FOUND)
        elif self._release():
            super().do_GET()

    def do_HEAD(self) -> None:  # noqa: N802
        if self._hidden():
            self.send_error(HTTPStatus.NOT_FOUND)
        elif self._release():
            super().do_HEAD()

    def list_directory(self, path: str | os.PathLike) -> None:
        self.send_error(HTTPStatus.NOT_FOUND)

    def end_headers(self) -> None:
        path = self.path.split("?")[0]
        immutable = HASHED.search(path) and self.command in ("GET", "HEAD")
        cache = "public, max-age=31536000, immutable" if immutable else "no-cache"
        self.send_header("Cache-Control", cache)
        super().end_headers()

    def do_POST(self) -> None:  # noqa: N802
        if self.path.split("?")[0] == PLAYER_ERROR_PATH:
            self._player_error()
            return
        kind = KIND_OF_PATH.get(self.path.split("?")[0])
        if kind is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        try:
            item = self._item(kind=kind)
            key, added = self.spool.add(kind=kind, payload=item)
        except Refused as err:
            self._json(err.status, {"error": str(err)})
            return
        except SpoolFull as err:
            self._json(HTTPStatus.INSUFFICIENT_STORAGE, {"error": str(err)})
            return
        status = HTTPStatus.CREATED if added else HTTPStatus.OK
        self._json(status, {"idempotency_key": key})

    def _item(self, *, kind: str) -> dict:
        """The request's JSON object, checked for size, shape and rate."""
        length = int(self.headers.get("Content-Length") or 0)
        if length > self.max_item_bytes:
            if length <= 4 * self.max_item_bytes:
                self.rfile.read(length)  # drained, so the client reads the answer
            else:
                self.close_connection = True
            raise Refused(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"the {kind} item is {length} bytes, over {self.max_item_bytes}; "
                "send a shorter one",
            )
        try:
            item = json.loads(self.rfile.read(length).decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as err:
            raise Refused(HTTPStatus.BAD_REQUEST, f"not JSON: {err}") from err
        if not isinstance(item, dict) or not item:
            raise Refused(HTTPStatus.BAD_REQUEST, f"a {kind} item is a JSON object")
        if kind == "feedback" and not str(item.get("message", "")).strip():
            raise Refused(HTTPStatus.BAD_REQUEST, "the feedback message is empty")
        kiosk = str(item.get("kiosk") or self.client_address[0])
        if not self.limits[kind].take(kiosk=kiosk):
            raise Refused(
                HTTPStatus.TOO_MANY_REQUESTS,
                f"kiosk {kiosk!r} sent more than {self.limits[kind].per_minute} "
                f"{kind} items a minute; keep the item and send it again later",
            )
        return item

    def _player_error(self) -> None:
        """The LED player skipped a file it could not play: logged (the
        agent's journal), not spooled; the play log shows the gap."""
        try:
            item = self._item(kind="player_error")
        except Refused as err:
            self._json(err.status, {"error": str(err)})
            return
        log.warning(
            "LED player on face %s skipped %s: %s",
            str(item.get("face", "?"))[:40],
            str(item.get("src") or item.get("rendition_sha256") or "?")[:200],
            str(item.get("error") or item.get("reason") or "?")[:300],
        )
        self._json(HTTPStatus.ACCEPTED, {"logged": True})

    def _json(self, status: HTTPStatus, body: dict) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def server_make(
    *, config: AgentConfig, host: str = "127.0.0.1", port: int | None = None
) -> ThreadingHTTPServer:
    """Create (not start) the agent's server; port 0 picks a free port."""
    layout = Layout(root=config.data_dir)
    handler = type(
        "Handler",
        (AgentHandler,),
        {
            "layout": layout,
            "spool": Spool(root=layout.spool, max_items=config.spool_max_items),
            "limits": {
                "feedback": RateLimit(per_minute=config.feedback_per_minute),
                "play_log": RateLimit(per_minute=config.play_logs_per_minute),
                "player_error": RateLimit(per_minute=config.play_logs_per_minute),
            },
            "max_item_bytes": config.max_item_bytes,
        },
    )
    port = config.serve_port if port is None else port
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def agent_serve(*, config: AgentConfig, host: str, port: int | None) -> None:
    """Serve until interrupted (SIGTERM or Ctrl-C end it cleanly)."""
    server = server_make(config=config, host=host, port=port)
    log.info("serving the current release on http://%s:%d/", *server.server_address)
    try:
        server.serve_forever(poll_interval=0.5)
    finally:
        server.server_close()
