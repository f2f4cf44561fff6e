"""`serve` answers from the current release and spools feedback and play logs."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from kiosk_site.agent.config import AgentConfig, config_load
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.serve import server_make
from kiosk_site.agent.spool import Spool
from kiosk_site.agent.sync import agent_sync
from kiosk_site.agent.tests.helpers import config_write
from kiosk_site.release.tests.helpers import World


@pytest.fixture
def config(world: World) -> AgentConfig:
    """The agent's config with a low feedback rate."""
    return config_load(path=config_write(world=world, feedback_per_minute=3))


@contextmanager
def serving(*, config: AgentConfig) -> Iterator[str]:
    """The agent's server, started on a free port; yields its base URL."""
    server = server_make(config=config, port=0)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def base(config: AgentConfig) -> Iterator[str]:
    """The base URL of the agent's server for ``config``."""
    with serving(config=config) as url:
        yield url


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _post(url: str, body: object) -> tuple[int, dict]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json"}
    )
    status, answer = _get_request(request)
    return status, json.loads(answer)


def _get_request(request: urllib.request.Request) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _feedback(number: int, kiosk: str = "bo-y-1") -> dict:
    return {"id": f"f{number}", "message": f"Cảm ơn {number}", "kiosk": kiosk}


def _spooled(config: AgentConfig) -> list[dict]:
    spool = Spool(root=Layout(root=config.data_dir).spool)
    return [item.as_upload() for item in spool.oldest(limit=100)]


def test_the_current_release_is_served_and_a_switch_is_seen_at_once(
    world: World, config: AgentConfig, base: str
) -> None:
    assert _get(f"{base}/index.html")[0] == 503  # nothing installed yet
    world.publish(version=1)
    agent_sync(config=config)
    site = world.sites[1]
    assert _get(f"{base}/vi/page-1.html") == (
        200,
        (site / "vi/page-1.html").read_bytes(),
    )
    world.publish(version=2)
    agent_sync(config=config)
    page = (world.sites[2] / "vi/page-1.html").read_bytes()
    assert b"v2" in page
    assert _get(f"{base}/vi/page-1.html") == (200, page)


def test_folders_and_dot_paths_are_not_listed_or_served(
    world: World, config: AgentConfig, base: str
) -> None:
    world.publish(version=1)
    agent_sync(config=config)
    assert _get(f"{base}/vi/")[0] == 404
    assert _get(f"{base}/../state.json")[0] in (400, 404)
    assert _get(f"{base}/.staging-x/index.html")[0] == 404


def test_feedback_is_spooled_with_a_key_before_the_answer(
    config: AgentConfig, base: str
) -> None:
    status, answer = _post(f"{base}/feedback", _feedback(1))
    assert status == 201
    (item,) = _spooled(config)
    assert item["idempotency_key"] == answer["idempotency_key"]
    assert (item["kind"], item["payload"]) == ("feedback", _feedback(1))
    again = _post(f"{base}/feedback", _feedback(1))  # the form's resend
    assert again == (200, answer)
    assert len(_spooled(config)) == 1


def test_a_play_log_is_spooled(config: AgentConfig, base: str) -> None:
    entry = {"face": "north", "item": "clip-7", "played_at": "2026-12-06T08:00:00Z"}
    status, answer = _post(f"{base}/play-log", entry)
    assert status == 201
    (item,) = _spooled(config)
    assert (item["kind"], item["payload"]) == ("play_log", entry)


def test_a_player_error_is_logged_not_spooled(
    config: AgentConfig, base: str, caplog
) -> None:
    report = {"face": "lao", "src": "/media/abc.mp4", "reason": "decode error"}
    with caplog.at_level("WARNING", logger="kiosk_site.agent"):
        status, answer = _post(f"{base}/player-error", report)
    assert (status, answer) == (202, {"logged": True})
    assert "face lao skipped /media/abc.mp4: decode error" in caplog.text
    assert _spooled(config) == []


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (b"{not json", 400, "not JSON"),
        ({"message": "  "}, 400, "message is empty"),
        ([1, 2], 400, "JSON object"),
        ({"message": "x" * 100_000}, 413, "over 65536"),
    ],
)
def test_bad_feedback_is_refused_and_not_spooled(
    config: AgentConfig, base: str, body: object, status: int, reason: str
) -> None:
    got, answer = _post(f"{base}/feedback", body)
    assert got == status
    assert reason in answer["error"]
    assert _spooled(config) == []


def test_a_flooding_kiosk_gets_429_and_others_are_served(
    config: AgentConfig, base: str
) -> None:
    for number in range(3):
        assert _post(f"{base}/feedback", _feedback(number))[0] == 201
    status, answer = _post(f"{base}/feedback", _feedback(9))
    assert status == 429
    assert "kiosk 'bo-y-1' sent more than 3 feedback items a minute" in answer["error"]
    assert _post(f"{base}/feedback", _feedback(9, kiosk="bo-y-2"))[0] == 201
    assert len(_spooled(config)) == 4


def test_a_full_spool_answers_507(world: World) -> None:
    config = config_load(path=config_write(world=world, spool_max_items=1))
    Spool(root=Layout(root=config.data_dir).spool).add(
        kind="feedback", payload=_feedback(1)
    )
    with serving(config=config) as base:
        status, answer = _post(f"{base}/feedback", _feedback(2))
    assert status == 507
    assert "spool_max_items" in answer["error"]
    assert len(_spooled(config)) == 1
