"""The real agent syncs a published release from the CMS over HTTP."""

import json
import urllib.request
from datetime import UTC, datetime

import pytest

from cms.releases.models import AgentReport, AgentUpload
from cms.releases.services import (
    credential_issue,
    release_bundle_write,
    release_publish,
)
from kiosk_site.agent.control import agent_status
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.report import agent_report, spool_upload
from kiosk_site.agent.spool import Spool
from kiosk_site.agent.sync import agent_install_bundle, agent_sync

from .factories import agent_config_make, tree_bytes


@pytest.mark.django_db(transaction=True)
def test_the_agent_installs_the_published_site_byte_for_byte(
    live_server, settings, cluster, built_site, tmp_path
):
    release_publish(cluster=cluster)
    token = credential_issue(cluster=cluster).token
    config = agent_config_make(
        live_server=live_server, settings=settings, token=token, folder=tmp_path / "pc"
    )

    first = agent_sync(config=config)

    layout = Layout(root=config.data_dir)
    assert (first.action, first.build) == ("installed", 1)
    active = layout.releases / layout.current_name()
    assert tree_bytes(folder=active) == tree_bytes(folder=built_site)

    (built_site / "vi" / "page-1.html").write_text("bản mới", encoding="utf-8")
    release_publish(cluster=cluster)
    second = agent_sync(config=config)
    assert (second.action, second.build) == ("installed", 2)
    active = layout.releases / layout.current_name()
    assert tree_bytes(folder=active) == tree_bytes(folder=built_site)

    status = agent_status(config=config)
    sent = {**status, "sent_at": datetime.now(UTC).isoformat()}
    answer = _post(live_server=live_server, token=token, path="report", body=sent)
    report = AgentReport.objects.get()
    assert (report.running_build, report.assigned_build) == (2, 2)
    assert report.agent_version == status["agent_version"]
    assert answer["assigned_build"] == 2 and abs(answer["clock_offset_s"]) < 5


def _post(*, live_server, token: str, path: str, body: dict) -> dict:
    request = urllib.request.Request(
        f"{live_server.url}/api/agent/v1/clusters/bo-y/{path}",
        data=json.dumps(body).encode(),
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


@pytest.mark.django_db
def test_a_usb_bundle_installs_like_a_download(settings, cluster, built_site, tmp_path):
    release_publish(cluster=cluster)
    bundle = tmp_path / "usb" / "bo-y.tar"
    release_bundle_write(cluster=cluster, out_path=bundle)
    # The cluster PC has no link: its config still names a server it never reaches.
    config = agent_config_make(
        live_server=type("Offline", (), {"url": "http://127.0.0.1:9"}),
        settings=settings,
        token="unused",
        folder=tmp_path / "pc",
    )

    outcome = agent_install_bundle(config=config, bundle=bundle)

    assert outcome.build == 1
    layout = Layout(root=config.data_dir)
    active = layout.releases / layout.current_name()
    assert tree_bytes(folder=active) == tree_bytes(folder=built_site)


@pytest.mark.django_db(transaction=True)
def test_spooled_feedback_and_play_log_arrive_exactly_once(
    live_server, settings, cluster, tmp_path
):
    token = credential_issue(cluster=cluster).token
    config = agent_config_make(
        live_server=live_server, settings=settings, token=token, folder=tmp_path / "pc"
    )
    spool = Spool(root=Layout(root=config.data_dir).spool)
    feedback, _ = spool.add(
        kind="feedback", payload={"kiosk": "k1", "id": "f-1", "text": "Cảm ơn"}
    )
    play, _ = spool.add(
        kind="play_log",
        payload={
            "id": "p-1",
            "face": "kiosk",
            "programme_id": 7,
            "rendition_sha256": "cd" * 32,
            "started_at": "2026-11-24T08:00:00+07:00",
            "ended_at": "2026-11-24T08:00:30+07:00",
            "kind": "scheduled",
            "advertising": False,
        },
    )
    # A first upload reached the CMS but its answer was lost on the way back.
    lost = [item.as_upload() for item in spool.oldest(limit=10)]
    _post(live_server=live_server, token=token, path="uploads", body={"items": lost})

    retried = spool_upload(config=config)
    after_restart = spool_upload(config=config)
    agent_report(config=config)

    assert (retried.accepted, retried.duplicate, retried.left) == (0, 2, 0)
    assert (after_restart.accepted, after_restart.duplicate) == (0, 0)
    kept = AgentUpload.objects.filter(cluster=cluster)
    assert sorted(kept.values_list("idempotency_key", "kind")) == sorted(
        [(feedback, "feedback"), (play, "play_log")]
    )
    assert kept.get(kind="feedback").payload["text"] == "Cảm ơn"
    report = AgentReport.objects.get(cluster=cluster)
    assert report.clock_offset_s is not None and abs(report.clock_offset_s) < 5
