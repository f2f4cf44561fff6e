from django.conf import settings
from django_tasks import task

from cms.clusters.models import Cluster
from cms.releases.services import release_publish_if_changed

from . import services


@task()
def kiosk_rebuild(cluster_code: str) -> dict:
    """Rebuild one cluster's kiosk, then publish it as a release if it changed
    (by setting)."""
    cluster = Cluster.objects.get(code=cluster_code)
    report = services.kiosk_build(cluster=cluster)
    result = {"cluster": cluster_code, "summary": report.summary()}
    if settings.RELEASE_PUBLISH_ON_BUILD:
        release = release_publish_if_changed(cluster=cluster)
        result["build"] = release.build if release else "unchanged"
    return result
