"""The admin's LED plan page: per face, planned airtime for the next 14 days
against the required minimum, as SVG bars, with the planner's warnings.

Readers of airtime policies may open it (like proof of play); editing the
playlists needs the face playlist permissions (cms/editorial/roles.py).
"""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_required

from cms.clusters.models import Cluster

from ..charts import airtime_bars
from ..checks import duration
from .models import FacePlaylist
from .selectors import PLAN_DAYS, cluster_plans

VIEW = "broadcasting.view_airtimepolicy"
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanForm(forms.Form):
    cluster = forms.ModelChoiceField(
        Cluster.objects.order_by("name"),
        to_field_name="code",
        label=gettext_lazy("Cluster"),
    )
    start = forms.DateField(label=gettext_lazy("From"), widget=DATE)


def _form(request: HttpRequest) -> PlanForm:
    if request.GET:
        return PlanForm(request.GET)
    cluster = Cluster.objects.order_by("name").first()
    return PlanForm(
        {
            "cluster": cluster.code if cluster else "",
            "start": timezone.localdate().isoformat(),
        }
    )


def _advertising_seconds(day) -> float:
    """The planned airtime's advertising part: the loop's share of it."""
    if not day.loop_seconds:
        return 0
    return day.planned_minutes * 60 * day.advertising_seconds / day.loop_seconds


def _planned_label(day) -> str:
    return _("%(airtime)s planned") % {"airtime": duration(day.planned_minutes)}


def _face_context(plan) -> dict:
    bars = airtime_bars(
        plan.days,
        seconds=lambda d: d.planned_minutes * 60,
        advertising_seconds=_advertising_seconds,
        required_minutes=lambda d: d.required_minutes,
        label=_planned_label,
    )
    for bar in bars:
        day = bar["row"]
        bar["planned"] = duration(day.planned_minutes)
        bar["required_text"] = (
            duration(day.required_minutes) if day.required_minutes is not None else ""
        )
        bar["windows"] = ", ".join(str(window) for window in day.windows)
    warnings = [
        {
            "text": text,
            "days": ", ".join(date_format(day, "d/m") for day in days),
            "every_day": len(days) == len(plan.days),
        }
        for text, days in plan.warnings
    ]
    first = plan.days[0] if plan.days else None
    return {
        "face": plan.face,
        "bars": bars,
        "warnings": warnings,
        "playlist": FacePlaylist.objects.filter(face=plan.face).first(),
        "first_day": first,
        "first_loop": " → ".join(item.title for item in first.loop) if first else "",
    }


@permission_required(VIEW)
def plan_index(request: HttpRequest) -> HttpResponse:
    """Planned airtime per day and face of one cluster, with warnings."""
    form = _form(request)
    faces = []
    if form.is_valid():
        plans = cluster_plans(
            cluster=form.cleaned_data["cluster"],
            start=form.cleaned_data["start"],
            days=PLAN_DAYS,
        )
        faces = [_face_context(plan) for plan in plans]
    return TemplateResponse(
        request,
        "broadcasting/led_plan.html",
        {
            "page_title": _("LED plan"),
            "header_icon": "media",
            "form": form,
            "faces": faces,
            "days": PLAN_DAYS,
            "can_edit": request.user.has_perm("broadcasting.change_faceplaylist"),
            "can_add": request.user.has_perm("broadcasting.add_faceplaylist"),
        },
    )
