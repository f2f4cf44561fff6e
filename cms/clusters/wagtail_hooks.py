from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Cluster


class ClusterViewSet(SnippetViewSet):
    model = Cluster
    icon = "desktop"
    menu_label = _("Clusters")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "code", "kind", "place", "operating_agency", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "code"]


register_snippet(ClusterViewSet)
