"""Reads of the releases app: credentials by token, the fleet table."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from cms.clusters.models import Cluster

from .models import AgentReport, ClusterCredential, Release

TOKEN_PREFIX_LENGTH = 8
MAX_TOKEN_LENGTH = 200


def token_sha256(token: str) -> str:
    """The stored form of a credential's token."""
    return hashlib.sha256(token.encode()).hexdigest()


def credential_for_token(*, token: str) -> ClusterCredential | None:
    """The credential (active or ended) whose token this is, or None.

    Candidates are found by the token's visible prefix; the stored hashes are
    compared in constant time.
    """
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    digest = token_sha256(token)
    candidates = ClusterCredential.objects.filter(
        prefix=token[:TOKEN_PREFIX_LENGTH]
    ).select_related("cluster")
    found = None
    for candidate in candidates:
        if hmac.compare_digest(candidate.token_sha256, digest):
            found = candidate
    return found


def release_latest(*, cluster: Cluster) -> Release | None:
    """The cluster's newest recorded release."""
    return Release.objects.filter(cluster=cluster).order_by("-build").first()


@dataclass(frozen=True)
class FleetRow:
    """One cluster as the fleet view shows it."""

    cluster: Cluster
    release: Release | None
    report: AgentReport | None
    credential: ClusterCredential | None
    silent_minutes: int | None

    @property
    def assigned_build(self) -> int | None:
        return self.release.build if self.release else None

    @property
    def running_build(self) -> int | None:
        return self.report.running_build if self.report else None

    @property
    def drift(self) -> int | None:
        """Builds the agent is behind what the CMS published (assigned − running)."""
        if self.assigned_build is None or self.running_build is None:
            return None
        return self.assigned_build - self.running_build

    @property
    def is_silent(self) -> bool:
        """No report yet, or none for longer than RELEASE_AGENT_SILENT_MINUTES."""
        limit = settings.RELEASE_AGENT_SILENT_MINUTES
        return self.silent_minutes is None or self.silent_minutes >= limit


def _latest_by_cluster(model) -> dict:
    newest = model.objects.values("cluster").annotate(newest=Max("id"))
    ids = [row["newest"] for row in newest]
    return {item.cluster_id: item for item in model.objects.filter(id__in=ids)}


def fleet_rows(*, now: datetime | None = None) -> list[FleetRow]:
    """Every cluster with its latest release, latest report and active credential.

    A fixed number of queries whatever the fleet's size.
    """
    now = now or timezone.now()
    releases = _latest_by_cluster(Release)
    reports = _latest_by_cluster(AgentReport)
    credentials = {c.cluster_id: c for c in ClusterCredential.objects.active()}
    rows = []
    for cluster in Cluster.objects.order_by("code"):
        report = reports.get(cluster.pk)
        silent = None
        if report is not None:
            silent = int((now - report.received_at).total_seconds() // 60)
        rows.append(
            FleetRow(
                cluster=cluster,
                release=releases.get(cluster.pk),
                report=report,
                credential=credentials.get(cluster.pk),
                silent_minutes=silent,
            )
        )
    return rows
