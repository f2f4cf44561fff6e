"""A release store served over HTTP, with fault switches for tests and demos.

`ReleaseServer` serves ``<cluster>/metadata/``, ``<cluster>/targets/`` and
``<cluster>/objects/`` of a release store folder on 127.0.0.1 with ETag,
Range and If-Range, and (when given credentials) only to the bearer token of
that cluster. `Faults` makes it misbehave the ways a network or a hostile
server can: flip a byte, stall, cut the connection at an offset, stream past
the declared size, change the ETag between ranges, or answer one path from
another (a replayed or another cluster's metadata set).
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kiosk_site.release.paths import UnsafePathError, path_check

SERVED = ("metadata", "targets", "objects")
_RANGE = re.compile(r"^bytes=(\d+)-(\d*)$")


@dataclass
class Faults:
    """Switches read on every request; each ``*_path`` is a URL substring."""

    flip_path: str | None = None
    stall_path: str | None = None
    stall_after: int = 0
    cut_path: str | None = None
    cut_offsets: list[int] = field(default_factory=list)
    overflow_path: str | None = None
    etag_change_path: str | None = None
    ignore_if_range: bool = False
    aliases: dict[str, str] = field(default_factory=dict)
    throttle_bytes_per_s: int = 0

    def match(self, pattern: str | None, path: str) -> bool:
        """Whether a switch with ``pattern`` applies to the request ``path``."""
        return pattern is not None and pattern in path


@dataclass
class RequestLog:
    """Every request the server answered: path, status and body bytes sent."""

    entries: list[tuple[str, int, int]] = field(default_factory=list)
    header_bytes: int = 0  # request line and headers both ways, for benchmarks

    def body_bytes(self) -> int:
        """Bytes of response bodies sent."""
        return sum(sent for _, _, sent in self.entries)


class ReleaseServer:
    """Serve a release store on 127.0.0.1 in a background thread."""

    def __init__(
        self, *, store_dir: Path, credentials: dict[str, str] | None = None
    ) -> None:
        self.store_dir = store_dir
        self.credentials = credentials
        self.faults = Faults()
        self.log = RequestLog()
        self.stopping = threading.Event()
        self._etag_counter = count(1)
        handler = type("Handler", (_Handler,), {"release_server": self})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        """Base URL, ending in '/'."""
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> ReleaseServer:
        """Start serving; returns self."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release stalled requests."""
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> ReleaseServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def resolve(self, *, url_path: str) -> tuple[str, Path] | None:
        """The cluster and file a URL path names, after aliases; None if none."""
        for prefix, other in self.faults.aliases.items():
            if url_path.startswith(prefix):
                url_path = other + url_path[len(prefix) :]
        try:
            rel = path_check(path=url_path.lstrip("/"))
        except UnsafePathError:
            return None
        parts = rel.split("/")
        if len(parts) < 3 or parts[1] not in SERVED:
            return None
        return parts[0], self.store_dir / rel

    def etag(self, *, path: Path, url_path: str) -> str:
        """The file's ETag (a new one each time under the etag-change fault)."""
        stat = path.stat()
        tag = f"{stat.st_size:x}-{stat.st_mtime_ns:x}"
        if self.faults.match(self.faults.etag_change_path, url_path):
            tag += f"-{next(self._etag_counter)}"
        return f'"{tag}"'


class _Handler(BaseHTTPRequestHandler):
    release_server: ReleaseServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return

    def end_headers(self) -> None:
        sent = sum(len(line) for line in getattr(self, "_headers_buffer", []))
        received = len(self.raw_requestline) + len(str(self.headers))
        self.release_server.log.header_bytes += sent + 2 + received
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802
        server = self.release_server
        url_path = unquote(urlsplit(self.path).path)
        found = server.resolve(url_path=url_path)
        if found is None or not found[1].is_file():
            return self._status(HTTPStatus.NOT_FOUND, url_path)
        cluster, path = found
        if not self._authorised(cluster=cluster):
            return self._status(HTTPStatus.FORBIDDEN, url_path)
        data = path.read_bytes()
        etag = server.etag(path=path, url_path=url_path)
        start, end = self._range(size=len(data), etag=etag)
        if start is None:
            return self._status(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE, url_path)
        body = data[start:end]
        if server.faults.match(server.faults.flip_path, url_path) and body:
            body = body[:-1] + bytes([body[-1] ^ 0x01])
        partial = (start, end) != (0, len(data))
        self.send_response(HTTPStatus.PARTIAL_CONTENT if partial else HTTPStatus.OK)
        self.send_header("ETag", etag)
        self.send_header("Accept-Ranges", "bytes")
        if partial:
            self.send_header("Content-Range", f"bytes {start}-{end - 1}/{len(data)}")
        overflow = server.faults.match(server.faults.overflow_path, url_path)
        if not overflow:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        sent = self._body(body=body, url_path=url_path, start=start, overflow=overflow)
        server.log.entries.append((url_path, 206 if partial else 200, sent))

    def _authorised(self, *, cluster: str) -> bool:
        credentials = self.release_server.credentials
        if credentials is None:
            return True
        header = self.headers.get("Authorization", "")
        token = header.removeprefix("Bearer ").strip()
        return bool(token) and credentials.get(token) == cluster

    def _range(self, *, size: int, etag: str) -> tuple[int | None, int]:
        match = _RANGE.match(self.headers.get("Range", ""))
        if_range = self.headers.get("If-Range")
        if self.release_server.faults.ignore_if_range:
            if_range = None
        if match is None or (if_range is not None and if_range != etag):
            return 0, size
        start = int(match.group(1))
        end = min(int(match.group(2)) + 1, size) if match.group(2) else size
        return (start, end) if start < size and start < end else (None, size)

    def _body(self, *, body: bytes, url_path: str, start: int, overflow: bool) -> int:
        faults = self.release_server.faults
        limit = len(body)
        if faults.match(faults.cut_path, url_path) and faults.cut_offsets:
            limit = min(limit, max(faults.cut_offsets.pop(0) - start, 0))
        if faults.match(faults.stall_path, url_path):
            limit = min(limit, faults.stall_after)
        sent = self._write(data=body[:limit])
        if faults.match(faults.stall_path, url_path):
            self.release_server.stopping.wait(60)
        elif overflow:
            sent += self._write(data=os.urandom(1 << 16), repeat=10_000)
        return sent

    def _write(self, *, data: bytes, repeat: int = 1) -> int:
        rate = self.release_server.faults.throttle_bytes_per_s
        step = max(rate // 20, 1024) if rate else 1 << 16
        sent = 0
        try:
            for _ in range(repeat):
                for offset in range(0, len(data), step):
                    self.wfile.write(data[offset : offset + step])
                    sent += len(data[offset : offset + step])
                    if rate and self.release_server.stopping.wait(step / rate):
                        return sent
        except (BrokenPipeError, ConnectionResetError):
            pass
        return sent

    def _status(self, status: HTTPStatus, url_path: str) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()
        self.release_server.log.entries.append((url_path, int(status), 0))
