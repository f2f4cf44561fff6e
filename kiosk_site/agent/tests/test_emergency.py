"""The agent keeps only emergency states signed by the province key, newest first,
and serves the last good one at /emergency.json."""

from __future__ import annotations

import base64
import json
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk_site.agent.cli import main
from kiosk_site.agent.config import AgentConfig, config_load
from kiosk_site.agent.emergency import emergency_poll, emergency_public
from kiosk_site.agent.emergency_format import StateRefused
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.serve import server_make
from kiosk_site.agent.sync import agent_sync
from kiosk_site.agent.tests.emergency_stub import (
    EmergencyStub,
    message_emergency,
    signed_state,
)
from kiosk_site.agent.tests.helpers import config_write
from kiosk_site.errors import AgentError
from kiosk_site.release.keys import keygen
from kiosk_site.release.tests.helpers import World

TOKEN = "emergency-test-token"


@pytest.fixture
def cms(world: World) -> Iterator[EmergencyStub]:
    with EmergencyStub(cluster=world.cluster, token=TOKEN) as stub:
        yield stub


@pytest.fixture
def config(world: World, cms: EmergencyStub) -> AgentConfig:
    path = config_write(world=world, report_url=cms.url, credential=TOKEN)
    return config_load(path=path)


def _kept(config: AgentConfig) -> dict:
    return json.loads(Layout(root=config.data_dir).emergency.read_text())


def _accepted(cms: EmergencyStub, config: AgentConfig, world: World, **kw) -> None:
    cms.envelope = signed_state(key_path=world.keys.private_key, **kw)
    assert emergency_poll(config=config).action == "accepted"


def test_a_signed_state_is_kept_and_served_in_the_contract_shape(
    world: World, cms: EmergencyStub, config: AgentConfig
) -> None:
    _accepted(
        cms, config, world, sequence=7, emergency=message_emergency(), faces_off=["lao"]
    )

    assert _kept(config)["sequence"] == 7
    public = emergency_public(layout=Layout(root=config.data_dir))
    assert public == {
        "version": 1,
        "updated_at": "2026-12-07T08:00:00+07:00",
        "emergency": message_emergency(),
        "faces_off": ["lao"],
    }
    assert emergency_poll(config=config).action == "unchanged"


def _tampered(envelope: dict) -> dict:
    payload = json.loads(base64.b64decode(envelope["payload"]))
    payload["faces_off"] = ["lao", "khm"]
    encoded = base64.b64encode(json.dumps(payload).encode()).decode()
    return {**envelope, "payload": encoded}


def _wrong_key(world: World) -> dict:
    other = keygen(out_dir=world.tmp / "other-keys")
    return signed_state(key_path=other.private_key, sequence=9)


@pytest.mark.parametrize(
    ("make_bad", "reason"),
    [
        (
            lambda world: _tampered(
                signed_state(key_path=world.keys.private_key, sequence=9)
            ),
            "not signed by the province key",
        ),
        (_wrong_key, "not signed by the province key"),
        (
            lambda world: {
                **signed_state(key_path=world.keys.private_key, sequence=9),
                "signatures": [],
            },
            "carries no signature",
        ),
        (
            lambda world: signed_state(
                key_path=world.keys.private_key, sequence=9, cluster="le-thanh"
            ),
            "is for cluster 'le-thanh'",
        ),
        (
            lambda world: signed_state(
                key_path=world.keys.private_key, sequence=9, faces_off="lao"
            ),
            "faces_off is not a list",
        ),
    ],
    ids=["tampered", "wrong-key", "unsigned", "other-cluster", "malformed"],
)
def test_a_bad_state_is_refused_and_the_last_good_one_kept(
    world: World, cms: EmergencyStub, config: AgentConfig, make_bad, reason: str
) -> None:
    _accepted(cms, config, world, sequence=5, emergency=message_emergency())
    cms.envelope = make_bad(world)

    with pytest.raises(StateRefused, match=reason):
        emergency_poll(config=config)

    kept = _kept(config)
    assert (kept["sequence"], kept["faces_off"]) == (5, [])
    assert kept["emergency"]["id"] == "em-12"


def test_a_replayed_older_state_is_refused(
    world: World, cms: EmergencyStub, config: AgentConfig
) -> None:
    _accepted(cms, config, world, sequence=5, faces_off=["lao"])
    older = signed_state(key_path=world.keys.private_key, sequence=4, faces_off=[])
    cms.envelope = older

    with pytest.raises(
        StateRefused, match=r"older than state 5 \(.*\) already accepted"
    ):
        emergency_poll(config=config)
    assert _kept(config)["faces_off"] == ["lao"]

    _accepted(cms, config, world, sequence=6, faces_off=[])
    assert _kept(config)["faces_off"] == []


def test_an_unreachable_or_refusing_cms_keeps_the_last_state(
    world: World, cms: EmergencyStub, config: AgentConfig
) -> None:
    _accepted(cms, config, world, sequence=5, emergency=message_emergency())
    wrong_token = config_load(
        path=config_write(world=world, report_url=cms.url, credential="stolen")
    )
    with pytest.raises(AgentError, match="HTTP 401"):
        emergency_poll(config=wrong_token)
    offline = config_load(
        path=config_write(world=world, report_url="http://127.0.0.1:9/")
    )
    with pytest.raises(AgentError, match="did not answer"):
        emergency_poll(config=offline)
    assert _kept(config)["sequence"] == 5


# --- serve ------------------------------------------------------------------------


