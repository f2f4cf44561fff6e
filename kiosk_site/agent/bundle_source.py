"""A USB bundle as the source of a sync: the same updater, the same checks.

`bundle_open` opens a bundle written by `kiosk_site.release.bundle` and
returns a `BundleFetcher`, which answers the TUF updater's requests and the
object downloads from the tar's members instead of HTTP: a URL under the
store's base maps to the member of the same path. So every file of a bundle
passes exactly the checks a download passes (signatures, versions, cluster,
build, lengths and sha256); the bundle's own header is only read to refuse
another cluster's, an older or a truncated bundle early with a clear reason.
"""

from __future__ import annotations

import json
import logging
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tuf.api import exceptions as tuf_exceptions

from kiosk_site.agent.fetch import (
    CHUNK,
    AgentFetcher,
    DownloadFailed,
    Progress,
    part_is,
)
from kiosk_site.errors import AgentError
from kiosk_site.release.bundle import FORMAT, HEADER_NAME, MAX_HEADER_BYTES

log = logging.getLogger("kiosk_site.agent")


class BundleFetcher(AgentFetcher):
    """Reads a sync's files from an open bundle (see `bundle_open`)."""

    def __init__(self, *, path: Path, tar: tarfile.TarFile, base_url: str) -> None:
        self.path = path
        self.origin = f"bundle {path}"
        self.progress = Progress()
        self.clock_offset_s = None
        self.singles = False
        self._tar = tar
        self._base_url = base_url
        self._members = {m.name: m for m in tar.getmembers() if m.isfile()}
        self.header = self._header()
        self._complete_check()

    def _header(self) -> dict:
        info = self._members.get(HEADER_NAME)
        if info is None or info.size > MAX_HEADER_BYTES:
            raise AgentError(
                f"{self.path} has no {HEADER_NAME}; it is not a kiosk release "
                "bundle (write one with `manage.py release_bundle`)"
            )
        try:
            header = json.loads(self._read(info=info))
            if header.get("format") != FORMAT:
                raise ValueError(f"format {header.get('format')!r} is not {FORMAT!r}")
            if not isinstance(header.get("members"), list):
                raise ValueError("it lists no members")
        except (ValueError, AttributeError) as err:
            raise AgentError(f"the header of bundle {self.path} is bad: {err}") from err
        return header

    def _complete_check(self) -> None:
        size = self.path.stat().st_size
        missing = [m for m in self.header["members"] if m not in self._members]
        short = [
            m.name for m in self._members.values() if m.offset_data + m.size > size
        ]
        if missing or short:
            first = (missing + short)[0]
            raise AgentError(
                f"bundle {self.path} is truncated or damaged ({size} bytes; "
                f"{first} is missing or cut); copy it again from the CMS"
            )

    def _read(self, *, info: tarfile.TarInfo) -> bytes:
        handle = self._tar.extractfile(info)
        return b"" if handle is None else handle.read()

    def _member(self, *, url: str) -> tarfile.TarInfo | None:
        if not url.startswith(self._base_url):
            return None
        return self._members.get(url[len(self._base_url) :])

    def offers(self, *, url: str) -> bool:
        """Whether the bundle holds the file of ``url``."""
        return self._member(url=url) is not None

    def _chunks(self, *, info: tarfile.TarInfo) -> Iterator[bytes]:
        handle = self._tar.extractfile(info)
        if handle is None:
            return
        try:
            while chunk := handle.read(CHUNK):
                self.progress.add(nbytes=len(chunk))
                yield chunk
        except (OSError, tarfile.TarError) as err:
            raise tuf_exceptions.DownloadError(
                f"{self.origin}: {info.name} cannot be read: {err}"
            ) from err

    def _fetch(self, url: str) -> Iterator[bytes]:
        info = self._member(url=url)
        if info is None:  # like HTTP 404: the updater stops looking for roots
            raise tuf_exceptions.DownloadHTTPError(f"{self.origin} lacks {url}", 404)
        return self._chunks(info=info)

    def download_resumable(
        self, *, url: str, part: Path, length: int, sha256: str
    ) -> Path:
        """Copy the member of ``url`` into ``part`` if it has the signed hash."""
        info = self._member(url=url)
        if info is None:
            raise DownloadFailed(f"{self.origin} lacks {url}; write it again")
        with open(part, "wb") as out:
            for chunk in self._chunks(info=info):
                out.write(chunk)
        if not part_is(part=part, length=length, sha256=sha256):
            raise DownloadFailed(
                f"{info.name} in {self.origin} has another size or sha256 than the "
                f"signed metadata says ({length} bytes, {sha256[:12]}…); the bundle "
                "was damaged or altered; refused"
            )
        self.progress.done_objects += 1
        return part


@contextmanager
def bundle_open(*, path: Path, base_url: str) -> Iterator[BundleFetcher]:
    """Open the bundle at ``path`` as a fetcher for URLs under ``base_url``.

    Raises `AgentError` if it is not a readable, complete bundle.
    """
    try:
        tar = tarfile.open(path, "r:")
    except FileNotFoundError as err:
        raise AgentError(f"bundle {path} does not exist; check the path") from err
    except (OSError, tarfile.TarError) as err:
        raise AgentError(
            f"{path} is not a readable bundle ({err}); it may be truncated or "
            "another file; copy it again from the CMS"
        ) from err
    try:
        yield BundleFetcher(path=path, tar=tar, base_url=base_url)
    except tarfile.TarError as err:
        raise AgentError(
            f"bundle {path} is truncated or damaged ({err}); copy it again from the CMS"
        ) from err
    finally:
        tar.close()
