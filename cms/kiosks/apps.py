from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KiosksConfig(AppConfig):
    name = "cms.kiosks"
    label = "kiosks"
    verbose_name = _("Kiosk builds")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .signals import rebuild_affected_clusters

        for signal in (page_published, page_unpublished):
            signal.connect(
                rebuild_affected_clusters, dispatch_uid=f"kiosks_{id(signal)}"
            )
