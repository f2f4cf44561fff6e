"""Play records, each cluster's chain head and the signed daily heads.

Records and heads are append-only: saving an existing one or deleting any
raises `AppendOnlyError`, and the admin offers neither. They are kept at
least 5 years (Kon Tum 03/2024/QĐ-UBND Art. 7.1); nothing deletes them.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import chain


class AppendOnlyError(Exception):
    """A play record or daily head was to be changed or deleted."""


def iso(value: dt.datetime) -> str:
    """A time as the chain hashes it: UTC, ISO 8601, microseconds."""
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} rows are never changed")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} rows are never deleted")


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(
                f"{type(self).__name__} {self.pk} is kept as recorded; it cannot be "
                "changed"
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} {self.pk} is never deleted")


class ProofChain(models.Model):
    """A cluster's chain head, locked (select_for_update) while a record is added."""

    cluster = models.OneToOneField(
        "clusters.Cluster", on_delete=models.PROTECT, related_name="proof_chain"
    )
    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=chain.GENESIS)

    def __str__(self):
        return f"{self.cluster_id} #{self.last_seq}"


class PlayRecord(AppendOnly):
    """One play on one face, as the cluster's player reported it."""

    class Kind(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        EMERGENCY = "emergency", _("Emergency")

    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="play_records",
    )
    seq = models.PositiveBigIntegerField(_("sequence number"))
    face = models.CharField(_("face"), max_length=40)
    # No database constraint: the record keeps the id of a programme deleted later.
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    rendition_sha256 = models.CharField(_("rendition sha256"), max_length=64)
    started_at = models.DateTimeField(_("started at"))
    ended_at = models.DateTimeField(_("ended at"))
    duration_ms = models.PositiveBigIntegerField(_("duration (ms)"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    advertising = models.BooleanField(_("advertising"), default=False)
    source_upload = models.OneToOneField(
        "releases.AgentUpload",
        verbose_name=_("agent upload"),
        on_delete=models.PROTECT,
        related_name="play_record",
    )
    received_at = models.DateTimeField(_("received at"))
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("play record")
        verbose_name_plural = _("play records")
        ordering = ["cluster", "seq"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "seq"], name="one_play_record_per_cluster_seq"
            )
        ]

    def __str__(self):
        return f"{self.cluster_id} #{self.seq} {self.face}"

    def chain_fields(self, *, cluster_code: str, upload_key: str) -> dict:
        """The fields the hash covers, in their canonical form."""
        return {
            "cluster": cluster_code,
            "seq": self.seq,
            "face": self.face,
            "programme_id": self.programme_id,
            "rendition_sha256": self.rendition_sha256,
            "started_at": iso(self.started_at),
            "ended_at": iso(self.ended_at),
            "duration_ms": self.duration_ms,
            "kind": self.kind,
            "advertising": self.advertising,
            "upload_key": upload_key,
            "received_at": iso(self.received_at),
        }


class DailyHead(AppendOnly):
    """A cluster's chain as at the end of one local day, signed by the CMS."""

    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="proof_heads",
    )
    date = models.DateField(_("date"))
    last_seq = models.PositiveBigIntegerField(_("last sequence number"))
    last_hash = models.CharField(_("last hash"), max_length=64)
    count = models.PositiveIntegerField(_("records received that day"))
    key_id = models.CharField(_("key id"), max_length=64)
    signature = models.CharField(_("signature"), max_length=256)
    sealed_at = models.DateTimeField(_("sealed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("daily head")
        verbose_name_plural = _("daily heads")
        ordering = ["cluster", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "date"], name="one_daily_head_per_cluster_date"
            )
        ]

    def __str__(self):
        return f"{self.cluster_id} {self.date} #{self.last_seq}"
