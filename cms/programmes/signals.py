from django.db import transaction

from . import services
from .tasks import transcode_programme


def request_renditions_on_publish(sender, instance, **kwargs):
    """An approved (published) programme gets renditions for its LED faces."""
    from .models import Programme

    if isinstance(instance, Programme) and instance.source_video:
        transaction.on_commit(
            lambda: services.programme_renditions_request(programme=instance)
        )


def transcode_on_due(sender, *, programme_id: int, run_after=None, **kwargs):
    """Queue the transcode task for a programme the services say is due."""
    if run_after is None:
        transcode_programme.enqueue(programme_id=programme_id)
    elif transcode_programme.get_backend().supports_defer:
        transcode_programme.using(run_after=run_after).enqueue(
            programme_id=programme_id
        )
    # Otherwise renditions_recover() picks it up once it is due.
