"""Received → forwarded → answered → closed (and reopened), each step logged."""

import datetime as dt

import pytest
from django.utils import translation
from freezegun import freeze_time
from wagtail.models import ModelLogEntry

from cms.editorial.models import Role
from cms.feedback.errors import FeedbackError
from cms.feedback.models import Feedback
from cms.feedback.selectors import duration_text
from cms.feedback.services import (
    feedback_answer,
    feedback_close,
    feedback_forward,
    feedback_reopen,
    feedback_summary_set,
)
from cms.releases.tests.factories import user

from .conftest import NOON
from .factories import kiosk_upload

pytestmark = pytest.mark.django_db
S = Feedback.Status


@pytest.fixture
def item(cluster):
    with freeze_time(NOON):
        kiosk_upload(cluster, at=NOON)
    return Feedback.objects.get()


def _actions(item):
    return list(
        ModelLogEntry.objects.for_instance(item)
        .order_by("timestamp", "id")
        .values_list("action", flat=True)
    )


def test_the_whole_workflow_records_each_step_its_time_and_who(item, agency, secretary):
    head = user("head", Role.HEAD)
    with freeze_time(NOON + dt.timedelta(hours=1)):
        feedback_forward(feedback=item, agency=agency, user=secretary)
    with freeze_time(NOON + dt.timedelta(days=2, hours=3)):
        feedback_answer(feedback=item, answer="Đã sửa bản đồ.", user=secretary)
    with freeze_time(NOON + dt.timedelta(days=3)):
        feedback_close(feedback=item, user=head)

    item.refresh_from_db()
    assert item.status == S.CLOSED
    assert (item.agency, item.forwarded_by, item.answered_by, item.closed_by) == (
        agency,
        secretary,
        secretary,
        head,
    )
    assert item.forwarded_at == NOON + dt.timedelta(hours=1)
    assert item.answered_at == NOON + dt.timedelta(days=2, hours=3)
    assert item.closed_at == NOON + dt.timedelta(days=3)
    assert item.answer == "Đã sửa bản đồ."
    assert item.time_taken == dt.timedelta(days=2, hours=3)  # received → answered
    assert _actions(item) == [
        "feedback.receive",
        "feedback.forward",
        "feedback.answer",
        "feedback.close",
    ]


def test_closing_without_an_answer_needs_a_note_and_times_to_the_close(item, secretary):
    with pytest.raises(FeedbackError, match="no answer yet.*note"):
        feedback_close(feedback=item, user=secretary)
    with freeze_time(NOON + dt.timedelta(minutes=45)):
        feedback_close(feedback=item, user=secretary, note="quảng cáo rác")

    item.refresh_from_db()
    assert (item.status, item.close_note) == (S.CLOSED, "quảng cáo rác")
    assert item.time_taken == dt.timedelta(minutes=45)


def test_an_answer_before_forwarding_is_refused_with_the_reason(item, secretary):
    with pytest.raises(FeedbackError) as refused:
        feedback_answer(feedback=item, answer="ok", user=secretary)
    assert str(refused.value) == (
        f"Feedback #{item.pk} is received; forward it to the responsible body "
        "before recording an answer."
    )
    item.refresh_from_db()
    assert item.status == S.RECEIVED and item.answered_at is None


def test_the_refusal_reads_in_vietnamese(item, secretary):
    with translation.override("vi"), pytest.raises(FeedbackError) as refused:
        feedback_answer(feedback=item, answer="ok", user=secretary)
    assert "chuyển" in str(refused.value) and "Feedback" not in str(refused.value)


def test_an_empty_answer_and_a_missing_body_are_refused(item, agency, secretary):
    with pytest.raises(FeedbackError, match="responsible body"):
        feedback_forward(feedback=item, agency=None, user=secretary)
    feedback_forward(feedback=item, agency=agency, user=secretary)
    with pytest.raises(FeedbackError, match="answer is empty"):
        feedback_answer(feedback=item, answer="  ", user=secretary)


def test_a_closed_item_cannot_be_forwarded_answered_or_closed_again(
    item, agency, secretary
):
    feedback_close(feedback=item, user=secretary, note="trùng")
    with pytest.raises(FeedbackError, match="is closed; reopen it"):
        feedback_forward(feedback=item, agency=agency, user=secretary)
    with pytest.raises(FeedbackError, match="is closed; forward it"):
        feedback_answer(feedback=item, answer="x", user=secretary)
    with pytest.raises(FeedbackError, match="is closed already"):
        feedback_close(feedback=item, user=secretary, note="x")


def test_only_a_closed_item_can_be_reopened(item, secretary):
    with pytest.raises(FeedbackError, match="is received, not closed"):
        feedback_reopen(feedback=item, user=secretary)


def test_reopening_returns_to_the_step_reached_and_clears_the_close(
    item, agency, secretary
):
    feedback_forward(feedback=item, agency=agency, user=secretary)
    feedback_answer(feedback=item, answer="Đã xử lý", user=secretary)
    feedback_close(feedback=item, user=secretary)

    feedback_reopen(feedback=item, user=secretary, note="người dân chưa hài lòng")

    item.refresh_from_db()
    assert (item.status, item.closed_at, item.closed_by) == (S.ANSWERED, None, None)
    assert _actions(item)[-1] == "feedback.reopen"


def test_forwarding_again_after_an_answer_clears_it_and_keeps_it_in_the_log(
    item, agency, secretary
):
    feedback_forward(feedback=item, agency=agency, user=secretary)
    feedback_answer(feedback=item, answer="Trả lời cũ", user=secretary)

    feedback_forward(feedback=item, agency=agency, user=secretary, note="chưa đủ")

    item.refresh_from_db()
    assert (item.status, item.answer, item.answered_at) == (S.FORWARDED, "", None)
    logged = ModelLogEntry.objects.for_instance(item).get(action="feedback.answer")
    assert logged.data["answer"] == "Trả lời cũ"


def test_a_summary_never_replaces_the_original(item, secretary):
    feedback_summary_set(feedback=item, summary="Bản đồ sai", user=secretary)
    item.refresh_from_db()
    assert (item.text, item.summary) == ("Bản đồ ở cổng 2 bị sai", "Bản đồ sai")


def test_time_taken_is_none_while_open(item):
    assert item.time_taken is None


@pytest.mark.parametrize(
    ("taken", "english", "vietnamese"),
    [
        (dt.timedelta(seconds=59), "0 minutes", "0 phút"),
        (dt.timedelta(minutes=1), "1 minute", "1 phút"),
        (dt.timedelta(minutes=59, seconds=59), "59 minutes", "59 phút"),
        (dt.timedelta(hours=1), "1 hour", "1 giờ"),
        (dt.timedelta(hours=1, minutes=5), "1 hour 5 minutes", "1 giờ 5 phút"),
        (dt.timedelta(hours=23, minutes=59), "23 hours 59 minutes", "23 giờ 59 phút"),
        (dt.timedelta(days=1), "1 day", "1 ngày"),
        (dt.timedelta(days=2, hours=3, minutes=9), "2 days 3 hours", "2 ngày 3 giờ"),
    ],
)
def test_time_taken_reads_in_days_hours_and_minutes(taken, english, vietnamese):
    with translation.override("en"):
        assert duration_text(taken) == english
    with translation.override("vi"):
        assert duration_text(taken) == vietnamese
