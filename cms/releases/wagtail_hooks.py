"""The fleet view's URLs and menu item, and the audit log's release actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from . import views


@hooks.register("register_admin_urls")
def register_fleet_urls():
    return [
        path("releases/fleet/", views.fleet_index, name="releases_fleet"),
        path(
            "releases/fleet/<slug:code>/rebuild/",
            views.fleet_rebuild,
            name="releases_fleet_rebuild",
        ),
        path(
            "releases/fleet/<slug:code>/publish/",
            views.fleet_publish,
            name="releases_fleet_publish",
        ),
        path(
            "releases/fleet/<slug:code>/bundle/",
            views.fleet_bundle,
            name="releases_fleet_bundle",
        ),
        path(
            "releases/fleet/<slug:code>/credential/<str:action>/",
            views.fleet_credential,
            name="releases_fleet_credential",
        ),
    ]


class FleetMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.VIEW)


@hooks.register("register_admin_menu_item")
def register_fleet_menu_item():
    # Right after "Clusters" (menu_order 310).
    return FleetMenuItem(
        gettext_lazy("Cluster fleet"),
        reverse("releases_fleet"),
        name="cluster-fleet",
        icon_name="site",
        order=311,
    )


def _formatter(label, message: str, *fields: str):
    class Formatter(LogFormatter):
        def format_message(self, log_entry):
            data = log_entry.data or {}
            return str(message) % {field: data.get(field, "") for field in fields}

    Formatter.label = label
    return Formatter


@hooks.register("register_log_actions")
def register_release_log_actions(actions):
    entries = {
        "releases.publish": (
            gettext_lazy("Publish release"),
            gettext_lazy("Published build %(build)s (%(files)s files)"),
            ("build", "files"),
        ),
        "releases.rebuild": (
            gettext_lazy("Queue kiosk rebuild"),
            gettext_lazy("Kiosk rebuild queued"),
            (),
        ),
        "releases.bundle": (
            gettext_lazy("Download USB bundle"),
            gettext_lazy("USB bundle of build %(build)s written"),
            ("build",),
        ),
        "releases.credential_issue": (
            gettext_lazy("Issue agent credential"),
            gettext_lazy("Agent credential %(prefix)s… issued"),
            ("prefix",),
        ),
        "releases.credential_rotate": (
            gettext_lazy("Rotate agent credential"),
            gettext_lazy("Agent credential %(old)s… replaced by %(prefix)s…"),
            ("old", "prefix"),
        ),
        "releases.credential_revoke": (
            gettext_lazy("Revoke agent credential"),
            gettext_lazy("Agent credential %(prefix)s… revoked"),
            ("prefix",),
        ),
    }
    for action, (label, message, fields) in entries.items():
        actions.register_action(action)(_formatter(label, message, *fields))
