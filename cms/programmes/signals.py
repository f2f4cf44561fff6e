from django.db import transaction

from . import services


def request_renditions_on_publish(sender, instance, **kwargs):
    """An approved (published) programme gets renditions for its LED faces."""
    from .models import Programme

    if isinstance(instance, Programme) and instance.source_video:
        transaction.on_commit(
            lambda: services.programme_renditions_request(programme=instance)
        )
