"""Obligations as snippets, and the compliance dashboard in the admin menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import Obligation


class ObligationViewSet(SnippetViewSet):
    model = Obligation
    icon = "calendar-alt"
    menu_label = _("Submission obligations")
    add_to_admin_menu = True
    menu_order = 314
    list_display = ["agency", "name", "recurrence", "due_day", "min_items"]
    list_filter = ["recurrence", "agency", "active"]
    search_fields = ["name"]


register_snippet(ObligationViewSet)


@hooks.register("register_admin_urls")
def register_compliance_urls():
    return [
        path(
            "obligations/compliance/",
            views.compliance_index,
            name="obligations_compliance",
        )
    ]


class ComplianceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.VIEW)


@hooks.register("register_admin_menu_item")
def register_compliance_menu_item():
    return ComplianceMenuItem(
        _("Submission compliance"),
        reverse("obligations_compliance"),
        name="submission-compliance",
        icon_name="tasks",
        order=315,
    )
