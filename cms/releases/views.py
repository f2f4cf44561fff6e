"""The fleet view in the Wagtail admin and its row actions.

Every action is checked against ``releases.manage_fleet`` and audit-logged
by the service it calls (Reports → Site history).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from cms.clusters.models import Cluster
from cms.kiosks.tasks import kiosk_rebuild
from kiosk_site.release.keys import ROOT_NAME

from . import services
from .errors import ReleasesError
from .selectors import fleet_rows

VIEW = "releases.view_fleet"
MANAGE = "releases.manage_fleet"
CREDENTIAL_ACTIONS = ("issue", "rotate", "revoke")


@permission_required(VIEW)
def fleet_index(request: HttpRequest) -> HttpResponse:
    """Every cluster: assigned and running build, contact, drift, errors, disk."""
    return TemplateResponse(
        request,
        "releases/fleet.html",
        {
            "page_title": _("Cluster fleet"),
            "header_icon": "site",
            "rows": fleet_rows(),
            "can_manage": request.user.has_perm(MANAGE),
            "silent_minutes": settings.RELEASE_AGENT_SILENT_MINUTES,
        },
    )


def _back() -> HttpResponse:
    return redirect("releases_fleet")


@require_POST
@permission_required(MANAGE)
def fleet_rebuild(request: HttpRequest, code: str) -> HttpResponse:
    """Queue a kiosk rebuild (then a publish, by RELEASE_PUBLISH_ON_BUILD)."""
    cluster = get_object_or_404(Cluster, code=code)
    kiosk_rebuild.enqueue(cluster_code=cluster.code)
    services.kiosk_rebuild_record(cluster=cluster, user=request.user)
    messages.success(
        request,
        _("Rebuild of the %(cluster)s kiosk queued.") % {"cluster": cluster.name},
    )
    return _back()


@require_POST
@permission_required(MANAGE)
def fleet_publish(request: HttpRequest, code: str) -> HttpResponse:
    """Publish the cluster's last kiosk build as a new release now."""
    cluster = get_object_or_404(Cluster, code=code)
    try:
        release = services.release_publish(cluster=cluster, user=request.user)
    except ReleasesError as err:
        messages.error(
            request,
            _("Publishing %(cluster)s failed: %(error)s")
            % {"cluster": cluster.name, "error": err},
        )
        return _back()
    messages.success(
        request,
        _("Build %(build)s of %(cluster)s published (%(files)s files).")
        % {
            "build": release.build,
            "cluster": cluster.name,
            "files": release.file_count,
        },
    )
    return _back()


@permission_required(MANAGE)
def fleet_bundle(request: HttpRequest, code: str) -> HttpResponse:
    """Download the cluster's current release as a USB bundle (one tar file)."""
    cluster = get_object_or_404(Cluster, code=code)
    out_path = Path(settings.RELEASE_STORE_ROOT) / ".bundles" / f"{cluster.code}.tar"
    try:
        info = services.release_bundle_write(
            cluster=cluster, out_path=out_path, user=request.user
        )
    except ReleasesError as err:
        messages.error(
            request,
            _("The USB bundle of %(cluster)s could not be written: %(error)s")
            % {"cluster": cluster.name, "error": err},
        )
        return _back()
    return FileResponse(
        open(out_path, "rb"),  # noqa: SIM115 (closed by Django)
        as_attachment=True,
        filename=f"kiosk-{cluster.code}-build-{info.build}.tar",
        content_type="application/x-tar",
    )


def _credential_done(request: HttpRequest, cluster: Cluster, action: str):
    if action == "revoke":
        credential = services.credential_revoke(cluster=cluster, user=request.user)
        messages.success(
            request,
            _(
                "Credential %(prefix)s… of %(cluster)s revoked; its agent is refused "
                "from now on."
            )
            % {"prefix": credential.prefix, "cluster": cluster.name},
        )
        return _back()
    act = services.credential_issue if action == "issue" else services.credential_rotate
    issued = act(cluster=cluster, user=request.user)
    server = request.build_absolute_uri("/api/agent/v1/clusters/")
    return TemplateResponse(
        request,
        "releases/credential_token.html",
        {
            "page_title": _("Agent credential of %(cluster)s") % {"cluster": cluster},
            "header_icon": "key",
            "cluster": cluster,
            "token": issued.token,
            "server_url": server,
            "root_name": ROOT_NAME,
        },
    )


@permission_required(MANAGE)
def fleet_credential(request: HttpRequest, code: str, action: str) -> HttpResponse:
    """Issue, rotate or revoke the cluster's agent credential (after confirming)."""
    cluster = get_object_or_404(Cluster, code=code)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "releases/credential_confirm.html",
            {
                "page_title": _("Agent credential of %(cluster)s")
                % {"cluster": cluster},
                "header_icon": "key",
                "cluster": cluster,
                "action": action,
            },
        )
    try:
        response = _credential_done(request, cluster, action)
    except ReleasesError as err:
        messages.error(request, str(err))
        return _back()
    # The token is on this page only: never cache it.
    response["Cache-Control"] = "no-store"
    return response
