"""What the annual report asks: incidents opened in [start, end), by kind."""

import datetime as dt

import pytest

from cms.incidents.models import Incident
from cms.incidents.selectors import incident_counts, incidents_between

from .factories import ClusterFactory, incident_make, local

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def clusters():
    return ClusterFactory(code="bo-y"), ClusterFactory(code="ta-lung")


def test_a_period_of_dates_runs_from_local_midnight_to_local_midnight(clusters):
    bo_y, _ta_lung = clusters
    before = incident_make(bo_y, opened_at=local(2025, 12, 14, 23, 59, 59))
    first = incident_make(bo_y, opened_at=local(2025, 12, 15, 0, 0))
    last = incident_make(bo_y, opened_at=local(2026, 12, 14, 23, 59, 59))
    after = incident_make(bo_y, opened_at=local(2026, 12, 15, 0, 0))
    found = incidents_between(start=D(2025, 12, 15), end=D(2026, 12, 15))
    assert list(found) == [first, last]
    assert before not in found and after not in found


def test_datetimes_bound_the_period_exactly(clusters):
    bo_y, _ta_lung = clusters
    inside = incident_make(bo_y, opened_at=local(2026, 6, 1, 8, 0))
    incident_make(bo_y, opened_at=local(2026, 6, 1, 9, 0))
    found = incidents_between(start=local(2026, 6, 1, 8), end=local(2026, 6, 1, 9))
    assert list(found) == [inside]


def test_a_naive_datetime_is_refused_by_name(clusters):
    with pytest.raises(ValueError, match="2026-06-01T08:00:00 has no time zone"):
        incidents_between(start=dt.datetime(2026, 6, 1, 8), end=D(2026, 7, 1))


def test_counts_give_every_kind_and_only_the_clusters_asked(clusters):
    bo_y, ta_lung = clusters
    when = local(2026, 3, 3, 10)
    incident_make(bo_y, kind=Incident.Kind.POWER, opened_at=when)
    incident_make(bo_y, kind=Incident.Kind.POWER, opened_at=when)
    incident_make(bo_y, kind=Incident.Kind.SECURITY, opened_at=when)
    incident_make(ta_lung, kind=Incident.Kind.TECHNICAL, opened_at=when)
    period = {"start": D(2026, 1, 1), "end": D(2027, 1, 1)}
    assert incident_counts(**period) == {"power": 2, "technical": 1, "security": 1}
    assert incident_counts(**period, clusters=[bo_y]) == {
        "power": 2,
        "technical": 0,
        "security": 1,
    }
    assert incident_counts(start=D(2027, 1, 1), end=D(2028, 1, 1)) == {
        "power": 0,
        "technical": 0,
        "security": 0,
    }
