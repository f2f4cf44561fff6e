"""The admin home's panel: incidents still open, most severe first."""

from django.db.models import Case, IntegerField, Value, When
from wagtail.admin.ui.components import Component

from .models import Incident

VIEW = "incidents.view_incident"
SHOWN = 10
SEVERITY_ORDER = Case(
    *(
        When(severity=severity, then=Value(rank))
        for rank, severity in enumerate(reversed(Incident.Severity.values))
    ),
    output_field=IntegerField(),
)


class OpenIncidentsPanel(Component):
    name = "open_incidents"
    template_name = "incidents/home_open_incidents.html"
    order = 90

    def get_context_data(self, parent_context):
        incidents = (
            Incident.objects.open()
            .select_related("cluster")
            .annotate(severity_rank=SEVERITY_ORDER)
            .order_by("severity_rank", "-opened_at")
        )
        return {"incidents": incidents[:SHOWN], "count": incidents.count()}
