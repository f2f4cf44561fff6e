"""The real agent uploads spooled play logs; the export of them verifies."""

import subprocess
import sys

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.broadcasting.proof.models import PlayRecord
from cms.releases.services import credential_issue
from cms.releases.tests.factories import agent_config_make
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.report import spool_upload
from kiosk_site.agent.spool import Spool

from .factories import cluster_make
from .proof_helpers import face_make, play


@pytest.mark.django_db(transaction=True)
def test_plays_spooled_by_the_agent_reach_the_chain_once_and_verify(
    live_server, settings, signing_key, tmp_path
):
    cluster = cluster_make("bo-y")
    face_make(cluster)
    token = credential_issue(cluster=cluster).token
    config = agent_config_make(
        live_server=live_server, settings=settings, token=token, folder=tmp_path / "pc"
    )
    spool = Spool(root=Layout(root=config.data_dir).spool)
    for n, ad in enumerate((False, True, False)):
        spool.add(
            kind="play_log",
            payload=play(f"2026-11-24T08:0{n}:00+07:00", advertising=ad)
            | {"id": f"p-{n}"},
        )

    sent = spool_upload(config=config)
    spool.add(
        kind="play_log", payload=play("2026-11-24T08:00:00+07:00") | {"id": "p-0"}
    )
    again = spool_upload(config=config)

    assert (sent.accepted, sent.rejected) == (3, 0)
    assert (again.accepted, again.duplicate) == (0, 1)  # resent: recorded once
    records = list(PlayRecord.objects.order_by("seq"))
    assert [(r.seq, r.advertising) for r in records] == [
        (1, False),
        (2, True),
        (3, False),
    ]
    today = timezone.localdate()
    out = tmp_path / "proof.csv"
    call_command(
        "proof_export",
        *("--cluster", "bo-y", "--from", str(today), "--to", str(today)),
        *("--format", "csv", "--out", str(out)),
    )
    result = subprocess.run(
        [sys.executable, "-m", "cms.broadcasting.proof.verify", str(out)]
        + ["--root", str(signing_key.root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "OK: 3 records (seq 1–3)" in result.stdout
