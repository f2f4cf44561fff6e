"""Writes: obligations from presets, and reminder e-mails sent once."""

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.agencies.models import Agency
from cms.editorial.selectors import provider_group

from .errors import ObligationError
from .models import Obligation, ReminderSent
from .presets import PRESETS
from .selectors import Status, local_tz, obligation_period, period_status

logger = logging.getLogger(__name__)


def obligation_create_from_preset(
    *, agency: Agency, preset: str, reminder_days: int = 3
) -> Obligation:
    """Give the agency one of the regulation duties in presets.PRESETS."""
    if preset not in PRESETS:
        raise ObligationError(
            f'Unknown obligation preset "{preset}"; use one of: '
            + ", ".join(sorted(PRESETS))
        )
    values = dict(PRESETS[preset])
    with translation.override(settings.LANGUAGE_CODE):
        values["name"] = str(values["name"])
    obligation, _created = Obligation.objects.get_or_create(
        agency=agency,
        recurrence=values.pop("recurrence"),
        due_day=values.pop("due_day"),
        defaults={**values, "reminder_days": reminder_days},
    )
    return obligation


def reminder_recipients(*, agency: Agency) -> list[str]:
    """The e-mail of each active provider of the agency, else the agency's own."""
    group = provider_group(agency=agency)
    emails = []
    if group is not None:
        emails = list(
            get_user_model()
            .objects.filter(groups=group, is_active=True)
            .exclude(email="")
            .order_by("email")
            .values_list("email", flat=True)
        )
    if not emails and agency.email:
        emails = [agency.email]
    return emails


def _reminder_due(obligation: Obligation, today: dt.date, now: dt.datetime):
    """The period to remind about today, or None."""
    if obligation.reminder_days == 0:
        return None
    period = obligation_period(obligation=obligation, day=today)
    first_day = period.due - dt.timedelta(days=obligation.reminder_days)
    if not first_day <= today <= period.due:
        return None
    state = period_status(obligation=obligation, period=period, now=now)
    if state.status != Status.PENDING:
        return None
    return state


def _reminder_send(obligation: Obligation, state, recipients: list[str]) -> None:
    context = {"obligation": obligation, "state": state}
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reminder: %(name)s is due on %(due)s") % {
            "name": obligation.name,
            "due": state.period.due.strftime("%d/%m/%Y"),
        }
        body = render_to_string("obligations/reminder_email.txt", context)
    send_mail(subject, body, None, recipients)


def obligation_reminders_send(*, now: dt.datetime | None = None) -> int:
    """E-mail the providers of every agency whose due date is near, once.

    A reminder goes out from ``reminder_days`` before the due date to the due
    date itself, only while the agency has not yet sent enough for the period;
    a ReminderSent row per obligation and due date keeps it to one e-mail
    however often this runs. Returns the number of e-mails sent.
    """
    now = now or timezone.now()
    today = timezone.localtime(now, local_tz()).date()
    sent = 0
    for obligation in Obligation.objects.filter(active=True).select_related("agency"):
        state = _reminder_due(obligation, today, now)
        if state is None:
            continue
        recipients = reminder_recipients(agency=obligation.agency)
        if not recipients:
            logger.warning(
                "No e-mail for %s: give its providers or the agency an e-mail "
                "address to receive reminders",
                obligation.agency,
            )
            continue
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    obligation=obligation,
                    due_date=state.period.due,
                    recipients=", ".join(recipients),
                )
                _reminder_send(obligation, state, recipients)
        except IntegrityError:
            continue  # sent by an earlier run
        sent += 1
    return sent
