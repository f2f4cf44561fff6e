"""Personal data: a contact only with consent, nothing else kept, erased later."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from freezegun import freeze_time

from cms.feedback.forms import StaffEntryForm
from cms.feedback.models import Feedback
from cms.feedback.services import (
    feedback_close,
    feedback_contacts_erase,
    feedback_create,
)

from .conftest import NOON
from .factories import kiosk_upload

pytestmark = pytest.mark.django_db
PHONE = "+84 912 345 678"


def test_a_contact_with_consent_is_kept(cluster):
    kiosk_upload(cluster, contact=PHONE, consent=True)
    assert Feedback.objects.get().contact == PHONE


@pytest.mark.parametrize("consent", [False, None, "true", 1])
def test_a_contact_without_consent_is_not_stored_at_all(cluster, consent):
    kiosk_upload(cluster, contact=PHONE, consent=consent)

    item = Feedback.objects.get()
    assert (item.contact, item.consent) == ("", False)


def test_only_the_listed_fields_are_kept_from_the_kiosk(cluster):
    kiosk_upload(cluster, ip="203.0.113.7", user_agent="Chromium", device="pc-7")

    values = Feedback.objects.values().get()
    kept = " ".join(str(v) for v in values.values())
    assert "203.0.113.7" not in kept and "Chromium" not in kept and "pc-7" not in kept


def test_the_database_refuses_a_contact_without_consent(cluster, secretary):
    item = feedback_create(
        channel="phone", language="vi", text="x", sent_at=NOON, user=secretary
    )
    with pytest.raises(IntegrityError):
        Feedback.objects.filter(pk=item.pk).update(contact=PHONE)


def test_staff_entry_drops_a_contact_given_without_consent(secretary):
    item = feedback_create(
        channel="letter",
        language="vi",
        text="Đề nghị thêm giờ phát",
        sent_at=NOON,
        user=secretary,
        contact=PHONE,
        consent=False,
    )
    assert item.contact == "" and item.received_by == secretary


def test_the_staff_form_asks_for_consent_before_taking_a_contact():
    form = StaffEntryForm(
        {
            "channel": "phone",
            "language": "vi",
            "text": "Màn hình LED tắt",
            "sent_at": "2026-11-24T12:00",
            "contact": PHONE,
        }
    )
    assert not form.is_valid()
    assert "consent" in form.errors


def _closed_with_contact(cluster, user, closed_at):
    kiosk_upload(cluster, contact=PHONE, consent=True)
    item = Feedback.objects.get()
    with freeze_time(closed_at):
        return feedback_close(feedback=item, user=user, note="không cần xử lý")


def test_the_contact_is_erased_exactly_n_days_after_closing_not_before(
    cluster, secretary
):
    item = _closed_with_contact(cluster, secretary, NOON)
    day_before = NOON + dt.timedelta(days=180) - dt.timedelta(seconds=1)

    assert feedback_contacts_erase(now=day_before) == 0
    item.refresh_from_db()
    assert item.contact == PHONE

    assert feedback_contacts_erase(now=NOON + dt.timedelta(days=180)) == 1
    item.refresh_from_db()
    assert item.contact == "" and item.contact_erased_at is not None
    assert item.upload.payload["contact"] == ""  # and in the kept upload
    assert item.text == "Bản đồ ở cổng 2 bị sai"  # the message itself stays


def test_the_keeping_period_comes_from_the_setting(cluster, secretary, settings):
    settings.FEEDBACK_CONTACT_KEEP_DAYS = 30
    _closed_with_contact(cluster, secretary, NOON)
    assert feedback_contacts_erase(now=NOON + dt.timedelta(days=29)) == 0
    assert feedback_contacts_erase(now=NOON + dt.timedelta(days=30)) == 1


def test_open_items_keep_their_contact(cluster):
    kiosk_upload(cluster, contact=PHONE, consent=True)
    later = NOON + dt.timedelta(days=1000)
    assert feedback_contacts_erase(now=later) == 0
    assert Feedback.objects.get().contact == PHONE


def test_the_command_erases_now(cluster, secretary):
    _closed_with_contact(cluster, secretary, NOON)

    with freeze_time(NOON + dt.timedelta(days=181)):
        call_command("feedback_erase_contacts", "--now")

    assert Feedback.objects.get().contact == ""
