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
