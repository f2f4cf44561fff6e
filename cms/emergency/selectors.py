"""Reads: who may act on which cluster, a cluster's state, what a release holds."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.clusters.models import Cluster
from cms.releases.selectors import release_latest
from cms.releases.store import cluster_dir
from kiosk_site.agent.emergency_format import STATE_VERSION, state_sign
from kiosk_site.errors import ReleaseError
from kiosk_site.release.keys import signer_load
from kiosk_site.release.manifest import manifest_loads

from .errors import EmergencyError
from .models import ClusterEmergencyState, EmergencyOrder, FaceSwitch

ISSUE = "emergency.issue_emergency"
ALL_CLUSTERS = "emergency.act_on_all_clusters"


def clusters_for_user(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet:
    """The active clusters ``user`` may act on in an emergency.

    Every one for holders of ``act_on_all_clusters`` (head of board,
    administrators); for other holders of ``issue_emergency`` (cluster
    operators) those assigned to them in `OperatorClusters`; else none.
    """
    clusters = Cluster.objects.active()
    if not user.has_perm(ISSUE):
        return clusters.none()
    if user.has_perm(ALL_CLUSTERS):
        return clusters
    return clusters.filter(emergency_operators__user=user)


def orders_for_user(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet:
    """Orders that name at least one cluster the user may act on, newest first."""
    scope = clusters_for_user(user=user)
    return (
        EmergencyOrder.objects.filter(clusters__in=scope)
        .distinct()
        .select_related("created_by", "cancelled_by", "programme")
        .prefetch_related("clusters", "messages")
    )


def switches_for_user(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet:
    """Face switches on clusters the user may act on, newest first."""
    return FaceSwitch.objects.filter(
        cluster__in=clusters_for_user(user=user)
    ).select_related("cluster", "created_by")


def order_active(*, cluster: Cluster, now: datetime) -> EmergencyOrder | None:
    """The newest order running on ``cluster`` at ``now``, or None."""
    return (
        cluster.emergency_orders.filter(cancelled_at__isnull=True, started_at__lte=now)
        .filter(Q(until__isnull=True) | Q(until__gt=now))
        .order_by("-started_at", "-id")
        .first()
    )


def faces_off(*, cluster: Cluster) -> list[str]:
    """The codes of the cluster's faces switched off now (switches replayed)."""
    codes = [face.code for face in cluster.led_faces.all()]
    off: set[str] = set()
    for switch in cluster.face_switches.order_by("created_at", "id"):
        if not switch.face_code:
            off = set() if switch.switched_on else set(codes)
        elif switch.switched_on:
            off.discard(switch.face_code)
        else:
            off.add(switch.face_code)
    return [code for code in codes if code in off]


def _local(value: datetime | None) -> str | None:
    return None if value is None else timezone.localtime(value).isoformat()


def _emergency(*, order: EmergencyOrder, cluster: Cluster) -> dict:
    by_language = {message.language: message for message in order.messages.all()}
    messages = [
        {"lang": code, "title": by_language[code].title, "text": by_language[code].text}
        for code in cluster.ordered_languages
        if code in by_language
    ]
    faces = order.programme_faces.get(cluster.code)
    programme = {"programme_id": order.programme_id, "faces": faces} if faces else None
    return {
        "id": f"em-{order.pk}",
        "started_at": _local(order.started_at),
        "until": _local(order.until),
        "messages": messages,
        "programme": programme,
    }


def cluster_state(*, cluster: Cluster, now: datetime | None = None) -> dict:
    """The cluster's emergency state as its agent receives it (signed)."""
    now = now or timezone.now()
    counter = ClusterEmergencyState.objects.filter(cluster=cluster).first()
    order = order_active(cluster=cluster, now=now)
    emergency = None if order is None else _emergency(order=order, cluster=cluster)
    return {
        "version": STATE_VERSION,
        "cluster": cluster.code,
        "sequence": counter.sequence if counter else 0,
        "updated_at": _local(counter.updated_at if counter else cluster_epoch()),
        "emergency": emergency,
        "faces_off": faces_off(cluster=cluster),
    }


def cluster_epoch() -> datetime:
    """``updated_at`` of a cluster that never had an emergency change."""
    return datetime(2000, 1, 1, tzinfo=timezone.get_current_timezone())


def cluster_state_envelope(*, cluster: Cluster) -> dict:
    """`cluster_state` signed with the release key (RELEASE_SIGNING_KEY)."""
    try:
        signer = signer_load(key_path=Path(settings.RELEASE_SIGNING_KEY))
    except ReleaseError as err:
        raise EmergencyError(
            _(
                "The emergency state of %(cluster)s cannot be signed: %(error)s. Set "
                "RELEASE_SIGNING_KEY to the province's release signing key."
            )
            % {"cluster": cluster.code, "error": err}
        ) from err
    return state_sign(state=cluster_state(cluster=cluster), signer=signer)


def release_media(*, cluster: Cluster) -> dict[str, str] | None:
    """The files of the cluster's newest release by sha256 (-> path), or None."""
    release = release_latest(cluster=cluster)
    if release is None:
        return None
    record = cluster_dir(code=cluster.code) / "builds" / f"{release.build}.json"
    try:
        manifest = manifest_loads(data=record.read_bytes())
    except (OSError, ReleaseError):
        return None
    return {entry.sha256: entry.path for entry in manifest.files}
