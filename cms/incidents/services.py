"""Writes: timeline notes and the security incident e-mail."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Incident, IncidentEntry

logger = logging.getLogger(__name__)


def incident_note(
    *,
    incident: Incident,
    text: str,
    author: AbstractBaseUser | None = None,
    at: dt.datetime | None = None,
) -> IncidentEntry:
    """Add a line to the incident's timeline (``author`` None: the system)."""
    return IncidentEntry.objects.create(
        incident=incident, text=text, author=author, at=at or timezone.now()
    )


def security_recipients() -> list[str]:
    """The Department's and the police's addresses, each once, in that order."""
    addresses = [*settings.INCIDENT_DEPARTMENT_EMAILS, *settings.INCIDENT_POLICE_EMAILS]
    return list(dict.fromkeys(addresses))


def security_recipients_missing() -> list[str]:
    """The names of the recipient settings that are empty."""
    return [
        name
        for name in ("INCIDENT_DEPARTMENT_EMAILS", "INCIDENT_POLICE_EMAILS")
        if not getattr(settings, name)
    ]


def _admin_url(incident: Incident) -> str:
    path = reverse("wagtailsnippets_incidents_incident:edit", args=[incident.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _security_message(incident: Incident) -> tuple[str, str]:
    context = {
        "incident": incident,
        "opened": timezone.localtime(incident.opened_at),
        "url": _admin_url(incident),
    }
    subject = _("Information security incident at %(cluster)s: %(title)s") % {
        "cluster": incident.cluster.name,
        "title": incident.title,
    }
    body = render_to_string("incidents/security_email.txt", context)
    return subject, body


def incident_security_notify(*, incident_id: int) -> bool:
    """E-mail a security incident to the Department and the police, once.

    Runs when the incident's transaction commits. The incident is claimed by
    setting ``security_notified_at`` only if it was empty, so two saves send
    one e-mail. Without recipients, or when the mail server refuses, the claim
    is released and the timeline says what went wrong and what to do; the
    silent-cluster check tries again on its next run. Returns whether it sent.
    """
    now = timezone.now()
    claimed = Incident.objects.filter(
        pk=incident_id, kind=Incident.Kind.SECURITY, security_notified_at__isnull=True
    ).update(security_notified_at=now)
    if not claimed:
        return False
    incident = Incident.objects.select_related("cluster").get(pk=incident_id)
    with translation.override(settings.LANGUAGE_CODE):
        recipients = security_recipients()
        if not recipients:
            return _notify_failed(
                incident,
                _(
                    "Not e-mailed to the Department and the police: %(settings)s "
                    "is not set. Telephone them now, and ask the administrator "
                    "to set the addresses."
                )
                % {"settings": ", ".join(security_recipients_missing())},
            )
        subject, body = _security_message(incident)
        try:
            send_mail(subject, body, None, recipients)
        except (smtplib.SMTPException, OSError) as err:
            logger.exception("Security incident %s not e-mailed", incident_id)
            return _notify_failed(
                incident,
                _(
                    "E-mail to %(to)s failed (%(error)s). Telephone the "
                    "Department and the police now; it will be sent again."
                )
                % {"to": ", ".join(recipients), "error": err},
            )
        incident_note(
            incident=incident,
            text=_("E-mailed to the Department and the police: %(to)s.")
            % {"to": ", ".join(recipients)},
            at=now,
        )
    return True


def _notify_failed(incident: Incident, text: str) -> bool:
    Incident.objects.filter(pk=incident.pk).update(security_notified_at=None)
    already = incident.entries.filter(author=None, text=text).exists()
    if not already:
        incident_note(incident=incident, text=text)
    logger.error("Incident %s: %s", incident.pk, text)
    return False


def security_notifications_retry() -> int:
    """Send the security e-mails that failed before; returns how many went."""
    pending = Incident.objects.filter(
        kind=Incident.Kind.SECURITY, security_notified_at__isnull=True
    ).values_list("pk", flat=True)
    return sum(incident_security_notify(incident_id=pk) for pk in list(pending))
