from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Programme


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "media"
    menu_label = _("Programmes")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "category", "providing_agency", "is_advertising"]
    list_filter = ["category", "is_advertising", "providing_agency"]
    search_fields = ["title"]


register_snippet(ProgrammeViewSet)
