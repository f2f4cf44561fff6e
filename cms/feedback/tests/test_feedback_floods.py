"""Floods from one kiosk and exact duplicates: kept, marked, left out of the queue."""

import datetime as dt

import pytest

from cms.feedback.errors import FeedbackError
from cms.feedback.models import Feedback
from cms.feedback.selectors import feedback_queue
from cms.feedback.services import feedback_close
from cms.headless.tests.factories import ClusterFactory

from .conftest import NOON
from .factories import kiosk_upload

pytestmark = pytest.mark.django_db
MINUTE = dt.timedelta(minutes=1)


def _send(cluster, count, *, start=NOON, step=MINUTE, kiosk="bo-y-1"):
    for n in range(count):
        kiosk_upload(cluster, at=start + n * step, message=f"góp ý {n}", kiosk=kiosk)
    return list(Feedback.objects.order_by("sent_at", "pk"))


def test_exactly_the_limit_in_an_hour_is_not_a_flood(cluster):
    items = _send(cluster, 3)  # FEEDBACK_FLOOD_PER_HOUR = 3 in these tests
    assert [i.suspected_flood for i in items] == [False, False, False]


def test_one_over_the_limit_is_kept_and_marked(cluster):
    items = _send(cluster, 4)
    assert [i.suspected_flood for i in items] == [False, False, False, True]
    assert Feedback.objects.count() == 4  # nothing dropped


def test_the_hour_is_a_sliding_window(cluster):
    # 4th item exactly one hour after the 1st: the 1st is out of its hour.
    items = _send(cluster, 4, step=dt.timedelta(minutes=20))
    assert items[3].suspected_flood is False
    later = _send(cluster, 0)  # unchanged
    assert len(later) == 4


def test_the_limit_counts_per_kiosk(cluster):
    _send(cluster, 3, kiosk="bo-y-1")
    items = _send(cluster, 1, kiosk="bo-y-2", start=NOON + 5 * MINUTE)
    assert not any(i.suspected_flood for i in items)


def test_the_limit_comes_from_the_setting(cluster, settings):
    settings.FEEDBACK_FLOOD_PER_HOUR = 1
    items = _send(cluster, 2)
    assert [i.suspected_flood for i in items] == [False, True]


def test_floods_are_out_of_the_default_queue_but_can_be_listed(cluster):
    _send(cluster, 4)
    assert feedback_queue().count() == 3
    assert [i.text for i in feedback_queue(flood="yes")] == ["góp ý 3"]
    assert feedback_queue(flood="all").count() == 4


def test_the_same_text_again_within_minutes_joins_the_first_items_group(cluster):
    # FEEDBACK_DUPLICATE_MINUTES = 10: the 2nd is exactly 10 minutes after the
    # 1st; the 3rd is 5 minutes after the 2nd (15 after the 1st) and still
    # joins the 1st's group.
    for minutes in (0, 10, 15):
        kiosk_upload(cluster, at=NOON + minutes * MINUTE, message="Loa quá to")
    first, second, third = Feedback.objects.order_by("sent_at")

    assert first.duplicate_of is None
    assert second.duplicate_of == first and third.duplicate_of == first
    queue = list(feedback_queue())
    assert queue == [first] and queue[0].duplicate_count == 2
    assert feedback_queue(duplicates=True).count() == 3


def test_the_same_text_after_the_window_or_from_another_kiosk_is_its_own_item(
    cluster,
):
    kiosk_upload(cluster, at=NOON, message="Loa quá to")
    kiosk_upload(cluster, at=NOON + 11 * MINUTE, message="Loa quá to")
    kiosk_upload(cluster, at=NOON + MINUTE, message="Loa quá to", kiosk="bo-y-2")
    other = ClusterFactory(code="le-thanh")
    kiosk_upload(other, at=NOON, message="Loa quá to")

    assert not Feedback.objects.filter(duplicate_of__isnull=False).exists()


def test_a_duplicate_is_handled_through_its_group(cluster, secretary):
    kiosk_upload(cluster, at=NOON, message="Loa quá to")
    kiosk_upload(cluster, at=NOON + MINUTE, message="Loa quá to")
    first, second = Feedback.objects.order_by("sent_at")

    with pytest.raises(FeedbackError, match=f"duplicate of #{first.pk}"):
        feedback_close(feedback=second, user=secretary, note="x")
