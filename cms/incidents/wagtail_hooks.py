"""Incidents as snippets, the open ones on the admin home, and a warning when a
security incident cannot be e-mailed."""

import django_filters
from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import IncidentForm
from .models import Incident
from .panels import VIEW, OpenIncidentsPanel
from .services import security_recipients_missing


class IncidentFilterSet(WagtailFilterSet):
    is_open = django_filters.BooleanFilter(
        field_name="resolved_at",
        lookup_expr="isnull",
        label=gettext_lazy("Still open"),
    )

    class Meta:
        model = Incident
        fields = ["cluster", "kind", "severity", "source"]


class IncidentViewSet(SnippetViewSet):
    model = Incident
    icon = "warning"
    menu_label = gettext_lazy("Incidents")
    add_to_admin_menu = True
    menu_order = 317
    list_display = [
        "title",
        "cluster",
        "kind",
        "severity",
        "opened_at",
        "resolved_at",
        "source",
    ]
    filterset_class = IncidentFilterSet
    search_fields = ["title", "description"]
    edit_handler = ObjectList(Incident.panels, base_form_class=IncidentForm)


register_snippet(IncidentViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_security_incident_not_emailed(request, instance):
    if not isinstance(instance, Incident) or instance.kind != Incident.Kind.SECURITY:
        return
    missing = security_recipients_missing()
    if missing:
        messages.error(
            request,
            _(
                "This security incident cannot be e-mailed to the Department and "
                "the police: %(settings)s is not set. Telephone them now, and ask "
                "the administrator to set the addresses."
            )
            % {"settings": ", ".join(missing)},
        )


@hooks.register("construct_homepage_panels")
def add_open_incidents_panel(request, panels):
    if request.user.has_perm(VIEW):
        panels.append(OpenIncidentsPanel())


class AutoResolveFormatter(LogFormatter):
    label = gettext_lazy("Resolve automatically")

    def format_message(self, log_entry):
        return _("Resolved: the cluster's agent reported again")


@hooks.register("register_log_actions")
def register_incident_log_actions(actions):
    actions.register_action("incidents.auto_resolve")(AutoResolveFormatter)
