from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "cms.feedback"
    label = "feedback"
    verbose_name = _("Public feedback")

    def ready(self):
        from .signals import feedback_upload_received

        post_save.connect(
            feedback_upload_received,
            sender="releases.AgentUpload",
            dispatch_uid="feedback_upload_received",
        )
