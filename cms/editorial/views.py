"""Admin views that narrow Wagtail and wagtail-localize views to editorial rules."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import IntegerField, Value
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .errors import TranslationReviewError
from .selectors import user_can_read_audit_log
from .services import translation_submit_for_review, user_can_publish


class AuditLogView(LogEntriesView):
    """Wagtail's "Site history" report, only for those who may read the audit log.

    They see every entry, not only those of objects they may edit.
    """

    def dispatch(self, request, *args, **kwargs):
        if not user_can_read_audit_log(user=request.user):
            raise PermissionDenied(
                _("Only inspectors and the board read the audit log.")
            )
        return super().dispatch(request, *args, **kwargs)

    def get_filtered_queryset(self):
        queryset = None
        self.log_models = list(log_action_registry.get_log_entry_models())
        for index, log_model in enumerate(self.log_models):
            sub_queryset = (
                log_model.objects.all()
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            sub_queryset = self.filter_queryset(sub_queryset).order_by()
            queryset = (
                sub_queryset
                if queryset is None
                else queryset.union(sub_queryset, all=True)
            )
        return queryset.order_by("-timestamp")


audit_log = require_admin_access(AuditLogView.as_view())
audit_log_results = require_admin_access(AuditLogView.as_view(results_only=True))


@require_admin_access
def update_translations(request, translation_source_id):
    """wagtail-localize's "Sync translated pages", minus publishing for non-publishers.

    "Publish immediately" would make every translation live at once, with the
    new source text still untranslated; only someone allowed to publish every
    target may tick it.
    """
    if request.method == "POST" and request.POST.get("publish_translations"):
        source = get_object_or_404(TranslationSource, id=translation_source_id)
        refused = [
            str(target)
            for translation in source.translations.filter(enabled=True)
            if (target := translation.get_target_instance()) is not None
            and not user_can_publish(user=request.user, instance=target)
        ]
        if refused:
            messages.error(
                request,
                _(
                    "You may not publish %(objects)s, so nothing was changed. Untick "
                    '"Publish immediately": the translations will then be updated as '
                    "drafts and go through review."
                )
                % {"objects": ", ".join(refused)},
            )
            return redirect(request.get_full_path())
    return UpdateTranslationsView.as_view()(
        request, translation_source_id=translation_source_id
    )


@require_admin_access
def convert_page_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", only for those who may publish.

    An alias mirrors its source, live status and untranslated text included, so
    converting a translation into one is publishing it.
    """
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not user_can_publish(user=request.user, instance=page):
        messages.error(
            request,
            _(
                '"%(page)s" was not converted into an alias: an alias shows the '
                "source page's text, untranslated, and you may not publish this "
                "page. Ask the head of the editorial board."
            )
            % {"page": page.get_admin_display_title()},
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.id]))
    return convert_to_alias(request, page_id)


def translation_review(request, page_id):
    """Send a translated page for review: the translator's way to "publish".

    wagtail-localize's editor offers "Publish in …" only to publishers; this is
    the same step for everyone else, through the moderation workflow.
    """
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request)
    translation = enabled_translation_for(page)
    if translation is None:
        messages.error(
            request,
            _(
                '"%(page)s" is not a synced translation, so there is nothing to send '
                'for review here; use "Submit for moderation" in its editor.'
            )
            % {"page": page.get_admin_display_title()},
        )
        return redirect(next_url or reverse("wagtailadmin_pages:edit", args=[page.id]))
    if request.method != "POST":
        return TemplateResponse(
            request,
            "editorial/translation_review_confirm.html",
            {"page": page, "next": next_url},
        )
    locale = translation.target_locale.get_display_name()
    try:
        translation_submit_for_review(translation=translation, user=request.user)
    except (TranslationReviewError, ValidationError) as err:
        messages.error(
            request,
            _('"%(page)s" in %(locale)s was not sent for review: %(reason)s')
            % {
                "page": page.get_admin_display_title(),
                "locale": locale,
                "reason": " ".join(getattr(err, "messages", [str(err)])),
            },
        )
    else:
        messages.success(
            request,
            _(
                '"%(page)s" in %(locale)s was saved as a draft and sent for review; '
                "it goes live when the head of the editorial board approves it."
            )
            % {"page": page.get_admin_display_title(), "locale": locale},
        )
    return redirect(next_url or reverse("wagtailadmin_pages:edit", args=[page.id]))


def enabled_translation_for(instance):
    """The enabled wagtail-localize translation whose target is this object."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )
