from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "cms.editorial"
    label = "editorial"
    verbose_name = _("Editorial")

    def ready(self):

        from cms.agencies.models import Agency

        from . import signals

        post_migrate.connect(
            signals.roles_sync_after_migrate,
            sender=self,
            dispatch_uid="editorial_roles_sync_after_migrate",
        )
        post_save.connect(
            signals.provider_group_on_agency_save,
            sender=Agency,
            dispatch_uid="editorial_provider_group_on_agency_save",
        )
        # Page subclasses send post_save with their own class as sender.
        post_save.connect(
            signals.locale_root_on_page_save,
            dispatch_uid="editorial_locale_root_on_page_save",
        )
