"""What the annual report asks: repairs done on a day in [start, end)."""

import datetime as dt

import pytest

from cms.equipment.selectors import repairs_between

from .factories import ClusterFactory, item_make, repair_make

pytestmark = pytest.mark.django_db
D = dt.date
TZ = dt.timezone(dt.timedelta(hours=7))


def test_repairs_from_the_first_day_to_before_the_end_day_of_the_clusters_asked():
    bo_y, ta_lung = ClusterFactory(code="bo-y"), ClusterFactory(code="ta-lung")
    pc, amp = item_make(bo_y), item_make(ta_lung, name="Bộ khuếch đại")
    repair_make(pc, on=D(2025, 12, 14))
    first = repair_make(pc, on=D(2025, 12, 15))
    last = repair_make(pc, on=D(2026, 12, 14))
    repair_make(pc, on=D(2026, 12, 15))
    other = repair_make(amp, on=D(2026, 5, 1))
    period = {"start": D(2025, 12, 15), "end": D(2026, 12, 15)}
    assert list(repairs_between(**period)) == [first, other, last]
    assert list(repairs_between(**period, clusters=[bo_y])) == [first, last]
    # An aware datetime counts as its local (Vietnam) date.
    at_midnight = dt.datetime(2025, 12, 15, 0, 0, tzinfo=TZ)
    assert list(repairs_between(start=at_midnight, end=D(2025, 12, 16))) == [first]
