"""Public feedback in the report: received, answered, closed, median time."""

import datetime as dt

import pytest

from cms.feedback.models import Feedback
from cms.reports.figures import figures
from cms.reports.periods import ANNUAL, report_period

from .factories import local

pytestmark = pytest.mark.django_db
PERIOD = report_period(kind=ANNUAL, year=2026)
NOW = local(2026, 12, 20, 9, 0)


def feedback(cluster, received, *, answered_after=None, closed=False, **values):
    answered = received + answered_after if answered_after else None
    return Feedback.objects.create(
        channel=Feedback.Channel.PHONE,
        cluster=cluster,
        language="vi",
        text="Màn hình quá sáng vào buổi tối",
        sent_at=received,
        received_at=received,
        answered_at=answered,
        closed_at=answered if closed else None,
        **values,
    )


def test_feedback_counts_answers_and_the_median_wait(province):
    bo_y, le_thanh = province.bo_y, province.le_thanh
    feedback(bo_y, local(2025, 12, 15, 0, 0), answered_after=dt.timedelta(hours=2))
    feedback(
        bo_y, local(2026, 3, 1, 9), answered_after=dt.timedelta(hours=10), closed=True
    )
    feedback(bo_y, local(2026, 4, 1, 9), answered_after=dt.timedelta(hours=30))
    feedback(bo_y, local(2026, 5, 1, 9))  # not answered yet
    feedback(bo_y, local(2026, 12, 15, 0, 0))  # after the period
    first = feedback(
        le_thanh, local(2026, 6, 1, 9), answered_after=dt.timedelta(hours=1)
    )
    feedback(le_thanh, local(2026, 6, 1, 9, 5), duplicate_of=first)
    feedback(le_thanh, local(2026, 6, 1, 9, 6), suspected_flood=True)
    feedback(None, local(2026, 7, 1, 9))  # entered by staff, no cluster

    border = figures(period=PERIOD, agency=province.border, now=NOW).feedback
    everyone = figures(period=PERIOD, agency=None, now=NOW).feedback

    assert (border.received, border.answered, border.closed) == (4, 3, 1)
    assert border.median_hours_to_answer == 10.0
    assert (everyone.received, everyone.answered) == (6, 4)
    assert everyone.median_hours_to_answer == 6.0  # of 1, 2, 10 and 30 h
