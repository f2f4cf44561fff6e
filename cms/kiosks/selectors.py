from cms.clusters.models import Cluster


def clusters_affected_by(page) -> list[Cluster]:
    """Active clusters whose kiosk shows ``page`` in its language."""
    clusters = Cluster.objects.active()
    specific = page.specific
    if not getattr(specific, "all_clusters", True):
        clusters = clusters.filter(
            pk__in=[cluster.pk for cluster in specific.target_clusters.all()]
        )
    code = page.locale.language_code
    return [cluster for cluster in clusters if code in cluster.ordered_languages]
