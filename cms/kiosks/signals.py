from django.conf import settings
from django.db import transaction

from .selectors import clusters_affected_by


def rebuild_affected_clusters(sender, instance, **kwargs):
    """Queue a kiosk rebuild for every cluster a published page reaches."""
    if not settings.KIOSK_REBUILD_ON_PUBLISH:
        return
    from .tasks import kiosk_rebuild

    for cluster in clusters_affected_by(instance):
        code = cluster.code
        transaction.on_commit(
            lambda code=code: kiosk_rebuild.enqueue(cluster_code=code)
        )
