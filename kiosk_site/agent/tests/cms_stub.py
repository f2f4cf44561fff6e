"""A small stand-in for the CMS's agent API on 127.0.0.1 that records everything.

It follows ``cms/releases/api.py``: ``POST /<cluster>/report`` and
``POST /<cluster>/uploads`` with a bearer token; uploads are kept once per
idempotency key and answered "accepted", "duplicate" or "rejected" per item.
``drop_answers`` makes it record a batch and then cut the connection without
answering (the answer lost on the way back).
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class CmsRecord:
    """What the stub received."""

    reports: list[dict] = field(default_factory=list)
    uploads: dict[str, dict] = field(default_factory=dict)
    received: Counter = field(default_factory=Counter)  # key -> times sent
    batches: list[int] = field(default_factory=list)  # items per upload request
    drop_answers: int = 0


class CmsStub:
    """The stub server (start with ``with CmsStub(...) as cms``)."""

    def __init__(self, *, cluster: str, token: str) -> None:
        self.cluster = cluster
        self.token = token
        self.record = CmsRecord()
        self.lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"stub": self})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True

    @property
    def url(self) -> str:
        """The base URL to give the agent as ``report_url``."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __enter__(self) -> CmsStub:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    stub: CmsStub

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return

    def do_POST(self) -> None:  # noqa: N802
        stub = self.stub
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.headers.get("Authorization") != f"Bearer {stub.token}":
            return self._answer(401, {"error": "unknown credential"})
        if self.path == f"/{stub.cluster}/report":
            stub.record.reports.append(body)
            return self._answer(200, {"assigned_build": None})
        if self.path != f"/{stub.cluster}/uploads":
            return self._answer(404, {"error": self.path})
        with stub.lock:
            stub.record.batches.append(len(body["items"]))
            results = [self._keep(item) for item in body["items"]]
            if stub.record.drop_answers:
                stub.record.drop_answers -= 1
                self.close_connection = True
                return None  # recorded, but no answer reaches the agent
        return self._answer(200, {"results": results})

    def _keep(self, item: dict) -> dict:
        key = item["idempotency_key"]
        record = self.stub.record
        record.received[key] += 1
        if item["payload"].get("reject"):
            return {"idempotency_key": key, "status": "rejected", "error": "refused"}
        status = "duplicate" if key in record.uploads else "accepted"
        record.uploads.setdefault(key, item)
        return {"idempotency_key": key, "status": status}

    def _answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
