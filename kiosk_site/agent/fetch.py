"""HTTP downloads on the standard library: TUF metadata and resumable objects.

`HttpFetcher` is a python-tuf ngclient fetcher (`FetcherInterface`): every
request carries the cluster's bearer credential, a socket timeout (a stalled
server) and a deadline from a minimum rate (a server that drips). ngclient
caps each metadata file's length. `download_resumable` fetches one large
file into a ``.part`` file, resuming with Range and If-Range after a cut,
refusing more bytes than declared, and checks its sha256 before it is used.
"""

from __future__ import annotations

import hashlib
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.client import HTTPException, HTTPResponse
from pathlib import Path

from tuf.api import exceptions as tuf_exceptions
from tuf.ngclient.fetcher import FetcherInterface

from kiosk_site.agent import AGENT_VERSION
from kiosk_site.errors import AgentError

log = logging.getLogger("kiosk_site.agent")
CHUNK = 64 * 1024


class DownloadFailed(AgentError):
    """A download did not complete within its limits."""


class EtagChanged(DownloadFailed):
    """The file changed between two ranges; the download starts over."""


@dataclass
class Progress:
    """Bytes and objects downloaded in one sync, logged every ``interval_s``."""

    total_bytes: int = 0
    total_objects: int = 0
    done_bytes: int = 0
    done_objects: int = 0
    wire_bytes: int = 0
    interval_s: float = 2.0
    started: float = field(default_factory=time.monotonic)
    _logged: float = field(default_factory=time.monotonic)

    def add(self, *, nbytes: int) -> None:
        """Count ``nbytes`` received; log progress at most every ``interval_s``."""
        self.wire_bytes += nbytes
        self.done_bytes += nbytes
        now = time.monotonic()
        if now - self._logged >= self.interval_s:
            self._logged = now
            log.info("progress: %s", self.summary())

    def summary(self) -> str:
        """'1.2 of 3.4 MB, 2/5 objects, 0.8 MB/s'."""
        rate = self.done_bytes / max(time.monotonic() - self.started, 1e-6)
        return (
            f"{self.done_bytes / 1e6:.1f} of {self.total_bytes / 1e6:.1f} MB, "
            f"{self.done_objects}/{self.total_objects} objects, {rate / 1e6:.2f} MB/s"
        )


class AgentFetcher(FetcherInterface):
    """What a sync reads releases through: HTTP, or a USB bundle (`bundle_source`).

    ``origin`` names the source in messages; ``clock_offset_s`` is the
    source's clock minus ours when it has one (HTTP ``Date``), else None.
    """

    origin: str
    progress: Progress
    clock_offset_s: float | None
    singles = True  # whether every object is there alone (a bundle: raw ones only)

    def offers(self, *, url: str) -> bool:
        """Whether ``url`` may be asked for (a bundle holds only some targets)."""
        return True

    def download_resumable(
        self, *, url: str, part: Path, length: int, sha256: str
    ) -> Path:
        """Put the verified bytes of ``url`` into ``part``; return ``part``."""
        raise NotImplementedError


