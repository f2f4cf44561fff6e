"""Credentials, releases, agent reports and agent uploads of each cluster."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Reports kept per cluster; older ones are deleted as new ones arrive.
REPORTS_KEPT_PER_CLUSTER = 500


class ClusterCredentialQuerySet(models.QuerySet):
    def active(self):
        return self.filter(rotated_at__isnull=True, revoked_at__isnull=True)


class ClusterCredential(models.Model):
    """A cluster agent's bearer token, stored only as its sha256.

    The token is shown once when issued; ``prefix`` (its first characters)
    identifies it in lists and logs. Rotating or revoking ends it at once.
    """

    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.CASCADE,
        related_name="agent_credentials",
    )
    prefix = models.CharField(_("prefix"), max_length=12, db_index=True)
    token_sha256 = models.CharField(_("token sha256"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rotated_at = models.DateTimeField(_("rotated at"), null=True, blank=True)
    rotated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rotated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ClusterCredentialQuerySet.as_manager()

    class Meta:
        verbose_name = _("cluster credential")
        verbose_name_plural = _("cluster credentials")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster"],
                condition=models.Q(rotated_at__isnull=True, revoked_at__isnull=True),
                name="one_active_credential_per_cluster",
            )
        ]

    def __str__(self):
        return f"{self.cluster_id}: {self.prefix}…"

    @property
    def is_active(self) -> bool:
        return self.rotated_at is None and self.revoked_at is None


class Release(models.Model):
    """One build of a cluster's kiosk published into the release store."""

    class Trigger(models.TextChoices):
        BUILD = "build", _("After a kiosk build")
        ADMIN = "admin", _("Published in the admin")
        COMMAND = "command", _("Published from the command line")

    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.CASCADE,
        related_name="releases",
    )
    build = models.PositiveIntegerField(_("build"))
    manifest_sha256 = models.CharField(_("manifest sha256"), max_length=64)
    file_count = models.PositiveIntegerField(_("files"))
    total_bytes = models.BigIntegerField(_("bytes"))
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    trigger = models.CharField(_("trigger"), max_length=10, choices=Trigger.choices)

    class Meta:
        verbose_name = _("release")
        verbose_name_plural = _("releases")
        ordering = ["-published_at", "-build"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "build"], name="one_release_per_cluster_build"
            )
        ]
        permissions = [
            ("view_fleet", _("Can view the cluster fleet")),
            (
                "manage_fleet",
                _("Can rebuild, publish, bundle and manage agent credentials"),
            ),
        ]

    def __str__(self):
        return f"{self.cluster_id} build {self.build}"


class AgentReport(models.Model):
    """What a cluster's agent said about itself, when the CMS received it."""

    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.CASCADE,
        related_name="agent_reports",
    )
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    running_build = models.PositiveIntegerField(_("running build"), null=True)
    assigned_build = models.PositiveIntegerField(_("assigned build"), null=True)
    last_check = models.DateTimeField(_("last check"), null=True)
    last_error = models.TextField(_("last error"), blank=True)
    disk_free_bytes = models.BigIntegerField(_("disk free (bytes)"), null=True)
    clock_offset_s = models.FloatField(
        _("clock offset (s)"),
        null=True,
        help_text=_("The agent's clock minus the CMS's; positive is ahead."),
    )
    agent_version = models.CharField(_("agent version"), max_length=40, blank=True)
    status = models.JSONField(_("status as sent"), default=dict)

    class Meta:
        verbose_name = _("agent report")
        verbose_name_plural = _("agent reports")
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["cluster", "-id"], name="releases_report_latest")
        ]

    def __str__(self):
        return f"{self.cluster_id} at {self.received_at:%Y-%m-%d %H:%M}"


class AgentUpload(models.Model):
    """One spooled item an agent uploaded, kept once per idempotency key.

    Kept here as sent. A play log also becomes a hash-chained PlayRecord
    (cms.broadcasting.proof, through a post_save receiver in the same
    transaction); feedback gets its own workflow model later.
    """

    class Kind(models.TextChoices):
        FEEDBACK = "feedback", _("Feedback")
        PLAY_LOG = "play_log", _("Play log")

    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.CASCADE,
        related_name="agent_uploads",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    idempotency_key = models.CharField(_("idempotency key"), max_length=100)
    payload = models.JSONField(_("payload"))
    spooled_at = models.DateTimeField(
        _("spooled at"),
        null=True,
        blank=True,
        help_text=_("When the agent spooled the item, by the agent's clock."),
    )
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("agent upload")
        verbose_name_plural = _("agent uploads")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "idempotency_key"],
                name="one_upload_per_cluster_key",
            )
        ]

    def __str__(self):
        return f"{self.cluster_id} {self.kind} {self.idempotency_key}"
