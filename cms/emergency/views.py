"""Emergency control in the Wagtail admin: the clusters' state, issue, cancel, switch.

Every view needs ``emergency.issue_emergency`` and acts only on the user's
clusters (`selectors.clusters_for_user`); the services audit-log each action.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from . import services
from .errors import EmergencyError
from .forms import EmergencyIssueForm
from .selectors import (
    ISSUE,
    clusters_for_user,
    faces_off,
    order_active,
    orders_for_user,
    switches_for_user,
)

LISTED = 30


def _rows(*, user) -> list[dict]:
    now = timezone.now()
    rows = []
    for cluster in clusters_for_user(user=user).prefetch_related("led_faces"):
        off = set(faces_off(cluster=cluster))
        rows.append(
            {
                "cluster": cluster,
                "order": order_active(cluster=cluster, now=now),
                "faces": [(face, face.code in off) for face in cluster.led_faces.all()],
            }
        )
    return rows


@permission_required(ISSUE)
def emergency_index(request: HttpRequest) -> HttpResponse:
    """The user's clusters with their running emergency and faces; the history."""
    return TemplateResponse(
        request,
        "emergency/index.html",
        {
            "page_title": _("Emergency control"),
            "header_icon": "warning",
            "rows": _rows(user=request.user),
            "orders": orders_for_user(user=request.user)[:LISTED],
            "switches": switches_for_user(user=request.user)[:LISTED],
            "now": timezone.now(),
        },
    )


@permission_required(ISSUE)
def emergency_issue(request: HttpRequest) -> HttpResponse:
    """The issue form; on success the emergency runs at once."""
    form = EmergencyIssueForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            order = services.emergency_issue(
                user=request.user,
                clusters=list(form.cleaned_data["clusters"]),
                messages=form.messages(),
                programme=form.cleaned_data["programme"],
                until=form.cleaned_data["until"],
            )
        except EmergencyError as err:
            form.add_error(None, str(err))
        else:
            messages.success(
                request,
                _("%(order)s issued; online clusters show it within a minute.")
                % {"order": order},
            )
            return redirect("emergency_index")
    return TemplateResponse(
        request,
        "emergency/issue.html",
        {
            "page_title": _("Issue an emergency"),
            "header_icon": "warning",
            "form": form,
        },
    )


@require_POST
@permission_required(ISSUE)
def emergency_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel an emergency on all its clusters."""
    order = get_object_or_404(orders_for_user(user=request.user), pk=pk)
    try:
        services.emergency_cancel(user=request.user, order=order)
    except EmergencyError as err:
        messages.error(request, str(err))
    else:
        messages.success(request, _("%(order)s cancelled.") % {"order": order})
    return redirect("emergency_index")


@require_POST
@permission_required(ISSUE)
def faces_switch(request: HttpRequest, code: str) -> HttpResponse:
    """Switch one face (POST ``face``) or every face of a cluster off or on."""
    cluster = get_object_or_404(clusters_for_user(user=request.user), code=code)
    switched_on = request.POST.get("state") == "on"
    face = request.POST.get("face", "")
    try:
        services.faces_switch(
            user=request.user, cluster=cluster, face_code=face, switched_on=switched_on
        )
    except EmergencyError as err:
        messages.error(request, str(err))
    else:
        messages.success(
            request,
            (
                _("LED faces of %(cluster)s switched on.")
                if switched_on
                else _("LED faces of %(cluster)s switched off.")
            )
            % {"cluster": cluster.name},
        )
    return redirect("emergency_index")
