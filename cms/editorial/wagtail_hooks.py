"""Editorial rules hooked into the Wagtail admin and wagtail-localize."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.models import DraftStateMixin, Page

from . import views
from .errors import TranslationReviewError
from .selectors import user_can_read_audit_log
from .services import translation_submit_for_review, user_can_publish

# Lower than wagtail-localize's hooks (order 0), so these run first.
BEFORE_LOCALIZE = -100


@hooks.register("register_admin_urls", order=BEFORE_LOCALIZE)
def register_localize_guards():
    # Same paths as wagtail-localize's views, listed first so these win.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            views.update_translations,
            name="editorial_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.convert_page_to_alias,
            name="editorial_convert_to_alias",
        ),
        path(
            "editorial/translations/<int:page_id>/review/",
            views.translation_review,
            name="editorial_translation_review",
        ),
    ]


def translation_review_buttons(page, user, view_name=None, next_url=None):
    """ "Send translation for review" for translators, who cannot publish."""
    if page.is_root() or page.alias_of_id:
        return
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit() or permissions.can_publish():
        return
    if views.enabled_translation_for(page) is None:
        return
    url = reverse("editorial_translation_review", args=[page.id])
    if next_url:
        url += "?" + urlencode({"next": next_url})
    yield ListingButton(
        gettext_lazy("Send translation for review"), url, priority=61, icon_name="tasks"
    )


hooks.register("register_page_listing_more_buttons", translation_review_buttons)
hooks.register("register_page_header_buttons", translation_review_buttons)


def _publish_as_review(request, instance):
    """Turn wagtail-localize's "Publish in …" into "send for review".

    For users who may not publish the target, the translation is saved as a
    draft and goes through the moderation workflow instead.
    """
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if not isinstance(instance, DraftStateMixin):
        return None
    if user_can_publish(user=request.user, instance=instance):
        return None
    translation = views.enabled_translation_for(instance)
    if translation is None:
        return None
    locale = translation.target_locale.get_display_name()
    try:
        translation_submit_for_review(translation=translation, user=request.user)
    except TranslationReviewError as err:
        messages.error(request, str(err))
    except ValidationError as err:
        messages.error(
            request,
            _(
                '"%(object)s" in %(locale)s was not sent for review: %(errors)s '
                "Fix these translations and try again."
            )
            % {"object": instance, "locale": locale, "errors": " ".join(err.messages)},
        )
    else:
        messages.success(
            request,
            _(
                '"%(object)s" in %(locale)s was saved as a draft and sent for review; '
                "it goes live when the head of the editorial board approves it."
            )
            % {"object": instance, "locale": locale},
        )
    return redirect(request.path)


@hooks.register("before_edit_page", order=BEFORE_LOCALIZE)
def translated_page_publish_guard(request, page):
    return _publish_as_review(request, page.specific if type(page) is Page else page)


@hooks.register("before_edit_snippet", order=BEFORE_LOCALIZE)
def translated_snippet_publish_guard(request, instance):
    return _publish_as_review(request, instance)


@hooks.register("before_convert_alias_page")
def live_alias_conversion_guard(request, page):
    """A live alias of a page in another language shows untranslated text.

    Turned into an ordinary page it would pass for a translation while still
    live: only someone who may publish it may do that.
    """
    source = page.alias_of
    if (
        not page.live
        or source is None
        or source.locale_id == page.locale_id
        or user_can_publish(user=request.user, instance=page)
    ):
        return None
    messages.error(
        request,
        _(
            '"%(page)s" is live and still shows the %(language)s text of its '
            "source, so only someone who may publish it can turn it into a "
            'page. Use "Translate this page" instead.'
        )
        % {
            "page": page.get_admin_display_title(),
            "language": source.locale.get_display_name(),
        },
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.id]))


@hooks.register("register_log_actions")
def register_editorial_log_actions(actions):
    @actions.register_action("editorial.role_assign")
    class RoleAssign(LogFormatter):
        label = gettext_lazy("Assign role")

        def format_message(self, log_entry):
            return _("Added to group %(group)s") % {
                "group": log_entry.data.get("group", "")
            }

    @actions.register_action("editorial.section_assign")
    class SectionAssign(LogFormatter):
        label = gettext_lazy("Assign section to provider")

        def format_message(self, log_entry):
            return _("Section given to providers of %(agency)s") % {
                "agency": log_entry.data.get("agency", "")
            }

    actions.register_action(
        "editorial.deactivate", gettext_lazy("Deactivate"), gettext_lazy("Deactivated")
    )


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_read_audit_log(user=request.user)


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    # Wagtail's own item shows to anyone who can explore pages, and hides from
    # inspectors, who have no page permissions: this one replaces it.
    return AuditLogMenuItem(
        gettext_lazy("Site history"),
        reverse("wagtailadmin_reports:site_history"),
        name="audit-log",
        icon_name="history",
        order=1000,
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_site_history(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != "site-history"]
