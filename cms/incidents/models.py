"""Incidents at a cluster: what happened, how bad, its timeline, how it ended.

Lào Cai Art. 9.5 and An Giang Art. 6.10 name three kinds: power, technical
(the cluster stops working) and information security (what the cluster shows
is accessed, disclosed, interrupted, altered or destroyed without leave). The
operator fixes power and technical incidents; a security incident is reported
at once to the Department and the provincial police (services.py).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel


class IncidentQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def automatic(self):
        return self.filter(source=Incident.Source.AUTOMATIC)


class Incident(ClusterableModel):
    """One incident at one cluster, from opening to resolution."""

    class Kind(models.TextChoices):
        POWER = "power", _("Power")
        TECHNICAL = "technical", _("Technical")
        SECURITY = "security", _("Information security")

    class Severity(models.TextChoices):
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")
        CRITICAL = "critical", _("Critical")

    class Source(models.TextChoices):
        STAFF = "staff", _("Entered by staff")
        AUTOMATIC = "automatic", _("Automatic (cluster silent)")

    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="incidents",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    severity = models.CharField(
        _("severity"), max_length=20, choices=Severity.choices, default=Severity.MEDIUM
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What happened, what is affected, who noticed it."),
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=Source.choices,
        default=Source.STAFF,
        editable=False,
    )
    agent_last_heard_at = models.DateTimeField(
        _("agent last heard at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("For a cluster-silent incident: the agent's last report before."),
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution = models.TextField(
        _("resolution"),
        blank=True,
        help_text=_("How it was fixed, and whether it was escalated."),
    )
    security_notified_at = models.DateTimeField(
        _("department and police notified at"),
        null=True,
        blank=True,
        editable=False,
    )

    objects = IncidentQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("cluster"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("severity")]),
                FieldPanel("title"),
                FieldPanel("description"),
                FieldPanel("opened_at"),
            ],
            heading=_("Incident"),
        ),
        InlinePanel("entries", heading=_("Timeline"), label=_("timeline entry")),
        MultiFieldPanel(
            [FieldPanel("resolved_at"), FieldPanel("resolution")],
            heading=_("Resolution"),
        ),
    ]

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-opened_at", "-id"]
        constraints = [
            # One open cluster-silent incident per cluster: a silence is
            # reported once however often the check runs.
            models.UniqueConstraint(
                fields=["cluster"],
                condition=models.Q(source="automatic", resolved_at__isnull=True),
                name="one_open_automatic_incident_per_cluster",
            )
        ]
        indexes = [models.Index(fields=["opened_at"], name="incidents_opened_at")]

    def __str__(self):
        return f"{self.cluster.code}: {self.title}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    def clean(self):
        super().clean()
        if self.resolved_at and not self.resolution.strip():
            raise ValidationError(
                {
                    "resolution": _(
                        "Say how the incident was resolved, or clear "
                        "“resolved at” to keep it open."
                    )
                }
            )
        if self.resolution.strip() and not self.resolved_at:
            raise ValidationError(
                {
                    "resolved_at": _(
                        "Give when the incident was resolved, or clear the "
                        "resolution to keep it open."
                    )
                }
            )
        if self.resolved_at and self.opened_at and self.resolved_at < self.opened_at:
            raise ValidationError(
                {
                    "resolved_at": _(
                        "Resolved at %(resolved)s is before the incident opened "
                        "(%(opened)s); give a later time."
                    )
                    % {
                        "resolved": _local_text(self.resolved_at),
                        "opened": _local_text(self.opened_at),
                    }
                }
            )


def _local_text(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


class AuthorPanel(FieldPanel):
    """Who wrote an entry: a name, or "—" for the system."""

    def format_value_for_display(self, value):
        if value is None:
            return "—"
        return value.get_full_name() or value.get_username()


class IncidentEntry(models.Model):
    """One line of an incident's timeline: who did or saw what, when."""

    incident = ParentalKey(
        Incident,
        verbose_name=_("incident"),
        on_delete=models.CASCADE,
        related_name="entries",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "“—”: recorded by the system (or by you, once a new entry is saved)."
        ),
    )
    text = models.TextField(_("what"))

    panels = [
        FieldRowPanel([FieldPanel("at"), AuthorPanel("author", read_only=True)]),
        FieldPanel("text"),
    ]

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{_local_text(self.at)} {self.text[:60]}"
