"""The dev server takes the LED player's POSTs as the agent would."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest

from kiosk_site.serve import make_server

PLAY = {
    "face": "lao",
    "programme_id": 42,
    "rendition_sha256": "a" * 64,
    "started_at": "2026-12-07T07:00:00.250+07:00",
    "ended_at": "2026-12-07T07:00:30.250+07:00",
    "kind": "scheduled",
    "advertising": False,
}


@pytest.fixture
def url(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!DOCTYPE html><title>k</title>")
    srv = make_server(site, port=0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


def _post(url: str, body: bytes) -> int:
    req = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        return resp.status


def _lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_plays_and_player_errors_are_appended_as_json_lines(url, tmp_path):
    assert _post(url + "/play-log", json.dumps(PLAY).encode()) == 201
    assert _post(url + "/play-log", json.dumps({**PLAY, "kind": "emergency"}).encode())
    error = {"face": "lao", "src": "/media/x.mp4", "reason": "media error 4"}
    assert _post(url + "/player-error", json.dumps(error).encode()) == 201
    plays = _lines(tmp_path / "play-log.jsonl")
    assert [p["kind"] for p in plays] == ["scheduled", "emergency"]
    assert plays[0]["rendition_sha256"] == "a" * 64 and "received_at" in plays[0]
    assert _lines(tmp_path / "player-errors.jsonl")[0]["reason"] == "media error 4"
    assert not (tmp_path / "feedback.jsonl").exists()


@pytest.mark.parametrize("body", [b"[1, 2]", b"{}", b"not json"])
def test_a_play_that_is_not_a_json_object_is_refused(url, tmp_path, body):
    with pytest.raises(urllib.error.HTTPError) as err:
        _post(url + "/play-log", body)
    assert err.value.code == 400
    assert not (tmp_path / "play-log.jsonl").exists()
