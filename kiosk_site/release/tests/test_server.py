"""The test server answers ranges like a static server and checks credentials."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk_site.release.server import ReleaseServer


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ReleaseServer]:
    (tmp_path / "bo-y" / "objects").mkdir(parents=True)
    (tmp_path / "bo-y" / "objects" / "f").write_bytes(bytes(range(100)))
    (tmp_path / "bo-y" / "builds").mkdir()
    (tmp_path / "bo-y" / "builds" / "1.json").write_text("{}")
    with ReleaseServer(store_dir=tmp_path) as running:
        yield running


def _get(url: str, **headers: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as r:
            return r.status, r.read(), dict(r.headers)
    except urllib.error.HTTPError as err:
        return err.code, b"", {}


def test_range_with_a_matching_if_range_is_partial(server: ReleaseServer) -> None:
    url = server.url + "bo-y/objects/f"
    _status, _body, headers = _get(url)
    status, body, got = _get(url, Range="bytes=90-", **{"If-Range": headers["ETag"]})
    assert (status, body) == (206, bytes(range(90, 100)))
    assert got["Content-Range"] == "bytes 90-99/100"


def test_range_with_a_stale_if_range_is_the_whole_file(server: ReleaseServer) -> None:
    status, body, _ = _get(
        server.url + "bo-y/objects/f", Range="bytes=90-", **{"If-Range": '"old"'}
    )
    assert (status, len(body)) == (200, 100)


def test_only_served_folders_are_reachable(server: ReleaseServer) -> None:
    assert _get(server.url + "bo-y/builds/1.json")[0] == 404
    assert _get(server.url + "bo-y/objects/../builds/1.json")[0] == 404


def test_a_cluster_credential_reads_its_own_cluster_only(
    server: ReleaseServer,
) -> None:
    server.credentials = {"token-bo-y": "bo-y", "token-other": "ma-lu-thang"}
    url = server.url + "bo-y/objects/f"
    assert _get(url)[0] == 403
    assert _get(url, Authorization="Bearer token-other")[0] == 403
    assert _get(url, Authorization="Bearer token-bo-y")[0] == 200
