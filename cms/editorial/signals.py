"""Keep roles in step with agencies, locales and the database schema."""

import logging

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import DEFAULT_DB_ALIAS, connections
from wagtail.models import Page

from . import services
from .errors import RoleSetupError
from .models import RoleGroup

logger = logging.getLogger(__name__)


def roles_sync_after_migrate(sender, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs):
    """Give a freshly migrated database its groups and workflow.

    Permissions of apps listed after this one do not exist yet when its
    post_migrate signal runs, so they are created first.
    """
    if RoleGroup._meta.db_table not in connections[using].introspection.table_names():
        return
    if not Page.objects.using(using).filter(depth=1).exists():
        # A flush (transactional tests) emptied Wagtail's tree; nothing to attach
        # page permissions to until its data is back.
        return
    for app_config in global_apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0, using=using)
        create_permissions(app_config, verbosity=0, using=using)
    try:
        groups = services.roles_sync()
    except RoleSetupError as err:
        logger.warning("Editorial roles not set up: %s", err)
        return
    if verbosity >= 2:
        logger.info("Editorial roles set up: %s", ", ".join(g.name for g in groups))


def provider_group_on_agency_save(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    services.provider_group_ensure(agency=instance)


def locale_root_on_page_save(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    services.locale_root_rules_apply(page=instance)
