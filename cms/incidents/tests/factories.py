"""Incidents for tests: clusters from the headless factories, local times."""

import datetime as dt
from zoneinfo import ZoneInfo

from cms.headless.tests.factories import ClusterFactory
from cms.incidents.models import Incident

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

__all__ = ["ClusterFactory", "TZ", "incident_make", "local"]


def local(*args) -> dt.datetime:
    """An aware datetime in Vietnam time: local(2026, 3, 20, 8, 0)."""
    return dt.datetime(*args, tzinfo=TZ)


def incident_make(cluster, *, kind=Incident.Kind.TECHNICAL, **values) -> Incident:
    values.setdefault("title", "Màn hình hướng Lào tắt")
    return Incident.objects.create(cluster=cluster, kind=kind, **values)


def airtime_make(cluster, windows=(("07:00", "11:00"), ("14:00", "18:00"))):
    """The cluster follows a policy with ``windows`` on every kind of day."""
    from cms.broadcasting.models import PolicyCluster
    from cms.broadcasting.tests.factories import ALL_DAYS, policy_make

    policy = policy_make(
        regulation="", windows={ALL_DAYS: list(windows)}, name=cluster.code
    )
    PolicyCluster.objects.create(policy=policy, cluster=cluster)
    return policy


def report_make(cluster, at: dt.datetime):
    """An agent report received at ``at`` (received_at is set on save)."""
    from cms.releases.models import AgentReport

    report = AgentReport.objects.create(cluster=cluster, running_build=1)
    AgentReport.objects.filter(pk=report.pk).update(received_at=at)
    return report
