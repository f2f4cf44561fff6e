"""The real agent syncs a published release from the CMS over HTTP."""

import json
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cms.releases.models import AgentReport
from cms.releases.services import (
    credential_issue,
    release_bundle_write,
    release_publish,
)
from kiosk_site.agent.config import config_load
from kiosk_site.agent.control import agent_status
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.sync import agent_install_bundle, agent_sync

from .factories import tree_bytes


def _agent_config(*, live_server, settings, token: str, folder: Path):
    folder.mkdir()
    (folder / "credential").write_text(token + "\n")
    (folder / "agent.ini").write_text(
        "[agent]\n"
        f"server_url = {live_server.url}/api/agent/v1/clusters/\n"
        "cluster = bo-y\n"
        "credential_file = credential\n"
        f"root = {settings.RELEASE_ROOT_METADATA}\n"
        "data_dir = data\n"
        "timeout_s = 5\n"
        "retries = 1\n"
        "min_free_bytes = 0\n"
    )
    return config_load(path=folder / "agent.ini")


@pytest.mark.django_db(transaction=True)
def test_the_agent_installs_the_published_site_byte_for_byte(
    live_server, settings, cluster, built_site, tmp_path
):
    release_publish(cluster=cluster)
    token = credential_issue(cluster=cluster).token
    config = _agent_config(
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
    answer = _post_report(live_server=live_server, token=token, status=status)
    report = AgentReport.objects.get()
    assert (report.running_build, report.assigned_build) == (2, 2)
    assert report.agent_version == status["agent_version"]
    assert answer["assigned_build"] == 2 and abs(answer["clock_offset_s"]) < 5


def _post_report(*, live_server, token: str, status: dict) -> dict:
    sent_at = datetime.now(UTC).isoformat()
    request = urllib.request.Request(
        f"{live_server.url}/api/agent/v1/clusters/bo-y/report",
        data=json.dumps({**status, "sent_at": sent_at}).encode(),
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
    config = _agent_config(
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
