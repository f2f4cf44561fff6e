from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KiosksConfig(AppConfig):
    name = "cms.kiosks"
    label = "kiosks"
    verbose_name = _("Kiosk builds")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from cms.content.previews import preview_mode_register

        from .preview import kiosk_preview_response
        from .signals import rebuild_affected_clusters

        for signal in (page_published, page_unpublished):
            signal.connect(
                rebuild_affected_clusters, dispatch_uid=f"kiosks_{id(signal)}"
            )
        # The page editor's "Preview → Kiosk": first, so it is the default mode.
        preview_mode_register(
            name="kiosk", label=_("Kiosk"), render=kiosk_preview_response
        )
