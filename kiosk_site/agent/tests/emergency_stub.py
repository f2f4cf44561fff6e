"""A stand-in for the CMS's emergency endpoint and states signed like the CMS's.

`EmergencyStub` answers ``GET /<cluster>/emergency`` with whatever envelope
a test sets (``stub.envelope``), to the bearer token it was given only, and
counts the requests. `signed_state` makes a state and signs it with a key
file through `emergency_format.state_sign`, as ``cms/emergency`` does.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kiosk_site.agent.emergency_format import state_sign
from kiosk_site.release.keys import signer_load


def signed_state(
    *,
    key_path: Path,
    cluster: str = "bo-y",
    sequence: int = 1,
    emergency: dict | None = None,
    faces_off: list[str] | None = None,
    updated_at: str = "2026-12-07T08:00:00+07:00",
) -> dict:
    """A state envelope signed with the private key at ``key_path``."""
    state = {
        "version": 1,
        "cluster": cluster,
        "sequence": sequence,
        "updated_at": updated_at,
        "emergency": emergency,
        "faces_off": faces_off or [],
    }
    return state_sign(state=state, signer=signer_load(key_path=key_path))


def message_emergency(*, until: str | None = None, programme=None) -> dict:
    """A bilingual message emergency (started 08:00 +07:00)."""
    return {
        "id": "em-12",
        "started_at": "2026-12-07T08:00:00+07:00",
        "until": until,
        "messages": [
            {"lang": "vi", "title": "Cảnh báo lũ", "text": "Không qua cầu tràn."},
            {"lang": "lo", "title": "ເຕືອນໄພນ້ຳຖ້ວມ", "text": "ຢ່າຂ້າມຂົວ."},
        ],
        "programme": programme,
    }


class EmergencyStub:
    """The stub server (``with EmergencyStub(...) as cms``)."""

    def __init__(self, *, cluster: str, token: str) -> None:
        self.cluster = cluster
        self.token = token
        self.envelope: object = None
        self.requests = 0
        handler = type("Handler", (_Handler,), {"stub": self})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True

    @property
    def url(self) -> str:
        """The base URL to give the agent as ``report_url``."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __enter__(self) -> EmergencyStub:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    stub: EmergencyStub

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return

    def do_GET(self) -> None:  # noqa: N802
        stub = self.stub
        stub.requests += 1
        if self.headers.get("Authorization") != f"Bearer {stub.token}":
            return self._answer(401, {"error": "unknown credential"})
        if self.path != f"/{stub.cluster}/emergency":
            return self._answer(404, {"error": self.path})
        return self._answer(200, stub.envelope)

    def _answer(self, status: int, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
