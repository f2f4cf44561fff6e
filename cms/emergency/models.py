"""Emergency orders, face switches, each cluster's state counter and who acts where."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class EmergencyOrder(models.Model):
    """Messages in the clusters' languages and/or a programme that pre-empt the
    schedule from ``started_at`` until ``until`` (or until cancelled)."""

    clusters = models.ManyToManyField(
        "clusters.Cluster", verbose_name=_("clusters"), related_name="emergency_orders"
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # {cluster code: {face code: {"src", "sha256", "duration_s"}}}, resolved
    # against each cluster's release when the order was issued.
    programme_faces = models.JSONField(default=dict, blank=True, editable=False)
    started_at = models.DateTimeField(_("started at"))
    until = models.DateTimeField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("emergency order")
        verbose_name_plural = _("emergency orders")
        ordering = ["-started_at", "-id"]
        permissions = [
            ("issue_emergency", _("Can issue emergencies and switch LED faces")),
            ("act_on_all_clusters", _("Can act on every cluster in an emergency")),
        ]

    def __str__(self):
        return _("Emergency %(id)s") % {"id": self.pk}

    def is_active(self, *, now) -> bool:
        """Started, not cancelled, and its end (if any) not reached at ``now``."""
        return (
            self.cancelled_at is None
            and self.started_at <= now
            and (self.until is None or self.until > now)
        )


class EmergencyMessage(models.Model):
    """An order's message in one language."""

    order = models.ForeignKey(
        EmergencyOrder, on_delete=models.CASCADE, related_name="messages"
    )
    language = models.CharField(_("language"), max_length=10)
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"), max_length=1000)

    class Meta:
        verbose_name = _("emergency message")
        constraints = [
            models.UniqueConstraint(
                fields=["order", "language"], name="one_emergency_message_per_language"
            )
        ]

    def __str__(self):
        return f"{self.order} [{self.language}] {self.title}"


class FaceSwitch(models.Model):
    """LED faces of a cluster switched off (black) or on again."""

    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.CASCADE,
        related_name="face_switches",
    )
    face_code = models.CharField(
        _("face"), max_length=40, blank=True, help_text=_("Empty: every face.")
    )
    switched_on = models.BooleanField(_("switched on"))
    created_at = models.DateTimeField(_("switched at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("switched by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("face switch")
        verbose_name_plural = _("face switches")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        face = self.face_code or "*"
        return f"{self.cluster_id}/{face} {'on' if self.switched_on else 'off'}"


class ClusterEmergencyState(models.Model):
    """A cluster's emergency state counter: raised at every change, never lowered,
    so its agent can refuse a replayed older state."""

    cluster = models.OneToOneField(
        "clusters.Cluster",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="emergency_state",
    )
    sequence = models.PositiveBigIntegerField(default=0)
    updated_at = models.DateTimeField()

    def __str__(self):
        return f"{self.cluster_id} #{self.sequence}"


class OperatorClusters(models.Model):
    """The clusters a cluster operator (e.g. a border-guard post) may act on in an
    emergency; the head of board and administrators act on every cluster."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="emergency_clusters",
    )
    clusters = models.ManyToManyField(
        "clusters.Cluster",
        verbose_name=_("clusters"),
        blank=True,
        related_name="emergency_operators",
    )

    panels = [FieldPanel("user"), FieldPanel("clusters")]

    class Meta:
        verbose_name = _("operator's emergency clusters")
        verbose_name_plural = _("operators' emergency clusters")

    def __str__(self):
        return str(self.user)
