"""The "LED broadcasting" admin menu: airtime policies, the province calendar,
face playlists and the LED plan, and proof of play (no edit or delete of play
records anywhere)."""

from django.urls import path, re_path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import AirtimePolicyForm
from .models import AirtimePolicy, CalendarDay, FacePlaylist
from .panels import AirtimeCheckPanel
from .playlists import views as plan_views
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
    inspect_view_fields = ["name", "regulation", "advertising_cap_percent", "notes"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("regulation"),
            FieldPanel("advertising_cap_percent"),
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


class FacePlaylistViewSet(SnippetViewSet):
    model = FacePlaylist
    icon = "list-ol"
    menu_label = _("Face playlists")
    list_display = ["__str__", "notes"]
    search_fields = ["face__name", "face__code", "face__cluster__name"]
    edit_handler = ObjectList(
        [
            FieldPanel("face"),
            InlinePanel(
                "entries",
                heading=_("Loop, in order"),
                label=_("programme"),
                help_text=_(
                    "Only approved programmes targeted at this face with a finished "
                    "rendition play; the LED plan page names any that cannot. "
                    "Advertising beyond the policy's cap is left out."
                ),
            ),
            FieldPanel("notes"),
        ]
    )


class PlanMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(plan_views.VIEW)


class BroadcastingViewSetGroup(SnippetViewSetGroup):
    items = (AirtimePolicyViewSet, CalendarDayViewSet, FacePlaylistViewSet)
    menu_icon = "media"
    menu_label = _("LED broadcasting")
    menu_name = "broadcasting"
    # After "Clusters" (310) and "Cluster fleet" (311).
    menu_order = 312

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            PlanMenuItem(
                _("LED plan (14 days)"),
                reverse_lazy("broadcasting_led_plan"),
                name="led-plan",
                icon_name="time",
                order=len(self.registerables) + 1,
            ),
        ]


register_snippet(BroadcastingViewSetGroup)


@hooks.register("register_admin_urls")
def register_broadcasting_urls():
    return [
        path("broadcasting/plan/", plan_views.plan_index, name="broadcasting_led_plan"),
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
