from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BroadcastingConfig(AppConfig):
    name = "cms.broadcasting"
    label = "broadcasting"
    verbose_name = _("LED broadcasting")