class HttpFetcher(AgentFetcher):
    """Downloads with a credential, timeouts, rate floor and size caps."""

    def __init__(
        self,
        *,
        credential: str,
        timeout_s: float,
        min_rate: int,
        retries: int,
        origin: str = "the server",
        progress_interval_s: float = 2.0,
    ) -> None:
        self.origin = origin
        self.credential = credential
        self.timeout_s = timeout_s
        self.min_rate = min_rate
        self.retries = retries
        self.progress = Progress(interval_s=progress_interval_s)
        self.clock_offset_s: float | None = None

    def _open(self, *, url: str, headers: dict[str, str]) -> HTTPResponse:
        headers = {"User-Agent": f"kiosk-agent/{AGENT_VERSION}", **headers}
        if self.credential:
            headers["Authorization"] = f"Bearer {self.credential}"
        request = urllib.request.Request(url, headers=headers)
        try:
            response = urllib.request.urlopen(request, timeout=self.timeout_s)
        except urllib.error.HTTPError as err:
            raise tuf_exceptions.DownloadHTTPError(
                f"{url} answered HTTP {err.code}", err.code
            ) from err
        except (urllib.error.URLError, OSError, HTTPException) as err:
            raise tuf_exceptions.DownloadError(f"cannot reach {url}: {err}") from err
        self._clock(response=response)
        return response

    def _clock(self, *, response: HTTPResponse) -> None:
        date = response.headers.get("Date")
        if date:
            try:
                server = parsedate_to_datetime(date).timestamp()
            except (TypeError, ValueError):
                return
            self.clock_offset_s = round(server - time.time(), 1)

    def _chunks(self, *, response: HTTPResponse, url: str) -> Iterator[bytes]:
        """Yield the body, enforcing the socket timeout and the rate deadline."""
        started = time.monotonic()
        received = 0
        with response:
            while True:
                try:
                    chunk = response.read(CHUNK)
                except TimeoutError as err:
                    raise tuf_exceptions.SlowRetrievalError(
                        f"{url} sent nothing for {self.timeout_s} s"
                    ) from err
                except (OSError, HTTPException) as err:
                    raise tuf_exceptions.DownloadError(f"{url} was cut: {err}") from err
                if not chunk:
                    return
                received += len(chunk)
                self.progress.add(nbytes=len(chunk))
                allowed = self.timeout_s + received / self.min_rate
                if time.monotonic() - started > max(allowed, self.timeout_s * 2):
                    raise tuf_exceptions.SlowRetrievalError(
                        f"{url} is slower than {self.min_rate} bytes/s"
                    )
                yield chunk

    def _fetch(self, url: str) -> Iterator[bytes]:
        response = self._open(url=url, headers={})
        return self._chunks(response=response, url=url)

    def download_resumable(
        self, *, url: str, part: Path, length: int, sha256: str
    ) -> Path:
        """Download ``url`` into ``part`` (resuming), verified; return ``part``.

        Retries a cut or stalled transfer up to ``retries`` times, each time
        from where it stopped if the server's ETag is unchanged. Raises
        `DownloadFailed` with the last reason if it cannot complete, or if the
        bytes do not have the expected size and sha256 (the part is deleted).
        """
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            try:
                if self._attempt(url=url, part=part, length=length):
                    break
            except (tuf_exceptions.DownloadError, EtagChanged) as err:
                last = err
                log.warning("download %s: attempt %d: %s", url, attempt + 1, err)
                if isinstance(err, tuf_exceptions.DownloadHTTPError):
                    break
        else:
            raise DownloadFailed(f"could not download {url}: {last}") from last
        if not part_is(part=part, length=length, sha256=sha256):
            raise DownloadFailed(
                f"{url} arrived with another size or sha256 than the signed "
                f"metadata says ({length} bytes, {sha256[:12]}…); it was damaged "
                "or altered and was discarded"
            )
        self.progress.done_objects += 1
        return part

    def _attempt(self, *, url: str, part: Path, length: int) -> bool:
        """One request; True when the part holds ``length`` bytes."""
        etag_path = part.with_name(part.name + ".etag")
        have = part.stat().st_size if part.exists() else 0
        if have > length or (have and not etag_path.exists()):
            part.unlink(missing_ok=True)
            have = 0
        if have == length:
            return True
        headers = {}
        if have:
            headers = {"Range": f"bytes={have}-", "If-Range": etag_path.read_text()}
        response = self._open(url=url, headers=headers)
        etag = response.headers.get("ETag", "")
        if response.status == 206:
            if not _resumes(response=response, have=have, etag=etag, part=part):
                response.close()
                part.unlink(missing_ok=True)
                raise EtagChanged(
                    f"{url} changed between ranges (ETag {etag}); starting over"
                )
        else:
            have = 0
        if etag:
            etag_path.write_text(etag)
        else:
            etag_path.unlink(missing_ok=True)
        return self._receive(
            response=response, url=url, part=part, have=have, length=length
        )

    def _receive(
        self, *, response: HTTPResponse, url: str, part: Path, have: int, length: int
    ) -> bool:
        with open(part, "ab" if have else "wb") as out:
            for chunk in self._chunks(response=response, url=url):
                have += len(chunk)
                if have > length:
                    out.close()
                    part.unlink(missing_ok=True)
                    part.with_name(part.name + ".etag").unlink(missing_ok=True)
                    raise DownloadFailed(
                        f"{url} sent more than the {length} bytes the signed "
                        "metadata declares; the server is faulty or hostile"
                    )
                out.write(chunk)
        if have < length:
            raise tuf_exceptions.DownloadError(
                f"{url} closed after {have} of {length} bytes"
            )
        return True


def _resumes(*, response: HTTPResponse, have: int, etag: str, part: Path) -> bool:
    etag_path = part.with_name(part.name + ".etag")
    saved = etag_path.read_text() if etag_path.exists() else ""
    content_range = response.headers.get("Content-Range", "")
    return bool(etag) and etag == saved and content_range.startswith(f"bytes {have}-")


def part_is(*, part: Path, length: int, sha256: str) -> bool:
    """Whether ``part`` has ``length`` bytes of sha256 ``sha256`` (else deleted)."""
    digest = hashlib.sha256()
    size = 0
    with open(part, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    if size == length and digest.hexdigest() == sha256:
        return True
    part.unlink(missing_ok=True)
    part.with_name(part.name + ".etag").unlink(missing_ok=True)
    log.warning("download %s: wrong size or sha256; discarded", part.name)
    return False
