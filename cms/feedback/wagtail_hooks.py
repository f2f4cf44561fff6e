"""The feedback queue in the admin menu, its URLs, and its audit log actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from . import views


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path("feedback/", views.feedback_index, name="feedback_index"),
        path("feedback/add/", views.feedback_add, name="feedback_add"),
        path("feedback/<int:pk>/", views.feedback_detail, name="feedback_detail"),
        path(
            "feedback/<int:pk>/<slug:action>/",
            views.feedback_act,
            name="feedback_act",
        ),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.VIEW)


@hooks.register("register_admin_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        gettext_lazy("Public feedback"),
        reverse("feedback_index"),
        name="public-feedback",
        icon_name="comment",
        order=316,
    )


def _formatter(label, message, *fields: str):
    class Formatter(LogFormatter):
        def format_message(self, log_entry):
            data = log_entry.data or {}
            text = str(message) % {field: data.get(field, "") for field in fields}
            note = data.get("note")
            return f"{text} {note}" if note else text

    Formatter.label = label
    return Formatter


@hooks.register("register_log_actions")
def register_feedback_log_actions(actions):
    entries = {
        "feedback.receive": (
            gettext_lazy("Receive feedback"),
            gettext_lazy("Received from kiosk %(kiosk)s of cluster %(cluster)s"),
            ("kiosk", "cluster"),
        ),
        "feedback.create": (
            gettext_lazy("Enter feedback"),
            gettext_lazy("Entered by staff (%(channel)s)"),
            ("channel",),
        ),
        "feedback.forward": (
            gettext_lazy("Forward feedback"),
            gettext_lazy("Forwarded to %(agency)s."),
            ("agency",),
        ),
        "feedback.answer": (
            gettext_lazy("Answer feedback"),
            gettext_lazy("Answer: %(answer)s"),
            ("answer",),
        ),
        "feedback.close": (
            gettext_lazy("Close feedback"),
            gettext_lazy("Closed."),
            (),
        ),
        "feedback.reopen": (
            gettext_lazy("Reopen feedback"),
            gettext_lazy("Reopened."),
            (),
        ),
        "feedback.summary": (
            gettext_lazy("Translate or summarise feedback"),
            gettext_lazy("Translation or summary saved"),
            (),
        ),
        "feedback.erase_contact": (
            gettext_lazy("Erase contact"),
            gettext_lazy("Contact erased after the keeping period"),
            (),
        ),
    }
    for action, (label, message, fields) in entries.items():
        actions.register_action(action)(_formatter(label, message, *fields))
