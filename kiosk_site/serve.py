"""A small static server for preview and for the kiosk PC.

Serves the built site (never `.kiosk-build/` or other dot paths) and, as a
stand-in for the cluster agent (kiosk_site.agent.serve), accepts JSON objects
and appends each as one line to a file beside the served folder:
`POST /feedback` to `feedback.jsonl` (a non-empty `message` required), the
LED player's `POST /play-log` to `play-log.jsonl` and its
`POST /player-error` to `player-errors.jsonl`. `GET /emergency.json` answers
the agent's "no emergency" state unless the folder holds an
`emergency.json` (tests write one to play the agent).
"""

from __future__ import annotations

import functools
import json
import re
import threading
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .config import FEEDBACK_PATH, STATIC_CONTENT_TYPES

MAX_FEEDBACK_BYTES = 64 * 1024
PLAY_LOG_PATH = "/play-log"
PLAYER_ERROR_PATH = "/player-error"
EMERGENCY_PATH = "/emergency.json"
NO_EMERGENCY = b'{"version": 1, "updated_at": null, "emergency": null, "faces_off": []}'
# Content-hashed names never change content; everything else is revalidated.
HASHED = re.compile(r"^/(assets/.*-[0-9a-f]{12}\.\w+|media/[0-9a-f]{20}\.\w+)$")
_lock = threading.Lock()


class KioskHandler(SimpleHTTPRequestHandler):
    feedback_file: Path
    play_log_file: Path
    player_error_file: Path
    # Keep-alive: a search fetches several small index files in a row; without
    # TCP_NODELAY, headers and body in separate sends meet delayed ACKs (40 ms).
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **STATIC_CONTENT_TYPES}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # quiet: the kiosk PC has no one reading the console

    def _hidden(self) -> bool:
        return any(part.startswith(".") for part in self.path.split("?")[0].split("/"))

    def do_GET(self) -> None:  # noqa: N802
        if self._hidden():
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        if (
            self.path.split("?")[0] == EMERGENCY_PATH
            and not Path(self.translate_path(EMERGENCY_PATH)).exists()
        ):
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(NO_EMERGENCY)))
            self.end_headers()
            self.wfile.write(NO_EMERGENCY)
            return
        super().do_GET()

    def do_HEAD(self) -> None:  # noqa: N802
        if self._hidden():
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        super().do_HEAD()

    def end_headers(self) -> None:
        path = self.path.split("?")[0]
        if HASHED.search(path):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_POST(self) -> None:  # noqa: N802
        path = self.path.split("?")[0]
        target = {
            FEEDBACK_PATH: self.feedback_file,
            PLAY_LOG_PATH: self.play_log_file,
            PLAYER_ERROR_PATH: self.player_error_file,
        }.get(path)
        if target is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0 or length > MAX_FEEDBACK_BYTES:
            self.send_error(HTTPStatus.BAD_REQUEST, "body size out of range")
            return
        try:
            item = json.loads(self.rfile.read(length).decode("utf-8"))
            if not isinstance(item, dict) or not item:
                raise ValueError("not a JSON object")
            if path == FEEDBACK_PATH and not str(item.get("message", "")).strip():
                raise ValueError("message is empty")
        except (UnicodeDecodeError, ValueError) as err:
            self.send_error(HTTPStatus.BAD_REQUEST, f"invalid {path[1:]}: {err}")
            return
        item["received_at"] = datetime.now(UTC).isoformat()
        line = json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n"
        with _lock, target.open("a", encoding="utf-8") as fh:
            fh.write(line)
        self.send_response(HTTPStatus.CREATED)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")


def make_server(
    site_dir: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    feedback_file: Path | None = None,
) -> ThreadingHTTPServer:
    """Create (not start) the server; port 0 picks a free port. The posted
    items go to `feedback_file` (default `feedback.jsonl` beside the site)
    and to `play-log.jsonl` and `player-errors.jsonl` in the same folder."""
    site_dir = Path(site_dir).resolve()
    feedback_file = Path(feedback_file or site_dir.parent / "feedback.jsonl")
    handler = type(
        "Handler",
        (KioskHandler,),
        {
            "feedback_file": feedback_file,
            "play_log_file": feedback_file.parent / "play-log.jsonl",
            "player_error_file": feedback_file.parent / "player-errors.jsonl",
        },
    )
    return ThreadingHTTPServer(
        (host, port), functools.partial(handler, directory=str(site_dir))
    )
