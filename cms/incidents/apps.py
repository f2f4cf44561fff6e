from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    name = "cms.incidents"
    label = "incidents"
    verbose_name = _("Incidents")

    def ready(self):
        from . import checks, receivers  # noqa: F401  (registers them)
