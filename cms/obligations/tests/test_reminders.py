"""Reminder e-mails: N days before the due date, once, in Vietnamese."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time

from cms.obligations.models import Obligation, ReminderSent
from cms.obligations.services import obligation_reminders_send

from .submissions import local, page_submitted

pytestmark = pytest.mark.django_db
TASK_PATH = "cms.obligations.tasks.obligation_reminders_send"


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def lao_cai_20(agency, **kwargs):
    values = {
        "name": "Ít nhất 01 nội dung trước ngày 20",
        "due_day": 20,
        "reminder_days": 3,
        "regulation": "Lào Cai Art. 12.2",
    }
    return Obligation.objects.create(agency=agency, **{**values, **kwargs})


@pytest.mark.parametrize(
    ("now", "sent"),
    [
        (local(2026, 3, 16, 23, 59), 0),  # 4 days before
        (local(2026, 3, 17, 0, 0), 1),  # 3 days before, local midnight
        (local(2026, 3, 20, 23, 59), 1),  # the due date itself
        (local(2026, 3, 21, 0, 0), 0),  # after: too late to remind
    ],
)
def test_reminder_window_opens_n_days_before_the_due_date(world, now, sent):
    lao_cai_20(world.border)
    assert obligation_reminders_send(now=now) == sent
    assert len(mail.outbox) == sent


def test_reminder_goes_to_the_agencys_providers_once_in_vietnamese(world):
    obligation = lao_cai_20(world.border)
    assert obligation_reminders_send(now=local(2026, 3, 18, 8)) == 1
    assert obligation_reminders_send(now=local(2026, 3, 19, 8)) == 0
    [message] = mail.outbox
    assert message.to == ["provider_border@example.org"]
    assert message.subject == (
        "Nhắc hạn: Ít nhất 01 nội dung trước ngày 20 đến hạn ngày 20/03/2026"
    )
    assert "Lào Cai Art. 12.2" in message.body
    assert "Kính gửi Bộ đội Biên phòng tỉnh" in message.body
    reminder = ReminderSent.objects.get()
    assert (reminder.obligation, str(reminder.due_date)) == (obligation, "2026-03-20")
    # The next month gets its own reminder.
    assert obligation_reminders_send(now=local(2026, 4, 17, 8)) == 1


def test_no_reminder_once_the_agency_has_sent_enough(world):
    lao_cai_20(world.border)
    page_submitted(world, local(2026, 3, 5))
    mail.outbox.clear()  # Wagtail's own moderation notices
    assert obligation_reminders_send(now=local(2026, 3, 18)) == 0
    assert mail.outbox == []
    assert not ReminderSent.objects.exists()


def test_zero_lead_days_sends_nothing(world):
    lao_cai_20(world.border, reminder_days=0)
    assert obligation_reminders_send(now=local(2026, 3, 20, 8)) == 0


def test_agency_without_providers_gets_the_reminder_at_its_own_address(world):
    from cms.editorial.tests.factories import AgencyFactory

    agency = AgencyFactory(slug="so-tu-phap", name="Sở Tư pháp")
    lao_cai_20(agency)
    obligation_reminders_send(now=local(2026, 3, 18))
    assert [m.to for m in mail.outbox] == [["so-tu-phap@example.org"]]


def test_the_command_queues_the_task_on_the_database_backend(world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    lao_cai_20(world.border)
    with freeze_time(local(2026, 3, 18, 7, 30)):
        call_command("obligations_remind")
    [queued] = DBTaskResult.objects.filter(task_path=TASK_PATH)
    assert queued.status == "READY"
    assert mail.outbox == []  # the db_worker sends it


def test_the_task_run_by_the_command_sends_the_reminder(world):
    # Test settings run tasks at once (ImmediateBackend), as a worker would.
    lao_cai_20(world.border)
    with freeze_time(local(2026, 3, 18, 7, 30)):
        call_command("obligations_remind")
        call_command("obligations_remind", "--now")
    assert [m.to for m in mail.outbox] == [["provider_border@example.org"]]
