"""Admin panels for programmes, added by the snippet viewset (wagtail_hooks).

They read models and selectors; nothing below the admin screens imports them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .models import Rendition
from .selectors import programme_kiosk_rendition, programme_readiness


class RenditionStatusPanel(Panel):
    """Shows editors, per LED face, whether the programme is ready to play."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("LED renditions"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "programmes/panels/rendition_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            rows = []
            kiosk = None
            if self.instance.pk and self.instance.source_video:
                rows = programme_readiness(self.instance)
                kiosk = programme_kiosk_rendition(self.instance)
            context["rows"] = rows
            context["kiosk"] = kiosk
            context["done"] = sum(
                1
                for row in rows
                if row.rendition and row.rendition.status == Rendition.Status.DONE
            )
            return context
