from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KiosksConfig(AppConfig):
    name = "cms.kiosks"
    label = "kiosks"
    verbose_name = _("Kiosk builds")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published, page_unpublished

        from cms.broadcasting.models import AirtimePolicy
        from cms.broadcasting.playlists.models import FacePlaylist
        from cms.content.previews import preview_mode_register
        from cms.programmes.services import rendition_done

        from .preview import kiosk_preview_response
        from .signals import (
            rebuild_affected_clusters,
            rebuild_for_playlist,
            rebuild_for_policy,
            rebuild_for_rendition,
        )

        for signal in (page_published, page_unpublished):
            signal.connect(
                rebuild_affected_clusters, dispatch_uid=f"kiosks_{id(signal)}"
            )
        # The LED plan travels in the release (snapshot "led"): a changed
        # playlist or airtime policy is rebuilt like a published page.
        post_save.connect(
            rebuild_for_playlist, sender=FacePlaylist, dispatch_uid="kiosks_playlist"
        )
        post_save.connect(
            rebuild_for_policy, sender=AirtimePolicy, dispatch_uid="kiosks_policy"
        )
        # A finished rendition: the kiosk page and LED loop can now play it.
        rendition_done.connect(rebuild_for_rendition, dispatch_uid="kiosks_rendition")
        # The page editor's "Preview → Kiosk": first, so it is the default mode.
        preview_mode_register(
            name="kiosk", label=_("Kiosk"), render=kiosk_preview_response
        )
