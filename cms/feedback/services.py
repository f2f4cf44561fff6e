"""Writes of public feedback: intake (kiosk or staff), workflow steps, erasure."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .errors import FeedbackError, FeedbackPayloadError
from .models import Feedback

Status = Feedback.Status
MAX_CONTACT = Feedback._meta.get_field("contact").max_length
MAX_LANGUAGE = Feedback._meta.get_field("language").max_length
MAX_KIOSK = Feedback._meta.get_field("kiosk_code").max_length
MAX_PAGE = Feedback._meta.get_field("page").max_length


# --- Intake -------------------------------------------------------------------


def _short_text(payload: dict, key: str, limit: int) -> str:
    value = payload.get(key)
    return value.strip()[:limit] if isinstance(value, str) else ""


def _kiosk_fields(payload: object) -> dict:
    """The fields a kiosk's feedback payload gives; nothing else is kept.

    The kiosk form sends ``message`` and ``language``; ``text`` and ``locale``
    (the upload format's example) are read when those are absent. The form's
    own id, the browser and the network address are not stored; the contact
    only with ``consent`` exactly ``true``.
    """
    if not isinstance(payload, dict):
        raise FeedbackPayloadError(
            f"a feedback payload is a JSON object, got {payload!r:.80}"
        )
    text = payload.get("message", payload.get("text"))
    if not isinstance(text, str) or not text.strip():
        raise FeedbackPayloadError(
            'a feedback payload needs a non-empty "message" string, got '
            f"{text!r:.80}; the agent refuses empty messages, check its version"
        )
    language = "language" if "language" in payload else "locale"
    consent = payload.get("consent") is True
    return {
        "text": text,
        "language": _short_text(payload, language, MAX_LANGUAGE),
        "kiosk_code": _short_text(payload, "kiosk", MAX_KIOSK),
        "page": _short_text(payload, "page", MAX_PAGE),
        "consent": consent,
        "contact": _short_text(payload, "contact", MAX_CONTACT) if consent else "",
    }


def _mark_flood_and_duplicate(item: Feedback) -> None:
    """Flag ``item`` as a suspected flood or a duplicate of an earlier one.

    A flood: more than FEEDBACK_FLOOD_PER_HOUR items from the same kiosk sent
    in the hour up to this one (this one included). A duplicate: the same text
    from the same kiosk within FEEDBACK_DUPLICATE_MINUTES before it; it joins
    the earlier item's group. Both are kept.
    """
    same_kiosk = Feedback.objects.filter(
        cluster=item.cluster, kiosk_code=item.kiosk_code, sent_at__lte=item.sent_at
    ).exclude(pk=item.pk)
    hour = same_kiosk.filter(sent_at__gt=item.sent_at - dt.timedelta(hours=1))
    item.suspected_flood = hour.count() + 1 > settings.FEEDBACK_FLOOD_PER_HOUR
    window = dt.timedelta(minutes=settings.FEEDBACK_DUPLICATE_MINUTES)
    earlier = (
        same_kiosk.filter(text=item.text, sent_at__gte=item.sent_at - window)
        .order_by("sent_at", "pk")
        .first()
    )
    if earlier is not None:
        item.duplicate_of_id = earlier.duplicate_of_id or earlier.pk


def feedback_from_upload(*, upload) -> Feedback:
    """The feedback item of one kiosk ``feedback`` agent upload, made once.

    Called by the AgentUpload post_save receiver. An upload already recorded
    returns its item. Raises `FeedbackPayloadError` (the agent API then
    rejects the upload) for a payload without a message.
    """
    fields = _kiosk_fields(upload.payload)
    with transaction.atomic():
        existing = Feedback.objects.filter(upload=upload).first()
        if existing is not None:
            return existing
        item = Feedback(
            channel=Feedback.Channel.KIOSK,
            upload=upload,
            cluster=upload.cluster,
            sent_at=upload.spooled_at or upload.received_at,
            received_at=upload.received_at,
            **fields,
        )
        _mark_flood_and_duplicate(item)
        item.save()
    log(
        instance=item,
        action="feedback.receive",
        data={"cluster": upload.cluster.code, "kiosk": item.kiosk_code},
    )
    return item


def feedback_create(
    *,
    channel: str,
    language: str,
    text: str,
    sent_at: dt.datetime,
    user: AbstractBaseUser,
    consent: bool = False,
    contact: str = "",
    cluster=None,
    summary: str = "",
) -> Feedback:
    """Record feedback staff took by phone, letter, in person or from the portal.

    A contact without consent is not stored at all.
    """
    if channel == Feedback.Channel.KIOSK or channel not in Feedback.Channel.values:
        raise FeedbackError(
            _(
                '"%(channel)s" is not a channel staff enter; choose phone, letter, '
                "in person or portal (kiosk feedback arrives by itself)."
            )
            % {"channel": channel}
        )
    if not text.strip():
        raise FeedbackError(_("The feedback text is empty; write what was said."))
    item = Feedback.objects.create(
        channel=channel,
        language=language,
        text=text,
        consent=consent,
        contact=contact.strip()[:MAX_CONTACT] if consent else "",
        cluster=cluster,
        summary=summary,
        sent_at=sent_at,
        received_at=timezone.now(),
        received_by=user,
    )
    log(instance=item, action="feedback.create", user=user, data={"channel": channel})
    return item


# --- Workflow -----------------------------------------------------------------


def _locked(feedback: Feedback, *, allowed: set[str], refusal: str) -> Feedback:
    """The item re-read under a row lock, if its status is one of ``allowed``.

    Otherwise raises `FeedbackError` with ``refusal`` (placeholders ``id`` and
    ``status``). A duplicate is never acted on: its group's first item is.
    """
    item = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if item.duplicate_of_id:
        raise FeedbackError(
            _("Feedback #%(id)s is a duplicate of #%(first)s; handle #%(first)s.")
            % {"id": item.pk, "first": item.duplicate_of_id}
        )
    if item.status not in allowed:
        status = str(item.get_status_display()).lower()
        raise FeedbackError(refusal % {"id": item.pk, "status": status})
    return item


def feedback_forward(
    *, feedback: Feedback, agency, user: AbstractBaseUser, note: str = ""
) -> Feedback:
    """Send the item to the body responsible for it.

    Also again (to another body, or after an unsatisfying answer, which is then
    cleared; the audit log keeps it).
    """
    if agency is None:
        raise FeedbackError(_("Choose the responsible body to forward it to."))
    with transaction.atomic():
        item = _locked(
            feedback,
            allowed={Status.RECEIVED, Status.FORWARDED, Status.ANSWERED},
            refusal=_("Feedback #%(id)s is %(status)s; reopen it to forward it."),
        )
        item.agency = agency
        # Forwarded again after an answer: the old answer stays in the history.
        item.answer, item.answered_at, item.answered_by = "", None, None
        item.status = Status.FORWARDED
        item.forwarded_at, item.forwarded_by = timezone.now(), user
        item.save()
        log(
            instance=item,
            action="feedback.forward",
            user=user,
            data={"agency": agency.name, "note": note},
        )
    return item


def feedback_answer(*, feedback: Feedback, answer: str, user: AbstractBaseUser):
    """Record the responsible body's answer."""
    if not answer.strip():
        raise FeedbackError(_("The answer is empty; write the answer that was given."))
    with transaction.atomic():
        item = _locked(
            feedback,
            allowed={Status.FORWARDED},
            refusal=_(
                "Feedback #%(id)s is %(status)s; forward it to the responsible body "
                "before recording an answer."
            ),
        )
        item.answer = answer
        item.status = Status.ANSWERED
        item.answered_at, item.answered_by = timezone.now(), user
        item.save()
        log(
            instance=item,
            action="feedback.answer",
            user=user,
            data={"answer": answer},
        )
    return item


def feedback_close(
    *, feedback: Feedback, user: AbstractBaseUser, note: str = ""
) -> Feedback:
    """Close an answered item, or an unanswered one with a note saying why."""
    with transaction.atomic():
        item = _locked(
            feedback,
            allowed={Status.RECEIVED, Status.FORWARDED, Status.ANSWERED},
            refusal=_("Feedback #%(id)s is %(status)s already."),
        )
        if item.status != Status.ANSWERED and not note.strip():
            raise FeedbackError(
                _(
                    "Feedback #%(id)s has no answer yet; to close it anyway, write "
                    "why in the note (e.g. spam, no action needed)."
                )
                % {"id": item.pk}
            )
        item.status = Status.CLOSED
        item.closed_at, item.closed_by = timezone.now(), user
        item.close_note = note
        item.save()
        log(instance=item, action="feedback.close", user=user, data={"note": note})
    return item


def feedback_reopen(*, feedback: Feedback, user: AbstractBaseUser, note: str = ""):
    """Reopen a closed item at the step it had reached before closing."""
    with transaction.atomic():
        item = _locked(
            feedback,
            allowed={Status.CLOSED},
            refusal=_(
                "Feedback #%(id)s is %(status)s, not closed; only closed feedback "
                "can be reopened."
            ),
        )
        if item.answered_at:
            item.status = Status.ANSWERED
        elif item.forwarded_at:
            item.status = Status.FORWARDED
        else:
            item.status = Status.RECEIVED
        item.closed_at, item.closed_by = None, None
        item.save()
        log(instance=item, action="feedback.reopen", user=user, data={"note": note})
    return item


def feedback_summary_set(*, feedback: Feedback, summary: str, user: AbstractBaseUser):
    """Set staff's translation or summary; the original text is not touched."""
    Feedback.objects.filter(pk=feedback.pk).update(summary=summary)
    feedback.summary = summary
    log(instance=feedback, action="feedback.summary", user=user)
    return feedback


# --- Personal data ------------------------------------------------------------


def feedback_contacts_erase(*, now: dt.datetime | None = None) -> int:
    """Erase the contact of items closed FEEDBACK_CONTACT_KEEP_DAYS ago or more.

    Also blanks the contact in the kiosk upload the item came from. Returns
    how many items lost a contact. Items reopened since are not touched.
    """
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.FEEDBACK_CONTACT_KEEP_DAYS)
    due = Feedback.objects.filter(
        status=Status.CLOSED, closed_at__lte=cutoff, contact_erased_at__isnull=True
    ).select_related("upload")
    erased = 0
    for item in due:
        with transaction.atomic():
            upload = item.upload
            if upload is not None and isinstance(upload.payload, dict):
                if upload.payload.get("contact"):
                    upload.payload = {**upload.payload, "contact": ""}
                    upload.save(update_fields=["payload"])
            had_contact = bool(item.contact)
            item.contact, item.contact_erased_at = "", now
            item.save(update_fields=["contact", "contact_erased_at"])
            if had_contact:
                erased += 1
                log(instance=item, action="feedback.erase_contact")
    return erased
