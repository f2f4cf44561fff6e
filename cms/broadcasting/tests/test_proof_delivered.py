"""Delivered airtime: scheduled play clipped to the windows, advertising apart."""

import datetime as dt
import uuid

import pytest

from cms.broadcasting.days import DayType
from cms.broadcasting.models import PolicyCluster
from cms.broadcasting.proof.selectors import delivered_airtime
from cms.releases.services import agent_upload_record

from .factories import cluster_make, policy_make
from .proof_helpers import face_make, play

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 11, 24)


@pytest.fixture
def cluster():
    cluster = cluster_make("bo-y")
    face_make(cluster, "lao")
    face_make(cluster, "vn")
    policy = policy_make(
        regulation="an_giang",
        windows={tuple(DayType.values): [("07:00", "11:00"), ("14:00", "18:00")]},
    )
    PolicyCluster.objects.create(policy=policy, cluster=cluster)
    return cluster


def _played(cluster, start, seconds, **changes):
    agent_upload_record(
        cluster=cluster,
        kind="play_log",
        idempotency_key=str(uuid.uuid4()),
        payload=play(f"2026-11-24T{start}+07:00", seconds=seconds, **changes),
    )


def test_plays_count_only_inside_the_windows_and_overlaps_once(cluster):
    _played(cluster, "06:59:00", 120)  # 60 s after 07:00
    _played(cluster, "10:59:30", 60)  # 30 s before 11:00
    _played(cluster, "08:00:00", 600)
    _played(cluster, "08:05:00", 600)  # overlaps: 08:00–08:15 is 900 s
    _played(cluster, "09:00:00", 60, advertising=True)
    _played(cluster, "11:00:00", 10)  # starts as the window ends: 0 s
    _played(cluster, "15:00:00", 3600, kind="emergency")  # not scheduled
    _played(cluster, "15:00:00", 600, face="kiosk")  # not an LED face

    days = delivered_airtime(cluster=cluster, start=DAY, end=DAY)

    lao = next(d for d in days if d.face == "lao")
    assert (lao.seconds, lao.advertising_seconds) == (60 + 30 + 900 + 60, 60)
    assert (lao.minutes, lao.advertising_minutes) == (17, 1)
    assert lao.required_minutes == 8 * 60 and lao.short
    assert [d.face for d in days] == ["lao", "vn"]
    assert next(d for d in days if d.face == "vn").seconds == 0


def test_a_face_playing_all_its_airtime_meets_the_minimum(cluster):
    _played(cluster, "07:00:00", 4 * 3600)
    _played(cluster, "13:59:59", 4 * 3600 + 2)

    lao = delivered_airtime(cluster=cluster, start=DAY, end=DAY)[0]

    assert lao.seconds == 8 * 3600
    assert not lao.short


def test_one_row_per_day_and_face(cluster):
    _played(cluster, "08:00:00", 60)

    days = delivered_airtime(cluster=cluster, start=DAY, end=DAY + dt.timedelta(2))

    assert [(d.day.day, d.face, d.seconds) for d in days] == [
        (24, "lao", 60),
        (24, "vn", 0),
        (25, "lao", 0),
        (25, "vn", 0),
        (26, "lao", 0),
        (26, "vn", 0),
    ]
