"""An emergency issued in the CMS reaches the LED player through the real agent,
and the plays come back to the CMS as a verifiable proof-of-play chain.

Every part is real: the CMS (``live_server``) has cluster bo-y with its LED
face "lao" (160×90, muted, so Chromium plays it without the autoplay flag), an
airtime policy 07:00–11:00 and 14:00–18:00 and a live programme whose face
rendition is a 1 s clip; the CMS builds the kiosk from its own snapshot (its
``led`` section included) and publishes it as a signed release. The real agent
syncs and serves it; Chromium opens the agent's ``/led/lao/`` at 08:00 local
time (page clock). The head of board issues an emergency in Vietnamese and Lao;
after one agent poll the player must show it within 5 s, then the Lao text;
after the cancel and a poll the schedule resumes. The player's plays (emergency
included) are spooled by the agent and uploaded: each becomes one PlayRecord in
the cluster's chain. ``manage.py proof_export`` writes JSON and CSV that the
stand-alone verifier (``python -m cms.broadcasting.proof.verify``) accepts; one
record changed in the file, or in the database before an export, makes it fail
naming that record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import subprocess
import sys
import time
import zoneinfo

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from cms.broadcasting.models import PolicyCluster
from cms.broadcasting.proof.models import PlayRecord
from cms.broadcasting.tests.factories import ALL_DAYS, policy_make
from cms.broadcasting.tests.playlist_helpers import programme_make, renditions_make
from cms.clusters.models import LedFace
from cms.editorial.models import Role
from cms.emergency.services import emergency_cancel, emergency_issue
from cms.emergency.tests.conftest import province_keys, release_settings
from cms.headless.tests.factories import ClusterFactory, site_home, tree_roots
from cms.kiosks.services import kiosk_build
from cms.programmes.models import Rendition
from cms.releases.services import credential_issue, release_publish
from cms.releases.tests.factories import user
from kiosk_site.agent.emergency import emergency_poll
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.report import spool_upload
from kiosk_site.agent.spool import Spool
from kiosk_site.tests.led_sample import clip

from .conftest import ROOT

__all__ = ["province_keys", "release_settings"]  # fixtures shared with cms/emergency

pytestmark = pytest.mark.usefixtures("orm_beside_playwright")

ZONE = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
MESSAGES = {
    "vi": ("Cảnh báo lũ quét", "Không qua cầu tràn Đắk Xú."),
    "lo": ("ແຈ້ງເຕືອນນ້ຳຖ້ວມ", "ຢ່າຂ້າມຂົວ."),
}


@pytest.fixture
def cms_cluster(settings):
    """bo-y with face "lao", airtime, a 1 s programme, and a published release
    the CMS built from its own snapshot; the agent's credential."""
    tree_roots()
    site_home()
    cluster = ClusterFactory(code="bo-y", languages=["vi", "lo"])
    LedFace.objects.filter(cluster=cluster).update(
        width_px=160, height_px=90, has_sound=False
    )
    policy = policy_make(
        regulation="kon_tum",
        windows={ALL_DAYS: [("07:00", "11:00"), ("14:00", "18:00")]},
    )
    PolicyCluster.objects.create(policy=policy, cluster=cluster)
    programme = programme_make("Bản tin biên giới")
    (rendition,) = renditions_make(programme, seconds=1.0)
    video = clip(seconds=1, colour="blue", size="160x90")
    rendition.file.save("r-bien-gioi.mp4", ContentFile(video), save=False)
    rendition.sha256 = hashlib.sha256(video).hexdigest()
    rendition.save()
    kiosk_build(cluster=cluster, workers=1)
    release_publish(cluster=cluster)
    return cluster, credential_issue(cluster=cluster).token


def _spooled(config) -> list:
    spool = Spool(root=Layout(root=config.data_dir).spool)
    return [item for item in spool.oldest(limit=1000) if item.kind == "play_log"]


def _wait_for(page, condition, *, timeout_s: float, what: str) -> float:
    """Seconds until ``condition()`` holds; fails naming ``what`` after timeout_s.

    Waits through the page, so Playwright keeps routing its requests (the
    offsite guard) meanwhile; a plain sleep would hold them.
    """
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < timeout_s, f"{what}: not within {timeout_s} s"
        page.wait_for_timeout(50)
    return time.monotonic() - start


def _message(page) -> dict:
    return page.evaluate(
        """() => { const box = document.querySelector('.led-message');
            return {hidden: box.hidden, lang: box.getAttribute('lang'),
                    title: box.querySelector('.led-title').textContent}; }"""
    )


def _playing(page) -> bool:
    return page.evaluate(
        """() => [...document.querySelectorAll('video')].some(
            v => !v.paused && !v.hidden && v.currentTime > 0)"""
    )


