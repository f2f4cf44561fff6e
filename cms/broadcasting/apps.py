from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class BroadcastingConfig(AppConfig):
    name = "cms.broadcasting"
    label = "broadcasting"
    verbose_name = _("LED broadcasting")

    def ready(self):
        from .proof.signals import play_log_received

        post_save.connect(
            play_log_received,
            sender="releases.AgentUpload",
            dispatch_uid="broadcasting.play_log_received",
        )
