"""The "LED broadcasting" admin menu: airtime policies, the province calendar and
proof of play (no edit or delete of play records anywhere)."""

from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import AirtimePolicyForm
from .models import AirtimePolicy, CalendarDay
from .panels import AirtimeCheckPanel
from .proof import views as proof_views
from .views import AirtimePolicyInspectView


class AirtimePolicyViewSet(SnippetViewSet):
    model = AirtimePolicy
    icon = "time"
    menu_label = _("Airtime policies")
    list_display = ["name", "regulation"]
    list_filter = ["regulation"]
    search_fields = ["name"]
    inspect_view_enabled = True
    inspect_view_class = AirtimePolicyInspectView
    inspect_view_fields = ["name", "regulation", "notes"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("regulation"),
            FieldPanel("notes"),
            InlinePanel(
                "windows",
                heading=_("Airtime windows"),
                label=_("window"),
                help_text=_(
                    "Times in the cluster's local time. An end of 00:00 means "
                    "midnight; a window cannot run past it."
                ),
            ),
            InlinePanel(
                "cluster_links",
                heading=_("Clusters following this policy"),
                label=_("cluster"),
            ),
            AirtimeCheckPanel(heading=_("Check against the regulation")),
        ],
        base_form_class=AirtimePolicyForm,
    )


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    icon = "date"
    menu_label = _("Province calendar")
    list_display = ["date", "day_type", "name", "decision"]
    list_filter = ["day_type"]
    search_fields = ["name", "decision"]


class BroadcastingViewSetGroup(SnippetViewSetGroup):
    items = (AirtimePolicyViewSet, CalendarDayViewSet)
    menu_icon = "media"
    menu_label = _("LED broadcasting")
    menu_name = "broadcasting"
    # After "Clusters" (310) and "Cluster fleet" (311).
    menu_order = 312


register_snippet(BroadcastingViewSetGroup)


@hooks.register("register_admin_urls")
def register_proof_urls():
    return [
        path("broadcasting/proof/", proof_views.proof_index, name="broadcasting_proof"),
        re_path(
            r"^broadcasting/proof/download\.(?P<fmt>csv|json)$",
            proof_views.proof_download,
            name="broadcasting_proof_download",
        ),
    ]


class ProofMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(proof_views.VIEW)


@hooks.register("register_admin_menu_item")
def register_proof_menu_item():
    return ProofMenuItem(
        _("Proof of play"),
        reverse("broadcasting_proof"),
        name="proof-of-play",
        icon_name="list-ul",
        order=313,
    )
