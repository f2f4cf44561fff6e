"""Feedback from the public: what was said, by which channel, and its workflow."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class FeedbackQuerySet(models.QuerySet):
    def default_queue(self):
        """Items staff work on: no suspected floods, one row per duplicate group."""
        return self.filter(suspected_flood=False, duplicate_of__isnull=True)

    def open(self):
        return self.exclude(status=Feedback.Status.CLOSED)


class Feedback(models.Model):
    """One message from the public, kept as written, and what was done with it.

    The original text is never replaced: a translation or summary goes in
    ``summary``. A contact is kept only with the writer's consent and is
    erased ``FEEDBACK_CONTACT_KEEP_DAYS`` after the item is closed.
    """

    class Channel(models.TextChoices):
        KIOSK = "kiosk", pgettext_lazy("feedback channel", "Kiosk")
        PHONE = "phone", pgettext_lazy("feedback channel", "Phone")
        LETTER = "letter", pgettext_lazy("feedback channel", "Letter")
        IN_PERSON = "in_person", pgettext_lazy("feedback channel", "In person")
        PORTAL = "portal", pgettext_lazy("feedback channel", "Web portal")

    class Status(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("feedback status", "Received")
        FORWARDED = "forwarded", pgettext_lazy("feedback status", "Forwarded")
        ANSWERED = "answered", pgettext_lazy("feedback status", "Answered")
        CLOSED = "closed", pgettext_lazy("feedback status", "Closed")

    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    upload = models.OneToOneField(
        "releases.AgentUpload",
        verbose_name=_("agent upload"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback",
    )
    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("cluster"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback",
    )
    kiosk_code = models.CharField(_("kiosk"), max_length=40, blank=True)
    page = models.CharField(_("page"), max_length=500, blank=True)
    language = models.CharField(_("original language"), max_length=20, blank=True)
    text = models.TextField(_("original text"))
    consent = models.BooleanField(_("consent to keep the contact"), default=False)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    contact_erased_at = models.DateTimeField(_("contact erased at"), null=True)
    summary = models.TextField(
        _("translation or summary"),
        blank=True,
        help_text=_("Staff's Vietnamese translation or summary; the original stays."),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("responsible body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    sent_at = models.DateTimeField(
        _("sent at"),
        help_text=_("When the person sent it: the kiosk agent's clock, or as entered."),
    )
    received_at = models.DateTimeField(_("received at"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    forwarded_at = models.DateTimeField(_("forwarded at"), null=True, blank=True)
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("forwarded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    close_note = models.TextField(_("closing note"), blank=True)
    suspected_flood = models.BooleanField(_("suspected flood"), default=False)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-received_at", "-id"]
        permissions = [("handle_feedback", _("Can handle public feedback"))]
        indexes = [models.Index(fields=["cluster", "kiosk_code", "sent_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(consent=True) | Q(contact=""),
                name="feedback_contact_only_with_consent",
            ),
            models.CheckConstraint(
                condition=~Q(channel="kiosk") | Q(upload__isnull=False),
                name="feedback_kiosk_item_has_upload",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.text[:60]}"

    @property
    def time_taken(self):
        """Received → answered, or → closed if closed without an answer; else None."""
        end = self.answered_at or self.closed_at
        return end - self.received_at if end else None
