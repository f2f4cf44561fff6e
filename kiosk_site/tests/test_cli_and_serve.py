import json
import threading
import urllib.error
import urllib.request

import pytest

from bench.sample import make_snapshot
from kiosk_site.__main__ import main
from kiosk_site.serve import make_server


def test_build_command_prints_what_it_rendered(tmp_path, capsys, warm_out):
    snap = make_snapshot(tmp_path / "snap", locales=("vi", "km"), pages_per_locale=12)
    out = warm_out("site")
    assert main(["build", "--snapshot", str(snap), "--out", str(out)]) == 0
    assert "rendered 24 of 24 pages" in capsys.readouterr().out
    assert (out / "km" / "index.html").exists()


def test_build_command_refuses_invalid_snapshot_with_exit_code_1(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": 1}), encoding="utf-8")
    assert main(["build", "--snapshot", str(bad), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "is invalid at $" in err and "must contain" in err


def test_keygen_writes_a_private_key_and_refuses_to_replace_it(tmp_path, capsys):
    assert main(["keygen", "--out", str(tmp_path)]) == 0
    key = tmp_path / "release-signing-key.pem"
    root = json.loads((tmp_path / "root.json").read_text())
    assert key.stat().st_mode & 0o777 == 0o600
    assert root["signed"]["_type"] == "root"
    assert str(key) in capsys.readouterr().out
    before = key.read_bytes()
    assert main(["keygen", "--out", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert key.read_bytes() == before


def test_serve_refuses_a_folder_without_a_site(tmp_path, capsys):
    assert main(["serve", str(tmp_path), "--port", "0"]) == 2
    assert "has no index.html" in capsys.readouterr().err


@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site"
    (site / ".kiosk-build").mkdir(parents=True)
    (site / ".kiosk-build" / "state.json").write_text("{}")
    (site / "index.html").write_text("<!DOCTYPE html><title>k</title>")
    srv = make_server(site, port=0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_port}", tmp_path / "feedback.jsonl"
    srv.shutdown()
    srv.server_close()


def _post(url, body: bytes):
    req = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    return urllib.request.urlopen(req, timeout=5)


def test_feedback_is_appended_as_a_json_line(server):
    url, log = server
    msg = {"id": "a1", "message": "Bản đồ cổng 2 bị sai", "language": "vi"}
    with _post(url + "/feedback", json.dumps(msg).encode()) as resp:
        assert resp.status == 201
    line = json.loads(log.read_text(encoding="utf-8").splitlines()[0])
    assert line["message"] == "Bản đồ cổng 2 bị sai" and "received_at" in line


def test_empty_feedback_is_refused(server):
    url, log = server
    with pytest.raises(urllib.error.HTTPError) as err:
        _post(url + "/feedback", json.dumps({"message": " "}).encode())
    assert err.value.code == 400
    assert not log.exists()


def test_build_state_is_never_served(server):
    url, _log = server
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(url + "/.kiosk-build/state.json", timeout=5)
    assert err.value.code == 404
