"""The inspection schedule: every item's next due date, overdue first."""

from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.clusters.models import Cluster

from .selectors import inspections_due

VIEW = "equipment.view_item"


@permission_required(VIEW)
def inspection_schedule(request: HttpRequest) -> HttpResponse:
    """Items in service with their interval, last inspection and next due date."""
    today = timezone.localdate()
    code = request.GET.get("cluster", "")
    clusters = Cluster.objects.order_by("code")
    chosen = clusters.filter(code=code) if code else None
    error = ""
    if code and not chosen.exists():
        error = _('There is no cluster with the code "%(code)s"; choose one below.') % {
            "code": code
        }
    rows = inspections_due(clusters=chosen)
    return TemplateResponse(
        request,
        "equipment/inspection_schedule.html",
        {
            "page_title": _("Inspection schedule"),
            "header_icon": "calendar-check",
            "rows": [
                (row, row.overdue(today), row.days_overdue(today)) for row in rows
            ],
            "overdue_count": sum(1 for row in rows if row.overdue(today)),
            "clusters": clusters,
            "cluster_code": code,
            "cluster_error": error,
            "today": today,
        },
    )
