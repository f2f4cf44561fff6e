from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "cms.programmes"
    label = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from wagtail.signals import published

        from .models import Programme
        from .signals import request_renditions_on_publish

        published.connect(
            request_renditions_on_publish,
            sender=Programme,
            dispatch_uid="programmes_request_renditions",
        )
