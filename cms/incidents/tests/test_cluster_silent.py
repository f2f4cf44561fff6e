"""A cluster silent during airtime opens one incident, resolved when heard."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time

from cms.incidents.models import Incident
from cms.incidents.silence import clusters_silent_check

from .factories import ClusterFactory, airtime_make, local, report_make

pytestmark = pytest.mark.django_db
DAY = (2026, 3, 18)  # a Wednesday; windows 07:00–11:00 and 14:00–18:00


def at(hour, minute=0, second=0):
    return local(*DAY, hour, minute, second)


@pytest.fixture(autouse=True)
def limit(settings):
    settings.INCIDENT_SILENT_MINUTES = 15


@pytest.fixture
def cluster():
    cluster = ClusterFactory(code="bo-y", name="Cửa khẩu Bờ Y")
    airtime_make(cluster)
    return cluster


@pytest.mark.parametrize(
    ("last_report", "now", "opened"),
    [
        (at(8), at(8, 15), 0),  # exactly the limit
        (at(8), at(8, 15, 1), 1),  # a second over is longer than the limit
        (at(8), at(8, 16), 1),  # one minute over
        (at(2), at(7, 15), 0),  # silent all night: counted from 07:00
        (at(2), at(7, 16), 1),
        (at(10), at(10, 59), 1),  # the window's last minute
        (at(10), at(11, 0), 0),  # the window's end is outside it
        (at(10, 50), at(12, 30), 0),  # between windows
        (at(10, 50), at(14, 15), 0),  # the afternoon counts from 14:00
        (at(10, 50), at(14, 16), 1),
        (at(17), at(23, 0), 0),  # after the last window
    ],
)
def test_silence_longer_than_the_limit_inside_a_window_opens_an_incident(
    cluster, last_report, now, opened
):
    report_make(cluster, last_report)
    result = clusters_silent_check(now=now)
    assert len(result.opened) == opened
    assert Incident.objects.count() == opened


def test_the_incident_says_what_is_silent_in_vietnamese_once_per_silence(cluster):
    report_make(cluster, at(8, 2))
    [incident] = clusters_silent_check(now=at(8, 30)).opened
    assert clusters_silent_check(now=at(8, 35)).opened == []
    assert clusters_silent_check(now=at(9, 30)).opened == []
    assert Incident.objects.count() == 1
    assert incident.kind == Incident.Kind.TECHNICAL
    assert incident.source == Incident.Source.AUTOMATIC
    assert incident.title == (
        "Cửa khẩu Bờ Y: mất liên lạc với trình đồng bộ từ 08:02 18/03/2026"
    )
    assert "trong 28 phút của khung giờ phát 07:00–11:00" in incident.description
    assert incident.opened_at == at(8, 30)
    assert incident.agent_last_heard_at == at(8, 2)
    [entry] = incident.entries.all()
    assert (entry.author, entry.at) == (None, at(8, 30))
    assert entry.text == "Tự động mở: không có báo cáo trong 28 phút."


def test_the_agent_heard_again_resolves_it_at_its_first_report(cluster):
    report_make(cluster, at(8))
    [incident] = clusters_silent_check(now=at(8, 20)).opened
    report_make(cluster, at(8, 40))
    report_make(cluster, at(8, 44))
    result = clusters_silent_check(now=at(8, 45))
    assert result.resolved == [incident] and result.opened == []
    incident.refresh_from_db()
    assert incident.resolved_at == at(8, 40)
    assert incident.resolution == (
        "Trình đồng bộ báo cáo lại lúc 08:40 18/03/2026 sau 40 phút mất liên lạc; "
        "tự động đóng sự cố."
    )
    assert [e.text for e in incident.entries.all()][-1] == incident.resolution
    # Nothing more to do, then a new silence is a new incident.
    assert clusters_silent_check(now=at(8, 50)).resolved == []
    assert len(clusters_silent_check(now=at(9, 0)).opened) == 1
    assert Incident.objects.open().count() == 1
    assert Incident.objects.count() == 2


def test_a_silence_resolved_by_staff_is_not_reported_again(cluster):
    report_make(cluster, at(8))
    [incident] = clusters_silent_check(now=at(8, 20)).opened
    incident.resolved_at = at(8, 30)
    incident.resolution = "Máy tính hỏng nguồn, mang đi sửa."
    incident.save()
    assert clusters_silent_check(now=at(9)).opened == []
    assert clusters_silent_check(now=at(14, 30)).opened == []
    report_make(cluster, at(15))  # back, then silent again: a new silence
    [again] = clusters_silent_check(now=at(15, 20)).opened
    assert again.agent_last_heard_at == at(15)
    incident.refresh_from_db()
    assert incident.resolution == "Máy tính hỏng nguồn, mang đi sửa."


def test_a_staff_incident_on_the_cluster_does_not_stop_the_automatic_one(cluster):
    Incident.objects.create(cluster=cluster, kind="power", title="Mất điện lưới")
    report_make(cluster, at(8))
    assert len(clusters_silent_check(now=at(9)).opened) == 1


def test_clusters_not_watched(cluster):
    no_policy = ClusterFactory(code="no-policy")
    report_make(no_policy, at(2))
    airtime_make(ClusterFactory(code="never-reported"))
    retired = ClusterFactory(code="retired", is_active=False)
    airtime_make(retired)
    report_make(retired, at(2))
    report_make(cluster, at(9, 55))
    assert clusters_silent_check(now=at(10)).opened == []


def test_the_command_queues_the_check_on_the_database_backend(cluster, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    report_make(cluster, at(8))
    with freeze_time(at(9)):
        call_command("incidents_watch")
    [queued] = DBTaskResult.objects.filter(
        task_path="cms.incidents.tasks.incidents_watch"
    )
    assert queued.status == "READY"
    assert not Incident.objects.exists()  # the db_worker runs it


def test_the_command_runs_the_check(cluster):
    # Test settings run tasks at once (ImmediateBackend), as a worker would.
    report_make(cluster, at(8))
    with freeze_time(at(9)):
        call_command("incidents_watch")
    assert Incident.objects.automatic().open().count() == 1
