"""The dev server answers the agent's "no emergency" state, or the folder's
own emergency.json when a test writes one (as the agent would serve it)."""

from __future__ import annotations

import json
import threading
import urllib.request

import pytest

from kiosk_site.serve import make_server


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    srv = make_server(site, port=0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{srv.server_port}/emergency.json"
    srv.shutdown()
    srv.server_close()


def _get(url: str) -> tuple[int, str, dict]:
    with urllib.request.urlopen(url, timeout=5) as resp:
        return resp.status, resp.headers["Cache-Control"], json.load(resp)


def test_without_a_file_it_answers_no_emergency(site):
    _folder, url = site
    status, cache, body = _get(url)
    assert status == 200 and cache == "no-cache"
    assert body["emergency"] is None and body["faces_off"] == []


def test_a_file_in_the_folder_is_served_instead(site):
    folder, url = site
    state = {"version": 1, "emergency": {"id": "em-1"}, "faces_off": ["lao"]}
    (folder / "emergency.json").write_text(json.dumps(state))
    assert _get(url)[2] == state
