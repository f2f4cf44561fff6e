"""Keep each agency's programmes to itself in the admin.

Providers see, preview and edit only their own agency's programmes; board
members (head, secretariat, administrators) see all. Used by the programme
snippet viewset (cms/programmes/wagtail_hooks.py).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.permissions import ModelPermissionPolicy
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)

from .selectors import user_agencies, user_agency_scope


def _in_scope(user, instance) -> bool:
    scope = user_agency_scope(user=user)
    return scope is None or instance.providing_agency_id in scope


class AgencyScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the user's agencies for instances."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(
            user, action, instance
        ) and _in_scope(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(
            user, actions, instance
        ) and _in_scope(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        scope = user_agency_scope(user=user)
        if scope is None:
            return queryset
        return queryset.filter(providing_agency_id__in=scope)


class AgencyScopedObjectMixin:
    """Refuse any single-object view of another agency's item."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        # Create views have no object yet.
        if hasattr(obj, "providing_agency_id") and not _in_scope(
            self.request.user, obj
        ):
            raise PermissionDenied(
                _("%(object)s belongs to another agency.") % {"object": obj}
            )
        return obj


class AgencyScopedChooseMixin:
    """Choosers list the user's agencies' items, and others' only once live."""

    def get_object_list(self):
        objects = super().get_object_list()
        scope = user_agency_scope(user=self.request.user)
        if scope is None:
            return objects
        return objects.filter(Q(providing_agency_id__in=scope) | Q(live=True))


class AgencyScopedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = type(
        "AgencyScopedChooseView", (AgencyScopedChooseMixin, ChooseView), {}
    )
    choose_results_view_class = type(
        "AgencyScopedChooseResultsView",
        (AgencyScopedChooseMixin, ChooseResultsView),
        {},
    )


class AgencyScopedViewSetMixin:
    """For a SnippetViewSet whose model has providing_agency and live fields."""

    chooser_viewset_class = AgencyScopedChooserViewSet

    @property
    def permission_policy(self):
        return AgencyScopedPermissionPolicy(self.model)

    def get_queryset(self, request):
        queryset = self.model._default_manager.all()
        scope = user_agency_scope(user=request.user)
        if scope is None:
            return queryset
        return queryset.filter(providing_agency_id__in=scope)

    def get_edit_handler(self):
        # Keep the model's own form (e.g. the programme upload check) underneath.
        base = getattr(self.model, "base_form_class", WagtailAdminModelForm)
        form_class = type(base)(
            f"AgencyScoped{base.__name__}", (AgencyScopedForm, base), {}
        )
        # The viewset's own panels when it has them, else the model's.
        panels = getattr(self, "panels", self.model.panels)
        return ObjectList(panels, base_form_class=form_class).bind_to_model(self.model)

    def construct_view(self, view_class, **kwargs):
        if hasattr(view_class, "get_object"):
            view_class = type(
                f"AgencyScoped{view_class.__name__}",
                (AgencyScopedObjectMixin, view_class),
                {},
            )
        return super().construct_view(view_class, **kwargs)


class AgencyScopedForm(WagtailAdminModelForm):
    """Providers may only name their own agency; a single one is filled in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("providing_agency")
        if field is None or self.for_user is None:
            return
        if user_agency_scope(user=self.for_user) is None:
            return
        agencies = user_agencies(user=self.for_user)
        field.queryset = agencies
        if not self.instance.pk and len(agencies) == 1:
            field.initial = agencies[0].pk

    def clean(self):
        cleaned_data = super().clean()
        if (
            self.for_user is not None
            and "providing_agency" in self.fields
            and not cleaned_data.get("providing_agency")
            and user_agency_scope(user=self.for_user) is not None
        ):
            agencies = list(user_agencies(user=self.for_user))
            if len(agencies) == 1:
                cleaned_data["providing_agency"] = agencies[0]
                self.instance.providing_agency = agencies[0]
            else:
                self.add_error(
                    "providing_agency",
                    _("Choose which of your agencies provides this programme."),
                )
        return cleaned_data
