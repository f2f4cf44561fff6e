"""Writes: issue and cancel an emergency, switch LED faces; each audit-logged.

Every write raises the changed clusters' state counter (`_states_raise`) in
the same transaction, so each agent sees a newer signed state at its next
poll (every 15 s by default) and refuses any older one.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cms.clusters.models import Cluster
from cms.programmes.models import Programme, Rendition
from cms.programmes.selectors import programme_rendition_needs

from .errors import EmergencyError
from .models import ClusterEmergencyState, EmergencyMessage, EmergencyOrder, FaceSwitch
from .selectors import clusters_for_user, release_media


def _scope_check(*, user: AbstractBaseUser, clusters: list[Cluster]) -> None:
    allowed = set(clusters_for_user(user=user).values_list("pk", flat=True))
    refused = [cluster.name for cluster in clusters if cluster.pk not in allowed]
    if refused:
        raise EmergencyError(
            _(
                "You may not act on %(clusters)s in an emergency; ask the head of "
                "board to assign these clusters to you."
            )
            % {"clusters": ", ".join(refused)}
        )


def _messages_check(
    *, clusters: list[Cluster], messages: dict[str, tuple[str, str]]
) -> None:
    """Every chosen cluster's languages need a message once any is written."""
    if not messages:
        return
    for cluster in clusters:
        missing = [code for code in cluster.ordered_languages if code not in messages]
        if missing:
            raise EmergencyError(
                _(
                    "%(cluster)s shows %(languages)s: write the message in %(missing)s "
                    "too, or choose only a programme."
                )
                % {
                    "cluster": cluster.name,
                    "languages": ", ".join(cluster.ordered_languages),
                    "missing": ", ".join(missing),
                }
            )


def _face_rendition(*, programme: Programme, face) -> Rendition | None:
    for need in programme_rendition_needs(programme):
        if need.face.pk == face.pk:
            return (
                Rendition.objects.filter(
                    input_key=need.input_key, status=Rendition.Status.DONE
                )
                .exclude(sha256="")
                .first()
            )
    return None


def programme_faces_resolve(
    *, programme: Programme, clusters: list[Cluster]
) -> dict[str, dict]:
    """Each cluster face's rendition of ``programme`` in the cluster's release.

    Returns ``{cluster code: {face code: {"src", "sha256", "duration_s"}}}``.
    Raises `EmergencyError` naming the first face whose finished rendition
    the cluster's newest release does not hold.
    """
    resolved: dict[str, dict] = {}
    for cluster in clusters:
        media = release_media(cluster=cluster) or {}
        faces = list(cluster.led_faces.all())
        if not faces:
            raise EmergencyError(
                _("%(cluster)s has no LED face to show a programme; write a message.")
                % {"cluster": cluster.name}
            )
        resolved[cluster.code] = {}
        for face in faces:
            rendition = _face_rendition(programme=programme, face=face)
            path = media.get(rendition.sha256) if rendition else None
            if path is None:
                raise EmergencyError(
                    _(
                        "This programme has no finished rendition for face %(face)s "
                        "on cluster %(cluster)s; wait for the transcode or choose a "
                        "message."
                    )
                    % {"face": face.name, "cluster": cluster.name}
                )
            resolved[cluster.code][face.code] = {
                "src": f"/{path}",
                "sha256": rendition.sha256,
                "duration_s": rendition.duration_s,
            }
    return resolved


def _states_raise(*, clusters: list[Cluster], now: datetime) -> None:
    """Raise each cluster's state counter: above the last, and at least ``now`` in
    microseconds, so it keeps growing even after a database restore."""
    for cluster in clusters:
        state, _made = ClusterEmergencyState.objects.select_for_update().get_or_create(
            cluster=cluster, defaults={"updated_at": now}
        )
        state.sequence = max(state.sequence + 1, int(now.timestamp() * 1_000_000))
        state.updated_at = now
        state.save()


