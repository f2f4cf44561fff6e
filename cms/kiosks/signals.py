from django.conf import settings
from django.db import transaction

from cms.clusters.models import Cluster

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


def _rebuild_later(clusters) -> None:
    from .tasks import kiosk_rebuild

    for code in sorted({cluster.code for cluster in clusters if cluster.is_active}):
        transaction.on_commit(
            lambda code=code: kiosk_rebuild.enqueue(cluster_code=code)
        )


def rebuild_for_playlist(sender, instance, **kwargs):
    """A face's playlist changed: its cluster's release carries a new plan."""
    if settings.KIOSK_REBUILD_ON_PUBLISH:
        _rebuild_later([instance.face.cluster])


def rebuild_for_policy(sender, instance, **kwargs):
    """An airtime policy changed: so did the plan of every cluster following it."""
    if settings.KIOSK_REBUILD_ON_PUBLISH:
        _rebuild_later(link.cluster for link in instance.cluster_links.all())


def rebuild_for_rendition(sender, rendition, **kwargs):
    """A rendition finished: the clusters showing its programme can play it."""
    if not settings.KIOSK_REBUILD_ON_PUBLISH:
        return
    programme = rendition.programme
    clusters = Cluster.objects.active()
    if not programme.all_clusters:
        clusters = clusters.filter(
            pk__in=[cluster.pk for cluster in programme.target_clusters.all()]
        )
    _rebuild_later(clusters)
