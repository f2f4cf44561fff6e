"""The admin's proof-of-play page: delivered airtime per face, and the export.

Readers of airtime policies (inspectors, the board, operators, technicians)
may open it (``broadcasting.view_airtimepolicy``, cms/editorial/roles.py).
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_required

from cms.clusters.models import Cluster

from ..charts import airtime_bars
from .export import export_csv, export_data, export_json
from .selectors import delivered_airtime

VIEW = "broadcasting.view_airtimepolicy"
CHART_DAYS = 14
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProofForm(forms.Form):
    cluster = forms.ModelChoiceField(
        Cluster.objects.order_by("name"),
        to_field_name="code",
        label=gettext_lazy("Cluster"),
    )
    start = forms.DateField(label=gettext_lazy("From"), widget=DATE)
    end = forms.DateField(label=gettext_lazy("To"), widget=DATE)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(
                _("“To” (%(end)s) is before “From” (%(start)s); swap them.")
                % {"end": data["end"], "start": data["start"]}
            )
        return data


def _form(request: HttpRequest) -> ProofForm:
    today = timezone.localdate()
    initial = {"start": today - dt.timedelta(days=CHART_DAYS - 1), "end": today}
    cluster = Cluster.objects.order_by("name").first()
    data = {
        "cluster": cluster.code if cluster else "",
        **{k: v.isoformat() for k, v in initial.items()},
    }
    return ProofForm(request.GET or data)


def _bars(days) -> list[dict]:
    return airtime_bars(
        days,
        seconds=lambda d: d.seconds,
        advertising_seconds=lambda d: d.advertising_seconds,
        required_minutes=lambda d: d.required_minutes,
        label=lambda d: _("%(minutes)s min delivered") % {"minutes": d.minutes},
    )


@permission_required(VIEW)
def proof_index(request: HttpRequest) -> HttpResponse:
    """Delivered airtime per day and face against the minimum; export links."""
    form = _form(request)
    rows = []
    if form.is_valid():
        rows = _bars(
            delivered_airtime(
                cluster=form.cleaned_data["cluster"],
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
            )
        )
    return TemplateResponse(
        request,
        "broadcasting/proof_of_play.html",
        {
            "page_title": _("Proof of play"),
            "header_icon": "list-ul",
            "form": form,
            "rows": rows,
            "query": request.GET.urlencode() if form.is_valid() and request.GET else "",
        },
    )


@permission_required(VIEW)
def proof_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """The inspection export of the chosen cluster and days, CSV or JSON."""
    form = ProofForm(request.GET)
    if not form.is_valid():
        return proof_index(request)
    cluster, start, end = (form.cleaned_data[k] for k in ("cluster", "start", "end"))
    data = export_data(cluster=cluster, start=start, end=end)
    text = export_csv(data) if fmt == "csv" else export_json(data)
    content_type = "text/csv" if fmt == "csv" else "application/json"
    response = HttpResponse(
        text.encode("utf-8"), content_type=f"{content_type}; charset=utf-8"
    )
    name = f"proof-of-play-{cluster.code}-{start}-{end}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
