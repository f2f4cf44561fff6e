"""Status reports and spool uploads reach the CMS, each item exactly once."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk_site.agent.config import config_load
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.report import ReportError, agent_report, spool_upload
from kiosk_site.agent.spool import Spool
from kiosk_site.agent.sync import agent_sync
from kiosk_site.agent.tests.cms_stub import CmsStub
from kiosk_site.agent.tests.helpers import config_write
from kiosk_site.errors import AgentError
from kiosk_site.release.tests.helpers import World

TOKEN = "s3cret-bo-y"


@pytest.fixture
def cms(world: World) -> Iterator[CmsStub]:
    """The CMS stand-in for cluster bo-y."""
    with CmsStub(cluster=world.cluster, token=TOKEN) as stub:
        yield stub


def _config_path(world: World, cms: CmsStub, token: str = TOKEN) -> Path:
    token_file = world.tmp / "credential"
    token_file.write_text(token + "\n")
    return config_write(world=world, report_url=cms.url, credential_file=token_file)


def _agent(config_path: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "kiosk_site.agent", "--config", str(config_path)]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=60)


def _serve_and_post(config_path: Path, items: list[tuple[str, dict]]) -> None:
    """Start `serve` in its own process, post ``items``, then SIGKILL it."""
    command = [sys.executable, "-m", "kiosk_site.agent", "--config", str(config_path)]
    process = subprocess.Popen(
        [*command, "serve", "--port", "0"], stderr=subprocess.PIPE, text=True
    )
    try:
        line = process.stderr.readline()
        base = line.split("serving the current release on ")[1].strip()
        for path, body in items:
            request = urllib.request.Request(
                base + path.lstrip("/"), data=json.dumps(body).encode()
            )
            with urllib.request.urlopen(request, timeout=5) as response:
                assert response.status == 201
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()


def test_spooled_items_survive_a_restart_and_arrive_once_when_an_answer_is_lost(
    world: World, cms: CmsStub
) -> None:
    config_path = _config_path(world, cms)
    world.publish(version=1)
    feedback = {"id": "k1", "message": "Nhà vệ sinh ở đâu?", "kiosk": "bo-y-1"}
    play = {"face": "north", "item": "clip-7", "played_at": "2026-12-06T08:00:00Z"}
    _serve_and_post(config_path, [("/feedback", feedback), ("/play-log", play)])
    cms.record.drop_answers = 1  # recorded by the CMS, answer cut on the way back
    first = _agent(config_path, "report")
    assert first.returncode == 1
    assert "did not answer" in first.stderr
    status = json.loads(_agent(config_path, "status").stdout)
    assert status["spooled_items"] == 2
    second = _agent(config_path, "sync")  # another process: the retry
    assert second.returncode == 0, second.stderr
    assert "uploads: 0 accepted, 2 duplicate, 0 rejected, 0 left" in second.stderr
    kept = {i["kind"]: i["payload"] for i in cms.record.uploads.values()}
    assert kept == {"feedback": feedback, "play_log": play}
    assert sorted(cms.record.received.values()) == [2, 2]  # sent twice, kept once
    spool = Spool(root=Layout(root=config_load(path=config_path).data_dir).spool)
    assert spool.count() == 0
    assert cms.record.reports[-1]["running_build"] == 1


def test_the_forms_resend_after_an_upload_is_counted_once(
    world: World, cms: CmsStub
) -> None:
    config = config_load(path=_config_path(world, cms))
    spool = Spool(root=Layout(root=config.data_dir).spool)
    feedback = {"id": "k2", "message": "Cảm ơn", "kiosk": "bo-y-1"}
    spool.add(kind="feedback", payload=feedback)
    assert spool_upload(config=config).accepted == 1
    spool.add(kind="feedback", payload=feedback)  # answer lost to the browser
    outcome = spool_upload(config=config)
    assert (outcome.accepted, outcome.duplicate, outcome.left) == (0, 1, 0)
    assert len(cms.record.uploads) == 1


def test_the_report_carries_the_status_and_the_last_error(
    world: World, cms: CmsStub
) -> None:
    config = config_load(path=_config_path(world, cms))
    world.publish(version=1)
    agent_sync(config=config)
    world.server.stop()
    with pytest.raises(AgentError, match="could not fetch metadata"):
        agent_sync(config=config)
    agent_report(config=config)
    (report,) = cms.record.reports
    assert report["running_build"] == report["assigned_build"] == 1
    assert "could not fetch metadata" in report["last_error"]
    assert report["disk_free_bytes"] > 0
    assert report["agent_version"]
    assert report["sent_at"].endswith("+00:00")
    assert report["last_check"]


def test_a_rejected_item_is_set_aside_with_the_reason(
    world: World, cms: CmsStub
) -> None:
    config = config_load(path=_config_path(world, cms))
    spool = Spool(root=Layout(root=config.data_dir).spool)
    spool.add(kind="feedback", payload={"message": "ok"})
    key, _ = spool.add(kind="feedback", payload={"message": "bad", "reject": True})
    outcome = spool_upload(config=config)
    assert (outcome.accepted, outcome.rejected, outcome.left) == (1, 1, 0)
    assert (spool.rejected / f"{key}.reason.txt").read_text() == "refused"
    assert (spool.rejected / f"{key}.json").is_file()


def test_many_items_go_in_batches(world: World, cms: CmsStub) -> None:
    path = config_write(
        world=world, report_url=cms.url, credential=TOKEN, upload_batch_items=7
    )
    config = config_load(path=path)
    spool = Spool(root=Layout(root=config.data_dir).spool)
    for number in range(20):
        spool.add(kind="play_log", payload={"n": number})
    assert spool_upload(config=config).accepted == 20
    assert cms.record.batches == [7, 7, 6]
    assert sorted(i["payload"]["n"] for i in cms.record.uploads.values()) == list(
        range(20)
    )


def test_a_wrong_credential_keeps_the_items(world: World, cms: CmsStub) -> None:
    config = config_load(path=_config_path(world, cms, token="s3cret-other"))
    spool = Spool(root=Layout(root=config.data_dir).spool)
    spool.add(kind="feedback", payload={"message": "ok"})
    with pytest.raises(ReportError, match="HTTP 401"):
        spool_upload(config=config)
    assert spool.count() == 1
