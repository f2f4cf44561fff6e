from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.editorial.scoping import AgencyScopedViewSetMixin

from .models import Programme
from .panels import RenditionStatusPanel
from .selectors import programme_ready_count


def _readiness(programme) -> str:
    done, total = programme_ready_count(programme)
    if not total:
        return _("no LED face")
    return _("ready for %(done)d of %(total)d faces") % {"done": done, "total": total}


class ProgrammeViewSet(AgencyScopedViewSetMixin, SnippetViewSet):
    """Providers see only their agency's programmes (cms.editorial.scoping)."""

    model = Programme
    icon = "media"
    menu_label = _("Programmes")
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "title",
        "category",
        "providing_agency",
        BooleanColumn("is_advertising", label=_("Advertising")),
        Column("readiness", label=_("LED renditions"), accessor=_readiness),
    ]
    list_filter = ["category", "is_advertising", "providing_agency"]
    # The model's fields, then how far its renditions are (admin screens only).
    panels = [*Programme.panels, RenditionStatusPanel()]
    search_fields = ["title"]


register_snippet(ProgrammeViewSet)
