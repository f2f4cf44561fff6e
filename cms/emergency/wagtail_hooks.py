"""Emergency control's admin URLs and menu item, its audit log actions, and the
operators' cluster assignments (a snippet the head of board edits)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import OperatorClusters
from .selectors import ISSUE


@hooks.register("register_admin_urls")
def register_emergency_urls():
    return [
        path("emergency/", views.emergency_index, name="emergency_index"),
        path("emergency/issue/", views.emergency_issue, name="emergency_issue"),
        path(
            "emergency/<int:pk>/cancel/",
            views.emergency_cancel,
            name="emergency_cancel",
        ),
        path(
            "emergency/faces/<slug:code>/",
            views.faces_switch,
            name="emergency_faces_switch",
        ),
    ]


class EmergencyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ISSUE)


@hooks.register("register_admin_menu_item")
def register_emergency_menu_item():
    return EmergencyMenuItem(
        gettext_lazy("Emergency"),
        reverse("emergency_index"),
        name="emergency",
        icon_name="warning",
        order=305,
    )


class OperatorClustersViewSet(SnippetViewSet):
    model = OperatorClusters
    icon = "warning"
    list_display = ["user"]


register_snippet(OperatorClustersViewSet)


def _formatter(label, message: str, *fields: str):
    class Formatter(LogFormatter):
        def format_message(self, log_entry):
            data = log_entry.data or {}
            values = {}
            for field in fields:
                value = data.get(field, "")
                values[field] = ", ".join(value) if isinstance(value, list) else value
            return str(message) % values

    Formatter.label = label
    return Formatter


@hooks.register("register_log_actions")
def register_emergency_log_actions(actions):
    entries = {
        "emergency.issue": (
            gettext_lazy("Issue emergency"),
            gettext_lazy("Emergency “%(title)s” issued on %(clusters)s"),
            ("title", "clusters"),
        ),
        "emergency.cancel": (
            gettext_lazy("Cancel emergency"),
            gettext_lazy("Emergency cancelled on %(clusters)s"),
            ("clusters",),
        ),
        "emergency.faces_off": (
            gettext_lazy("Switch LED faces off"),
            gettext_lazy("LED face %(face)s of %(cluster)s switched off"),
            ("face", "cluster"),
        ),
        "emergency.faces_on": (
            gettext_lazy("Switch LED faces on"),
            gettext_lazy("LED face %(face)s of %(cluster)s switched on"),
            ("face", "cluster"),
        ),
    }
    for action, (label, message, fields) in entries.items():
        actions.register_action(action)(_formatter(label, message, *fields))
