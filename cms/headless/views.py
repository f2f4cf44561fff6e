"""The kiosk snapshot endpoint: parse the request, build, present."""

import hmac

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cms.clusters.models import Cluster
from kiosk_site.snapshot import snapshot_dumps

from .snapshot import cluster_snapshot


def snapshot_access_allowed(request) -> bool:
    """Who may read snapshots.

    Anyone when ``KIOSK_SNAPSHOT_PUBLIC`` is true (the default in dev and test:
    snapshots hold only published content). Otherwise a logged-in user who may
    view clusters, or a builder sending ``Authorization: Bearer <token>`` with
    the value of ``KIOSK_SNAPSHOT_TOKEN``.
    """
    if getattr(settings, "KIOSK_SNAPSHOT_PUBLIC", False):
        return True
    user = request.user
    if user.is_authenticated and user.has_perm("clusters.view_cluster"):
        return True
    token = getattr(settings, "KIOSK_SNAPSHOT_TOKEN", "")
    header = request.headers.get("Authorization", "")
    if token and header.startswith("Bearer "):
        return hmac.compare_digest(header.removeprefix("Bearer ").strip(), token)
    return False


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse(
        {"error": message}, status=status, json_dumps_params={"ensure_ascii": False}
    )


def _etag_matches(request, etag: str) -> bool:
    header = request.headers.get("If-None-Match", "")
    candidates = {value.strip() for value in header.split(",")}
    return etag in candidates or f"W/{etag}" in candidates or "*" in candidates


@require_GET
def cluster_snapshot_view(request, code: str):
    if not snapshot_access_allowed(request):
        return _error(
            403,
            _(
                "Reading cluster snapshots needs a login with permission to view "
                "clusters or a builder token (Authorization: Bearer …)."
            ),
        )
    cluster = (
        Cluster.objects.filter(code=code)
        .select_related("operating_agency")
        .prefetch_related("kiosks", "led_faces")
        .first()
    )
    if cluster is None:
        return _error(
            404,
            _("No cluster has the code “%(code)s”; check the code in the admin.")
            % {"code": code},
        )
    if not cluster.is_active:
        return _error(
            404,
            _(
                "Cluster “%(code)s” is inactive, so it has no snapshot; "
                "activate it in the admin first."
            )
            % {"code": code},
        )
    snapshot = cluster_snapshot(
        cluster=cluster, base_url=request.build_absolute_uri("/")
    )
    etag = f'"{snapshot["content_hash"]}"'
    if _etag_matches(request, etag):
        response = HttpResponse(status=304)
    else:
        # One page per line: a builder that fetched the last snapshot parses
        # only the pages whose line changed (kiosk_site.snapshot).
        response = HttpResponse(
            snapshot_dumps(snapshot), content_type="application/json"
        )
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    return response
