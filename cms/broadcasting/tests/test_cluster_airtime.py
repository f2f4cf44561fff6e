"""What the playlist and LED player ask: a cluster's windows on a date."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from cms.broadcasting.days import DayType
from cms.broadcasting.models import (
    AirtimePolicy,
    AirtimeWindow,
    CalendarDay,
    PolicyCluster,
)
from cms.broadcasting.selectors import cluster_airtime, cluster_policy

from .factories import cluster_make, policy_make

pytestmark = pytest.mark.django_db
D = dt.date
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def texts(windows):
    return [str(w) for w in windows]


@pytest.fixture
def cluster():
    return cluster_make()


def test_a_cluster_gets_its_policys_windows_for_the_days_type(cluster):
    policy = policy_make(
        regulation="",
        windows={
            DayType.WORKING: [("07:00", "11:00"), ("14:00", "18:00")],
            DayType.WEEKEND: [("08:00", "12:00")],
            DayType.HOLIDAY: [("06:00", "00:00")],
        },
    )
    PolicyCluster.objects.create(policy=policy, cluster=cluster)
    assert cluster_policy(cluster=cluster) == policy
    assert texts(cluster_airtime(cluster=cluster, day=D(2027, 2, 3))) == [
        "07:00–11:00",
        "14:00–18:00",
    ]
    assert texts(cluster_airtime(cluster=cluster, day=D(2027, 2, 13))) == [
        "08:00–12:00"
    ]
    tet = cluster_airtime(cluster=cluster, day=D(2027, 2, 6))
    assert texts(tet) == ["06:00–24:00"]
    assert tet[0].start_at(D(2027, 2, 6), TZ) == dt.datetime(2027, 2, 6, 6, tzinfo=TZ)
    assert tet[0].end_at(D(2027, 2, 6), TZ) == dt.datetime(2027, 2, 7, 0, tzinfo=TZ)
    CalendarDay.objects.create(
        date=D(2027, 2, 3), day_type=DayType.HOLIDAY, name="Nghỉ bù"
    )
    assert texts(cluster_airtime(cluster=cluster, day=D(2027, 2, 3))) == ["06:00–24:00"]


def test_a_cluster_without_a_policy_has_no_airtime(cluster):
    assert cluster_policy(cluster=cluster) is None
    assert cluster_airtime(cluster=cluster, day=D(2027, 2, 3)) == []


def test_airtime_presets_recreates_a_deleted_preset_and_keeps_edits():
    kon_tum = AirtimePolicy.objects.get(regulation="kon_tum")
    kon_tum.delete()
    an_giang = AirtimePolicy.objects.get(regulation="an_giang")
    an_giang.windows.filter(day_type=DayType.HOLIDAY).delete()
    out = io.StringIO()
    call_command("airtime_presets", stdout=out)
    assert len(out.getvalue().splitlines()) == 3
    assert AirtimePolicy.objects.filter(regulation="kon_tum").count() == 1
    assert AirtimePolicy.objects.count() == 3
    assert not an_giang.windows.filter(day_type=DayType.HOLIDAY).exists()


def test_airtime_presets_reset_restores_the_windows():
    an_giang = AirtimePolicy.objects.get(regulation="an_giang")
    an_giang.windows.filter(day_type=DayType.HOLIDAY).delete()
    call_command("airtime_presets", "--reset", stdout=io.StringIO())
    holiday = AirtimeWindow.objects.filter(
        policy=an_giang, day_type=DayType.HOLIDAY
    ).order_by("start")
    assert [(w.start, w.end) for w in holiday] == [
        (dt.time(7), dt.time(11)),
        (dt.time(14), dt.time(18)),
    ]
    assert AirtimePolicy.objects.count() == 3