def _issue_check(
    *,
    user: AbstractBaseUser,
    clusters: list[Cluster],
    messages: dict[str, tuple[str, str]],
    programme: Programme | None,
    until: datetime | None,
    now: datetime,
) -> None:
    """Raise `EmergencyError` for what an emergency order cannot start with."""
    if not clusters:
        raise EmergencyError(_("Choose at least one cluster."))
    _scope_check(user=user, clusters=clusters)
    if not messages and programme is None:
        raise EmergencyError(_("Write a message or choose a programme to show."))
    if until is not None and until <= now:
        raise EmergencyError(
            _(
                "The end %(until)s has already passed; choose a later time, or leave "
                "it empty to run until cancelled."
            )
            % {"until": timezone.localtime(until).strftime("%d/%m/%Y %H:%M")}
        )
    _messages_check(clusters=clusters, messages=messages)


@transaction.atomic
def emergency_issue(
    *,
    user: AbstractBaseUser,
    clusters: list[Cluster],
    messages: dict[str, tuple[str, str]],
    programme: Programme | None = None,
    until: datetime | None = None,
    now: datetime | None = None,
) -> EmergencyOrder:
    """Start an emergency on ``clusters`` now: ``messages`` ({language: (title,
    text)}) in every language of each cluster, and/or ``programme``.

    Raises `EmergencyError` saying what to change: a cluster outside the
    user's, nothing to show, an end already past, a missing language, a
    programme without a finished rendition in a cluster's release.
    """
    now = now or timezone.now()
    _issue_check(
        user=user,
        clusters=clusters,
        messages=messages,
        programme=programme,
        until=until,
        now=now,
    )
    faces = (
        programme_faces_resolve(programme=programme, clusters=clusters)
        if programme
        else {}
    )
    order = EmergencyOrder.objects.create(
        programme=programme,
        programme_faces=faces,
        started_at=now,
        until=until,
        created_by=user,
    )
    order.clusters.set(clusters)
    EmergencyMessage.objects.bulk_create(
        EmergencyMessage(order=order, language=code, title=title, text=text)
        for code, (title, text) in messages.items()
    )
    _states_raise(clusters=clusters, now=now)
    log(
        instance=order,
        action="emergency.issue",
        user=user,
        data={
            "clusters": [cluster.code for cluster in clusters],
            "languages": sorted(messages),
            "title": messages.get("vi", ("", ""))[0],
            "programme": programme.pk if programme else None,
            "until": until.isoformat() if until else None,
        },
    )
    return order


@transaction.atomic
def emergency_cancel(
    *, user: AbstractBaseUser, order: EmergencyOrder, now: datetime | None = None
) -> None:
    """End ``order`` now on all its clusters (the user must hold all of them)."""
    now = now or timezone.now()
    order = EmergencyOrder.objects.select_for_update().get(pk=order.pk)
    if order.cancelled_at is not None:
        raise EmergencyError(
            _("%(order)s was already cancelled at %(when)s.")
            % {
                "order": order,
                "when": timezone.localtime(order.cancelled_at).strftime("%H:%M"),
            }
        )
    clusters = list(order.clusters.all())
    _scope_check(user=user, clusters=clusters)
    order.cancelled_at = now
    order.cancelled_by = user
    order.save(update_fields=["cancelled_at", "cancelled_by"])
    _states_raise(clusters=clusters, now=now)
    log(
        instance=order,
        action="emergency.cancel",
        user=user,
        data={"clusters": [cluster.code for cluster in clusters]},
    )


@transaction.atomic
def faces_switch(
    *, user: AbstractBaseUser, cluster: Cluster, face_code: str, switched_on: bool
) -> FaceSwitch:
    """Switch one LED face of ``cluster`` (or every one: ``face_code`` "") off or on."""
    _scope_check(user=user, clusters=[cluster])
    codes = [face.code for face in cluster.led_faces.all()]
    if face_code and face_code not in codes:
        raise EmergencyError(
            _("%(cluster)s has no LED face %(face)s; its faces are %(faces)s.")
            % {"cluster": cluster.name, "face": face_code, "faces": ", ".join(codes)}
        )
    switch = FaceSwitch.objects.create(
        cluster=cluster, face_code=face_code, switched_on=switched_on, created_by=user
    )
    _states_raise(clusters=[cluster], now=switch.created_at)
    log(
        instance=switch,
        action="emergency.faces_on" if switched_on else "emergency.faces_off",
        user=user,
        data={"cluster": cluster.code, "face": face_code or "*"},
    )
    return switch