def _verify(path, root) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cms.broadcasting.proof.verify", str(path)]
        + ["--root", str(root)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _export(cluster, out, fmt: str) -> None:
    today = timezone.localdate()
    call_command(
        "proof_export",
        "--cluster",
        cluster.code,
        "--from",
        str(today - dt.timedelta(days=1)),
        "--to",
        str(today),
        "--format",
        fmt,
        "--out",
        str(out),
        stdout=io.StringIO(),
    )


def _show_the_emergency_then_resume(page, config, cluster, head) -> float:
    """Issue, poll, see it (both languages), cancel, poll, see the schedule."""
    order = emergency_issue(user=head, clusters=[cluster], messages=MESSAGES)
    assert emergency_poll(config=config).action == "accepted"
    shown = _wait_for(
        page, lambda: not _message(page)["hidden"], timeout_s=5, what="emergency shown"
    )
    assert _message(page) == {
        "hidden": False,
        "lang": "vi",
        "title": "Cảnh báo lũ quét",
    }
    assert not _playing(page), "the schedule still plays under the emergency"
    page.clock.run_for(6_500)  # messages alternate every 6 s
    _wait_for(page, lambda: _message(page)["lang"] == "lo", timeout_s=3, what="Lao")
    assert _message(page)["title"] == "ແຈ້ງເຕືອນນ້ຳຖ້ວມ"

    emergency_cancel(user=head, order=order)
    assert emergency_poll(config=config).action == "accepted"
    _wait_for(
        page, lambda: _message(page)["hidden"], timeout_s=5, what="emergency gone"
    )
    _wait_for(page, lambda: _playing(page), timeout_s=10, what="schedule resumed")
    return shown


def _upload_twice(config) -> tuple[list, object, object]:
    """The spooled plays; the upload of them; a second upload of the first
    play spooled again, as after a lost answer."""
    spooled = _spooled(config)
    sent = spool_upload(config=config)
    spool = Spool(root=Layout(root=config.data_dir).spool)
    spool.add(kind="play_log", payload=spooled[0].payload)
    return spooled, sent, spool_upload(config=config)


def _tamper_db(cluster, seq: int) -> None:
    """Change a stored record as someone with database access could, past the
    model's append-only guard."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {PlayRecord._meta.db_table} SET advertising = %s "
            "WHERE cluster_id = %s AND seq = %s",
            [True, cluster.pk, seq],
        )


@pytest.mark.django_db(transaction=True)
def test_an_emergency_reaches_the_player_and_its_plays_a_verifiable_chain(
    page, agent, cms_cluster, settings, tmp_path
):
    config, agent_url = agent
    cluster, _token = cms_cluster
    rendition = Rendition.objects.get(programme__title="Bản tin biên giới")
    head = user("head", Role.HEAD)
    today = timezone.localdate()
    console_errors = []
    page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
    page.clock.install(time=dt.datetime.combine(today, dt.time(8, 0), ZONE))
    page.goto(f"{agent_url}/led/lao/")
    _wait_for(page, lambda: _playing(page), timeout_s=10, what="the schedule playing")
    _wait_for(page, lambda: _spooled(config), timeout_s=10, what="a play spooled")

    shown = _show_the_emergency_then_resume(page, config, cluster, head)
    print(f"emergency shown by the player {shown:.2f} s after the agent's poll")

    def resumed_and_logged():
        kinds = [item.payload["kind"] for item in _spooled(config)]
        return "emergency" in kinds and kinds[-1] == "scheduled"

    _wait_for(page, resumed_and_logged, timeout_s=10, what="plays after it")
    page.goto("about:blank")  # the player stops; nothing more is spooled
    assert console_errors == []
    spooled, sent, again = _upload_twice(config)

    assert (sent.accepted, sent.rejected, sent.left) == (len(spooled), 0, 0)
    assert (again.accepted, again.duplicate) == (0, 1)
    records = list(PlayRecord.objects.filter(cluster=cluster).order_by("seq"))
    assert len(records) >= 3  # scheduled, the emergency, scheduled again
    assert [r.seq for r in records] == list(range(1, len(spooled) + 1))
    assert sorted((r.kind, r.started_at) for r in records) == sorted(
        (i.payload["kind"], dt.datetime.fromisoformat(i.payload["started_at"]))
        for i in spooled
    )
    emergency = [r for r in records if r.kind == "emergency"]
    scheduled = [r for r in records if r.kind == "scheduled"]
    assert len(emergency) == 1 and emergency[0].programme_id is None
    assert emergency[0].duration_ms >= 6_000  # the 6.5 s run on included
    assert scheduled and {
        (r.face, r.programme_id, r.rendition_sha256) for r in scheduled
    } == {("lao", rendition.programme_id, rendition.sha256)}

    root = settings.RELEASE_ROOT_METADATA
    yesterday = str(today - dt.timedelta(days=1))  # its signed head: 0 records
    call_command("proof_seal", "--date", yesterday, stdout=io.StringIO())
    for fmt in ("json", "csv"):
        _export(cluster, tmp_path / f"proof.{fmt}", fmt)
        done = _verify(tmp_path / f"proof.{fmt}", root)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(
            f"OK: {len(records)} records (seq 1–{len(records)}), 1 signed daily heads"
        )

    data = json.loads((tmp_path / "proof.json").read_text(encoding="utf-8"))
    data["records"][1]["duration_ms"] += 1_000
    (tmp_path / "proof.json").write_text(json.dumps(data), encoding="utf-8")
    done = _verify(tmp_path / "proof.json", root)
    assert done.returncode == 1
    assert "FAILED: record seq 2 " in done.stderr
    assert "a field was changed" in done.stderr

    lines = (tmp_path / "proof.csv").read_text(encoding="utf-8").splitlines()
    assert lines[3].startswith("record,bo-y,3,lao,")
    lines[3] = lines[3].replace(",lao,", ",road,", 1)
    (tmp_path / "proof.csv").write_text("\n".join(lines), encoding="utf-8")
    done = _verify(tmp_path / "proof.csv", root)
    assert done.returncode == 1 and "FAILED: record seq 3 " in done.stderr

    _tamper_db(cluster, seq=1)
    _export(cluster, tmp_path / "again.json", "json")
    done = _verify(tmp_path / "again.json", root)
    assert done.returncode == 1 and "FAILED: record seq 1 " in done.stderr
