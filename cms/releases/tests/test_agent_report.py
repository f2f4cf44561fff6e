"""POST /api/agent/v1/clusters/<code>/report: the agent's status."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.releases import services
from cms.releases.models import AgentReport
from cms.releases.services import agent_report_record, credential_issue

pytestmark = pytest.mark.django_db
REPORT = "/api/agent/v1/clusters/bo-y/report"


def _post(client, token, body):
    return client.post(
        REPORT,
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def test_a_report_is_recorded_with_the_clock_offset_measured_here(client, cluster):
    token = credential_issue(cluster=cluster).token
    ahead = timezone.now() + timedelta(seconds=90)
    status = {
        "sent_at": ahead.isoformat(),
        "agent_version": "0.1.0",
        "running_build": 3,
        "assigned_build": 4,
        "last_check": "2026-11-24T08:00:00+00:00",
        "last_error": "could not fetch metadata: timed out",
        "disk_free_bytes": 5_000_000_000,
        "clock_offset_s": -90.0,
        "kept_releases": ["3-abc", "2-def"],
    }

    response = _post(client, token, status)

    assert response.status_code == 200
    report = AgentReport.objects.get()
    assert (report.running_build, report.assigned_build) == (3, 4)
    assert report.last_error == "could not fetch metadata: timed out"
    assert report.disk_free_bytes == 5_000_000_000
    assert report.agent_version == "0.1.0"
    assert 85 <= report.clock_offset_s <= 91
    assert report.last_check.isoformat() == "2026-11-24T08:00:00+00:00"
    assert report.status["kept_releases"] == ["3-abc", "2-def"]
    answer = response.json()
    assert answer["clock_offset_s"] == report.clock_offset_s
    assert answer["assigned_build"] is None


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("running_build", "3", "running_build must be a whole number"),
        ("disk_free_bytes", -1, "disk_free_bytes must be a whole number"),
        ("last_check", "yesterday", "last_check must be an ISO 8601 time"),
        ("sent_at", "2026-11-24T08:00:00", "with a UTC offset"),
        ("last_error", 12, "last_error must be text"),
    ],
)
def test_a_malformed_field_is_400_naming_it(client, cluster, field, value, says):
    token = credential_issue(cluster=cluster).token
    response = _post(client, token, {field: value})
    assert response.status_code == 400
    assert says in response.json()["error"]
    assert repr(value) in response.json()["error"]
    assert not AgentReport.objects.exists()


def test_history_is_bounded_per_cluster(cluster, other_cluster, monkeypatch):
    monkeypatch.setattr(services, "REPORTS_KEPT_PER_CLUSTER", 3)
    agent_report_record(cluster=other_cluster, status={"running_build": 1})
    for build in range(1, 7):
        agent_report_record(cluster=cluster, status={"running_build": build})
    kept = AgentReport.objects.filter(cluster=cluster).order_by("id")
    assert [r.running_build for r in kept] == [4, 5, 6]
    assert AgentReport.objects.filter(cluster=other_cluster).count() == 1


def test_a_report_naming_another_cluster_is_refused(client, cluster):
    token = credential_issue(cluster=cluster).token
    response = _post(client, token, {"cluster": "le-thanh", "running_build": 1})
    assert response.status_code == 400
    assert "'le-thanh'" in response.json()["error"]
    assert not AgentReport.objects.exists()