def _get(url: str) -> tuple[int, str, dict]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return (
            response.status,
            response.headers["Cache-Control"],
            json.loads(response.read()),
        )


@pytest.fixture
def base(config: AgentConfig) -> Iterator[str]:
    server = server_make(config=config, port=0)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_serve_answers_the_empty_form_before_any_state_or_release(base: str) -> None:
    assert _get(f"{base}/emergency.json") == (
        200,
        "no-cache",
        {"version": 1, "updated_at": None, "emergency": None, "faces_off": []},
    )


def test_serve_answers_the_kept_state_and_null_once_until_has_passed(
    world: World, cms: EmergencyStub, config: AgentConfig, base: str
) -> None:
    running = message_emergency(until="2099-01-01T00:00:00+07:00")
    _accepted(cms, config, world, sequence=3, emergency=running, faces_off=["lao"])
    status, cache, body = _get(f"{base}/emergency.json")
    assert (status, cache, body["emergency"], body["faces_off"]) == (
        200,
        "no-cache",
        running,
        ["lao"],
    )

    a_minute_ago = datetime.now(UTC) - timedelta(minutes=1)
    ended = message_emergency(until=a_minute_ago.isoformat(timespec="seconds"))
    _accepted(cms, config, world, sequence=4, emergency=ended, faces_off=["lao"])
    assert _get(f"{base}/emergency.json")[2]["emergency"] is None
    assert _get(f"{base}/emergency.json")[2]["faces_off"] == ["lao"]


def test_a_programme_keeps_only_the_faces_whose_file_the_running_release_holds(
    world: World, cms: EmergencyStub, config: AgentConfig, base: str
) -> None:
    programme = {
        "programme_id": 42,
        "faces": {
            "lao": {"src": "/media/clip.mp4", "sha256": "ab" * 32, "duration_s": 30.0},
            "khm": {"src": "/media/absent.mp4", "sha256": "cd" * 32, "duration_s": 9},
        },
    }
    _accepted(
        cms, config, world, sequence=3, emergency=message_emergency(programme=programme)
    )
    assert _get(f"{base}/emergency.json")[2]["emergency"]["programme"] is None

    world.publish(version=1)
    agent_sync(config=config)
    served = _get(f"{base}/emergency.json")[2]["emergency"]["programme"]
    assert served == {"programme_id": 42, "faces": {"lao": programme["faces"]["lao"]}}


# --- the 60 s path ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "accepted"),
    [("0.9", False), ("1", True), ("15", True), ("30", True), ("30.1", False)],
)
def test_the_emergency_poll_interval_is_kept_within_1_to_30_s(
    world: World, value: str, accepted: bool
) -> None:
    path = config_write(world=world, emergency_interval_s=value)
    if accepted:
        assert config_load(path=path).emergency_interval_s == float(value)
    else:
        with pytest.raises(AgentError, match="between 1 and 30"):
            config_load(path=path)


def test_the_default_emergency_poll_interval_is_15_s(world: World) -> None:
    assert config_load(path=config_write(world=world)).emergency_interval_s == 15.0


def test_watch_polls_the_emergency_state_while_a_slow_download_runs(
    world: World, cms: EmergencyStub
) -> None:
    config_path = config_write(
        world=world,
        report_url=cms.url,
        credential=TOKEN,
        emergency_interval_s=1,
        timeout_s=20,
    )
    cms.envelope = signed_state(key_path=world.keys.private_key, sequence=1)
    world.publish(version=1)
    world.server.faults.throttle_bytes_per_s = 20_000  # the video takes ~15 s
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk_site.agent", "--config", str(config_path)]
        + ["sync", "--watch"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    try:
        _wait_for(process=process, lines=lines, text="emergency state 1 accepted")
        started = time.monotonic()
        cms.envelope = signed_state(
            key_path=world.keys.private_key, sequence=2, faces_off=["lao"]
        )
        _wait_for(process=process, lines=lines, text="emergency state 2 accepted")
        delay = time.monotonic() - started
    finally:
        process.send_signal(signal.SIGTERM)
        process.kill()
        process.communicate(timeout=20)
    log = "".join(lines)
    assert "switched to release" not in log, log  # the download was still running
    assert delay < 2.5, log  # one 1 s interval, plus the request
    assert _kept(config_load(path=config_path))["faces_off"] == ["lao"]


def _wait_for(*, process: subprocess.Popen, lines: list[str], text: str) -> None:
    for line in process.stderr:
        lines.append(line)
        if text in line:
            return
    raise AssertionError("".join(lines))


def test_the_data_folder_keeps_the_state_as_one_file(
    world: World, cms: EmergencyStub, config: AgentConfig
) -> None:
    _accepted(cms, config, world, sequence=2)
    names = {path.name for path in Path(config.data_dir).iterdir()}
    assert "emergency.json" in names
    assert not [name for name in names if name.endswith(".tmp")]


def test_the_emergency_command_polls_once_and_prints_the_served_state(
    world: World, cms: EmergencyStub, capsys
) -> None:
    path = config_write(world=world, report_url=cms.url, credential=TOKEN)
    cms.envelope = signed_state(
        key_path=world.keys.private_key, sequence=4, faces_off=["lao"]
    )

    assert main(["--config", str(path), "emergency"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("accepted: state 4\n")
    assert json.loads(out.split("\n", 1)[1])["faces_off"] == ["lao"]

    cms.envelope = _wrong_key(world)
    assert main(["--config", str(path), "emergency"]) == 1
    assert "not signed by the province key" in capsys.readouterr().err
