from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "cms.programmes"
    label = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from wagtail.signals import published

        from .models import Programme
        from .services import transcode_due
        from .signals import request_renditions_on_publish, transcode_on_due

        published.connect(
            request_renditions_on_publish,
            sender=Programme,
            dispatch_uid="programmes_request_renditions",
        )
        transcode_due.connect(transcode_on_due, dispatch_uid="programmes_transcode")
